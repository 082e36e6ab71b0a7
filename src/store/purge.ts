/** The SQL of `prakerja purge`: which batches a retention rule selects, deleting them, compacting the file. */
import { closeSync, openSync, readSync } from 'node:fs';
import { checkInterrupt } from '../interrupt.js';
import type { SourceKind } from './batches.js';
import type { Db } from './database.js';

export interface PurgeSelection {
  batch?: number;
  /** ISO instant: batches imported before it (commands/purge.ts passes the start of a local day). */
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
 * Deletes the batches with their records, rejects and links (ON DELETE CASCADE), with secure_delete on so
 * the freed cells are overwritten with zeros rather than left readable in the file. Call it inside the
 * transaction that also rebuilds the persons (see commands/purge.ts).
 */
export function deleteBatches(db: Db, ids: readonly number[]): void {
  db.pragma('secure_delete = ON');
  const remove = db.prepare('DELETE FROM batches WHERE id = ?');
  for (const id of ids) remove.run(id);
}

/** 16 digits in a row: a NIK as stored (canonical, or raw text that is only digits). */
const NIK_RUN = /\d{16,}/g;

function addNiks(into: Set<string>, text: string | null): void {
  if (text === null) return;
  for (const run of text.match(NIK_RUN) ?? []) for (let i = 0; i + 16 <= run.length; i++) into.add(run.slice(i, i + 16));
}

/**
 * The NIKs only these batches hold: what must be gone from the file once they are purged. A NIK that some
 * other batch also holds (the same person in another list) stays, rightly, and is not counted.
 */
export function niksOnlyIn(db: Db, ids: readonly number[]): Set<string> {
  const list = JSON.stringify(ids);
  const inSome = (sql: string, args: unknown[]): Set<string> => {
    const out = new Set<string>();
    for (const row of db.prepare<unknown[], { a: string | null; b: string | null }>(sql).iterate(...args)) {
      addNiks(out, row.a);
      addNiks(out, row.b);
    }
    return out;
  };
  const batches = 'SELECT value FROM json_each(?)';
  const purged = inSome(
    `SELECT nik AS a, nik_raw AS b FROM records WHERE batch_id IN (${batches})
     UNION ALL SELECT raw AS a, message AS b FROM rejects WHERE batch_id IN (${batches})`,
    [list, list],
  );
  if (purged.size === 0) return purged;
  const kept = inSome(
    `SELECT nik AS a, nik_raw AS b FROM records WHERE batch_id NOT IN (${batches})
     UNION ALL SELECT raw AS a, message AS b FROM rejects WHERE batch_id NOT IN (${batches})`,
    [list, list],
  );
  for (const nik of kept) purged.delete(nik);
  return purged;
}

export interface Compaction {
  /** The WAL could be emptied: no other connection was reading an older state of the file. */
  checkpointed: boolean;
  /** Purged NIKs still found in the bytes of the database file, of its WAL, and in either. */
  left: { main: number; wal: number; any: number };
}

/**
 * Rebuilds the file without the free pages (VACUUM), then copies the WAL into it and truncates the WAL,
 * which would otherwise still hold copies of the deleted pages; then reads the bytes of both files and
 * counts the purged NIKs still in them. A connection reading an older state (a long report, a backup)
 * blocks the checkpoint: the old pages then stay in the file until it is done, and this says so.
 */
export function compactDatabase(db: Db, path: string | null, niks: ReadonlySet<string>, waitMs: number): Compaction {
  db.exec('VACUUM');
  checkInterrupt();
  // Wait for readers a little, not the 30 s a writer waits for another writer.
  const before = Number(db.pragma('busy_timeout', { simple: true }));
  db.pragma(`busy_timeout = ${Math.max(0, Math.floor(waitMs))}`);
  let busy: number;
  try {
    const row = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
    busy = row[0]?.busy ?? 0;
  } finally {
    db.pragma(`busy_timeout = ${before}`);
  }
  const main = path === null ? new Set<string>() : niksInFile(path, niks);
  const wal = path === null ? new Set<string>() : niksInFile(`${path}-wal`, niks);
  return { checkpointed: busy === 0, left: { main: main.size, wal: wal.size, any: new Set([...main, ...wal]).size } };
}

/** The NIKs of `niks` in the bytes of a file (read in chunks; a run may cross a chunk boundary). */
export function niksInFile(path: string, niks: ReadonlySet<string>): Set<string> {
  const found = new Set<string>();
  if (niks.size === 0) return found;
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return found; // No WAL file: nothing in it.
  }
  const chunk = Buffer.alloc(8 << 20);
  let carry = '';
  try {
    for (;;) {
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      const text = carry + chunk.toString('latin1', 0, n);
      for (const run of text.match(NIK_RUN) ?? []) {
        for (let i = 0; i + 16 <= run.length; i++) {
          const nik = run.slice(i, i + 16);
          if (niks.has(nik)) found.add(nik);
        }
      }
      carry = text.slice(-15);
    }
  } finally {
    closeSync(fd);
  }
  return found;
}
