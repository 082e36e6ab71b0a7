/**
 * `prakerja purge`: deletes whole batches chosen by a retention rule, with everything derived from their
 * rows, and compacts the file so the data is gone from disk, not just unlisted.
 */
import { readdirSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { UsageError } from '../errors.js';
import { SOURCE_KINDS, type SourceKind } from '../store/batches.js';
import { resolveRecords } from '../resolve/index.js';
import type { Db } from '../store/database.js';
import { batchesToPurge, compactDatabase, countLinksOfBatches, deleteBatches, type PurgeBatchRow, type PurgeSelection } from '../store/purge.js';

export interface PurgeOptions {
  batch?: number;
  /** YYYY-MM-DD: batches imported before this day (UTC). */
  before?: string;
  source?: string;
  /** Say what would be deleted; delete nothing. */
  dryRun?: boolean;
  /** The database file, to report its size before and after. */
  path?: string;
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
}

/**
 * Deletes the batches that match every given condition.
 * @example purgeBatches(db, { before: '2025-01-01', source: 'walkin' }) // walk-in logs imported before 2025
 */
export function purgeBatches(db: Db, options: PurgeOptions): PurgeResult {
  const selection = checkPurgeOptions(options);
  const batches = batchesToPurge(db, selection);
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
  };
  if (options.dryRun || ids.length === 0) return result;
  const size = () => (options.path ? statSync(options.path).size : null);
  result.bytesBefore = size();
  deleteBatches(db, ids);
  // A deleted record may have been the only evidence joining two others into one person: rebuild persons
  // from what is left, so no report keeps counting a link whose evidence is gone.
  resolveRecords(db, { mode: 'full' });
  compactDatabase(db);
  result.bytesAfter = size();
  return result;
}

/**
 * Checks that the options select something, validly; callable before the database is opened, so a wrong
 * command line is a usage error even where there is no database yet.
 * @example checkPurgeOptions({ source: 'walkin' }) // { batch: undefined, before: undefined, source: 'walkin' }
 */
export function checkPurgeOptions(options: PurgeOptions): PurgeSelection {
  if (options.batch === undefined && options.before === undefined && options.source === undefined) {
    throw new UsageError('say what to purge: --batch ID, --before YYYY-MM-DD or --source central|province|walkin (they combine). Example: prakerja purge --before 2025-01-01 --dry-run');
  }
  if (options.batch !== undefined && (!Number.isInteger(options.batch) || options.batch < 1)) {
    throw new UsageError(`--batch ${options.batch}: give a batch number from \`prakerja status\`.`);
  }
  if (options.before !== undefined && !isIsoDate(options.before)) {
    throw new UsageError(`--before ${options.before}: give a date as YYYY-MM-DD, e.g. --before 2025-01-01.`);
  }
  const source = options.source;
  if (source !== undefined && !isSource(source)) {
    throw new UsageError(`--source ${source}: give one of ${SOURCE_KINDS.join(', ')}.`);
  }
  return { batch: options.batch, before: options.before, source };
}

function migrationBackups(path: string): string[] {
  const prefix = `${basename(path)}.v`;
  return readdirSync(dirname(path))
    .filter((name) => name.startsWith(prefix) && /\.v\d+\.bak$/.test(name))
    .sort()
    .map((name) => join(dirname(path), name));
}

function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(text);
}

function isSource(text: string): text is SourceKind {
  return (SOURCE_KINDS as readonly string[]).includes(text);
}
