/** CSV/TSV reading: encodings, delimiters, title rows, header synonyms and the error when none is found. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { InputError, UsageError } from '../src/errors.js';
import { foldHeader, mapColumns, parseMapOptions } from '../src/ingest/columns.js';
import { detectDelimiter } from '../src/ingest/csv.js';
import { bomLength, detectEncoding } from '../src/ingest/encoding.js';
import { openTable, type SourceRow, type TableOptions } from '../src/ingest/table.js';
import { runCli, tempDir } from './helpers/cli.js';

async function read(bytes: Buffer, options: TableOptions = {}) {
  const file = join(tempDir(), 'input.csv');
  writeFileSync(file, bytes);
  const table = await openTable(file, options);
  const rows: SourceRow[] = [];
  for await (const row of table.rows) rows.push(row);
  return { table, rows };
}

const LIST = "DAFTAR PENERIMA KARTU PRAKERJA\r\n\r\nNIK;Nama\r\n1271015001900003;MA'RUF Andrés\r\n";
const names = (rows: SourceRow[]) => rows.map((r) => r.cells[1]);

describe('encodings', () => {
  it.each([
    ['UTF-8', Buffer.from(LIST, 'utf8'), 'utf8'],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(LIST, 'utf8')]), 'utf8'],
    ['UTF-16LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(LIST, 'utf16le')]), 'utf16le'],
    ['UTF-16BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(LIST, 'utf16be')]), 'utf16be'],
    ['UTF-16LE without BOM', iconv.encode(LIST, 'utf16le'), 'utf16le'],
    ['Windows-1252', iconv.encode(LIST, 'windows-1252'), 'windows-1252'],
  ])('%s is detected and the apostrophe and accent survive', async (_label, bytes, encoding) => {
    const { table, rows } = await read(bytes);
    expect(table.encoding).toBe(encoding);
    expect(table.header).toEqual(['NIK', 'Nama']);
    expect(table.headerLine).toBe(3);
    expect(table.above).toEqual([
      { line: 1, reason: 'title' },
      { line: 2, reason: 'blank' },
    ]);
    expect(names(rows)).toEqual(["MA'RUF Andrés"]);
    expect(rows[0]?.line).toBe(4);
  });

  it('--encoding overrides detection and still drops its byte-order mark', async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('NIK;Nama\n1271015001900003;Ni Made Sukmawatí\n', 'utf8')]);
    const { table, rows } = await read(bytes, { encoding: 'UTF-8' });
    expect(table.header[0]).toBe('NIK');
    expect(names(rows)).toEqual(['Ni Made Sukmawatí']);
    // Read as Windows-1252 on purpose, the same bytes give mojibake: the override is obeyed.
    const wrong = await read(bytes.subarray(3), { encoding: 'windows-1252' });
    expect(names(wrong.rows)).toEqual(['Ni Made SukmawatÃ\u00ad']);
  });

  it('detects encodings from the first bytes', () => {
    expect(detectEncoding(Buffer.from([0xef, 0xbb, 0xbf, 0x41]))).toEqual({ encoding: 'utf8', bom: 3 });
    expect(detectEncoding(Buffer.from('Andr\xe9s;x', 'latin1'))).toEqual({ encoding: 'windows-1252', bom: 0 });
    expect(bomLength(Buffer.from([0xff, 0xfe, 0x41, 0]), 'utf-16le')).toBe(2);
    expect(bomLength(Buffer.from([0xff, 0xfe, 0x41, 0]), 'utf8')).toBe(0);
  });

  it('an unknown --encoding is an InputError naming the ones to try', async () => {
    await expect(read(Buffer.from(LIST), { encoding: 'klingon' })).rejects.toThrow(/unknown encoding "klingon". Try --encoding utf8/);
  });
});

describe('delimiters', () => {
  it.each([
    [',', 'NIK,Nama,Gel\n1271015001900003,"AMINAH, S.Pd",3\n'],
    [';', 'NIK;Nama;Gel\n1271015001900003;AMINAH, S.Pd;3\n'],
    ['\t', 'NIK\tNama\tGel\n1271015001900003\tAMINAH, S.Pd\t3\n'],
    ['|', 'NIK|Nama|Gel\n1271015001900003|AMINAH, S.Pd|3\n'],
  ])('%j is detected', async (delimiter, text) => {
    expect(detectDelimiter(text)).toBe(delimiter);
    const { table, rows } = await read(Buffer.from(text));
    expect(table.delimiter).toBe(delimiter);
    expect(rows[0]?.cells).toEqual(['1271015001900003', 'AMINAH, S.Pd', '3']);
  });

  it('title rows with their own commas do not fool detection', () => {
    expect(detectDelimiter('DAFTAR PENERIMA, GELOMBANG 3\nMedan, Sumatera Utara\nNIK;Nama;Gel\n1;A;3\n2;B;3\n3;C;3\n')).toBe(';');
  });

  it('--delimiter overrides detection; more than one character is a usage error', async () => {
    const { rows } = await read(Buffer.from('NIK;Nama,Gelar\n1271015001900003;AMINAH,S.Pd\n'), { delimiter: ';' });
    expect(rows[0]?.cells).toEqual(['1271015001900003', 'AMINAH,S.Pd']);
    await expect(read(Buffer.from('NIK;Nama\n'), { delimiter: ';;' })).rejects.toBeInstanceOf(UsageError);
  });
});

describe('rows', () => {
  it('keeps line numbers across quoted line breaks, CRLF inside quotes and blank lines', async () => {
    const text = 'NIK,Nama,Ket\r\n1,A,"baris satu\r\nbaris dua"\r\n\r\n2,B,x\r\n3,C,"a\nb\nc"\r\n4,D,y\r\n';
    const { rows } = await read(Buffer.from(text));
    expect(rows.map((r) => [r.line, r.cells[0]])).toEqual([
      [2, '1'],
      [4, ''],
      [5, '2'],
      [6, '3'],
      [9, '4'],
    ]);
  });

  it('an empty file and a binary file are InputErrors that say what to do', async () => {
    await expect(read(Buffer.alloc(0))).rejects.toThrow(/the file is empty/);
    await expect(read(Buffer.from([0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x41]))).rejects.toThrow(/binary data/);
    await expect(read(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]))).rejects.toThrow(/Excel 97-2003 workbook \(\.xls\)/);
  });
});

describe('header synonyms', () => {
  it.each([
    ['NIK', 'nik'],
    ['No KTP', 'nik'],
    ['NO. KTP', 'nik'],
    ['No. Induk Kependudukan', 'nik'],
    ['NIK (16 digit)', 'nik'],
    ['No e-KTP', 'nik'],
    ['Nama', 'name'],
    ['Nama Lengkap', 'name'],
    ['nama_penerima', 'name'],
    ['NAMA SESUAI KTP', 'name'],
    ['Nama Tamu', 'name'],
    ['GEL', 'wave'],
    ['Gelombang', 'wave'],
    ['Gelombang Ke-', 'wave'],
    ['Hari/Tanggal', 'date'],
    ['Tgl. Kunjungan', 'date'],
    ['No. HP/WA', 'phone'],
    ['WhatsApp', 'phone'],
    ['Keperluan', 'purpose'],
    ['KAB/KOTA', 'regency'],
    ['kab_kota', 'regency'],
    ['Keterangan', 'status'],
    ['NO.', 'number'],
  ])('%j → %s', (header, field) => {
    expect(mapColumns([header]).fields).toEqual({ [field]: 0 });
  });

  it('does not take the mother\u2019s name or the No. KK for the person', () => {
    expect(mapColumns(['Nama Ibu Kandung', 'No KK']).fields).toEqual({});
    expect(foldHeader(' NO. KTP ')).toBe('noktp');
  });

  it('--map names a column the synonyms do not know, and can ignore one', () => {
    const map = parseMapOptions(['No Identitas=nik', 'Nama Peserta=name', 'NIK=ignore']);
    expect(mapColumns(['NIK', 'No Identitas', 'Nama Peserta'], map).fields).toEqual({ nik: 1, name: 2 });
    expect(() => parseMapOptions(['Kolom X=nomor'])).toThrow(/expected HEADER=FIELD/);
  });

  it('without a NIK column, the CLI error lists the headers found and the --map flag', async () => {
    const dir = tempDir();
    const file = join(dir, 'tanpa-nik.csv');
    writeFileSync(file, 'DAFTAR PENERIMA\n\nNo;ID Peserta;Nama Peserta;Gel\n1;1271015001900003;SITI AMINAH;3\n');
    const result = await runCli(['--db', join(dir, 'db.sqlite'), 'import', file, '--source', 'central']);
    expect(result.code).toBe(1);
    const out = result.stdout + result.stderr;
    expect(out).toContain('no NIK column found in the first 50 rows');
    expect(out).toContain('line 3, has: "No", "ID Peserta", "Nama Peserta", "Gel"');
    expect(out).toContain('--map "No Identitas=nik"');
    const fixed = await runCli(['--db', join(dir, 'db.sqlite'), '--json', 'import', file, '--source', 'central', '--map', 'ID Peserta=nik']);
    expect(fixed.code).toBe(0);
    expect(JSON.parse(fixed.stdout)).toMatchObject({ files: [{ headerLine: 3, imported: 1, skipped: 2 }] });
  });

  it('a file with no header at all is an InputError', async () => {
    await expect(read(Buffer.from('a;b;c\n1;2;3\n'))).rejects.toBeInstanceOf(InputError);
  });
});
