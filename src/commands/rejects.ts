/** `prakerja rejects`: the rows that were not imported, with their line and reason. */
import { t } from '../i18n/index.js';
import { readRejectDetail, rejectMessage } from '../normalise/reject.js';
import { maskNikLike } from '../privacy/mask.js';
import type { Db } from '../store/database.js';
import { checkBatchExists } from './known-batch.js';
import { listDateProblems, listRejects } from '../store/summary.js';

export interface RejectsOptions {
  batch?: number;
  showNik?: boolean;
}

export interface RejectedRow {
  batch: number;
  file: string;
  line: number;
  /** The stable code of why (`field_count`), which the README lists. */
  reason: string;
  /** What the message is made of (`{ fields: 5, header: 3 }`); null for a reject stored before schema 10. */
  params: Record<string, string | number | boolean> | null;
  /** In the reader's language; for a reject stored before schema 10, in the language of its import. */
  message: string;
  cells: string[];
  /** False for a rejected row; true for a row imported with a problem (a date that cannot be read). */
  kept: boolean;
}

/**
 * Rejected rows; NIK-like runs of 16 digits in the raw cells are masked unless `showNik`. A batch that does
 * not exist is a usage error, not an empty list.
 */
export function rejectedRows(db: Db, options: RejectsOptions = {}): RejectedRow[] {
  if (options.batch !== undefined) checkBatchExists(db, options.batch);
  const mask = (text: string) => (options.showNik ? text : maskNikLike(text));
  const rejected = listRejects(db, options.batch).map((r): RejectedRow => {
    const parsed: unknown = JSON.parse(r.raw);
    const cells = Array.isArray(parsed) ? parsed.map(String) : [String(parsed)];
    const detail = readRejectDetail(r.reason, r.params);
    const { reason, ...values } = detail ?? { reason: r.reason };
    const params = detail === undefined ? null : Object.fromEntries(Object.entries(values).map(([k, v]) => [k, typeof v === 'string' ? mask(v) : v]));
    const message = mask(detail === undefined ? r.message : rejectMessage(detail));
    return { batch: r.batch_id, file: r.file_name, line: r.line, reason, params, message, cells: cells.map(mask), kept: false };
  });
  // Imported, but a visit date nobody can read: counted under "no date" in the monthly recap, so listed here.
  const kept = listDateProblems(db, options.batch).map(
    (p): RejectedRow => ({ batch: p.batch_id, file: p.file_name, line: p.line, reason: 'date_unreadable', params: {}, message: t.ingest.keptDateUnreadable(), cells: [mask(p.text)], kept: true }),
  );
  return [...rejected, ...kept].sort((a, b) => a.batch - b.batch || a.line - b.line);
}

