/** `prakerja resolve`: rebuild every person and link from the stored records and review decisions. */
import type { Db } from '../store/database.js';
import { resolveRecords, type ResolveResult } from '../resolve/index.js';

export interface ResolveCommandOptions {
  /** Only records without a person yet (what import runs); default: rebuild everything. */
  incremental?: boolean;
}

/**
 * @example const result = runResolve(db); result.persons
 */
export function runResolve(db: Db, options: ResolveCommandOptions = {}): ResolveResult {
  return resolveRecords(db, { mode: options.incremental ? 'incremental' : 'full' });
}
