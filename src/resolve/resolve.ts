/**
 * The resolve pipeline: load → deterministic pass → blocking → comparison → scoring → clustering → store.
 *
 * Full (`prakerja resolve`): every record is new, persons and links are rebuilt from nothing.
 * Incremental (after each import): only pairs with at least one unresolved record are compared, existing
 * persons are the starting clusters, and only records whose person changed are written.
 */
import { canonicaliseNik, scientificRange, type NikRange } from '../normalise/nik.js';
import type { Db } from '../store/database.js';
import {
  clearLinks,
  conflictPairs,
  decisionPairs,
  resolveRows,
  writeLinks,
  writePersons,
  withoutPersonIndex,
  type LinkRow,
  type PersonUpdate,
  type ResolveRow,
} from '../store/resolve.js';
import { blockPairs, type BlockingStats } from './blocking.js';
import { clusterLinks, type ClusterLink } from './clustering.js';
import {
  compareName,
  compareNik,
  comparePhone,
  compareRecords,
  compareWave,
  namesCompatible,
  normalisePurpose,
  visitPurpose,
  type Levels,
  type ResolveRecord,
} from './comparison.js';
import { DEFAULT_PARAMETERS, NameFrequencies, decide, scorePair, type ModelParameters, type Score } from './scoring.js';

export interface ResolveOptions {
  /** Rebuild everything (default) or only resolve records that have no person yet. */
  mode?: 'full' | 'incremental';
  params?: ModelParameters;
}

export interface ResolveResult {
  mode: 'full' | 'incremental';
  records: number;
  /** Records compared as new in this run. */
  resolved: number;
  persons: number;
  links: { match: number; possible: number; conflict: number };
  /** Pairs compared, by blocking rule. */
  blocking: BlockingStats;
  /** Links the clustering refused because they would join different NIKs or records in conflict. */
  refused: number;
  /** Persons with two or more central rows of the same wave (a recipient is listed once per wave). */
  duplicatePersons: number;
  /** Persons with records from both the walk-in book and the central or provincial list. */
  walkinRecipients: number;
  /** Seconds per stage, for the benchmark: where the time goes. */
  seconds: { load: number; deterministic: number; blockingAndScoring: number; clustering: number; write: number };
}

interface PendingLink {
  l: number;
  r: number;
  kind: LinkRow['kind'];
  rule: string;
  /** The comparison levels; the weights are recomputed from them when the link is written (memory). */
  levels: Levels | null;
  probability: number | null;
  /** Clustering order: certain links first. */
  weight: number;
}

/**
 * Resolves records into persons and stores the result.
 *
 * @example
 * const result = resolveRecords(db); // after importing central.csv and walkin.csv
 * result.links.match; // pairs linked
 */
export function resolveRecords(db: Db, options: ResolveOptions = {}): ResolveResult {
  const mode = options.mode ?? 'full';
  let mark = performance.now();
  const lap = (): number => {
    const now = performance.now();
    const s = (now - mark) / 1000;
    mark = now;
    return Math.round(s * 100) / 100;
  };
  const seconds = { load: 0, deterministic: 0, blockingAndScoring: 0, clustering: 0, write: 0 };
  const params = options.params ?? DEFAULT_PARAMETERS;
  const records: ResolveRecord[] = [];
  const stored: (number | null)[] = [];
  const storedMatch: (string | null)[] = [];
  const storedScore: (number | null)[] = [];
  const ids: number[] = [];
  // SQLite hands every row fresh strings: a million copies of 'central', of 'single', of a birth date or of
  // SITI AMINAH. One shared copy of each repeated value saves hundreds of MB at national scale; the maps
  // are dropped after loading.
  const intern = new Interner();
  for (const row of resolveRows(db)) {
    ids.push(row.id);
    records.push(toResolveRecord(row, intern));
    stored.push(row.person_id);
    storedMatch.push(intern.get(row.match));
    storedScore.push(row.score);
  }
  intern.clear();
  // Record ids come in ascending order, so an id's index is a binary search (a Map of a million ids is ~60 MB).
  const indexOf = { get: (id: number): number | undefined => binarySearch(ids, id) };
  const isNew = (i: number): boolean => mode === 'full' || stored[i] === null;
  let resolved = 0;
  for (let i = 0; i < records.length; i++) if (isNew(i)) resolved++;

  const freqs = nameFrequencies(records);
  seconds.load = lap();
  const pending: PendingLink[] = [];
  const cannotLink: [number, number][] = [];

  deterministicPass(records, isNew, freqs, params, pending, cannotLink);
  seconds.deterministic = lap();

  const blocking = blockPairs(
    records,
    (i, j) => {
      const l = records[i];
      const r = records[j];
      if (!l || !r) return;
      // A different NIK with no phone agreeing cannot reach the threshold: skip the name comparison, which
      // is most of the cost (most candidate pairs are neighbours by birth date and serial, not one person).
      const nik = compareNik(l, r);
      const phone = comparePhone(l.phone, r.phone);
      if (nik === 'different' && phone !== 'exact') return;
      const levels: Levels = { nik, name: compareName(l.nameKey, r.nameKey, l.namePhonetic, r.namePhonetic), phone, wave: compareWave(l, r) };
      const purpose = visitPurpose(l, r);
      if (purpose !== undefined) levels.purpose = purpose;
      const score = scorePair(levels, l.nameKey, freqs, params, l.nikHint ?? r.nikHint, l.wave);
      const decision = decide(score.probability, params);
      if (decision === 'none') return;
      pending.push({ l: i, r: j, kind: decision, rule: 'model', levels, probability: score.probability, weight: score.weight });
    },
    { isNew: mode === 'full' ? undefined : isNew },
  );

  seconds.blockingAndScoring = lap();

  // Review decisions override the model: Y merges, N keeps apart.
  for (const d of decisionPairs(db)) {
    const l = indexOf.get(d.record_l);
    const r = indexOf.get(d.record_r);
    if (l === undefined || r === undefined) continue;
    if (d.decision === 'Y') pending.push({ l, r, kind: 'match', rule: 'review', levels: null, probability: 1, weight: Infinity });
    else cannotLink.push([l, r]);
  }
  if (mode === 'incremental') {
    for (const c of conflictPairs(db)) {
      const l = indexOf.get(c.record_l);
      const r = indexOf.get(c.record_r);
      if (l !== undefined && r !== undefined) cannotLink.push([l, r]);
    }
  }
  const rejectedByReview = new Set(cannotLink.map(([a, b]) => pairId(a, b)));

  const matchLinks: ClusterLink[] = [];
  const matchPending: PendingLink[] = [];
  for (const p of pending) {
    if (p.kind !== 'match') continue;
    if (p.rule !== 'review' && rejectedByReview.has(pairId(p.l, p.r))) {
      p.kind = 'possible';
      p.rule = 'review_no';
      continue;
    }
    matchLinks.push({ l: p.l, r: p.r, weight: p.weight, force: p.rule === 'review' });
    matchPending.push(p);
  }
  const clusters = clusterLinks(
    {
      size: records.length,
      nikOf: (i) => records[i]?.nik ?? null,
      initialGroup: mode === 'incremental' ? (i) => stored[i] ?? null : undefined,
      cannotLink,
    },
    matchLinks,
  );
  for (const i of clusters.refused) {
    const p = matchPending[i];
    if (p) p.kind = 'possible';
  }

  // Each record's person id is the smallest record id in its cluster; how it joined is its strongest link.
  // Indexed by the root's position (a typed array, not a Map: a million persons).
  const personOf = new Float64Array(records.length).fill(Infinity);
  for (let i = 0; i < records.length; i++) {
    const root = clusters.root[i] ?? i;
    const id = records[i]?.id ?? 0;
    if (id < (personOf[root] ?? Infinity)) personOf[root] = id;
  }
  const how: ({ rule: string; score: number | null } | undefined)[] = new Array(records.length);
  for (const p of pending) {
    if (p.kind !== 'match') continue;
    const probability = p.probability ?? 1;
    for (const i of [p.l, p.r]) {
      const h = how[i];
      if (!h || (h.score ?? 1) < probability || (p.rule === 'exact_nik' && h.rule !== 'exact_nik')) how[i] = { rule: p.rule, score: probability };
    }
  }

  seconds.clustering = lap();
  const counts = { match: 0, possible: 0, conflict: 0 };
  const write = db.transaction(() => {
    if (mode === 'full') clearLinks(db);
    writeLinks(db, linkRows(pending, records, counts, freqs, params));
    // A generator, not an array: a million update objects at once would be 100+ MB for nothing.
    function* updates(): Generator<PersonUpdate> {
      for (let i = 0; i < records.length; i++) {
        const r = records[i];
        if (!r) continue;
        const found = personOf[clusters.root[i] ?? i] ?? Infinity;
        const person = Number.isFinite(found) ? found : r.id;
        const h = how[i];
        let match = h?.rule ?? 'single';
        let score = h?.score === undefined || h.score === null ? null : round(h.score, 6);
        if (!isNew(i) && (!h || storedMatch[i] !== 'single')) {
          // Incremental: an already resolved record keeps how it joined unless it was alone until now.
          match = storedMatch[i] ?? match;
          score = storedScore[i] ?? null;
        }
        // Unchanged records are not rewritten: a second `prakerja resolve` then costs almost no writes.
        if (stored[i] === person && storedMatch[i] === match && storedScore[i] === score) continue;
        yield { id: r.id, person_id: person, match, score };
      }
    }
    if (mode === 'full') withoutPersonIndex(db, () => writePersons(db, updates()));
    else writePersons(db, updates());
  });
  write();

  seconds.write = lap();
  const summary = summarise(records, clusters.root);
  return {
    mode,
    records: records.length,
    resolved,
    persons: summary.persons,
    links: counts,
    blocking,
    refused: clusters.refused.size,
    duplicatePersons: summary.duplicatePersons,
    walkinRecipients: summary.walkinRecipients,
    seconds,
  };
}

function binarySearch(sorted: readonly number[], value: number): number | undefined {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = sorted[mid] ?? 0;
    if (v === value) return mid;
    if (v < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}

function pairId(a: number, b: number): string {
  return a < b ? `${a}:${b}` : `${b}:${a}`;
}

/** One shared copy of each distinct string value (see the load loop of `resolveRecords`). */
class Interner {
  private readonly seen = new Map<string, string>();
  get(value: string): string;
  get(value: string | null): string | null;
  get(value: string | null): string | null {
    if (value === null) return value;
    const known = this.seen.get(value);
    if (known !== undefined) return known;
    this.seen.set(value, value);
    return value;
  }
  clear(): void {
    this.seen.clear();
  }
}

function toResolveRecord(row: Omit<ResolveRow, 'person_id' | 'match' | 'score'>, intern: Interner): ResolveRecord {
  let nikDigits: string | null = null;
  if (row.nik_status === 'invalid' && row.nik_raw !== null) {
    // A mistyped region or date, or a dropped digit, still compares digit by digit.
    const c = canonicaliseNik(row.nik_raw);
    if (/^\d{15,17}$/.test(c)) nikDigits = c;
  }
  // A scientific-notation display still says which NIKs it can have been rounded from.
  const nikRange: NikRange | null = row.nik_status === 'damaged' && row.nik_raw !== null ? scientificRange(row.nik_raw) : null;
  return {
    id: row.id,
    // Literals are one shared string each.
    source: row.source === 'central' ? 'central' : row.source === 'province' ? 'province' : 'walkin',
    nik: row.nik,
    nikDigits,
    nikHint: row.nik_hint,
    nikRange,
    nameKey: intern.get(row.name_key),
    namePhonetic: intern.get(row.name_phonetic),
    wave: row.wave,
    phone: row.phone,
    birthDate: intern.get(row.birth_date),
    sex: row.sex === 'M' ? 'M' : row.sex === 'F' ? 'F' : null,
    purpose: intern.get(normalisePurpose(row.purpose)),
  };
}

/**
 * Name frequencies over the central list, where each recipient appears about once; over every record
 * when there is no central list yet. Also the NIK prefixes, waves and visit purposes the weights count.
 */
function nameFrequencies(records: readonly ResolveRecord[]): NameFrequencies {
  const freqs = new NameFrequencies();
  const hasCentral = records.some((r) => r.source === 'central');
  // Which guest-book NIKs are in a list: a set of the book's NIKs (thousands), not of the lists' (millions).
  const bookNiks = new Set<string>();
  for (const r of records) {
    if (!hasCentral || r.source === 'central') freqs.add(r.nameKey);
    if (r.nik !== null) freqs.addNik(r.nik);
    if (r.wave !== null && r.source !== 'walkin') freqs.addWave(r.wave);
    if (r.source === 'walkin' && r.nik !== null && r.purpose !== null) bookNiks.add(r.nik);
  }
  const listed = new Set<string>();
  for (const r of records) if (r.source !== 'walkin' && r.nik !== null && bookNiks.has(r.nik)) listed.add(r.nik);
  for (const r of records) {
    if (r.source === 'walkin' && r.nik !== null && r.purpose !== null) freqs.addVisit(r.purpose, listed.has(r.nik));
  }
  return freqs;
}

/**
 * Same valid NIK: one person when the names are compatible ('exact_nik', certain), a conflict otherwise.
 * Within a NIK, records are grouped by name against the first record of each group.
 */
function deterministicPass(
  records: readonly ResolveRecord[],
  isNew: (i: number) => boolean,
  freqs: NameFrequencies,
  params: ModelParameters,
  pending: PendingLink[],
  cannotLink: [number, number][],
): void {
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
    if (!list.some(isNew)) continue;
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
          if (isNew(i) || isNew(g)) {
            const probability = scorePair(levels, r.nameKey, freqs, params).probability;
            pending.push({ l: g, r: i, kind: 'match', rule: 'exact_nik', levels, probability, weight: Infinity });
          }
          joined = true;
          break;
        }
      }
      if (joined) continue;
      for (const g of groups) {
        const rep = records[g];
        if (!rep) continue;
        const levels = compareRecords(rep, r);
        if (isNew(i) || isNew(g)) {
          const probability = scorePair(levels, r.nameKey, freqs, params, null, r.wave).probability;
          pending.push({ l: g, r: i, kind: 'conflict', rule: 'same_nik_other_name', levels, probability, weight: 0 });
        }
        cannotLink.push([g, i]);
      }
      groups.push(i);
    }
  }
}

function* linkRows(
  pending: readonly PendingLink[],
  records: readonly ResolveRecord[],
  counts: ResolveResult['links'],
  freqs: NameFrequencies,
  params: ModelParameters,
): Generator<LinkRow> {
  for (const p of pending) {
    const l = records[p.l];
    const r = records[p.r];
    if (!l || !r) continue;
    counts[p.kind]++;
    const score: Score | null = p.levels ? scorePair(p.levels, l.nameKey, freqs, params, l.nikHint ?? r.nikHint, l.wave) : null;
    yield {
      record_l: Math.min(l.id, r.id),
      record_r: Math.max(l.id, r.id),
      kind: p.kind,
      rule: p.rule,
      weight: score ? round(score.weight) : null,
      probability: score ? round(score.probability, 6) : p.rule === 'review' ? 1 : null,
      levels: JSON.stringify(score ? score.terms.map((t) => ({ ...t, weight: round(t.weight) })) : []),
    };
  }
}

function round(x: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

function summarise(records: readonly ResolveRecord[], root: Int32Array) {
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
