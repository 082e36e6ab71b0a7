/**
 * How many walk-in → recipient links any resolver could make on a generated data set, at a given precision.
 *
 * A guest-book row without a NIK carries a name, a phone number and a purpose; the central list carries no
 * phone. Such a row can be linked to a recipient only by name, and a name is shared: if the desk's public
 * holds the name with frequency f, k recipients in the list hold it, and a visitor is a listed recipient with
 * probability p, then the chance that the row is one particular of those recipients is
 *
 *     (p / n) / (p·k / n + (1 − p)·f)        (n: recipients in the list)
 *
 * and no method that sees only the name can claim the link with more confidence than that. This module
 * computes that bound with an oracle far better informed than any resolver:
 * - it knows each person's true, uncorrupted name, and the true name frequency f (from a large sample of
 *   the generator's own population);
 * - it knows p for each purpose written in the book (someone collecting an incentive is a recipient);
 * - every row that wrote a NIK, however damaged, counts as linkable, and so does every row without a NIK
 *   whose person made another visit with a NIK and the same phone number.
 * The result is an upper bound on link recall at that precision, not an estimate of it, for resolvers that
 * use what prakerja's does. One exception to "every NIK counts", when told the public's NIK ranges
 * (`rangeShare`): a NIK shown in scientific notation (`3.57824E+15`) says only which range of NIKs it was,
 * in one city a thirtieth of everyone, so such a row counts only when its name within that range singles out
 * the holder at the threshold: (p / n) / (p·k_R / n + (1 − p)·f·s_R), k_R the list's holders of the name in
 * the range, s_R the public's share there. The same holds the other way round: a whole NIK at the desk against
 * a list that shows the holder's NIK only in scientific notation (no provincial copy kept it whole) meets only
 * that range. Counted so, a row like DWI PURWANTI / `3,57824E+15` (five
 * listed DWI PURWANTIs in that range, p 0.05) is no longer counted as linkable; `recallAnyNik` is the bound
 * that counts every NIK. One thing the oracle leaves out: the list's kab/kota column against the office's,
 * worth under one bit for a local recipient (about 60% of the list is local, against 90% of the recipients
 * who come to the desk).
 */
import { canonicaliseNik, scientificRange, type NikRange } from '../normalise/nik.js';
import { parsePhone } from '../normalise/record.js';
import { Population } from './population.js';
import { deriveSeed, seedOf } from './random.js';
import type { RawRecord, TruthRow } from './evaluate.js';

/** What the oracle reads of one guest-book row. */
export interface WalkinRow {
  line: number;
  /** The NIK cell was not empty. */
  hasNik: boolean;
  /** The NIK cell as written; absent in older callers, whose NIKs all count as linkable. */
  nik?: string;
  phone: string;
  purpose: string;
}

export interface CeilingInput {
  truth: readonly TruthRow[];
  /** Person id → true name (`persons.csv`). */
  names: ReadonlyMap<string, string>;
  walkins: readonly WalkinRow[];
  /** P(a member of the desk's public is called `name`). */
  nameFrequency: (name: string) => number;
  /** The precision a link must have: claim it only when its probability is at least this. */
  threshold: number;
  /**
   * P(a member of the desk's public has a NIK within `range`). Without it every written NIK counts as
   * linkable, however little of it is left.
   */
  rangeShare?: (range: NikRange) => number;
  /** Every data row with its NIK cell as written (`readRawRecords`): the list's NIKs, for k_R. */
  records?: readonly RawRecord[];
  /** Told the class of every guest-book row of a recipient: to sort a resolver's misses by the ceiling. */
  onRow?: (line: number, found: 'nik' | 'phone' | 'name' | 'unreachable', nikTooWide: boolean) => void;
}

export interface Ceiling {
  threshold: number;
  /** Walk-in rows whose person is in the central list. */
  trulyLinked: number;
  /** ... of which wrote a NIK. */
  withNik: number;
  /** ... without a NIK, but the person's other visit has one and the same phone. */
  byPhone: number;
  /** ... without a NIK, linkable by name at the threshold. */
  byName: number;
  /** ... not linkable: the name is shared too widely (with its NIK range, for nikTooWide). */
  unreachable: number;
  /**
   * Of byPhone and unreachable: rows that wrote a NIK in scientific notation whose name within its range
   * does not single out the holder (CeilingInput.rangeShare), or a NIK the list shows only so.
   */
  nikTooWide: number;
  /** ... of which wrote their NIK whole, but every list row of the holder shows it in scientific notation. */
  listNikTooWide: number;
  /** (withNik + byPhone + byName) / trulyLinked. */
  recall: number;
  /** The bound when every written NIK counts, however damaged (the ceiling before nikTooWide). */
  recallAnyNik: number;
}

const WALKIN = 'walkin.csv';
const CENTRAL = 'central.csv';

/**
 * The best link recall any resolver could reach at `threshold` precision.
 *
 * @example
 * linkCeiling({ truth, names, walkins, nameFrequency, threshold: 0.995 }).recall // e.g. 0.81
 */
export function linkCeiling(input: CeilingInput): Ceiling {
  const central = new Set<string>();
  const personOfWalkin = new Map<number, string>();
  for (const t of input.truth) {
    if (t.file === CENTRAL) central.add(t.person);
    else if (t.file === WALKIN) personOfWalkin.set(t.line, t.person);
  }
  const holders = new Map<string, number>();
  for (const person of central) {
    const name = input.names.get(person);
    if (name !== undefined) holders.set(name, (holders.get(name) ?? 0) + 1);
  }

  // p per purpose: the share of the book's rows with that purpose written by listed recipients.
  const byPurpose = new Map<string, { rows: number; recipients: number }>();
  for (const w of input.walkins) {
    const person = personOfWalkin.get(w.line);
    if (person === undefined) continue;
    const s = byPurpose.get(w.purpose) ?? { rows: 0, recipients: 0 };
    s.rows++;
    if (central.has(person)) s.recipients++;
    byPurpose.set(w.purpose, s);
  }
  const nameLink = nameLinkProbability(input.nameFrequency, central.size, holders, byPurpose);
  const rangeLink = input.rangeShare ? rangeLinkProbability(input, central, byPurpose, input.rangeShare) : undefined;
  const listRange = rangeLink ? listedOnlyAsRange(input) : new Map<string, NikRange>();
  /**
   * A row whose NIK finds its person: any NIK, but one in scientific notation only with a name rare in its
   * range; and a whole NIK too when the list shows the holder's only in scientific notation (and no provincial
   * copy kept it whole): then what joins them is the range the list's NIK stands for, the same evidence.
   */
  const nikFinds = (w: WalkinRow, person: string): boolean => {
    if (!w.hasNik) return false;
    const range = rangeLink ? (scientificRange(w.nik ?? '') ?? listRange.get(person) ?? null) : null;
    return range === null || !rangeLink || rangeLink(input.names.get(person) ?? '', range, w.purpose) >= input.threshold;
  };
  // The phones of each person's visits whose NIK finds them: a bridge for their visits without one.
  const visitsWithNik = new Map<string, Set<string>>();
  for (const w of input.walkins) {
    const person = personOfWalkin.get(w.line);
    const phone = parsePhone(w.phone);
    if (person === undefined || phone === null || !nikFinds(w, person)) continue;
    const phones = visitsWithNik.get(person) ?? new Set<string>();
    phones.add(phone);
    visitsWithNik.set(person, phones);
  }

  const result: Ceiling = { threshold: input.threshold, trulyLinked: 0, withNik: 0, byPhone: 0, byName: 0, unreachable: 0, nikTooWide: 0, listNikTooWide: 0, recall: 1, recallAnyNik: 1 };
  for (const w of input.walkins) {
    const person = personOfWalkin.get(w.line);
    if (person === undefined || !central.has(person)) continue;
    result.trulyLinked++;
    const name = input.names.get(person) ?? '';
    if (nikFinds(w, person)) {
      result.withNik++;
      input.onRow?.(w.line, 'nik', false);
      continue;
    }
    if (w.hasNik) result.nikTooWide++;
    if (w.hasNik && scientificRange(w.nik ?? '') === null) result.listNikTooWide++;
    const phone = parsePhone(w.phone);
    if (phone !== null && visitsWithNik.get(person)?.has(phone)) {
      result.byPhone++;
      input.onRow?.(w.line, 'phone', w.hasNik);
      continue;
    }
    // A NIK's range is sharper than the name alone: a row it leaves unlinked is not linked by the name either.
    const byName = !w.hasNik && nameLink(name, w.purpose) >= input.threshold;
    if (byName) result.byName++;
    else result.unreachable++;
    input.onRow?.(w.line, byName ? 'name' : 'unreachable', w.hasNik);
  }
  const reachable = result.withNik + result.byPhone + result.byName;
  result.recall = result.trulyLinked === 0 ? 1 : reachable / result.trulyLinked;
  // Every NIK counted, and every phone bridge through one: the bound as it was before ranges were weighed.
  result.recallAnyNik = input.rangeShare ? linkCeiling({ ...input, rangeShare: undefined, onRow: undefined }).recall : result.recall;
  return result;
}

/**
 * Per listed person whose every list row (central and provincial) that wrote a NIK shows it in scientific
 * notation, the range of the central one: a whole NIK at the desk meets only that range.
 */
function listedOnlyAsRange(input: CeilingInput): Map<string, NikRange> {
  const personOf = new Map(input.truth.filter((t) => t.file !== WALKIN).map((t) => [`${t.file}:${t.line}`, t.person]));
  const ranges = new Map<string, NikRange>();
  const whole = new Set<string>();
  for (const r of input.records ?? []) {
    if (r.file === WALKIN || r.nik.trim() === '') continue;
    const person = personOf.get(`${r.file}:${r.line}`);
    if (person === undefined) continue;
    const range = scientificRange(r.nik);
    if (range === null) whole.add(person);
    else if (r.file === CENTRAL) ranges.set(person, range);
  }
  for (const person of whole) ranges.delete(person);
  return ranges;
}

/**
 * The chance that a guest-book row written with `name` and a NIK within `range` is the one listed holder it
 * belongs to: (p / n) / (p·k_R / n + (1 − p)·f·s_R), k_R the listed holders of the name whose NIK, as the list
 * wrote it, lies in the range (at least the holder). NIKs as the list wrote them: a damaged one counts where
 * its digits put it.
 */
function rangeLinkProbability(
  input: CeilingInput,
  central: ReadonlySet<string>,
  byPurpose: ReadonlyMap<string, { rows: number; recipients: number }>,
  rangeShare: (range: NikRange) => number,
): (name: string, range: NikRange, purpose: string) => number {
  const listedNiks = new Map<string, string[]>();
  const personOf = new Map(input.truth.filter((t) => t.file === CENTRAL).map((t) => [t.line, t.person]));
  for (const r of input.records ?? []) {
    if (r.file !== CENTRAL) continue;
    const person = personOf.get(r.line);
    const name = person === undefined ? undefined : input.names.get(person);
    if (name === undefined) continue;
    const nik = canonicaliseNik(r.nik).replace(/\D/g, '');
    const list = listedNiks.get(name);
    if (list) list.push(nik);
    else listedNiks.set(name, [nik]);
  }
  const n = Math.max(central.size, 1);
  const within = (nik: string, range: NikRange): boolean => nik.length === range.low.length && nik >= range.low && nik <= range.high;
  return (name, range, purpose) => {
    const s = byPurpose.get(purpose);
    const p = s && s.rows > 0 ? s.recipients / s.rows : 0;
    const k = Math.max(1, (listedNiks.get(name) ?? []).filter((nik) => within(nik, range)).length);
    return p / n / ((p * k) / n + (1 - p) * input.nameFrequency(name) * rangeShare(range));
  };
}

/**
 * The chance that a guest-book row written with `name` for `purpose` is one particular of the list's holders
 * of that name, for the oracle of {@link linkCeiling}: (p / n) / (p·k / n + (1 − p)·f).
 */
function nameLinkProbability(
  nameFrequency: (name: string) => number,
  listed: number,
  holders: ReadonlyMap<string, number>,
  byPurpose: ReadonlyMap<string, { rows: number; recipients: number }>,
): (name: string, purpose: string) => number {
  const n = Math.max(listed, 1);
  return (name, purpose) => {
    const s = byPurpose.get(purpose);
    const p = s && s.rows > 0 ? s.recipients / s.rows : 0;
    const k = holders.get(name) ?? 1;
    return p / n / ((p * k) / n + (1 - p) * nameFrequency(name));
  };
}

export interface PairCeilingInput extends CeilingInput {
  /** Every data row with its NIK cell as written (`readRawRecords`). */
  records: readonly RawRecord[];
  /** Told every true pair and whether the evidence joins it: to sort a resolver's misses by the ceiling. */
  onPair?: (a: TruthRow, b: TruthRow, reachable: boolean) => void;
}

export interface PairCeiling {
  threshold: number;
  /** Pairs of rows that are one true person. */
  truePairs: number;
  /** ... of which the evidence joins, directly or through the person's other rows. */
  reachable: number;
  /**
   * The rest, by the two rows of the pair: a guest-book row and a list row (central or province), two
   * guest-book rows, or two list rows.
   */
  unreachable: { bookList: number; bookBook: number; other: number };
  /** reachable / truePairs. */
  recall: number;
  /** The pair F1 of a resolver with that recall and precision 1. */
  f1: number;
}

/**
 * The best pair recall any resolver could reach at `threshold` precision, with the oracle of
 * {@link linkCeiling}. Two rows of one true person are joined when they share evidence a method could use:
 * - both wrote a NIK (of the person's own: every row with another's NIK is a person of its own), however
 *   damaged — the damage the generator does leaves one edit or an Excel range, and beside the name that
 *   still finds the other row;
 * - two guest-book rows wrote the same phone number;
 * - a guest-book row without a NIK and a list row, when the name alone links them at the threshold
 *   ({@link linkCeiling}'s probability);
 * - two guest-book rows, when the name alone says they are one person at the threshold: of the other rows
 *   written with that name, the share that is this person's, (v − 1) / ((v − 1) + (B − v)·f) for a person
 *   with v of the book's B rows.
 * Joins are transitive (a resolver clusters), so a pair counts when a chain of joins connects its rows.
 *
 * @example pairCeiling({ truth, names, walkins, records, nameFrequency, threshold: 0.995 }).f1 // e.g. 0.97
 */
export function pairCeiling(input: PairCeilingInput): PairCeiling {
  const key = (file: string, line: number): string => `${file}:${line}`;
  const nik = new Map(input.records.map((r) => [key(r.file, r.line), r.nik.trim() !== '']));
  const walkinOf = new Map(input.walkins.map((w) => [w.line, w]));
  const central = new Set<string>();
  const rowsOf = new Map<string, TruthRow[]>();
  for (const t of input.truth) {
    if (t.file === CENTRAL) central.add(t.person);
    const list = rowsOf.get(t.person);
    if (list) list.push(t);
    else rowsOf.set(t.person, [t]);
  }
  const holders = new Map<string, number>();
  for (const person of central) {
    const name = input.names.get(person);
    if (name !== undefined) holders.set(name, (holders.get(name) ?? 0) + 1);
  }
  const byPurpose = new Map<string, { rows: number; recipients: number }>();
  for (const t of input.truth) {
    const w = t.file === WALKIN ? walkinOf.get(t.line) : undefined;
    if (!w) continue;
    const s = byPurpose.get(w.purpose) ?? { rows: 0, recipients: 0 };
    s.rows++;
    if (central.has(t.person)) s.recipients++;
    byPurpose.set(w.purpose, s);
  }
  const nameLink = nameLinkProbability(input.nameFrequency, central.size, holders, byPurpose);
  const book = input.walkins.length;

  const result: PairCeiling = { threshold: input.threshold, truePairs: 0, reachable: 0, unreachable: { bookList: 0, bookBook: 0, other: 0 }, recall: 1, f1: 1 };
  for (const [person, rows] of rowsOf) {
    const m = rows.length;
    if (m < 2) continue;
    result.truePairs += (m * (m - 1)) / 2;
    const parent = rows.map((_, i) => i);
    const find = (i: number): number => {
      while (parent[i] !== i) i = parent[i] = parent[parent[i] ?? i] ?? i;
      return i;
    };
    const name = input.names.get(person) ?? '';
    const visits = rows.filter((r) => r.file === WALKIN).length;
    const sameVisitor = visits < 2 ? 0 : (visits - 1) / (visits - 1 + (book - visits) * input.nameFrequency(name));
    const facts = rows.map((r) => {
      const w = r.file === WALKIN ? walkinOf.get(r.line) : undefined;
      return { book: r.file === WALKIN, nik: nik.get(key(r.file, r.line)) ?? false, phone: w ? parsePhone(w.phone) : null, purpose: w?.purpose ?? '' };
    });
    for (let i = 0; i < m; i++) {
      for (let j = i + 1; j < m; j++) {
        const a = facts[i];
        const b = facts[j];
        if (!a || !b) continue;
        let joined = a.nik && b.nik;
        if (!joined && a.book && b.book) joined = (a.phone !== null && a.phone === b.phone) || sameVisitor >= input.threshold;
        else if (!joined && a.book !== b.book) {
          const visit = a.book ? a : b;
          joined = !visit.nik && central.has(person) && nameLink(name, visit.purpose) >= input.threshold;
        }
        if (joined) parent[find(i)] = find(j);
      }
    }
    for (let i = 0; i < m; i++) {
      for (let j = i + 1; j < m; j++) {
        const reachable = find(i) === find(j);
        const a = rows[i];
        const b = rows[j];
        if (a && b) input.onPair?.(a, b, reachable);
        if (reachable) result.reachable++;
        else {
          const books = Number(facts[i]?.book) + Number(facts[j]?.book);
          if (books === 1) result.unreachable.bookList++;
          else if (books === 2) result.unreachable.bookBook++;
          else result.unreachable.other++;
        }
      }
    }
  }
  result.recall = result.truePairs === 0 ? 1 : result.reachable / result.truePairs;
  result.f1 = (2 * result.recall) / (1 + result.recall);
  return result;
}

/**
 * Name frequencies of the generator's walk-in public (visitors of the office kab/kota), from a sample of
 * `size` fresh persons. A name the sample never drew counts as drawn a tenth of a time: generous, as an upper
 * bound must be (its true frequency is below about 3/size with 95% confidence).
 */
export function sampledNameFrequency(options: { seed: number | string; officeRegion: string; size: number }): (name: string) => number {
  return sampledPublic(options).nameFrequency;
}

/**
 * The walk-in public of {@link sampledNameFrequency}, with the share of its NIKs within a range as well
 * (CeilingInput.rangeShare): a range none of the sample falls in counts as holding a tenth of one, as names do.
 */
export function sampledPublic(options: { seed: number | string; officeRegion: string; size: number }): {
  nameFrequency: (name: string) => number;
  rangeShare: (range: NikRange) => number;
} {
  const population = new Population({ seed: deriveSeed(seedOf(options.seed), 0x5eed), officeRegion: options.officeRegion, expected: options.size });
  const counts = new Map<string, number>();
  const niks: string[] = [];
  for (let i = 0; i < options.size; i++) {
    const person = population.create('visitor');
    counts.set(person.name, (counts.get(person.name) ?? 0) + 1);
    niks.push(person.nik);
  }
  niks.sort();
  /** How many sampled NIKs sort before `nik` (all are 16 digits, so text order is number order). */
  const below = (nik: string): number => {
    let lo = 0;
    let hi = niks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((niks[mid] ?? '') < nik) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return {
    nameFrequency: (name) => Math.max(counts.get(name) ?? 0, 0.1) / options.size,
    rangeShare: (range) => Math.max(below(`${range.high}~`) - below(range.low), 0.1) / options.size,
  };
}
