/**
 * Issue 16, items 3, 4 and 7, with real processes stopped at chosen points (PRAKERJA_TEST_PAUSE makes the
 * process print a line and wait there; the test kills or signals it on that line, never on a timer).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from './helpers/cli.js';
import { ensureBuilt, runBin, startBin, stderrLine, validNik } from './helpers/process.js';

beforeAll(() => ensureBuilt(), 120_000);

function count(db: string, sql: string): number {
  const conn = new Database(db, { readonly: true });
  try {
    return Number(conn.prepare(sql).pluck().get());
  } finally {
    conn.close();
  }
}
const unresolved = (db: string) => count(db, 'SELECT count(*) FROM records WHERE person_id IS NULL');
const records = (db: string) => count(db, 'SELECT count(*) FROM records');

function recipients(dir: string, name: string, rows: number, offset = 0): string {
  const lines = ['NIK,Nama,Gelombang'];
  for (let i = 0; i < rows; i++) lines.push(`${validNik(i + offset)},WARGA NOMOR ${i + offset},1`);
  const file = join(dir, name);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

describe('steps after the commit (issue 16.3)', () => {
  it('import killed while matching: the re-run notices the records without a person and matches them, saying so', async () => {
    const dir = tempDir();
    const db = join(dir, 'data.sqlite');
    const file = recipients(dir, 'gel1.csv', 300);
    const child = startBin(['--db', db, 'import', file, '--source', 'central'], { PRAKERJA_TEST_PAUSE: 'resolve-write' });
    await stderrLine(child, /paused at resolve-write/);
    child.kill('SIGKILL');
    await child.result;
    expect([records(db), unresolved(db)]).toEqual([300, 300]);
    const again = await runBin(['--db', db, 'import', file, '--source', 'central'], { PRAKERJA_LANG: 'en' });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain('already imported');
    expect(again.stdout).toContain('300 records had not been matched into persons yet');
    expect(unresolved(db)).toBe(0);
  }, 60_000);

  it.each([
    ['report waves', ['report', 'waves']],
    ['resolve', ['resolve']],
  ])('import killed while matching, then `%s`: it matches them first and says so', async (_name, args) => {
    const dir = tempDir();
    const db = join(dir, 'data.sqlite');
    const file = recipients(dir, 'gel1.csv', 200);
    const child = startBin(['--db', db, 'import', file, '--source', 'central'], { PRAKERJA_TEST_PAUSE: 'resolve-write' });
    await stderrLine(child, /paused at resolve-write/);
    child.kill('SIGKILL');
    await child.result;
    expect(unresolved(db)).toBe(200);
    const r = await runBin(['--db', db, ...args], { PRAKERJA_LANG: 'en' });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout + r.stderr).toContain('200 records had not been matched into persons yet');
    expect(unresolved(db)).toBe(0);
  }, 60_000);

  it('disk full while matching after the commit: the message says the records ARE kept, and resolve finishes', async () => {
    const dir = tempDir();
    const db = join(dir, 'data.sqlite');
    const file = recipients(dir, 'gel1.csv', 150);
    const r = await runBin(['--db', db, 'import', file, '--source', 'central'], { PRAKERJA_TEST_FAULT: 'resolve-write', PRAKERJA_LANG: 'en' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('the disk is full while matching: the 150 records just imported ARE kept');
    expect(r.stderr).not.toContain('nothing of');
    expect([records(db), unresolved(db)]).toEqual([150, 150]);
    const fixed = await runBin(['--db', db, 'resolve'], { PRAKERJA_LANG: 'en' });
    expect(fixed.code, fixed.stderr).toBe(0);
    expect(unresolved(db)).toBe(0);
  }, 60_000);
});
