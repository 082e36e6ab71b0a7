/**
 * Issue 11: the same central list arriving three times — as the centre's CSV, as the XLSX LibreOffice makes
 * of it with default type detection (NIKs become numbers, rounded to 15 significant digits, with carries
 * into the 14th digit: …4395 → …4400), and as the `;` CSV LibreOffice writes from that XLSX — is still one
 * list of the same persons. Real LibreOffice, as in libreoffice.test.ts; skipped where it is not installed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateDataset } from '../src/generate/dataset.js';
import { runCli, tempDir } from './helpers/cli.js';
import { convert, hasSoffice, warnIfNoSoffice } from './helpers/libreoffice.js';

warnIfNoSoffice('libreoffice-carries.test.ts');

/** LibreOffice's CSV export: field separator 59 (`;`), text delimiter 34 (`"`), character set 76 (UTF-8). */
const CSV_SEMICOLON = 'csv:Text - txt - csv (StarCalc):59,34,76';

describe('one central list, three times through LibreOffice', () => {
  it.skipIf(!hasSoffice)('CSV, then LibreOffice XLSX, then its ; CSV: report waves still counts 526 persons', { timeout: 300_000 }, async () => {
    const dir = tempDir();
    // 529 rows, 526 persons (duplicate rows and a borrowed NIK among them); serials far from 0001, so that
    // rounding carries.
    const data = await generateDataset({ outDir: join(dir, 'gen'), seed: 15, central: 529, walkin: 0, province: 0, waves: 1, wideSerials: 1 });
    const truth = readFileSync(data.files.truth.path, 'utf8').trim().split('\n').slice(1);
    expect(truth).toHaveLength(529);
    expect(new Set(truth.map((l) => l.split(',')[2])).size).toBe(526);
    const niks = readFileSync(data.files.central.path, 'utf8').trim().split('\n').slice(1).map((l) => l.split(',')[0] ?? '');
    // Carries into the 14th digit: the 15th digit is 9 and the 16th rounds up.
    expect(niks.filter((n) => /^\d{14}9[5-9]$/.test(n)).length).toBeGreaterThanOrEqual(10);

    const db = join(dir, 'p.sqlite');
    const recipients = async (): Promise<number> => {
      const r = await runCli(['--db', db, '--json', 'report', 'waves']);
      expect(r.code).toBe(0);
      return (JSON.parse(r.stdout) as { waves: { rows: { recipients: number }[] } }).waves.rows[0]?.recipients ?? -1;
    };
    const load = async (file: string) => {
      const r = await runCli(['--db', db, 'import', file, '--source', 'central']);
      expect(r.code, r.stderr).toBe(0);
      return r.stdout;
    };

    await load(data.files.central.path);
    expect(await recipients()).toBe(526);

    const xlsx = convert(data.files.central.path, 'xlsx', join(dir, 'xlsx'), join(dir, 'profile'));
    const fromXlsx = await load(xlsx);
    // LibreOffice made numbers of the NIKs: 15 digits kept.
    expect(fromXlsx).toMatch(/Excel number \(15 digits\) \d{3}/);
    // And it is said to be the list again: the rows whose NIK survived (carries included) are batch 1's.
    expect(fromXlsx).toMatch(/5[12]\d of its 529 rows \(9\d%\) have the NIKs of batch 1 \(central\.csv, central list, wave 1\)/);
    expect(await recipients()).toBe(526);

    const csv = convert(xlsx, CSV_SEMICOLON, join(dir, 'csv'), join(dir, 'profile'));
    expect(readFileSync(csv, 'utf8').split('\n')[0]).toBe('NIK;NAMA;GELOMBANG;STATUS;KAB_KOTA');
    const fromCsv = await load(csv);
    // Every NIK now ends in 0: the column is recognised as rounded.
    expect(fromCsv).toMatch(/rounded by Excel \d{3}/);
    expect(fromCsv).toMatch(/5[12]\d of its 529 rows \(9\d%\) have the NIKs of batch [12]/);
    expect(await recipients()).toBe(526);
  });
});
