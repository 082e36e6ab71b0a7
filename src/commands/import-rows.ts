/**
 * What an import makes of a table's rows before anything is written: every row read, normalised and told
 * imported, skipped or rejected (with its line and reason), the records packed as the writer binds them, a
 * a thousand or so to a batch. It runs in the import's own thread for small files and workbooks, and in a
 * thread of its own for a large CSV (import-reader.ts), while the import's thread only writes.
 */
import { t } from '../i18n/index.js';
import { maskNikLike } from '../privacy/mask.js';
import { RowFingerprint } from '../ingest/fingerprint.js';
import type { Table } from '../ingest/table.js';
import type { ColumnMap } from '../ingest/columns.js';
import { DateOrderCheck, type DateOrder } from '../normalise/dates.js';
import { normaliseRow, type RowContext } from '../normalise/record.js';
import { rejectMessage, rejectParams, type RejectDetail } from '../normalise/reject.js';
import { packRecord, type RejectRow } from '../store/records.js';
import type { DateSummary, FileSummary } from './import.js';

/**
 * Records in one batch handed to the writer. A batch's values live until it is sent: 4,096 to a batch lived
 * through more young-generation collections than 1,024 and cost the reading thread more (300 k rows: 3.25 /
 * 3.61 s against 2.69 / 3.52 s of its CPU, alternating) and 4-6 MB more peak RSS.
 */
export const BATCH_ROWS = 1024;
/**
 * Characters of cells in one batch, at most (about): rows of long cells (up to ingest/limits.ts CELL_LIMIT
 * each) make a batch sooner, so that what waits between reading and writing stays small whatever the rows.
 */
export const BATCH_CHARS = 1 << 20;

/** The rows read so far that the writer is handed at once: records packed, rejects in line order. */
export interface RowBatch {
  /** `packRecord`'s values of this batch's records, one after another. */
  values: unknown[];
  rejects: RejectRow[];
  /** Rows (and lines) read so far, this batch's included: for progress. */
  read: number;
}

/** What a file's rows added to its summary, once all were read. */
export type RowsPart = Pick<FileSummary, 'read' | 'imported' | 'rejected' | 'skipped' | 'rejectedBy' | 'skippedBy' | 'nikFlags' | 'firstRejects' | 'warnings' | 'dates'>;

export interface RowsRead {
  part: RowsPart;
  /** The rows' fingerprint: the same rows under other bytes give the same one (ingest/fingerprint.ts). */
  contentSha: string;
}

export interface ReadContext {
  columns: ColumnMap;
  wave: number | null;
  refYear?: number;
  dateOrder?: DateOrder;
}

/**
 * Reads every row of `table`, hands the writer a batch every BATCH_ROWS records and rejects (awaiting it,
 * which is where a reading thread waits for the writer), and returns what the rows add to the summary.
 * `check` is called once per chunk of the file: the caller's look at interrupts.
 */
export async function readRows(table: Table, ctx: ReadContext, emit: (batch: RowBatch) => void | Promise<void>, check: () => void = () => undefined): Promise<RowsRead> {
  const part: RowsPart = { read: 0, imported: 0, rejected: 0, skipped: 0, rejectedBy: {}, skippedBy: {}, nikFlags: {}, firstRejects: [], warnings: [] };
  let batch: RowBatch = { values: [], rejects: [], read: 0 };
  let held = 0;
  let chars = 0;
  const reject = (line: number, detail: RejectDetail, cells: readonly string[]) => {
    batch.rejects.push(rejectRow(part, line, detail, cells));
    held++;
  };
  const fingerprint = new RowFingerprint();
  fingerprint.add(table.header);
  for (const row of table.above) {
    part.read++;
    if (row.reason === 'data') {
      fingerprint.add(row.cells);
      reject(row.line, { reason: 'above_header', headerLine: table.headerLine }, row.cells);
      continue;
    }
    part.skipped++;
    part.skippedBy[row.reason] = (part.skippedBy[row.reason] ?? 0) + 1;
  }
  const rowCtx: RowContext = { columns: ctx.columns, headerLength: table.header.length, wave: ctx.wave, refYear: ctx.refYear, dateOrder: ctx.dateOrder };
  const utf8Lines: number[] = [];
  const dateColumn = ctx.columns.fields.date;
  const dates = dateColumn === undefined ? null : new DateTally(ctx.dateOrder);
  // One await per chunk of the file (all the rows one read of it gave), not per row.
  for await (const chunk of table.chunks) {
    check();
    for (const row of chunk) {
      part.read++;
      fingerprint.add(row.cells);
      for (const cell of row.cells) chars += cell.length;
      if (row.utf8InAnsi) utf8Lines.push(row.line);
      if (row.lines !== undefined && row.lines > 1) {
        // Lines the row's quoted cell runs on to: counted, so that the counts add up to the file's lines.
        part.read += row.lines - 1;
        part.skipped += row.lines - 1;
        part.skippedBy.continuation = (part.skippedBy.continuation ?? 0) + row.lines - 1;
      }
      const outcome = normaliseRow(row, rowCtx);
      if (outcome.kind === 'record') {
        packRecord(outcome.record, batch.values);
        held++;
        part.imported++;
        if (dates !== null && dateColumn !== undefined) dates.add(row.line, (row.cells[dateColumn] ?? '').trim(), outcome.record.visit_date);
        const reason = outcome.record.nik_reason ?? (outcome.record.nik_status === 'missing' ? 'missing' : null);
        if (reason) part.nikFlags[reason] = (part.nikFlags[reason] ?? 0) + 1;
      } else if (outcome.kind === 'reject') {
        reject(row.line, outcome.detail, row.cells);
      } else {
        part.skipped++;
        part.skippedBy[outcome.reason] = (part.skippedBy[outcome.reason] ?? 0) + 1;
      }
      if (held >= BATCH_ROWS || chars >= BATCH_CHARS) {
        batch.read = part.read;
        await emit(batch);
        batch = { values: [], rejects: [], read: 0 };
        held = 0;
        chars = 0;
      }
    }
  }
  if (held > 0 || batch.read < part.read) {
    batch.read = part.read;
    await emit(batch);
  }
  if (utf8Lines.length > 0) {
    part.warnings.push({ kind: 'utf8_in_ansi', message: t.ingest.utf8InAnsi({ count: utf8Lines.length, lines: linesText(utf8Lines, utf8Lines.length) }), lines: utf8Lines.slice(0, 20) });
  }
  if (dates !== null) dates.report(part);
  return { part, contentSha: fingerprint.digest() };
}

/** A rejected row as stored, counted in the summary. */
function rejectRow(part: RowsPart, line: number, detail: RejectDetail, cells: readonly string[]): RejectRow {
  // The reason and parameters are what `prakerja rejects` reads; the text keeps what this import said.
  const message = rejectMessage(detail);
  part.rejected++;
  part.rejectedBy[detail.reason] = (part.rejectedBy[detail.reason] ?? 0) + 1;
  // Shown on the terminal and in --json: a message may quote a cell, and a name cell may hold a NIK.
  if (part.firstRejects.length < 5) part.firstRejects.push({ line, reason: detail.reason, message: maskNikLike(message) });
  return { line, reason: detail.reason, params: rejectParams(detail), message, raw: JSON.stringify(cells) };
}

/** The dates of a file as its rows are read: those that cannot be read, and whether they look swapped. */
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

  report(summary: RowsPart): void {
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
export function linesText(lines: readonly number[], count: number): string {
  const shown = lines.slice(0, 8).join(', ');
  return count > 8 ? `${shown}, …` : shown;
}
