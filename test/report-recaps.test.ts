import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { maskNik } from '../src/normalise/nik.js';
import { runCli } from './helpers/cli.js';
import { loadFixture, makeFixture, type Fixture } from './helpers/report-fixture.js';
import { expectedKecamatanRows, expectedMonthlyRows, expectedNotYet, expectedWaveRows } from './helpers/report-truth.js';

let dir = '';
let db = '';
let fx: Fixture;
const MONTHS = ['2024-01', '2024-02', '2024-03'];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'prakerja-report-'));
  db = join(dir, 'p.sqlite');
  fx = makeFixture({ waves: 4, perWave: 60, visitorsOnly: 25, seed: 7, months: MONTHS });
  await loadFixture(fx, dir, db);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cli = (...args: string[]) => runCli(['--db', db, ...args], { PRAKERJA_LANG: 'id' });

async function json<T>(...args: string[]): Promise<T> {
  const r = await cli('--json', ...args);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as T;
}

interface WaveJson {
  waves: { rows: Record<string, unknown>[]; total: Record<string, number | null>; office: { code: string } };
}

describe('report waves', () => {
  test('the fixture exercises every column', () => {
    const rows = expectedWaveRows(fx, '2024-06-30');
    for (const key of ['revoked', 'duplicate_rows', 'nik_invalid', 'nik_damaged', 'conflicts', 'assisted', 'age_lt25', 'age_55plus', 'age_unknown'] as const) {
      expect(rows.reduce((n, r) => n + r[key], 0), key).toBeGreaterThan(0);
    }
    expect(rows.some((r) => r.residents < r.recipients)).toBe(true);
  });

  test('every number of every wave equals the truth, and the total row is their sum', async () => {
    const out = await json<WaveJson>('report', 'waves', '--age-at', '2024-06-30');
    const want = expectedWaveRows(fx, '2024-06-30');
    expect(out.waves.rows).toEqual(want);
    for (const key of ['rows', 'recipients', 'residents', 'revoked', 'duplicate_rows', 'nik_invalid', 'nik_damaged', 'conflicts', 'assisted', 'women', 'men', 'age_lt25', 'age_25_34', 'age_35_44', 'age_45_54', 'age_55plus', 'age_unknown'] as const) {
      expect(out.waves.total[key], key).toBe(want.reduce((n, r) => n + r[key], 0));
    }
    const recipients = want.reduce((n, r) => n + r.recipients, 0);
    expect(out.waves.total.assisted_share).toBeCloseTo(want.reduce((n, r) => n + r.assisted, 0) / recipients, 12);
  });

  test('--wave and --waves select waves', async () => {
    const want = expectedWaveRows(fx, '2024-06-30');
    expect((await json<WaveJson>('report', 'waves', '--age-at', '2024-06-30', '--wave', '3')).waves.rows).toEqual([want[2]]);
    expect((await json<WaveJson>('report', 'waves', '--age-at', '2024-06-30', '--waves', '1,3-4')).waves.rows).toEqual([want[0], want[2], want[3]]);
  });

  test('without --age-at, ages are at the end of the wave\'s year (waves 1-11: 2020), not the import day', async () => {
    const out = await json<WaveJson>('report', 'waves');
    for (const wave of fx.waves) {
      expect(out.waves.rows.find((r) => r.wave === wave)).toEqual(expectedWaveRows(fx, '2020-12-31')[wave - 1]);
    }
    const r = await cli('report', 'waves');
    expect(r.stdout.replace(/\s+/g, ' ')).toContain('31 Desember tahun gelombang itu berjalan (gelombang 1-4)');
  });

  test('a wave the tool cannot date uses its first import day, and says so', async () => {
    const late = join(dir, 'late.sqlite');
    await runCli(['--db', late, 'import', join(dir, 'penerima-gelombang-1.csv'), '--source', 'central', '--wave', '40']);
    const sql = new Database(late, { readonly: true });
    const day = sql.prepare<[], { day: string }>('SELECT substr(imported_at, 1, 10) AS day FROM batches').get()?.day;
    sql.close();
    const out = await runCli(['--db', late, '--json', 'report', 'waves']);
    expect(out.code).toBe(0);
    expect((JSON.parse(out.stdout) as WaveJson).waves.rows[0]).toMatchObject({ wave: 40, ref_date: day });
    const r = await runCli(['--db', late, 'report', 'waves'], { PRAKERJA_LANG: 'id' });
    expect(r.stdout.replace(/\s+/g, ' ')).toContain('tanggal daftarnya pertama kali diimpor (gelombang 40');
  });

  test('the terminal table shows the numbers, the total row and how ages were counted', async () => {
    const r = await cli('report', 'waves', '--age-at', '2024-06-30');
    expect(r.code).toBe(0);
    const want = expectedWaveRows(fx, '2024-06-30');
    expect(r.stdout).toContain('Rekap Penerima Kartu Prakerja per Gelombang');
    expect(r.stdout).toMatch(new RegExp(`^Jumlah\\s+${want.reduce((n, w) => n + w.recipients, 0)}\\s+${want.reduce((n, w) => n + w.residents, 0)}\\b`, 'm'));
    expect(r.stdout).toContain('2024-06-30 untuk semua gelombang');
    for (const line of r.stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(120);
    const en = await cli('report', 'waves', '--lang', 'en');
    expect(en.stdout).toContain('Recipients');
    expect(en.stdout).toMatch(/^Total\s/m);
  });

  test('a wave with no data says which waves there are', async () => {
    const r = await cli('report', 'waves', '--wave', '99');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Gelombang 99 tidak ada di daftar pusat yang diimpor; yang ada: gelombang 1-4.');
  });

  test('usage errors say what to do', async () => {
    expect(await cli('report', 'waves', '--waves', '5-2')).toMatchObject({ code: 2, stderr: expect.stringContaining('tulis gelombang sebagai 3, 1-11 atau 1,3,5-7') });
    expect(await cli('report', 'waves', '--age-at', '2024-02-30')).toMatchObject({ code: 2, stderr: expect.stringContaining('TTTT-BB-HH') });
    expect(await cli('report', 'waves', '--out', 'x.pdf')).toMatchObject({ code: 2, stderr: expect.stringContaining('.csv, .xlsx atau .html') });
    expect(await cli('report', 'waves', '--lang', 'fr')).toMatchObject({ code: 2, stderr: expect.stringContaining('pilih id (Bahasa Indonesia) atau en (English)') });
    expect(await cli('report', 'waves', '--delimiter', ';')).toMatchObject({ code: 2, stderr: expect.stringContaining('hanya berlaku untuk berkas CSV') });
    expect((await cli('report', 'waves', '--bogus')).code).toBe(2);
  });
});

interface MonthlyJson {
  monthly: {
    rows: Record<string, unknown>[];
    total: Record<string, number>;
    detail: { month: string | null; name: string; nik: string | null; visits: number; last_visit: string | null; source: string; standing: string }[] | null;
  };
}

describe('report monthly', () => {
  test('every month\'s numbers equal the truth, including the row for visits without a date', async () => {
    const out = await json<MonthlyJson>('report', 'monthly');
    const want = expectedMonthlyRows(fx);
    expect(want.at(-1)?.month).toBeNull();
    expect(want.some((m) => m.recipient_waves.length > 1)).toBe(true);
    expect(out.monthly.rows).toEqual(want);
    expect(out.monthly.total.visits).toBe(want.reduce((n, m) => n + m.visits, 0));
    expect(out.monthly.total.not_yet).toBe(want.reduce((n, m) => n + m.not_yet, 0));
    expect(out.monthly.total.uncertain).toBe(want.reduce((n, m) => n + m.uncertain, 0));
    // The fixture has both kinds, so a mix-up of the two would show.
    expect(out.monthly.total.not_yet).toBeGreaterThan(0);
    expect(out.monthly.total.uncertain).toBeGreaterThan(0);
  });

  test('--month and --detail: the visitors not yet recipients, NIKs masked unless --show-nik', async () => {
    const out = await json<MonthlyJson>('report', 'monthly', '--month', '2024-02', '--detail');
    expect(out.monthly.rows).toEqual(expectedMonthlyRows(fx).filter((m) => m.month === '2024-02'));
    const got = (out.monthly.detail ?? [])
      .map(({ name, visits, last_visit, nik, standing }) => ({ name: name.toUpperCase(), visits, last_visit, nik, standing }))
      .sort((a, b) => a.name.localeCompare(b.name));
    const want = expectedNotYet(fx, '2024-02');
    expect(got).toEqual(want.map((w) => ({ ...w, nik: w.nik === null ? null : maskNik(w.nik) })));
    expect(out.monthly.detail?.every((d) => /^buku-tamu\.csv:\d+$/.test(d.source))).toBe(true);

    const full = await json<MonthlyJson>('report', 'monthly', '--month', '2024-02', '--detail', '--show-nik');
    expect(new Set(full.monthly.detail?.map((d) => d.nik))).toEqual(new Set(want.map((w) => w.nik)));
  });

  test('--out-dir writes stable names; the list of persons is readable by its owner only', async () => {
    const out = join(dir, 'cron');
    const r = await cli('report', 'monthly', '--month', '2024-03', '--detail', '--out-dir', out, '--format', 'csv,xlsx');
    expect(r.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['rekap-bulanan-2024-03-belum-penerima.csv', 'rekap-bulanan-2024-03.csv', 'rekap-bulanan-2024-03.xlsx']);
    expect(statSync(join(out, 'rekap-bulanan-2024-03-belum-penerima.csv')).mode & 0o777).toBe(0o600);
    expect(statSync(join(out, 'rekap-bulanan-2024-03.xlsx')).mode & 0o777).toBe(0o600);
    expect(statSync(join(out, 'rekap-bulanan-2024-03.csv')).mode & 0o077).not.toBe(0);
    expect(r.stdout).toContain('(data pribadi, mode 0600)');
    const list = readFileSync(join(out, 'rekap-bulanan-2024-03-belum-penerima.csv'), 'utf8');
    expect(list).not.toMatch(/\d{16}/);
    expect(list).toMatch(/\d{6}\*{6}\d{4}/);
    // Its headers are Indonesian through and through ("berkas", not "file").
    expect(list).toContain('Sumber (berkas:baris)');
    // Run again (cron): same names, no leftovers.
    await cli('report', 'monthly', '--month', '2024-03', '--detail', '--out-dir', out, '--format', 'csv,xlsx');
    expect(readdirSync(out)).toHaveLength(3);
  });
});

interface KecJson {
  kecamatan: { rows: Record<string, unknown>[]; total: Record<string, number | null>; level: string };
}

describe('report kecamatan', () => {
  test('every kecamatan of the office, zeros included, equals the truth', async () => {
    for (const wave of [null, 2]) {
      const out = await json<KecJson>('report', 'kecamatan', ...(wave === null ? [] : ['--wave', String(wave)]));
      const want = expectedKecamatanRows(fx, wave);
      expect(out.kecamatan.level).toBe('district');
      expect(out.kecamatan.rows).toEqual(want);
      expect(out.kecamatan.total.recipients).toBe(want.reduce((n, r) => n + r.recipients, 0));
      expect(out.kecamatan.total.assisted).toBe(want.reduce((n, r) => n + r.assisted, 0));
    }
  });

  test('without an office region it says how to set one', async () => {
    const empty = join(dir, 'empty.sqlite');
    await runCli(['--db', empty, 'import', join(dir, 'penerima-gelombang-1.csv'), '--source', 'central', '--wave', '1']);
    const r = await runCli(['--db', empty, 'report', 'kecamatan'], { PRAKERJA_LANG: 'id' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('prakerja init --region');
  });

  test('report all says when it leaves the kecamatan recap out', async () => {
    const bare = join(dir, 'bare.sqlite');
    await runCli(['--db', bare, 'import', join(dir, 'penerima-gelombang-2.csv'), '--source', 'central', '--wave', '2']);
    const r = await runCli(['--db', bare, 'report', 'all'], { PRAKERJA_LANG: 'id' });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Rekap Penerima Kartu Prakerja per Gelombang');
    expect(r.stdout).not.toContain('Kecamatan');
    expect(r.stderr).toContain('rekap kecamatan tidak disertakan: wilayah kantor belum diatur. Jalankan `prakerja init --region KODE`');
  });

  test('every report command has help with examples', async () => {
    for (const kind of ['waves', 'monthly', 'kecamatan', 'all']) {
      const r = await runCli(['report', kind, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`prakerja report ${kind}`);
      expect(r.stdout).toContain('Examples:');
    }
  });

  test('the terminal table names the kecamatan', async () => {
    const r = await cli('report', 'kecamatan');
    expect(r.stdout).toContain('Rekap Penerima per Kecamatan: Kota Medan');
    expect(r.stdout).toMatch(/^127107\s+Medan Tuntungan\s+\d+/m);
  });

  test("its notes speak of the area's recipients, each person once, not of a wave's", async () => {
    // The terminal wraps the notes: compare with the line breaks taken out.
    const flat = (text: string) => text.replace(/\s+/g, ' ');
    const id = flat((await cli('report', 'kecamatan')).stdout);
    expect(id).not.toContain('gelombang itu');
    expect(id).toContain('persentase dari penerima wilayah itu. Tiap orang dihitung sekali');
    const en = flat((await runCli(['--db', db, '--lang', 'en', 'report', 'kecamatan'])).stdout);
    expect(en).not.toContain("the wave's recipients");
    expect(en).toContain("the share is of the area's recipients. Each person counts once");
  });
});
