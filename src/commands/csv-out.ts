/**
 * CSV files for staff to open in Excel: UTF-8 with a BOM (so Excel reads names correctly), formula-safe
 * cells, written through the one output writer (atomic, never through a symlink).
 */
import { stringify } from 'csv-stringify/sync';
import { safeCell } from '../report/safe-cell.js';
import { openOutputFile, type OutputOptions } from '../store/output-files.js';

/** A cell as CSV text, never a formula (see safeCell). */
export function safeCsvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  return safeCell(value);
}

export function csvLine(cells: readonly (string | number | null)[]): string {
  return stringify([cells.map(safeCsvCell)], { record_delimiter: '\r\n' });
}

/**
 * Writes rows to `path`, BOM first; returns the number of data rows. Until the last row is written the
 * earlier file under that name (if any) stays as it was.
 */
export function writeCsvFile(path: string, header: readonly string[], rows: Iterable<readonly (string | number | null)[]>, options: OutputOptions): number {
  const out = openOutputFile(path, options);
  let n = 0;
  try {
    let buffer = `\uFEFF${csvLine(header)}`;
    for (const row of rows) {
      buffer += csvLine(row);
      n++;
      if (buffer.length > 1 << 16) {
        out.write(buffer);
        buffer = '';
      }
    }
    out.write(buffer);
    out.commit();
  } catch (error) {
    out.abort();
    throw error;
  }
  return n;
}
