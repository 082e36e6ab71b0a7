/** The import summary in both languages, and the frictions a new user met at import. */
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, runCli, tempDir } from './helpers/cli.js';

const ID = { PRAKERJA_LANG: 'id' };

function fixture(dir: string, name: string): string {
  copyFileSync(join(FIXTURES, name), join(dir, name));
  return join(dir, name);
}

describe('the import summary', () => {
  it('is Indonesian by default: counts, reasons in words, matching, and the already-imported line', async () => {
    const dir = tempDir();
    const db = join(dir, 'p.sqlite');
    const file = fixture(dir, 'buku-tamu-2020.csv');
    const r = await runCli(['--db', db, 'import', file, '--source', 'walkin'], ID);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        `Database baru dibuat: ${db} (pakai --db atau PRAKERJA_DB untuk memakai database lain)`,
        `✓ ${file} (CSV, utf8, pemisah ",", judul kolom di baris 4)`,
        '  19 baris: diimpor 12, ditolak 1, dilewati 6',
        '  ditolak: tanpa nama 1',
        '    baris 17: baris tanpa nama',
        '  dilewati: judul 2, kosong 2, lanjutan sel 1, baris jumlah 1',
        '  disimpan dengan masalah NIK: NIK kosong 1, bukan 16 digit 1',
        '  ! tanggal yang tidak terbaca: 1 (baris 15 "kemarin"); kunjungannya disimpan tanpa tanggal, dan didaftar oleh prakerja rejects',
        'Pencocokan 12 data (menyeluruh): 12 data adalah 12 orang.',
        '  tautan yang ditemukan kali ini: 0 cocok, 0 mungkin sama, 0 konflik (NIK sama, nama lain)',
        '  perlu diperiksa: 0 kemungkinan sama, 0 konflik',
        '  pengunjung loket yang ada di daftar pusat atau provinsi: 0 orang (masing-masing sekali)',
        '',
      ].join('\n'),
    );
    const again = await runCli(['--db', db, 'import', file, '--source', 'walkin'], ID);
    expect(again.stdout).toBe(`= ${file}: sudah diimpor sebagai batch 1 (12 data); tidak ada yang dikerjakan. Pakai --force untuk mengimpornya lagi.\n`);
  });

  it('is English with --lang en', async () => {
    const dir = tempDir();
    const db = join(dir, 'p.sqlite');
    const file = fixture(dir, 'buku-tamu-2020.csv');
    const r = await runCli(['--db', db, '--lang', 'en', 'import', file, '--source', 'walkin'], ID);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Created a new database: ${db} (use --db or PRAKERJA_DB for another one)\n✓ ${file} (CSV, utf8, delimiter ",", header on line 4)\n  19 rows: imported 12, rejected 1, skipped 6\n  rejected: no name 1\n`);
    expect(r.stdout).toContain('  skipped: title 2, blank 2, line break in a cell 1, totals row 1\n  kept with a NIK problem: no NIK 1, not 16 digits 1\n');
    expect(r.stdout).toContain('Resolved 12 records (full): 12 records are 12 persons.\n');
    const again = await runCli(['--db', db, 'import', file, '--source', 'walkin', '--lang', 'en'], ID);
    expect(again.stdout).toBe(`= ${file}: already imported as batch 1 (12 records); nothing to do. Use --force to import it again.\n`);
  });

  it('a file that cannot be read says so in both languages (exit 1)', async () => {
    const dir = tempDir();
    const db = join(dir, 'p.sqlite');
    const missing = join(dir, 'tidak-ada.csv');
    await runCli(['--db', db, 'init', '--region', '1271']);
    const id = await runCli(['--db', db, 'import', missing, '--source', 'central', '--wave', '3'], ID);
    expect(id.code).toBe(1);
    expect(id.stdout).toBe(`✗ ${missing}: tidak ada berkas atau folder dengan nama itu. Periksa nama dan letaknya.\n  Tidak ada isi berkas ini yang diimpor.\n`);
    const en = await runCli(['--db', db, 'import', missing, '--source', 'central', '--wave', '3']);
    expect(en.code).toBe(1);
    expect(en.stdout).toBe(`✗ ${missing}: no such file or folder. Check the name and where it is.\n  Nothing from this file was imported.\n`);
  });
});

describe('frictions at import', () => {
  it('without a file, complains about the file first; then about --source (exit 2)', async () => {
    const dir = tempDir();
    const db = join(dir, 'p.sqlite');
    const none = await runCli(['--db', db, 'import'], ID);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("kesalahan: argumen 'berkas' wajib diisi");
    expect(none.stderr).not.toContain('source');
    const noSource = await runCli(['--db', db, 'import', fixture(dir, 'buku-tamu-2020.csv')], ID);
    expect(noSource.code).toBe(2);
    expect(noSource.stderr).toBe(
      'prakerja: --source belum diberikan: dari mana berkas ini? central (daftar pusat), province (rekap provinsi) atau walkin (buku tamu loket). Contoh: prakerja import gelombang-3.csv --source central\n',
    );
  });

  it('says where it creates a new database, once, and not with --quiet or --json', async () => {
    const dir = tempDir();
    const db = join(dir, 'baru.sqlite');
    const created = await runCli(['--db', db, 'init', '--region', '1271'], ID);
    expect(created.code).toBe(0);
    expect(created.stdout).toBe(`Database baru dibuat: ${db} (pakai --db atau PRAKERJA_DB untuk memakai database lain)\nWilayah kantor: Kota Medan (1271, kab/kota)\n`);
    const again = await runCli(['--db', db, 'init', '--region', '1271'], ID);
    expect(again.stdout).not.toContain('Database baru');
    const en = await runCli(['--db', join(dir, 'other.sqlite'), 'init', '--region', '1271']);
    expect(en.stdout).toContain(`Created a new database: ${join(dir, 'other.sqlite')} (use --db or PRAKERJA_DB for another one)\n`);
    const quiet = await runCli(['--db', join(dir, 'third.sqlite'), '--quiet', 'init', '--region', '1271']);
    expect(quiet).toMatchObject({ code: 0, stdout: '', stderr: '' });
    const json = await runCli(['--db', join(dir, 'fourth.sqlite'), '--json', 'init', '--region', '1271']);
    expect(JSON.parse(json.stdout)).toMatchObject({ region: { code: '1271' } });
  });

  it('a recipient list imported before init says that no office region is set, and how to set it', async () => {
    const dir = tempDir();
    const db = join(dir, 'p.sqlite');
    const list = fixture(dir, 'penerima-gel3-pusat.xlsx');
    const r = await runCli(['--db', db, 'import', list, '--source', 'central'], ID);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      'Catatan: wilayah kantor belum diatur, jadi kolom "Warga wilayah" di rekap masih kosong. Atur sekali dengan: prakerja init --region "Kota Medan" (nama atau kode kab/kota Anda).\n',
    );
    const json = JSON.parse((await runCli(['--db', db, '--json', 'import', list, '--source', 'central', '--force'])).stdout) as { officeRegion: unknown };
    expect(json.officeRegion).toBeNull();
    await runCli(['--db', db, 'init', '--region', 'Kota Medan']);
    const after = await runCli(['--db', db, 'import', list, '--source', 'central', '--force'], ID);
    expect(after.code).toBe(0);
    expect(after.stdout).not.toContain('wilayah kantor belum diatur');
  });

  it('with --quiet, a warning about damaged data (an unreadable date) still reaches the cron log, one line each', async () => {
    const dir = tempDir();
    const db = join(dir, 'p.sqlite');
    const walkin = fixture(dir, 'buku-tamu-2020.csv');
    const r = await runCli(['--db', db, '--quiet', 'import', walkin, '--source', 'walkin'], ID);
    expect(r).toMatchObject({ code: 0, stdout: '' });
    expect(r.stderr).toBe(
      `prakerja: ${walkin}: tanggal yang tidak terbaca: 1 (baris 15 "kemarin"); kunjungannya disimpan tanpa tanggal, dan didaftar oleh prakerja rejects\n`,
    );
  });

  it('with --quiet --strict, one line per file that had rejects, and exit 3', async () => {
    const dir = tempDir();
    const db = join(dir, 'p.sqlite');
    const walkin = fixture(dir, 'buku-tamu-2020.csv');
    const clean = fixture(dir, 'penerima-gel3-pusat.xlsx');
    await runCli(['--db', db, 'init', '--region', '1271']);
    const r = await runCli(['--db', db, '--quiet', 'import', clean, walkin, '--source', 'central', '--wave', '3', '--strict'], ID);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      [
        `prakerja: ${walkin}: tanggal yang tidak terbaca: 1 (baris 15 "kemarin"); kunjungannya disimpan tanpa tanggal, dan didaftar oleh prakerja rejects`,
        `prakerja: ${walkin}: 1 baris ditolak; lihat: prakerja rejects --batch 2`,
        '',
      ].join('\n'),
    );
    const quietOnly = await runCli(['--db', db, '--quiet', 'import', walkin, '--source', 'walkin'], ID);
    // Without --strict no rejects line; the warning that this file went in as another source still shows.
    expect(quietOnly).toMatchObject({
      code: 0,
      stdout: '',
      stderr: `prakerja: ${walkin}: sudah diimpor sebagai batch 2 dengan --source central, bukan walkin. Bila asalnya salah: prakerja purge --batch 2, lalu impor lagi dengan --source walkin.\n`,
    });
  });
});
