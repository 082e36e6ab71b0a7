/**
 * The resolve after an import, incremental: only the records the import brought and the stored persons
 * they can join are resolved again, under the statistics the last full resolve stored (frozen: see
 * resolve/snapshot.ts). It ends with exactly the links and persons a full resolve under the same statistics
 * would (test/resolve-incremental.test.ts), because what it resolves again is a union of whole components
 * of the link graph:
 *
 * - With the statistics and the capped blocks frozen, whether two records are linked, and how, depends on
 *   the two records alone. So the stored links between stored records are those a full run would make
 *   again, and the only new links are those of a new record.
 * - A new record can be linked only to a record that shares an uncapped block key with it, its valid NIK,
 *   or a review decision (see resolve/partition.ts). Those stored records are found through their stored
 *   block-key hashes (resolve/keys.ts); each pair is compared and scored, and the ones it could link are
 *   kept (a superset of the links the resolve will make: it does not apply blocking's own filters).
 * - Their components are completed through the stored links (any kind), so that no stored link leaves the
 *   set. The set is then resolved as a whole resolve would resolve it (partition.ts: a union of components
 *   resolves alone as among all records), and what changed in it is written.
 *
 * A full resolve that learns the statistics again is run instead when none are stored, when the records
 * (or a central or provincial list's: see SOURCE_FLOOR) have grown by more than GROWTH since they were
 * learnt, when a stored record was deleted since (its keys are stale), or when asked (`import --full`,
 * `prakerja resolve`).
 *
 * When only the guest book grew past that (the office's first book into a big list, or books adding up),
 * only what a book changes is relearnt: its visit purposes (relearnPurposes). They are stored with the
 * persons, and the earlier visits whose purpose now weighs otherwise are resolved again as seeds, beside the
 * new records: a purpose weighs in a visit's pairs with list records only, so every pair whose score moved
 * has a seed in it, and the set resolved is again a union of whole components under the new weights. The
 * first book has no earlier visits, so only its own records and their candidates are resolved.
 *
 * `review apply` (resolveAfterReview) and `import --replaces N` (forgetBatch, resolveAfterReplace) resolve the
 * same way, the decided records, or those the replaced batch was linked to, resolved again with their
 * components (`again`).
 */
import { checkInterrupt } from '../interrupt.js';
import type { SourceKind } from '../store/batches.js';
import type { Db } from '../store/database.js';
import { countUnresolved } from '../store/records.js';
import { personCountsSql } from '../store/reports.js';
import {
  batchResolveRows,
  blockKeysCurrent,
  decisionPairs,
  forgetBlockKeys,
  linkedTo,
  listedNiks,
  loadSnapshot,
  recordsBySource,
  recordsUnderKeys,
  recordsWithNiks,
  listRowsInRanges,
  resolveRowsById,
  reviewCounts,
  unresolvedRows,
  walkinRows,
  writePartialResolution,
  type ResolveRow,
  type SnapshotRow,
} from '../store/resolve.js';
import { inTransaction } from '../store/transaction.js';
import { testFault, testPause } from '../test-hooks.js';
import { compareRecords, type ResolveRecord } from './comparison.js';
import { candidateKeys, KEYS_FORMAT, sortedBlockKeys, storedKeys } from './keys.js';
import { loadRecords } from './load.js';
import type { ReviewedPair } from './overrides.js';
import { resolve } from './resolve.js';
import { everyFew, resolveRecords, seconds, type ResolveResult } from './run.js';
import { frozenContext, snapshotOfFrequencies } from './snapshot.js';
import { decide, DEFAULT_PARAMETERS, scoreRecords, type ModelParameters, type MU, type NameFrequencies } from './scoring.js';

/**
 * Growth of the records since the statistics were learnt above which a full resolve learns them again.
 * Ten percent: the prior's N then moves by at most log2(1.1) = 0.14 bits and a name's count by a tenth,
 * small beside the 4 bits between the possible and the match thresholds, while a guest book of a month
 * (thousands of rows) into a list of a million stays far below it; a new province list (hundreds of
 * thousands) crosses it and is relearnt, as its names change the frequencies.
 */
export const GROWTH = 0.1;

/**
 * A source's statistics are still forming below this many of its records: until then GROWTH of this many
 * (1,000 new rows of it) relearns. The visit purposes are learnt from the guest book alone, so the first
 * books into a database of lists change them much although they add little to the records: at 1 M central
 * records, a first book of 5,000 resolved under statistics without purposes ended with 40 persons other
 * than a relearnt resolve. For the guest book, only its purposes are relearnt then (see relearnPurposes).
 */
export const SOURCE_FLOOR = 10_000;

/**
 * What grew by more than GROWTH since the statistics were learnt: the records as a whole (`records`), and
 * which sources (`sources`). `newRows` are those not matched yet, `now` the records of each source now
 * (these included). A source's growth is counted over every import since, not over the last one alone:
 * guest books of 900 rows one after another are as new to the statistics as one of 4,500.
 */
export function growthSince(
  snapshot: Pick<SnapshotRow, 'records' | 'keyed_count' | 'sources'>,
  newRows: readonly Pick<ResolveRow, 'source'>[],
  now: Record<SourceKind, number>,
): { records: boolean; sources: SourceKind[] } {
  const records = snapshot.keyed_count + newRows.length > snapshot.records * (1 + GROWTH);
  const learnt = learntSources(snapshot);
  // A snapshot stored before the per-source counts: relearn once to have them.
  if (learnt === null) return { records: true, sources: [] };
  const sources = SOURCES.filter((s) => {
    const before = learnt[s];
    return now[s] - before > GROWTH * Math.max(before, SOURCE_FLOOR);
  });
  return { records, sources };
}

/** Whether the records, or one source's, grew by more than GROWTH since the statistics were learnt (see growthSince). */
export function grownSince(
  snapshot: Pick<SnapshotRow, 'records' | 'keyed_count' | 'sources'>,
  newRows: readonly Pick<ResolveRow, 'source'>[],
  now: Record<SourceKind, number>,
): boolean {
  const growth = growthSince(snapshot, newRows, now);
  return growth.records || growth.sources.length > 0;
}

const SOURCES = ['central', 'province', 'walkin'] as const;

const PURPOSES_AT = 'purposes_learnt_at';

/**
 * Whether a guest book's growth relearnt its visit purposes after the other statistics: when (ISO; null when
 * an older build relearnt them, which stored no time) and from how many guest-book records. Null when they
 * are as the full resolve learnt them. A full resolve stores each source's records, adding up to the
 * records it learnt from; only a relearning moves the book's count off that sum.
 * @example purposesRelearnt({ records: 12000, sources: '{"central":12000,"province":0,"walkin":1100,"purposes_learnt_at":"2026-12-01T19:20:00.000Z"}' })
 * // { at: '2026-12-01T19:20:00.000Z', records: 1100 }
 */
export function purposesRelearnt(snapshot: Pick<SnapshotRow, 'records' | 'sources'>): { at: string | null; records: number } | null {
  const learnt = learntSources(snapshot);
  if (learnt === null) return null;
  const parsed = JSON.parse(snapshot.sources) as Record<string, unknown>;
  const at = typeof parsed[PURPOSES_AT] === 'string' ? parsed[PURPOSES_AT] : null;
  if (at === null && learnt.central + learnt.province + learnt.walkin === snapshot.records) return null;
  return { at, records: learnt.walkin };
}

/** The records of each source the statistics were learnt from; null for a snapshot stored before they were counted. */
function learntSources(snapshot: Pick<SnapshotRow, 'sources'>): Record<SourceKind, number> | null {
  const parsed: unknown = JSON.parse(snapshot.sources);
  const learnt = typeof parsed === 'object' && parsed !== null ? new Map(Object.entries(parsed)) : new Map<string, unknown>();
  if (learnt.size === 0) return null;
  return { central: Number(learnt.get('central') ?? 0), province: Number(learnt.get('province') ?? 0), walkin: Number(learnt.get('walkin') ?? 0) };
}

/** Why a full resolve was run instead of an incremental one. */
export type FullBecause = 'asked' | 'no_snapshot' | 'grown' | 'keys_stale';

export interface IncrementalOptions {
  params?: ModelParameters;
  signal?: AbortSignal;
  /**
   * Stored records to resolve again with their components, though no statistic of theirs changed: the
   * records of review decisions just saved (see resolveAfterReview).
   */
  again?: readonly number[];
}

/**
 * Resolves the records without a person (an import's) incrementally; `{ full: reason }` when it cannot, and
 * nothing is written then.
 *
 * @example const r = resolveIncrementally(db); if ('full' in r) resolveRecords(db);
 */
export function resolveIncrementally(db: Db, options: IncrementalOptions = {}): ResolveResult | { full: FullBecause } {
  checkInterrupt(options.signal);
  // Under the write lock from the first read to the last write: an import committing (and resolving) in
  // between would otherwise have its links to the touched persons deleted by this run's stale write. An
  // overlapping import waits for it (PRAKERJA_LOCK_WAIT); readers do not (WAL).
  return inTransaction(db, () => resolveLocked(db, options), { immediate: true });
}

function resolveLocked(db: Db, options: IncrementalOptions): ResolveResult | { full: FullBecause } {
  let t = performance.now();
  const step = () => checkInterrupt(options.signal);
  step();
  const snapshot = loadSnapshot(db);
  if (!snapshot) return { full: 'no_snapshot' };
  if (!blockKeysCurrent(db, snapshot, KEYS_FORMAT)) return { full: 'keys_stale' };
  const newRows = unresolvedRows(db);
  if (newRows.some((r) => r.id <= snapshot.keyed_through)) return { full: 'keys_stale' };
  const now = recordsBySource(db);
  const growth = growthSince(snapshot, newRows, now);
  // A list's growth changes the waves, the NIK prefixes and which visitors are listed: all relearnt.
  if (growth.records || growth.sources.some((source) => source !== 'walkin')) return { full: 'grown' };
  const params = options.params ?? DEFAULT_PARAMETERS;
  const context = frozenContext(snapshot);
  const fresh = loadRecords(newRows).records;
  const freshIds = new Set(fresh.map((r) => r.id));
  // A guest book's growth changes its visit purposes alone: those are relearnt, and the earlier visits
  // whose purpose now weighs otherwise are resolved again with the new ones (see relearnPurposes).
  const purposes = growth.sources.includes('walkin') ? relearnPurposes(db, context.frequencies, freshIds) : null;
  step();
  // The records resolved afresh (seeds): the new ones, and the earlier visits whose scores the relearnt
  // purposes change. Every pair whose score can differ from the stored one has a seed in it.
  const seeds = [...fresh, ...(purposes?.rescored ?? [])];
  const seedIds = new Set(seeds.map((r) => r.id));

  // The stored records sharing a block key or a NIK with a seed, and which of them it could link to.
  const keysOf = seeds.map((r) => candidateKeys(r, context.capped));
  const under = new Map<number, number[]>();
  for (const { hash, record_id } of recordsUnderKeys(db, keysOf.flatMap((k) => k.hashes))) addTo(under, hash, record_id);
  const withNik = new Map<string, number[]>();
  for (const { nik, id } of recordsWithNiks(db, keysOf.flatMap((k) => k.niks))) addTo(withNik, nik, id);
  // A scientific-notation list row's full NIKs, by its range (keys.ts ListRange): per seed, one list a range.
  const found = listRowsInRanges(db, keysOf.flatMap((k) => k.ranges));
  let at = 0;
  const inRanges = keysOf.map((k) => found.slice(at, (at += k.ranges.length)));
  step();
  const candidateIds = new Set<number>();
  for (const list of [...under.values(), ...withNik.values(), ...found]) for (const id of list) if (!seedIds.has(id)) candidateIds.add(id);
  const stored = new Map(loadRecords(resolveRowsById(db, candidateIds)).records.map((r) => [r.id, r]));
  const reached = new Set<number>();
  const checked = new Set<string>();
  seeds.forEach((n, k) => {
    const keys = keysOf[k];
    const lists = [...(keys?.hashes ?? []).map((h) => under.get(h)), ...(keys?.niks ?? []).map((x) => withNik.get(x)), ...(inRanges[k] ?? [])];
    for (const list of lists) {
      for (const id of list ?? []) {
        if (reached.has(id) || seedIds.has(id)) continue;
        const pair = `${n.id}:${id}`;
        if (checked.has(pair)) continue;
        checked.add(pair);
        const o = stored.get(id);
        if (o && couldLink(n, o, params, context.frequencies)) reached.add(id);
      }
    }
  });
  const decisions = decisionPairs(db);
  for (const d of decisions) {
    if (seedIds.has(d.record_l) && !seedIds.has(d.record_r)) reached.add(d.record_r);
    if (seedIds.has(d.record_r) && !seedIds.has(d.record_l)) reached.add(d.record_l);
  }
  // Their whole components, through the stored links; the rescored visits' too (a stored link of theirs
  // that the new purposes undo leaves its other record to be resolved again as well), and those of the
  // records asked for (a review decision joins or parts only records of the components it touches).
  const againIds = [...new Set([...(purposes?.rescored ?? []).map((r) => r.id), ...(options.again ?? [])])].filter((id) => !freshIds.has(id));
  for (const id of againIds) reached.delete(id);
  const again = new Set(againIds);
  let frontier = [...reached, ...againIds];
  while (frontier.length > 0) {
    step();
    const next: number[] = [];
    for (const id of linkedTo(db, frontier)) {
      if (!reached.has(id) && !seedIds.has(id) && !again.has(id)) {
        reached.add(id);
        next.push(id);
      }
    }
    frontier = next;
  }
  const touched = [...reached, ...againIds].sort((a, b) => a - b);
  const rows: ResolveRow[] = [...resolveRowsById(db, touched), ...newRows].sort((a, b) => a.id - b.id);
  const loaded = loadRecords(rows);
  const index = new Map(loaded.records.map((r, i) => [r.id, i]));
  const mine: ReviewedPair[] = [];
  for (const d of decisions) {
    const l = index.get(d.record_l);
    const r = index.get(d.record_r);
    if (l !== undefined && r !== undefined) mine.push({ l, r, decision: d.decision });
  }
  const load = seconds(t);

  const resolution = resolve(loaded, { decisions: mine }, params, step, context);
  t = performance.now();
  testPause('resolve-write');
  testFault('resolve-write');
  step();
  writePartialResolution(db, touched, faultAfterFirst(everyFew(resolution.linkRows, step)), everyFew(resolution.personUpdates, step), sortedBlockKeys(fresh, 0), {
    keyed_through: Math.max(snapshot.keyed_through, fresh[fresh.length - 1]?.id ?? 0),
    keyed_count: snapshot.keyed_count + fresh.length,
  }, purposes === null ? undefined : {
    frequencies: snapshotOfFrequencies(context.frequencies),
    // The book's baseline moves to what the purposes were learnt from, and when; the other sources' stays.
    sources: JSON.stringify({ ...learntSources(snapshot), walkin: now.walkin, [PURPOSES_AT]: new Date().toISOString() }),
  });
  const counts = personCountsSql(db);
  return {
    mode: 'incremental',
    fullBecause: null,
    records: snapshot.keyed_count + fresh.length,
    resolved: loaded.records.length,
    parts: 1,
    components: null,
    links: resolution.links,
    blocking: resolution.blocking,
    refused: resolution.refused,
    persons: counts.persons,
    review: reviewCounts(db),
    walkinRecipients: counts.walkinRecipients,
    duplicatePersons: counts.listedTwice,
    inResentLists: counts.inResentLists,
    purposes: purposes === null ? null : { walkin: purposes.walkin, rematched: purposes.rescored.length },
    seconds: { load, ...resolution.seconds, write: seconds(t) },
  };
}

/**
 * Relearns the visit purposes in `freqs` (in place) from every guest-book record now, as a full resolve
 * counts them (scoring.ts `countFrequencies`), and names the earlier visits (not `fresh`) whose purpose now
 * weighs otherwise: a purpose's weight is in the score of a visit against a list record only, so those
 * visits are the only stored records whose scores change. The rest of the statistics stay frozen: a book
 * adds no names while a central list is there, and the NIK prefixes it adds are within GROWTH.
 *
 * - The office's first book (no earlier visits): nothing earlier is rescored, only the new records and
 *   their candidates are resolved.
 * - A later book: every earlier visit with a purpose whose weight moved (as the book's totals move, nearly
 *   all of them) is resolved again, with its component.
 */
function relearnPurposes(db: Db, freqs: NameFrequencies, fresh: ReadonlySet<number>): { walkin: number; rescored: ResolveRecord[] } {
  const book = loadRecords(walkinRows(db)).records;
  const written = new Set<string>();
  for (const r of book) if (r.purpose !== null) written.add(r.purpose);
  const before = new Map([...written].map((p) => [p, freqs.purposeMu(p)]));
  freqs.countVisits(book, listedNiks(db, book.flatMap((r) => (r.nik !== null && r.purpose !== null ? [r.nik] : []))));
  const moved = new Set([...written].filter((p) => !sameMu(before.get(p) ?? null, freqs.purposeMu(p))));
  return { walkin: book.length, rescored: book.filter((r) => !fresh.has(r.id) && r.purpose !== null && moved.has(r.purpose)) };
}

function sameMu(a: MU | null, b: MU | null): boolean {
  return a === null || b === null ? a === b : a.m === b.m && a.u === b.u;
}

function addTo<K>(map: Map<K, number[]>, key: K, id: number): void {
  const list = map.get(key);
  if (list) list.push(id);
  else map.set(key, [id]);
}

/** The items; for tests, a full disk (PRAKERJA_TEST_FAULT=resolve-incremental-write) after the first, mid-transaction. */
function* faultAfterFirst<T>(items: Iterable<T>): Generator<T> {
  let first = true;
  for (const item of items) {
    yield item;
    if (first) testFault('resolve-incremental-write');
    first = false;
  }
}

/** Whether a resolve could link the two: the same valid NIK, or a score at or above the possible threshold. */
function couldLink(a: ResolveRecord, b: ResolveRecord, params: ModelParameters, freqs: NameFrequencies): boolean {
  if (a.nik !== null && a.nik === b.nik) return true;
  // Oriented as blocking hands pairs on: the lower id first (records are loaded in id order).
  const [l, r] = a.id < b.id ? [a, b] : [b, a];
  const levels = compareRecords(l, r, { skipHopeless: true });
  if (levels === null) return false;
  return decide(scoreRecords(levels, l, r, freqs, params).probability, params) !== 'none';
}

/**
 * The resolve after an import: incremental when it can be, else full (and then it learns the statistics
 * again), the result saying which and why.
 *
 * @example resolveAfterImport(db, { full: false }).mode // 'incremental'
 */
export function resolveAfterImport(db: Db, options: IncrementalOptions & { full?: boolean } = {}): ResolveResult {
  const attempt: ResolveResult | { full: FullBecause } = options.full === true ? { full: 'asked' } : resolveIncrementally(db, options);
  return 'full' in attempt ? resolveRecords(db, { params: options.params, signal: options.signal, because: attempt.full }) : attempt;
}

/**
 * The resolve after review decisions were saved (`review apply`): the decided records (`recordIds`) and their
 * components, under the frozen statistics, with any records waiting to be matched; full, relearning, when
 * an import's resolve would be (no statistics stored, grown, keys stale). Under frozen statistics a decision
 * changes only its own pair (a Y links it, an N keeps it apart), so only the components it touches can
 * change, and it ends with the persons a full resolve under the same statistics makes
 * (test/resolve-incremental.test.ts).
 *
 * @example resolveAfterReview(db, [12, 40]).mode // 'incremental'
 */
export function resolveAfterReview(db: Db, recordIds: readonly number[], options: IncrementalOptions = {}): ResolveResult {
  return resolveAfterImport(db, { ...options, again: recordIds });
}

/**
 * Before a batch is deleted to be replaced (`import --replaces N`), in the same transaction: its records'
 * block keys are removed (the keys stay current for the records left), and the stored records linked to
 * them are named, whose persons the resolve after must redo (`resolveAfterReplace`). `keyed`: whether the
 * keys were current (else the resolve after is full anyway).
 */
export function forgetBatch(db: Db, batchId: number): { again: number[]; records: number } {
  const snapshot = loadSnapshot(db);
  const records = loadRecords(batchResolveRows(db, batchId)).records;
  const ids = new Set(records.map((r) => r.id));
  const again = [...new Set(linkedTo(db, [...ids]))].filter((id) => !ids.has(id));
  if (snapshot && blockKeysCurrent(db, snapshot, KEYS_FORMAT)) {
    const keyed = records.filter((r) => r.id <= snapshot.keyed_through);
    forgetBlockKeys(db, keyed.flatMap((r) => storedKeys(r).map((h) => [h, r.id] as const)), keyed.length);
  }
  return { again, records: records.length };
}

/**
 * The resolve after `import --replaces N`, in its transaction: the new batch's records and the components
 * of the records the replaced batch was linked to (`again`, from forgetBatch), under the frozen statistics;
 * full, relearning, when an import's resolve would be, or when the replaced and the new records together are
 * more than GROWTH of the records the statistics were learnt from (a list replaced by its corrected copy).
 *
 * @example const { again, records } = forgetBatch(db, 3); deleteBatch(db, 3); resolveAfterReplace(db, again, records)
 */
export function resolveAfterReplace(db: Db, again: readonly number[], replaced: number, options: IncrementalOptions = {}): ResolveResult {
  const snapshot = loadSnapshot(db);
  const big = snapshot !== undefined && replaced + countUnresolved(db) > GROWTH * snapshot.records;
  return big ? resolveRecords(db, { params: options.params, signal: options.signal, because: 'grown' }) : resolveAfterImport(db, { ...options, again });
}

export interface PendingResolution {
  /** Records that had no person when this was called. */
  pending: number;
  /** The resolve that matched them; null when there were none. */
  result: ResolveResult | null;
}

/**
 * Finishes what an interrupted run left: records committed without a person (an import killed, or out of
 * disk, while matching; `--no-resolve`). Import, `resolve` and every report call it first, so no count ever
 * takes rows for persons.
 * @example resolvePending(db) // { pending: 50000, result: { mode: 'incremental', … } }
 */
export function resolvePending(db: Db, signal?: AbortSignal): PendingResolution {
  const pending = countUnresolved(db);
  // As after an import: the persons a full resolve under the same statistics makes.
  return { pending, result: pending > 0 ? resolveAfterImport(db, { signal }) : null };
}
