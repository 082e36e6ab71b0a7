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
  const byKey = new Map<string, PredictedRow>();
  for (const row of predicted) byKey.set(`${baseName(row.file)}:${row.line}`, row);

  const truePersons = new Ids();
  const predictedPersons = new Ids();
  const n = truth.length;
  const trueId = new Int32Array(n);
  const predId = new Int32Array(n);
  const source: string[] = new Array<string>(n);
  let missing = 0;
  let matched = 0;
  truth.forEach((row, i) => {
    const key = `${baseName(row.file)}:${row.line}`;
    const prediction = byKey.get(key);
    trueId[i] = truePersons.of(row.person);
    if (prediction) {
      matched++;
      predId[i] = predictedPersons.of(`p:${prediction.person_id}`);
    } else {
      missing++;
      predId[i] = predictedPersons.of(`missing:${key}`);
    }
    source[i] = prediction?.source ?? sourceOfFile(row.file);
  });

  // Pairwise: cluster sizes and the contingency table of (true, predicted).
  const trueSize = new Map<number, number>();
  const predSize = new Map<number, number>();
  const cell = new Map<number, number>();
  const width = predictedPersons.size;
  for (let i = 0; i < n; i++) {
    const t = trueId[i] ?? 0;
    const p = predId[i] ?? 0;
    trueSize.set(t, (trueSize.get(t) ?? 0) + 1);
    predSize.set(p, (predSize.get(p) ?? 0) + 1);
    const c = t * width + p;
    cell.set(c, (cell.get(c) ?? 0) + 1);
  }
  let truePairs = 0;
  let predictedPairs = 0;
  let correctPairs = 0;
  for (const size of trueSize.values()) truePairs += pairs(size);
  for (const size of predSize.values()) predictedPairs += pairs(size);
  for (const size of cell.values()) correctPairs += pairs(size);

  // Links: which true persons and which predicted persons hold a target record, and which (pred, true) meet.
  const trueHasTarget = new Set<number>();
  const predHasTarget = new Set<number>();
  const predTrueTarget = new Set<number>();
  for (let i = 0; i < n; i++) {
    if (!targets.has(source[i] ?? '')) continue;
    const t = trueId[i] ?? 0;
    const p = predId[i] ?? 0;
    trueHasTarget.add(t);
    predHasTarget.add(p);
    predTrueTarget.add(t * width + p);
  }
  let walkins = 0;
  let trulyLinked = 0;
  let predictedLinked = 0;
  let correctLinks = 0;
  for (let i = 0; i < n; i++) {
    if (source[i] !== 'walkin') continue;
    walkins++;
    const t = trueId[i] ?? 0;
    const p = predId[i] ?? 0;
    if (trueHasTarget.has(t)) trulyLinked++;
    if (predHasTarget.has(p)) {
      predictedLinked++;
      if (predTrueTarget.has(t * width + p)) correctLinks++;
    }
  }

  return {
    records: n,
    truePersons: truePersons.size,
    predictedPersons: predictedPersons.size,
    missingPredictions: missing,
    unknownPredictions: byKey.size - matched,
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
