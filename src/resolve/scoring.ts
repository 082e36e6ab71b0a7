/**
 * Scoring: comparison levels → Fellegi–Sunter match weights, a total, a probability, and a decision.
 *
 * Each level has m = P(level | same person) and u = P(level | different persons); its match weight is
 * log2(m/u): how many times (in powers of two) the observation is likelier for one person than for two.
 * The total is the prior weight (log2 of the prior odds that a random pair is one person) plus the level
 * weights, and the probability is 2^total / (1 + 2^total) — the same model as Splink, shown term by term
 * by `prakerja explain`.
 *
 * Where the numbers come from (see the README's accuracy section for how they were checked):
 * - m: the corruption rates seen in real lists (DESIGN.md §2: a few percent of NIKs mistyped or swapped,
 *   about 1% Excel-damaged, a third of guest-book rows without NIK; names mostly agree once titles and
 *   variants are folded).
 * - u for the NIK levels: how many other people's NIKs lie one keystroke away (serials of people born the
 *   same day in the same kecamatan are consecutive, so a one-edit neighbour is not rare: 2e-5 per pair).
 * - u for an exact name is the name's own frequency (term-frequency adjustment): agreeing on SITI AMINAH,
 *   held by hundreds, weighs far less than agreeing on a name held by one person. Counts are smoothed with
 *   Good–Turing (a name seen r times counts as (r+1)·n(r+1)/n(r)), because in a long-tailed name space a
 *   name seen once is typically much rarer in the population than 1/N.
 * - The prior is 1/N per pair, N being the number of persons the names were counted over; between a
 *   central row and a provincial one without the same NIK, the copy's own (`copyPrior`).
 * - A guest-book row's visit purpose, against a list row: m = P(this purpose | the visitor is a listed
 *   recipient), u = P(this purpose | the visitor is not), both counted in this database over the book's
 *   rows that carry a valid NIK (listed = that NIK is in the central or provincial list). Someone who comes
 *   to collect an incentive is nearly always a recipient; someone asking about job vacancies seldom is. The
 *   office's own book teaches this, in its own words, so no list of keywords is needed. Rows without a NIK
 *   are assumed to come for the same reasons in the same proportions. A purpose written fewer than
 *   MIN_PURPOSE_ROWS times with a NIK says nothing.
 */
import type { NikRange } from '../normalise/nik.js';
import type { Levels, NameLevel, NikLevel, PhoneLevel, ResolveRecord, WaveLevel } from './comparison.js';

export interface MU {
  m: number;
  u: number;
}

export interface ModelParameters {
  nik: Record<NikLevel, MU | null>;
  name: Record<NameLevel, MU | null>;
  phone: Record<PhoneLevel, MU | null>;
  wave: Record<WaveLevel, MU | null>;
  /** Probability at or above which a pair is merged. */
  matchThreshold: number;
  /** Probability at or above which a pair is kept for review. */
  possibleThreshold: number;
}

/** null: the level says nothing (weight 0), e.g. a missing NIK. */
export const DEFAULT_PARAMETERS: ModelParameters = {
  nik: {
    exact: { m: 0.9, u: 1e-7 },
    // One keystroke, measured on the generator's issue-12 variant at 100k (its guest book against the
    // central list): of 2,567 recipients' rows with a valid NIK, and of the 7.3e8 pairs of other people,
    // - a digit of the region or birth date replaced between two valid NIKs: 26 rows, and 5,180 pairs (a
    //   stranger born a day or a kecamatan away is common: this is where same-name strangers were merged);
    // - two digits swapped, or a serial digit replaced, between two valid NIKs: 49 rows, 574 pairs;
    // - one of the NIKs cannot exist (a digit dropped, a date or region no NIK has): 112 of 2,682 rows, and
    //   26 of 7.8e8 pairs: a stranger's NIK typed into one that cannot exist and landing one keystroke from a
    //   given recipient's is rare. u kept at four times the measured, as invalid NIKs in real lists have more
    //   causes than a typo.
    one_edit: { m: 0.01, u: 7e-6 },
    one_edit_serial: { m: 0.019, u: 8e-7 },
    one_edit_impossible: { m: 0.042, u: 1e-7 },
    // An Excel rounding (…0006 / …0010, …0001 / …0000), measured as the keystrokes above: 73 of 2,567
    // recipients' rows, 26 of 7.7e8 other pairs (19.7 bits); u kept at six times that (16.6 bits, was 14.3).
    rounded: { m: 0.02, u: 2e-7 },
    // Given that one side is damaged, its trusted digits agree for one person almost always (m), and for
    // two people as often as that prefix is shared: 12+ digits (region and birth date) rarely; 5–6 digits
    // (a kecamatan) very often in one city's list — so the short level's u is the prefix's own frequency.
    // A scientific-notation display is compared as the range it rounds from (comparison.ts), and its u is
    // the range's own share of the listed NIKs (half of two kecamatans, a tenth of the trusted prefix's),
    // counted on 7-digit prefixes. Before the name weights were calibrated (Good–Turing by word count)
    // that merged same-name strangers; since, on the 100k accuracy run it found 230 pairs more and merged
    // 3 wrongly (all at p 0.95–0.97), and on the 20k run 52 more and none wrongly.
    damaged_long: { m: 0.95, u: 1e-6 },
    damaged_short: { m: 0.95, u: 1e-3 },
    facts_agree: { m: 0.005, u: 1e-4 },
    missing: null,
    different: { m: 0.01, u: 0.99998 },
  },
  name: {
    // u of `exact` and `reordered` is replaced by the name's frequency; this is the fallback.
    exact: { m: 0.85, u: 1e-5 },
    reordered: { m: 0.01, u: 1e-5 },
    jw95: { m: 0.06, u: 2e-4 },
    jw88: { m: 0.03, u: 3e-3 },
    initials: { m: 0.02, u: 1e-4 },
    phonetic: { m: 0.01, u: 5e-4 },
    // Measured on the generator (20k + 5k, seed 1): 2.7% of one person's pairs of records compare so (a
    // middle name left out, a title mistyped or in place of a word, words joined), none of 2M random pairs
    // of listed names (u < 1.5e-6); u is kept at initials' 1e-4 because a name of one word (a family name
    // alone: IR. SARAGIH) lies within many.
    contained: { m: 0.03, u: 1e-4 },
    different: { m: 0.02, u: 0.99 },
  },
  phone: {
    exact: { m: 0.6, u: 1e-6 },
    missing: null,
    different: { m: 0.3, u: 0.999 },
  },
  wave: {
    // u of `same` is replaced by the wave's own share of the listed rows; this is the fallback.
    same: { m: 0.99, u: 0.1 },
    missing: null,
    different: { m: 0.01, u: 0.9 },
  },
  matchThreshold: 0.95,
  // A pair is kept for review when it is more likely one person than not. At 0.3, the 20k accuracy run's
  // queue held 260 pairs of persons between 0.3 and 0.5 of which 79 were one person: staff read three
  // strangers for each find; the persons and links the resolve merges do not depend on it.
  possibleThreshold: 0.5,
};

/** Fewest guest-book rows with a valid NIK that make a visit purpose evidence. */
export const MIN_PURPOSE_ROWS = 20;

/** 1, 2 or 3 (three or more): the word count by which names held once are counted apart. */
function wordBucket(key: string): number {
  let words = 1;
  for (let i = key.indexOf(' '); i >= 0 && words < 3; i = key.indexOf(' ', i + 1)) words++;
  return words;
}

/** Name frequencies with Good–Turing smoothing of the small counts. */
export class NameFrequencies {
  private readonly counts = new Map<string, number>();
  private readonly tokens = new Map<string, number>();
  /** Per word, how many counted names bearing it have a NIK of a man's and of a woman's: [M, F]. */
  private readonly wordSexes = new Map<string, [number, number]>();
  private readonly prefixes = new Map<string, number>();
  private readonly waves = new Map<number, number>();
  private waved = 0;
  private niks = 0;
  /** Per visit purpose: guest-book rows with a valid NIK, [listed, not listed]. */
  private readonly purposes = new Map<string, [number, number]>();
  private readonly visits: [number, number] = [0, 0];
  private total = 0;
  /**
   * The provincial copy of the central list, by valid NIKs: [provincial rows with one, those whose NIK the
   * central list holds, central rows whose NIK the provincial list holds].
   */
  private readonly copies: [number, number, number] = [0, 0, 0];
  private adjusted: number[] = [];
  private correlation: number | undefined;
  private singletons: number[] | undefined;

  add(key: string, sex: 'M' | 'F' | null = null): void {
    if (key === '') return;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    const words = key.split(' ');
    for (let w = 0; w < words.length; w++) {
      const t = words[w] ?? '';
      // Each word once, in the order first met (as a Set of the words would give them).
      if (words.indexOf(t) < w) continue;
      this.tokens.set(t, (this.tokens.get(t) ?? 0) + 1);
      if (sex !== null) {
        const bySex = this.wordSexes.get(t) ?? [0, 0];
        bySex[sex === 'M' ? 0 : 1]++;
        this.wordSexes.set(t, bySex);
      }
    }
    this.total++;
    if (this.adjusted.length > 0) this.adjusted = [];
    this.correlation = undefined;
    this.singletons = undefined;
  }

  /**
   * Counts the 2- to 7-digit prefixes of a valid NIK, for the weight of a damaged NIK's few digits: six for
   * a trusted hint (a kecamatan), seven for the range a scientific-notation display stands for.
   */
  addNik(nik: string): void {
    for (let n = 2; n <= 7; n++) {
      const p = nik.slice(0, n);
      this.prefixes.set(p, (this.prefixes.get(p) ?? 0) + 1);
    }
    this.niks++;
  }

  /**
   * P(a provincial row's valid NIK is held by no central row): the central row it copies lost its NIK, the
   * province mistyped it, or the person is not in the central list (counted by countCopies). What
   * `unlistedCopy` weighs: for two strangers to agree so, the stranger's provincial NIK must be missing from
   * the central list too. 1, saying nothing, while fewer than 1,000 provincial rows were counted; never below
   * one row in 1,000.
   */
  unlistedShare(): number {
    const [rows, found] = this.copies;
    if (rows < 1000) return 1;
    return Math.max(rows - found, rows / 1000) / rows;
  }

  /** Counts a listed row's wave, for the weight of two rows agreeing on it. */
  addWave(wave: number): void {
    this.waves.set(wave, (this.waves.get(wave) ?? 0) + 1);
    this.waved++;
  }

  /**
   * Counts the visit purposes afresh, the rest kept: every guest-book row of `records` with a valid NIK and
   * a purpose, listed when its NIK is in `listed` (the NIKs of the book that a central or provincial list
   * holds). What a guest book changes of the statistics (resolve/incremental.ts).
   */
  countVisits(records: Iterable<Pick<ResolveRecord, 'source' | 'nik' | 'purpose'>>, listed: ReadonlySet<string>): void {
    this.purposes.clear();
    this.visits[0] = 0;
    this.visits[1] = 0;
    for (const r of records) {
      if (r.source === 'walkin' && r.nik !== null && r.purpose !== null) this.addVisit(r.purpose, listed.has(r.nik));
    }
  }

  /** Counts a guest-book row that has a valid NIK: its purpose, and whether that NIK is in a list. */
  addVisit(purpose: string, listed: boolean): void {
    const counts = this.purposes.get(purpose) ?? [0, 0];
    counts[listed ? 0 : 1]++;
    this.purposes.set(purpose, counts);
    this.visits[listed ? 0 : 1]++;
  }

  /**
   * m = P(purpose | listed recipient), u = P(purpose | not listed), add-one smoothed; null when the purpose
   * (or either kind of visitor) was seen too rarely to say anything.
   * @example f.purposeMu('pencairan insentif') // { m: 0.2, u: 0.004 }: 50 times likelier from a recipient
   */
  purposeMu(purpose: string): MU | null {
    const [listed, other] = this.purposes.get(purpose) ?? [0, 0];
    const [allListed, allOther] = this.visits;
    if (listed + other < MIN_PURPOSE_ROWS || allListed < MIN_PURPOSE_ROWS || allOther < MIN_PURPOSE_ROWS) return null;
    return { m: (listed + 1) / (allListed + 2), u: (other + 1) / (allOther + 2) };
  }

  /** P(a random listed row is of this wave); 0.1 before there are rows to count. */
  waveFrequency(wave: number): number {
    if (this.waved < 100) return 0.1;
    return Math.max(this.waves.get(wave) ?? 0, 1) / this.waved;
  }

  /**
   * P(a random valid NIK starts with the first (up to 6) digits of `hint`): in one city's list, `1271` is
   * nearly everyone. Without enough NIKs to count, as if digits were uniform, but never below 1e-4.
   */
  prefixFrequency(hint: string): number {
    const p = hint.slice(0, Math.min(hint.length, 6));
    if (this.niks < 1000) return Math.min(1, Math.max(10 ** -p.length, 1e-4));
    return Math.max(this.prefixes.get(p) ?? 0, 1) / this.niks;
  }

  /**
   * P(a random valid NIK lies in `range`), counted on prefixes of up to seven digits: a scientific-notation
   * display with six digits shown (`1,27116E+15`) stands for ten 7-digit prefixes, half of two kecamatans,
   * which in one city's list is a tenth of its trusted 5-digit prefix's share. A range finer than seven
   * digits counts the 7-digit prefixes it touches (an upper bound). Undefined when it cannot be counted:
   * too few NIKs, a range of more than a hundred prefixes, or frequencies learnt before NIKs were counted to
   * seven digits (a stored snapshot of the previous version): the caller then falls back to the hint.
   *
   * @example f.rangeFrequency(scientificRange('1,27116E+15')) // 0.03 in a Kota Medan list
   */
  rangeFrequency(range: NikRange): number | undefined {
    if (this.niks < 1000) return undefined;
    const significant = Math.max(range.low.replace(/0+$/, '').length, range.high.replace(/9+$/, '').length);
    const digits = Math.min(7, Math.max(2, significant));
    const from = Number(range.low.slice(0, digits));
    const to = Number(range.high.slice(0, digits));
    if (!(to >= from) || to - from >= 100) return undefined;
    let count = 0;
    for (let v = from; v <= to; v++) count += this.prefixes.get(String(v).padStart(digits, '0')) ?? 0;
    if (count === 0 && digits === 7) {
      // Nothing counted: right when the two kecamatans hold no listed NIK, but also what frequencies without
      // 7-digit prefixes say. Those have the 6-digit count and not one of its ten 7-digit parts.
      for (const parent of new Set([range.low.slice(0, 6), range.high.slice(0, 6)])) {
        if ((this.prefixes.get(parent) ?? 0) === 0) continue;
        let parts = 0;
        for (let d = 0; d <= 9; d++) parts += this.prefixes.get(`${parent}${d}`) ?? 0;
        if (parts === 0) return undefined;
      }
    }
    return Math.max(count, 1) / this.niks;
  }

  /** Counts the provincial copy of the central list (see `copyPrior`). */
  countCopies(provinceRows: number, found: number, claimed: number): void {
    this.copies[0] = provinceRows;
    this.copies[1] = found;
    this.copies[2] = claimed;
  }

  /**
   * P(a central row and a provincial row are one person) when their NIKs are not the same: the province
   * copies the central list, so a provincial row is some central row with the share of its rows found there
   * by NIK, and not one of those the provincial list already holds by their NIK (the copy lists a person
   * about once). So 1 in (central rows − those claimed), not 1 in the list's size: on the 20k accuracy set
   * 1 in 15,000 where the list-wide prior says 1 in 20,000, and the rows neither list finds by NIK are one
   * person at 1.34 times the list-wide rate there (counted on its ground truth). Undefined (the list-wide
   * prior) while fewer than 100 provincial rows or 1,000 unclaimed central rows were counted.
   *
   * @example f.copyPrior() // 0.975 / 15_000 when 97.5% of the provincial rows are found, 5,000 central rows claimed
   */
  copyPrior(): number | undefined {
    const [rows, found, claimed] = this.copies;
    if (rows < 100 || this.total - claimed < 1000) return undefined;
    return found / rows / (this.total - claimed);
  }

  /** How many names were counted: the N of the prior. */
  get size(): number {
    return this.total;
  }

  count(key: string): number {
    return this.counts.get(key) ?? 0;
  }

  /**
   * The share of the counted names bearing `word` whose NIK is of `sex`; undefined while fewer than 10 such
   * names had a NIK to tell. A family name (SITUMORANG, a marga) is borne by both sexes; a given name mostly
   * by one (WIDIASTUTI, SAPUTRA).
   */
  wordSexShare(word: string, sex: 'M' | 'F'): number | undefined {
    const [m, f] = this.wordSexes.get(word) ?? [0, 0];
    if (m + f < 10) return undefined;
    return (sex === 'M' ? m : f) / (m + f);
  }

  /** How many of the counted names hold `word` as one of their words. */
  wordCount(word: string): number {
    return this.tokens.get(word) ?? 0;
  }

  /**
   * P(a random person is called `key`), smoothed.
   * @example f.frequency('SITI AMINAH') // e.g. 4.1e-4 when 410 of a million records carry it
   */
  frequency(key: string, lists = false): number {
    if (this.total === 0) return 1e-5;
    const n = Math.max(this.total, 1000);
    const r = this.count(key);
    // A name of one word between two list rows: as common as its word among the listed names (the strangers
    // who could be written so), without the words-come-together factor, which is about names of two words
    // or more (YONDRI, held twice in the 20k list, counted as 18). Against a guest-book row the factor stays:
    // without it, at 100k two visitors with one-word names were linked to strangers a NIK keystroke away.
    if (lists && wordBucket(key) === 1) {
      if (r >= 2) return Math.max(this.smoothed(r) / n, this.tokenProduct(key, n), 0.1 / n);
      return Math.max(this.tokenProduct(key, n), this.singletonCount(key) / n);
    }
    // A name seen twice or more: its own (smoothed) count, every holder counted. It once left out the
    // record being matched (r − 1), but the other holders are who the visitor may be as well: a name held by
    // two listed persons weighed as if one other person had it (Good–Turing r*(1) = 0.33 where r*(2), 1.0
    // at 20k and 1.5 at 100k, matches the true frequency, measured on the generator), and two name-only
    // links of five false ones at 100k went to the wrong one of two recipients of one name.
    // A name seen at most once says little by its count, so it is estimated from its words as if they
    // were independent (BOSTON HOTMAN SIAHAAN is as rare as its three words together make it), but never
    // as rarer than the names of as many words that this list holds once (singletonCount).
    if (r >= 2) return Math.max(this.smoothed(r) / n, this.tokenProduct(key, n) * this.tokenCorrelation(), 0.1 / n);
    return Math.max(this.tokenProduct(key, n) * this.tokenCorrelation(), this.singletonCount(key) / n);
  }

  /**
   * How many people of the list's size a name held by one listed person stands for: the Good–Turing
   * estimate r* = 2·n2/n1 over the names of as many words (one, two, three or more), n1 of them held once
   * and n2 twice. Names of three words are far rarer than names of two, so one figure for all (the 0.1
   * this replaced) was a cautious guess for three words and a bold one for two. Measured on the generator
   * (20k recipients, true frequencies from a 3M sample): three or more words r* 0.036 against a true mean of
   * 0.029; two words 0.68 against 0.66. While fewer than 50 names of that length are held once or 5 twice,
   * 0.1 as before.
   */
  private singletonCount(key: string): number {
    if (this.singletons === undefined) {
      const n1 = [0, 0, 0, 0];
      const n2 = [0, 0, 0, 0];
      for (const [name, count] of this.counts) {
        if (count > 2) continue;
        const w = wordBucket(name);
        (count === 1 ? n1 : n2)[w] = ((count === 1 ? n1 : n2)[w] ?? 0) + 1;
      }
      this.singletons = n1.map((a, w) => {
        const b = n2[w] ?? 0;
        return a >= 50 && b >= 5 ? (2 * b) / a : 0.1;
      });
    }
    return this.singletons[wordBucket(key)] ?? 0.1;
  }

  /**
   * How much likelier a name's words come together than if they were independent. They are not: a woman's
   * first name comes with a woman's second name, a Batak name with a marga, a Javanese name with a Javanese
   * one. Measured on this list, as the median ratio of observed to independent frequency over the names of
   * two or more words seen at least five times (where the count is reliable); 1 when fewer than 30 such
   * names exist. In a generated 20k list it is about 3.6: without it a rare-looking name weighed two bits
   * too much, and name-only links were overconfident.
   */
  private tokenCorrelation(): number {
    if (this.correlation !== undefined) return this.correlation;
    const n = Math.max(this.total, 1000);
    const ratios: number[] = [];
    for (const [key, count] of this.counts) {
      if (count < 5 || !key.includes(' ')) continue;
      ratios.push(Math.log2(count / n / this.tokenProduct(key, n)));
    }
    ratios.sort((a, b) => a - b);
    const median = ratios.length < 30 ? 0 : (ratios[ratios.length >> 1] ?? 0);
    this.correlation = 2 ** Math.max(0, median);
    return this.correlation;
  }

  /** Product of the words' frequencies; a word never seen counts as seen once. */
  private tokenProduct(key: string, n: number): number {
    let p = 1;
    for (const t of new Set(key.split(' '))) p *= Math.max(this.tokens.get(t) ?? 0, 1) / n;
    return p;
  }

  private smoothed(r: number): number {
    if (this.adjusted.length === 0) this.computeAdjusted();
    return r < this.adjusted.length ? (this.adjusted[r] ?? r) : r;
  }

  private computeAdjusted(): void {
    const nr = new Map<number, number>();
    for (const c of this.counts.values()) if (c <= 6) nr.set(c, (nr.get(c) ?? 0) + 1);
    const adjusted = [0];
    for (let r = 1; r <= 5; r++) {
      const a = nr.get(r) ?? 0;
      const b = nr.get(r + 1) ?? 0;
      // Good–Turing is only trusted while it is monotone and below the raw count; then the raw count.
      const gt = a > 0 && b > 0 ? ((r + 1) * b) / a : r;
      const prev = adjusted[r - 1] ?? 0;
      adjusted.push(gt < r && gt > prev ? gt : r);
      if (!(gt < r && gt > prev)) {
        for (let k = r + 1; k <= 5; k++) adjusted.push(k);
        break;
      }
    }
    this.adjusted = adjusted;
  }
}

/**
 * Name frequencies over the central list, where each recipient appears about once; over every record
 * when there is no central list yet. Also the NIK prefixes, waves and visit purposes the weights count.
 *
 * @example countFrequencies(records).frequency('SITI AMINAH')
 */
export function countFrequencies(records: readonly ResolveRecord[]): NameFrequencies {
  const freqs = new NameFrequencies();
  const hasCentral = records.some((r) => r.source === 'central');
  // Which guest-book NIKs are in a list: a set of the book's NIKs (thousands), not of the lists' (millions).
  const bookNiks = new Set<string>();
  for (const r of records) {
    if (!hasCentral || r.source === 'central') freqs.add(r.nameKey, r.sex);
    if (r.nik !== null) freqs.addNik(r.nik);
    if (r.wave !== null && r.source !== 'walkin') freqs.addWave(r.wave);
    if (r.source === 'walkin' && r.nik !== null && r.purpose !== null) bookNiks.add(r.nik);
  }
  const listed = new Set<string>();
  for (const r of records) if (r.source !== 'walkin' && r.nik !== null && bookNiks.has(r.nik)) listed.add(r.nik);
  if (hasCentral) countCopies(records, freqs);
  freqs.countVisits(records, listed);
  return freqs;
}

/**
 * How much of the provincial list copies the central one, by valid NIKs found whole in both (the prior of a
 * central row against a provincial one, `copyPrior`). Holds a set of the provincial NIKs only.
 */
function countCopies(records: readonly ResolveRecord[], freqs: NameFrequencies): void {
  const province = new Set<string>();
  let provinceRows = 0;
  for (const r of records) {
    if (r.source !== 'province' || r.nik === null) continue;
    province.add(r.nik);
    provinceRows++;
  }
  const found = new Set<string>();
  let claimed = 0;
  for (const r of records) {
    if (r.source !== 'central' || r.nik === null || !province.has(r.nik)) continue;
    found.add(r.nik);
    claimed++;
  }
  let foundRows = 0;
  for (const r of records) if (r.source === 'province' && r.nik !== null && found.has(r.nik)) foundRows++;
  freqs.countCopies(provinceRows, foundRows, claimed);
}

/**
 * A compared field and its level: the level's type follows the field, so a new level cannot compile
 * without its weight (ModelParameters) and its meaning (explain). The prior's level is its odds in words
 * (`1 in 20000`), the purpose's the visit purpose as written.
 */
export type FieldLevel =
  | { field: 'prior'; level: string }
  | { field: 'nik'; level: NikLevel }
  | { field: 'name'; level: NameLevel }
  | { field: 'phone'; level: PhoneLevel }
  | { field: 'wave'; level: WaveLevel }
  | { field: 'purpose'; level: string };

export type WeightTerm = FieldLevel & {
  m: number | null;
  u: number | null;
  weight: number;
};

export interface Score {
  terms: WeightTerm[];
  /** log2 of the posterior odds. */
  weight: number;
  probability: number;
}

const log2 = Math.log2;
const U_FLOOR = 1e-9;

/** A level's u as weighed: the level's own, or `u` when given, never below the floor (0 for a level that says nothing). */
const uOf = (mu: MU | null, u?: number): number => (mu === null ? 0 : Math.max(u ?? mu.u, U_FLOOR));
/** A level's weight, log2(m / u); 0 for a level that says nothing (`missing`). */
const weightOf = (mu: MU | null, u: number): number => (mu === null ? 0 : log2(mu.m / u));
/**
 * A name one typo from another (`jw95`) is as common as the name, times how many names lie that close to
 * it: spelling variants of its words (HUSAIN / HUSIN, FAUZI / FAUZY) are other people's names. Ten is a
 * cautious guess, not a measurement: on the 20k accuracy set 3 and 10 link the same pairs. Capped at the
 * level's own u, so that only a name rarer than 1 in 50,000 (a three-word name held once) weighs more.
 */
const JW95_NEIGHBOURS = 10;

/**
 * The match weight of a compared pair, term by term.
 *
 * @example
 * scorePair({ nik: 'one_edit', name: 'exact', phone: 'missing' }, 'BUDI SANTOSO', freqs).probability // ≈ 0.999
 */
export function scorePair(
  levels: Levels,
  nameKey: string,
  freqs: NameFrequencies,
  params: ModelParameters = DEFAULT_PARAMETERS,
  nikHint: string | null = null,
  wave: number | null = null,
  nikRange: NikRange | null = null,
  /** Which lists the rows come from (`pairKind`); null, as any pair: the deterministic pass under one NIK. */
  kind: PairKind | null = null,
  /** The pair is a central row without a valid NIK and a provincial row whose NIK is unlisted (`unlistedCopy`). */
  unlisted = false,
): Score {
  const terms: WeightTerm[] = [];
  const weight = weighPair(terms, levels, nameKey, freqs, params, nikHint, wave, nikRange, kind, unlisted);
  return { terms, weight, probability: probabilityOf(weight) };
}

/**
 * scorePair's weight, and into `terms` (when given) the terms it adds up. Without terms no term is made: the
 * prediction scores millions of pairs of neighbours by birth date and serial (3.4 M at 2.2 M records) and
 * keeps only the weight of the few it links. The terms are added up in the order they are listed, so the
 * weight is the same number either way.
 */
function weighPair(
  terms: WeightTerm[] | null,
  levels: Levels,
  nameKey: string,
  freqs: NameFrequencies,
  params: ModelParameters,
  nikHint: string | null,
  wave: number | null,
  nikRange: NikRange | null,
  kind: PairKind | null,
  unlisted: boolean,
): number {
  const lists = kind === 'copy' || kind === 'list';
  const n = Math.max(freqs.size, 1000);
  // Two rows of one NIK are the pairs that claim, so they keep the list-wide prior.
  const copy = kind === 'copy' && levels.nik !== 'exact' ? freqs.copyPrior() : undefined;
  const prior = copy ?? 1 / n;
  let weight = 0 + log2(prior);
  terms?.push({ field: 'prior', level: `1 in ${Math.round(1 / prior)}`, m: null, u: null, weight: log2(prior) });
  // Each term is one whole literal (a spread per term, { ...term, m, u, weight }, made every scored pair's
  // terms outlive the young generation: 330k records peaked at 670 MB instead of 390), and made only when
  // asked for: `terms?.push(…)` does not build its argument when there are no terms.
  let prefixU: number | undefined;
  if (levels.nik === 'damaged_short') {
    prefixU = nikRange !== null ? freqs.rangeFrequency(nikRange) : undefined;
    if (prefixU === undefined && nikHint !== null) prefixU = freqs.prefixFrequency(nikHint);
  }
  const nikMu = params.nik[levels.nik];
  if (unlisted && nikMu !== null && (levels.nik === 'damaged_short' || levels.nik === 'damaged_long')) {
    // Two strangers agree so only when the stranger's provincial NIK is missing from the list too: u times that share.
    prefixU = (prefixU ?? nikMu.u) * freqs.unlistedShare();
  }
  const nikU = uOf(nikMu, prefixU);
  const nikW = weightOf(nikMu, nikU);
  weight += nikW;
  terms?.push({ field: 'nik', level: levels.nik, m: nikMu?.m ?? null, u: nikMu === null ? null : nikU, weight: nikW });
  const nameMu = params.name[levels.name];
  const tf =
    levels.name === 'exact' || levels.name === 'reordered'
      ? freqs.frequency(nameKey, lists)
      : levels.name === 'jw95' && nameMu !== null
        ? Math.min(nameMu.u, freqs.frequency(nameKey, lists) * JW95_NEIGHBOURS)
        : undefined;
  const nameU = uOf(nameMu, tf);
  const nameW = weightOf(nameMu, nameU);
  weight += nameW;
  terms?.push({ field: 'name', level: levels.name, m: nameMu?.m ?? null, u: nameMu === null ? null : nameU, weight: nameW });
  const phoneMu = params.phone[levels.phone];
  const phoneU = uOf(phoneMu);
  const phoneW = weightOf(phoneMu, phoneU);
  weight += phoneW;
  terms?.push({ field: 'phone', level: levels.phone, m: phoneMu?.m ?? null, u: phoneMu === null ? null : phoneU, weight: phoneW });
  if (levels.wave !== undefined) {
    const waveMu = params.wave[levels.wave];
    const waveU = uOf(waveMu, levels.wave === 'same' && wave !== null ? freqs.waveFrequency(wave) : undefined);
    const waveW = weightOf(waveMu, waveU);
    weight += waveW;
    terms?.push({ field: 'wave', level: levels.wave, m: waveMu?.m ?? null, u: waveMu === null ? null : waveU, weight: waveW });
  }
  if (levels.purpose !== undefined) {
    const purposeMu = freqs.purposeMu(levels.purpose);
    const purposeU = uOf(purposeMu);
    const purposeW = weightOf(purposeMu, purposeU);
    weight += purposeW;
    terms?.push({ field: 'purpose', level: levels.purpose, m: purposeMu?.m ?? null, u: purposeMu === null ? null : purposeU, weight: purposeW });
  }
  return weight;
}

/**
 * The range a pair's damaged NIK is weighed by (scorePair's `nikRange`): only between the central list and
 * the provincial one, which copies it, so that one of its rows is some row of the other. Within one list a
 * person named twice is a mistake of the list, and a guest-book row is a listed person only sometimes: there
 * two people of one name in one range are as likely, and the trusted prefix weighs it, as before. On the
 * 100k accuracy run (seed 7) such merges between the two lists were right 616 times of 617, within one list
 * 8 of 10; between the book and a list 1 link in 10 they added was wrong, at 1M link precision fell 0.9990 →
 * 0.9987.
 *
 * @example weighedRange(central, province) // central.nikRange ?? province.nikRange
 */
export function weighedRange(l: Pick<ResolveRecord, 'source' | 'nikRange'>, r: Pick<ResolveRecord, 'source' | 'nikRange'>): NikRange | null {
  return pairKind(l, r) === 'copy' ? (l.nikRange ?? r.nikRange) : null;
}

/**
 * Which lists a pair's rows come from: `copy` a central row and a provincial one, `list` two rows of one
 * list, `book` a guest-book row and any other. What scorePair's prior and one-word names depend on.
 */
export type PairKind = 'copy' | 'list' | 'book';

/** @example pairKind(central, province) // 'copy' */
export function pairKind(l: Pick<ResolveRecord, 'source'>, r: Pick<ResolveRecord, 'source'>): PairKind {
  if (l.source === 'walkin' || r.source === 'walkin') return 'book';
  return l.source === r.source ? 'list' : 'copy';
}

/**
 * Whether a pair is a central row without a valid NIK and a provincial row whose valid NIK no central row
 * holds (ResolveRecord.unlisted). The province copies the central list, so a provincial NIK missing there
 * means the row it copies lost its NIK (the damaged central row beside it), or the province mistyped it:
 * for a stranger, as often as provincial NIKs are missing from the central list. scorePair weighs that
 * (`unlisted`): the damaged NIK's u is multiplied by that share (unlistedShare, 6% on the generator's sets).
 * On the issue-12 variant at 100k, the 36 such pairs left possible (p 0.58–0.98) were all one person, at 20k
 * 6 of 6, on the 100k set 47 of 47. The copy's prior (`copyPrior`) is the base rate of such a pair; this is
 * the evidence of the NIK's absence, on top of it.
 *
 * @example unlistedCopy(centralWithScientificNik, { ...provinceRow, unlisted: true }) // true
 */
export function unlistedCopy(l: Pick<ResolveRecord, 'source' | 'nik' | 'unlisted'>, r: Pick<ResolveRecord, 'source' | 'nik' | 'unlisted'>): boolean {
  const [central, province] = l.source === 'central' ? [l, r] : [r, l];
  return central.source === 'central' && central.nik === null && province.source === 'province' && province.unlisted === true;
}

/**
 * `scorePair` of two compared records, every fact of the pair taken from the records themselves: the name
 * key and wave of `l`, the NIK hint of either, the range (`weighedRange`), the pair's kind (`pairKind`) and
 * whether it is an unlisted copy (`unlistedCopy`). How blocking, the pending pairs and the incremental
 * resolve score a pair, so that they cannot weigh one pair differently.
 */
export function scoreRecords(levels: Levels, l: ResolveRecord, r: ResolveRecord, freqs: NameFrequencies, params: ModelParameters = DEFAULT_PARAMETERS): Score {
  return scorePair(levels, l.nameKey, freqs, params, l.nikHint ?? r.nikHint, l.wave, weighedRange(l, r), pairKind(l, r), unlistedCopy(l, r));
}

/** scoreRecords' weight and probability alone, its terms not made (what the prediction keeps of a pair). */
export function weighRecords(
  levels: Levels,
  l: ResolveRecord,
  r: ResolveRecord,
  freqs: NameFrequencies,
  params: ModelParameters = DEFAULT_PARAMETERS,
): { weight: number; probability: number } {
  const weight = weighPair(null, levels, l.nameKey, freqs, params, l.nikHint ?? r.nikHint, l.wave, weighedRange(l, r), pairKind(l, r), unlistedCopy(l, r));
  return { weight, probability: probabilityOf(weight) };
}

export function probabilityOf(weight: number): number {
  if (weight > 60) return 1;
  const odds = 2 ** weight;
  return odds / (1 + odds);
}

export type Decision = 'match' | 'possible' | 'none';

export function decide(probability: number, params: ModelParameters = DEFAULT_PARAMETERS): Decision {
  if (probability >= params.matchThreshold) return 'match';
  if (probability >= params.possibleThreshold) return 'possible';
  return 'none';
}
