import { UsageError } from '../errors.js';
import { t } from '../i18n/index.js';
import type { Db } from '../store/database.js';
import { listBatches } from '../store/batches.js';

/**
 * A batch number the user typed (`rejects --batch`, `purge --batch`) that names no batch is their mistake:
 * a usage error naming the batches there are, never an empty result.
 * @example checkBatchExists(db, 99) // throws "there is no batch 99. The batches are: 1, 2. …"
 */
export function checkBatchExists(db: Db, batch: number): void {
  const ids = listBatches(db).map((b) => b.id);
  if (!ids.includes(batch)) throw new UsageError(t.rejects.noSuchBatch({ batch, known: ids.length > 0 ? ids.join(', ') : t.rejects.noBatches() }));
}
