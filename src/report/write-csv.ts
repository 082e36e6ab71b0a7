/** CSV for Excel: UTF-8 with a BOM (so Excel reads the encoding right), formula-safe cells. */
import { stringify } from 'csv-stringify/sync';
import type { CellValue, ColumnKind, ReportTable } from './report.js';
import { safeCell } from './safe-cell.js';

export interface CsvOptions {
  /** ',' by default; ';' for Excel in the Indonesian locale (which also takes a decimal comma). */
  delimiter?: string;
}

/**
 * The table as CSV text, BOM first, header row, data rows, then the total row. Shares are written as
 * percentages with one decimal, with a decimal comma when the delimiter is ';'.
 *
 * @example writeCsv(table, { delimiter: ';' }) // '\uFEFFGelombang;Penerima;…\r\n3;1520;…'
 */
export function writeCsv(table: ReportTable, options: CsvOptions = {}): string {
  const delimiter = options.delimiter ?? ',';
  const decimalComma = delimiter === ';';
  const kinds = table.columns.map((c) => c.kind);
  const line = (cells: readonly CellValue[]) => cells.map((v, i) => csvCell(v, kinds[i] ?? 'text', decimalComma));
  const records = [table.columns.map((c) => safeCell(c.label)), ...table.rows.map(line), ...(table.total ? [line(table.total)] : [])];
  return `\uFEFF${stringify(records, { delimiter, record_delimiter: 'windows' })}`;
}

function csvCell(value: CellValue, kind: ColumnKind, decimalComma: boolean): string {
  if (value === null) return '';
  if (typeof value === 'number') {
    const text = kind === 'share' ? (value * 100).toFixed(1) : String(value);
    return decimalComma ? text.replace('.', ',') : text;
  }
  return safeCell(value);
}
