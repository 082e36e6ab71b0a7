/**
 * Dates a spreadsheet swapped, and dates nobody can read (issue 11, "Excel's day/month swap passes
 * silently"): the import says so with counts and lines, `--date-order mdy` reads them month first, and
 * unreadable dates are counted and listed by `prakerja rejects`, not dropped to "no date" without a word.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from './helpers/cli.js';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A June 2020 guest book that went through a spreadsheet set to US order and back to a day-first one:
 * the dates with a day of 12 or less became other months (1 June → `06/01/2020`, 6 January); the others
 * stayed text (`13/06/2020`). Two visits a day, chronological.
 */
function swappedJuneBook(): { text: string; swapped: number; lines: number[] } {
  const rows = ['Tanggal,Nama,NIK,No HP,Keperluan'];
  const lines: number[] = [];
  for (let day = 1; day <= 30; day++) {
    for (let k = 0; k < 2; k++) {
      const date = day <= 12 ? `06/${pad(day)}/2020` : `${pad(day)}/06/2020`;
      rows.push(`${date},TAMU ${day}-${k},,,Daftar Prakerja`);
      if (day <= 12 && day !== 6) lines.push(rows.length);
    }
  }
  return { text: `${rows.join('\n')}\n`, swapped: lines.length, lines };
}

function months(db: string): { month: string; n: number }[] {
  const conn = new Database(db, { readonly: true });
  try {
    return conn.prepare(`SELECT substr(visit_date, 1, 7) AS month, count(*) AS n FROM records GROUP BY 1 ORDER BY 1`).all() as never;
  } finally {
    conn.close();
  }
}

describe('day and month swapped by a spreadsheet', () => {
  it('is detected, with the count and the lines, and --date-order mdy reads the book into June', async () => {
    const dir = tempDir();
    const book = swappedJuneBook();
    expect(book.swapped).toBe(22);
    const file = join(dir, 'buku-tamu-juni.csv');
    writeFileSync(file, book.text);
    const db = join(dir, 'p.sqlite');
    const r = await runCli(['--db', db, 'import', file, '--source', 'walkin']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      `22 dates fall outside the other dates of the file (2020-06-13 – 2020-06-30) read day first, and inside them read month first: day and month swapped by a spreadsheet set to US order? (lines ${book.lines.slice(0, 8).join(', ')}, …)`,
    );
    expect(r.stdout).toContain('import it again with --force --date-order mdy');
    // As read: 22 visits in ten other months.
    expect(months(db).filter((m) => m.month !== '2020-06').reduce((a, m) => a + m.n, 0)).toBe(22);
    const json = await runCli(['--db', join(dir, 'j.sqlite'), '--json', 'import', file, '--source', 'walkin']);
    const f = (JSON.parse(json.stdout) as { files: { dates: unknown }[] }).files[0];
    expect(f?.dates).toMatchObject({ swappedSuspected: 22, unreadable: 0 });

    const fixed = await runCli(['--db', db, 'import', file, '--source', 'walkin', '--force', '--date-order', 'mdy']);
    expect(fixed.code).toBe(0);
    expect(fixed.stdout).not.toContain('swapped');
    expect(months(db)).toEqual([{ month: '2020-06', n: 60 }]);
  });

  it('in an XLSX whose date cells a US-set Excel stored as 6 January: detected, and --date-order mdy un-swaps them', async () => {
    const ExcelJS = await import('exceljs');
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Juni');
    sheet.addRow(['Tanggal', 'Nama', 'NIK']);
    // Typed as 01/06/2020 … 12/06/2020 on a US-set Excel: stored as 6 January … 6 December; the rest as text.
    for (let day = 1; day <= 30; day++) sheet.addRow([day <= 12 ? new Date(Date.UTC(2020, day - 1, 6)) : `${pad(day)}/06/2020`, `TAMU ${day}`, '']);
    const dir = tempDir();
    const file = join(dir, 'buku-tamu-juni.xlsx');
    writeFileSync(file, Buffer.from(await book.xlsx.writeBuffer()));
    const db = join(dir, 'p.sqlite');
    const r = await runCli(['--db', db, '--json', 'import', file, '--source', 'walkin']);
    const f = (JSON.parse(r.stdout) as { files: { dates: { swappedSuspected: number } }[] }).files[0];
    // 6 June reads the same either way.
    expect(f?.dates.swappedSuspected).toBe(11);
    expect((await runCli(['--db', db, 'import', file, '--source', 'walkin', '--force', '--date-order', 'mdy'])).code).toBe(0);
    expect(months(db)).toEqual([{ month: '2020-06', n: 30 }]);
  });

  it('a book whose every date is month first (6/13/2020, as an en-US spreadsheet writes them): detected, not only "cannot be read"', async () => {
    const dir = tempDir();
    const rows = ['Tanggal,Nama,NIK'];
    for (let day = 1; day <= 30; day++) rows.push(`6/${day}/2020,TAMU ${day},`);
    const file = join(dir, 'juni-us.csv');
    writeFileSync(file, `${rows.join('\n')}\n`);
    const db = join(dir, 'p.sqlite');
    const r = await runCli(['--db', db, 'import', file, '--source', 'walkin']);
    expect(r.code).toBe(0);
    // Days 13-30 (lines 14-31) read only month first; 1-12 read either way.
    expect(r.stdout).toContain('18 dates can be read only month first (lines 14, 15, 16, 17, 18, 19, 20, 21, …)');
    expect(r.stdout).toContain('import it again with --force --date-order mdy');
    const json = await runCli(['--db', join(dir, 'j.sqlite'), '--json', 'import', file, '--source', 'walkin']);
    const f = (JSON.parse(json.stdout) as { files: { dates: unknown }[] }).files[0];
    expect(f?.dates).toMatchObject({ swappedSuspected: 18, unreadable: 18 });
    const id = await runCli(['--db', join(dir, 'i.sqlite'), '--lang', 'id', 'import', file, '--source', 'walkin']);
    expect(id.stdout).toContain('18 tanggal hanya terbaca bila bulan dulu');
    expect((await runCli(['--db', db, 'import', file, '--source', 'walkin', '--force', '--date-order', 'mdy'])).code).toBe(0);
    expect(months(db)).toEqual([{ month: '2020-06', n: 30 }]);
  });

  it('a day-first book is left alone', async () => {
    const dir = tempDir();
    const rows = ['Tanggal,Nama,NIK'];
    for (let day = 1; day <= 30; day++) rows.push(`${pad(day)}/06/2020,TAMU ${day},`);
    const file = join(dir, 'juni.csv');
    writeFileSync(file, `${rows.join('\n')}\n`);
    const r = await runCli(['--db', join(dir, 'p.sqlite'), '--json', 'import', file, '--source', 'walkin']);
    const f = (JSON.parse(r.stdout) as { files: { dates: { swappedSuspected: number }; warnings: unknown[] }[] }).files[0];
    expect(f?.dates.swappedSuspected).toBe(0);
    expect(f?.warnings).toEqual([]);
  });

  it('--date-order takes dmy or mdy only', async () => {
    const dir = tempDir();
    const r = await runCli(['--db', join(dir, 'p.sqlite'), 'import', 'x.csv', '--source', 'walkin', '--date-order', 'ymd']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('ymd');
  });
});

describe('dates that cannot be read', () => {
  it('are counted and listed in the summary and by prakerja rejects, the visit kept without a date', async () => {
    const dir = tempDir();
    const db = join(dir, 'p.sqlite');
    const file = join(dir, 'buku.csv');
    writeFileSync(file, 'Tanggal,Nama,NIK\n05/08/2020,SITI,\n31/02/2020,BUDI,\nkemarin,ANI,\n06/08/2020,RUDI,\n');
    const r = await runCli(['--db', db, 'import', file, '--source', 'walkin']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('dates that cannot be read: 2 (line 3 "31/02/2020", line 4 "kemarin"); the visits are kept without a date');
    const rejects = await runCli(['--db', db, '--json', 'rejects']);
    const rows = JSON.parse(rejects.stdout) as { line: number; reason: string; kept: boolean; cells: string[] }[];
    expect(rows.map((x) => [x.line, x.reason, x.kept, x.cells])).toEqual([
      [3, 'date_unreadable', true, ['31/02/2020']],
      [4, 'date_unreadable', true, ['kemarin']],
    ]);
    const text = await runCli(['--db', db, 'rejects']);
    expect(text.stdout).toContain('kemarin');
    expect(text.stdout).toContain('Imported, with a date that cannot be read');
  });
});
