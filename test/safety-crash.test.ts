/**
 * Issue 16, items 3, 4 and 7, with real processes stopped at chosen points (PRAKERJA_TEST_PAUSE makes the
 * process print a line and wait there; the test kills or signals it on that line, never on a timer).
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/store/database.js';
import { tempDir } from './helpers/cli.js';
import { ensureBuilt, ROOT, runBin, startBin, stderrLine, validNik } from './helpers/process.js';
import { count } from './helpers/db.js';

beforeAll(() => ensureBuilt(), 120_000);

const unresolved = (db: string) => count(db, 'SELECT count(*) FROM records_resolved WHERE person_id IS NULL');
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

/** Distinct NIKs of `niks` found anywhere in the bytes of the database file and of its WAL. */
function niksOnDisk(db: string, niks: readonly string[]): { main: number; wal: number } {
  const bytes = (p: string) => (existsSync(p) ? readFileSync(p).toString('latin1') : '');
  const main = bytes(db);
  const wal = bytes(`${db}-wal`);
  return { main: niks.filter((n) => main.includes(n)).length, wal: niks.filter((n) => wal.includes(n)).length };
}

async function twoLists(rows: number): Promise<{ dir: string; db: string; purged: string[] }> {
  const dir = tempDir();
  const db = join(dir, 'data.sqlite');
  const one = recipients(dir, 'gel1.csv', rows);
  const two = recipients(dir, 'gel2.csv', 50, 100_000);
  for (const f of [one, two]) expect((await runBin(['--db', db, 'import', f, '--source', 'central'])).code).toBe(0);
  const purged = Array.from({ length: rows }, (_, i) => validNik(i));
  expect(niksOnDisk(db, purged).main + niksOnDisk(db, purged).wal).toBeGreaterThan(0);
  return { dir, db, purged };
}

/** A second process holding a read transaction on the database (a long report, a backup). */
async function reader(db: string) {
  const script = `
    const Database = require(${JSON.stringify(join(ROOT, 'node_modules/better-sqlite3'))});
    const db = new Database(process.argv[1], { readonly: true });
    db.exec('BEGIN');
    db.prepare('SELECT count(*) FROM records').get();
    process.stderr.write('holding\\n');
    process.stdin.resume();
    process.stdin.on('end', () => { db.exec('COMMIT'); db.close(); });`;
  const child = spawn(process.execPath, ['-e', script, db], { stdio: ['pipe', 'ignore', 'pipe'] });
  await new Promise<void>((resolve, reject) => {
    child.stderr.on('data', (d: Buffer) => d.toString().includes('holding') && resolve());
    child.on('exit', (code) => reject(new Error(`reader exited ${code}`)));
  });
  return {
    release: async () => {
      child.stdin.end();
      await once(child, 'exit');
    },
  };
}

describe('purge (issue 16.3 and 16.4)', () => {
  it('leaves no purged NIK in the file or its WAL', async () => {
    const { db, purged } = await twoLists(400);
    const r = await runBin(['--db', db, 'purge', '--batch', '1'], { PRAKERJA_LANG: 'en' });
    expect(r.code, r.stderr).toBe(0);
    expect(niksOnDisk(db, purged)).toEqual({ main: 0, wal: 0 });
    expect(r.stdout).toMatch(/\nNone of the 400 purged NIKs is left in the file/);
  }, 60_000);

  it('with another process holding a read transaction: exit 1, naming what remains; a re-run finishes the compaction', async () => {
    const { db, purged } = await twoLists(400);
    const holder = await reader(db);
    const r = await runBin(['--db', db, 'purge', '--batch', '1'], { PRAKERJA_LANG: 'en', PRAKERJA_TEST_CHECKPOINT_WAIT_MS: '50' });
    await holder.release();
    expect(r.code).toBe(1);
    const left = niksOnDisk(db, purged);
    expect(left.main + left.wal).toBeGreaterThan(0);
    expect(r.stderr).toMatch(/of the 400 purged NIKs are still in the (database file|write-ahead log)/);
    expect(r.stderr).toMatch(/another process has the database open/);
    expect(count(db, 'SELECT count(*) FROM batches')).toBe(1);
    const again = await runBin(['--db', db, 'purge', '--batch', '1'], { PRAKERJA_LANG: 'en' });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/^An earlier purge deleted batch 1 but did not finish compacting the file/m);
    expect(niksOnDisk(db, purged)).toEqual({ main: 0, wal: 0 });
  }, 60_000);

  it('killed after deleting, before the persons are rebuilt: nothing was deleted, and the re-run says so and purges', async () => {
    const { db, purged } = await twoLists(300);
    const child = startBin(['--db', db, 'purge', '--batch', '1'], { PRAKERJA_TEST_PAUSE: 'purge-rebuild' });
    await stderrLine(child, /paused at purge-rebuild/);
    child.kill('SIGKILL');
    await child.result;
    expect([count(db, 'SELECT count(*) FROM batches'), records(db), unresolved(db)]).toEqual([2, 350, 0]);
    const again = await runBin(['--db', db, 'purge', '--batch', '1'], { PRAKERJA_LANG: 'en' });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/^An earlier purge of batch 1 was stopped before it deleted anything/m);
    expect([count(db, 'SELECT count(*) FROM batches'), records(db), unresolved(db)]).toEqual([1, 50, 0]);
    expect(niksOnDisk(db, purged)).toEqual({ main: 0, wal: 0 });
  }, 60_000);

  it('killed after the delete was committed, before compacting: the re-run says so and compacts', async () => {
    const { db, purged } = await twoLists(300);
    const child = startBin(['--db', db, 'purge', '--batch', '1'], { PRAKERJA_TEST_PAUSE: 'purge-compact' });
    await stderrLine(child, /paused at purge-compact/);
    child.kill('SIGKILL');
    await child.result;
    // Deleted and persons rebuilt together: no record is left without a person, no person points at nothing.
    expect([count(db, 'SELECT count(*) FROM batches'), records(db), unresolved(db)]).toEqual([1, 50, 0]);
    const again = await runBin(['--db', db, 'purge', '--batch', '1'], { PRAKERJA_LANG: 'en' });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/^An earlier purge deleted batch 1 but did not finish compacting the file/m);
    expect(niksOnDisk(db, purged)).toEqual({ main: 0, wal: 0 });
  }, 60_000);
});

function persons(db: string): string {
  const conn = new Database(db, { readonly: true });
  try {
    return JSON.stringify(conn.prepare('SELECT id, person_id, match FROM records_resolved ORDER BY id').all());
  } finally {
    conn.close();
  }
}

function integrity(db: string): string {
  const conn = new Database(db, { readonly: true });
  try {
    return String(conn.pragma('integrity_check', { simple: true }));
  } finally {
    conn.close();
  }
}

const STOPPING = /stopping at the next safe point/;

describe('signals during the synchronous phases (issue 16.7)', () => {
  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('%s during `prakerja resolve` takes effect: exit %i, a message, persons as before', async (signal, code) => {
    const { db } = await twoLists(200);
    const before = persons(db);
    const child = startBin(['--db', db, 'resolve'], { PRAKERJA_TEST_PAUSE: 'resolve-write' });
    await stderrLine(child, /paused at resolve-write/);
    child.kill(signal);
    const r = await child.result;
    expect([r.code, r.signal]).toEqual([code, null]);
    expect(r.stderr).toMatch(STOPPING);
    expect(r.stderr).toContain('interrupted while matching: the matching was rolled back, persons and links are as they were before');
    expect(persons(db)).toBe(before);
    expect(integrity(db)).toBe('ok');
  }, 60_000);

  it('SIGINT after a bulk import has built its indexes: exit 130, nothing of the file kept', async () => {
    const dir = tempDir();
    const db = join(dir, 'data.sqlite');
    // Large beside an empty database: imported as a bulk load, its indexes built after the rows. The database
    // exists before the import (a new one that the interrupted import wrote nothing to is removed again).
    openDatabase(db, { create: true }).close();
    const file = recipients(dir, 'besar.csv', 60_000);
    const child = startBin(['--db', db, 'import', file, '--source', 'central'], { PRAKERJA_TEST_PAUSE: 'index-built' });
    await stderrLine(child, /paused at index-built/);
    child.kill('SIGINT');
    const r = await child.result;
    expect(r.code).toBe(130);
    expect(r.stderr).toContain(`interrupted: nothing of ${file} was kept`);
    expect([count(db, 'SELECT count(*) FROM batches'), records(db)]).toEqual([0, 0]);
    expect(integrity(db)).toBe('ok');
  }, 120_000);

  it('SIGTERM during purge: exit 143, rolled back, every batch still there', async () => {
    const { db } = await twoLists(200);
    const child = startBin(['--db', db, 'purge', '--batch', '1'], { PRAKERJA_TEST_PAUSE: 'purge-rebuild' });
    await stderrLine(child, /paused at purge-rebuild/);
    child.kill('SIGTERM');
    const r = await child.result;
    expect(r.code).toBe(143);
    expect(r.stderr).toContain('the purge was rolled back before it deleted anything');
    expect([count(db, 'SELECT count(*) FROM batches'), records(db), unresolved(db)]).toEqual([2, 250, 0]);
  }, 60_000);

  it('a second Ctrl-C stops at once, even inside a step that does not look at signals; the database keeps its last commit', async () => {
    const { db } = await twoLists(200);
    const child = startBin(['--db', db, 'purge', '--batch', '1'], { PRAKERJA_TEST_PAUSE: 'purge-rebuild', PRAKERJA_TEST_PAUSE_STUCK: '1' });
    await stderrLine(child, /paused at purge-rebuild/);
    const stopping = stderrLine(child, STOPPING);
    child.kill('SIGINT');
    await stopping;
    child.kill('SIGINT');
    const r = await child.result;
    // Died of the signal (the shell shows 130), not after the 60 s the stuck step would have lasted.
    expect(r.signal).toBe('SIGINT');
    expect(r.stderr).toContain('stopped at once. The database stays as of its last commit');
    expect(integrity(db)).toBe('ok');
    expect([count(db, 'SELECT count(*) FROM batches'), records(db), unresolved(db)]).toEqual([2, 250, 0]);
  }, 60_000);
});
