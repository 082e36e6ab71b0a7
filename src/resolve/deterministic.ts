/**
 * The deterministic pass: the same valid NIK is one person when the names are compatible (`exact_nik`,
 * certain), a conflict otherwise (`same_nik_other_name`: reported, never merged). Within a NIK, records are
 * grouped by name against the first record of each group.
 */
import { compareName, compareRecords, namesCompatible, type Levels, type ResolveRecord } from './comparison.js';
import { KeyGroups } from './groups.js';
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
  // Records of one NIK grouped over typed arrays (groups.ts), not a Map of a million NIKs: memory.
  new KeyGroups(records.length).each(
    (i) => {
      const nik = records[i]?.nik;
      return nik ? nik : null;
    },
    (list) => {
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
    },
  );
  return { links, cannotLink };
}
