/**
 * The persons a resolution makes. The other counts a person reads (walk-in visitors found in the lists,
 * persons listed twice, pairs to review) are read back from the store after writing (store/reports.ts
 * `personCountsSql`, store/resolve.ts `reviewCounts`), the same queries status and the reports use.
 */
import type { ResolveRecord } from './comparison.js';

export interface ResolutionSummary {
  persons: number;
}

/**
 * @example summarise(records, clusters.root).persons
 */
export function summarise(records: readonly ResolveRecord[], root: Int32Array): ResolutionSummary {
  let persons = 0;
  for (let i = 0; i < records.length; i++) if (records[i] && (root[i] ?? i) === i) persons++;
  return { persons };
}
