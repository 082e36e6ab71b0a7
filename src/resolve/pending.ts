/**
 * A link between two records while resolving, before it is stored: what found it, what decided it, and
 * how strongly — and its stored form (`LinkRow`), with the weights recomputed term by term for `explain`.
 */
import type { BlockingRule, LinkKind, LinkRow, LinkRule, RefusedBy } from '../store/resolve.js';
import type { Levels, ResolveRecord } from './comparison.js';
import { scoreRecords, type ModelParameters, type NameFrequencies, type Score } from './scoring.js';

export interface PendingLink {
  /** Record indices (positions in the loaded records), not ids. */
  l: number;
  r: number;
  kind: LinkKind;
  rule: LinkRule;
  /** The blocking rule that brought the pair to be compared; null for the deterministic pass and review. */
  blocking: BlockingRule | null;
  /** The comparison levels; the weights are recomputed from them when the link is written (memory). */
  levels: Levels | null;
  probability: number | null;
  /** Clustering order: certain links first. */
  weight: number;
  /** Set by clustering on the few model matches a guard kept apart (they become possible). */
  refused?: RefusedBy;
}

/** The stored form of each pending link, lazily: a million link rows at once would be memory for nothing. */
export function* linkRows(
  pending: readonly PendingLink[],
  records: readonly ResolveRecord[],
  freqs: NameFrequencies,
  params: ModelParameters,
): Generator<LinkRow> {
  for (const p of pending) {
    const l = records[p.l];
    const r = records[p.r];
    if (!l || !r) continue;
    const score: Score | null = p.levels ? scoreRecords(p.levels, l, r, freqs, params) : null;
    yield {
      record_l: Math.min(l.id, r.id),
      record_r: Math.max(l.id, r.id),
      kind: p.kind,
      rule: p.rule,
      blocking: p.blocking,
      weight: score ? round(score.weight) : null,
      probability: score ? round(score.probability, 6) : p.rule === 'review' ? 1 : null,
      levels: JSON.stringify(score ? score.terms.map((t) => ({ ...t, weight: round(t.weight) })) : []),
      refused: p.refused ?? null,
    };
  }
}

export function round(x: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
