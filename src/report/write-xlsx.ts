/** XLSX: one sheet per table, styled and frozen header row, numbers as numbers, formula-safe text. */
import ExcelJS from 'exceljs';
import { headerLines, signatureLines, type FileHeader } from './header-block.js';
import type { ReportTable } from './report.js';
import { safeCell } from './safe-cell.js';

/**
 * A workbook with one sheet per table: with `header`, the header block (title, office, coverage, date
 * made, notes) above the table and the signature block below it; the column header row bold on grey and
 * frozen, counts as numbers, shares as numbers formatted `0.0%`, the total row bold. Text cells are
 * neutralised against formula injection. Without `header`, bare data: the column header row is row 1.
 *
 * @example const bytes = await writeXlsx([waveRecapTable(recap, 'id')], header); writeFileSync('rekap.xlsx', bytes);
 */
export async function writeXlsx(tables: readonly ReportTable[], header?: FileHeader): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'prakerja';
  const used = new Set<string>();
  for (const table of tables) {
    const above = header ? headerLines(table, header) : [];
    // Title, the label–value lines, one empty row: the column header row comes after them.
    const headerRow = header ? above.length + 3 : 1;
    const ws = wb.addWorksheet(sheetName(table.sheetName, used), { views: [{ state: 'frozen', ySplit: headerRow }] });
    ws.columns = table.columns.map((c) => ({
      key: c.key,
      width: Math.max(10, Math.min(40, c.label.length + 2, ...table.rows.map((r) => String(r[table.columns.indexOf(c)] ?? '').length + 2))),
      style: c.kind === 'share' ? { numFmt: '0.0%' } : c.kind === 'int' ? { numFmt: '#,##0' } : {},
    }));
    if (header) {
      const title = ws.getRow(1);
      title.getCell(1).value = safeCell(table.title);
      title.font = { bold: true, size: 14 };
      above.forEach(([label, value], i) => {
        const row = ws.getRow(i + 2);
        row.getCell(1).value = safeCell(label);
        row.getCell(1).font = { bold: true };
        // Plain text in column B; a long note runs on over the empty cells to its right.
        row.getCell(2).value = safeCell(value);
        row.getCell(2).numFmt = '@';
      });
    }
    const head = ws.getRow(headerRow);
    table.columns.forEach((c, i) => {
      head.getCell(i + 1).value = safeCell(c.label);
    });
    head.font = { bold: true };
    head.alignment = { vertical: 'middle', wrapText: true };
    head.eachCell((cell) => {
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
      cell.border = { bottom: { style: 'thin' } };
    });
    const add = (cells: readonly (string | number | null)[]) =>
      ws.addRow(cells.map((v) => (typeof v === 'string' ? safeCell(v) : v)));
    for (const r of table.rows) add(r);
    if (table.total) add(table.total).font = { bold: true };
    ws.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow, column: table.columns.length } };
    const sign = header ? signatureLines(header) : [];
    if (sign.length > 0) {
      ws.addRow([]);
      // Under the right-hand columns, as a signature sits on a printed recap.
      const col = Math.max(1, table.columns.length - 3);
      for (const line of sign) {
        const row = ws.addRow([]);
        row.getCell(col).value = safeCell(line);
      }
    }
  }
  const bytes = await wb.xlsx.writeBuffer();
  return Buffer.from(bytes);
}

/** Excel's sheet-name rules: at most 31 characters, none of []:*?/\, unique. */
function sheetName(wanted: string, used: Set<string>): string {
  const base = wanted.replace(/[[\]:*?/\\]/g, ' ').slice(0, 28);
  let name = base;
  for (let i = 2; used.has(name); i += 1) name = `${base} ${i}`;
  used.add(name);
  return name;
}

/** A sheet of rows to decide, one column of which takes one of a few answers (review's Y/N). */
export interface ChoiceSheet {
  name: string;
  header: readonly string[];
  rows: readonly (readonly (string | number | null)[])[];
  /** The 0-based column whose cells get a drop-down of `choices`. */
  choiceColumn: number;
  choices: readonly string[];
}

/**
 * A workbook of one sheet to fill in: header row bold and frozen, a filter, text neutralised against formula
 * injection, and a drop-down (data validation) of `choices` in every data cell of the choice column; then a
 * second sheet `notes` with one line per row (what the first sheet is for).
 *
 * @example await writeChoiceXlsx({ name: 'Periksa', header, rows, choiceColumn: 16, choices: ['Y', 'N'] }, { name: 'Ringkasan', lines })
 */
export async function writeChoiceXlsx(sheet: ChoiceSheet, notes: { name: string; lines: readonly string[] }): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'prakerja';
  const used = new Set<string>();
  const ws = wb.addWorksheet(sheetName(sheet.name, used), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = sheet.header.map((label, i) => ({
    width: Math.max(8, Math.min(60, label.length + 2, ...sheet.rows.map((r) => String(r[i] ?? '').length + 2))),
  }));
  const head = ws.addRow(sheet.header.map((h) => safeCell(h)));
  head.font = { bold: true };
  head.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
  });
  const list = `"${sheet.choices.join(',')}"`;
  for (const r of sheet.rows) {
    const row = ws.addRow(r.map((v) => (typeof v === 'string' ? safeCell(v) : v)));
    row.getCell(sheet.choiceColumn + 1).dataValidation = { type: 'list', allowBlank: true, formulae: [list], showErrorMessage: true };
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.header.length } };
  const side = wb.addWorksheet(sheetName(notes.name, used));
  side.getColumn(1).width = 100;
  for (const line of notes.lines) side.addRow([safeCell(line)]);
  const bytes = await wb.xlsx.writeBuffer();
  return Buffer.from(bytes);
}
