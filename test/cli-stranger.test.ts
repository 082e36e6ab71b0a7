/**
 * What a newcomer met walking the CLI on the bundled fixtures, kept from coming back: the sources named in
 * words wherever a person reads them (`daftar pusat`, `buku tamu`; in English `central list`, `guest book`),
 * while the files keep theirs (`pusat` in Indonesian, the codes in English); the `--map` mistake said in
 * Indonesian.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, runCli, tempDir } from './helpers/cli.js';

const ID = { PRAKERJA_LANG: 'id' };

describe('a source is named in words in both languages', () => {
  let db = '';
  // One database for these tests (tempDir() folders go after each test).
  const dir = mkdtempSync(join(tmpdir(), 'prakerja-stranger-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  beforeAll(async () => {
    db = join(dir, 'p.sqlite');
    for (const f of ['penerima-gel4-pusat.csv', 'buku-tamu-2020.csv']) copyFileSync(join(FIXTURES, f), join(dir, f));
    await runCli(['--db', db, 'init', '--region', '1271']);
    await runCli(['--db', db, 'import', join(dir, 'penerima-gel4-pusat.csv'), '--source', 'central']);
    await runCli(['--db', db, 'import', join(dir, 'buku-tamu-2020.csv'), '--source', 'walkin']);
  });

  it('status: the batches and the records per source and wave', async () => {
    const id = await runCli(['--db', db, 'status'], ID);
    expect(id.stdout).toMatch(/^ +1 {2}daftar pusat +penerima-gel4-pusat\.csv /m);
    expect(id.stdout).toMatch(/^ +2 {2}buku tamu +buku-tamu-2020\.csv /m);
    expect(id.stdout).toMatch(/^daftar pusat +4 /m);
    expect(id.stdout).toMatch(/^buku tamu +- /m);
    expect(id.stdout).not.toMatch(/\b(central|walkin)\b/);
    const en = await runCli(['--db', db, 'status']);
    expect(en.stdout).toMatch(/^ +1 {2}central list +penerima-gel4-pusat\.csv /m);
    expect(en.stdout).toMatch(/^ +2 {2}guest book +buku-tamu-2020\.csv /m);
    expect(en.stdout).toMatch(/^central list +4 /m);
    expect(en.stdout).toMatch(/^guest book +- /m);
    expect(en.stdout).not.toMatch(/\bwalkin\b|\b(central|province) {2}/);
  });

  it('purge --dry-run lists the batches it would delete the same way', async () => {
    const id = await runCli(['--db', db, 'purge', '--source', 'walkin', '--dry-run'], ID);
    expect(id.stdout).toMatch(/^ +2 {2}buku tamu +buku-tamu-2020\.csv /m);
    const en = await runCli(['--db', db, 'purge', '--source', 'walkin', '--dry-run']);
    expect(en.stdout).toMatch(/^ +2 {2}guest book +buku-tamu-2020\.csv /m);
  });

  it('explain names the source of each record', async () => {
    const id = await runCli(['--db', db, 'explain', 'buku-tamu-2020.csv:5'], ID);
    expect(id.code, id.stderr).toBe(0);
    expect(id.stdout).toMatch(/buku-tamu-2020\.csv:5 Siti Aminah \(buku tamu, NIK /);
    const central = await runCli(['--db', db, 'explain', 'penerima-gel4-pusat.csv:2'], ID);
    expect(central.stdout).toMatch(/penerima-gel4-pusat\.csv:2 .+ \(daftar pusat, gelombang 4, NIK /);
    const en = await runCli(['--db', db, 'explain', 'buku-tamu-2020.csv:5']);
    expect(en.stdout).toMatch(/buku-tamu-2020\.csv:5 Siti Aminah \(guest book, NIK /);
    const centralEn = await runCli(['--db', db, 'explain', 'penerima-gel4-pusat.csv:2']);
    expect(centralEn.stdout).toMatch(/penerima-gel4-pusat\.csv:2 .+ \(central list, wave 4, NIK /);
    expect(en.stdout + centralEn.stdout).not.toMatch(/\((walkin|central),/);
  });
});

describe('mistakes on the command line', () => {
  it('a --map without HEADER=FIELD is explained in Indonesian (exit 2)', async () => {
    const dir = tempDir();
    const r = await runCli(['--db', join(dir, 'p.sqlite'), 'import', join(dir, 'x.csv'), '--source', 'central', '--map', 'foo'], ID);
    expect(r).toMatchObject({ code: 2, stdout: expect.not.stringContaining('kesalahan') });
    expect(r.stderr).toBe(
      'prakerja: --map "foo": tulis JUDUL=FIELD, dengan FIELD salah satu dari nik, name, wave, status, date, phone, purpose, regency, number atau ignore. Contoh: --map "No Identitas=nik".\n',
    );
  });

  it('a folder with no CSV/XLSX file in it is said so, not passed over in silence (exit 0: a cron inbox may be empty)', async () => {
    const dir = tempDir();
    const inbox = join(dir, 'masuk');
    mkdirSync(inbox);
    writeFileSync(join(inbox, 'catatan.doc'), 'bukan daftar');
    const id = await runCli(['--db', join(dir, 'p.sqlite'), 'import', inbox, '--source', 'central'], ID);
    expect(id).toMatchObject({ code: 0, stderr: '' });
    expect(id.stdout).toContain(`Tidak ada berkas .csv, .tsv, .txt atau .xlsx di ${inbox}; tidak ada yang diimpor.\n`);
    const en = await runCli(['--db', join(dir, 'p.sqlite'), 'import', inbox, '--source', 'central']);
    expect(en.stdout).toContain(`No .csv, .tsv, .txt or .xlsx file in ${inbox}; nothing imported.\n`);
    const quiet = await runCli(['--db', join(dir, 'p.sqlite'), '--quiet', 'import', inbox, '--source', 'central']);
    expect(quiet).toMatchObject({ code: 0, stdout: '', stderr: '' });
  });

  it('an inbox folder that does not exist (a cron job\'s typo) is named as a file or folder, exit 1', async () => {
    const dir = tempDir();
    const inbox = join(dir, 'masuk');
    const r = await runCli(['--db', join(dir, 'p.sqlite'), '--quiet', 'import', inbox, '--source', 'provinsi']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${inbox}: no such file or folder. Check the name and where it is.`);
  });

  it.each([
    ['waves', /--out-dir <folder> +tulis berkas dengan nama tetap \(rekap-gelombang\.csv\)/],
    ['monthly', /--out-dir <folder> +tulis berkas dengan nama tetap \(rekap-bulanan\.csv,\s+…\)/],
    ['kecamatan', /--out-dir <folder> +tulis berkas dengan nama tetap \(rekap-kecamatan\.csv,\s+…\)/],
    ['all', /--out-dir <folder> +tulis berkas dengan nama tetap \(rekap-gelombang\.csv,\s+rekap-bulanan\.csv,\s+…\)/],
  ])('report %s --help names the files --out-dir writes for that recap', async (kind, line) => {
    const r = await runCli(['report', kind, '--help'], ID);
    expect(r.stdout).toMatch(line);
  });

  it('a list sent again is said with the source in words and the recap column as the reader\'s recap names it', async () => {
    const dir = tempDir();
    const db = join(dir, 'p.sqlite');
    const gel4 = readFileSync(join(FIXTURES, 'penerima-gel4-pusat.csv'), 'utf8').trimEnd().split(/\r?\n/);
    writeFileSync(join(dir, 'gel4.csv'), `${gel4.join('\n')}\n`);
    writeFileSync(join(dir, 'gel4-ulang.csv'), `${gel4.slice(0, -1).join('\r\n')}\r\n`);
    await runCli(['--db', db, 'import', join(dir, 'gel4.csv'), '--source', 'central']);
    const id = await runCli(['--db', db, 'import', join(dir, 'gel4-ulang.csv'), '--source', 'central', '--dry-run'], ID);
    expect(id.stdout).toContain('ber-NIK sama dengan batch 1 (gel4.csv, daftar pusat, gelombang 4)');
    expect(id.stdout).toContain('barisnya dua kali ("Baris data (semua berkas)")');
    const en = await runCli(['--db', db, 'import', join(dir, 'gel4-ulang.csv'), '--source', 'central', '--dry-run']);
    expect(en.stdout).toContain('have the NIKs of batch 1 (gel4.csv, central list, wave 4)');
    expect(en.stdout).toContain('its rows twice ("Rows (all files)")');
  });

  it('the review file names the sources in words in Indonesian, by code in English, and is applied either way', async () => {
    const dir = tempDir();
    const db = join(dir, 'p.sqlite');
    for (const f of ['penerima-gel3-pusat.xlsx', 'buku-tamu-2020.csv']) copyFileSync(join(FIXTURES, f), join(dir, f));
    await runCli(['--db', db, 'import', join(dir, 'penerima-gel3-pusat.xlsx'), '--source', 'central']);
    await runCli(['--db', db, 'import', join(dir, 'buku-tamu-2020.csv'), '--source', 'walkin']);
    const rows = (file: string) => readFileSync(file, 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n').map((line) => line.split(','));
    const id = join(dir, 'periksa.csv');
    expect((await runCli(['--db', db, 'review', 'export', id], ID)).code).toBe(0);
    const [header, pair] = rows(id);
    expect([pair?.[header?.indexOf('Sumber 1') ?? -1], pair?.[header?.indexOf('Sumber 2') ?? -1]]).toEqual(['pusat', 'buku tamu']);
    const en = join(dir, 'review.csv');
    await runCli(['--db', db, 'review', 'export', en]);
    const [enHeader, enPair] = rows(en);
    expect([enPair?.[enHeader?.indexOf('source_l') ?? -1], enPair?.[enHeader?.indexOf('source_r') ?? -1]]).toEqual(['central', 'walkin']);
    writeFileSync(id, readFileSync(id, 'utf8').replace(/,\r\n/, ',Y\r\n'));
    const applied = await runCli(['--db', db, 'review', 'apply', id], ID);
    expect(applied.code, applied.stderr).toBe(0);
  });
});

describe('what a stranger read wrong on the bundled fixtures (session 7 walkthrough)', () => {
  let db = '';
  const dir = mkdtempSync(join(tmpdir(), 'prakerja-walk-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  beforeAll(async () => {
    db = join(dir, 'p.sqlite');
    for (const f of ['penerima-gel3-pusat.xlsx', 'buku-tamu-2020.csv']) copyFileSync(join(FIXTURES, f), join(dir, f));
    await runCli(['--db', db, 'init', '--region', '1271']);
    await runCli(['--db', db, 'import', join(dir, 'penerima-gel3-pusat.xlsx'), '--source', 'central']);
    await runCli(['--db', db, 'import', join(dir, 'buku-tamu-2020.csv'), '--source', 'walkin']);
  });

  it('English counts of one are singular: status, the matching summary, review export, purge', async () => {
    const status = await runCli(['--db', db, 'status']);
    expect(status.stdout).toContain('\n34 records, 1 rejected row.\n');
    expect(status.stdout).toContain('  to review: 1 possible match, 0 conflicts\n');
    expect(status.stdout).toMatch(/ {2}walk-in visitors found in the central or provincial lists: \d+ persons \(each once\)\n/);
    const review = await runCli(['--db', db, 'review', 'export', join(dir, 'periksa.csv')]);
    expect(review.stdout).toMatch(/^Wrote 1 possible match and 0 conflicts to /);
    const purge = await runCli(['--db', db, 'purge', '--batch', '2', '--dry-run']);
    expect(purge.stdout).toContain('Dry run: would delete 1 batch: 12 records, 1 rejected row, ');
    // Indonesian has no plural: the same words whatever the count.
    const id = await runCli(['--db', db, 'purge', '--batch', '2', '--dry-run'], ID);
    expect(id.stdout).toContain('Uji coba: akan menghapus 1 batch: 12 data, 1 baris ditolak, ');
  });

  it('explain: a record without a NIK reads "no NIK" once, not "NIK none — no NIK"', async () => {
    // buku-tamu-2020.csv:6 is Tjandra Wijaya, who came without a NIK.
    const en = await runCli(['--db', db, 'explain', 'buku-tamu-2020.csv:6']);
    expect(en.code, en.stderr).toBe(0);
    expect(en.stdout).toContain('buku-tamu-2020.csv:6 Tjandra Wijaya (guest book, no NIK)');
    expect(en.stdout).not.toContain('NIK none');
    const id = await runCli(['--db', db, 'explain', 'buku-tamu-2020.csv:6'], ID);
    expect(id.stdout).toContain('buku-tamu-2020.csv:6 Tjandra Wijaya (buku tamu, NIK kosong)');
    expect(id.stdout).not.toContain('NIK tidak ada');
  });

  it('a recap on the terminal starts with its title, not an empty line; tables after it are set apart', async () => {
    const one = await runCli(['--db', db, 'report', 'monthly'], ID);
    expect(one.stdout).toMatch(/^Rekap Kunjungan Loket per Bulan\n/);
    const all = await runCli(['--db', db, 'report', 'all']);
    expect(all.stdout).toMatch(/^Kartu Prakerja recipients per wave\n|^[A-Z][^\n]+\n/);
    expect(all.stdout.startsWith('\n')).toBe(false);
    expect(all.stdout).toContain('\n\nWalk-in desk visits per month\n');
  });

  it('a recap of a wave or month the database does not hold says what it holds; kecamatan prints no zeros for it', async () => {
    const waves = await runCli(['--db', db, 'report', 'waves', '--wave', '9']);
    expect(waves.code).toBe(0);
    expect(waves.stdout).toContain('Wave 9 is in no imported central list; the lists hold wave 3.\n');
    const wavesId = await runCli(['--db', db, 'report', 'waves', '--waves', '8-9'], ID);
    expect(wavesId.stdout).toContain('Gelombang 8-9 tidak ada di daftar pusat yang diimpor; yang ada: gelombang 3.\n');
    const area = await runCli(['--db', db, 'report', 'kecamatan', '--wave', '9']);
    expect(area.code).toBe(0);
    expect(area.stdout).toContain('Wave 9 is in no imported central list; the lists hold wave 3.\n');
    expect(area.stdout).not.toMatch(/Medan Kota +0/);
    const json = JSON.parse((await runCli(['--db', db, '--json', 'report', 'kecamatan', '--wave', '9'])).stdout) as { kecamatan: { rows: unknown[] } };
    expect(json.kecamatan.rows).toEqual([]);
    // A wave the lists hold still lists every kecamatan, zeros included.
    expect((await runCli(['--db', db, 'report', 'kecamatan', '--wave', '3'])).stdout).toMatch(/Medan Belawan +0 /);
    // The file of such a recap says it in its notes, where the table would be.
    const file = join(dir, 'gelombang-9.csv');
    expect((await runCli(['--db', db, 'report', 'waves', '--wave', '9', '--out', file])).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('\r\nNotes,Wave 9 is in no imported central list; the lists hold wave 3.\r\n');
    const month = await runCli(['--db', db, 'report', 'monthly', '--month', '2021-03']);
    expect(month.stdout).toContain('No visits in 2021-03; the guest book holds visits of 2020-05 to 2020-08.\n');
    const monthId = await runCli(['--db', db, 'report', 'monthly', '--month', '2021-03'], ID);
    expect(monthId.stdout).toContain('Tidak ada kunjungan pada 2021-03; buku tamu memuat kunjungan 2020-05 s.d. 2020-08.\n');
  });

  it('a wave recap of a range the lists hold only part of names the waves it lacks, on screen, in its file and in --json', async () => {
    const en = await runCli(['--db', db, 'report', 'waves', '--waves', '3-9']);
    expect(en.code).toBe(0);
    expect(en.stdout).toMatch(/^3 +\d+ /m);
    expect(en.stdout).toContain('Waves 4-9 are in no imported central list; the lists hold wave 3.\n');
    const id = await runCli(['--db', db, 'report', 'waves', '--waves', '3-9'], ID);
    expect(id.stdout).toContain('Gelombang 4-9 tidak ada di daftar pusat yang diimpor; yang ada: gelombang 3.\n');
    const json = JSON.parse((await runCli(['--db', db, '--json', 'report', 'waves', '--waves', '3-9'])).stdout) as { waves: { missing_waves: number[] } };
    expect(json.waves.missing_waves).toEqual([4, 5, 6, 7, 8, 9]);
    const file = join(dir, 'gelombang-3-9.csv');
    expect((await runCli(['--db', db, 'report', 'waves', '--waves', '3-9', '--out', file])).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('\r\nNotes,Waves 4-9 are in no imported central list; the lists hold wave 3.\r\n');
    // Every wave asked for is held: no such note, and an empty list in --json.
    expect((await runCli(['--db', db, 'report', 'waves', '--waves', '3'])).stdout).not.toContain('in no imported central list');
    const all = JSON.parse((await runCli(['--db', db, '--json', 'report', 'waves'])).stdout) as { waves: { missing_waves: number[] } };
    expect(all.waves.missing_waves).toEqual([]);
  });

  it('a recap with nothing of its kind imported says what to import', async () => {
    const empty = join(dir, 'kosong.sqlite');
    await runCli(['--db', empty, 'init', '--region', '1271']);
    expect((await runCli(['--db', empty, 'report', 'waves'])).stdout).toContain('No central list has been imported yet; this recap counts the central lists: import one with --source central.\n');
    expect((await runCli(['--db', empty, 'report', 'kecamatan'], ID)).stdout).toContain(
      'Belum ada daftar pusat yang diimpor; rekap ini dihitung dari daftar pusat: impor dengan --source central.\n',
    );
    expect((await runCli(['--db', empty, 'report', 'monthly'])).stdout).toContain('No guest book has been imported yet: import one with --source walkin.\n');
  });

  it('review apply of a file from another database says so once, and stores nothing (exit 1)', async () => {
    const file = join(dir, 'periksa-lain.csv');
    expect((await runCli(['--db', db, 'review', 'export', file])).code).toBe(0);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/,\r\n/g, ',Y\r\n'));
    const other = join(dir, 'lain.sqlite');
    copyFileSync(join(FIXTURES, 'penerima-gel4-pusat.csv'), join(dir, 'penerima-gel4-pusat.csv'));
    await runCli(['--db', other, 'import', join(dir, 'penerima-gel4-pusat.csv'), '--source', 'central']);
    const en = await runCli(['--db', other, 'review', 'apply', file]);
    expect(en.code).toBe(1);
    expect(en.stderr).toBe(
      `prakerja: ${file}: none of the 2 records this file names is in this database (${other}): was the file exported from another database (give that one with --db or PRAKERJA_DB), or were its files purged since? Nothing was stored.\n`,
    );
    const id = await runCli(['--db', other, 'review', 'apply', file], ID);
    expect(id.code).toBe(1);
    expect(id.stderr).toBe(
      `prakerja: ${file}: tidak satu pun dari 2 data yang disebut berkas ini ada di database ini (${other}): apakah berkas ini diekspor dari database lain (tunjuk database itu dengan --db atau PRAKERJA_DB), atau berkas-berkasnya sudah dihapus? Tidak ada yang disimpan.\n`,
    );
  });

  it('review apply counts the rows it cannot use, not their problems', async () => {
    const file = join(dir, 'periksa-sebagian.csv');
    expect((await runCli(['--db', db, 'review', 'export', file])).code).toBe(0);
    // One row, two problems: the visitor's side names a line the database does not have, the list's line is no number.
    writeFileSync(file, readFileSync(file, 'utf8').replace(/,\r\n/g, ',Y\r\n').replace(/buku-tamu-2020\.csv,6,/, 'buku-tamu-2020.csv,60,').replace(/penerima-gel3-pusat\.xlsx,16,/, 'penerima-gel3-pusat.xlsx,16a,'));
    const en = await runCli(['--db', db, 'review', 'apply', file]);
    expect(en.code).toBe(1);
    expect(en.stderr).toContain(`prakerja: ${file}: 1 row cannot be used; nothing was stored. Fix it and run again:\n  line 2: line number "16a" is not a number; do not edit the file and line columns\n  line 2: no record from buku-tamu-2020.csv at line 60`);
    const id = await runCli(['--db', db, 'review', 'apply', file], ID);
    expect(id.stderr).toContain(`prakerja: ${file}: 1 baris tidak bisa dipakai; tidak ada yang disimpan. Perbaiki lalu jalankan lagi:\n  baris 2: `);
  });
});
