export { generateDataset, type DatasetOptions, type DatasetResult, type DatasetFile } from './dataset.js';
export { DEFAULT_RATES, corruptName, corruptNik, type Rates, type CorruptionStats } from './corrupt.js';
export { Population, nikLooksValid, type Person, type PersonKind } from './population.js';
export {
  evaluate,
  exactNikBaseline,
  sourceOfFile,
  type Metrics,
  type PairMetrics,
  type LinkMetrics,
  type TruthRow,
  type PredictedRow,
  type RawRecord,
  type EvaluateOptions,
} from './evaluate.js';
export { readRawRecords, readTruth, readPredicted, readWalkinRows, readPersonNames } from './read-dataset.js';
export { linkCeiling, sampledNameFrequency, type Ceiling, type CeilingInput, type WalkinRow } from './ceiling.js';
export { Rng, weightedTable } from './random.js';
