/**
 * Score a resolver's output against the generator's ground truth. Pure: rows in, numbers out.
 *
 * Records are joined on (file base name, line). Every truth row is a record; a truth row with no predicted
 * row (rejected, skipped or lost by the importer) counts as a predicted singleton, and is reported in
 * `missingPredictions`. Predicted rows with no truth row are ignored and counted in `unknownPredictions`.
 *
 * **Pairwise clustering metrics.** A pair is two records. A pair is *true* when both records belong to the
 * same true person, *predicted* when both are in the same predicted person, *correct* when both.
 *   precision = correct / predicted,  recall = correct / true,  F1 = harmonic mean.
 * Counted from the contingency table with n·(n−1)/2 per cell, so it is linear in the number of records.
 *
 * **Walk-in → recipient links.** For each walk-in record w (source `walkin`) with true person T and predicted
 * person C:
 *   - w is *truly linked* when T has at least one record of a target source (default: `central`);
 *   - w is *predicted linked* when C contains at least one record of a target source;
 *   - the link is *correct* when C contains a target record whose true person is T.
 *   precision = correct / predicted linked,  recall = correct / truly linked.
 * This is "which of the people our desk assisted became recipients", per guest-book row.
 *
 * Conventions for empty denominators: precision is 1 when nothing was predicted (no false claims), recall
 * is 1 when there was nothing to find; F1 is 0 when both precision and recall are 0.
 */
import { nikLooksValid } from './population.js';

export interface TruthRow {
  file: string;
  line: number;
  person: string;
}

/** One row of `prakerja export records` (columns `file,line,source,person_id,match,score`). */
export interface PredictedRow {
  file: string;
  line: number;
  person_id: string;
  /** `central`, `province` or `walkin`; when absent it is inferred from the file name. */
  source?: string;
}

export interface Scores {
  precision: number;
  recall: number;
  f1: number;
}

export interface PairMetrics extends Scores {
  truePairs: number;
  predictedPairs: number;
  correctPairs: number;
}

export interface LinkMetrics extends Scores {
  walkins: number;
  trulyLinked: number;
  predictedLinked: number;
  correctLinks: number;
}

export interface Metrics {
  records: number;
  truePersons: number;
  predictedPersons: number;
  missingPredictions: number;
  unknownPredictions: number;
  pairs: PairMetrics;
  links: LinkMetrics;
}

export interface EvaluateOptions {
  /** Sources whose records make a person a recipient; default `['central']`. */
  linkTargets?: readonly string[];
}

/** The last path segment, so `/tmp/x/central.csv` and `central.csv` join. */
function baseName(file: string): string {
  const cut = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
  return cut >= 0 ? file.slice(cut + 1) : file;
}

/** The source a generated file holds, from its name: `central.csv` → `central`. */
export function sourceOfFile(file: string): string {
  const name = baseName(file).toLowerCase();
  if (name.includes('walk')) return 'walkin';
  if (name.includes('prov')) return 'province';
  if (name.includes('central') || name.includes('pusat')) return 'central';
  return name.replace(/\.[^.]*$/, '');
}

const pairs = (n: number): number => (n * (n - 1)) / 2;

function scores(correct: number, predicted: number, actual: number): Scores {
  const precision = predicted === 0 ? 1 : correct / predicted;
  const recall = actual === 0 ? 1 : correct / actual;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/** Give each distinct string a small integer. */
class Ids {
  private readonly map = new Map<string, number>();
  of(key: string): number {
    let id = this.map.get(key);
    if (id === undefined) {
      id = this.map.size;
      this.map.set(key, id);
    }
    return id;
  }
  get size(): number {
    return this.map.size;
  }
}

/**
 * Compare predicted persons with the true ones.
 *
 * @example
 * evaluate(
 *   [{ file: 'central.csv', line: 2, person: 'P1' }, { file: 'walkin.csv', line: 3, person: 'P1' }],
 *   [{ file: 'central.csv', line: 2, person_id: 'a' }, { file: 'walkin.csv', line: 3, person_id: 'a' }],
 * ).pairs.f1; // 1
 */
export function evaluate(
  truth: readonly TruthRow[],
  predicted: readonly PredictedRow[],
  options: EvaluateOptions = {},
): Metrics {
  const targets = new Set(options.linkTargets ?? ['central']);
  // Predictions by file, then by line: line numbers are dense, so an array per file is the cheapest index.
  const byFile = new Map<string, Array<PredictedRow | undefined>>();
  for (const row of predicted) {
    const file = baseName(row.file);
    let lines = byFile.get(file);
    if (!lines) byFile.set(file, (lines = []));
    lines[row.line] = row;
  }
  let predictedCount = 0;
  for (const lines of byFile.values()) for (const row of lines) if (row) predictedCount++;

  const truePersons = new Ids();
  const predictedPersons = new Ids();
  const n = truth.length;
  const trueId = new Int32Array(n);
  const predId = new Int32Array(n);
  const isTarget = new Uint8Array(n);
  const isWalkin = new Uint8Array(n);
  let missing = 0;
  truth.forEach((row, i) => {
    const file = baseName(row.file);
    const prediction = byFile.get(file)?.[row.line];
    trueId[i] = truePersons.of(row.person);
    if (prediction) predId[i] = predictedPersons.of(`p:${prediction.person_id}`);
    else {
      missing++;
      predId[i] = predictedPersons.of(`missing:${file}:${row.line}`);
    }
    const source = prediction?.source ?? sourceOfFile(file);
    isTarget[i] = targets.has(source) ? 1 : 0;
    isWalkin[i] = source === 'walkin' ? 1 : 0;
  });

  // Records grouped by true person (a counting sort), and predicted cluster sizes.
  const trueCount = truePersons.size;
  const start = new Int32Array(trueCount + 1);
  for (let i = 0; i < n; i++) {
    const t = (trueId[i] ?? 0) + 1;
    start[t] = (start[t] ?? 0) + 1;
  }
  for (let t = 0; t < trueCount; t++) start[t + 1] = (start[t + 1] ?? 0) + (start[t] ?? 0);
  const fill = start.slice(0, trueCount);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const t = trueId[i] ?? 0;
    order[fill[t] ?? 0] = i;
    fill[t] = (fill[t] ?? 0) + 1;
  }
  const predSize = new Int32Array(predictedPersons.size);
  const predHasTarget = new Uint8Array(predictedPersons.size);
  for (let i = 0; i < n; i++) {
    const p = predId[i] ?? 0;
    predSize[p] = (predSize[p] ?? 0) + 1;
    if (isTarget[i]) predHasTarget[p] = 1;
  }

  let truePairs = 0;
  let predictedPairs = 0;
  let correctPairs = 0;
  for (const size of predSize) predictedPairs += pairs(size);
  let walkins = 0;
  let trulyLinked = 0;
  let predictedLinked = 0;
  let correctLinks = 0;
  // Per true person: how its records spread over predicted persons (one row of the contingency table),
  // and which predicted persons hold its target records.
  const cells = new Map<number, number>();
  const targetClusters = new Set<number>();
  for (let t = 0; t < trueCount; t++) {
    const from = start[t] ?? 0;
    const to = start[t + 1] ?? 0;
    truePairs += pairs(to - from);
    cells.clear();
    targetClusters.clear();
    for (let k = from; k < to; k++) {
      const i = order[k] ?? 0;
      const p = predId[i] ?? 0;
      cells.set(p, (cells.get(p) ?? 0) + 1);
      if (isTarget[i]) targetClusters.add(p);
    }
    for (const size of cells.values()) correctPairs += pairs(size);
    for (let k = from; k < to; k++) {
      const i = order[k] ?? 0;
      if (!isWalkin[i]) continue;
      const p = predId[i] ?? 0;
      walkins++;
      if (targetClusters.size > 0) trulyLinked++;
      if (predHasTarget[p]) {
        predictedLinked++;
        if (targetClusters.has(p)) correctLinks++;
      }
    }
  }

  return {
    records: n,
    truePersons: trueCount,
    predictedPersons: predictedPersons.size,
    missingPredictions: missing,
    unknownPredictions: predictedCount - (n - missing),
    pairs: { ...scores(correctPairs, predictedPairs, truePairs), truePairs, predictedPairs, correctPairs },
    links: { ...scores(correctLinks, predictedLinked, trulyLinked), walkins, trulyLinked, predictedLinked, correctLinks },
  };
}

/** A raw record of a generated file, as the exact-NIK baseline sees it. */
export interface RawRecord {
  file: string;
  line: number;
  source: string;
  /** The NIK cell exactly as written (may be empty, `'…`, `3.27512E+15`, …). */
  nik: string;
}

/**
 * The naive baseline: records are the same person exactly when their raw NIK cells are identical and a
 * structurally valid NIK; every other record stands alone. Feed its output to {@link evaluate}.
 *
 * @example
 * exactNikBaseline([{ file: 'central.csv', line: 2, source: 'central', nik: '1271054508900001' }]);
 * // [{ file: 'central.csv', line: 2, source: 'central', person_id: 'nik:1271054508900001' }]
 */
export function exactNikBaseline(records: readonly RawRecord[]): PredictedRow[] {
  return records.map((r) => ({
    file: r.file,
    line: r.line,
    source: r.source,
    person_id: nikLooksValid(r.nik) ? `nik:${r.nik}` : `row:${baseName(r.file)}:${r.line}`,
  }));
}

/** A row of `borrowed.csv`: a row written with another person's NIK, and that person. */
export interface BorrowedRow {
  file: string;
  line: number;
  holder: string;
}

/** A pair the resolver listed as a conflict (same NIK, names too far apart), by file and line. */
export interface ConflictPair {
  l: { file: string; line: number };
  r: { file: string; line: number };
}

export interface BorrowedMetrics {
  /** Rows written with another person's NIK. */
  borrowed: number;
  /** ... whose NIK was read as the very NIK a record of the holder carries: a conflict can see them. */
  intact: number;
  /** ... put into one person with a record of the holder (should be 0). */
  merged: number;
  /** ... of the intact ones, listed in a conflict (should be nearly all). */
  listed: number;
  /** Conflicts listed, and how many of them are in truth one person (should be few). */
  conflicts: number;
  conflictsOnePerson: number;
}

/**
 * How borrowed identities fared: never merged into the holder, listed as conflicts; and how many listed
 * conflicts are in truth one person. `niks`: the valid NIK each record was read with, by `file:line`.
 *
 * @example evaluateBorrowed(truth, predicted, borrowed, conflicts, niks).merged // 0
 */
export function evaluateBorrowed(
  truth: readonly TruthRow[],
  predicted: readonly PredictedRow[],
  borrowed: readonly BorrowedRow[],
  conflicts: readonly ConflictPair[],
  niks: ReadonlyMap<string, string | null>,
): BorrowedMetrics {
  const key = (file: string, line: number): string => `${baseName(file)}:${line}`;
  const personOf = new Map(truth.map((t) => [key(t.file, t.line), t.person]));
  const clusterOf = new Map(predicted.map((p) => [key(p.file, p.line), p.person_id]));
  const recordsOf = new Map<string, string[]>();
  for (const t of truth) {
    const list = recordsOf.get(t.person) ?? [];
    list.push(key(t.file, t.line));
    recordsOf.set(t.person, list);
  }
  const inConflict = new Set(conflicts.flatMap((c) => [key(c.l.file, c.l.line), key(c.r.file, c.r.line)]));
  const result: BorrowedMetrics = { borrowed: 0, intact: 0, merged: 0, listed: 0, conflicts: conflicts.length, conflictsOnePerson: 0 };
  for (const b of borrowed) {
    const row = key(b.file, b.line);
    const holderRecords = recordsOf.get(b.holder) ?? [];
    result.borrowed++;
    const cluster = clusterOf.get(row);
    if (cluster !== undefined && holderRecords.some((h) => clusterOf.get(h) === cluster)) result.merged++;
    const nik = niks.get(row) ?? null;
    if (nik !== null && holderRecords.some((h) => niks.get(h) === nik)) {
      result.intact++;
      if (inConflict.has(row)) result.listed++;
    }
  }
  for (const c of conflicts) {
    const a = personOf.get(key(c.l.file, c.l.line));
    if (a !== undefined && a === personOf.get(key(c.r.file, c.r.line))) result.conflictsOnePerson++;
  }
  return result;
}
