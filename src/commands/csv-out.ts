/**
 * CSV files for staff to open in Excel: UTF-8 with a BOM (so Excel reads names correctly), formula-safe
 * cells, and mode 0600 because they hold personal data.
 */
import { safeCell } from '../report/safe-cell.js';
import { chmodSync, closeSync, openSync, writeSync } from 'node:fs';
import { stringify } from 'csv-stringify/sync';

/** A cell as CSV text, never a formula (see safeCell). */
export function safeCsvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  return safeCell(value);
}

export function csvLine(cells: readonly (string | number | null)[]): string {
  return stringify([cells.map(safeCsvCell)], { record_delimiter: '\r\n' });
}

/** Writes rows to `path` (created or truncated, owner-only), BOM first; returns the number of data rows. */
export function writePrivateCsv(path: string, header: readonly string[], rows: Iterable<readonly (string | number | null)[]>): number {
  const fd = openSync(path, 'w', 0o600);
  let n = 0;
  try {
    // An existing file keeps its old mode on open: make it private too.
    chmodSync(path, 0o600);
    writeSync(fd, `\uFEFF${csvLine(header)}`);
    let buffer = '';
    for (const row of rows) {
      buffer += csvLine(row);
      n++;
      if (buffer.length > 1 << 16) {
        writeSync(fd, buffer);
        buffer = '';
      }
    }
    if (buffer) writeSync(fd, buffer);
  } finally {
    closeSync(fd);
  }
  return n;
}
