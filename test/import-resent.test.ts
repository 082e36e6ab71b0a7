/**
 * A wave list that arrives again, in another form (issue 11, "A re-sent list is not recognised as one"):
 * the import says which earlier batch holds most of its persons and how to keep one, and `--replaces N`
 * swaps the earlier batch for the new one in the same transaction.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { excelCopies } from '../src/normalise/nik.js';
import { runCli, tempDir } from './helpers/cli.js';
import { query } from './helpers/db.js';

/** 40 valid Kota Medan NIKs of 40 birth dates; serials ending 5–9 round up with a carry in a 15-digit copy. */
const NIKS = Array.from({ length: 40 }, (_, i) => `127101${String(10 + (i % 18)).padStart(2, '0')}03${String(85 + (i % 10))}${String(1001 + i * 37).padStart(4, '0')}`);
const NAMES = NIKS.map((_, i) => `WARGA ${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + Math.floor(i / 26))} SANTOSO`);

/** What a spreadsheet that kept NIKs as numbers writes back: 15 significant digits, rounded half-up. */
function rounded(nik: string): string {
  return excelCopies(nik).at(-1) ?? nik;
}

function list(dir: string, name: string, rows: [string, string][]): string {
  const path = join(dir, name);
  writeFileSync(path, `NIK,Nama,Gelombang\n${rows.map(([n, m]) => `${n},${m},3`).join('\n')}\n`);
  return path;
}

interface Warning {
  kind: string;
  message: string;
}

describe('a re-sent wave list', () => {
  it('mostly the same persons, NIKs rounded by a spreadsheet: the import names the earlier batch and both ways to keep one', async () => {
    const dir = tempDir();
    const db = join(dir, 'p.sqlite');
    const first = list(dir, 'gel3.csv', NIKS.map((n, i) => [n, NAMES[i] ?? '']));
    expect((await runCli(['--db', db, 'import', first, '--source', 'central'])).code).toBe(0);
    // The list again, through a spreadsheet: every NIK rounded, four persons changed.
    const again = NIKS.map((n, i): [string, string] => (i < 4 ? [`12710112039${String(i).padStart(5, '0')}`, `ORANG BARU ${i}`] : [rounded(n), NAMES[i] ?? '']));
    const second = list(dir, 'gel3-lagi.csv', again);
    const r = await runCli(['--db', db, 'import', second, '--source', 'central']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('36 of its 40 rows (90%) have the NIKs of batch 1 (gel3.csv, central list, wave 3): a list sent again?');
    expect(r.stdout).toContain('prakerja purge --batch 1');
    expect(r.stdout).toContain('prakerja purge --batch 2');
    expect(r.stdout).toContain('--replaces 1');
    const json = await runCli(['--db', join(dir, 'q.sqlite'), '--json', 'import', first, second, '--source', 'central']);
    const files = (JSON.parse(json.stdout) as { files: { warnings: Warning[]; resent?: unknown }[] }).files;
    expect(files[1]?.resent).toEqual({ batch: 1, file: 'gel3.csv', rows: 40, found: 36 });
  });

  it('a dry run names no batch it did not create: keep the earlier, or import the new one with --replaces', async () => {
    const dir = tempDir();
    const db = join(dir, 'p.sqlite');
    const first = list(dir, 'gel3.csv', NIKS.map((n, i) => [n, NAMES[i] ?? '']));
    expect((await runCli(['--db', db, 'import', first, '--source', 'central'])).code).toBe(0);
    const second = list(dir, 'gel3-lagi.csv', NIKS.map((n, i): [string, string] => [i < 4 ? `12710112039${String(i).padStart(5, '0')}` : n, NAMES[i] ?? '']));
    const en = await runCli(['--db', db, 'import', second, '--source', 'central', '--dry-run']);
    expect(en.code).toBe(0);
    expect(en.stdout).toContain(
      '36 of its 40 rows (90%) have the NIKs of batch 1 (gel3.csv, central list, wave 3): a list sent again? Recaps would count its persons once but its rows twice ("Rows (all files)"). Keep one: import it with --replaces 1 (keeps the new one), or leave it out (keeps the earlier).',
    );
    expect(en.stdout).not.toContain('--batch 2');
    const id = await runCli(['--db', db, 'import', second, '--source', 'central', '--dry-run'], { PRAKERJA_LANG: 'id' });
    expect(id.stdout).toContain(
      '36 dari 40 barisnya (90%) ber-NIK sama dengan batch 1 (gel3.csv, daftar pusat, gelombang 3): daftar yang dikirim ulang? Rekap akan menghitung orangnya sekali, tetapi barisnya dua kali ("Baris data (semua berkas)"). Simpan satu saja: impor dengan --replaces 1 (menyimpan yang baru), atau jangan diimpor (menyimpan yang lama).',
    );
    expect(id.stdout).not.toContain('--batch 2');
  });

  it('a list of other persons of the same wave is not called a re-send', async () => {
    const dir = tempDir();
    const db = join(dir, 'p.sqlite');
    await runCli(['--db', db, 'import', list(dir, 'a.csv', NIKS.slice(0, 20).map((n, i) => [n, NAMES[i] ?? ''])), '--source', 'central']);
    // 5 of 20 shared (25%).
    const other = list(dir, 'b.csv', NIKS.slice(15, 35).map((n, i) => [n, NAMES[i + 15] ?? '']));
    const r = await runCli(['--db', db, '--json', 'import', other, '--source', 'central']);
    const f = (JSON.parse(r.stdout) as { files: { warnings: Warning[]; resent?: unknown }[] }).files[0];
    expect(f?.resent).toBeUndefined();
    expect(f?.warnings).toEqual([]);
  });

  it('--replaces N imports the new list and purges batch N in the same transaction', async () => {
    const dir = tempDir();
    const db = join(dir, 'p.sqlite');
    const first = list(dir, 'gel3.csv', NIKS.map((n, i) => [n, NAMES[i] ?? '']));
    await runCli(['--db', db, 'import', first, '--source', 'central']);
    const second = list(dir, 'gel3-lagi.csv', NIKS.map((n, i) => [rounded(n), NAMES[i] ?? '']));
    const r = await runCli(['--db', db, 'import', second, '--source', 'central', '--replaces', '1']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('replaces batch 1 (gel3.csv, 40 records), deleted in the same transaction');
    expect(r.stdout).not.toContain('a list sent again?');
    expect(query(db, 'SELECT id FROM batches')).toEqual([{ id: 2 }]);
    expect(query(db, 'SELECT count(*) AS n, count(DISTINCT person_id) AS persons FROM records_resolved')).toEqual([{ n: 40, persons: 40 }]);
    const waves = await runCli(['--db', db, '--json', 'report', 'waves']);
    expect(waves.stdout).toMatch(/"recipients":\s*40\b/);
  });

  it('--replaces with a batch that does not exist, or with two files, is a usage error and changes nothing', async () => {
    const dir = tempDir();
    const db = join(dir, 'p.sqlite');
    const first = list(dir, 'gel3.csv', NIKS.map((n, i) => [n, NAMES[i] ?? '']));
    await runCli(['--db', db, 'import', first, '--source', 'central']);
    const second = list(dir, 'b.csv', NIKS.slice(0, 5).map((n, i) => [n, NAMES[i] ?? '']));
    const missing = await runCli(['--db', db, 'import', second, '--source', 'central', '--replaces', '7']);
    expect(missing.code).toBe(2);
    // Worded as `rejects --batch` and `purge --batch` word it: the batches there are.
    expect(missing.stderr).toBe('prakerja: --replaces 7: there is no batch 7. The batches are: 1. `prakerja status` lists them.\n');
    const idMissing = await runCli(['--db', db, 'import', second, '--source', 'central', '--replaces', '7'], { PRAKERJA_LANG: 'id' });
    expect(idMissing).toMatchObject({ code: 2, stdout: '' });
    expect(idMissing.stderr).toBe('prakerja: --replaces 7: batch 7 tidak ada. Batch yang ada: 1. `prakerja status` menampilkan daftarnya.\n');
    const word = await runCli(['--db', db, 'import', second, '--source', 'central', '--replaces', 'abc']);
    expect(word).toMatchObject({ code: 2, stdout: '' });
    expect(word.stderr).toBe('prakerja: --replaces abc: give a batch number from `prakerja status`.\n');
    const two = await runCli(['--db', db, 'import', second, first, '--source', 'central', '--replaces', '1']);
    expect(two.code).toBe(2);
    expect(two.stderr).toContain('--replaces takes one file');
    expect(query(db, 'SELECT id FROM batches')).toEqual([{ id: 1 }]);
  });

  it('--replaces a batch of another source is refused: both sources named, what to do, exit 2, nothing changed', async () => {
    const dir = tempDir();
    const db = join(dir, 'p.sqlite');
    const first = list(dir, 'gel3.csv', NIKS.map((n, i) => [n, NAMES[i] ?? '']));
    await runCli(['--db', db, 'import', first, '--source', 'central']);
    const book = join(dir, 'tamu.csv');
    writeFileSync(book, `Tanggal,Nama,NIK,Keperluan\n01/03/2021,${NAMES[0] ?? ''},${NIKS[0] ?? ''},Pendaftaran\n`);
    const before = query(db, 'SELECT id, person_id, match, score FROM records_resolved ORDER BY id');
    const en = await runCli(['--db', db, 'import', book, '--source', 'walkin', '--replaces', '1']);
    expect(en.code).toBe(2);
    expect(en.stderr).toContain('--replaces 1: batch 1 (gel3.csv) is a central list, and this file is imported as a guest book. A batch can only be replaced by a file of its own source: import this file with --source central');
    expect(en.stderr).toContain('prakerja purge --batch 1');
    expect(en.stderr).not.toMatch(/\n\s+at /);
    const id = await runCli(['--db', db, 'import', book, '--source', 'walkin', '--replaces', '1'], { PRAKERJA_LANG: 'id' });
    expect(id.code).toBe(2);
    expect(id.stderr).toContain('--replaces 1: batch 1 (gel3.csv) adalah daftar pusat, sedangkan berkas ini diimpor sebagai buku tamu. Sebuah batch hanya dapat diganti dengan berkas dari sumber yang sama: impor berkas ini dengan --source central');
    expect(query(db, 'SELECT id, source FROM batches')).toEqual([{ id: 1, source: 'central' }]);
    expect(query(db, 'SELECT id, person_id, match, score FROM records_resolved ORDER BY id')).toEqual(before);
  });
});
