/**
 * Partitions that cannot share a person (issue 14): resolving at national scale part by part.
 *
 * Why two parts cannot share a person: records end in one person only through a chain of match links
 * (clustering.ts joins nothing else), and every link, of any kind, is between two records that
 *   - blocking handed on as a candidate pair (they share a block key of a rule, in a block not capped, and
 *     pass the rule's own check: blocking.ts), or
 *   - hold the same valid NIK (the deterministic pass), or
 *   - a reviewer decided on (a Y joins them, an N keeps them apart).
 * So the connected components of the graph of those pairs are closed: no link, no conflict and no decision
 * crosses from one to another, and the clustering of one (its union–find, its NIK-centre and cannot-link
 * guards) reads nothing outside it. What a resolve reads of all records at once is made global here and
 * given to each part: the statistics the weights come from (`countFrequencies`: name and word counts, the
 * prior's N, NIK prefixes, waves, visit purposes) and which blocks are capped as too large (a block whose
 * members fall in several parts must be capped in each as in the whole). Everything else is a sum over the
 * parts (persons, links, pairs compared) or a choice made inside one person (its id is its smallest record
 * id; how a record joined is its strongest link). Clustering takes equally strong links in the order of
 * their records' ids (clustering.ts), not in the order blocking found them, which differs part by part.
 * Components are packed, in the order of their first record, into parts of at most `maxRecords` records;
 * a component larger than that is a part of its own.
 *
 * test/resolve-partition.test.ts checks that a partitioned resolve writes exactly the links and persons of
 * a whole one, on generated data and on hand-made cases (a capped block split over parts, review decisions
 * across blocks, ties).
 */
import { blockPairs, noCaps, type BlockingOptions, type BlockingStats, type CappedKeys } from './blocking.js';
import type { ResolveRecord } from './comparison.js';
import { StoredPersons, type LoadedRecords } from './load.js';
import type { ReviewedPair } from './overrides.js';
import { resolve, type Resolution, type ResolveContext, type ReviewInput } from './resolve.js';
import { countFrequencies, type ModelParameters, type NameFrequencies } from './scoring.js';

export interface PartitionedResolution {
  /** The statistics every part was scored with, and the blocks capped in all: learnt over all records, or given. */
  frequencies: NameFrequencies;
  capped: CappedKeys;
  components: Components;
  /** How many parts. */
  parts: number;
  /**
   * Each part's resolution, lazily: a part is resolved when it is asked for, so only one part's pairs,
   * links and clusters are held at a time. Its `blocking` counts its own pairs; the whole's are in
   * `components.blocking`.
   */
  resolutions: Iterable<Resolution>;
}

/**
 * Resolves the records part by part (see the top of this file): the same links and persons as
 * `resolve(loaded, review, params, step, context)`, with at most about `maxRecords` records resolved at once.
 *
 * @example for (const r of resolveInParts(loaded, { decisions }, DEFAULT_PARAMETERS, step, {}, 200_000).resolutions) write(r)
 */
export function resolveInParts(
  loaded: LoadedRecords,
  review: ReviewInput,
  params: ModelParameters,
  step: () => void,
  context: ResolveContext,
  maxRecords: number,
): PartitionedResolution {
  const frequencies = context.frequencies ?? countFrequencies(loaded.records);
  const learnt = noCaps();
  const capped: CappedKeys = context.capped ?? learnt;
  const components = candidateComponents(
    loaded.records,
    review.decisions,
    { capped: context.capped, onCapped: context.capped ? undefined : (rule, key) => learnt[rule].add(key) },
    step,
  );
  const parts = packParts(components, maxRecords);
  return {
    frequencies,
    capped,
    components,
    parts: parts.length,
    resolutions: {
      *[Symbol.iterator]() {
        for (const indices of parts) {
          const part = partOf(loaded, review.decisions, indices);
          yield resolve(part.loaded, { decisions: part.decisions }, params, step, { frequencies, capped });
        }
      },
    },
  };
}

export interface Components {
  /** Per record index, its component: the index of the component's first record. */
  of: Int32Array;
  /** How many components, and the records in the largest. */
  count: number;
  largest: number;
  /** Blocking's pairs and capped blocks over all the records: those of a whole resolve. */
  blocking: BlockingStats;
}

/**
 * The components of the candidate-pair graph: blocking's pairs (under `capped`, or capping by size and
 * telling `onCapped`), the same valid NIK, and review decisions. Pairs are not compared or scored here.
 *
 * @example candidateComponents(records, [], { capped }).largest // records in the biggest component
 */
export function candidateComponents(
  records: readonly ResolveRecord[],
  decisions: readonly ReviewedPair[],
  caps: Pick<BlockingOptions, 'capped' | 'onCapped'>,
  step?: () => void,
): Components {
  const parent = new Int32Array(records.length);
  for (let i = 0; i < parent.length; i++) parent[i] = i;
  const find = (x: number): number => {
    let r = x;
    while (parent[r] !== r) r = parent[r] ?? r;
    while (parent[x] !== r) {
      const next = parent[x] ?? r;
      parent[x] = r;
      x = next;
    }
    return r;
  };
  // The smaller index becomes the root, so a component's root is its first record.
  const union = (a: number, b: number): void => {
    const ra = find(a);
    const rb = find(b);
    if (ra < rb) parent[rb] = ra;
    else if (rb < ra) parent[ra] = rb;
  };
  const blocking = blockPairs(records, union, { step, capped: caps.capped, onCapped: caps.onCapped });
  // The same valid NIK: the deterministic pass links or sets in conflict every such pair (blocking skips them).
  const firstOfNik = new Map<string, number>();
  for (let i = 0; i < records.length; i++) {
    const nik = records[i]?.nik;
    if (!nik) continue;
    const first = firstOfNik.get(nik);
    if (first === undefined) firstOfNik.set(nik, i);
    else union(first, i);
  }
  firstOfNik.clear();
  for (const d of decisions) union(d.l, d.r);

  const of = new Int32Array(records.length);
  const size = new Int32Array(records.length);
  let count = 0;
  let largest = 0;
  for (let i = 0; i < records.length; i++) {
    const root = find(i);
    of[i] = root;
    if (root === i) count++;
    const s = (size[root] ?? 0) + 1;
    size[root] = s;
    if (s > largest) largest = s;
  }
  return { of, count, largest, blocking };
}

/**
 * Components packed into parts of at most `maxRecords` records, each part its record indices in ascending
 * order (the order the records were loaded in: id order).
 *
 * @example packParts(components, 200_000) // [[0, 1, 5, …], [2, …], …]
 */
export function packParts(components: Components, maxRecords: number): Int32Array[] {
  const n = components.of.length;
  const size = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const c = components.of[i] ?? i;
    size[c] = (size[c] ?? 0) + 1;
  }
  // Components in the order of their first record, each to the current part while it has room.
  const partOf = new Int32Array(n).fill(-1);
  const sizes: number[] = [];
  for (let i = 0; i < n; i++) {
    if ((components.of[i] ?? i) !== i) continue;
    const s = size[i] ?? 0;
    const last = sizes.length - 1;
    if (last >= 0 && (sizes[last] ?? 0) + s <= maxRecords) {
      partOf[i] = last;
      sizes[last] = (sizes[last] ?? 0) + s;
    } else {
      partOf[i] = sizes.length;
      sizes.push(s);
    }
  }
  const parts = sizes.map((s) => new Int32Array(s));
  const filled = new Int32Array(sizes.length);
  for (let i = 0; i < n; i++) {
    const p = partOf[components.of[i] ?? i] ?? 0;
    const at = filled[p] ?? 0;
    const part = parts[p];
    if (part) part[at] = i;
    filled[p] = at + 1;
  }
  return parts;
}

/** The records of one part as a resolve's input, with the decisions between them renumbered. */
export function partOf(
  loaded: LoadedRecords,
  decisions: readonly ReviewedPair[],
  indices: Int32Array,
): { loaded: LoadedRecords; decisions: ReviewedPair[] } {
  const local = new Map<number, number>();
  const records: ResolveRecord[] = [];
  const stored = new StoredPersons();
  for (const i of indices) {
    local.set(i, records.length);
    const r = loaded.records[i];
    if (r) records.push(r);
    stored.push(loaded.stored.person(i), loaded.stored.match(i), loaded.stored.score(i));
  }
  const mine: ReviewedPair[] = [];
  for (const d of decisions) {
    const l = local.get(d.l);
    const r = local.get(d.r);
    if (l !== undefined && r !== undefined) mine.push({ l, r, decision: d.decision });
  }
  return { loaded: { records, stored }, decisions: mine };
}
