/**
 * The wave and kecamatan recaps count the central lists; the monthly recap counts a visitor found in a central
 * or provincial list as a recipient. A person only a provincial list holds for a wave is therefore not in the
 * wave recap: that must be said (how many, which waves), never left to look like a smaller wave, and a
 * database with only provincial lists must say so instead of "no data".
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli, tempDir } from './helpers/cli.js';

const NIK = {
  andi: '1271011203900011',
  budi: '1271010507910012',
  citra: '1271015508920013',
  dewi: '1271016109930014',
};

function setUp() {
  const dir = tempDir();
  const db = join(dir, 'p.sqlite');
  const central = join(dir, 'gel3.csv');
  writeFileSync(central, ['NIK,NAMA', `${NIK.andi},ANDI SIREGAR`, `${NIK.budi},BUDI NASUTION`, ''].join('\r\n'));
  // The province's list of wave 3 holds one more person than the centre's, and one person of wave 4, whose
  // central list has not arrived.
  const province = join(dir, 'prov.csv');
  writeFileSync(
    province,
    ['NIK;NAMA;GELOMBANG', `${NIK.andi};Andi Siregar;3`, `${NIK.budi};Budi Nasution;3`, `${NIK.citra};Citra Lubis;3`, `${NIK.dewi};Dewi Harahap;4`, ''].join('\r\n'),
  );
  const book = join(dir, 'tamu.csv');
  writeFileSync(book, ['Tanggal,Nama,NIK', `03/06/2020,Citra Lubis,${NIK.citra}`, `04/06/2020,Andi Siregar,${NIK.andi}`, ''].join('\r\n'));
  const cli = (...args: string[]) => runCli(['--db', db, ...args], { PRAKERJA_LANG: 'id' });
  return { central, province, book, cli };
}

async function ok(p: Promise<{ code: number; stderr: string }>): Promise<void> {
  const r = await p;
  expect(r.code, r.stderr).toBe(0);
}

describe('persons only a provincial list holds', () => {
  test('the wave recap names them per wave, in its notes and in --json; the monthly recap counts them as recipients', async () => {
    const { central, province, book, cli } = setUp();
    await ok(cli('init', '--region', '1271'));
    await ok(cli('import', central, '--source', 'central', '--wave', '3'));
    await ok(cli('import', province, '--source', 'province'));
    await ok(cli('import', book, '--source', 'walkin'));

    const json = JSON.parse((await cli('--json', 'report', 'waves')).stdout) as {
      waves: { rows: { wave: number; recipients: number }[]; province_only: { wave: number; persons: number }[] };
    };
    expect(json.waves.rows.map((r) => [r.wave, r.recipients])).toEqual([[3, 2]]);
    expect(json.waves.province_only).toEqual([{ wave: 3, persons: 1 }, { wave: 4, persons: 1 }]);

    const term = (await cli('report', 'waves')).stdout.replace(/\s+/g, ' ');
    expect(term).toContain('Daftar provinsi memuat orang yang tidak ada di daftar pusat gelombang yang sama: gelombang 3: 1 orang, gelombang 4: 1 orang.');
    const en = (await cli('--lang', 'en', 'report', 'waves')).stdout.replace(/\s+/g, ' ');
    expect(en).toContain('Provincial lists hold persons the central list of the same wave does not: wave 3: 1 person, wave 4: 1 person.');

    // The visitor Citra is on the province's list only: the monthly recap counts her as a recipient, and
    // the wave recap's note is what reconciles the two.
    const monthly = JSON.parse((await cli('--json', 'report', 'monthly')).stdout) as { monthly: { total: { recipients: number } } };
    expect(monthly.monthly.total.recipients).toBe(2);

    const kec = JSON.parse((await cli('--json', 'report', 'kecamatan', '--wave', '3')).stdout) as {
      kecamatan: { total: { recipients: number }; province_only: number };
    };
    expect(kec.kecamatan.total.recipients).toBe(2);
    expect(kec.kecamatan.province_only).toBe(1);
  });

  test('with only provincial lists, the wave recap says where the persons are instead of "no data"', async () => {
    const { province, cli } = setUp();
    await ok(cli('init', '--region', '1271'));
    await ok(cli('import', province, '--source', 'province'));
    const r = await cli('report', 'waves');
    expect(r.code).toBe(0);
    const text = r.stdout.replace(/\s+/g, ' ');
    expect(text).not.toContain('Tidak ada data untuk pilihan ini');
    expect(text).toContain('gelombang 3: 3 orang, gelombang 4: 1 orang');
  });

  test('no note when every provincial person is in the central list of the wave', async () => {
    const { central, cli } = setUp();
    await ok(cli('import', central, '--source', 'central', '--wave', '3'));
    const json = JSON.parse((await cli('--json', 'report', 'waves')).stdout) as { waves: { province_only: unknown[] } };
    expect(json.waves.province_only).toEqual([]);
    expect((await cli('report', 'waves')).stdout).not.toContain('Daftar provinsi memuat');
  });
});
