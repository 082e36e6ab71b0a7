/**
 * Resolve against the database: load the records and review decisions from the store, `resolve` them
 * (pure), and write the links and persons back in one transaction.
 */
import { checkInterrupt } from '../interrupt.js';
import type { Db } from '../store/database.js';
import { countUnresolved } from '../store/records.js';
import { personCountsSql } from '../store/reports.js';
import { decisionPairs, loadSnapshot, resolveRows, reviewCounts, writeResolution, type SnapshotRow } from '../store/resolve.js';
import { testFault, testPause } from '../test-hooks.js';
import { loadRecords } from './load.js';
import type { ReviewedPair } from './overrides.js';
import { resolve, type Resolution, type ResolveContext } from './resolve.js';
import { capsFromSnapshot, frequenciesFromSnapshot, snapshotOfCaps, snapshotOfFrequencies } from './snapshot.js';
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
}

export type ResolveResult = Omit<Resolution, 'linkRows' | 'personUpdates' | 'seconds' | 'frequencies' | 'capped'> & {
  /** Pairs that need a person's decision after this run: what `review export` writes. */
  review: { possible: number; conflicts: number };
  /** Walk-in persons found in a central or provincial list, each once. */
  walkinRecipients: number;
  /** Persons with two or more rows of one wave in one file of the central list. */
  duplicatePersons: number;
  /** Persons of a wave found in two or more files of it (a list sent again), counted once. */
  inResentLists: number;
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
  let t = performance.now();
  const step = () => checkInterrupt(options.signal);
  step();
  const loaded = loadRecords(everyFew(resolveRows(db), step));
  // Record ids come in ascending order, so an id's index is a binary search (a Map of a million ids is ~60 MB).
  const ids = loaded.records.map((r) => r.id);
  const decisions: ReviewedPair[] = [];
  for (const d of decisionPairs(db)) {
    const l = binarySearch(ids, d.record_l);
    const r = binarySearch(ids, d.record_r);
    if (l !== undefined && r !== undefined) decisions.push({ l, r, decision: d.decision });
  }
  const stored = options.frozen === true ? loadSnapshot(db) : undefined;
  const context: ResolveContext = stored ? frozenContext(stored) : {};
  const load = seconds(t);

  const { linkRows, personUpdates, seconds: stages, frequencies, capped, ...result } = resolve(
    loaded,
    { decisions },
    options.params ?? DEFAULT_PARAMETERS,
    step,
    context,
  );
  // What this run learnt, stored with its persons: the statistics of the incremental resolves until the next full one.
  const snapshot: SnapshotRow | undefined = stored
    ? undefined
    : {
        learnt_at: new Date().toISOString(),
        records: loaded.records.length,
        frequencies: snapshotOfFrequencies(frequencies),
        capped: snapshotOfCaps(capped),
      };

  t = performance.now();
  testPause('resolve-write');
  testFault('resolve-write');
  step();
  // Interrupts are looked at while the rows are written too: the transaction is then rolled back whole.
  writeResolution(db, everyFew(linkRows, step), everyFew(personUpdates, step), snapshot);
  // Read back from the store: the same definitions status, review export and the reports use.
  const counts = personCountsSql(db);
  return {
    ...result,
    persons: counts.persons,
    review: reviewCounts(db),
    walkinRecipients: counts.walkinRecipients,
    duplicatePersons: counts.listedTwice,
    inResentLists: counts.inResentLists,
    seconds: { load, ...stages, write: seconds(t) },
  };
}

/** The frozen statistics a stored snapshot holds. */
export function frozenContext(stored: SnapshotRow): Required<ResolveContext> {
  return { frequencies: frequenciesFromSnapshot(stored.frequencies), capped: capsFromSnapshot(stored.capped) };
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
 * @example resolvePending(db) // { pending: 50000, result: { mode: 'full', … } }
 */
export function resolvePending(db: Db, signal?: AbortSignal): PendingResolution {
  const pending = countUnresolved(db);
  // Full, as after an import: the persons are those `prakerja resolve` makes (import.ts resolveAfterCommit).
  return { pending, result: pending > 0 ? resolveRecords(db, { signal }) : null };
}

/** The items of `items`, calling `step` every 16,384 of them (a check for interrupts in a long loop). */
function* everyFew<T>(items: Iterable<T>, step: () => void): Generator<T> {
  let n = 0;
  for (const item of items) {
    if (++n % 16_384 === 0) step();
    yield item;
  }
}

function seconds(since: number): number {
  return Math.round((performance.now() - since) / 10) / 100;
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
