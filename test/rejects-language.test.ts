/**
 * A reject is stored as its reason code and parameters and put into words when read, in the reader's
 * language: a file imported in Indonesian lists its rejects in English with `--lang en`, and back. Rows
 * stored before the parameters were (older databases) show the text stored with them.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inLang } from '../src/i18n/index.js';
import { readRejectDetail, rejectMessage, rejectParams, type RejectDetail } from '../src/normalise/reject.js';
import { runCli, tempDir } from './helpers/cli.js';

const ID = { PRAKERJA_LANG: 'id' };

// Line 2 holds a NIK above the header; 5 has no name; 6 a name of no letters; 7 too many fields; 8 opens
// a quote that closes on 9; 10 opens one that never closes (10–11).
const LIST = [
  'DAFTAR PENERIMA KARTU PRAKERJA,,',
  '1271015001900003,SALAH TEMPAT,3',
  'NIK,Nama,Gelombang',
  '1271015001900011,SITI AMINAH,3',
  '1271015001900029,,3',
  '1271015001900037,---,3',
  '1271015001900045,BUDI,3,LEBIH,LAGI',
  '1271015001900053,"ANI,3',
  '1271015001900061,TONO",3',
  '1271015001900071,"RUDI,3',
  '1271015001900081,TINI,3',
  '',
].join('\n');

const EN: Record<number, string> = {
  2: 'row above the header (line 3) holds a NIK: a data row out of place? Move it below the header, then import the fixed file with --replaces and the batch number of this file (prakerja status)',
  5: 'row has no name',
  6: 'name "---" has no letters left once titles are removed',
  7: 'row has 5 fields but the header has 3; a delimiter inside a value? Put that value in quotes or fix the row in Excel',
  8: 'a quote opened on line 8 closes only on line 9, taking in the rows between (a stray "?); lines 8–9 not imported. Fix the quote, then import the fixed file with --replaces and the batch number of this file (prakerja status)',
  10: 'an opening quote on line 10 is never closed; lines 10–11 not imported. Fix the quote, then import the fixed file with --replaces and the batch number of this file (prakerja status)',
};
const IN_ID: Record<number, string> = {
  2: 'baris di atas judul kolom (baris 3) berisi NIK: baris data yang salah tempat? Pindahkan ke bawah judul kolom, lalu impor berkas yang sudah diperbaiki dengan --replaces dan nomor batch berkas ini (prakerja status)',
  5: 'baris tanpa nama',
  6: 'nama "---" tidak berisi huruf lagi setelah gelar dibuang',
  7: 'baris berisi 5 kolom padahal judul kolom hanya 3; ada pemisah di dalam sebuah nilai? Beri tanda kutip pada nilai itu atau perbaiki barisnya di Excel',
  10: 'tanda kutip pembuka di baris 10 tidak pernah ditutup; baris 10–11 tidak diimpor. Perbaiki tanda kutipnya, lalu impor berkas yang sudah diperbaiki dengan --replaces dan nomor batch berkas ini (prakerja status)',
};

interface JsonReject {
  line: number;
  reason: string;
  params: Record<string, unknown> | null;
  message: string;
}

// The databases the tests share (tempDir() folders go after each test).
const shared = mkdtempSync(join(tmpdir(), 'prakerja-rejects-'));
afterAll(() => rmSync(shared, { recursive: true, force: true }));

async function importedIn(lang: 'id' | 'en', dir = tempDir()): Promise<string> {
  const db = join(dir, 'p.sqlite');
  const file = join(dir, 'daftar.csv');
  writeFileSync(file, LIST);
  await runCli(['--db', db, 'init', '--region', '1271']);
  const r = await runCli(['--db', db, 'import', file, '--source', 'central'], { PRAKERJA_LANG: lang });
  expect(r.code).toBe(0);
  return db;
}

async function rejectsJson(db: string, env: NodeJS.ProcessEnv = {}): Promise<JsonReject[]> {
  const r = await runCli(['--db', db, '--json', 'rejects'], env);
  expect(r.code).toBe(0);
  const parsed: JsonReject[] = JSON.parse(r.stdout) as JsonReject[];
  return parsed;
}

describe('rejects are put into words in the language of the reader, not of the import', () => {
  let importedInId: string;
  let importedInEn: string;
  beforeAll(async () => {
    importedInId = await importedIn('id', mkdtempSync(join(shared, 'id-')));
    importedInEn = await importedIn('en', mkdtempSync(join(shared, 'en-')));
  });

  it('imported in Indonesian, `rejects --lang en` reads English', async () => {
    const rows = await rejectsJson(importedInId);
    expect(rows.map((r) => r.line)).toEqual([2, 5, 6, 7, 8, 9, 10, 11]);
    for (const r of rows) expect(r.message).toBe(EN[r.line] ?? EN[r.line - 1]);
    const table = await runCli(['--db', importedInId, 'rejects', '--lang', 'en']);
    expect(table.stdout).not.toMatch(/baris|tidak|judul/);
    expect(table.stdout).toContain(EN[7]);
  });

  it('imported in English, `rejects` reads Indonesian', async () => {
    const rows = await rejectsJson(importedInEn, ID);
    for (const line of [2, 5, 6, 7, 10, 11]) expect(rows.find((r) => r.line === line)?.message).toBe(IN_ID[line] ?? IN_ID[line - 1]);
    const table = await runCli(['--db', importedInEn, 'rejects'], ID);
    expect(table.stdout).not.toMatch(/\brow\b|header|quote/);
  });

  it('--json keeps the reason code and gives the parameters under stable English keys', async () => {
    const rows = await rejectsJson(importedInId);
    expect(rows.map((r) => [r.line, r.reason, r.params])).toEqual([
      [2, 'above_header', { headerLine: 3 }],
      [5, 'missing_name', { name: '' }],
      [6, 'missing_name', { name: '---' }],
      [7, 'field_count', { fields: 5, header: 3 }],
      [8, 'unclosed_quote', { first: 8, last: 9, runaway: true }],
      [9, 'unclosed_quote', { first: 8, last: 9, runaway: true }],
      [10, 'unclosed_quote', { first: 10, last: 11, runaway: false }],
      [11, 'unclosed_quote', { first: 10, last: 11, runaway: false }],
    ]);
  });

  it('explain on a rejected line gives the reject in the reader\'s language', async () => {
    const en = await runCli(['--db', importedInId, 'explain', 'daftar.csv:7']);
    expect(en).toMatchObject({ code: 2 });
    expect(en.stderr).toBe(`prakerja: line 7 of daftar.csv was not imported: rejected (wrong number of columns: ${EN[7]}). The rejected rows: prakerja rejects --batch 1\n`);
  });

  it('a row stored by an older prakerja (no parameters) shows the text stored with it', async () => {
    const db = await importedIn('id');
    const raw = new Database(db);
    raw.prepare("UPDATE rejects SET params = NULL WHERE line = 5").run();
    raw.close();
    const rows = await rejectsJson(db);
    expect(rows.find((r) => r.line === 5)).toMatchObject({ reason: 'missing_name', params: null, message: 'baris tanpa nama' });
    expect(rows.find((r) => r.line === 7)?.message).toBe(EN[7]);
  });

  it('a NIK inside a parameter is masked, in the message and in --json, unless --show-nik', async () => {
    const dir = tempDir();
    const db = join(dir, 'p.sqlite');
    const file = join(dir, 'daftar.csv');
    writeFileSync(file, 'NIK,Nama,Gelombang\n1271015001900011,SITI AMINAH,3\n,1271015001900029,3\n');
    await runCli(['--db', db, 'init', '--region', '1271']);
    await runCli(['--db', db, 'import', file, '--source', 'central']);
    const [masked] = await rejectsJson(db);
    expect(masked).toMatchObject({ params: { name: '127101******0029' }, message: 'name "127101******0029" has no letters left once titles are removed' });
    const shown = JSON.parse((await runCli(['--db', db, '--json', 'rejects', '--show-nik'])).stdout) as JsonReject[];
    expect(shown[0]).toMatchObject({ params: { name: '1271015001900029' } });
  });
});

describe('reject details', () => {
  const details: RejectDetail[] = [
    { reason: 'too_long', what: 'line' },
    { reason: 'too_long', what: 'cell' },
    { reason: 'unclosed_quote', first: 4, last: 9, runaway: false },
    { reason: 'unclosed_quote', first: 4, last: 6, runaway: true },
    { reason: 'unparseable', error: 'Invalid Closing Quote' },
    { reason: 'above_header', headerLine: 5 },
    { reason: 'field_count', fields: 7, header: 5 },
    { reason: 'missing_name', name: '' },
    { reason: 'missing_name', name: 'S.Pd.' },
  ];

  it.each(details)('$reason round-trips through its stored parameters and reads in both languages', (d) => {
    expect(readRejectDetail(d.reason, rejectParams(d))).toEqual(d);
    const id = inLang('id', () => rejectMessage(d));
    const en = inLang('en', () => rejectMessage(d));
    expect(id).not.toBe(en);
    expect(id.length).toBeGreaterThan(10);
  });

  it.each([
    ['missing_name', null],
    ['missing_name', 'not json'],
    ['missing_name', '{"name": 3}'],
    ['field_count', '{"fields": 5}'],
    ['too_long', '{"what": "page"}'],
    ['unclosed_quote', '{"first": 1, "last": 2}'],
    ['no_such_reason', '{}'],
    ['above_header', '[3]'],
  ])('%s with stored parameters %s is not a detail (the stored text is shown instead)', (reason, params) => {
    expect(readRejectDetail(reason, params)).toBeUndefined();
  });
});
