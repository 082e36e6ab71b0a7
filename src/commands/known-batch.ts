import { UsageError } from '../errors.js';
import { t } from '../i18n/index.js';
import type { Db } from '../store/database.js';
import { listBatches } from '../store/batches.js';

/**
 * The batch number typed after `option` (`--batch`, `--replaces`): digits only, else a usage error saying
 * where the numbers are.
 * @example parseBatchNumber('--batch', '3') // 3
 */
export function parseBatchNumber(option: string, text: string): number {
  if (!/^\d+$/.test(text)) throw new UsageError(t.rejects.badBatch({ option, value: text }));
  return Number(text);
}

/**
 * A batch number the user typed (`rejects --batch`, `purge --batch`, `import --replaces`) that names no batch
 * is their mistake: a usage error naming the batches there are, never an empty result.
 * @example checkBatchExists(db, 99) // throws "--batch 99: there is no batch 99. The batches are: 1, 2. …"
 */
export function checkBatchExists(db: Db, batch: number, option = '--batch'): void {
  const ids = listBatches(db).map((b) => b.id);
  if (!ids.includes(batch)) throw new UsageError(t.rejects.noSuchBatch({ option, batch, known: ids.length > 0 ? ids.join(', ') : t.rejects.noBatches() }));
}
