/** The review and export files: Indonesian headers by default, the stable machine names in English. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RECORD_COLUMNS, recordExportHeader } from '../src/commands/export.js';
import { REVIEW_COLUMNS } from '../src/commands/review.js';
import { inLang, t } from '../src/i18n/index.js';
import { runCli, tempDir } from './helpers/cli.js';

const ID = { PRAKERJA_LANG: 'id' };

/** The same NIK under two incompatible names: one conflict for review. */
async function conflictDb(): Promise<{ dir: string; db: string }> {
  const dir = tempDir();
  const db = join(dir, 'p.sqlite');
  writeFileSync(join(dir, 'pusat.csv'), 'NIK,NAMA,GELOMBANG\n1271011203850001,BUDI SANTOSO,3\n1271011203850001,SRI WAHYUNI,3\n');
  await runCli(['--db', db, 'init', '--region', '1271']);
  await runCli(['--db', db, 'import', join(dir, 'pusat.csv'), '--source', 'central']);
  return { dir, db };
}

const lines = (file: string): string[] => readFileSync(file, 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n');

describe('the machine names', () => {
  it('are the English headers, one for one with the Indonesian ones', () => {
    expect(recordExportHeader('en')).toEqual(RECORD_COLUMNS);
    expect(recordExportHeader('id')).toEqual(['Berkas', 'Baris', 'Sumber', 'ID orang', 'Cara cocok', 'Skor', 'NIK', 'Status NIK', 'Nama', 'Gelombang', 'Status', 'Tanggal kunjungan', 'Kode wilayah', 'Tanggal lahir', 'Jenis kelamin', 'Sheet']);
    expect(inLang('en', () => t.review.columns())).toEqual(REVIEW_COLUMNS);
    expect(inLang('id', () => t.review.columns())).toHaveLength(REVIEW_COLUMNS.length);
  });
});

describe('review export and apply', () => {
  it('with nothing to review says so, and no "fill in the decision column"', async () => {
    const dir = tempDir();
    const db = join(dir, 'p.sqlite');
    writeFileSync(join(dir, 'pusat.csv'), 'NIK,NAMA,GELOMBANG\n1271011203850001,BUDI SANTOSO,3\n');
    await runCli(['--db', db, 'import', join(dir, 'pusat.csv'), '--source', 'central']);
    const file = join(dir, 'periksa.csv');
    const en = await runCli(['--db', db, 'review', 'export', file]);
    expect(en.code).toBe(0);
    expect(en.stdout).toBe(`Wrote 0 possible matches and 0 conflicts to ${file}.\nNothing to decide.\n`);
    const id = await runCli(['--db', db, 'review', 'export', file], ID);
    expect(id.stdout).toBe(`0 kemungkinan sama dan 0 konflik ditulis ke ${file}.\nTidak ada yang perlu diputuskan.\n`);
  });

  it('matches records left without a person first (import --no-resolve), as a report does, so their pairs are in the file', async () => {
    const dir = tempDir();
    const db = join(dir, 'p.sqlite');
    writeFileSync(join(dir, 'pusat.csv'), 'NIK,NAMA,GELOMBANG\n1271011203850001,BUDI SANTOSO,3\n1271011203850002,AGUS SALIM,3\n');
    writeFileSync(join(dir, 'susulan.csv'), 'NIK,NAMA,GELOMBANG\n1271011203850001,SRI WAHYUNI,3\n');
    await runCli(['--db', db, 'import', join(dir, 'pusat.csv'), '--source', 'central']);
    await runCli(['--db', db, 'import', join(dir, 'susulan.csv'), '--source', 'central', '--no-resolve']);
    const file = join(dir, 'periksa.csv');
    const ex = await runCli(['--db', db, 'review', 'export', file]);
    expect(ex.code).toBe(0);
    expect(ex.stderr).toContain('1 records had not been matched into persons yet');
    expect(ex.stdout).toContain(`Wrote 0 possible matches and 1 conflict to ${file}.`);
    expect(lines(file)).toHaveLength(2);
    const json = JSON.parse((await runCli(['--db', db, '--json', 'status'])).stdout) as { unmatched: number; matching: { conflicts: number } };
    expect(json).toMatchObject({ unmatched: 0, matching: { conflicts: 1 } });
  });

  it('writes Indonesian headers and words by default, and applies the file as Excel saves it', async () => {
    const { dir, db } = await conflictDb();
    const file = join(dir, 'periksa.csv');
    const ex = await runCli(['--db', db, 'review', 'export', file], ID);
    expect(ex.code).toBe(0);
    expect(ex.stdout).toBe(
      `0 kemungkinan sama dan 1 konflik ditulis ke ${file}.\n` +
        '1 keputusan menyangkut 2 orang (apakah sebagian dari mereka sebenarnya satu orang).\n' +
        `Isi kolom Keputusan dengan Y (orang yang sama) atau N (orang berbeda), simpan berkasnya, lalu: prakerja review apply ${file}\n`,
    );
    const rows = lines(file);
    expect(rows[0]).toBe('Jenis,Peluang,Menentukan,Alasan,Berkas 1,Baris 1,Sumber 1,NIK 1,Nama 1,Gelombang 1,Berkas 2,Baris 2,Sumber 2,NIK 2,Nama 2,Gelombang 2,Keputusan (Y/N)');
    expect(rows[1]).toMatch(/^konflik,[^,]*,apakah dua data satu orang,NIK sama; nama berbeda,pusat\.csv,2,pusat,127101\*{6}0001,Budi Santoso,3,pusat\.csv,3,/);
    writeFileSync(file, `${rows[0]}\r\n${rows[1]}Y\r\n`);
    const ap = await runCli(['--db', db, 'review', 'apply', file], ID);
    expect(ap.code).toBe(0);
    // Under the stored statistics: only the decided records and their persons are matched again.
    expect(ap.stdout).toMatch(/^Disimpan 1 keputusan "orang yang sama" dan 0 keputusan "orang berbeda"\.\nPencocokan 2 data \(bertahap: data baru atau yang diputuskan dan orang yang dapat bergabung dengannya\)/);
  });

  it('in English writes the machine names, and a file of either language can be applied in the other', async () => {
    const { dir, db } = await conflictDb();
    const file = join(dir, 'review.csv');
    const ex = await runCli(['--db', db, 'review', 'export', file, '--lang', 'en']);
    expect(ex.stdout).toContain('Wrote 0 possible matches and 1 conflict to');
    const rows = lines(file);
    expect(rows[0]).toBe('kind,probability,decides,why,file_l,line_l,source_l,nik_l,name_l,wave_l,file_r,line_r,source_r,nik_r,name_r,wave_r,decision');
    expect(rows[1]).toMatch(/^conflict,[^,]*,whether two records are one person,the same NIK; different names,pusat\.csv,2,/);
    writeFileSync(file, `${rows[0]}\r\n${rows[1]}N\r\n`);
    const ap = await runCli(['--db', db, 'review', 'apply', file], ID);
    expect(ap.code).toBe(0);
    expect(ap.stdout).toContain('Disimpan 0 keputusan "orang yang sama" dan 1 keputusan "orang berbeda".');
  });

  it('a bad decision is named with its line, in both languages, and nothing is stored (exit 1)', async () => {
    const { dir, db } = await conflictDb();
    const file = join(dir, 'periksa.csv');
    await runCli(['--db', db, 'review', 'export', file], ID);
    const rows = lines(file);
    writeFileSync(file, `${rows[0]}\r\n${rows[1]}MUNGKIN\r\n`);
    const id = await runCli(['--db', db, 'review', 'apply', file], ID);
    expect(id.code).toBe(1);
    expect(id.stderr).toBe(
      `prakerja: ${file}: 1 baris tidak bisa dipakai; tidak ada yang disimpan. Perbaiki lalu jalankan lagi:\n  baris 2: keputusan "MUNGKIN" bukan Y atau N (Y = orang yang sama, N = orang berbeda; biarkan kosong untuk diputuskan nanti)\n`,
    );
    const en = await runCli(['--db', db, 'review', 'apply', file]);
    expect(en.stderr).toContain('1 row cannot be used; nothing was stored. Fix it and run again:\n  line 2: decision "MUNGKIN" is not Y or N');
    writeFileSync(file, 'Berkas 1,Baris 1\r\n');
    const cols = await runCli(['--db', db, 'review', 'apply', file], ID);
    expect(cols.stderr).toBe(`prakerja: ${file}:1: tidak punya kolom Berkas 2, Baris 2, Keputusan (Y/N). Pakai berkas yang ditulis \`prakerja review export\`, lengkap dengan baris judul kolomnya.\n`);
  });
});

describe('export records', () => {
  it('writes Indonesian headers by default and the machine names with --lang en', async () => {
    const { dir, db } = await conflictDb();
    const out = join(dir, 'orang.csv');
    const id = await runCli(['--db', db, 'export', 'records', '--out', out], ID);
    expect(id.stdout).toBe(`2 data ditulis ke ${out}.\n`);
    expect(lines(out)[0]).toBe('Berkas,Baris,Sumber,ID orang,Cara cocok,Skor,NIK,Status NIK,Nama,Gelombang,Status,Tanggal kunjungan,Kode wilayah,Tanggal lahir,Jenis kelamin,Sheet');
    const en = await runCli(['--db', db, '--lang', 'en', 'export', 'records', '--out', out]);
    expect(en.stdout).toBe(`Wrote 2 records to ${out}.\n`);
    expect(lines(out)[0]).toBe(RECORD_COLUMNS.join(','));
    const stdout = await runCli(['--db', db, 'export', 'records'], ID);
    expect(stdout.stdout.split('\r\n')[0]).toBe('Berkas,Baris,Sumber,ID orang,Cara cocok,Skor,NIK,Status NIK,Nama,Gelombang,Status,Tanggal kunjungan,Kode wilayah,Tanggal lahir,Jenis kelamin,Sheet');
  });

  it('writes the coded values in Indonesian words by default and keeps the codes with --lang en', async () => {
    const dir = tempDir();
    const db = join(dir, 'p.sqlite');
    writeFileSync(join(dir, 'pusat.csv'), 'NIK,NAMA,GELOMBANG,STATUS\n1271015001900003,SITI AMINAH,3,penerima\n1271011203850001,BUDI SANTOSO,3,dicabut\n');
    writeFileSync(join(dir, 'tamu.csv'), 'Tanggal,Nama,NIK\n2020-05-05,Siti Aminah,1271015001900003\n2020-05-06,Joko Susilo,\n');
    await runCli(['--db', db, 'init', '--region', '1271']);
    await runCli(['--db', db, 'import', join(dir, 'pusat.csv'), '--source', 'central']);
    await runCli(['--db', db, 'import', join(dir, 'tamu.csv'), '--source', 'walkin']);
    const out = join(dir, 'orang.csv');
    // file, source, match, nik_status, status, sex
    const coded = (file: string) => lines(file).slice(1).map((row) => row.split(',')).map((c) => [c[0], c[2], c[4], c[7], c[10], c[14]]);
    await runCli(['--db', db, 'export', 'records', '--out', out], ID);
    expect(coded(out)).toEqual([
      ['pusat.csv', 'pusat', 'NIK sama', 'valid', 'penerima', 'perempuan'],
      ['pusat.csv', 'pusat', 'sendiri', 'valid', 'dicabut', 'laki-laki'],
      ['tamu.csv', 'buku tamu', 'NIK sama', 'valid', '', 'perempuan'],
      ['tamu.csv', 'buku tamu', 'sendiri', 'kosong', '', ''],
    ]);
    await runCli(['--db', db, '--lang', 'en', 'export', 'records', '--out', out]);
    expect(coded(out)).toEqual([
      ['pusat.csv', 'central', 'exact_nik', 'valid', 'penerima', 'F'],
      ['pusat.csv', 'central', 'single', 'valid', 'dicabut', 'M'],
      ['tamu.csv', 'walkin', 'exact_nik', 'valid', '', 'F'],
      ['tamu.csv', 'walkin', 'single', 'missing', '', ''],
    ]);
  });

  it('with --json and no --out, prints the machine names and codes whatever the language (the CSV is the result a script reads)', async () => {
    const { db } = await conflictDb();
    const r = await runCli(['--db', db, '--json', 'export', 'records'], ID);
    expect(r.code).toBe(0);
    const [header, first] = r.stdout.split('\r\n');
    expect(header).toBe(RECORD_COLUMNS.join(','));
    expect(first?.split(',')[2]).toBe('central');
  });
});
