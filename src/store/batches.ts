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
