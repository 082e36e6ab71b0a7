import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from './helpers/cli.js';
import { query, writeText as write } from './helpers/db.js';

/** Valid NIKs of Kota Medan (1271xx) and Kab. Deli Serdang (1207xx); women have day + 40. */
const SITI = '1271015501900003'; // F, 15-01-1990
const BUDI = '1271011203850001'; // M, 12-03-1985
const ANI = '1207014708950002'; // F, 07-08-1995

describe('prakerja import', () => {
  it('imports a central list, keeping NIKs as exact text and recording line numbers', async () => {
    const dir = tempDir();
    const db = join(dir, 'p.sqlite');
    const file = write(dir, 'gel3.csv', `NIK,Nama,Gelombang\n${SITI},SITI AMINAH,3\n${BUDI},budi  santoso,3\n`);
    const r = await runCli(['--db', db, 'import', file, '--source', 'central']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('2 rows: imported 2, rejected 0, skipped 0');
    const rows = query<{ line: number; nik: string; name: string; wave: number; sex: string; birth_date: string; region: string }>(
      db,
      'SELECT line, nik, name, wave, sex, birth_date, region FROM records ORDER BY line',
    );
    expect(rows).toEqual([
      { line: 2, nik: SITI, name: 'Siti Aminah', wave: 3, sex: 'F', birth_date: '1990-01-15', region: '127101' },
      { line: 3, nik: BUDI, name: 'Budi Santoso', wave: 3, sex: 'M', birth_date: '1985-03-12', region: '127101' },
    ]);
    expect(typeof rows[0]?.nik).toBe('string');
  });

  it('creates the database readable by its owner only', async () => {
    const dir = tempDir();
    const db = join(dir, 'p.sqlite');
    const file = write(dir, 'a.csv', `NIK;Nama\n${SITI};SITI\n`);
    expect((await runCli(['--db', db, 'import', file, '--source', 'central', '--wave', '1'])).code).toBe(0);
    expect(statSync(db).mode & 0o777).toBe(0o600);
  });

  it('accounts for every row: imported, rejected with line and reason, or skipped', async () => {
    const dir = tempDir();
    const db = join(dir, 'p.sqlite');
    const file = write(
      dir,
      'prov.csv',
      [
        'DAFTAR PENERIMA KARTU PRAKERJA GELOMBANG 4',
        '',
        'No;NO. KTP;Nama Lengkap;GEL',
        `1;${SITI};Hj. Siti Aminah, S.Pd.;4`,
        `2;3.27512E+15;RUDI;4`,
        '3;;;',
        `4;${BUDI};;4`,
        `5;${ANI};ANI;4;extra`,
        'JUMLAH;;;3',
      ].join('\r\n') + '\r\n',
    );
    const r = await runCli(['--db', db, 'import', file, '--source', 'province']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('8 rows: imported 2, rejected 2, skipped 4');
    expect(r.stdout).toContain('line 7: row has no name');
    expect(r.stdout).toContain('line 8: row has 5 fields but the header has 4');
    const rejects = query<{ line: number; reason: string }>(db, 'SELECT line, reason FROM rejects ORDER BY line');
    expect(rejects).toEqual([
      { line: 7, reason: 'missing_name' },
      { line: 8, reason: 'field_count' },
    ]);
    const flagged = query<{ line: number; nik_status: string; nik_reason: string; nik_raw: string }>(
      db,
      `SELECT line, nik_status, nik_reason, nik_raw FROM records WHERE nik_status <> 'valid'`,
    );
    expect(flagged).toEqual([{ line: 5, nik_status: 'damaged', nik_reason: 'scientific_notation', nik_raw: '3.27512E+15' }]);
    const [batch] = query<{ rows_read: number; rows_imported: number; rows_rejected: number; rows_skipped: number }>(
      db,
      'SELECT rows_read, rows_imported, rows_rejected, rows_skipped FROM batches',
    );
    expect(batch).toEqual({ rows_read: 8, rows_imported: 2, rows_rejected: 2, rows_skipped: 4 });
  });

  it('imports the same file twice as a no-op, and --force replaces the batch', async () => {
    const dir = tempDir();
    const db = join(dir, 'p.sqlite');
    const file = write(dir, 'gel3.csv', `NIK,Nama\n${SITI},SITI AMINAH\n`);
    const args = ['--db', db, 'import', file, '--source', 'central', '--wave', '3'];
    expect((await runCli(args)).code).toBe(0);
    const again = await runCli(args);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('already imported as batch 1 (1 records); nothing to do');
    expect(query(db, 'SELECT id FROM records')).toHaveLength(1);
    const forced = await runCli([...args, '--force']);
    expect(forced.stdout).toContain('replaced, imported 1');
    expect(query<{ id: number }>(db, 'SELECT id FROM batches')).toEqual([{ id: 2 }]);
    expect(query(db, 'SELECT id FROM records')).toHaveLength(1);
  });

  it('--dry-run counts everything and writes nothing', async () => {
    const dir = tempDir();
    const db = join(dir, 'p.sqlite');
    const file = write(dir, 'gel3.csv', `NIK,Nama\n${SITI},SITI AMINAH\n${BUDI},\n`);
    await runCli(['--db', db, 'init', '--region', '1271']);
    const r = await runCli(['--db', db, 'import', file, '--source', 'central', '--wave', '3', '--dry-run']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('would import 1, rejected 1');
    expect(query(db, 'SELECT * FROM batches')).toHaveLength(0);
    expect(query(db, 'SELECT * FROM rejects')).toHaveLength(0);
  });

  it('--json prints the summary for scripts', async () => {
    const dir = tempDir();
    const db = join(dir, 'p.sqlite');
    const file = write(dir, 'w.csv', `Tanggal,Nama,NIK,No HP\n05/08/2020,Budi,${BUDI},+62 812-3456-7890\n06/08/2020,Ani,-,\n`);
    const r = await runCli(['--db', db, '--json', 'import', file, '--source', 'walkin']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as { ok: boolean; files: { imported: number; nikFlags: Record<string, number> }[] };
    expect(json.ok).toBe(true);
    expect(json.files[0]?.imported).toBe(2);
    expect(json.files[0]?.nikFlags).toEqual({ missing: 1 });
    expect(query(db, 'SELECT visit_date, phone FROM records ORDER BY line')).toEqual([
      { visit_date: '2020-08-05', phone: '081234567890' },
      { visit_date: '2020-08-06', phone: null },
    ]);
  });

  it('flags a whole column that Excel rounded to 15 digits', async () => {
    const dir = tempDir();
    const db = join(dir, 'p.sqlite');
    const rows = Array.from({ length: 30 }, (_, i) => `1271011203850${(i % 9) + 1}${Math.floor(i / 9)}0,ORANG ${i}`);
    const file = write(dir, 'rounded.csv', `NIK,Nama\n${rows.join('\n')}\n`);
    const r = await runCli(['--db', db, 'import', file, '--source', 'central', '--wave', '2']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/rounded by Excel 30/);
    expect(query(db, `SELECT DISTINCT nik_status, nik_reason, nik FROM records`)).toEqual([
      { nik_status: 'damaged', nik_reason: 'excel_rounded', nik: null },
    ]);
  });
});

describe('one rule for a rounded column (markExcelRounded), serial 0000 included', () => {
  it('a rounded column\'s serial 0000 (what 0001–0004 round to) is excel_rounded too, matched by its range', async () => {
    const dir = tempDir();
    const db = join(dir, 'p.sqlite');
    // The centre's text NIKs, then the same list as a spreadsheet rounded them: 0003 → 0000, 4395 → 4400.
    const niks = ['1271011203850003', '1271011203854395', '1271011203850018', '1271014505900027', '1271014505904396', '1271014505900049', '1271012208880052'];
    const names = ['ANDI SIREGAR', 'BUDI NASUTION', 'CITRA LUBIS', 'DEWI HARAHAP', 'EKA GINTING', 'FITRI TARIGAN', 'GALIH SINAGA'];
    const round = (n: string) => String(Math.round(Number(n) / 10) * 10);
    const original = write(dir, 'asli.csv', `NIK,Nama\n${niks.map((n, i) => `${n},${names[i]}`).join('\n')}\n`);
    const rounded = write(dir, 'bulat.csv', `NIK,Nama\n${niks.map((n, i) => `${round(n)},${names[i]}`).join('\n')}\n`);
    expect(round(niks[0] ?? '')).toBe('1271011203850000');
    expect(round(niks[1] ?? '')).toBe('1271011203854400');
    expect((await runCli(['--db', db, 'import', original, '--source', 'central', '--wave', '2'])).code).toBe(0);
    const r = await runCli(['--db', db, '--json', 'import', rounded, '--source', 'central', '--wave', '2']);
    expect(r.code).toBe(0);
    const summary = (JSON.parse(r.stdout) as { files: { nikFlags: Record<string, number> }[] }).files[0];
    expect(summary?.nikFlags).toEqual({ excel_rounded: 7 });
    expect(query(db, `SELECT nik_reason, nik_hint FROM records WHERE batch_id = 2 AND line = 2`)).toEqual([
      { nik_reason: 'excel_rounded', nik_hint: '12710112038500' },
    ]);
    // Each rounded row is the person of its original row, the carried ones (…4395 → …4400) too.
    const persons = query(db, `SELECT count(DISTINCT person_id) AS n FROM records_resolved`);
    expect(persons).toEqual([{ n: 7 }]);
  });
});

describe('bad input gets a one-line message, a non-zero exit and an unchanged database', () => {
  it.each([
    ['a missing file', (dir: string) => join(dir, 'nope.csv'), 'no such file'],
    ['an empty file', (dir: string) => write(dir, 'empty.csv', ''), 'the file is empty'],
    ['a binary file', (dir: string) => write(dir, 'x.csv', '\u0000\u0001\u0002binary\u0000'), 'binary data'],
    ['no NIK or name column', (dir: string) => write(dir, 'x.csv', 'foo,bar\n1,2\n'), 'no NIK and name columns found'],
  ])('%s', async (_label, make, message) => {
    const dir = tempDir();
    const db = join(dir, 'p.sqlite');
    const good = write(dir, 'good.csv', `NIK,Nama\n${SITI},SITI\n`);
    await runCli(['--db', db, 'import', good, '--source', 'central', '--wave', '1']);
    const r = await runCli(['--db', db, 'import', make(dir), '--source', 'central', '--wave', '1']);
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toContain(message);
    expect(r.stdout + r.stderr).not.toMatch(/\n\s+at /);
    expect(query(db, 'SELECT count(*) AS n FROM records')).toEqual([{ n: 1 }]);
    expect(query(db, 'SELECT count(*) AS n FROM batches')).toEqual([{ n: 1 }]);
  });

  it('a central list without a wave asks for --wave', async () => {
    const dir = tempDir();
    const file = write(dir, 'x.csv', `NIK,Nama\n${SITI},SITI\n`);
    const r = await runCli(['--db', join(dir, 'p.sqlite'), 'import', file, '--source', 'central']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('has no Gelombang column. Say which wave the whole file is with --wave N');
  });

  it.each([
    [['import', 'x.csv'], '--source is missing: where does the file come from?'],
    [['import', 'x.csv', '--source', 'kota'], '--source kota: not a source'],
    [['import', 'x.csv', '--source', 'central', '--wave', 'tiga'], '--wave tiga: give the wave number'],
    [['import', 'x.csv', '--source', 'central', '--map', 'nik'], 'expected HEADER=FIELD'],
  ])('usage error %j exits 2', async (args, message) => {
    const dir = tempDir();
    const r = await runCli(['--db', join(dir, 'p.sqlite'), ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });

  it('--map reads a column the synonyms do not know', async () => {
    const dir = tempDir();
    const db = join(dir, 'p.sqlite');
    const file = write(dir, 'x.csv', `No Identitas,Nama Peserta Pelatihan\n${SITI},SITI\n`);
    const r = await runCli(['--db', db, 'import', file, '--source', 'walkin', '--map', 'No Identitas=nik', '--map', 'Nama Peserta Pelatihan=name']);
    expect(r.code).toBe(0);
    expect(query(db, 'SELECT nik FROM records')).toEqual([{ nik: SITI }]);
  });
});

describe('prakerja init and status', () => {
  it('records the office region by code or name', async () => {
    const dir = tempDir();
    const db = join(dir, 'p.sqlite');
    expect((await runCli(['--db', db, 'init', '--region', 'Kota Medan'])).stdout).toContain('Office region: Kota Medan (1271, kab/kota)');
    expect((await runCli(['--db', db, 'init', '--region', '12'])).stdout).toContain('Sumatera Utara (12, province)');
    const ambiguous = await runCli(['--db', db, 'init', '--region', 'Jakarta']);
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toContain('could be');
  });

  it('shows batches, counts per source and wave, and NIK problems', async () => {
    const dir = tempDir();
    const db = join(dir, 'p.sqlite');
    const file = write(dir, 'gel3.csv', `NIK,Nama\n${SITI},SITI\n1271,RUDI\n`);
    await runCli(['--db', db, 'init', '--region', '1271']);
    await runCli(['--db', db, 'import', file, '--source', 'central', '--wave', '3']);
    const r = await runCli(['--db', db, 'status']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Office region: Kota Medan (1271)');
    expect(r.stdout).toMatch(/gel3\.csv\s+3\s+\d{4}-/);
    expect(r.stdout).toMatch(/central list\s+3\s+2\s+1\s+1\s+0\s+0/);
    expect(r.stdout).toMatch(/not 16 digits\s+1/);
    const json = JSON.parse((await runCli(['--db', db, '--json', 'status'])).stdout) as { records: number; batches: { waves: string }[] };
    expect(json.records).toBe(2);
    expect(json.batches.map((b) => b.waves)).toEqual(['3']);
  });

  it('status on a missing database says how to start', async () => {
    const dir = tempDir();
    const r = await runCli(['--db', join(dir, 'none.sqlite'), 'status']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no database at');
    expect(r.stderr).toContain('Run `prakerja import` or `prakerja init` first');
  });
});
