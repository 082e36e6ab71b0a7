/** `prakerja rejects`: the rows that were not imported, with their line and reason. */
import { UsageError } from '../errors.js';
import { t } from '../i18n/index.js';
import { maskNikLike } from '../privacy/mask.js';
import { listBatches } from '../store/batches.js';
import type { Db } from '../store/database.js';
import { listRejects } from '../store/summary.js';

export interface RejectsOptions {
  batch?: number;
  showNik?: boolean;
}

export interface RejectedRow {
  batch: number;
  file: string;
  line: number;
  reason: string;
  message: string;
  cells: string[];
}

/**
 * Rejected rows; NIK-like runs of 16 digits in the raw cells are masked unless `showNik`. A batch that does
 * not exist is a usage error, not an empty list.
 */
export function rejectedRows(db: Db, options: RejectsOptions = {}): RejectedRow[] {
  if (options.batch !== undefined) {
    const ids = listBatches(db).map((b) => b.id);
    if (!ids.includes(options.batch)) {
      throw new UsageError(t.rejects.noSuchBatch({ batch: options.batch, known: ids.length > 0 ? ids.join(', ') : t.rejects.noBatches() }));
    }
  }
  return listRejects(db, options.batch).map((r) => {
    const parsed: unknown = JSON.parse(r.raw);
    const cells = Array.isArray(parsed) ? parsed.map(String) : [String(parsed)];
    return {
      batch: r.batch_id,
      file: r.file_name,
      line: r.line,
      reason: r.reason,
      message: options.showNik ? r.message : maskNikLike(r.message),
      cells: options.showNik ? cells : cells.map(maskNikLike),
    };
  });
}

