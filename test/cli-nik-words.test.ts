/**
 * Where a person reads why a NIK is flagged or a row rejected (import, status, explain, rejects), the reason
 * is in words of the language, English too; `--json` keeps the codes (`excel_number`, `missing_name`).
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, runCli } from './helpers/cli.js';

const ID = { PRAKERJA_LANG: 'id' };
/** A stored code (`wrong_length`, `missing_name`) where a sentence or a table cell is read. */
const CODE = /\b(non_digit|wrong_length|unknown_region|impossible_date|serial_zero|scientific_notation|excel_number|excel_rounded|missing_name|field_count|unclosed_quote|above_header|unparseable|date_unreadable|too_long)\b/;

let db = '';
let dir = '';
const imports: Record<'en' | 'id', string> = { en: '', id: '' };

// One database for the file (tempDir's folders go after each test).
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'prakerja-test-'));
  db = join(dir, 'p.sqlite');
  for (const f of ['penerima-gel3-pusat.xlsx', 'rekap-provinsi-sumut.csv', 'buku-tamu-2020.csv']) copyFileSync(join(FIXTURES, f), join(dir, f));
  await runCli(['--db', db, 'import', join(dir, 'penerima-gel3-pusat.xlsx'), '--source', 'central']);
  imports.en = (await runCli(['--db', db, 'import', join(dir, 'rekap-provinsi-sumut.csv'), '--source', 'province', '--dry-run'])).stdout;
  imports.id = (await runCli(['--db', db, 'import', join(dir, 'rekap-provinsi-sumut.csv'), '--source', 'province', '--dry-run'], ID)).stdout;
  await runCli(['--db', db, 'import', join(dir, 'rekap-provinsi-sumut.csv'), '--source', 'province']);
  imports.en += (await runCli(['--db', db, 'import', join(dir, 'buku-tamu-2020.csv'), '--source', 'walkin'])).stdout;
  imports.id += (await runCli(['--db', db, 'import', join(dir, 'buku-tamu-2020.csv'), '--source', 'walkin', '--force', '--dry-run'], ID)).stdout;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('NIK problems and reject reasons in words', () => {
  it('import says them in words, English and Indonesian', () => {
    expect(imports.en).toContain('  kept with a NIK problem: Excel scientific notation 2, not 16 digits 1, impossible birth date 1\n');
    expect(imports.en).toContain('  rejected: no name 1\n');
    expect(imports.en).toContain('  kept with a NIK problem: no NIK 1, not 16 digits 1\n');
    expect(imports.id).toContain('  disimpan dengan masalah NIK: notasi ilmiah Excel 2, bukan 16 digit 1, tanggal lahir mustahil 1\n');
    expect(imports.id).toContain('  ditolak: tanpa nama 1\n');
    for (const text of Object.values(imports)) expect(text).not.toMatch(CODE);
  });

  it('status lists the NIK problems in words; --json keeps the codes', async () => {
    const en = await runCli(['--db', db, 'status']);
    expect(en.stdout).toMatch(/\nExcel number \(15 digits\)\s+6\n/);
    expect(en.stdout).toMatch(/\nExcel scientific notation\s+2\n/);
    expect(en.stdout).not.toMatch(CODE);
    const id = await runCli(['--db', db, 'status'], ID);
    expect(id.stdout).toMatch(/\nangka Excel \(15 digit\)\s+6\n/);
    expect(id.stdout).not.toMatch(CODE);
    const json = JSON.parse((await runCli(['--db', db, '--json', 'status'])).stdout) as { nikProblems: { reason: string; records: number }[] };
    expect(json.nikProblems).toEqual(expect.arrayContaining([{ reason: 'excel_number', records: 6 }, { reason: 'scientific_notation', records: 2 }]));
  });

  it('explain words a record\'s NIK problem and a rejected line\'s reason; --json keeps the code', async () => {
    const en = await runCli(['--db', db, 'explain', 'rekap-provinsi-sumut.csv:12']);
    expect(en.stdout).toContain('(provincial list, wave 3, NIK 1.2******15 — Excel scientific notation)');
    expect(en.stdout).toContain('(central list, wave 3, NIK 127103******0010 — Excel number (15 digits))');
    expect(en.stdout).not.toMatch(CODE);
    const id = await runCli(['--db', db, 'explain', 'rekap-provinsi-sumut.csv:12'], ID);
    expect(id.stdout).toContain('(rekap provinsi, gelombang 3, NIK 1.2******15 — notasi ilmiah Excel)');
    const json = JSON.parse((await runCli(['--db', db, '--json', 'explain', 'rekap-provinsi-sumut.csv:12'])).stdout) as { matched: { nikStatus: string }[] };
    expect(json.matched.map((m) => m.nikStatus)).toEqual(['scientific_notation']);
    const rejected = await runCli(['--db', db, 'explain', 'buku-tamu-2020.csv:17']);
    expect(rejected.code).toBe(2);
    expect(rejected.stderr).toContain('no name');
    expect(rejected.stderr).not.toMatch(CODE);
  });

  it('rejects words the reason column; --json keeps the code', async () => {
    const en = await runCli(['--db', db, 'rejects']);
    expect(en.stdout).toMatch(/buku-tamu-2020\.csv\s+17\s+no name\s+row has no name/);
    expect(en.stdout).toMatch(/buku-tamu-2020\.csv\s+15\s+unreadable date\s+the visit date cannot be read/);
    expect(en.stdout).not.toMatch(CODE);
    const id = await runCli(['--db', db, 'rejects'], ID);
    expect(id.stdout).toMatch(/buku-tamu-2020\.csv\s+17\s+tanpa nama\s+baris tanpa nama/);
    const json = JSON.parse((await runCli(['--db', db, '--json', 'rejects'])).stdout) as { reason: string }[];
    expect(json.map((r) => r.reason)).toEqual(['date_unreadable', 'missing_name']);
  });
});
