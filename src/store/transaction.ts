/**
 * Transactions: the one place that says BEGIN, COMMIT and ROLLBACK. Everything a command changes in one go
 * (an imported file, a resolve, a review applied) goes through here, so it is wholly in the database or not
 * at all, whatever is thrown.
 */
import type { Db } from './database.js';

/**
 * Runs `work` in one transaction: committed when it returns, rolled back when it throws. `immediate` takes
 * the write lock at once (an overlapping writer then waits here, not halfway through).
 *
 * @example inTransaction(db, () => { saveDecision(db, d, now); return 1; });
 */
export function inTransaction<T>(db: Db, work: () => T, options: { immediate?: boolean } = {}): T {
  const run = db.transaction(work);
  return options.immediate === true ? run.immediate() : run();
}

export interface AsyncTransaction {
  /** Roll back instead of committing when `work` returns (a dry run; nothing to do after all). */
  rollbackOnReturn(): void;
}

/**
 * Runs asynchronous `work` (rows read from a stream) in one IMMEDIATE transaction: committed when it
 * resolves unless it asked for a rollback, rolled back when it rejects. Nothing else may use the
 * connection meanwhile; better-sqlite3 is synchronous, so only `work`'s own awaits interleave.
 *
 * @example await inAsyncTransaction(db, async (tx) => { await writeRows(); if (dryRun) tx.rollbackOnReturn(); });
 */
export async function inAsyncTransaction<T>(db: Db, work: (tx: AsyncTransaction) => Promise<T>): Promise<T> {
  db.exec('BEGIN IMMEDIATE');
  let rollback = false;
  try {
    const value = await work({ rollbackOnReturn: () => (rollback = true) });
    db.exec(rollback ? 'ROLLBACK' : 'COMMIT');
    return value;
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  }
}
