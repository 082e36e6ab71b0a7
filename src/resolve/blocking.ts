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
import { editDistanceAtMost } from '../normalise/similarity.js';
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
    list_serial_wave: new Set(),
    list_scientific_wave: new Set(),
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
  // A block's members share all but the four digits at the boundaries (positions 5, 6, 11, 12): those four,
  // as a number below 10,000, tell each member apart, and a swap trades two of them. -1: not 16 digits.
  const v = new Int32Array(block.length);
  for (let p = 0; p < block.length; p++) {
    const r = records[block[p] ?? 0];
    const d = r === undefined ? null : fullDigits(r);
    v[p] = d === null || d.length !== 16 ? -1 : boundaryDigits(d);
  }
  const found: number[] = [];
  if (block.length <= PAIRWISE_UP_TO) {
    for (let p = 0; p < block.length; p++) {
      const x = v[p] ?? -1;
      if (x < 0) continue;
      const s5 = swappedBoundary(x, 0);
      const s11 = swappedBoundary(x, 1);
      for (let q = p + 1; q < block.length; q++) {
        const y = v[q] ?? -1;
        if (y >= 0 && (y === s5 || y === s11)) found.push(p * block.length + q);
      }
    }
    return found;
  }
  const positions = positionsOf(v);
  for (let p = 0; p < block.length; p++) {
    const x = v[p] ?? -1;
    if (x < 0) continue;
    for (const side of [0, 1] as const) {
      const swapped = swappedBoundary(x, side);
      if (swapped < 0) continue;
      for (const q of positions.get(swapped) ?? []) if (q > p) found.push(p * block.length + q);
    }
  }
  return found.sort((x, y) => x - y);
}

/** Each value's positions in `values`, ascending; negative values (and NaN: none) left out. */
function positionsOf(values: ArrayLike<number>): Map<number, number[]> {
  const at = new Map<number, number[]>();
  for (let p = 0; p < values.length; p++) {
    const x = values[p] ?? -1;
    if (!(x >= 0)) continue;
    const list = at.get(x);
    if (list) list.push(p);
    else at.set(x, [p]);
  }
  return at;
}

/** The digits of a 16-digit string at positions 5, 6, 11 and 12, as one number (0–9999). */
function boundaryDigits(d: string): number {
  return (d.charCodeAt(5) - 48) * 1000 + (d.charCodeAt(6) - 48) * 100 + (d.charCodeAt(11) - 48) * 10 + (d.charCodeAt(12) - 48);
}

/** `boundaryDigits` with the two digits of one boundary traded (0: positions 5–6, 1: 11–12); -1 when they are equal. */
function swappedBoundary(x: number, side: 0 | 1): number {
  const a = Math.floor(x / 1000);
  const b = Math.floor(x / 100) % 10;
  const c = Math.floor(x / 10) % 10;
  const e = x % 10;
  if (side === 0) return a === b ? -1 : b * 1000 + a * 100 + c * 10 + e;
  return c === e ? -1 : a * 1000 + b * 100 + e * 10 + c;
}

/** The birth date's digits of a NIK: `PPKKCC DDMMYY SSSS`, positions 6–11. */
const DATE_FROM = 6;
const DATE_TO = 12;

/**
 * Whether two strings of one length, not equal, differ by one digit or by two neighbouring digits swapped,
 * and only at positions `from`..`to` − 1.
 */
function oneDigitOrSwap(a: string, b: string, from: number, to: number): boolean {
  let first = -1;
  let diffs = 0;
  for (let i = 0; i < a.length; i++) {
    if (a.charCodeAt(i) === b.charCodeAt(i)) continue;
    if (i < from || i >= to || ++diffs > 2) return false;
    if (first < 0) first = i;
  }
  if (diffs === 1) return true;
  return diffs === 2 && first + 1 < to && a[first] === b[first + 1] && a[first + 1] === b[first];
}

/**
 * Whether two 16-digit strings with the same region and serial differ in the birth date by one digit or by
 * two neighbouring digits swapped: exactly the NIKs `dateNeighbours` lists.
 */
function dateOneEdit(a: string | null, b: string | null): boolean {
  if (a === null || b === null || a.length !== 16 || b.length !== 16 || a === b) return false;
  return oneDigitOrSwap(a, b, DATE_FROM, DATE_TO);
}

/** Blocks at most this large are walked pair by pair; larger ones look their members' neighbours up. */
const PAIRWISE_UP_TO = 24;

/**
 * The pairs of a `list_serial_wave` block (positions a < b, ascending) whose birth dates are one digit or
 * one neighbour swap apart: the only pairs its filter lets through. Each member's digits are read once.
 * Where serial 0001 is everyone's such a block grows with the list (196 rows at 1.1 M, 370 at 2.2 M), and
 * trying its pairs grows with the square of that: a large block instead looks up, for each member, the 59
 * dates one keystroke from its own (six digits × 9, five swaps) among its members' dates.
 */
function datePairs(block: readonly number[], records: readonly ResolveRecord[]): number[] {
  const dates: string[] = [];
  for (const i of block) {
    const r = records[i];
    const d = r === undefined ? null : fullDigits(r);
    dates.push(d !== null && d.length === 16 ? d.slice(DATE_FROM, DATE_TO) : '');
  }
  const found: number[] = [];
  if (block.length <= PAIRWISE_UP_TO) {
    for (let a = 0; a < dates.length; a++) {
      const x = dates[a] ?? '';
      if (x === '') continue;
      for (let b = a + 1; b < dates.length; b++) {
        const y = dates[b] ?? '';
        if (y !== '' && x !== y && oneDigitOrSwap(x, y, 0, DATE_TO - DATE_FROM)) found.push(a * block.length + b);
      }
    }
    return found;
  }
  // The dates as numbers (-1: none), each date's members in ascending order.
  const values = dates.map((d) => (d === '' ? -1 : digitsValue(d, 0, d.length)));
  const at = positionsOf(values);
  const look = (a: number, near: number): void => {
    for (const q of at.get(near) ?? []) if (q > a) found.push(a * block.length + q);
  };
  for (let a = 0; a < values.length; a++) {
    const x = values[a] ?? -1;
    if (!(x >= 0)) continue;
    for (let k = 0, w = 100_000; k < 6; k++, w /= 10) {
      const digit = Math.floor(x / w) % 10;
      for (let c = 0; c <= 9; c++) if (c !== digit) look(a, x + (c - digit) * w);
      if (k < 5) {
        const next = Math.floor(x / (w / 10)) % 10;
        if (next !== digit) look(a, x + (next - digit) * w + (digit - next) * (w / 10));
      }
    }
  }
  return found.sort((x, y) => x - y);
}

/**
 * The pairs of a `nik_date_serial` block (positions a < b, ascending) whose NIKs its filter can find not
 * different: all but those of two 16-digit NIKs whose regions (the six digits before the shared ten) are
 * more than one digit or one neighbour swap apart. Such NIKs share their last digit, so neither can be the
 * other's spreadsheet rounding nor its cut (compareNik), and one edit of the whole is one edit of the region.
 * In one city every kecamatan's code is a digit from another's, so a block holds everyone of a birth date
 * and serial and grows with the list (12 M pairs tried at 2.2 M, 1.4 M handed on): the regions are compared
 * here as six characters read once a member, not as two records' NIKs a pair.
 */
function regionPairs(block: readonly number[], records: readonly ResolveRecord[]): number[] {
  // A member's region, or '' for a NIK of 15 or 17 digits: those are tried against every other member.
  const regions: string[] = [];
  for (const i of block) {
    const r = records[i];
    const d = r === undefined ? null : fullDigits(r);
    regions.push(d !== null && d.length === 16 ? d.slice(0, 6) : '');
  }
  const found: number[] = [];
  for (let a = 0; a < regions.length; a++) {
    const x = regions[a] ?? '';
    for (let b = a + 1; b < regions.length; b++) {
      const y = regions[b] ?? '';
      if (x === '' || y === '' || x === y || oneDigitOrSwap(x, y, 0, 6)) found.push(a * block.length + b);
    }
  }
  return found;
}

/**
 * The first letter of a name key as 0–25 for the list blocks, a J as the Y the old spelling wrote so (JANTI
 * for YANTI); -1 for a name that starts otherwise.
 */
export function blockLetter(nameKey: string): number {
  const letter = nameKey.charCodeAt(0) - 65;
  if (!(letter >= 0 && letter < 26)) return -1;
  return letter === 9 ? 24 : letter;
}

/**
 * The six leading digits a list row's NIK rounds to, as a scientific-notation display of six digits would
 * show them (`1,27108E+15` for 1271075… to 1271084…), with its wave and the name's first letter (A–Z):
 * `list_scientific_wave`'s block. For a scientific-notation NIK (five to seven digits shown) the digits of
 * the centre of its range, for a valid NIK its own. Null for the guest book, a row without a wave or a name
 * starting otherwise, and a NIK of neither kind.
 */
export function scientificBlock(r: ResolveRecord): { digits: number; wave: number; letter: number; scientific: boolean } | null {
  if (r.source === 'walkin' || r.wave === null || !(r.wave >= 0 && r.wave < 1000)) return null;
  const letter = blockLetter(r.nameKey);
  if (letter < 0) return null;
  const shown = scientificShown(r);
  // A full NIK only when valid: the resolve after an import finds those of a range in the NIK index.
  const d = shown ?? r.nik;
  if (d === null) return null;
  // The first seven digits of the range's centre (the shown digits, zeros after), rounded to six.
  const seven = digitsValue(d.padEnd(7, '0'), 0, 7);
  return Number.isNaN(seven) ? null : { digits: Math.floor((seven + 5) / 10), wave: r.wave, letter, scientific: shown !== null };
}

/**
 * The digits a scientific-notation NIK shows (`1,27108E+15`: 127108), read back from its range (…(v−1)5… to
 * v4 9…), when five to seven are shown; null for every other NIK (a spreadsheet's 15-digit copy included).
 */
export function scientificShown(r: Pick<ResolveRecord, 'nikRange'>): string | null {
  const range = r.nikRange;
  if (range === null) return null;
  let nines = 0;
  while (nines < 16 && range.high.charCodeAt(15 - nines) === 57) nines++;
  const shown = 15 - nines;
  if (shown < 5 || shown > 7 || range.high.charCodeAt(shown) !== 52) return null;
  return range.high.slice(0, shown);
}

/** A name key without its spaces: words joined (SALSASITORUS) compare as the words. */
const squashed = (key: string): string => (key.includes(' ') ? key.replaceAll(' ', '') : key);

/** Whether two name keys, spaces left out, are one typo apart (a letter wrong, missing, added, or two swapped) or equal. */
function oneTypoApart(a: string, b: string): boolean {
  const la = a.length;
  const lb = b.length;
  if (la - lb > 1 || lb - la > 1) return false;
  // One typo leaves all but two letters of the longer name in place from either end: most pairs of a block
  // fail this after a letter or two, without the edit distance's table.
  const shorter = Math.min(la, lb);
  let front = 0;
  while (front < shorter && a.charCodeAt(front) === b.charCodeAt(front)) front++;
  if (front === shorter) return true;
  let back = 0;
  while (back < shorter - front && a.charCodeAt(la - 1 - back) === b.charCodeAt(lb - 1 - back)) back++;
  return front + back >= Math.max(la, lb) - 2 && editDistanceAtMost(a, b, 1);
}

/**
 * The pairs of a `list_scientific_wave` block (positions a < b, ascending) of which at least one row wrote
 * its NIK in scientific notation and whose names are one typo apart: the only pairs its filter lets through.
 * Only the scientific-notation members are walked, each name read once: at 300k + 30k such blocks held 7.8 M
 * pairs, 194 k of them with such a row, and comparing those names as a NIK's names are (namesCompatible)
 * cost 1.4 s of CPU.
 */
function scientificPairs(block: readonly number[], records: readonly ResolveRecord[]): number[] {
  const sci = block.map((i) => scientificShown(records[i] ?? { nikRange: null }) !== null);
  if (!sci.includes(true)) return [];
  const names = block.map((i) => squashed(records[i]?.nameKey ?? ''));
  // Names one typo apart differ in length by one at most: each scientific-notation row is tried against the
  // members of its name's length and the two beside it (a block is a kecamatan's rows of one wave and
  // letter, so it grows with the list, and so do its scientific-notation rows).
  const byLength = new Map<number, number[]>();
  for (let b = 0; b < names.length; b++) {
    const n = names[b]?.length ?? 0;
    const list = byLength.get(n);
    if (list) list.push(b);
    else byLength.set(n, [b]);
  }
  const found: number[] = [];
  for (let a = 0; a < block.length; a++) {
    if (sci[a] !== true) continue;
    const name = names[a] ?? '';
    for (let n = name.length - 1; n <= name.length + 1; n++) {
      for (const b of byLength.get(n) ?? []) {
        if (b === a || (sci[b] === true && b < a)) continue;
        if (oneTypoApart(name, names[b] ?? '')) found.push(Math.min(a, b) * block.length + Math.max(a, b));
      }
    }
  }
  return found.sort((x, y) => x - y);
}

/**
 * The 16-digit strings one birth-date digit or one swap of neighbouring birth-date digits from `d`: where
 * the resolve after an import looks for the records `list_serial_wave` pairs a new list row with.
 *
 * @example dateNeighbours('1271206210660003').includes('1271206610660003') // true
 */
export function dateNeighbours(d: string): string[] {
  if (d.length !== 16) return [];
  const out: string[] = [];
  for (let i = DATE_FROM; i < DATE_TO; i++) {
    for (let c = 48; c <= 57; c++) if (c !== d.charCodeAt(i)) out.push(d.slice(0, i) + String.fromCharCode(c) + d.slice(i + 1));
    if (i + 1 < DATE_TO && d[i] !== d[i + 1]) out.push(`${d.slice(0, i)}${d[i + 1] ?? ''}${d[i] ?? ''}${d.slice(i + 2)}`);
  }
  return out;
}

/**
 * What `list_serial_wave` blocks a list row by: its 16 digits, wave and the name's first letter; null for the
 * guest book, a row without a wave, a name or 16 digits, and a name starting otherwise.
 */
function serialWaveBlock(r: ResolveRecord): { digits: string; wave: number; letter: number } | null {
  if (r.source === 'walkin' || r.wave === null || r.nameKey === '') return null;
  const d = fullDigits(r);
  if (d === null || d.length !== 16) return null;
  const letter = blockLetter(r.nameKey);
  return letter < 0 ? null : { digits: d, wave: r.wave, letter };
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
  /**
   * Called with the records before the rule's pass and with null after it: lets `code` leave out, as -1,
   * records whose block can hand on no pair (the same groups' pairs, fewer records grouped).
   */
  prepare?: (records: readonly ResolveRecord[] | null) => void;
}

/** Codes of the `list_scientific_wave` blocks holding a scientific-notation row, during that rule's pass. */
let scientificCodes: Set<number> | null = null;

/** `list_scientific_wave`'s block as a whole number, -1 for none: digits, wave (below 1,000), letter. */
function scientificCode(r: ResolveRecord): number {
  const b = scientificBlock(r);
  return b === null ? -1 : (b.digits * 1000 + b.wave) * 32 + b.letter;
}

/**
 * Whether a rule hands on two records of one of its blocks (not capped): its name-only condition (one of
 * them without a valid NIK) and its filter. Asked of an earlier rule, to leave out a pair it compared.
 */
function pairedIn(rule: Rule, x: ResolveRecord, y: ResolveRecord): boolean {
  if (rule.nameOnly && !hasNoValidNik(x) && !hasNoValidNik(y)) return false;
  return !rule.filter || rule.filter(x, y);
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
    pairsIn: regionPairs,
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
  {
    // A birth date mistyped beside a name mistyped inside a word (NURLAILA SYAFIRA / NURLAILX SYAFIRA, ELVI
    // HANDAYANI / HANDAJANI) breaks the two date keys and the name's sound. Between list rows the wave is
    // known, and a person's central row and provincial copy share it: region, serial, wave and the name's
    // first letter make blocks of a few rows even where serial 0001 is everyone's, and only NIKs whose birth
    // date differs by one digit or two neighbours swapped are handed on. Not the guest book, whose rows have
    // no wave of their own. Like nik_group_swap it stores no key: the resolve after an import looks those
    // NIKs up (`dateNeighbours`). On the 20k accuracy set 19 pairs more compared, 7 true pairs found; at 100k
    // 413 and 46.
    rule: 'list_serial_wave',
    filter: (a, b) => dateOneEdit(fullDigits(a), fullDigits(b)),
    pairsIn: datePairs,
    key: (r) => {
      const b = serialWaveBlock(r);
      return b === null ? null : `${b.digits.slice(0, 6)}${b.digits.slice(12)}|${b.wave}|${b.letter}`;
    },
    // Region, serial, wave (below 1,000) and the first letter (A–Z) as one whole number below 2^49.
    code: (r) => {
      const b = serialWaveBlock(r);
      if (b === null) return -1;
      if (!(b.wave >= 0 && b.wave < 1000)) return NaN;
      return ((digitsValue(b.digits, 0, 6) * 1e4 + digitsValue(b.digits, 12, 16)) * 1000 + b.wave) * 32 + b.letter;
    },
  },
  {
    // A NIK in scientific notation (`1,27116E+15`) beside a name mistyped inside a word (HUASIN FAUZI HAKIKI
    // / HUSAIN FAUZI HAKIKI, ERIK IRAWAV / ERIK IRAWAN): name_region keys the name's sound, the NIK rules need
    // the digits the display lost. Between list rows of one wave, the six digits the NIK rounds to and the
    // name's first letter make blocks of a few rows, and only pairs with a scientific-notation row are
    // handed on, and only when the other NIK lies in its range. The scientific-notation rows store the key;
    // a new one's full NIKs are found by their range (keys.ts).
    rule: 'list_scientific_wave',
    // Only names one typo or a join apart: a range holds a thirtieth of a city's list, and Jaro-Winkler's
    // long shared start (NUR RATNA SARI / NUR RATNA LESTARI: jw95) merged two people of the 100k set so;
    // with every name let through it compared 21,697 pairs there.
    filter: (a, b) =>
      (scientificShown(a) !== null || scientificShown(b) !== null) && oneTypoApart(squashed(a.nameKey), squashed(b.nameKey)) && nikNotDifferent(a, b),
    pairsIn: scientificPairs,
    key: (r) => {
      const b = scientificBlock(r);
      return b === null ? null : `${b.digits}|${b.wave}|${b.letter}`;
    },
    // A block pairs only with its scientific-notation rows: a full NIK of a block without one (nearly all of
    // them: 5,247 such rows among 330k at 300k + 30k) is not grouped at all.
    code: (r) => {
      const c = scientificCode(r);
      return c === -1 || scientificCodes === null || scientificCodes.has(c) ? c : -1;
    },
    prepare: (records) => {
      if (records === null) {
        scientificCodes = null;
        return;
      }
      scientificCodes = new Set();
      for (const r of records) if (r.nikRange !== null && scientificShown(r) !== null) scientificCodes.add(scientificCode(r));
    },
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
    pairs: { nik_region_date: 0, nik_date_serial: 0, nik_region_serial_name: 0, nik_group_swap: 0, name_region: 0, name: 0, phone: 0, list_serial_wave: 0, list_scientific_wave: 0 },
    capped: {
      nik_region_date: { blocks: 0, records: 0 },
      nik_date_serial: { blocks: 0, records: 0 },
      nik_region_serial_name: { blocks: 0, records: 0 },
      nik_group_swap: { blocks: 0, records: 0 },
      name_region: { blocks: 0, records: 0 },
      name: { blocks: 0, records: 0 },
      phone: { blocks: 0, records: 0 },
      list_serial_wave: { blocks: 0, records: 0 },
      list_scientific_wave: { blocks: 0, records: 0 },
    },
  };

  // One sorted key per distinct phonetic key, shared by the records that have it (a million copies else),
  // and a number per distinct sorted key, for the rules' codes.
  // One look-up a record: its phonetic key's number, the sorted key made once per distinct phonetic key.
  const idOf = new Map<string, number>();
  const numbers = new Map<string, number>([['', EMPTY_NAME]]);
  const byId: string[] = [''];
  const spIds = new Int32Array(records.length);
  const sp = records.map((r, i) => {
    let id = idOf.get(r.namePhonetic);
    if (id === undefined) {
      const k = sortedPhonetic(r.namePhonetic);
      id = numbers.get(k);
      if (id === undefined) {
        id = numbers.size;
        numbers.set(k, id);
        byId.push(k);
      }
      idOf.set(r.namePhonetic, id);
    }
    spIds[i] = id;
    return byId[id] ?? '';
  });
  const names = numbers.size;
  idOf.clear();
  numbers.clear();
  byId.length = 0;
  // Blocks by sorting hashes in typed arrays, not a Map of key → members per rule (groups.ts: memory).
  const groups = new KeyGroups(records.length);
  // Per rule, the keys of the blocks it skipped as too large (few: the commonest names and serials).
  const cappedKeys: Set<string>[] = [];
  for (let ruleIndex = 0; ruleIndex < RULES.length; ruleIndex++) {
    const { rule, key, nameOnly, filter, pairsIn, code, prepare } = RULES[ruleIndex] ?? { rule: 'name', key: () => null };
    prepare?.(records);
    // A pair an earlier rule also blocks together was already emitted there (Splink's "AND NOT earlier
    // rules"): checked by recomputing keys, so no set of millions of pairs is held in memory.
    // A block an earlier rule skipped as too large, or a pair its nameOnly condition left out, was not
    // compared there: without this, two visits of SITI AMINAH with one phone number were never compared.
    const earlier = RULES.slice(0, ruleIndex);
    // Two records share an earlier rule's block exactly when their codes are equal (and not -1): asked by
    // the numbers, the key strings made only when that rule capped some block or has no code.
    const foundBefore = (x: ResolveRecord, i: number, y: ResolveRecord, j: number): boolean =>
      earlier.some((e, ei) => {
        const cx = e.code === undefined ? NaN : e.code(x, spIds[i] ?? EMPTY_NAME, names);
        if (Number.isSafeInteger(cx) && cx >= 0) {
          const cy = e.code?.(y, spIds[j] ?? EMPTY_NAME, names) ?? NaN;
          if (!Number.isSafeInteger(cy)) return sharedKey(e, ei, x, i, y, j);
          if (cx !== cy) return false;
          if ((cappedKeys[ei]?.size ?? 0) > 0 && cappedKeys[ei]?.has(e.key(x, sp[i] ?? '') ?? '') === true) return false;
          return pairedIn(e, x, y);
        }
        if (cx === -1) return false;
        return sharedKey(e, ei, x, i, y, j);
      });
    const sharedKey = (e: Rule, ei: number, x: ResolveRecord, i: number, y: ResolveRecord, j: number): boolean => {
      const kx = e.key(x, sp[i] ?? '');
      if (kx === null || kx !== e.key(y, sp[j] ?? '') || cappedKeys[ei]?.has(kx) === true) return false;
      return pairedIn(e, x, y);
    };
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
    prepare?.(null);
  }
  return stats;
}
