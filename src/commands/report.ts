/**
 * `prakerja report`: builds the recap tables and, when asked, writes them as CSV, XLSX or HTML files.
 * Files go through the one output writer (store/output-files.ts): a cron job never leaves half a file
 * behind, and files that list persons (the `--detail` list) are created readable by their owner only.
 */
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { inLang, t } from '../i18n/index.js';
import { localMinute, utcOffsetLabel } from '../normalise/dates.js';
import type { Db } from '../store/database.js';
import { kecamatanRecap, kecamatanRecapTable, type KecamatanRecap } from '../report/kecamatan-recap.js';
import type { Lang } from '../report/labels.js';
import { monthlyRecap, monthlyRecapTable, notYetRecipientsTable, visitMonths, type MonthlyRecap } from '../report/monthly-recap.js';
import type { ReportTable } from '../report/report.js';
import { centralWaves, waveRecap, waveRecapTable, type WaveRecap } from '../report/wave-recap.js';
import type * as XlsxWriter from '../report/write-xlsx.js';
import { writeCsv } from '../report/write-csv.js';
import { writeHtml } from '../report/write-html.js';
import { writeOutputFile } from '../store/output-files.js';
import type { FileHeader } from '../report/header-block.js';
import { getSignature, officeRegion } from '../store/settings.js';
import { resolvePending } from '../resolve/index.js';

export type ReportKind = 'waves' | 'monthly' | 'kecamatan' | 'all';
export type FileFormat = 'csv' | 'xlsx' | 'html';
export const FILE_FORMATS: readonly FileFormat[] = ['csv', 'xlsx', 'html'];

export interface ReportOptions {
  kind: ReportKind;
  /** waves: only these waves. */
  waves?: readonly number[];
  /** kecamatan: only this wave. */
  wave?: number;
  /** monthly: only this month, 'YYYY-MM'. */
  month?: string;
  /** monthly: also the list of visitors who are not (yet) recipients. */
  detail?: boolean;
  showNik?: boolean;
  /** waves: one age reference date for every wave. */
  ageAt?: string;
  lang?: Lang;
  /** One file; its extension chooses the format. */
  out?: string;
  /** A folder for files with stable names, in `formats` (default csv). */
  outDir?: string;
  formats?: readonly FileFormat[];
  /** CSV delimiter: ',' (default) or ';' (Excel in the Indonesian locale). */
  delimiter?: string;
  /** The time printed in the files' header block; tests pin it. */
  now?: Date;
  /** Bare data: no header block above the table and no signature below it (CSV and XLSX). */
  bare?: boolean;
  /** SIGINT/SIGTERM while matching pending records first. */
  signal?: AbortSignal;
}

export interface WrittenFile {
  path: string;
  format: FileFormat;
  tables: string[];
  /** Holds personal data, created with mode 0600. */
  personal: boolean;
}

export interface ReportResult {
  waves?: WaveRecap;
  monthly?: MonthlyRecap;
  kecamatan?: KecamatanRecap;
  tables: ReportTable[];
  files: WrittenFile[];
  /** What was left out and why, e.g. the kecamatan recap of `all` before `init --region`. */
  skipped: string[];
  /** Records matched into persons before counting: an earlier run had left them without one. */
  pendingResolved: number;
}

/** Suffixes for the extra tables of a one-file CSV (`rekap.csv` → `rekap-belum-penerima.csv`). */
const SIBLING: Record<string, string> = { waves: 'gelombang', monthly: 'bulanan', 'monthly-detail': 'belum-penerima', kecamatan: 'kecamatan' };

/**
 * Builds the report `kind` and writes the files asked for.
 *
 * @example
 * await buildReport(db, { kind: 'waves', waves: [1, 2, 3], out: 'rekap.xlsx' });
 * // { waves: { rows: [...], total: {...} }, tables: [...], files: [{ path: '/…/rekap.xlsx', format: 'xlsx', … }] }
 */
export async function buildReport(db: Db, options: ReportOptions): Promise<ReportResult> {
  const lang = options.lang ?? 'id';
  if (options.out && options.outDir) throw new UsageError(t.report.outAndOutDir());
  const outFormat = options.out ? formatOf(options.out) : null;
  if (options.delimiter !== undefined && outFormat !== 'csv' && !(options.outDir && (options.formats ?? ['csv']).includes('csv'))) {
    throw new UsageError(t.report.delimiterNeedsCsv());
  }
  // Persons are counted, never rows: records an interrupted import left without a person are matched first.
  const pending = resolvePending(db, options.signal);
  const result: ReportResult = { tables: [], files: [], skipped: [], pendingResolved: pending.pending };
  const { kind } = options;
  if (kind === 'waves' || kind === 'all') {
    result.waves = waveRecap(db, { waves: options.waves, ageAt: options.ageAt });
    result.tables.push(waveRecapTable(result.waves, lang, { asked: options.waves, waves: centralWaves(db) }));
  }
  if (kind === 'monthly' || kind === 'all') {
    result.monthly = monthlyRecap(db, { month: options.month, detail: options.detail, showNik: options.showNik });
    result.tables.push(monthlyRecapTable(result.monthly, lang, options.month, result.monthly.rows.length === 0 ? visitMonths(db) : undefined));
    if (result.monthly.detail) result.tables.push(notYetRecipientsTable(result.monthly.detail, lang, options.month));
  }
  if (kind === 'kecamatan' || (kind === 'all' && officeRegion(db))) {
    result.kecamatan = kecamatanRecap(db, { wave: options.wave });
    result.tables.push(kecamatanRecapTable(result.kecamatan, lang, centralWaves(db)));
  } else if (kind === 'all') {
    result.skipped.push(t.report.kecamatanLeftOut());
  }

  const office = officeRegion(db);
  const now = options.now ?? new Date();
  const fileHeader: FileHeader = {
    lang,
    office: office ? `${office.name} (${office.code})` : null,
    generated: `${localMinute(now)} (${inLang(lang, () => t.status.localZone(utcOffsetLabel(now)))})`,
    day: localMinute(now).slice(0, 10),
    signature: getSignature(db),
  };
  const header = options.bare ? undefined : fileHeader;
  const html = () => writeHtml(result.tables, fileHeader);
  if (options.out && outFormat) {
    const path = resolve(options.out);
    if (outFormat === 'csv') {
      result.tables.forEach((t, i) => {
        const file = i === 0 ? path : join(dirname(path), `${basename(path, extname(path))}-${SIBLING[t.id] ?? t.id}.csv`);
        result.files.push(writeOut(file, 'csv', [t], writeCsv(t, { delimiter: options.delimiter, header })));
      });
    } else if (outFormat === 'xlsx') {
      result.files.push(writeOut(path, 'xlsx', result.tables, await (await xlsxWriter()).writeXlsx(result.tables, header)));
    } else {
      result.files.push(writeOut(path, 'html', result.tables, html()));
    }
  }
  if (options.outDir) {
    const dir = resolve(options.outDir);
    if (existsSync(dir) && !statSync(dir).isDirectory()) throw new UsageError(t.report.outDirIsFile(options.outDir));
    mkdirSync(dir, { recursive: true });
    const stem = kind === 'all' ? 'rekap' : (result.tables[0]?.fileStem ?? 'rekap');
    for (const format of options.formats ?? ['csv']) {
      if (format === 'csv') {
        for (const t of result.tables) result.files.push(writeOut(join(dir, `${t.fileStem}.csv`), 'csv', [t], writeCsv(t, { delimiter: options.delimiter, header })));
      } else if (format === 'xlsx') {
        result.files.push(writeOut(join(dir, `${stem}.xlsx`), 'xlsx', result.tables, await (await xlsxWriter()).writeXlsx(result.tables, header)));
      } else {
        result.files.push(writeOut(join(dir, `${stem}.html`), 'html', result.tables, html()));
      }
    }
  }
  return result;
}

function formatOf(file: string): FileFormat {
  const ext = extname(file).toLowerCase();
  if (ext === '.csv') return 'csv';
  if (ext === '.xlsx') return 'xlsx';
  if (ext === '.html' || ext === '.htm') return 'html';
  throw new UsageError(t.report.badOutName(file));
}

/** Through the one output writer (atomic, never through a symlink); a table that lists persons makes it 0600. */
function writeOut(path: string, format: FileFormat, tables: readonly ReportTable[], data: string | Buffer): WrittenFile {
  const personal = tables.some((t) => t.personal);
  writeOutputFile(path, data, { personal });
  return { path, format, tables: tables.map((t) => t.id), personal };
}


/**
 * The XLSX writer, loaded when a workbook is asked for: exceljs and its ~600 modules cost every other
 * command (an import of 1 M rows among them) about 30 MB of memory when loaded up front.
 */
function xlsxWriter(): Promise<typeof XlsxWriter> {
  return import('../report/write-xlsx.js');
}
