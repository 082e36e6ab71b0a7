/** XLSX: one sheet per table, styled and frozen header row, numbers as numbers, formula-safe text. */
import ExcelJS from 'exceljs';
import type { ReportTable } from './report.js';
import { safeCell } from './safe-cell.js';

/**
 * A workbook with one sheet per table: header row bold on grey and frozen, counts as numbers, shares as
 * numbers formatted `0.0%`, the total row bold. Text cells are neutralised against formula injection.
 *
 * @example const bytes = await writeXlsx([waveRecapTable(recap, 'id')]); writeFileSync('rekap.xlsx', bytes);
 */
export async function writeXlsx(tables: readonly ReportTable[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'prakerja';
  const used = new Set<string>();
  for (const table of tables) {
    const ws = wb.addWorksheet(sheetName(table.sheetName, used), { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = table.columns.map((c) => ({
      header: safeCell(c.label),
      key: c.key,
      width: Math.max(10, Math.min(40, c.label.length + 2, ...table.rows.map((r) => String(r[table.columns.indexOf(c)] ?? '').length + 2))),
      style: c.kind === 'share' ? { numFmt: '0.0%' } : c.kind === 'int' ? { numFmt: '#,##0' } : {},
    }));
    const header = ws.getRow(1);
    header.font = { bold: true };
    header.alignment = { vertical: 'middle', wrapText: true };
    header.eachCell((cell) => {
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
      cell.border = { bottom: { style: 'thin' } };
    });
    const add = (cells: readonly (string | number | null)[]) =>
      ws.addRow(cells.map((v) => (typeof v === 'string' ? safeCell(v) : v)));
    for (const r of table.rows) add(r);
    if (table.total) add(table.total).font = { bold: true };
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
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
