/**
 * Files written by a real spreadsheet program: LibreOffice (headless) turns the central XLSX fixture into
 * its own XLSX and into a `;`-separated Windows-1252 CSV, and both import to the same people as the
 * original. Skipped, with a note, where LibreOffice is not installed (Debian: `libreoffice-calc`;
 * `.ci/run` installs it).
 */
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { FIXTURES, runCli, tempDir } from './helpers/cli.js';
import { convert, hasSoffice, warnIfNoSoffice } from './helpers/libreoffice.js';

warnIfNoSoffice('libreoffice.test.ts');

/**
 * LibreOffice's CSV export options: field separator 59 (`;`), text delimiter 34 (`"`), character set 1
 * (RTL_TEXTENCODING_MS_1252, i.e. Windows-1252).
 */
const CSV_1252_SEMICOLON = 'csv:Text - txt - csv (StarCalc):59,34,1';

interface Row {
  line: number;
  nik_raw: string | null;
  nik: string | null;
  nik_status: string;
  name_raw: string;
  wave: number | null;
  status: string | null;
}

async function importRows(file: string, db: string): Promise<{ rows: Row[]; summary: { read: number; imported: number; skipped: number; encoding: string | null; delimiter: string | null } }> {
  const result = await runCli(['--db', db, '--json', 'import', file, '--source', 'central']);
  expect(result.code).toBe(0);
  const summary = (JSON.parse(result.stdout) as { files: { read: number; imported: number; skipped: number; encoding: string | null; delimiter: string | null }[] }).files[0];
  if (!summary) throw new Error('no summary');
  const sqlite = new Database(db, { readonly: true });
  const batch = sqlite.prepare<[], { id: number }>('SELECT max(id) AS id FROM batches').get();
  const rows = sqlite
    .prepare<[number], Row>('SELECT line, nik_raw, nik, nik_status, name_raw, wave, status FROM records WHERE batch_id = ? ORDER BY line')
    .all(batch?.id ?? 0);
  sqlite.close();
  return { rows, summary };
}

describe('files exported by LibreOffice', () => {
  it.skipIf(!hasSoffice)('XLSX re-saved by LibreOffice and a ;-separated Windows-1252 CSV import to the same records', { timeout: 240_000 }, async () => {
    const dir = tempDir();
    const source = join(dir, 'central.xlsx');
    copyFileSync(join(FIXTURES, 'penerima-gel3-pusat.xlsx'), source);
    const db = join(dir, 'test.sqlite');
    const original = await importRows(source, db);

    const xlsx = convert(source, 'xlsx', join(dir, 'xlsx'), join(dir, 'profile'));
    const csv = convert(source, CSV_1252_SEMICOLON, join(dir, 'csv'), join(dir, 'profile'));
    // The export really is Windows-1252: `É` of ANDRÉS is the single byte 0xC9.
    expect(readFileSync(csv).includes(Buffer.from('ANDR\xc9S', 'latin1'))).toBe(true);

    // Each into a database of its own, to compare records; into the first one, each is the same list again.
    const fromXlsx = await importRows(xlsx, join(dir, 'xlsx.sqlite'));
    expect(fromXlsx.summary).toMatchObject({ read: 25, imported: 22, skipped: 3 });
    // LibreOffice keeps numbers as numbers: the same NIK flags, the same everything.
    expect(fromXlsx.rows).toEqual(original.rows);

    const fromCsv = await importRows(csv, join(dir, 'csv.sqlite'));
    // The empty row 3 of the sheet is an empty line in the CSV: one more row read, skipped as blank.
    expect(fromCsv.summary).toMatchObject({ encoding: 'windows-1252', delimiter: ';', read: 26, imported: 22, skipped: 4 });
    const key = (r: Row) => [r.line, r.name_raw, r.wave, r.status];
    expect(fromCsv.rows.map(key)).toEqual(original.rows.map(key));
    // NIKs typed as text come through unchanged and valid.
    const textTyped = original.rows.filter((r) => r.nik_status === 'valid');
    expect(textTyped).toHaveLength(16);
    for (const r of textTyped) expect(fromCsv.rows.find((c) => c.line === r.line)?.nik).toBe(r.nik);
    // A CSV cannot say a cell was a number: the rounded digits arrive as text, the same digits as before.
    for (const r of original.rows.filter((o) => o.nik_status === 'damaged')) {
      expect(fromCsv.rows.find((c) => c.line === r.line)?.nik_raw).toBe(r.nik_raw);
    }
    // Re-saved by a real spreadsheet program, as XLSX or as a ;-separated Windows-1252 CSV: the same rows.
    for (const copy of [xlsx, csv]) {
      const again = await runCli(['--db', db, '--json', 'import', copy, '--source', 'central']);
      expect((JSON.parse(again.stdout) as { files: unknown[] }).files[0]).toMatchObject({ outcome: 'unchanged', sameAs: { batch: 1, by: 'rows' } });
    }
  });
});
