/** Each error class, and the one handler, in Indonesian (the default) and English. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { handleError } from '../src/cli/errors.js';
import { InputError, InterruptedError, StoreError, UsageError } from '../src/errors.js';
import { inLang, type Lang } from '../src/i18n/index.js';
import { runCli, tempDir } from './helpers/cli.js';

const ID = { PRAKERJA_LANG: 'id' };

function handled(error: unknown, lang: Lang): { code: number; stderr: string } {
  let stderr = '';
  const code = inLang(lang, () => handleError(error, { stdout: () => {}, stderr: (s) => void (stderr += s), env: {}, isTTY: false }));
  return { code, stderr };
}

describe('the error classes through the one handler', () => {
  it('UsageError: exit 2, what is wrong and what to do', async () => {
    const dir = tempDir();
    const id = await runCli(['--db', join(dir, 'p.sqlite'), 'import', 'x.csv', '--source', 'central', '--wave', 'tiga'], ID);
    expect(id).toMatchObject({ code: 2, stderr: 'prakerja: --wave tiga: beri nomor gelombang, misalnya --wave 3.\n' });
    const en = await runCli(['--db', join(dir, 'p.sqlite'), 'import', 'x.csv', '--source', 'central', '--wave', 'tiga']);
    expect(en).toMatchObject({ code: 2, stderr: 'prakerja: --wave tiga: give the wave number, e.g. --wave 3.\n' });
  });

  it('InputError: exit 1, with the file, in the import summary', async () => {
    const dir = tempDir();
    const db = join(dir, 'p.sqlite');
    const file = join(dir, 'daftar.csv');
    writeFileSync(file, 'No,Alamat\n1,Jl. Merdeka\n');
    await runCli(['--db', db, 'init', '--region', '1271']);
    const id = await runCli(['--db', db, 'import', file, '--source', 'walkin'], ID);
    expect(id.code).toBe(1);
    expect(id.stdout).toBe(
      `✗ ${file}: tidak ada kolom NIK dan nama di 50 baris pertama (utf8, pemisah ","; judul kolom yang paling mungkin, baris 1, berisi: "No", "Alamat"). Tunjuk kolomnya dengan --map, misalnya --map "No Identitas=nik" --map "Nama Peserta=name".\n  Tidak ada isi berkas ini yang diimpor.\n`,
    );
    const en = await runCli(['--db', db, 'import', file, '--source', 'walkin']);
    expect(en.stdout).toContain(`✗ ${file}: no NIK and name columns found in the first 50 rows (utf8, delimiter ","; the likeliest header, line 1, has: "No", "Alamat"). Name the columns with --map`);
    expect(handled(new InputError(inLang('id', () => 'berkas kosong.'), 'a.csv', 4), 'id')).toEqual({ code: 1, stderr: 'prakerja: a.csv:4: berkas kosong.\n' });
  });

  it('StoreError: exit 1, what to do about the database', async () => {
    const db = join(tempDir(), 'tidak-ada.sqlite');
    const id = await runCli(['--db', db, 'status'], ID);
    expect(id).toMatchObject({
      code: 1,
      stderr: `prakerja: belum ada database di ${db}. Jalankan dulu \`prakerja import\` atau \`prakerja init\`, atau arahkan --db ke berkas yang sudah ada.\n`,
    });
    const en = await runCli(['--db', db, 'status']);
    expect(en).toMatchObject({ code: 1, stderr: `prakerja: no database at ${db}. Run \`prakerja import\` or \`prakerja init\` first, or point --db at an existing file.\n` });
    expect(handled(new StoreError('x'), 'id').code).toBe(1);
  });

  it('InterruptedError: exit 130, nothing of the file kept', () => {
    const id = handled(inLang('id', () => new InterruptedError('gel3.csv')), 'id');
    expect(id).toEqual({ code: 130, stderr: 'prakerja: dihentikan: tidak ada isi gel3.csv yang disimpan\n' });
    const en = handled(inLang('en', () => new InterruptedError('gel3.csv')), 'en');
    expect(en).toEqual({ code: 130, stderr: 'prakerja: interrupted: nothing of gel3.csv was kept\n' });
  });

  it('SQLite and disk errors, and a bug, are said in words of the language (exit 1)', () => {
    const full = Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
    expect(handled(full, 'id')).toEqual({
      code: 1,
      stderr: 'prakerja: disk penuh; perubahan yang sedang ditulis dibatalkan, database tetap seperti sebelum perubahan itu. Kosongkan sebagian ruang disk, lalu jalankan perintah itu lagi.\n',
    });
    expect(handled(full, 'en').stderr).toBe('prakerja: the disk is full; the change being written was rolled back, and the database is as it was before it. Free some space and run the command again.\n');
    const busy = Object.assign(new Error('busy'), { code: 'SQLITE_BUSY' });
    expect(handled(busy, 'id').stderr).toBe('prakerja: database sedang dipakai: prakerja lain sedang menulis ke dalamnya. Coba lagi setelah selesai.\n');
    const bug = handled(new TypeError('x is undefined'), 'id');
    expect(bug).toEqual({
      code: 1,
      stderr: 'prakerja: kesalahan tak terduga: x is undefined\nJalankan lagi dengan PRAKERJA_DEBUG=1 untuk rinciannya, lalu laporkan bersama perintah yang Anda jalankan.\n',
    });
    expect(handled(new UsageError('--x: y'), 'id')).toEqual({ code: 2, stderr: 'prakerja: --x: y\n' });
  });
});
