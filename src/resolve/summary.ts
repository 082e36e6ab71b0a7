/** Summaries of a resolution: persons, persons listed twice in one wave, walk-in visitors found in a list. */
import type { ResolveRecord } from './comparison.js';

export interface ResolutionSummary {
  persons: number;
  /** Persons with two or more central rows of the same wave (a recipient is listed once per wave). */
  duplicatePersons: number;
  /** Persons with records from both the walk-in book and the central or provincial list. */
  walkinRecipients: number;
}

/**
 * @example summarise(records, clusters.root).persons
 */
export function summarise(records: readonly ResolveRecord[], root: Int32Array): ResolutionSummary {
  // Flat arrays indexed by root rather than a Map of Sets per person: a million persons in a few MB.
  const sources = new Uint8Array(records.length);
  const personWave = new Set<number>();
  const duplicates = new Set<number>();
  let persons = 0;
  for (let i = 0; i < records.length; i++) {
    const r = records[i];
    const p = root[i] ?? i;
    if (!r) continue;
    if (p === i) persons++;
    sources[p] = (sources[p] ?? 0) | (r.source === 'walkin' ? 1 : 2);
    if (r.source === 'central') {
      const key = p * 1024 + ((r.wave ?? 0) % 1024);
      if (personWave.has(key)) duplicates.add(p);
      personWave.add(key);
    }
  }
  let walkinRecipients = 0;
  for (const s of sources) if (s === 3) walkinRecipients++;
  return { persons, duplicatePersons: duplicates.size, walkinRecipients };
}
