/** `prakerja init`: the office region, its messages in both languages, suggestions, and a change of region. */
import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, runCli, tempDir } from './helpers/cli.js';

const ID = { PRAKERJA_LANG: 'id' };

describe('prakerja init', () => {
  it('says the region in Indonesian by default and in English with --lang en', async () => {
    const dir = tempDir();
    const db = join(dir, 'p.sqlite');
    await runCli(['--db', db, 'init', '--region', '12']);
    expect((await runCli(['--db', db, 'init', '--region', 'Kota Medan'], ID)).stdout).toBe('Wilayah kantor: Kota Medan (1271, kab/kota)\n');
    expect((await runCli(['--db', db, 'init', '--region', '12'], ID)).stdout).toBe('Wilayah kantor: Sumatera Utara (12, provinsi)\n');
    expect((await runCli(['--db', db, 'init', '--region', '12'])).stdout).toBe('Office region: Sumatera Utara (12, province)\n');
  });

  it('suggests the closest region names for a mistyped one, and creates no database (exit 2)', async () => {
    const dir = tempDir();
    const db = join(dir, 'p.sqlite');
    const id = await runCli(['--db', db, 'init', '--region', 'Kota Medn'], ID);
    expect(id).toMatchObject({ code: 2, stdout: '' });
    expect(id.stderr).toBe('prakerja: --region "Kota Medn": tidak ada provinsi atau kab/kota dengan nama itu. Mungkin maksudnya: "Kota Medan" (1271)?\n');
    const en = await runCli(['--db', db, 'init', '--region', 'Kab Deli Serdng']);
    expect(en.code).toBe(2);
    expect(en.stderr).toBe('prakerja: --region "Kab Deli Serdng": no province or kab/kota has that name. Did you mean: "Kabupaten Deli Serdang" (1207)?\n');
    expect(existsSync(db)).toBe(false);
    const nothing = await runCli(['--db', db, 'init', '--region', 'zzzz'], ID);
    expect(nothing.code).toBe(2);
    expect(nothing.stderr).toContain('Coba pakai kodenya, misalnya --region 1271.');
    const code = await runCli(['--db', db, 'init', '--region', '9999'], ID);
    expect(code.code).toBe(2);
    expect(code.stderr).toBe('prakerja: --region 9999: bukan kode provinsi (2 digit) atau kab/kota (4 digit). Contoh: --region 1271 untuk Kota Medan.\n');
  });

  it('an ambiguous name lists the candidates in both languages', async () => {
    const id = await runCli(['--db', join(tempDir(), 'p.sqlite'), 'init', '--region', 'Medan'], ID);
    expect(id.code).toBe(2);
    expect(id.stderr).toBe('prakerja: --region "Medan" bisa berarti 2 wilayah: 1271 Kota Medan; 3211 Kabupaten Sumedang. Beri kodenya atau nama lengkapnya.\n');
    const en = await runCli(['--db', join(tempDir(), 'p.sqlite'), 'init', '--region', 'Medan']);
    expect(en.stderr).toContain('could be 2 regions');
  });

  it('changing the region of a database that has records says what changes', async () => {
    const dir = tempDir();
    const db = join(dir, 'p.sqlite');
    const file = join(dir, 'buku-tamu-2020.csv');
    copyFileSync(join(FIXTURES, 'buku-tamu-2020.csv'), file);
    await runCli(['--db', db, 'init', '--region', '1271']);
    const same = await runCli(['--db', db, 'init', '--region', 'Kota Medan'], ID);
    expect(same.stdout).toBe('Wilayah kantor: Kota Medan (1271, kab/kota)\n');
    await runCli(['--db', db, 'import', file, '--source', 'walkin']);
    const changed = await runCli(['--db', db, 'init', '--region', '1275'], ID);
    expect(changed.code).toBe(0);
    expect(changed.stdout).toBe(
      'Wilayah kantor: Kota Binjai (1275, kab/kota)\n' +
        'Wilayah kantor diganti dari Kota Medan (1271) menjadi Kota Binjai (1275). Yang berubah: kolom "Warga wilayah" di rekap gelombang dan rekap per kecamatan kini dihitung untuk Kota Binjai (1275). Yang tidak berubah: 12 data yang tersimpan dan pencocokannya.\n',
    );
    const en = await runCli(['--db', db, 'init', '--region', '1271']);
    expect(en.stdout).toContain('Office region changed from Kota Binjai (1275) to Kota Medan (1271). What changes:');
    const json = JSON.parse((await runCli(['--db', db, '--json', 'init', '--region', '1275'])).stdout) as unknown;
    expect(json).toMatchObject({ region: { code: '1275' }, previous: { code: '1271' }, records: 12 });
  });
});
