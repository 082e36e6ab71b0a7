/**
 * `prakerja export records`: one row per stored record with the person it was resolved to. This is also the
 * contract the accuracy benchmark reads: `file`, `line`, `source`, `person_id`, `match`, `score`. Two sheets
 * of one workbook share `file` and their row numbers, so the last column, `sheet`, tells them apart.
 */
import { extname } from 'node:path';
import { UsageError } from '../errors.js';
import { currentLang, inLang, t, type Lang } from '../i18n/index.js';
import type { ExportColumnName } from '../i18n/messages/review.js';
import type { NikStatus } from '../normalise/nik.js';
import { displayNik } from '../privacy/mask.js';
import { nikStatusLabel } from '../report/labels.js';
import { SOURCE_KINDS } from '../store/batches.js';
import type { Db } from '../store/database.js';
import { exportRows, RECORD_MATCHES, type RecordView } from '../store/resolve.js';
import { csvLine, writeCsvFile } from './csv-out.js';

/**
 * The export's columns, in order: names of the read-back record (store's RecordView, itself derived from the
 * one list of record fields), so a new field is one more name here and nothing positional.
 */
export const RECORD_COLUMNS = [
  'file', 'line', 'source', 'person_id', 'match', 'score', 'nik', 'nik_status', 'name', 'wave', 'status', 'visit_date', 'region', 'birth_date', 'sex',
  'sheet',
] as const satisfies readonly (keyof RecordView & ExportColumnName)[];

export interface ExportOptions {
  showNik?: boolean;
  /**
   * Headers and coded values: Indonesian words (`Berkas`, `pusat`, …), or in English the machine names of
   * RECORD_COLUMNS and the stored codes. Default: the current language.
   */
  lang?: Lang;
}

/** The header row: Indonesian words for people, or the stable machine names scripts read. */
export function recordExportHeader(lang: Lang = currentLang()): readonly string[] {
  return inLang(lang, () => RECORD_COLUMNS.map((c) => t.export.column(c)));
}

type Cell = string | number | null;

/**
 * The coded columns in words of the export's language, looked up once per export: in Indonesian, as the
 * report files write them (`pusat`, `NIK sama`, `tidak valid`, `perempuan`); in English the stored codes
 * (`central`, `exact_nik`, `invalid`, `F`), which the accuracy tools and scripts read.
 */
function codedWords(lang: Lang) {
  return inLang(lang, () => ({
    source: new Map(SOURCE_KINDS.map((s) => [s, t.reasons.source(s)])),
    match: new Map(RECORD_MATCHES.map((m) => [m, t.explain.matchWord(m)])),
    nik_status: new Map(NIK_STATUSES.map((n) => [n, nikStatusLabel(n, lang)])),
    sex: new Map(SEXES.map((x) => [x, t.export.sexWord(x)])),
  }));
}
const NIK_STATUSES: readonly NikStatus[] = ['valid', 'invalid', 'damaged', 'missing'];
const SEXES = ['M', 'F'] as const;

type Words = ReturnType<typeof codedWords>;

/** Columns written otherwise than as stored. */
const FORMAT: Partial<Record<(typeof RECORD_COLUMNS)[number], (r: RecordView, options: ExportOptions, words: Words) => Cell>> = {
  score: (r) => (r.score === null ? null : Math.round(r.score * 1e4) / 1e4),
  // A NIK that is not valid is exported as it was written, masked like any other.
  nik: (r, options) => displayNik(r.nik ?? r.nik_raw, options.showNik),
  source: (r, _, words) => words.source.get(r.source) ?? r.source,
  match: (r, _, words) => (r.match === null ? null : (words.match.get(r.match) ?? r.match)),
  nik_status: (r, _, words) => words.nik_status.get(r.nik_status) ?? r.nik_status,
  sex: (r, _, words) => (r.sex === null ? null : (words.sex.get(r.sex) ?? r.sex)),
};

/** The rows of the export, NIKs masked unless `showNik`, coded values in words of `lang` (see codedWords). */
export function* recordExportRows(db: Db, options: ExportOptions = {}): Generator<Cell[]> {
  const words = codedWords(options.lang ?? currentLang());
  for (const r of exportRows(db)) {
    yield RECORD_COLUMNS.map((c) => {
      const format = FORMAT[c];
      return format ? format(r, options, words) : r[c];
    });
  }
}

/**
 * Writes the export to a file (owner-only: it holds NIKs and names; UTF-8 with BOM), atomically: a run
 * killed half-way leaves the earlier complete export. Returns the number of rows.
 * @example exportRecordsToFile(db, 'persons.csv') // 12345
 */
export function exportRecordsToFile(db: Db, path: string, options: ExportOptions = {}): number {
  checkExportName(path);
  return writeCsvFile(path, recordExportHeader(options.lang), recordExportRows(db, options), { personal: true });
}

/**
 * The export is CSV: a file named otherwise (`orang.xlsx`) is a usage error, callable before the database is
 * opened; a CSV under an `.xlsx` name is a file Excel calls damaged.
 * @example checkExportName('orang.xlsx') // throws "--out orang.xlsx: the records export is written as CSV; …"
 */
export function checkExportName(path: string): void {
  if (extname(path).toLowerCase() !== '.csv') throw new UsageError(t.export.badOutName(path));
}

/** The export as CSV text chunks, for standard output. */
export function* recordExportCsv(db: Db, options: ExportOptions = {}): Generator<string> {
  yield csvLine(recordExportHeader(options.lang));
  for (const row of recordExportRows(db, options)) yield csvLine(row);
}
