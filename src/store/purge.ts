/** The SQL of `prakerja purge`: which batches a retention rule selects, deleting them, compacting the file. */
import type { SourceKind } from './batches.js';
import type { Db } from './database.js';

export interface PurgeSelection {
  batch?: number;
  /** ISO date: batches imported before the start of that day (UTC). */
  before?: string;
  source?: SourceKind;
}

export interface PurgeBatchRow {
  id: number;
  source: SourceKind;
  file_name: string;
  imported_at: string;
  records: number;
  rejects: number;
}

/** The batches every given condition selects (the conditions combine with AND), with their row counts. */
export function batchesToPurge(db: Db, s: PurgeSelection): PurgeBatchRow[] {
  return db
    .prepare<{ batch: number | null; before: string | null; source: string | null }, PurgeBatchRow>(
      `SELECT b.id, b.source, b.file_name, b.imported_at,
              (SELECT count(*) FROM records r WHERE r.batch_id = b.id) AS records,
              (SELECT count(*) FROM rejects j WHERE j.batch_id = b.id) AS rejects
         FROM batches b
        WHERE (@batch IS NULL OR b.id = @batch)
          AND (@before IS NULL OR b.imported_at < @before)
          AND (@source IS NULL OR b.source = @source)
        ORDER BY b.id`,
    )
    .all({ batch: s.batch ?? null, before: s.before ?? null, source: s.source ?? null });
}

/** Links that touch a record of these batches (they go with the records, by ON DELETE CASCADE). */
export function countLinksOfBatches(db: Db, ids: readonly number[]): number {
  if (ids.length === 0) return 0;
  const list = JSON.stringify(ids);
  return Number(
    db
      .prepare(
        `SELECT count(*) FROM links
          WHERE record_l IN (SELECT id FROM records WHERE batch_id IN (SELECT value FROM json_each(?)))
             OR record_r IN (SELECT id FROM records WHERE batch_id IN (SELECT value FROM json_each(?)))`,
      )
      .pluck()
      .get(list, list),
  );
}

/**
 * Deletes the batches with their records, rejects and links (ON DELETE CASCADE), in one transaction, with
 * secure_delete on so the freed pages are overwritten with zeros rather than left readable in the file.
 */
export function deleteBatches(db: Db, ids: readonly number[]): void {
  db.pragma('secure_delete = ON');
  const remove = db.prepare('DELETE FROM batches WHERE id = ?');
  db.transaction(() => {
    for (const id of ids) remove.run(id);
  }).immediate();
}

/**
 * Rebuilds the file without the free pages, then empties the write-ahead log, which would otherwise still
 * hold copies of the deleted pages until the next checkpoint.
 */
export function compactDatabase(db: Db): void {
  db.exec('VACUUM');
  db.pragma('wal_checkpoint(TRUNCATE)');
}
