/**
 * `prakerja purge`: deletes whole batches chosen by a retention rule, with everything derived from their
 * rows, and compacts the file so the data is gone from disk, not just unlisted.
 */
import { readdirSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { InterruptedError, UsageError } from '../errors.js';
import { t } from '../i18n/index.js';
import { checkInterrupt } from '../interrupt.js';
import { resolveRecords } from '../resolve/index.js';
import type { Db } from '../store/database.js';
import { batchesToPurge, compactDatabase, countLinksOfBatches, deleteBatches, niksOnlyIn, type Compaction, type PurgeBatchRow, type PurgeSelection } from '../store/purge.js';
import { getSetting, setSetting } from '../store/settings.js';
import { inTransaction } from '../store/transaction.js';
import { testPause } from '../test-hooks.js';
import { checkBatchExists } from './known-batch.js';
import { parseSourceWord } from './source-word.js';

export interface PurgeOptions {
  batch?: number;
  /** YYYY-MM-DD: batches imported before this day of the local clock. */
  before?: string;
  source?: string;
  /** Say what would be deleted; delete nothing. */
  dryRun?: boolean;
  /** The database file: its size before and after, and the bytes searched for purged NIKs. */
  path?: string;
  /** How long compaction waits for another process reading the file (default 5 s); tests shorten it. */
  checkpointWaitMs?: number;
}

/** What an earlier purge that was stopped (killed, a reader holding the file) had left. */
export interface EarlierPurge {
  batches: number[];
  /** 'started': stopped before its delete was committed (nothing deleted); 'deleted': stopped before the file was compacted. */
  stage: 'started' | 'deleted';
}

export interface PurgeResult {
  dryRun: boolean;
  batches: PurgeBatchRow[];
  records: number;
  rejects: number;
  links: number;
  /** File size in bytes before and after VACUUM; null when no path was given or nothing was deleted. */
  bytesBefore: number | null;
  bytesAfter: number | null;
  /**
   * Copies made before schema upgrades (`FILE.vN.bak`): purge does not touch them, and they still hold
   * whatever they held then. Listed so the retention rule can be applied to them too.
   */
  backups: string[];
  /** The state an earlier, stopped purge left, found and finished by this run; null when there was none. */
  earlier: EarlierPurge | null;
  /** NIKs that only the purged batches held, which must be gone from the file; null when nothing was compacted. */
  purgedNiks: number | null;
  /**
   * Whether the deleted data is gone from the disk: the WAL emptied into the file, and none of the purged
   * NIKs found in the bytes of the file or its WAL. Null when nothing was deleted or compacted.
   */
  compaction: (Compaction & { complete: boolean }) | null;
}

const STATE_KEY = 'purge_state';

/**
 * Deletes the batches that match every given condition, rebuilds the persons from what is left (both in
 * one transaction), and compacts the file, checking that the purged NIKs are gone from its bytes. A purge
 * that was stopped is finished by the next one, which says what it found.
 * @example purgeBatches(db, { before: '2025-01-01', source: 'walkin' }) // walk-in logs imported before 2025
 */
export function purgeBatches(db: Db, options: PurgeOptions): PurgeResult {
  const selection = checkPurgeOptions(options);
  const earlier = earlierPurge(db);
  // A batch an earlier purge deleted but did not finish compacting: the same command again finishes it.
  if (selection.batch !== undefined && !(earlier?.stage === 'deleted' && earlier.batches.includes(selection.batch))) checkBatchExists(db, selection.batch);
  // `--before` is a day of the office's clock, as `status` shows import times; the store holds UTC instants.
  const batches = batchesToPurge(db, { ...selection, before: selection.before === undefined ? undefined : localDayStart(selection.before) });
  const ids = batches.map((b) => b.id);
  const result: PurgeResult = {
    dryRun: options.dryRun === true,
    batches,
    records: batches.reduce((n, b) => n + b.records, 0),
    rejects: batches.reduce((n, b) => n + b.rejects, 0),
    links: countLinksOfBatches(db, ids),
    bytesBefore: null,
    bytesAfter: null,
    backups: options.path ? migrationBackups(options.path) : [],
    earlier,
    purgedNiks: null,
    compaction: null,
  };
  if (options.dryRun) return result;
  // Nothing to delete, and no compaction owed by an earlier purge: nothing to do.
  if (ids.length === 0 && earlier?.stage !== 'deleted') {
    if (earlier) setSetting(db, STATE_KEY, '');
    return result;
  }
  const size = () => (options.path ? statSync(options.path).size : null);
  result.bytesBefore = size();
  // Read before deleting, kept only in memory: what to look for in the file's bytes afterwards.
  const niks = niksOnlyIn(db, ids);
  if (ids.length > 0) {
    // Recorded (committed) first, so that a run killed before the delete is committed is seen by the next.
    checkInterrupt();
    saveState(db, { batches: ids, stage: 'started' });
    try {
      inTransaction(
        db,
        () => {
          deleteBatches(db, ids);
          testPause('purge-rebuild');
          checkInterrupt();
        // A deleted record may have been the only evidence joining two others into one person: rebuild
        // persons from what is left, in the same transaction, so no state has deleted records and old persons.
          resolveRecords(db);
          saveState(db, { batches: [...(earlier?.stage === 'deleted' ? earlier.batches : []), ...ids], stage: 'deleted' });
        },
        { immediate: true },
      );
    } catch (error) {
      if (error instanceof InterruptedError) throw new InterruptedError(undefined, t.recovery.interruptedPurge(), error.signal);
      throw error;
    }
  }
  testPause('purge-compact');
  let compaction: Compaction;
  try {
    checkInterrupt();
    compaction = compactDatabase(db, options.path ?? null, niks, options.checkpointWaitMs ?? 5_000);
  } catch (error) {
    // Deleted and committed; the state kept says the next purge compacts.
    if (error instanceof InterruptedError) throw new InterruptedError(undefined, t.recovery.interruptedCompaction(), error.signal);
    throw error;
  }
  const complete = compaction.checkpointed && compaction.left.any === 0;
  // Kept until compaction is complete, so the next purge retries it.
  if (complete) setSetting(db, STATE_KEY, '');
  result.purgedNiks = niks.size;
  result.compaction = { ...compaction, complete };
  result.bytesAfter = size();
  return result;
}

function saveState(db: Db, state: EarlierPurge): void {
  setSetting(db, STATE_KEY, JSON.stringify(state));
}

function earlierPurge(db: Db): EarlierPurge | null {
  const text = getSetting(db, STATE_KEY);
  if (!text) return null;
  const parsed: unknown = JSON.parse(text);
  if (typeof parsed !== 'object' || parsed === null || !('stage' in parsed) || !('batches' in parsed)) return null;
  const { stage, batches } = parsed;
  if ((stage !== 'started' && stage !== 'deleted') || !Array.isArray(batches)) return null;
  return { stage, batches: batches.filter((b): b is number => typeof b === 'number') };
}

/**
 * Checks that the options select something, validly; callable before the database is opened, so a wrong
 * command line is a usage error even where there is no database yet.
 * @example checkPurgeOptions({ source: 'walkin' }) // { batch: undefined, before: undefined, source: 'walkin' }
 */
export function checkPurgeOptions(options: PurgeOptions): PurgeSelection {
  if (options.batch === undefined && options.before === undefined && options.source === undefined) {
    throw new UsageError(t.purge.sayWhat());
  }
  if (options.batch !== undefined && (!Number.isInteger(options.batch) || options.batch < 1)) {
    throw new UsageError(t.rejects.badBatch({ option: '--batch', value: String(options.batch) }));
  }
  if (options.before !== undefined && !isIsoDate(options.before)) {
    throw new UsageError(t.purge.badBefore(options.before));
  }
  const source = options.source === undefined ? undefined : parseSourceWord(options.source);
  return { batch: options.batch, before: options.before, source };
}

function migrationBackups(path: string): string[] {
  const prefix = `${basename(path)}.v`;
  return readdirSync(dirname(path))
    .filter((name) => name.startsWith(prefix) && /\.v\d+\.bak$/.test(name))
    .sort()
    .map((name) => join(dirname(path), name));
}

/** The UTC instant (ISO, as `batches.imported_at`) at which local day `YYYY-MM-DD` begins. */
function localDayStart(day: string): string {
  const [y = 0, m = 1, d = 1] = day.split('-').map(Number);
  return new Date(y, m - 1, d).toISOString();
}

function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(text);
}
