/**
 * Resolve against the database: load the records and review decisions from the store, `resolve` them
 * (pure), and write the links and persons back in one transaction.
 */
import { checkInterrupt } from '../interrupt.js';
import type { SourceKind } from '../store/batches.js';
import type { Db } from '../store/database.js';
import { personCountsSql } from '../store/reports.js';
import { blockKeysCurrent, decisionPairs, loadSnapshot, resolvePages, reviewCounts, writeResolutionParts, type LinkRow, type PersonUpdate, type SnapshotRow } from '../store/resolve.js';
import { KEYS_FORMAT, sortedBlockKeys } from './keys.js';
import { resolveInParts } from './partition.js';
import { inTransaction } from '../store/transaction.js';
import { testFault, testPause } from '../test-hooks.js';
import { loadRecordPages } from './load.js';
import type { ReviewedPair } from './overrides.js';
import { resolve, type Resolution, type ResolveContext, type ResolveMode } from './resolve.js';
import { frozenContext, snapshotOfCaps, snapshotOfFrequencies } from './snapshot.js';
import type { FullBecause } from './incremental.js';
import { DEFAULT_PARAMETERS, type ModelParameters } from './scoring.js';

export interface ResolveOptions {
  params?: ModelParameters;
  /** Aborted by SIGINT/SIGTERM: nothing is written, and an InterruptedError is thrown. */
  signal?: AbortSignal;
  /**
   * Score with the statistics the last full resolve stored (`resolve_snapshot`) instead of learning them
   * again, and leave them as they are: the full resolve an incremental one must equal. Learns them when
   * none are stored.
   */
  frozen?: boolean;
  /**
   * Resolve in parts of at most this many records (resolve/partition.ts), each part whole components of
   * records that cannot share a person. Default: whole. On generated city data the largest component held
   * 61% of 1.1 M records, so parts saved no memory (630 against 636 MB) and took 30% longer.
   */
  partRecords?: number;
  /** Why this full resolve runs (an import that could not resolve incrementally), for the result. */
  because?: FullBecause;
}


export type ResolveResult = Omit<Resolution, 'linkRows' | 'personUpdates' | 'seconds' | 'frequencies' | 'capped' | 'mode'> & {
  mode: ResolveMode;
  /** Why this resolve was full (null: it was incremental, or a plain `prakerja resolve`). */
  fullBecause: FullBecause | null;
  /** How many parts the records were resolved in (1: whole). */
  parts: number;
  /** Of a resolve in parts: how many components cannot share a person, and the records in the largest. */
  components: { count: number; largest: number } | null;
  /** Pairs that need a person's decision after this run: what `review export` writes. */
  review: { possible: number; conflicts: number };
  /** Walk-in persons found in a central or provincial list, each once. */
  walkinRecipients: number;
  /** Persons with two or more rows of one wave in one file of the central list. */
  duplicatePersons: number;
  /** Persons of a wave found in two or more files of it (a list sent again), counted once. */
  inResentLists: number;
  /**
   * An incremental resolve that relearnt the visit purposes (a guest book grew): from how many guest-book
   * records, and how many earlier visits it matched again under them; null otherwise.
   */
  purposes: { walkin: number; rematched: number } | null;
  /** Seconds per stage, for the benchmark: where the time goes. */
  seconds: Resolution['seconds'] & { load: number; write: number };
};

/**
 * Resolves the stored records into persons and stores the result.
 *
 * @example
 * const result = resolveRecords(db); // after importing central.csv and walkin.csv
 * result.links.match; // pairs linked
 */
export function resolveRecords(db: Db, options: ResolveOptions = {}): ResolveResult {
  checkInterrupt(options.signal);
  // Under the write lock from the first read to the last write, as the incremental resolve: an import
  // committing and resolving in between would otherwise be overwritten by this run's stale persons and
  // links. An overlapping import waits for it (PRAKERJA_LOCK_WAIT); readers do not (WAL).
  return inTransaction(db, () => resolveLocked(db, options), { immediate: true });
}

function resolveLocked(db: Db, options: ResolveOptions): ResolveResult {
  let t = performance.now();
  const step = () => checkInterrupt(options.signal);
  step();
  const loaded = loadRecordPages(everyFew(resolvePages(db), step, 8));
  // Record ids come in ascending order, so an id's index is a binary search of the records (a Map of a
  // million ids is ~60 MB, and an array of them 8 MB held to the end of the run).
  const decisions: ReviewedPair[] = [];
  for (const d of decisionPairs(db)) {
    const l = binarySearch(loaded.records, d.record_l);
    const r = binarySearch(loaded.records, d.record_r);
    if (l !== undefined && r !== undefined) decisions.push({ l, r, decision: d.decision });
  }
  const previous = loadSnapshot(db);
  const stored = options.frozen === true ? previous : undefined;
  const context: ResolveContext = stored ? frozenContext(stored) : {};
  const load = seconds(t);

  const params = options.params ?? DEFAULT_PARAMETERS;
  const partRecords = options.partRecords ?? Infinity;
  // Whole, or part by part (resolve/partition.ts: the same links and persons, less held at once).
  const parted = partRecords < loaded.records.length ? resolveInParts(loaded, { decisions }, params, step, context, partRecords) : null;
  const run = parted
    ? { frequencies: parted.frequencies, capped: parted.capped, parts: parted.resolutions, blocking: parted.components.blocking }
    : wholeRun(resolve(loaded, { decisions }, params, step, context));
  // The block keys of the records not keyed yet (all of them when some keyed record was deleted since).
  const keyedBefore = previous && blockKeysCurrent(db, previous, KEYS_FORMAT) ? previous.keyed_through : null;
  const keys = { rebuild: keyedBefore === null, format: KEYS_FORMAT, chunks: sortedBlockKeys(loaded.records, keyedBefore ?? 0) };
  // What this run learnt, stored with its persons: the statistics of the incremental resolves until the next
  // full one (a frozen run keeps what was stored).
  const snapshot: SnapshotRow = {
    learnt_at: stored?.learnt_at ?? new Date().toISOString(),
    records: stored?.records ?? loaded.records.length,
    sources: stored?.sources ?? JSON.stringify(countBySource(loaded.records)),
    frequencies: stored?.frequencies ?? snapshotOfFrequencies(run.frequencies),
    capped: stored?.capped ?? snapshotOfCaps(run.capped),
    keyed_through: loaded.records[loaded.records.length - 1]?.id ?? 0,
    keyed_count: loaded.records.length,
  };

  t = performance.now();
  testPause('resolve-write');
  testFault('resolve-write');
  step();
  const totals = { links: { match: 0, possible: 0, conflict: 0 }, refused: 0, persons: 0, stages: { deterministic: 0, blockingAndScoring: 0, clustering: 0 } };
  const counted = function* (): Generator<{ links: Iterable<LinkRow>; persons: Iterable<PersonUpdate> }> {
    // Taken out of `run`, so that the written parts (links, clusters) can be collected before the block keys
    // are sorted, at the peak of the run (1.1 M: 532-557 MB instead of 569-655, four and five runs).
    const parts = run.parts;
    run.parts = [];
    for (const r of parts) {
      for (const kind of ['match', 'possible', 'conflict'] as const) totals.links[kind] += r.links[kind];
      totals.refused += r.refused;
      totals.stages.deterministic += r.seconds.deterministic;
      totals.stages.blockingAndScoring += r.seconds.blockingAndScoring;
      totals.stages.clustering += r.seconds.clustering;
      // Interrupts are looked at while the rows are written too: the transaction is then rolled back whole.
      yield { links: everyFew(r.linkRows, step), persons: everyFew(r.personUpdates, step) };
    }
  };
  writeResolutionParts(db, counted(), snapshot, keys);
  // Read back from the store: the same definitions status, review export and the reports use.
  const counts = personCountsSql(db);
  const write = seconds(t) - (parted ? totals.stages.deterministic + totals.stages.blockingAndScoring + totals.stages.clustering : 0);
  return {
    mode: 'full',
    fullBecause: options.because ?? null,
    records: loaded.records.length,
    resolved: loaded.records.length,
    parts: parted?.parts ?? 1,
    components: parted ? { count: parted.components.count, largest: parted.components.largest } : null,
    links: totals.links,
    blocking: run.blocking,
    refused: totals.refused,
    persons: counts.persons,
    review: reviewCounts(db),
    walkinRecipients: counts.walkinRecipients,
    duplicatePersons: counts.listedTwice,
    inResentLists: counts.inResentLists,
    purposes: null,
    seconds: {
      load,
      deterministic: round2(totals.stages.deterministic),
      blockingAndScoring: round2(totals.stages.blockingAndScoring),
      clustering: round2(totals.stages.clustering),
      write: round2(write),
    },
  };
}



/** Records per source: what the statistics of each were learnt from. */
export function countBySource(records: Iterable<{ source: SourceKind }>): Record<SourceKind, number> {
  const out: Record<SourceKind, number> = { central: 0, province: 0, walkin: 0 };
  for (const r of records) out[r.source]++;
  return out;
}

/** The items of `items`, calling `step` every `every` of them (a check for interrupts in a long loop). */
export function* everyFew<T>(items: Iterable<T>, step: () => void, every = 16_384): Generator<T> {
  let n = 0;
  for (const item of items) {
    if (++n % every === 0) step();
    yield item;
  }
}

function round2(s: number): number {
  return Math.round(s * 100) / 100;
}

/** A whole resolve as a run of one part. */
function wholeRun(r: Resolution): { frequencies: Resolution['frequencies']; capped: Resolution['capped']; parts: Resolution[]; blocking: Resolution['blocking'] } {
  return { frequencies: r.frequencies, capped: r.capped, parts: [r], blocking: r.blocking };
}

export function seconds(since: number): number {
  return Math.round((performance.now() - since) / 10) / 100;
}

/** The position of the record of this id among records in ascending id order. */
function binarySearch(sorted: readonly { id: number }[], value: number): number | undefined {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = sorted[mid]?.id ?? 0;
    if (v === value) return mid;
    if (v < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}
