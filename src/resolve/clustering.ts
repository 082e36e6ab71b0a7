/**
 * Clustering: links → persons. Connected components over the accepted links (union–find), taken in order
 * of certainty, with two guards that plain connected components lack:
 *
 * - cannot-link: records in conflict (same NIK, incompatible names) or judged different in review are
 *   never put in one person, not even through a third record;
 * - NIK consistency: a person's valid NIKs are its holder's NIK and copies of it one keystroke (or Excel's
 *   rounding) away, so some NIK of the person must be within reach of all the others; a link that would
 *   join persons whose NIKs have no such centre — typically a guest-book row without NIK whose common name
 *   matches both — is refused and kept as a possible match for review instead (a NIK is unique). A centre,
 *   not every pair: a holder with one mistyped and one swapped copy is one person, though the two copies
 *   are two keystrokes apart.
 */
import type { RefusedBy } from '../store/resolve.js';
import { niksCompatible } from './comparison.js';

export interface ClusterLink {
  l: number;
  r: number;
  /** Higher first: deterministic and reviewed links use Infinity. */
  weight: number;
  /** A reviewer said these are one person: joined whatever the guards say. */
  force?: boolean;
}

export interface ClusterInput {
  size: number;
  /** Valid NIK per index, or null. */
  nikOf: (index: number) => string | null;
  cannotLink: readonly (readonly [number, number])[];
}


export interface ClusterResult {
  /** Index of each record's cluster representative. */
  root: Int32Array;
  /** Links that were refused, by their position in the input array, with the guard that refused each. */
  refused: Map<number, RefusedBy>;
}

/**
 * Union–find over `links`, strongest first.
 *
 * @example
 * clusterLinks({ size: 3, nikOf: () => null, cannotLink: [[0, 2]] }, [{ l: 0, r: 1, weight: 9 }, { l: 1, r: 2, weight: 8 }])
 * // → records 0 and 1 together; the 1–2 link is refused because 0 and 2 cannot be one person
 */
export function clusterLinks(input: ClusterInput, links: readonly ClusterLink[]): ClusterResult {
  const parent = new Int32Array(input.size);
  for (let i = 0; i < input.size; i++) parent[i] = i;
  const find = (x: number): number => {
    let r = x;
    while (parent[r] !== r) r = parent[r] ?? r;
    let y = x;
    while (parent[y] !== r) {
      const next = parent[y] ?? r;
      parent[y] = r;
      y = next;
    }
    return r;
  };

  // Per root that has absorbed another: its distinct valid NIKs. A root still alone has just its own NIK,
  // read from the input when needed: a one-element array for each of a million records was ~100 MB.
  // Cannot-link partners are kept only for the few roots that have any.
  const niks = new Map<number, string[]>();
  const nikList = (root: number): string[] | undefined => {
    const list = niks.get(root);
    if (list) return list;
    const own = input.nikOf(root);
    return own === null ? undefined : [own];
  };
  const enemies = new Map<number, Set<number>>();
  for (const [a, b] of input.cannotLink) {
    addTo(enemies, a, b);
    addTo(enemies, b, a);
  }

  /** Joins the persons of a and b; returns the guard that refused it, or null when joined. */
  const union = (a: number, b: number, force: boolean): RefusedBy | null => {
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) return null;
    const refusedBy = force ? null : compatible(ra, rb);
    if (refusedBy !== null) return refusedBy;
    const [big, small] = size(ra) >= size(rb) ? [ra, rb] : [rb, ra];
    parent[small] = big;
    const ns = nikList(small);
    if (ns) {
      const nb = nikList(big) ?? [];
      for (const n of ns) if (!nb.includes(n)) nb.push(n);
      niks.set(big, nb);
    }
    niks.delete(small);
    const es = enemies.get(small);
    if (es) {
      for (const e of es) addTo(enemies, big, e);
      enemies.delete(small);
    }
    return null;
  };
  const size = (root: number): number => (nikList(root)?.length ?? 0) + (enemies.get(root)?.size ?? 0);
  /** null when the two persons may be one, else the guard that says no. */
  const compatible = (ra: number, rb: number): RefusedBy | null => {
    for (const [x, y] of [
      [ra, rb],
      [rb, ra],
    ] as const) {
      const es = enemies.get(x);
      if (es) for (const e of es) if (find(e) === y) return 'kept_apart';
    }
    const na = nikList(ra);
    const nb = nikList(rb);
    if (!na || !nb) return null;
    const all = [...na];
    for (const q of nb) if (!all.includes(q)) all.push(q);
    return all.some((centre) => all.every((x) => x === centre || niksCompatible(centre, x))) ? null : 'nik';
  };

  // Strongest first; equally strong links in the order of their records (indices follow record ids), not in
  // the order they were found: a part of the records (resolve/partition.ts) finds them in another order, and
  // where two equal links compete for one guard the winner must not depend on it.
  const order = links.map((_, i) => i).sort((x, y) => compareLinks(links[x], links[y]) || x - y);
  const refused = new Map<number, RefusedBy>();
  for (const i of order) {
    const link = links[i];
    const by = link ? union(link.l, link.r, link.force === true) : null;
    if (by !== null) refused.set(i, by);
  }
  const root = new Int32Array(input.size);
  for (let i = 0; i < input.size; i++) root[i] = find(i);
  return { root, refused };
}

/** Heavier first; then unforced before a reviewer's (as the deterministic pass came before review); then by records. */
function compareLinks(a: ClusterLink | undefined, b: ClusterLink | undefined): number {
  if (!a || !b) return 0;
  if (a.weight !== b.weight) return a.weight > b.weight ? -1 : 1;
  const fa = a.force === true ? 1 : 0;
  const fb = b.force === true ? 1 : 0;
  if (fa !== fb) return fa - fb;
  return Math.min(a.l, a.r) - Math.min(b.l, b.r) || Math.max(a.l, a.r) - Math.max(b.l, b.r);
}

function addTo(map: Map<number, Set<number>>, key: number, value: number): void {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
}
