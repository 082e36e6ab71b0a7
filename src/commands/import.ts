/**
 * `prakerja import`: each file is one batch, read as a stream and written in one transaction, so that a
 * file is either wholly in the database or not at all.
 */
import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import { InputError, InterruptedError, StoreError, UsageError, where } from '../errors.js';
import { currentLang, t } from '../i18n/index.js';
import { checkInterrupt } from '../interrupt.js';
import { testPause } from '../test-hooks.js';
import { mapColumns, unmatchedOverrides, type ColumnMap, type ColumnOverrides } from '../ingest/columns.js';
import { assertRegularFile } from '../ingest/limits.js';
import { RowFingerprint } from '../ingest/fingerprint.js';
import { openTable, type Table } from '../ingest/table.js';
import { canonicaliseNik, looksRounded, markExcelRounded, parseNik } from '../normalise/nik.js';
import { maskNikLike } from '../privacy/mask.js';
import { EXCEL_COPY_REASONS, RESENT_SHARE, rowsFoundBy } from '../normalise/resent.js';
import { DateOrderCheck, type DateOrder } from '../normalise/dates.js';
import { normaliseRow, type RejectReason, type SkipReason } from '../normalise/record.js';
import { rejectMessage, rejectParams, type RejectDetail } from '../normalise/reject.js';
import { batchByContent, batchById, batchBySha, batchesSharingWave, deleteBatch, resentLookup, setContentSha, finishBatch, insertBatch, type BatchRow, type SourceKind } from '../store/batches.js';
import type { Db } from '../store/database.js';
import { inAsyncTransaction } from '../store/transaction.js';
import { forgetBatch, resolveAfterImport, resolveAfterReplace, type ResolveResult } from '../resolve/index.js';
import { getSetting } from '../store/settings.js';
import { checkBatchExists } from './known-batch.js';
import { labelsFor } from '../report/labels.js';
import {
  countRecords,
  countUnresolved,
  markNiksDamaged,
  recordWriter,
  roundingCandidates,
  shrinkCacheForBulkLoad,
  suspendRecordIndexes,
  type NikDamage,
  type ZeroEndings,
} from '../store/records.js';

export interface ImportOptions {
  files: string[];
  source: SourceKind;
  wave?: number;
  map?: ColumnOverrides;
  encoding?: string;
  delimiter?: string;
  sheet?: string;
  /** Replace a batch already imported from the same bytes. */
  force?: boolean;
  /** Read and count everything, write nothing. */
  dryRun?: boolean;
  /** Called every few thousand rows, for a progress display. */
  onProgress?: (file: string, rows: number) => void;
  /**
   * Aborted when the user interrupts (the CLI wires SIGINT/SIGTERM to it): the file being imported is
   * rolled back and an InterruptedError naming it is thrown. Files finished before stay imported.
   */
  signal?: AbortSignal;
  /** The year NIK birth centuries are judged from; tests pin it. */
  refYear?: number;
  /** XLSX: the stall limit for a damaged workbook, in ms (default 5 s; tests pass a small value). */
  stallMs?: number;
  /**
   * `--replaces N`: batch N (an earlier copy of the list) is deleted in the same transaction as the import,
   * and persons are rebuilt from what is left. One file only.
   */
  replaces?: number;
  /** `--date-order`: numeric visit dates day first (`dmy`, the default) or month first (`mdy`). */
  dateOrder?: DateOrder;
  /** Resolve the new records into persons afterwards (default true; `--no-resolve` for bulk loads). */
  resolve?: boolean;
  /**
   * `--full`: resolve every record afterwards and learn the statistics again, instead of resolving only the
   * new records and the persons they can join under the stored ones.
   */
  full?: boolean;
}

export type FileOutcome = 'imported' | 'replaced' | 'unchanged' | 'dry-run' | 'failed';

export interface FileSummary {
  file: string;
  outcome: FileOutcome;
  batchId: number | null;
  format: string | null;
  encoding: string | null;
  delimiter: string | null;
  headerLine: number | null;
  columns: Record<string, string>;
  /** Every row below the header and every title/blank row above it. */
  read: number;
  imported: number;
  rejected: number;
  skipped: number;
  rejectedBy: Partial<Record<RejectReason, number>>;
  skippedBy: Partial<Record<SkipReason, number>>;
  /** Imported rows whose NIK is not valid, by reason (they are kept, flagged). */
  nikFlags: Record<string, number>;
  /** The first few rejects, for the terminal: line, reason, message. */
  firstRejects: { line: number; reason: RejectReason; message: string }[];
  /** The earlier batch of the same source and wave that holds most of this file's persons (a list sent again). */
  resent?: { batch: number; file: string; rows: number; found: number };
  /** The visit dates of a guest book: how they were read, those that could not be, a suspected swap. */
  dates?: DateSummary;
  /** `--replaces N`: the batch deleted in the import's transaction. */
  replaced?: { batch: number; file: string; records: number };
  /** When the file was not imported because a batch holds it already: the same bytes, or the same rows. */
  sameAs?: { batch: number; file: string; source: SourceKind; by: 'bytes' | 'rows' };
  /** Things about the file as a whole that the user should know: a likely wrong --source, swapped dates … */
  warnings: ImportWarning[];
  error: string | null;
}

export type WarningKind = 'utf8_in_ansi' | 'wave_column_in_walkin' | 'other_source' | 'resent' | 'date_order' | 'date_unreadable';

export interface DateSummary {
  order: DateOrder;
  /** Rows whose date cell could not be read: imported without a date, listed by `prakerja rejects`. */
  unreadable: number;
  /** The first few of them. */
  unreadableSample: { line: number; text: string }[];
  /** Dates that fit the file only read month first (0 when `--date-order` was given). */
  swappedSuspected: number;
}

export interface ImportWarning {
  kind: WarningKind;
  message: string;
  /** Source lines it concerns (the first few), when it is about rows. */
  lines?: number[];
}

export interface ImportResult {
  files: FileSummary[];
  ok: boolean;
  /** The resolve run after the import (incremental when it can be: see `resolveAfterCommit`), when anything was imported or left unmatched before. */
  resolve: ResolveResult | null;
  /**
   * Records that had no person before this run (an earlier run stopped after its commit, or
   * `--no-resolve`), matched by this run's resolve.
   */
  pendingBefore: number;
  /** The office region code set by `init`; null when none is (the recaps then cannot tell residents). */
  officeRegion: string | null;
}

/** What a folder given to `import` is searched for. */
export const INPUT_EXTENSIONS: ReadonlySet<string> = new Set(['.csv', '.tsv', '.txt', '.xlsx']);
const PROGRESS_EVERY = 20_000;

/**
 * Imports files (or every CSV/XLSX file of a folder) into the database.
 * @example await importFiles(db, { files: ['gelombang-3.csv'], source: 'central', wave: 3 })
 */
export async function importFiles(db: Db, options: ImportOptions): Promise<ImportResult> {
  if (options.wave !== undefined && (!Number.isInteger(options.wave) || options.wave < 1)) {
    throw new UsageError(t.import.badWave(String(options.wave)));
  }
  const files = await expandInputs(options.files);
  if (options.replaces !== undefined) checkReplaces(db, options.replaces, files, options.source);
  const willResolve = options.resolve !== false && !options.dryRun;
  const pendingBefore = willResolve ? countUnresolved(db) : 0;
  const summaries: FileSummary[] = [];
  for (const file of files) {
    checkInterrupt(options.signal, file);
    try {
      summaries.push(await importFile(db, file, options));
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      // An error message may quote a cell, and a cell may be a NIK.
      summaries.push({ ...emptySummary(file), outcome: 'failed', error: maskNikLike(`${where(error.file, error.line)}${error.message}`) });
    }
  }
  const changed = summaries.some((s) => s.outcome === 'imported' || s.outcome === 'replaced');
  // After --replaces, persons were rebuilt in full inside the import's transaction.
  const rebuilt = rebuiltInside.get(db) ?? null;
  rebuiltInside.delete(db);
  const resolved = rebuilt ?? (willResolve && (changed || pendingBefore > 0) ? resolveAfterCommit(db, summaries, options) : null);
  return { files: summaries, ok: summaries.every((s) => s.outcome !== 'failed'), resolve: resolved, pendingBefore, officeRegion: getSetting(db, 'region') ?? null };
}

/** The full resolve a `--replaces` import ran inside its transaction, handed to importFiles' result. */
const rebuiltInside = new WeakMap<Db, ResolveResult>();

function checkReplaces(db: Db, id: number, files: readonly string[], source: SourceKind): void {
  checkBatchExists(db, id, '--replaces');
  if (files.length !== 1) throw new UsageError(t.ingest.replacesOneFile(files.length));
  const old = batchById(db, id);
  // A guest book in place of a list (or the other way) would delete the list's records under the book's name.
  if (old !== undefined && old.source !== source) throw new UsageError(t.ingest.replacesOtherSource({ batch: old.id, file: old.file_name, was: t.reasons.aSourceName(old.source), now: t.reasons.aSourceName(source), flag: old.source }));
}

/**
 * The earlier batch of the same source and wave that holds at least RESENT_SHARE of this batch's `rows`
 * rows by NIK, the one that holds most when several do. The earlier batches are looked up first (a first
 * list reads none of its NIKs back), and the NIKs are compared in SQL, never held in memory.
 */
function findResent(db: Db, batchId: number, source: SourceKind, rows: number): { batch: number; file: string; waves: string; rows: number; found: number } | null {
  if (source === 'walkin' || rows === 0) return null;
  let best: { batch: number; file: string; waves: string; rows: number; found: number } | null = null;
  for (const earlier of batchesSharingWave(db, batchId, source)) {
    const found = rowsFoundBy(resentLookup(db, batchId, earlier.id, EXCEL_COPY_REASONS));
    if (found >= RESENT_SHARE * rows && (best === null || found > best.found)) {
      best = { batch: earlier.id, file: earlier.file_name, waves: earlier.waves, rows, found };
    }
  }
  return best;
}

/**
 * The files are committed; matching them is a step of its own. If it fails or is interrupted, the records
 * stay (without a person) and the next import, `resolve` or report finishes them: say exactly that.
 */
function resolveAfterCommit(db: Db, summaries: readonly FileSummary[], options: ImportOptions): ResolveResult {
  const kept = summaries.reduce((n, s) => n + (s.outcome === 'imported' || s.outcome === 'replaced' ? s.imported : 0), 0);
  const signal = options.signal;
  try {
    // Incremental: the new records and the stored persons they can join, under the statistics the last full
    // resolve learnt (frozen), so that it ends with the persons a full resolve under them would
    // (resolve/incremental.ts, test/resolve-incremental.test.ts). Weights relearnt from more records at
    // every import, scoring only the new pairs, did not: 1,085 persons against 1,081. Full, relearning, when
    // there is no snapshot, the records grew by more than 10% since, or `--full`.
    return resolveAfterImport(db, { signal, full: options.full });
  } catch (error) {
    const count = kept.toLocaleString('en-US');
    if (error instanceof InterruptedError) throw new InterruptedError(undefined, t.recovery.interruptedAfterImport(count), error.signal);
    if (isDiskFull(error)) throw new StoreError(t.recovery.diskFullAfterImport(count));
    throw error;
  }
}

function isDiskFull(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_FULL' || code === 'ENOSPC';
}

/** Folders become their CSV/XLSX files, in name order, so a cron job can point at a drop folder. */
export async function expandInputs(inputs: readonly string[]): Promise<string[]> {
  if (inputs.length === 0) throw new UsageError(t.import.noFiles());
  const out: string[] = [];
  for (const input of inputs) {
    const info = await stat(input).catch(() => null);
    if (info?.isDirectory()) {
      const names = (await readdir(input)).filter((n) => INPUT_EXTENSIONS.has(extname(n).toLowerCase()) && !n.startsWith('~$'));
      out.push(...names.sort().map((n) => join(input, n)));
    } else {
      out.push(input);
    }
  }
  return out;
}

async function importFile(db: Db, file: string, options: ImportOptions): Promise<FileSummary> {
  assertRegularFile(file);
  const digest = await hashFile(file);
  const table = await openTable(file, options);
  try {
    return await importTable(db, file, digest, table, options);
  } finally {
    table.close();
  }
}

async function importTable(db: Db, file: string, digest: string, table: Table, options: ImportOptions): Promise<FileSummary> {
  // Each sheet of a workbook is its own batch (a province often sends one sheet per kab/kota).
  const sha256 = table.sheet === null ? digest : createHash('sha256').update(`${digest}\0${table.sheet}`).digest('hex');
  const [unmatched] = unmatchedOverrides(table.header, options.map);
  if (unmatched !== undefined) {
    const headers = table.header.filter((h) => h.trim() !== '').map((h) => JSON.stringify(h.trim()));
    throw new UsageError(t.ingest.mapUnknownColumn({ map: unmatched, column: unmatched.slice(0, unmatched.lastIndexOf('=')), file: basename(file), headers: headers.join(', ') }));
  }
  const existing = batchBySha(db, sha256);
  if (existing && !options.force) return unchangedSummary(file, existing, 'bytes', options.source);
  const columns = mapColumns(table.header, options.map);
  const wave = options.wave ?? null;
  if (options.source !== 'walkin' && columns.fields.wave === undefined && wave === null) throw missingWave(file, table.header, columns);
  const summary: FileSummary = {
    ...emptySummary(file),
    format: table.format,
    encoding: table.encoding,
    delimiter: table.delimiter,
    headerLine: table.headerLine,
    columns: columns.described,
  };

  try {
    return await writeBatch(db, file, sha256, table, options, wave, columns, summary);
  } catch (error) {
    // Rolled back: nothing of this file is in the database (files before it in this run are).
    if (isDiskFull(error)) throw new StoreError(t.recovery.diskFullDuringImport(file));
    throw error;
  }
}

async function writeBatch(
  db: Db,
  file: string,
  sha256: string,
  table: Table,
  options: ImportOptions,
  wave: number | null,
  columns: ReturnType<typeof mapColumns>,
  summary: FileSummary,
): Promise<FileSummary> {
  return inAsyncTransaction(db, async (tx) => {
    // Looked up again under the write lock: an overlapping run may have imported the same file meanwhile.
    const current = batchBySha(db, sha256);
    if (current && !options.force) {
      tx.rollbackOnReturn();
      return unchangedSummary(file, current, 'bytes', options.source);
    }
    if (current) deleteBatch(db, current.id);
    const batchId = insertBatch(db, {
      source: options.source,
      file_name: basename(file),
      file_path: resolve(file),
      sha256,
      wave,
      format: table.format,
      encoding: table.encoding,
      delimiter: table.delimiter,
      sheet: table.sheet,
      header_line: table.headerLine,
      columns: JSON.stringify(columns.described),
      imported_at: new Date().toISOString(),
    });
    const waveColumn = columns.fields.wave === undefined ? undefined : table.header[columns.fields.wave]?.trim();
    if (options.source === 'walkin' && waveColumn !== undefined) {
      summary.warnings.push({ kind: 'wave_column_in_walkin', message: t.ingest.waveColumnInWalkin({ column: waveColumn, batch: batchId }) });
    }
    const bulk = isBulkLoad(db, file);
    const restoreCache = bulk ? shrinkCacheForBulkLoad(db) : null;
    let contentSha: string;
    let zeros: ZeroEndings;
    try {
      const restoreIndexes = bulk ? suspendRecordIndexes(db) : null;
      ({ contentSha, zeros } = await writeRows(db, batchId, table, options, wave, columns, summary));
      // One CREATE INDEX per index; interrupts are looked at between them.
      restoreIndexes?.(() => checkInterrupt(options.signal, file));
    } finally {
      restoreCache?.();
    }
    testPause('index-built');
    // The same rows under other bytes: a copy re-saved with CRLF, a BOM, another encoding or delimiter.
    const twin = batchByContent(db, contentSha, batchId);
    if (twin && !options.force) {
      tx.rollbackOnReturn();
      return unchangedSummary(file, twin, 'rows', options.source);
    }
    if (twin) deleteBatch(db, twin.id);
    setContentSha(db, batchId, contentSha);
    let replacing: ReturnType<typeof forgetBatch> | null = null;
    if (options.replaces !== undefined) {
      const old = batchById(db, options.replaces);
      if (old !== undefined && old.id !== batchId) {
        // Its records' block keys go with it, and the records linked to them are resolved again after. Not
        // with --no-resolve: the keys then stay stale, so the resolve that matches the new records is full
        // and redoes those records' persons too.
        replacing = options.resolve === false ? null : forgetBatch(db, old.id);
        deleteBatch(db, old.id);
        summary.replaced = { batch: old.id, file: old.file_name, records: old.rows_imported };
      }
    }
    if (looksRounded(zeros.endingInZero, zeros.total)) flagRoundedColumn(db, batchId, summary, options.refYear);
    // After the rounding flags: a spreadsheet's 15-digit copies are compared as the NIKs they can stand for.
    const resent = findResent(db, batchId, options.source, summary.imported);
    if (resent !== null) {
      summary.resent = { batch: resent.batch, file: resent.file, rows: resent.rows, found: resent.found };
      const said = { ...resent, source: t.reasons.sourceName(options.source), column: labelsFor(currentLang()).rows, percent: Math.floor((100 * resent.found) / resent.rows) };
      // A dry run rolls its batch back: its number would name no batch.
      const message = options.dryRun ? t.ingest.resentDryRun(said) : t.ingest.resent({ ...said, newBatch: batchId });
      summary.warnings.push({ kind: 'resent', message });
    }
    finishBatch(db, batchId, summary);
    // Last look before the commit: an interrupt that came during the final statements still wins.
    checkInterrupt(options.signal, file);
    if (options.dryRun) {
      tx.rollbackOnReturn();
      return { ...summary, outcome: 'dry-run', batchId: null };
    }
    // Records of the replaced batch are gone: the persons they were in are rebuilt from what is left before
    // the commit, so no state has deleted records' persons; incrementally, under the stored statistics, when
    // the replaced and new records are few (resolve/incremental.ts resolveAfterReplace).
    if (summary.replaced && replacing && options.resolve !== false) {
      rebuiltInside.set(db, resolveAfterReplace(db, replacing.again, replacing.records, { signal: options.signal }));
    }
    return { ...summary, outcome: current || twin ? 'replaced' : 'imported', batchId };
  });
}

/**
 * A column a spreadsheet rounded to 15 digits: every NIK `markExcelRounded` says rounding may have changed
 * (ending in 0, or serial 0000) becomes damaged/excel_rounded, so that matching treats it as the range of
 * NIKs it can come from. The one rounding rule, in normalise; the store only writes what it says.
 */
function flagRoundedColumn(db: Db, batchId: number, summary: FileSummary, refYear: number | undefined): void {
  const updates: NikDamage[] = [];
  for (const c of roundingCandidates(db, batchId)) {
    const marked = markExcelRounded(parseNik(canonicaliseNik(c.nik), refYear === undefined ? undefined : { refYear }));
    if (marked.status !== 'damaged') continue;
    updates.push({ id: c.id, reason: marked.reason, hint: marked.hint?.prefix || null });
    if (c.reason !== null) summary.nikFlags[c.reason] = (summary.nikFlags[c.reason] ?? 1) - 1;
  }
  for (const [k, v] of Object.entries(summary.nikFlags)) if (v === 0) delete summary.nikFlags[k];
  const flagged = markNiksDamaged(db, updates);
  if (flagged > 0) summary.nikFlags.excel_rounded = flagged;
}

/**
 * A list without a wave: a recipient list needs --wave; a guest book imported with the wrong --source is
 * the likelier case when the file has a date or purpose column, so that fix is named first.
 */
function missingWave(file: string, header: readonly string[], columns: ColumnMap): InputError {
  const walkinColumns = [columns.fields.date, columns.fields.purpose]
    .filter((i): i is number => i !== undefined)
    .map((i) => JSON.stringify((header[i] ?? '').trim()));
  if (walkinColumns.length > 0) return new InputError(t.ingest.guestBookAsList(walkinColumns.join(', ')), file);
  return new InputError(t.import.noWaveColumn(), file);
}

/** Rows below which keeping indexes live is cheaper than building them again. */
const BULK_MIN_ROWS = 50_000;
/** A short CSV row (NIK, name, wave, status) is about 40 bytes; XLSX is denser, which errs on the safe side. */
const BYTES_PER_ROW = 40;

/** True when the file is large beside what is stored: then indexes are built after the rows, not during. */
function isBulkLoad(db: Db, file: string): boolean {
  const estimatedRows = statSync(file).size / BYTES_PER_ROW;
  return estimatedRows > BULK_MIN_ROWS && estimatedRows > countRecords(db);
}

async function writeRows(
  db: Db,
  batchId: number,
  table: Table,
  options: ImportOptions,
  wave: number | null,
  columns: ReturnType<typeof mapColumns>,
  summary: FileSummary,
): Promise<{ contentSha: string; zeros: ZeroEndings }> {
  const writer = recordWriter(db, batchId, options.source);
  const fingerprint = new RowFingerprint();
  fingerprint.add(table.header);
  for (const row of table.above) {
    summary.read++;
    if (row.reason === 'data') {
      fingerprint.add(row.cells);
      addReject(writer, summary, { line: row.line, detail: { reason: 'above_header', headerLine: table.headerLine }, raw: JSON.stringify(row.cells) });
      continue;
    }
    summary.skipped++;
    summary.skippedBy[row.reason] = (summary.skippedBy[row.reason] ?? 0) + 1;
  }
  const ctx = { columns, headerLength: table.header.length, wave, refYear: options.refYear, dateOrder: options.dateOrder };
  const utf8Lines: number[] = [];
  const dateColumn = columns.fields.date;
  const dates = dateColumn === undefined ? null : new DateTally(options.dateOrder);
  // One await per chunk of the file (all the rows one read of it gave), not per row.
  for await (const chunk of table.chunks) {
    for (const row of chunk) {
      checkInterrupt(options.signal, summary.file);
      summary.read++;
      fingerprint.add(row.cells);
      if (row.utf8InAnsi) utf8Lines.push(row.line);
      if (row.lines !== undefined && row.lines > 1) {
        // Lines the row's quoted cell runs on to: counted, so that the counts add up to the file's lines.
        summary.read += row.lines - 1;
        summary.skipped += row.lines - 1;
        summary.skippedBy.continuation = (summary.skippedBy.continuation ?? 0) + row.lines - 1;
      }
      const outcome = normaliseRow(row, ctx);
      if (outcome.kind === 'record') {
        writer.record(outcome.record);
        summary.imported++;
        if (dates !== null && dateColumn !== undefined) dates.add(row.line, (row.cells[dateColumn] ?? '').trim(), outcome.record.visit_date);
        const reason = outcome.record.nik_reason ?? (outcome.record.nik_status === 'missing' ? 'missing' : null);
        if (reason) summary.nikFlags[reason] = (summary.nikFlags[reason] ?? 0) + 1;
      } else if (outcome.kind === 'reject') {
        addReject(writer, summary, { line: row.line, detail: outcome.detail, raw: JSON.stringify(row.cells) });
      } else {
        summary.skipped++;
        summary.skippedBy[outcome.reason] = (summary.skippedBy[outcome.reason] ?? 0) + 1;
      }
      if (options.onProgress && summary.read % PROGRESS_EVERY === 0) options.onProgress(summary.file, summary.read);
    }
  }
  writer.flush();
  if (utf8Lines.length > 0) {
    summary.warnings.push({ kind: 'utf8_in_ansi', message: t.ingest.utf8InAnsi({ count: utf8Lines.length, lines: linesText(utf8Lines, utf8Lines.length) }), lines: utf8Lines.slice(0, 20) });
  }
  if (dates !== null) dates.report(summary);
  return { contentSha: fingerprint.digest(), zeros: writer.zeros() };
}

/** The dates of a file as its rows are imported: those that cannot be read, and whether they look swapped. */
class DateTally {
  private readonly check: DateOrderCheck | null;
  private readonly summary: DateSummary;

  constructor(order: DateOrder | undefined) {
    this.check = order === undefined ? new DateOrderCheck() : null;
    this.summary = { order: order ?? 'dmy', unreadable: 0, unreadableSample: [], swappedSuspected: 0 };
  }

  add(line: number, text: string, read: string | null): void {
    if (text === '') return;
    this.check?.add(line, text);
    if (read !== null) return;
    this.summary.unreadable++;
    if (this.summary.unreadableSample.length < 5) this.summary.unreadableSample.push({ line, text: maskNikLike(text) });
  }

  report(summary: FileSummary): void {
    const verdict = this.check?.verdict();
    if (verdict?.suspected) {
      this.summary.swappedSuspected = verdict.swapped;
      const lines = linesText(verdict.lines, verdict.swapped);
      // No date of the file reads only day first (every one is 6/13/2020 or 6/1/2020): an en-US file through
      // and through, with no span to judge the ambiguous ones against; the month-first-only ones say it.
      const message = verdict.span
        ? t.ingest.datesSwapped({ count: verdict.swapped, from: verdict.span.from, to: verdict.span.to, lines })
        : t.ingest.datesMonthFirst({ count: verdict.swapped, example: verdict.monthFirstExample ?? '', lines });
      summary.warnings.push({ kind: 'date_order', message, lines: verdict.lines });
    }
    if (this.summary.unreadable > 0) {
      const sample = this.summary.unreadableSample.map((u) => t.ingest.lineText({ line: u.line, text: JSON.stringify(u.text) })).join(', ');
      summary.warnings.push({
        kind: 'date_unreadable',
        message: t.ingest.datesUnreadable({ count: this.summary.unreadable, sample: this.summary.unreadable > this.summary.unreadableSample.length ? `${sample}, …` : sample }),
        lines: this.summary.unreadableSample.map((u) => u.line),
      });
    }
    summary.dates = this.summary;
  }
}

/** `2, 3, 4, …`: the first eight lines, and an ellipsis when there are more. */
function linesText(lines: readonly number[], count: number): string {
  const shown = lines.slice(0, 8).join(', ');
  return count > 8 ? `${shown}, …` : shown;
}

function addReject(
  writer: ReturnType<typeof recordWriter>,
  summary: FileSummary,
  { line, detail, raw }: { line: number; detail: RejectDetail; raw: string },
): void {
  // The reason and parameters are what `prakerja rejects` reads; the text keeps what this import said.
  const message = rejectMessage(detail);
  writer.reject({ line, reason: detail.reason, params: rejectParams(detail), message, raw });
  summary.rejected++;
  summary.rejectedBy[detail.reason] = (summary.rejectedBy[detail.reason] ?? 0) + 1;
  // Shown on the terminal and in --json: a message may quote a cell, and a name cell may hold a NIK.
  if (summary.firstRejects.length < 5) summary.firstRejects.push({ line, reason: detail.reason, message: maskNikLike(message) });
}

function unchangedSummary(file: string, batch: BatchRow, by: 'bytes' | 'rows', source: SourceKind): FileSummary {
  return {
    ...emptySummary(file),
    outcome: 'unchanged',
    batchId: batch.id,
    sameAs: { batch: batch.id, file: batch.file_name, source: batch.source, by },
    ...(batch.source === source ? {} : { warnings: [{ kind: 'other_source', message: t.ingest.otherSource({ batch: batch.id, had: batch.source, given: source }) }] }),
    read: batch.rows_read,
    imported: batch.rows_imported,
    rejected: batch.rows_rejected,
    skipped: batch.rows_skipped,
  };
}

function emptySummary(file: string): FileSummary {
  return {
    file,
    outcome: 'imported',
    batchId: null,
    format: null,
    encoding: null,
    delimiter: null,
    headerLine: null,
    columns: {},
    read: 0,
    imported: 0,
    rejected: 0,
    skipped: 0,
    rejectedBy: {},
    skippedBy: {},
    nikFlags: {},
    firstRejects: [],
    warnings: [],
    error: null,
  };
}

async function hashFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  try {
    for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError(t.reading.noSuchFile(), file);
    if (code === 'EISDIR') throw new InputError(t.reading.isFolder(), file);
    throw new InputError(t.reading.cannotRead(code ?? String(error)), file);
  }
  return hash.digest('hex');
}
