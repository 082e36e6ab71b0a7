/**
 * Mistakes a data officer makes on the command line, and rows every official file carries: each is said,
 * none is taken quietly (issue 11, "Mistakes are accepted quietly").
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from './helpers/cli.js';
import { query, writeText as write } from './helpers/db.js';

const SITI = '1271015501900003';
const BUDI = '1271011203850001';

const GUEST_BOOK = [
  'BUKU TAMU LAYANAN KARTU PRAKERJA,,,,,',
  'No,Tanggal,Nama Tamu,NIK,No. HP,Keperluan',
  `1,05/08/2020,Siti Aminah,${SITI},0812-6000-1111,Daftar Prakerja`,
  `2,06/08/2020,Budi Santoso,${BUDI},,Cek status`,
  'JUMLAH,,,,,',
  ',,,,,',
  ',,,"Medan, 30 September 2020",,',
  ',,,Medan, 30 September 2020,',
  ',,,Kepala Dinas Tenaga Kerja,,',
].join('\n');

describe('mistakes are said, not accepted quietly', () => {
  it('--map naming a header the file does not have is a usage error listing the headers it has', async () => {
    const dir = tempDir();
    const db = join(dir, 'p.sqlite');
    const file = write(dir, 'gel3.csv', `NIK,Nama,Gelombang\n${SITI},SITI AMINAH,3\n`);
    const r = await runCli(['--db', db, 'import', file, '--source', 'central', '--map', 'NIKK=nik']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--map "NIKK=nik": gel3.csv has no column "NIKK"');
    expect(r.stderr).toContain('its columns are "NIK", "Nama", "Gelombang"');
    // Nothing written, not even the new database.
    expect(existsSync(db)).toBe(false);
  });

  it('a central list with a Gelombang column imported as walkin gets a warning naming the column', async () => {
    const dir = tempDir();
    const db = join(dir, 'p.sqlite');
    const file = write(dir, 'gel3.csv', `NIK,Nama,Gelombang\n${SITI},SITI AMINAH,3\n${BUDI},BUDI,3\n`);
    const r = await runCli(['--db', db, 'import', file, '--source', 'walkin']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('column "Gelombang" holds waves, which a guest book does not have');
    expect(r.stdout).toContain('--source central');
    const json = await runCli(['--db', join(dir, 'q.sqlite'), '--json', 'import', file, '--source', 'walkin']);
    const files = (JSON.parse(json.stdout) as { files: { warnings: { kind: string }[] }[] }).files;
    expect(files[0]?.warnings.map((w) => w.kind)).toEqual(['wave_column_in_walkin']);
  });

  it('a guest book imported as central is told both fixes: --source walkin, or --wave', async () => {
    const dir = tempDir();
    const db = join(dir, 'p.sqlite');
    const file = write(dir, 'buku-tamu.csv', GUEST_BOOK);
    const r = await runCli(['--db', db, 'import', file, '--source', 'central']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('looks like a guest book (columns "Tanggal", "Keperluan"): import it with --source walkin');
    expect(r.stdout).toContain('--wave N');
    expect(existsSync(db)).toBe(false);
  });

  it('a guest book: the signature place-and-date line is skipped as signature, JUMLAH,,,,, as footer', async () => {
    const dir = tempDir();
    const db = join(dir, 'p.sqlite');
    const file = write(dir, 'buku-tamu.csv', GUEST_BOOK);
    const r = await runCli(['--db', db, '--json', 'import', file, '--source', 'walkin', '--strict']);
    expect(r.code).toBe(0);
    const f = (JSON.parse(r.stdout) as { files: { read: number; imported: number; rejected: number; skippedBy: Record<string, number> }[] }).files[0];
    expect(f).toMatchObject({ read: 8, imported: 2, rejected: 0 });
    expect(f?.skippedBy).toEqual({ title: 1, footer: 1, blank: 1, signature: 3 });
    expect(query(db, 'SELECT count(*) AS n FROM rejects')).toEqual([{ n: 0 }]);
  });
});
