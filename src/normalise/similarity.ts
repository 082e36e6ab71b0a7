/**
 * String similarity for the resolver, on name keys (upper-case A–Z and spaces, from names.ts).
 *
 * Jaro-Winkler is the `jaro-winkler` package's algorithm (match window ⌊max/2⌋−1, prefix scale 0.1 up to 4
 * letters, boost only above 0.7), which gives the published reference values, written again here over two
 * reused byte arrays: the package allocates two arrays and an options object a call, and a resolve of 2.2 M
 * records asks it for millions of pairs of strangers' names (7% of blocking and scoring's CPU there). Its
 * arithmetic is the package's, term for term, so every score is the same number (test/similarity.test.ts).
 * The bounded edit distance is written here because the packages compute the whole matrix (no early exit)
 * and the fast ones omit transpositions, the commonest typo in typed names (MARTHA / MARHTA).
 */
import type { NormalName } from './names.js';

/**
 * Jaro-Winkler similarity, 0..1. Case-sensitive: compare keys, not raw names. An empty side scores 0, even
 * against another empty one, because a missing name is no evidence that two records are one person.
 *
 * @example
 * jaroWinkler('MARTHA', 'MARHTA'); // 0.9611…
 */
export function jaroWinkler(a: string, b: string): number {
  if (a.length === 0 || b.length === 0) return 0;
  if (a === b) return 1;
  const la = a.length;
  const lb = b.length;
  if (matchedA.length < la) matchedA = new Uint8Array(la * 2);
  if (matchedB.length < lb) matchedB = new Uint8Array(lb * 2);
  const ma = matchedA;
  const mb = matchedB;
  ma.fill(0, 0, la);
  mb.fill(0, 0, lb);
  const range = Math.floor(Math.max(la, lb) / 2) - 1;
  let m = 0;
  for (let i = 0; i < la; i++) {
    const low = i >= range ? i - range : 0;
    const high = i + range <= lb - 1 ? i + range : lb - 1;
    const c = a.charCodeAt(i);
    for (let j = low; j <= high; j++) {
      if (mb[j] === 0 && c === b.charCodeAt(j)) {
        m++;
        ma[i] = 1;
        mb[j] = 1;
        break;
      }
    }
  }
  if (m === 0) return 0;
  let k = 0;
  let transpositions = 0;
  for (let i = 0; i < la; i++) {
    if (ma[i] !== 1) continue;
    let j = k;
    while (j < lb && mb[j] !== 1) j++;
    k = j + 1;
    if (a.charCodeAt(i) !== b.charCodeAt(j)) transpositions++;
  }
  let weight = (m / la + m / lb + (m - transpositions / 2) / m) / 3;
  if (weight > 0.7) {
    let l = 0;
    while (l < 4 && l < la && l < lb && a.charCodeAt(l) === b.charCodeAt(l)) l++;
    weight = weight + l * 0.1 * (1 - weight);
  }
  return weight;
}

/** jaroWinkler's scratch: which letters of each side are matched (grown when a longer string comes). */
let matchedA = new Uint8Array(64);
let matchedB = new Uint8Array(64);

/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent transposition, each substring edited once),
 * computed only as far as `max`: returns the distance when it is at most `max`, else `max + 1`. Work is
 * O(len × max), and it stops as soon as every path is over `max`.
 *
 * @example
 * boundedEditDistance('RIZKI', 'RIKZI', 2); // 1 (one transposition)
 * boundedEditDistance('SITI', 'AMINAH', 2); // 3 (over the bound)
 */
export function boundedEditDistance(a: string, b: string, max: number): number {
  const limit = Math.max(0, Math.floor(max));
  const over = limit + 1;
  if (a === b) return 0;
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > limit) return over;
  if (n === 0 || m === 0) return Math.max(n, m);

  // Three rows (i-2, i-1, i), cells outside the band |i-j| <= limit hold `over`.
  let before = new Array<number>(m + 1).fill(over);
  let prev = new Array<number>(m + 1).fill(over);
  let row = new Array<number>(m + 1).fill(over);
  for (let j = 0; j <= Math.min(m, limit); j++) prev[j] = j;

  for (let i = 1; i <= n; i++) {
    row.fill(over);
    const lo = Math.max(1, i - limit);
    const hi = Math.min(m, i + limit);
    if (i <= limit) row[0] = i;
    let best = row[0] ?? over;
    const ca = a.charCodeAt(i - 1);
    for (let j = lo; j <= hi; j++) {
      const cb = b.charCodeAt(j - 1);
      const cost = ca === cb ? 0 : 1;
      let d = Math.min((prev[j] ?? over) + 1, (row[j - 1] ?? over) + 1, (prev[j - 1] ?? over) + cost);
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) {
        d = Math.min(d, (before[j - 2] ?? over) + 1);
      }
      d = Math.min(d, over);
      row[j] = d;
      if (d < best) best = d;
    }
    if (best > limit) return over;
    [before, prev, row] = [prev, row, before];
  }
  return Math.min(prev[m] ?? over, over);
}

/**
 * Whether `a` and `b` are within `k` edits (insert, delete, substitute, swap two adjacent letters).
 *
 * @example
 * editDistanceAtMost('SUTRISNO', 'SUTRSINO', 1); // true
 */
export function editDistanceAtMost(a: string, b: string, k: number): boolean {
  return boundedEditDistance(a, b, k) <= k;
}

/** Tokens beyond this are ignored: no real name has more, and it bounds the work on junk rows. */
const MAX_TOKENS = 12;

/**
 * Order-insensitive similarity of two names, 0..1: tokens are paired one-to-one, best Jaro-Winkler first
 * (greedy; names have few tokens), and the score is 2·Σ(paired scores) / (tokens in a + tokens in b), so an
 * unpaired token counts as 0 on both sides. `SITI AMINAH` vs `AMINAH SITI` is 1; `MUHAMMAD RIZKI` vs
 * `MUHAMMAD RIZKI PRATAMA` is 0.8. Either side without tokens scores 0.
 *
 * @example
 * tokenSetSimilarity(normaliseName('Siti Aminah'), normaliseName('AMINAH, SITI')); // 1
 */
export function tokenSetSimilarity(a: Pick<NormalName, 'tokens'>, b: Pick<NormalName, 'tokens'>): number {
  return tokenPairing(a, b).similarity;
}

/**
 * The pairing behind `tokenSetSimilarity`, with its weakest pair: the lowest Jaro-Winkler of two paired
 * tokens (an unpaired token already counts against `similarity`). `MUHAMMAD RIZKI RAMADHAN` / `MUHAMMAD FAUZI RAMADHAN` is 0.87
 * overall but 0.60 at its weakest: one word is another name.
 */
export function tokenPairing(a: Pick<NormalName, 'tokens'>, b: Pick<NormalName, 'tokens'>): { similarity: number; weakest: number } {
  const ta = a.tokens.slice(0, MAX_TOKENS);
  const tb = b.tokens.slice(0, MAX_TOKENS);
  if (ta.length === 0 || tb.length === 0) return { similarity: 0, weakest: 0 };

  const pairs: { i: number; j: number; score: number }[] = [];
  for (let i = 0; i < ta.length; i++) {
    for (let j = 0; j < tb.length; j++) {
      pairs.push({ i, j, score: jaroWinkler(ta[i] ?? '', tb[j] ?? '') });
    }
  }
  // Ties keep written order, so equal scores pair the tokens in the order the names give them.
  pairs.sort((x, y) => y.score - x.score || x.i - y.i || x.j - y.j);

  const usedA = new Set<number>();
  const usedB = new Set<number>();
  let total = 0;
  let weakest = 1;
  for (const p of pairs) {
    if (usedA.has(p.i) || usedB.has(p.j)) continue;
    usedA.add(p.i);
    usedB.add(p.j);
    total += p.score;
    weakest = Math.min(weakest, p.score);
  }
  return { similarity: (2 * total) / (ta.length + tb.length), weakest };
}
