import type { Db } from './database.js';

export type SourceKind = 'central' | 'province' | 'walkin';
export const SOURCE_KINDS: readonly SourceKind[] = ['central', 'province', 'walkin'];

export interface BatchRow {
  id: number;
  source: SourceKind;
  file_name: string;
  file_path: string;
  sha256: string;
  wave: number | null;
  format: string;
  encoding: string | null;
  delimiter: string | null;
  sheet: string | null;
  header_line: number;
  columns: string;
  imported_at: string;
  rows_read: number;
  rows_imported: number;
  rows_rejected: number;
  rows_skipped: number;
  /** Fingerprint of the decoded rows (ingest/fingerprint.ts); null for batches imported before schema 5. */
  content_sha: string | null;
}

export type NewBatch = Omit<BatchRow, 'id' | 'rows_read' | 'rows_imported' | 'rows_rejected' | 'rows_skipped' | 'content_sha'>;

export function batchBySha(db: Db, sha256: string): BatchRow | undefined {
  return db.prepare<[string], BatchRow>('SELECT * FROM batches WHERE sha256 = ?').get(sha256);
}

export function batchById(db: Db, id: number): BatchRow | undefined {
  return db.prepare<[number], BatchRow>('SELECT * FROM batches WHERE id = ?').get(id);
}

/**
 * The lookups the re-sent check (normalise/resent.ts `rowsFoundBy`) makes between a newer and an earlier
 * batch, answered by SQL over the NIK index, so that neither batch's NIKs are held in memory. `copyReasons`:
 * the NIK reasons of a spreadsheet's 15-digit copy.
 */
export function resentLookup(db: Db, newer: number, earlier: number, copyReasons: readonly string[]) {
  const reasons = JSON.stringify(copyReasons);
  const shared = 'EXISTS (SELECT 1 FROM records e WHERE e.nik = n.nik AND e.batch_id = @earlier)';
  const copiesOf = db.prepare<{ batch: number; reasons: string }, string>(
    `SELECT nik_raw FROM records WHERE batch_id = @batch AND nik IS NULL AND nik_raw IS NOT NULL
        AND nik_reason IN (SELECT value FROM json_each(@reasons))`,
  ).pluck();
  const between = db.prepare<{ earlier: number; low: string; high: string }, number>(
    // `+batch_id`: through the NIK index (a range of at most 15 NIKs), not through every record of the batch.
    'SELECT 1 FROM records WHERE nik BETWEEN @low AND @high AND +batch_id = @earlier LIMIT 1',
  ).pluck();
  return {
    sharedValid: (): number =>
      Number(db.prepare(`SELECT count(*) FROM records n WHERE n.batch_id = @newer AND n.nik IS NOT NULL AND ${shared}`).pluck().get({ newer, earlier })),
    unsharedValid: (): IterableIterator<string> =>
      db.prepare<{ newer: number; earlier: number }, string>(`SELECT n.nik FROM records n WHERE n.batch_id = @newer AND n.nik IS NOT NULL AND NOT ${shared}`).pluck().iterate({ newer, earlier }),
    newerCopies: (): IterableIterator<string> => copiesOf.iterate({ batch: newer, reasons }),
    earlierCopies: (): IterableIterator<string> => copiesOf.iterate({ batch: earlier, reasons }),
    earlierHasValidBetween: (low: string, high: string): boolean => between.get({ earlier, low, high }) !== undefined,
  };
}

/** Earlier batches of this source kind whose records share a wave with this batch's, with their waves. */
export function batchesSharingWave(db: Db, batchId: number, source: SourceKind): { id: number; file_name: string; waves: string; records: number }[] {
  return db
    .prepare<{ id: number; source: string }, { id: number; file_name: string; waves: string; records: number }>(
      `SELECT b.id, b.file_name, group_concat(DISTINCT r.wave) AS waves, b.rows_imported AS records
         FROM batches b JOIN records r ON r.batch_id = b.id
        WHERE b.source = @source AND b.id <> @id
          AND r.wave IN (SELECT DISTINCT wave FROM records WHERE batch_id = @id AND wave IS NOT NULL)
        GROUP BY b.id ORDER BY b.id`,
    )
    .all({ id: batchId, source });
}

/** Another batch whose decoded rows are these (a re-saved copy), if any. */
export function batchByContent(db: Db, contentSha: string, exceptId: number): BatchRow | undefined {
  return db
    .prepare<[string, number], BatchRow>('SELECT * FROM batches WHERE content_sha = ? AND id <> ? ORDER BY id LIMIT 1')
    .get(contentSha, exceptId);
}

export function setContentSha(db: Db, id: number, contentSha: string): void {
  db.prepare('UPDATE batches SET content_sha = ? WHERE id = ?').run(contentSha, id);
}

export function insertBatch(db: Db, batch: NewBatch): number {
  const info = db
    .prepare(
      `INSERT INTO batches (source, file_name, file_path, sha256, wave, format, encoding, delimiter, sheet,
                            header_line, columns, imported_at)
       VALUES (@source, @file_name, @file_path, @sha256, @wave, @format, @encoding, @delimiter, @sheet,
               @header_line, @columns, @imported_at)`,
    )
    .run(batch);
  return Number(info.lastInsertRowid);
}

export function finishBatch(
  db: Db,
  id: number,
  counts: { read: number; imported: number; rejected: number; skipped: number },
): void {
  db.prepare(
    `UPDATE batches SET rows_read = @read, rows_imported = @imported, rows_rejected = @rejected,
                        rows_skipped = @skipped WHERE id = @id`,
  ).run({ id, ...counts });
}

/** Deletes a batch with its records and rejects (ON DELETE CASCADE). */
export function deleteBatch(db: Db, id: number): void {
  db.prepare('DELETE FROM batches WHERE id = ?').run(id);
}

export function listBatches(db: Db): BatchRow[] {
  return db.prepare<[], BatchRow>('SELECT * FROM batches ORDER BY id').all();
}
