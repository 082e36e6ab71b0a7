/** The resolver's public surface; each stage lives in its own module. */
export { resolveRecords, type ResolveOptions, type ResolveResult } from './run.js';
export { forgetBatch, resolveAfterImport, resolveAfterReplace, resolveAfterReview, resolvePending, GROWTH, type FullBecause, type PendingResolution } from './incremental.js';
export { resolve, type Resolution, type ResolveMode, type ReviewInput } from './resolve.js';
export { loadRecords, type LoadedRecords } from './load.js';
export { blockPairs, RULES, type BlockingRule, type BlockingStats } from './blocking.js';
export { compareRecords, compareNik, compareName, nikEditDistance, type Levels, type ResolveRecord } from './comparison.js';
export { scorePair, decide, NameFrequencies, DEFAULT_PARAMETERS, type ModelParameters, type Score, type WeightTerm } from './scoring.js';
export { clusterLinks } from './clustering.js';
