import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ReportTable } from '../src/report/report.js';
import { safeCell } from '../src/report/safe-cell.js';
import { writeCsv } from '../src/report/write-csv.js';
import { runCli } from './helpers/cli.js';
import { loadFixture, makeFixture, type Fixture } from './helpers/report-fixture.js';
import { expectedKecamatanRows, expectedWaveRows } from './helpers/report-truth.js';

let dir = '';
let db = '';
let fx: Fixture;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'prakerja-report-files-'));
  db = join(dir, 'p.sqlite');
  fx = makeFixture({ waves: 3, perWave: 40, visitorsOnly: 10, seed: 11, months: ['2024-04', '2024-05'] });
  await loadFixture(fx, dir, db);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cli = (...args: string[]) => runCli(['--db', db, ...args], { PRAKERJA_LANG: 'id' });

describe('safeCell', () => {
  test.each([
    ['=1+1', "'=1+1"],
    ['+62812', "'+62812"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
    ['SITI AMINAH', 'SITI AMINAH'],
    ['127101******0003', '127101******0003'],
    ['a=b', 'a=b'],
    ['', ''],
  ])('%j → %j', (input, want) => expect(safeCell(input)).toBe(want));
});

const hostile: ReportTable = {
  id: 'test',
  fileStem: 'test',
  sheetName: 'Test',
  title: 'Test',
  coverage: '',
  notes: [],
  columns: [
    { key: 'name', label: 'Nama', kind: 'text' },
    { key: 'n', label: 'Jumlah', kind: 'int' },
    { key: 's', label: '=Persen', kind: 'share' },
  ],
  rows: [
    ['=HYPERLINK("http://x","klik")', -3, 0.125],
    ['@cmd', 4, null],
    ['Budi; "Santoso"', 0, 1],
  ],
  total: ['Jumlah', 1, 0.5],
  personal: false,
};

describe('CSV', () => {
  test('BOM, header, CRLF, neutralised text, numbers left as numbers', () => {
    const csv = writeCsv(hostile);
    expect(csv.startsWith('\uFEFFNama,Jumlah,\'=Persen\r\n')).toBe(true);
    expect(csv).toContain('"\'=HYPERLINK(""http://x"",""klik"")",-3,12.5\r\n');
    expect(csv).toContain("'@cmd,4,\r\n");
    expect(csv.endsWith('Jumlah,1,50.0\r\n')).toBe(true);
  });

  test("';' for Indonesian Excel also writes decimal commas", () => {
    const csv = writeCsv(hostile, { delimiter: ';' });
    expect(csv).toContain(';-3;12,5\r\n');
    expect(csv).toContain('"Budi; ""Santoso""";0;100,0\r\n');
  });

  test('report waves --out FILE.csv --delimiter ";" holds the recap, one line per wave and a total', async () => {
    const file = join(dir, 'gel.csv');
    const r = await cli('report', 'waves', '--age-at', '2024-06-30', '--out', file, '--delimiter', ';', '--bare');
    expect(r).toMatchObject({ code: 0, stdout: `ditulis: ${file}\n` });
    const text = readFileSync(file, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'Gelombang;Penerima;Warga wilayah;Dicabut;Berkas;Baris data (semua berkas);Baris ganda dalam berkas;Baris dari berkas ulang;NIK tidak valid;NIK rusak;NIK konflik;Dibantu di loket;Dibantu (%);Perempuan;Laki-laki;Umur <25;Umur 25-34;Umur 35-44;Umur 45-54;Umur 55+;Umur tidak diketahui;Tanggal acuan umur',
    );
    const want = expectedWaveRows(fx, '2024-06-30');
    want.forEach((w, i) => {
      const share = w.assisted_share === null ? '' : (w.assisted_share * 100).toFixed(1).replace('.', ',');
      expect(lines[i + 1]).toBe(
        [w.wave, w.recipients, w.residents, w.revoked, w.files, w.rows, w.duplicate_rows, w.repeated_rows, w.nik_invalid, w.nik_damaged, w.conflicts, w.assisted, share, w.women, w.men, w.age_lt25, w.age_25_34, w.age_35_44, w.age_45_54, w.age_55plus, w.age_unknown, w.ref_date].join(';'),
      );
    });
    expect(lines[want.length + 1]).toMatch(new RegExp(`^Jumlah;${want.reduce((n, w) => n + w.recipients, 0)};`));
    expect(lines).toHaveLength(want.length + 2);
  });

  test('English headers with --lang en', async () => {
    const file = join(dir, 'kec.csv');
    await cli('report', 'kecamatan', '--out', file, '--lang', 'en');
    const lines = readFileSync(file, 'utf8').split('\r\n');
    expect(lines[0]).toBe('\uFEFFRecipients per kecamatan: Kota Medan');
    expect(lines[1]).toBe('Office region,Kota Medan (1271)');
    expect(lines[lines.indexOf('') + 1]).toBe('Code,Kecamatan,Recipients,Revoked,Assisted at desk,Assisted (%),Women,Men');
  });
});

describe('XLSX', () => {
  test('read back: header styled and frozen, numbers as numbers, shares formatted as percent, one sheet per recap', async () => {
    const file = join(dir, 'rekap.xlsx');
    const r = await cli('report', 'all', '--age-at', '2024-06-30', '--out', file);
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Per gelombang', 'Per bulan', 'Per wilayah']);

    const ws = wb.getWorksheet('Per gelombang');
    if (!ws) throw new Error('no wave sheet');
    // The header block (title, office, coverage, date, 8 notes, an empty row) comes first: the table starts at row 14.
    const head = 14;
    expect(ws.getCell('A1').value).toBe('Rekap Penerima Kartu Prakerja per Gelombang');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: head });
    expect(ws.getRow(head).font?.bold).toBe(true);
    expect(ws.getCell(`A${head}`).value).toBe('Gelombang');
    expect(ws.getCell(`M${head}`).value).toBe('Dibantu (%)');
    const want = expectedWaveRows(fx, '2024-06-30');
    want.forEach((w, i) => {
      const row = ws.getRow(head + i + 1);
      const values = [w.wave, w.recipients, w.residents, w.revoked, w.files, w.rows, w.duplicate_rows, w.repeated_rows, w.nik_invalid, w.nik_damaged, w.conflicts, w.assisted, w.assisted_share, w.women, w.men, w.age_lt25, w.age_25_34, w.age_35_44, w.age_45_54, w.age_55plus, w.age_unknown, w.ref_date];
      values.forEach((v, c) => expect(row.getCell(c + 1).value, `wave ${w.wave} column ${c + 1}`).toEqual(v));
    });
    expect(ws.getRow(head + 1).getCell(13).numFmt).toBe('0.0%');
    const total = ws.getRow(head + want.length + 1);
    expect(total.getCell(1).value).toBe('Jumlah');
    expect(total.getCell(2).value).toBe(want.reduce((n, w) => n + w.recipients, 0));
    expect(total.font?.bold).toBe(true);

    const kec = wb.getWorksheet('Per wilayah');
    if (!kec) throw new Error('no area sheet');
    const kecHead = kec.views[0]?.state === 'frozen' ? (kec.views[0].ySplit ?? 0) : 0;
    expect(kec.getCell(`A${kecHead}`).value).toBe('Kode');
    const wantKec = expectedKecamatanRows(fx, null);
    wantKec.forEach((k, i) => {
      const row = kec.getRow(kecHead + i + 1);
      expect([1, 2, 3, 4, 5, 6, 7, 8].map((c) => row.getCell(c).value)).toEqual([k.code, k.name, k.recipients, k.revoked, k.assisted, k.assisted_share, k.women, k.men]);
    });
  });

  test('text that looks like a formula is stored as text', async () => {
    const { writeXlsx } = await import('../src/report/write-xlsx.js');
    const file = join(dir, 'hostile.xlsx');
    writeFileSync(file, await writeXlsx([hostile]));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0];
    expect(ws?.getCell('A2').value).toBe('\'=HYPERLINK("http://x","klik")');
    expect(ws?.getCell('A3').value).toBe("'@cmd");
    expect(ws?.getCell('C1').value).toBe("'=Persen");
    expect(ws?.getCell('B2').value).toBe(-3);
  });
});
