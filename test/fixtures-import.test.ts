/**
 * Every fixture imported through the CLI, as an office would: stored values, NIK flags, skipped and
 * rejected rows with their lines, and the rule that imported + rejected + skipped = rows read.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { FIXTURES, runCli, tempDir } from './helpers/cli.js';

interface Summary {
  file: string;
  outcome: string;
  format: string;
  encoding: string | null;
  delimiter: string | null;
  headerLine: number;
  read: number;
  imported: number;
  rejected: number;
  skipped: number;
  skippedBy: Record<string, number>;
  rejectedBy: Record<string, number>;
  nikFlags: Record<string, number>;
}

interface Stored {
  line: number;
  nik_raw: string | null;
  nik: string | null;
  nik_status: string;
  nik_reason: string | null;
  nik_hint: string | null;
  name_raw: string;
  name: string;
  name_key: string;
  wave: number | null;
  status: string | null;
  visit_date: string | null;
  phone: string | null;
  purpose: string | null;
  extra: string | null;
}

async function importFixture(file: string, ...flags: string[]) {
  const db = join(tempDir(), 'test.sqlite');
  const result = await runCli(['--db', db, '--json', 'import', join(FIXTURES, file), ...flags]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  const parsed = JSON.parse(result.stdout) as { files: Summary[] };
  const summary = parsed.files[0];
  if (!summary) throw new Error('no summary');
  const sqlite = new Database(db, { readonly: true });
  const records = sqlite.prepare<[], Stored>('SELECT * FROM records ORDER BY line').all();
  const rejects = sqlite.prepare<[], { line: number; reason: string }>('SELECT line, reason FROM rejects ORDER BY line').all();
  sqlite.close();
  // Nothing is lost silently.
  expect(summary.imported + summary.rejected + summary.skipped).toBe(summary.read);
  expect(records).toHaveLength(summary.imported);
  expect(rejects).toHaveLength(summary.rejected);
  return { summary, records, rejects, byLine: (line: number) => records.find((r) => r.line === line) };
}

/** truth.csv: which person each data row is about. */
const truth = readFileSync(join(FIXTURES, 'truth.csv'), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((l) => {
    const [file = '', line = '', person = ''] = l.split(',');
    return { file, line: Number(line), person };
  });
const truthLines = (file: string) => truth.filter((t) => t.file === file).map((t) => t.line);

describe('fixtures imported through the CLI', () => {
  it('central XLSX: title rows, NIK cells typed as numbers flagged excel_number, formulas and rich text read', async () => {
    const { summary, records, byLine } = await importFixture('penerima-gel3-pusat.xlsx', '--source', 'central');
    expect(summary).toMatchObject({ format: 'xlsx', headerLine: 4, read: 25, imported: 22, rejected: 0, skipped: 3 });
    expect(summary.skippedBy).toEqual({ title: 2, footer: 1 });
    expect(summary.nikFlags).toEqual({ excel_number: 6 });
    expect(records.map((r) => r.line)).toEqual(truthLines('penerima-gel3-pusat.xlsx'));
    // P01, typed as text: valid.
    expect(byLine(5)).toMatchObject({ nik: '1271015001900003', nik_status: 'valid', name: 'Siti Aminah', wave: 3, status: 'penerima' });
    // P03, typed as a number: Excel kept 15 digits. Raw digits stored, no exponent; flagged, with a hint.
    expect(byLine(7)).toMatchObject({ nik: null, nik_raw: '1271021503980000', nik_status: 'damaged', nik_reason: 'excel_number' });
    expect(byLine(7)?.nik_hint).toMatch(/^127102/);
    // Rich text comes out as plain text.
    expect(byLine(9)).toMatchObject({ name_raw: 'ANDRÉS SIMANJUNTAK', name_key: 'ANDRES SIMANJUNTAK' });
    expect(byLine(12)).toMatchObject({ name_raw: 'Hj. NURHAYATI', name_key: 'NURHAYATI' });
    expect(byLine(20)).toMatchObject({ status: 'dicabut' });
    expect(records.filter((r) => r.nik_reason === 'excel_number').map((r) => r.line)).toEqual([7, 11, 15, 19, 23, 25]);
  });

  it('central XLSX, second sheet chosen by number and by name', async () => {
    for (const sheet of ['2', 'gel 4 SUSULAN']) {
      const { summary, records } = await importFixture('penerima-gel3-pusat.xlsx', '--source', 'central', '--sheet', sheet);
      expect(summary).toMatchObject({ headerLine: 1, read: 2, imported: 2 });
      expect(records.map((r) => [r.line, r.name, r.wave])).toEqual([
        [2, 'Putri Ayu Ningsih', 4],
        [3, 'Muhammad Ilham', 4],
      ]);
    }
  });

  it('central XLSX, a sheet that does not exist: the sheets are listed', async () => {
    const db = join(tempDir(), 'test.sqlite');
    const result = await runCli(['--db', db, 'import', join(FIXTURES, 'penerima-gel3-pusat.xlsx'), '--source', 'central', '--sheet', 'Gel 9']);
    expect(result.code).toBe(1);
    expect(result.stdout + result.stderr).toContain('no sheet "Gel 9" in this workbook; it has: 1 "Gel 3", 2 "Gel 4 susulan"');
  });

  it('province CSV: Windows-1252, ";", CRLF, titles, mangled NIKs, JUMLAH and a signature block', async () => {
    const { summary, records, byLine } = await importFixture('rekap-provinsi-sumut.csv', '--source', 'province');
    expect(summary).toMatchObject({ encoding: 'windows-1252', delimiter: ';', headerLine: 5, read: 31, imported: 17, rejected: 0, skipped: 14 });
    expect(summary.skippedBy).toEqual({ title: 3, blank: 5, footer: 1, signature: 5 });
    expect(summary.nikFlags).toEqual({ scientific_notation: 2, wrong_length: 1, impossible_date: 1 });
    expect(records.map((r) => r.line)).toEqual(truthLines('rekap-provinsi-sumut.csv'));
    expect(byLine(6)).toMatchObject({ nik_raw: "'1271015001900003", nik: '1271015001900003', nik_status: 'valid' });
    expect(byLine(7)).toMatchObject({ nik: '1271106207950001', nik_status: 'valid' });
    expect(byLine(8)).toMatchObject({ nik_raw: '1,27102E+15', nik_status: 'damaged', nik_reason: 'scientific_notation', nik_hint: '12710' });
    // Accents and the apostrophe survive Windows-1252.
    expect(byLine(9)?.name_raw).toBe("MA'RUF HIDAYAT");
    expect(byLine(10)?.name_raw).toBe('ANDRÉS SIMANJUNTAK');
    expect(byLine(11)?.name_raw).toBe('NI MADE SUKMAWATÍ');
    expect(byLine(12)).toMatchObject({ name_raw: 'RAHMAT HIDAYAT, S.KOM', name_key: 'RAHMAT HIDAYAT' });
    expect(byLine(15)).toMatchObject({ status: 'dicabut', wave: 3 });
    expect(byLine(17)).toMatchObject({ nik_status: 'invalid', nik_reason: 'wrong_length' });
    expect(byLine(18)).toMatchObject({ wave: 4 });
    expect(byLine(23)).toMatchObject({ nik_status: 'invalid', nik_reason: 'impossible_date' });
  });

  it('central CSV: UTF-8 with BOM, header on line 1, a quoted comma in a name', async () => {
    const { summary, records, byLine } = await importFixture('penerima-gel4-pusat.csv', '--source', 'central');
    expect(summary).toMatchObject({ encoding: 'utf8', delimiter: ',', headerLine: 1, read: 12, imported: 12, skipped: 0 });
    expect(summary.nikFlags).toEqual({});
    expect(records.every((r) => r.nik_status === 'valid' && r.wave === 4 && r.status === 'penerima')).toBe(true);
    // The Papua NIK issued before the 2022 split keeps its legacy prefix and is valid.
    expect(byLine(8)).toMatchObject({ nik: '9101011407910002', nik_status: 'valid' });
    expect(byLine(10)).toMatchObject({ name_raw: 'AGUS KURNIAWAN, S.E.', name_key: 'AGUS KURNIAWAN' });
  });

  it('walk-in guest book: mixed dates, missing and broken NIKs, titles, a note over two lines', async () => {
    const { summary, records, rejects, byLine } = await importFixture('buku-tamu-2020.csv', '--source', 'walkin');
    // 19 lines below and above the header: the note over two lines counts its second line as a continuation.
    expect(summary).toMatchObject({ headerLine: 4, read: 19, imported: 12, rejected: 1, skipped: 6 });
    expect(summary.skippedBy).toEqual({ title: 2, blank: 2, footer: 1, continuation: 1 });
    expect(summary.nikFlags).toEqual({ missing: 1, wrong_length: 1 });
    expect(rejects).toEqual([{ line: 17, reason: 'missing_name' }]);
    expect([...records.map((r) => r.line), 17].sort((a, b) => a - b)).toEqual(truthLines('buku-tamu-2020.csv'));
    expect(records.map((r) => [r.line, r.visit_date])).toEqual([
      [5, '2020-05-05'],
      [6, '2020-05-05'],
      [7, '2020-05-12'],
      [8, '2020-06-02'],
      [9, '2020-06-05'],
      [10, '2020-08-05'],
      [11, '2020-08-05'],
      [12, '2020-08-05'],
      // The note of line 12 spans two lines, so the next row starts on 14.
      [14, '2020-08-06'],
      [15, null],
      [18, '2020-08-10'],
      [19, '2020-08-11'],
    ]);
    expect(JSON.parse(byLine(15)?.extra ?? '{}')).toMatchObject({ date: 'kemarin', flags: ['date_unreadable'] });
    expect(byLine(6)).toMatchObject({ nik_status: 'missing', phone: '081370002222', name_key: 'CANDRA WIJAYA' });
    expect(byLine(8)).toMatchObject({ name_key: 'ELVI SUSANTI' });
    // A purpose written over two lines of one cell: its own column since schema 4, not inside extra.
    expect(byLine(12)?.purpose).toBe('Daftar ulang\nlupa email dan kata sandi');
    expect(byLine(14)).toMatchObject({ nik_reason: 'wrong_length' });
  });

  it('Excel "Unicode text": UTF-16LE, tab-separated, a title row', async () => {
    const { summary, records, byLine } = await importFixture('penerima-gel5-unicode.txt', '--source', 'central');
    expect(summary).toMatchObject({ encoding: 'utf16le', delimiter: '\t', headerLine: 2, read: 8, imported: 7, skipped: 1 });
    expect(records.map((r) => r.line)).toEqual(truthLines('penerima-gel5-unicode.txt'));
    expect(byLine(9)).toMatchObject({ name_raw: 'NI MADE SUKMAWATÍ', nik: '5171015909970002', wave: 5 });
    expect(byLine(7)).toMatchObject({ name_raw: 'Drs. SUTRISNO', name_key: 'SUTRISNO' });
  });

  it('truth.csv names a person of the cast for every data row of every fixture', () => {
    const cast = new Set(
      readFileSync(join(FIXTURES, 'cast.csv'), 'utf8')
        .trim()
        .split('\n')
        .slice(1)
        .map((l) => l.split(',')[0]),
    );
    expect(cast.size).toBe(40);
    expect(truth.length).toBe(22 + 2 + 17 + 12 + 13 + 7);
    expect(truth.every((t) => cast.has(t.person))).toBe(true);
  });
});
