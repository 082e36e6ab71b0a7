/** XLSX reading: cell values as text, numeric flags, dates, formulas, sheet choice and errors. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../src/errors.js';
import { openTable, type SourceRow, type TableOptions } from '../src/ingest/table.js';
import { cellText, chooseSheet, numberText } from '../src/ingest/xlsx.js';
import { runCli, tempDir } from './helpers/cli.js';

async function workbook(build: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  const file = join(tempDir(), 'book.xlsx');
  writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
  return file;
}

async function readAll(file: string, options: TableOptions = {}) {
  const table = await openTable(file, options);
  const rows: SourceRow[] = [];
  for await (const row of table.rows) rows.push(row);
  return { table, rows };
}

describe('numberText', () => {
  it.each([
    [3275120101900010, '3275120101900010'],
    [1271021503980000, '1271021503980000'],
    [9101011407910000, '9101011407910000'],
    [3.5, '3.5'],
    [0.1 + 0.2, '0.3'],
    [-12, '-12'],
    [1e21, '1000000000000000000000'],
    [1e-7, '0.0000001'],
    [44048, '44048'],
  ])('%d → %s', (n, text) => {
    expect(numberText(n)).toBe(text);
  });
});

describe('cellText', () => {
  it.each<[ExcelJS.CellValue, string | undefined, { text: string; isNumber: boolean }]>([
    [null, undefined, { text: '', isNumber: false }],
    [3275120101900010, 'General', { text: '3275120101900010', isNumber: true }],
    ['3275120101900011', undefined, { text: '3275120101900011', isNumber: false }],
    [true, undefined, { text: 'TRUE', isNumber: false }],
    [new Date(Date.UTC(2020, 7, 5)), undefined, { text: '2020-08-05', isNumber: false }],
    [new Date(Date.UTC(2020, 7, 5, 9, 30)), undefined, { text: '2020-08-05 09:30', isNumber: false }],
    [{ richText: [{ text: 'ANDRÉS ' }, { text: 'SIMANJUNTAK' }] }, undefined, { text: 'ANDRÉS SIMANJUNTAK', isNumber: false }],
    [{ formula: 'A1+1', result: 7 }, undefined, { text: '7', isNumber: true }],
    [{ formula: 'TODAY()', result: 44048 }, 'dd/mm/yyyy', { text: '2020-08-05', isNumber: false }],
    [{ formula: 'B2&""', result: 'SITI' }, undefined, { text: 'SITI', isNumber: false }],
    [{ error: '#N/A' }, undefined, { text: '#N/A', isNumber: false }],
    [{ text: 'lihat', hyperlink: 'https://example.org' }, undefined, { text: 'lihat', isNumber: false }],
    ['baris_x000D_\nkedua', undefined, { text: 'baris\r\nkedua', isNumber: false }],
  ])('%j', (value, numFmt, expected) => {
    expect(cellText(value, numFmt)).toEqual(expected);
  });
});

describe('chooseSheet', () => {
  const sheets = [
    { name: 'Referensi', hidden: true },
    { name: 'Gel 3', hidden: false },
    { name: '2', hidden: false },
  ];
  it('takes the first visible sheet by default, a name before a number, and a number in tab order', () => {
    expect(chooseSheet(sheets, undefined)?.name).toBe('Gel 3');
    expect(chooseSheet(sheets, ' gel 3 ')?.name).toBe('Gel 3');
    expect(chooseSheet(sheets, '2')?.name).toBe('2');
    expect(chooseSheet(sheets, '1')?.name).toBe('Referensi');
    expect(chooseSheet(sheets, '9')).toBeUndefined();
  });
});

describe('openTable on XLSX', () => {
  it('finds the header below merged titles; rows keep sheet row numbers, number flags, dates', async () => {
    const file = await workbook((wb) => {
      const ws = wb.addWorksheet('Buku Tamu');
      ws.getCell('A1').value = 'BUKU TAMU LAYANAN KARTU PRAKERJA';
      ws.mergeCells('A1:E1');
      ws.getRow(3).values = ['Tanggal', 'NIK', 'Nama', 'Umur', 'Catatan'];
      ws.getRow(4).values = [new Date(Date.UTC(2020, 4, 5)), 1271015001900000, "MA'RUF", 29.5, null];
      ws.getCell('A4').numFmt = 'dd/mm/yyyy';
      ws.getRow(6).values = ['5 Mei 2020', '1271015001900003', 'SITI', 31, 'ok'];
      ws.getRow(7).values = [{ formula: 'A4+1', result: 43957 }, '1271015001900003', { richText: [{ text: 'Ni ' }, { text: 'Made' }] }];
      ws.getCell('A7').numFmt = 'd mmmm yyyy';
    });
    const { table, rows } = await readAll(file);
    expect(table).toMatchObject({ format: 'xlsx', sheet: 'Buku Tamu', headerLine: 3, header: ['Tanggal', 'NIK', 'Nama', 'Umur', 'Catatan'] });
    expect(table.above).toEqual([{ line: 1, reason: 'title' }]);
    expect(rows).toEqual([
      { line: 4, cells: ['2020-05-05', '1271015001900000', "MA'RUF", '29.5'], numeric: [false, true, false, true] },
      { line: 6, cells: ['5 Mei 2020', '1271015001900003', 'SITI', '31', 'ok'], numeric: [false, false, false, true, false] },
      { line: 7, cells: ['2020-05-06', '1271015001900003', 'Ni Made'] },
    ]);
  });

  it('chooses a sheet by name or number and lists the sheets when it does not exist', async () => {
    const file = await workbook((wb) => {
      wb.addWorksheet('Rekap').getRow(1).values = ['Ringkasan'];
      const ws = wb.addWorksheet('Gel 4');
      ws.getRow(1).values = ['NIK', 'Nama'];
      ws.getRow(2).values = ['1271015001900003', 'SITI AMINAH'];
    });
    for (const sheet of ['Gel 4', '2']) {
      const { table, rows } = await readAll(file, { sheet });
      expect(table.sheet).toBe('Gel 4');
      expect(rows.map((r) => r.cells)).toEqual([['1271015001900003', 'SITI AMINAH']]);
    }
    await expect(readAll(file, { sheet: 'Gel 9' })).rejects.toThrow(
      'no sheet "Gel 9" in this workbook; it has: 1 "Rekap", 2 "Gel 4". Choose one with --sheet NAME or --sheet N.',
    );
    // The first sheet has no header: the error names the sheet and the --map fix.
    await expect(readAll(file)).rejects.toThrow(/no NIK and name columns found in the first 50 rows \(sheet "Rekap"; .*--map/);
  });

  it('a damaged workbook is an InputError, not a crash', async () => {
    const file = await workbook((wb) => {
      const ws = wb.addWorksheet('A');
      ws.getRow(1).values = ['NIK', 'Nama'];
      for (let i = 2; i < 400; i++) ws.getRow(i).values = [`12710150019${String(i).padStart(5, '0')}`, `ORANG ${i}`];
    });
    const { readFileSync } = await import('node:fs');
    const bytes = readFileSync(file);
    const truncated = join(tempDir(), 'truncated.xlsx');
    writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expect(readAll(truncated)).rejects.toBeInstanceOf(InputError);
    const garbage = join(tempDir(), 'garbage.xlsx');
    writeFileSync(garbage, Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]));
    await expect(readAll(garbage)).rejects.toBeInstanceOf(InputError);
  });
});

describe('a broken workbook is told in the catalogue\'s words, not the zip library\'s', () => {
  const notWhole =
    'this is not a whole .xlsx workbook: it is cut short (not fully downloaded or copied?) or not an Excel file at all. Copy or download it again, or open it in Excel or LibreOffice and save it again as .xlsx.';
  const damaged =
    'this workbook is damaged: its packed data cannot be unpacked. Copy or download it again, or open it in Excel or LibreOffice and save it again as .xlsx (or save the sheet as CSV).';

  async function sound(): Promise<Buffer> {
    const { readFileSync } = await import('node:fs');
    return readFileSync(
      await workbook((wb) => {
        const ws = wb.addWorksheet('A');
        ws.getRow(1).values = ['NIK', 'Nama'];
        for (let i = 2; i < 400; i++) ws.getRow(i).values = [`12710150019${String(i).padStart(5, '0')}`, `ORANG ${i}`];
      }),
    );
  }

  async function messageOf(bytes: Buffer): Promise<string> {
    const file = join(tempDir(), 'rusak.xlsx');
    writeFileSync(file, bytes);
    const error: unknown = await readAll(file, { stallMs: 200 }).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    return (error as InputError).message;
  }

  it('cut short, or a zip header over garbage: not a whole workbook', async () => {
    const bytes = await sound();
    expect(await messageOf(bytes.subarray(0, Math.floor(bytes.length / 2)))).toBe(notWhole);
    expect(await messageOf(Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]))).toBe(notWhole);
  });

  it('a flipped byte in the packed data: damaged (zlib\'s "invalid distance too far back" not shown)', async () => {
    const { readFileSync } = await import('node:fs');
    const message = await messageOf(readFileSync(new URL('./data/damaged-deflate-hang.xlsx', import.meta.url)));
    expect(message).toBe(damaged);
  });

  it('in Indonesian by default, on the import\'s line of the file', async () => {
    const dir = tempDir();
    const file = join(dir, 'rusak.xlsx');
    writeFileSync(file, (await sound()).subarray(0, 3000));
    const r = await runCli(['--db', join(dir, 'p.sqlite'), 'import', file, '--source', 'central', '--wave', '1'], { PRAKERJA_LANG: 'id' });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      `✗ ${file}: ini bukan workbook .xlsx yang utuh: terpotong (belum selesai diunduh atau disalin?) atau memang bukan berkas Excel. Salin atau unduh lagi, atau buka di Excel atau LibreOffice lalu simpan lagi sebagai .xlsx.\n`,
    );
  });
});
