/**
 * A row typed or pasted as UTF-8 into a Windows-1252 file (issue 16 item 8): read as Windows-1252 it
 * would be stored as mojibake (`JOSÃ‰`); it is read as UTF-8 instead, and the import says so and counts it.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from './helpers/cli.js';

describe('UTF-8 rows inside a Windows-1252 file', () => {
  it('are read as UTF-8, counted and named by line; the Windows-1252 rows stay as they are', async () => {
    const dir = tempDir();
    const db = join(dir, 'p.sqlite');
    const file = join(dir, 'rekap.csv');
    writeFileSync(
      file,
      Buffer.concat([
        iconv.encode('NIK;Nama;GEL\r\n1271011203850001;ANDRÉS SIMANJUNTAK;4\r\n', 'windows-1252'),
        Buffer.from('1271015501900003;JOSÉ MARIÑO;4\r\n', 'utf8'),
        iconv.encode('1207014708950002;DÉSIRÉE;4\r\n', 'windows-1252'),
      ]),
    );
    const r = await runCli(['--db', db, 'import', file, '--source', 'province']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('windows-1252');
    expect(r.stdout).toContain('1 row written in UTF-8 inside this Windows-1252 file (line 3) was read as UTF-8');
    const conn = new Database(db, { readonly: true });
    const names = conn.prepare('SELECT name_raw FROM records ORDER BY line').pluck().all();
    conn.close();
    expect(names).toEqual(['ANDRÉS SIMANJUNTAK', 'JOSÉ MARIÑO', 'DÉSIRÉE']);
    const json = await runCli(['--db', join(dir, 'q.sqlite'), '--json', 'import', file, '--source', 'province']);
    const f = (JSON.parse(json.stdout) as { files: { warnings: { kind: string; lines: number[] }[] }[] }).files[0];
    expect(f?.warnings).toEqual([expect.objectContaining({ kind: 'utf8_in_ansi', lines: [3] })]);
  });
});
