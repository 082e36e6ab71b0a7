/**
 * Prediction (Splink's `predict`): every candidate pair blocking finds is compared (`compareRecords`),
 * scored and decided; pairs above the possible threshold become pending links that remember their
 * blocking rule, so `explain` can say what brought the two records together.
 */
import { blockPairs, type BlockingOptions, type BlockingStats } from './blocking.js';
import { compareRecords, type ResolveRecord } from './comparison.js';
import type { PendingLink } from './pending.js';
import { decide, weighRecords, type ModelParameters, type NameFrequencies } from './scoring.js';

export interface PredictResult {
  links: PendingLink[];
  blocking: BlockingStats;
}

/**
 * @example predictLinks(records, freqs, DEFAULT_PARAMETERS).links.filter((l) => l.kind === 'match')
 */
export function predictLinks(
  records: readonly ResolveRecord[],
  freqs: NameFrequencies,
  params: ModelParameters,
  step?: () => void,
  /** Frozen caps, and who is told of the blocks capped (see BlockingOptions). */
  caps: Pick<BlockingOptions, 'capped' | 'onCapped'> = {},
): PredictResult {
  const links: PendingLink[] = [];
  const blocking = blockPairs(
    records,
    (i, j, rule) => {
      const l = records[i];
      const r = records[j];
      if (!l || !r) return;
      const levels = compareRecords(l, r, { skipHopeless: true });
      if (levels === null) return;
      const score = weighRecords(levels, l, r, freqs, params);
      const decision = decide(score.probability, params);
      if (decision === 'none') return;
      links.push({ l: i, r: j, kind: decision, rule: 'model', blocking: rule, levels, probability: score.probability, weight: score.weight });
    },
    { step, ...caps },
  );
  return { links, blocking };
}
