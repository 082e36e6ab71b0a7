/** `prakerja resolve`: rebuild every person and link from the stored records and review decisions. */
import { InterruptedError, UsageError } from '../errors.js';
import { t } from '../i18n/index.js';
import type { Db } from '../store/database.js';
import { countUnresolved } from '../store/records.js';
import { resolveRecords, type ResolveResult } from '../resolve/index.js';

export interface ResolveCommandOptions {
  /** SIGINT/SIGTERM: stop without writing. */
  signal?: AbortSignal;
  /** `--parts N` as typed: resolve in parts of at most N records (resolve/partition.ts); default as ResolveOptions says. */
  parts?: string;
}

export type ResolveCommandResult = ResolveResult & {
  /** Records that had no person before this run: an earlier run stopped after its commit, or --no-resolve. */
  pendingBefore: number;
};

/**
 * @example const result = runResolve(db); result.persons
 */
export function runResolve(db: Db, options: ResolveCommandOptions = {}): ResolveCommandResult {
  const pendingBefore = countUnresolved(db);
  try {
    if (options.parts !== undefined && !/^[1-9]\d*$/.test(options.parts.trim())) throw new UsageError(t.resolve.badParts(options.parts));
    const partRecords = options.parts === undefined ? undefined : Number(options.parts);
    return { ...resolveRecords(db, { signal: options.signal, partRecords }), pendingBefore };
  } catch (error) {
    // Rolled back whole: say that the persons are as they were.
    if (error instanceof InterruptedError) throw new InterruptedError(undefined, t.recovery.interruptedResolve(), error.signal);
    throw error;
  }
}
