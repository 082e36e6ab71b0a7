/**
 * The same list saved again is the same list: a copy with CRLF line ends, a BOM, another encoding or
 * another delimiter is "already imported" (issue 16 item 5), and importing it with another --source says so.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from './helpers/cli.js';
import { count } from './helpers/db.js';

const ROWS = [
  ['NIK', 'Nama', 'Gelombang'],
  ['1271015501900003', 'SITI AMINAH', '3'],
  ['1271011203850001', 'JOSÉ MARIÑO', '3'],
  ['1207014708950002', 'ANI, S.E.', '3'],
];

function csv(delimiter: string, eol: string): string {
  const q = (c: string) => (c.includes(delimiter) ? `"${c}"` : c);
  return ROWS.map((r) => r.map(q).join(delimiter)).join(eol) + eol;
}

describe('a re-saved copy of an imported list', () => {
  it('CRLF, a BOM, Windows-1252 or ";" instead of ",": already imported, nothing added', async () => {
    const dir = tempDir();
    const db = join(dir, 'p.sqlite');
    const original = join(dir, 'gel3.csv');
    writeFileSync(original, csv(',', '\n'));
    expect((await runCli(['--db', db, 'import', original, '--source', 'central'])).code).toBe(0);
    const copies: [string, Buffer][] = [
      ['crlf-bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv(',', '\r\n'))])],
      ['ansi.csv', iconv.encode(csv(',', '\r\n'), 'windows-1252')],
      ['semicolon.csv', Buffer.from(csv(';', '\n'))],
    ];
    for (const [name, bytes] of copies) {
      const file = join(dir, name);
      writeFileSync(file, bytes);
      const r = await runCli(['--db', db, 'import', file, '--source', 'central']);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`${file}: the same rows as batch 1 (gel3.csv), saved again with other bytes; nothing to do. Use --force to import it again.`);
    }
    expect(count(db, 'SELECT count(*) FROM batches')).toBe(1);
    expect(count(db, 'SELECT count(*) FROM records')).toBe(3);
    const json = await runCli(['--db', db, '--json', 'import', join(dir, 'ansi.csv'), '--source', 'central']);
    expect((JSON.parse(json.stdout) as { files: { outcome: string; sameAs: unknown }[] }).files[0]).toMatchObject({
      outcome: 'unchanged',
      sameAs: { batch: 1, file: 'gel3.csv', source: 'central', by: 'rows' },
    });
    const forced = await runCli(['--db', db, 'import', join(dir, 'ansi.csv'), '--source', 'central', '--force']);
    expect(forced.stdout).toContain('replaced, imported 3');
    expect(count(db, 'SELECT count(*) FROM batches')).toBe(1);
    expect(count(db, 'SELECT count(*) FROM records')).toBe(3);
  });

  it('the same file (or a copy) with another --source is said, naming the source it has', async () => {
    const dir = tempDir();
    const db = join(dir, 'p.sqlite');
    const original = join(dir, 'gel3.csv');
    writeFileSync(original, csv(',', '\n'));
    await runCli(['--db', db, 'import', original, '--source', 'central']);
    const same = await runCli(['--db', db, 'import', original, '--source', 'province']);
    expect(same.code).toBe(0);
    expect(same.stdout).toContain('already imported as batch 1 with --source central, not province');
    expect(same.stdout).toContain('prakerja purge --batch 1');
    const copy = join(dir, 'copy.csv');
    writeFileSync(copy, csv(',', '\r\n'));
    const other = await runCli(['--db', db, 'import', copy, '--source', 'province']);
    expect(other.stdout).toContain('the same rows as batch 1 (gel3.csv), saved again with other bytes');
    expect(other.stdout).toContain('with --source central, not province');
    expect(count(db, 'SELECT count(*) FROM batches')).toBe(1);
  });

  it('a list with one row changed is a new batch', async () => {
    const dir = tempDir();
    const db = join(dir, 'p.sqlite');
    writeFileSync(join(dir, 'a.csv'), csv(',', '\n'));
    writeFileSync(join(dir, 'b.csv'), csv(',', '\n').replace('SITI AMINAH', 'SITI AMINAH BR. TARIGAN'));
    await runCli(['--db', db, 'import', join(dir, 'a.csv'), '--source', 'central']);
    const r = await runCli(['--db', db, 'import', join(dir, 'b.csv'), '--source', 'central']);
    expect(r.stdout).toContain('rows: imported 3');
    expect(count(db, 'SELECT count(*) FROM batches')).toBe(2);
  });
});
