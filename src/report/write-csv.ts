/** CSV for Excel: UTF-8 with a BOM (so Excel reads the encoding right), formula-safe cells. */
import { stringify } from 'csv-stringify/sync';
import { headerLines, signatureLines, type FileHeader } from './header-block.js';
import type { CellValue, ColumnKind, ReportTable } from './report.js';
import { safeCell } from './safe-cell.js';

export interface CsvOptions {
  /** ',' by default; ';' for Excel in the Indonesian locale (which also takes a decimal comma). */
  delimiter?: string;
  /**
   * The header block above the table and the signature block below it, each separated from the table by
   * one empty line. Absent: bare data (the column header row first), for scripts.
   */
  header?: FileHeader;
}

/**
 * The table as CSV text, BOM first: the header block (title, office, coverage, date made, notes) and an
 * empty line, the column header row, data rows, the total row, then an empty line and the signature block.
 * A program reading it skips to the line after the first empty line and stops at the next empty line; or
 * asks for bare data (no `header`). Shares are written as percentages with one decimal, with a decimal
 * comma when the delimiter is ';'.
 *
 * @example writeCsv(table, { delimiter: ';' }) // '\uFEFFGelombang;Penerima;…\r\n3;1520;…'
 */
export function writeCsv(table: ReportTable, options: CsvOptions = {}): string {
  const delimiter = options.delimiter ?? ',';
  const decimalComma = delimiter === ';';
  const kinds = table.columns.map((c) => c.kind);
  const line = (cells: readonly CellValue[]) => cells.map((v, i) => csvCell(v, kinds[i] ?? 'text', decimalComma));
  const records = [table.columns.map((c) => safeCell(c.label)), ...table.rows.map(line), ...(table.total ? [line(table.total)] : [])];
  const csv = (rows: string[][]) => stringify(rows, { delimiter, record_delimiter: 'windows' });
  if (!options.header) return `\uFEFF${csv(records)}`;
  const head = [[safeCell(table.title)], ...headerLines(table, options.header).map(([k, v]) => [safeCell(k), safeCell(v)])];
  const sign = signatureLines(options.header).map((s) => [safeCell(s)]);
  // An empty record is written by csv-stringify as an empty line only when it has one empty field.
  return `\uFEFF${csv(head)}\r\n${csv(records)}${sign.length > 0 ? `\r\n${csv(sign)}` : ''}`;
}

function csvCell(value: CellValue, kind: ColumnKind, decimalComma: boolean): string {
  if (value === null) return '';
  if (typeof value === 'number') {
    const text = kind === 'share' ? (value * 100).toFixed(1) : String(value);
    return decimalComma ? text.replace('.', ',') : text;
  }
  return safeCell(value);
}
