/**
 * Review overrides: a reviewer's Y merges a pair whatever the model said, an N keeps it apart (a model match
 * becomes a possible match, `review_no`).
 */
import type { ClusterLink } from './clustering.js';
import type { PendingLink } from './pending.js';

export interface ReviewedPair {
  l: number;
  r: number;
  decision: 'Y' | 'N';
}

export interface Overrides {
  /** Pairs never to be one person: conflicts and N decisions. */
  cannotLink: [number, number][];
  /** The match links for clustering, in the order of `matchPending`. */
  matchLinks: ClusterLink[];
  /** The pending link of each of `matchLinks`, whose kind clustering may still lower to possible. */
  matchPending: PendingLink[];
}

/**
 * Adds the reviewers' Y links to `pending` and lowers to possible every model match a reviewer said N to.
 *
 * @example applyOverrides(pending, conflicts, [{ l: 0, r: 1, decision: 'N' }]).cannotLink // [..., [0, 1]]
 */
export function applyOverrides(
  pending: PendingLink[],
  cannotLink: [number, number][],
  decisions: readonly ReviewedPair[],
): Overrides {
  for (const d of decisions) {
    if (d.decision === 'Y') pending.push({ l: d.l, r: d.r, kind: 'match', rule: 'review', blocking: null, levels: null, probability: 1, weight: Infinity });
    else cannotLink.push([d.l, d.r]);
  }
  const rejectedByReview = new Set(cannotLink.map(([a, b]) => pairId(a, b)));

  const matchLinks: ClusterLink[] = [];
  const matchPending: PendingLink[] = [];
  for (const p of pending) {
    if (p.kind !== 'match') continue;
    if (p.rule !== 'review' && rejectedByReview.has(pairId(p.l, p.r))) {
      p.kind = 'possible';
      p.rule = 'review_no';
      continue;
    }
    matchLinks.push({ l: p.l, r: p.r, weight: p.weight, force: p.rule === 'review' });
    matchPending.push(p);
  }
  return { cannotLink, matchLinks, matchPending };
}

function pairId(a: number, b: number): string {
  return a < b ? `${a}:${b}` : `${b}:${a}`;
}
