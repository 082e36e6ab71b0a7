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
 * use what prakerja's does. One thing the oracle leaves out: the list's kab/kota column against the office's,
 * worth under one bit for a local recipient (about 60% of the list is local, against 90% of the recipients
 * who come to the desk).
 */
import { parsePhone } from '../normalise/record.js';
import { Population } from './population.js';
import { deriveSeed, seedOf } from './random.js';
import type { TruthRow } from './evaluate.js';

/** What the oracle reads of one guest-book row. */
export interface WalkinRow {
  line: number;
  /** The NIK cell was not empty. */
  hasNik: boolean;
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
  /** ... without a NIK and not linkable: the name is shared too widely. */
  unreachable: number;
  /** (withNik + byPhone + byName) / trulyLinked. */
  recall: number;
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
  const visitsWithNik = new Map<string, Set<string>>();
  for (const w of input.walkins) {
    const person = personOfWalkin.get(w.line);
    if (person === undefined) continue;
    const s = byPurpose.get(w.purpose) ?? { rows: 0, recipients: 0 };
    s.rows++;
    if (central.has(person)) s.recipients++;
    byPurpose.set(w.purpose, s);
    const phone = parsePhone(w.phone);
    if (w.hasNik && phone !== null) {
      const phones = visitsWithNik.get(person) ?? new Set<string>();
      phones.add(phone);
      visitsWithNik.set(person, phones);
    }
  }

  const n = Math.max(central.size, 1);
  const result: Ceiling = { threshold: input.threshold, trulyLinked: 0, withNik: 0, byPhone: 0, byName: 0, unreachable: 0, recall: 1 };
  for (const w of input.walkins) {
    const person = personOfWalkin.get(w.line);
    if (person === undefined || !central.has(person)) continue;
    result.trulyLinked++;
    if (w.hasNik) {
      result.withNik++;
      continue;
    }
    const phone = parsePhone(w.phone);
    if (phone !== null && visitsWithNik.get(person)?.has(phone)) {
      result.byPhone++;
      continue;
    }
    const name = input.names.get(person) ?? '';
    const s = byPurpose.get(w.purpose);
    const p = s && s.rows > 0 ? s.recipients / s.rows : 0;
    const k = holders.get(name) ?? 1;
    const probability = p / n / ((p * k) / n + (1 - p) * input.nameFrequency(name));
    if (probability >= input.threshold) result.byName++;
    else result.unreachable++;
  }
  const reachable = result.withNik + result.byPhone + result.byName;
  result.recall = result.trulyLinked === 0 ? 1 : reachable / result.trulyLinked;
  return result;
}

/**
 * Name frequencies of the generator's walk-in public (visitors of the office kab/kota), from a sample of
 * `size` fresh persons. A name the sample never drew counts as drawn a tenth of a time: generous, as an upper
 * bound must be (its true frequency is below about 3/size with 95% confidence).
 */
export function sampledNameFrequency(options: { seed: number | string; officeRegion: string; size: number }): (name: string) => number {
  const population = new Population({ seed: deriveSeed(seedOf(options.seed), 0x5eed), officeRegion: options.officeRegion, expected: options.size });
  const counts = new Map<string, number>();
  for (let i = 0; i < options.size; i++) {
    const name = population.create('visitor').name;
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return (name) => Math.max(counts.get(name) ?? 0, 0.1) / options.size;
}
