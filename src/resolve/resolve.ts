/**
 * The resolve pipeline's pure core: loaded records + review decisions → links and persons, one stage per
 * module (as Splink lays it out):
 *
 *   load.ts → deterministic.ts → predict.ts (blocking.ts → comparison.ts → scoring.ts) → overrides.ts →
 *   clustering.ts → persons.ts, summary.ts
 *
 * No I/O: `run.ts` reads the records from the store, calls `resolve`, and writes what it returns.
 *
 * It resolves the records it is given in full: every record given is blocked, scored and clustered. A full
 * resolve (`run.ts`) gives it every record and learns the statistics from them; the resolve after an import,
 * a review or a replacement (`incremental.ts`) gives it only the records that can change and their
 * components, under the statistics the last full resolve froze (`snapshot.ts`), which is what keeps the
 * two equal (test/resolve-incremental.test.ts). Only records whose person changed are handed on to be written.
 */
import type { LinkRow, PersonUpdate } from '../store/resolve.js';
import { noCaps, type BlockingStats, type CappedKeys } from './blocking.js';
import { clusterLinks } from './clustering.js';
import { deterministicPass } from './deterministic.js';
import type { LoadedRecords } from './load.js';
import type { ReviewedPair } from './overrides.js';
import { applyOverrides } from './overrides.js';
import { linkRows } from './pending.js';
import { personUpdates } from './persons.js';
import { predictLinks } from './predict.js';
import { countFrequencies, type ModelParameters, type NameFrequencies } from './scoring.js';
import { summarise, type ResolutionSummary } from './summary.js';

/**
 * `full`: every record resolved; `incremental`: the records an import brought and the stored persons they
 * can join, under frozen statistics (resolve/incremental.ts).
 */
export type ResolveMode = 'full' | 'incremental';

/** What review decided, as positions in the loaded records. */
export interface ReviewInput {
  decisions: readonly ReviewedPair[];
}

/** What a resolve may be given instead of learning it from the records. */
export interface ResolveContext {
  /**
   * The name, NIK-prefix, wave and purpose statistics to score with; learnt from `loaded` when absent. A
   * snapshot of a full resolve's (resolve/snapshot.ts) keeps the weights frozen between full resolves.
   */
  frequencies?: NameFrequencies;
  /**
   * The blocks to cap, whatever their size here; capped by size when absent. Given with the frequencies, a
   * part of the records resolves as it would among all of them.
   */
  capped?: CappedKeys;
}


export interface Resolution extends ResolutionSummary {
  mode: 'full';
  records: number;
  /** Records compared in this run: all of them. */
  resolved: number;
  links: { match: number; possible: number; conflict: number };
  /** Pairs compared, by blocking rule. */
  blocking: BlockingStats;
  /** Links the clustering refused because they would join different NIKs or records in conflict. */
  refused: number;
  /** The links to store, lazily (their weights are computed as they are read). */
  linkRows: Iterable<LinkRow>;
  /** The records whose person, match or score changed, lazily. */
  personUpdates: Iterable<PersonUpdate>;
  /** The statistics the pairs were scored with (learnt, or the ones given): what a snapshot stores. */
  frequencies: NameFrequencies;
  /** The blocks capped in this run (the ones given, or those found too large). */
  capped: CappedKeys;
  /** Seconds per stage, for the benchmark: where the time goes. */
  seconds: { deterministic: number; blockingAndScoring: number; clustering: number };
}

/**
 * Resolves records into persons. Pure: the same records, decisions and parameters give the same links and
 * persons.
 *
 * @example
 * const result = resolve(loadRecords(rows), { decisions: [] }, DEFAULT_PARAMETERS);
 * result.links.match; // pairs linked
 */
export function resolve(
  loaded: LoadedRecords,
  review: ReviewInput,
  params: ModelParameters,
  /** Called between stages and within the long ones; throwing there (an interrupt) stops the resolve. */
  step: () => void = () => undefined,
  context: ResolveContext = {},
): Resolution {
  let mark = performance.now();
  const lap = (): number => {
    const now = performance.now();
    const s = (now - mark) / 1000;
    mark = now;
    return Math.round(s * 100) / 100;
  };
  const { records, stored } = loaded;
  const freqs = context.frequencies ?? countFrequencies(records);

  const deterministic = deterministicPass(records, freqs, params);
  const pending = deterministic.links;
  const seconds = { deterministic: lap(), blockingAndScoring: 0, clustering: 0 };

  step();
  const learnt = noCaps();
  const capped: CappedKeys = context.capped ?? learnt;
  const predicted = predictLinks(records, freqs, params, step, {
    capped: context.capped,
    onCapped: context.capped ? undefined : (rule, key) => learnt[rule].add(key),
  });
  for (const link of predicted.links) pending.push(link);
  seconds.blockingAndScoring = lap();
  step();

  const overrides = applyOverrides(pending, deterministic.cannotLink, review.decisions);
  const clusters = clusterLinks(
    {
      size: records.length,
      nikOf: (i) => records[i]?.nik ?? null,
      cannotLink: overrides.cannotLink,
    },
    overrides.matchLinks,
  );
  for (const [i, by] of clusters.refused) {
    const p = overrides.matchPending[i];
    if (p) {
      p.kind = 'possible';
      p.refused = by;
    }
  }
  const updates = personUpdates(records, stored, clusters.root, pending);
  seconds.clustering = lap();
  step();

  const counts = { match: 0, possible: 0, conflict: 0 };
  for (const p of pending) counts[p.kind]++;
  return {
    mode: 'full',
    records: records.length,
    resolved: records.length,
    ...summarise(records, clusters.root),
    links: counts,
    blocking: predicted.blocking,
    refused: clusters.refused.size,
    linkRows: { [Symbol.iterator]: () => linkRows(pending, records, freqs, params) },
    personUpdates: updates,
    frequencies: freqs,
    capped,
    seconds,
  };
}
