/**
 * Blocking: which pairs of records are worth comparing. Comparing every pair of a million records is 5·10¹¹
 * comparisons; each rule below puts records with an equal key in one block and only pairs inside a block
 * are compared, so the work stays near-linear.
 *
 * A NIK is `PPKKCC DDMMYY SSSS`: region, birth date, serial. One mistyped digit or one swap of neighbours
 * leaves at least one of region+date, date+serial or region+serial intact, so three keys find every
 * one-edit pair (a swap across a group boundary breaks two groups; `name_region` catches those when the
 * name agrees). That costs three keys per record instead of the 16 "NIK with one position masked" keys of
 * the textbook deletion-neighbourhood, which at a million rows is the difference between 3 M and 16 M keys.
 * Region+serial alone makes huge blocks (serials 0001–0005 are shared by thousands in one kecamatan), so it
 * also carries the name's phonetic key. Keying it by the initials of that key instead (so that a typo inside
 * a word is still compared) was tried and taken back: at 20k it found 3 more true pairs, but it tripled the
 * rule's pairs and at 1.1 M blocking and scoring went 9.7 → 15 s (blocks by initials grow with the list).
 */
import type { BlockingRule } from '../store/resolve.js';
import { compareNik, fullDigits, type ResolveRecord } from './comparison.js';
import { KeyGroups } from './groups.js';

export type { BlockingRule } from '../store/resolve.js';

export interface BlockingOptions {
  /** Called every few hundred blocks: a long blocking pass can be stopped there (it throws). */
  step?: () => void;
  /**
   * Largest block compared in full. Name blocks are capped much lower (50): a name shared by more than a
   * few people cannot link a record on its own (its term-frequency weight is below the prior), so skipping
   * such blocks loses almost no link the model would have made — and it keeps the work linear, since a
   * name block grows with the list and its pairs with the square of that.
   */
  maxBlock?: number;
  maxNameBlock?: number;
  /**
   * When given, exactly these blocks are capped, whatever their size among the records given: a part of the
   * records (a partition, the records an import touches) is then capped as the whole was, and between two
   * full resolves the caps stay as the last one learnt them (resolve/snapshot.ts). Without it, a block is
   * capped when it is larger than its cap.
   */
  capped?: CappedKeys;
  /** Told of every block capped in this run, with its size (how a full resolve learns the caps). */
  onCapped?: (rule: BlockingRule, key: string, size: number) => void;
}

/** Per blocking rule, the keys of the blocks skipped as too large. */
export type CappedKeys = Readonly<Record<BlockingRule, ReadonlySet<string>>>;

/** No block capped: the caps of a run that learns them start here. */
export function noCaps(): Record<BlockingRule, Set<string>> {
  return {
    nik_region_date: new Set(),
    nik_date_serial: new Set(),
    nik_region_serial_name: new Set(),
    nik_group_swap: new Set(),
    name_region: new Set(),
    name: new Set(),
    phone: new Set(),
  };
}

export interface BlockingStats {
  pairs: Record<BlockingRule, number>;
  /** Blocks skipped because they were larger than the cap, and the records in them. */
  capped: Record<BlockingRule, { blocks: number; records: number }>;
}

/** A block key function: null when the rule does not apply to the record. `sp` is its sorted phonetic key. */
type KeyOf = (r: ResolveRecord, sp: string) => string | null;

/** The phonetic codes in sorted order, so that swapped names share a key. */
export function sortedPhonetic(phonetic: string): string {
  const space = phonetic.indexOf(' ');
  if (space < 0) return phonetic;
  // Two words (most names): ordered without an array.
  if (phonetic.indexOf(' ', space + 1) < 0) {
    const a = phonetic.slice(0, space);
    const b = phonetic.slice(space + 1);
    return b < a ? `${b} ${a}` : phonetic;
  }
  return phonetic.split(' ').sort().join(' ');
}

/**
 * Leading digits known for sure: all of a full NIK; of a damaged one with a range (scientific notation, a
 * spreadsheet's 15-digit copy), the digits every NIK of its range shares — so a carry (…4395 → …4400) that
 * changed the copy's digits does not move it to another block; else its trusted hint.
 */
function knownPrefix(r: ResolveRecord): string {
  const d = fullDigits(r);
  if (d !== null) return d;
  if (r.nikRange !== null) {
    const common = commonPrefix(r.nikRange.low, r.nikRange.high);
    // A copy ending in 0000 reaches down into the day before (…9995): it still blocks by the date it shows,
    // since a serial of 9995 or more is rare and the name rules still see such a pair.
    return common.length >= 12 || (r.nikHint?.length ?? 0) < 12 ? common : r.nikRange.high.slice(0, 12);
  }
  return r.nikHint ?? '';
}

function commonPrefix(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return a.slice(0, i);
}

const hasNoValidNik = (r: Pick<ResolveRecord, 'nik'>): boolean => r.nik === null;
/** Stands for a record missing from the list (never the case): tried as the loop always did. */
const OPEN = { nik: null };

/**
 * `nameOnly` rules are for records the NIK rules cannot place (no valid NIK on at least one side): they are
 * capped low and skip pairs of two valid NIKs, which the NIK rules already compared.
 */
/**
 * The NIK rules only hand on pairs whose NIKs are not plainly different: in a city's list thousands share a
 * birth date and serial 0001, and checking a few digits here is far cheaper than a pair's full journey.
 */
const nikNotDifferent = (a: ResolveRecord, b: ResolveRecord): boolean => compareNik(a, b) !== 'different';

/** The group boundaries a swap of two neighbours crosses: …C|D… (positions 5–6) and …Y|S… (11–12). */
export const SWAP_AT = [5, 11] as const;

/** The digits with those at `at` and `at + 1` traded; null when they are equal (no other NIK). */
export function swapAt(d: string, at: number): string | null {
  const a = d[at];
  const b = d[at + 1];
  if (a === undefined || b === undefined || a === b) return null;
  return `${d.slice(0, at)}${b}${a}${d.slice(at + 2)}`;
}

/**
 * The pairs of a `nik_group_swap` block (positions a < b, in the order a double loop meets them) whose
 * digits are each other's boundary swap: the only pairs its filter lets through. Found by looking the two
 * swaps of each member up, not by trying every pair: such a block drops four digits and grows with the
 * list (324 records at 1.1 M, 28 M pairs tried for 24 k kept).
 */
function swapPairs(block: readonly number[], records: readonly ResolveRecord[]): number[] {
  const positions = new Map<string, number[]>();
  const digits: (string | null)[] = [];
  for (let p = 0; p < block.length; p++) {
    const r = records[block[p] ?? 0];
    const d = r === undefined ? null : fullDigits(r);
    digits.push(d);
    if (d === null || d.length !== 16) continue;
    const list = positions.get(d);
    if (list) list.push(p);
    else positions.set(d, [p]);
  }
  const found: number[] = [];
  for (let p = 0; p < digits.length; p++) {
    const d = digits[p];
    if (d === null || d === undefined || d.length !== 16) continue;
    for (const at of SWAP_AT) {
      const swapped = swapAt(d, at);
      for (const q of (swapped === null ? undefined : positions.get(swapped)) ?? []) if (q > p) found.push(p * block.length + q);
    }
  }
  return found.sort((x, y) => x - y);
}

/** Whether two 16-digit strings differ only by the two digits at positions 5–6 or 11–12 trading places. */
function swappedAtBoundary(a: string | null, b: string | null): boolean {
  if (a === null || b === null || a.length !== 16 || b.length !== 16 || a === b) return false;
  for (const at of SWAP_AT) {
    if (a[at] === b[at + 1] && a[at + 1] === b[at] && a.slice(0, at) === b.slice(0, at) && a.slice(at + 2) === b.slice(at + 2)) return true;
  }
  return false;
}

export interface Rule {
  rule: BlockingRule;
  key: KeyOf;
  nameOnly?: boolean;
  filter?: (a: ResolveRecord, b: ResolveRecord) => boolean;
  /**
   * The pairs of a block worth trying, as `a * block.length + b` (positions, a < b), ascending: every pair
   * the filter can let through, found without trying all. Absent: every pair is tried.
   */
  pairsIn?: (block: readonly number[], records: readonly ResolveRecord[]) => number[];
  /**
   * The key as an exact whole number, for grouping without making strings (KeyGroups.eachCode): -1 where
   * `key` is null, two records' codes equal exactly when their keys are, NaN when a key cannot be so
   * written (a character not a digit; too many names to number): the rule then groups by `key`. `spId`
   * numbers the record's sorted phonetic key (equal keys, equal numbers), `names` how many there are.
   */
  code?: (r: ResolveRecord, spId: number, names: number) => number;
}

/** The digits of `s` from `from` to `to` as a number (leading zeros fixed by the length), NaN if one is not a digit. */
function digitsValue(s: string, from: number, to: number): number {
  let v = 0;
  for (let i = from; i < to; i++) {
    const d = s.charCodeAt(i) - 48;
    if (!(d >= 0 && d <= 9)) return NaN;
    v = v * 10 + d;
  }
  return v;
}

/** The number of the empty sorted phonetic key (a name of no sound): the others are numbered from 1. */
const EMPTY_NAME = 0;

/** The most sorted phonetic keys the name codes can number: 10 digits and a name's number stay below 2^53. */
const MAX_NAME_IDS = Math.floor(Number.MAX_SAFE_INTEGER / 1e10);

export const RULES: readonly Rule[] = [
  {
    rule: 'nik_region_date',
    filter: nikNotDifferent,
    key: (r) => {
      const p = knownPrefix(r);
      return p.length >= 12 ? p.slice(0, 12) : null;
    },
    code: (r) => {
      const p = knownPrefix(r);
      return p.length >= 12 ? digitsValue(p, 0, 12) : -1;
    },
  },
  {
    rule: 'nik_date_serial',
    filter: nikNotDifferent,
    // The last ten digits, also of a NIK with a region digit dropped or doubled (15 or 17 digits).
    key: (r) => {
      const d = fullDigits(r);
      return d !== null && d.length >= 15 && d.length <= 17 ? d.slice(-10) : null;
    },
    code: (r) => {
      const d = fullDigits(r);
      return d !== null && d.length >= 15 && d.length <= 17 ? digitsValue(d, d.length - 10, d.length) : -1;
    },
  },
  {
    rule: 'nik_region_serial_name',
    filter: nikNotDifferent,
    key: (r, sp) => {
      const d = fullDigits(r);
      return d !== null && d.length >= 15 && d.length <= 17 ? `${d.slice(0, 6)}${d.slice(-4)}|${sp}` : null;
    },
    code: (r, spId, names) => {
      const d = fullDigits(r);
      if (d === null || d.length < 15 || d.length > 17) return -1;
      return names > MAX_NAME_IDS ? NaN : spId * 1e10 + digitsValue(d, 0, 6) * 1e4 + digitsValue(d, d.length - 4, d.length);
    },
  },
  {
    // Two neighbours swapped across a group boundary (…DDMMY|Y SSSS or PPKKC|C DDMMYY) break two of the
    // keys above, and name_region only looks at records without a valid NIK: the NIK with the four digits
    // at the two boundaries left out still agrees.
    rule: 'nik_group_swap',
    // Only the swaps themselves: one digit off at a boundary (day 05/15, year 1990/1991) is a neighbour by
    // birth, thousands of pairs at national scale, and the other keys already see it when the name agrees.
    filter: (a, b) => swappedAtBoundary(fullDigits(a), fullDigits(b)),
    pairsIn: swapPairs,
    key: (r) => {
      const d = fullDigits(r);
      return d !== null && d.length === 16 ? `${d.slice(0, 5)}${d.slice(7, 11)}${d.slice(13)}` : null;
    },
    code: (r) => {
      const d = fullDigits(r);
      return d !== null && d.length === 16 ? digitsValue(d, 0, 5) * 1e7 + digitsValue(d, 7, 11) * 1e3 + digitsValue(d, 13, 16) : -1;
    },
  },
  {
    // A scientific-notation mantissa, a dropped digit, a swap across groups: the regency and the name.
    rule: 'name_region',
    key: (r, sp) => {
      const p = knownPrefix(r);
      return p.length >= 4 ? `${p.slice(0, 4)}|${sp}` : null;
    },
    code: (r, spId) => {
      const p = knownPrefix(r);
      return p.length >= 4 ? spId * 1e4 + digitsValue(p, 0, 4) : -1;
    },
    nameOnly: true,
  },
  {
    // Guest-book rows without a NIK: the name is all there is.
    rule: 'name',
    key: (r, sp) => (sp === '' ? null : sp),
    code: (r, spId) => (spId === EMPTY_NAME ? -1 : spId),
    nameOnly: true,
  },
  {
    rule: 'phone',
    key: (r) => (r.phone !== null && r.phone.length >= 8 ? r.phone : null),
  },
];

/**
 * Calls `emit(i, j, rule)` once for every candidate pair of record indices (i < j), by the first rule that
 * finds it. Pairs of records with the same valid NIK are left out: the deterministic pass decides those.
 *
 * @example
 * blockPairs(records, (i, j, rule) => pairs.push([i, j, rule]));
 */
export function blockPairs(
  records: readonly ResolveRecord[],
  emit: (i: number, j: number, rule: BlockingRule) => void,
  options: BlockingOptions = {},
): BlockingStats {
  const maxBlock = options.maxBlock ?? 1000;
  const maxNameBlock = options.maxNameBlock ?? 50;
  const stats: BlockingStats = {
    pairs: { nik_region_date: 0, nik_date_serial: 0, nik_region_serial_name: 0, nik_group_swap: 0, name_region: 0, name: 0, phone: 0 },
    capped: {
      nik_region_date: { blocks: 0, records: 0 },
      nik_date_serial: { blocks: 0, records: 0 },
      nik_region_serial_name: { blocks: 0, records: 0 },
      nik_group_swap: { blocks: 0, records: 0 },
      name_region: { blocks: 0, records: 0 },
      name: { blocks: 0, records: 0 },
      phone: { blocks: 0, records: 0 },
    },
  };

  // One sorted key per distinct phonetic key, shared by the records that have it (a million copies else),
  // and a number per distinct sorted key, for the rules' codes.
  const sorted = new Map<string, string>();
  const numbers = new Map<string, number>([['', EMPTY_NAME]]);
  const spIds = new Int32Array(records.length);
  const sp = records.map((r, i) => {
    let k = sorted.get(r.namePhonetic);
    if (k === undefined) {
      k = sortedPhonetic(r.namePhonetic);
      sorted.set(r.namePhonetic, k);
    }
    let id = numbers.get(k);
    if (id === undefined) {
      id = numbers.size;
      numbers.set(k, id);
    }
    spIds[i] = id;
    return k;
  });
  const names = numbers.size;
  sorted.clear();
  numbers.clear();
  // Blocks by sorting hashes in typed arrays, not a Map of key → members per rule (groups.ts: memory).
  const groups = new KeyGroups(records.length);
  // Per rule, the keys of the blocks it skipped as too large (few: the commonest names and serials).
  const cappedKeys: Set<string>[] = [];
  for (let ruleIndex = 0; ruleIndex < RULES.length; ruleIndex++) {
    const { rule, key, nameOnly, filter, pairsIn, code } = RULES[ruleIndex] ?? { rule: 'name', key: () => null };
    // A pair an earlier rule also blocks together was already emitted there (Splink's "AND NOT earlier
    // rules"): checked by recomputing keys, so no set of millions of pairs is held in memory.
    // A block an earlier rule skipped as too large, or a pair its nameOnly condition left out, was not
    // compared there: without this, two visits of SITI AMINAH with one phone number were never compared.
    const earlier = RULES.slice(0, ruleIndex);
    const foundBefore = (x: ResolveRecord, i: number, y: ResolveRecord, j: number): boolean =>
      earlier.some((e, ei) => {
        const kx = e.key(x, sp[i] ?? '');
        if (kx === null || kx !== e.key(y, sp[j] ?? '') || cappedKeys[ei]?.has(kx) === true) return false;
        if (e.nameOnly && !hasNoValidNik(x) && !hasNoValidNik(y)) return false;
        return !e.filter || e.filter(x, y);
      });
    const cap = nameOnly ? maxNameBlock : maxBlock;
    const frozen = options.capped?.[rule];
    const keyOf = (i: number): string | null => {
      const r = records[i];
      return r === undefined ? null : key(r, sp[i] ?? '');
    };
    let blocks = 0;
    const capped = new Set<string>();
    cappedKeys.push(capped);
    const visit = (block: readonly number[]): void => {
      // With frozen caps a block is capped when it is among them, whatever its size here.
      const k0 = frozen || block.length > cap ? (keyOf(block[0] ?? 0) ?? '') : '';
      if (frozen ? frozen.has(k0) : block.length > cap) {
        capped.add(k0);
        stats.capped[rule].blocks++;
        stats.capped[rule].records += block.length;
        options.onCapped?.(rule, k0, block.length);
        return;
      }
      if (options.step && ++blocks % 256 === 0) options.step();
      const tryPair = (i: number, j: number): void => {
        const ri = records[i];
        const rj = records[j];
        if (ri === undefined || rj === undefined) return;
        if (ri.nik !== null && ri.nik === rj.nik) return;
        if (filter && !filter(ri, rj)) return;
        if (foundBefore(ri, i, rj, j)) return;
        stats.pairs[rule]++;
        emit(Math.min(i, j), Math.max(i, j), rule);
      };
      if (pairsIn) {
        for (const ab of pairsIn(block, records)) tryPair(block[Math.floor(ab / block.length)] ?? 0, block[ab % block.length] ?? 0);
        return;
      }
      // Name blocks are for records without a valid NIK; pairs of valid NIKs are the NIK rules' work. So a
      // member with a valid NIK is tried only against the members without one (in the same order).
      const open: number[] = [];
      if (nameOnly) for (let b = 0; b < block.length; b++) if (hasNoValidNik(records[block[b] ?? 0] ?? OPEN)) open.push(b);
      for (let a = 0; a < block.length; a++) {
        const i = block[a] ?? 0;
        if (nameOnly && !hasNoValidNik(records[i] ?? OPEN)) {
          for (const b of open) if (b > a) tryPair(i, block[b] ?? 0);
          continue;
        }
        for (let b = a + 1; b < block.length; b++) tryPair(i, block[b] ?? 0);
      }
    };
    const codeOf = (i: number): number => {
      const r = records[i];
      return r === undefined || code === undefined ? -1 : code(r, spIds[i] ?? EMPTY_NAME, names);
    };
    // The same groups either way, in the same order: by the key's number where every record's key has one.
    if (code === undefined || !groups.eachCode(codeOf, visit)) groups.each(keyOf, visit);
  }
  return stats;
}
