/**
 * `prakerja export records`: one row per stored record with the person it was resolved to. This is also the
 * contract the accuracy benchmark reads: `file`, `line`, `source`, `person_id`, `match`, `score`. Two sheets
 * of one workbook share `file` and their row numbers, so the last column, `sheet`, tells them apart.
 */
import { displayNik } from '../privacy/mask.js';
import type { Db } from '../store/database.js';
import { exportRows } from '../store/resolve.js';
import { csvLine, writeCsvFile } from './csv-out.js';

export const RECORD_COLUMNS = [
  'file', 'line', 'source', 'person_id', 'match', 'score', 'nik', 'nik_status', 'name', 'wave', 'status', 'visit_date', 'region', 'birth_date', 'sex',
  'sheet',
] as const;

export interface ExportOptions {
  showNik?: boolean;
}

/** The rows of the export, NIKs masked unless `showNik`. */
export function* recordExportRows(db: Db, options: ExportOptions = {}): Generator<(string | number | null)[]> {
  for (const r of exportRows(db)) {
    yield [
      r.file, r.line, r.source, r.person_id, r.match, r.score === null ? null : Math.round(r.score * 1e4) / 1e4,
      displayNik(r.nik ?? r.nik_raw, options.showNik),
      r.nik_status, r.name, r.wave, r.status, r.visit_date, r.region, r.birth_date, r.sex, r.sheet,
    ];
  }
}

/**
 * Writes the export to a file (owner-only: it holds NIKs and names; UTF-8 with BOM), atomically: a run
 * killed half-way leaves the earlier complete export. Returns the number of rows.
 * @example exportRecordsToFile(db, 'persons.csv') // 12345
 */
export function exportRecordsToFile(db: Db, path: string, options: ExportOptions = {}): number {
  return writeCsvFile(path, RECORD_COLUMNS, recordExportRows(db, options), { personal: true });
}

/** The export as CSV text chunks, for standard output. */
export function* recordExportCsv(db: Db, options: ExportOptions = {}): Generator<string> {
  yield csvLine(RECORD_COLUMNS);
  for (const row of recordExportRows(db, options)) yield csvLine(row);
}
