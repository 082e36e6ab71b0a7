/**
 * The deterministic pass: the same valid NIK is one person when the names are compatible (`exact_nik`,
 * certain), a conflict otherwise (`same_nik_other_name`: reported, never merged). Within a NIK, records are
 * grouped by name against the first record of each group.
 */
import { compareName, compareRecords, namesCompatible, type Levels, type ResolveRecord } from './comparison.js';
import type { PendingLink } from './pending.js';
import { scorePair, type ModelParameters, type NameFrequencies } from './scoring.js';

export interface DeterministicResult {
  links: PendingLink[];
  /** Pairs in conflict: never one person, not even through a third record. */
  cannotLink: [number, number][];
}

/**
 * @example deterministicPass(records, freqs, DEFAULT_PARAMETERS).links // exact_nik and conflict links
 */
export function deterministicPass(
  records: readonly ResolveRecord[],
  freqs: NameFrequencies,
  params: ModelParameters,
): DeterministicResult {
  const links: PendingLink[] = [];
  const cannotLink: [number, number][] = [];
  // Records of one NIK as a chain through one Int32Array (the last per NIK in a Map, each pointing to the
  // one before), not an array per NIK: a million one-element arrays were ~80 MB for nothing.
  const lastOf = new Map<string, number>();
  const prev = new Int32Array(records.length).fill(-1);
  for (let i = 0; i < records.length; i++) {
    const nik = records[i]?.nik;
    if (!nik) continue;
    const before = lastOf.get(nik);
    if (before !== undefined) prev[i] = before;
    lastOf.set(nik, i);
  }
  const list: number[] = [];
  for (const end of lastOf.values()) {
    if ((prev[end] ?? -1) < 0) continue;
    list.length = 0;
    for (let i = end; i >= 0; i = prev[i] ?? -1) list.push(i);
    list.reverse();
    const groups: number[] = [];
    for (const i of list) {
      const r = records[i];
      if (!r) continue;
      let joined = false;
      for (const g of groups) {
        const rep = records[g];
        if (!rep) continue;
        const name = compareName(rep.nameKey, r.nameKey, rep.namePhonetic, r.namePhonetic);
        if (namesCompatible(name, rep.nameKey, r.nameKey)) {
          const levels: Levels = { nik: 'exact', name, phone: 'missing' };
          const probability = scorePair(levels, r.nameKey, freqs, params).probability;
          links.push({ l: g, r: i, kind: 'match', rule: 'exact_nik', blocking: null, levels, probability, weight: Infinity });
          joined = true;
          break;
        }
      }
      if (joined) continue;
      for (const g of groups) {
        const rep = records[g];
        if (!rep) continue;
        const levels = compareRecords(rep, r);
        const probability = scorePair(levels, r.nameKey, freqs, params, null, r.wave).probability;
        links.push({ l: g, r: i, kind: 'conflict', rule: 'same_nik_other_name', blocking: null, levels, probability, weight: 0 });
        cannotLink.push([g, i]);
      }
      groups.push(i);
    }
  }
  return { links, cannotLink };
}
