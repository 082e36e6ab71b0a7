/**
 * Finding the header row below title rows, the same way for every format: real lists start with a title
 * (`DAFTAR PENERIMA KARTU PRAKERJA GELOMBANG 3`), a province name, a date, blank lines — and then the row
 * that names the columns. The header is the first row in which both a NIK and a name column are recognised.
 */
import { t } from '../i18n/index.js';
import { InputError } from '../errors.js';
import { mapColumns, type ColumnOverrides } from './columns.js';
import type { SkippedRow } from './table.js';

/** How far down a header row may sit below titles and blank lines. */
export const HEADER_SEARCH_ROWS = 50;

/** One row as read near the top of a file: its line (CSV) or sheet row (XLSX) and its cells. */
export interface HeadRow {
  line: number;
  cells: readonly string[];
}

export interface FoundHeader {
  /** Index of the header in the rows given. */
  index: number;
  header: HeadRow;
  /** The rows above it: title or blank, each skipped and counted. */
  above: SkippedRow[];
}

/** True when this row names both a NIK and a name column (after synonyms and `--map`). */
export function isHeaderRow(cells: readonly string[], map?: ColumnOverrides): boolean {
  // A row holding a NIK is data, whatever its words: taken as the header, that NIK would be lost.
  if (cells.some((c) => /\d{16}/.test(c))) return false;
  const { fields } = mapColumns(cells, map);
  return fields.nik !== undefined && fields.name !== undefined;
}

/**
 * Finds the header among the first rows of a file, or null.
 * @example findHeader([{ line: 1, cells: ['DAFTAR PENERIMA'] }, { line: 2, cells: ['NIK', 'Nama'] }])?.header.line // 2
 */
export function findHeader(rows: readonly HeadRow[], map?: ColumnOverrides): FoundHeader | null {
  const limit = Math.min(rows.length, HEADER_SEARCH_ROWS);
  for (let index = 0; index < limit; index++) {
    const header = rows[index];
    if (header && isHeaderRow(header.cells, map)) {
      const above = rows.slice(0, index).map((r): SkippedRow => {
        // A NIK above the header is a data row out of place, not a title: it is rejected with its cells, not lost.
        if (r.cells.some((c) => /\d{16}/.test(c))) return { line: r.line, reason: 'data', cells: [...r.cells] };
        return { line: r.line, reason: r.cells.every((c) => c.trim() === '') ? 'blank' : 'title' };
      });
      return { index, header, above };
    }
  }
  return null;
}

/**
 * The error for a file whose header cannot be found: it names the row that looks most like a header (one
 * that has a NIK or a name column, else the widest), which of the two is missing, and the `--map` fix.
 * `how` says how the file was read (`delimiter ";"`, `sheet "Gel 3"`), since a wrong guess there is a
 * common cause.
 */
export function noHeaderError(path: string, rows: readonly HeadRow[], how: string, map?: ColumnOverrides): InputError {
  const searched = rows.slice(0, HEADER_SEARCH_ROWS);
  const filled = (r: HeadRow) => r.cells.filter((c) => c.trim() !== '').length;
  const partial = searched.find((r) => {
    const { fields } = mapColumns(r.cells, map);
    return filled(r) >= 2 && (fields.nik !== undefined || fields.name !== undefined);
  });
  const widest = searched.reduce<HeadRow | undefined>((a, r) => (!a || filled(r) > filled(a) ? r : a), undefined);
  const best = partial ?? widest;
  const headers = best
    ? best.cells
        .map((c) => c.trim())
        .filter((c) => c !== '')
        .map((c) => JSON.stringify(c))
        .join(', ')
    : '';
  let missing: 'both' | 'nik' | 'name' = 'both';
  if (partial) {
    const { fields } = mapColumns(partial.cells, map);
    missing = fields.nik === undefined ? 'nik' : 'name';
  }
  const line = best && headers !== '' ? best.line : null;
  return new InputError(t.reading.noHeader({ missing, rows: HEADER_SEARCH_ROWS, how, line, headers }), path);
}
