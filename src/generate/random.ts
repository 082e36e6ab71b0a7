/**
 * A small seeded PRNG (mulberry32) with the few helpers the generator needs. Deterministic across runs,
 * platforms and Node versions: it only uses 32-bit integer arithmetic (`Math.imul`, `>>>`).
 */

/** Turn a number or string seed into a 32-bit unsigned integer (FNV-1a for strings). */
export function seedOf(seed: number | string): number {
  if (typeof seed === 'number') return mix32(Math.trunc(seed) >>> 0);
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return mix32(h >>> 0);
}

/** The murmur3 finaliser: a cheap, well-spread 32-bit hash. */
export function mix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Derive an independent stream's seed from a base seed and a label (e.g. a person index). */
export function deriveSeed(base: number, label: number): number {
  return mix32((base ^ Math.imul(label + 0x9e3779b9, 0x27d4eb2d)) >>> 0);
}

/**
 * A pseudo-random permutation of [0, n): distinct outputs for distinct inputs, no table needed, so a
 * sample without replacement of millions of items costs no memory. A 4-round Feistel network over the
 * next even power of two, walking the cycle until the value falls inside [0, n).
 *
 * @example
 * const perm = permutation(1000, 7);
 * perm(0); perm(1); // two different numbers in [0, 1000)
 */
export function permutation(n: number, key: number): (i: number) => number {
  let half = 1;
  while (1 << (2 * half) < n) half++;
  const mask = (1 << half) - 1;
  const round = (x: number, r: number): number => mix32((x ^ Math.imul(key + r, 0x9e3779b1)) >>> 0) & mask;
  return (i: number): number => {
    let x = i;
    do {
      let left = x >>> half;
      let right = x & mask;
      for (let r = 0; r < 4; r++) {
        const next = left ^ round(right, r);
        left = right;
        right = next;
      }
      x = ((left << half) | right) >>> 0;
    } while (x >= n);
    return x;
  };
}

/**
 * A table for {@link Rng.weighted}: values and cumulative weights.
 *
 * @example
 * const sex = weightedTable([['L', 0.5], ['P', 0.5]]);
 * rng.weighted(sex); // 'L' or 'P'
 */
export interface WeightedTable<T> {
  readonly values: readonly T[];
  readonly cumulative: Float64Array;
  readonly total: number;
}

export function weightedTable<T>(entries: ReadonlyArray<readonly [T, number]>): WeightedTable<T> {
  if (entries.length === 0) throw new Error('weightedTable needs at least one entry');
  const values: T[] = [];
  const cumulative = new Float64Array(entries.length);
  let total = 0;
  entries.forEach(([value, weight], i) => {
    if (!(weight >= 0)) throw new Error(`weightedTable: weight of entry ${i} must be >= 0, got ${weight}`);
    total += weight;
    values.push(value);
    cumulative[i] = total;
  });
  if (total <= 0) throw new Error('weightedTable: the weights add up to zero');
  return { values, cumulative, total };
}

export class Rng {
  private state: number;

  constructor(seed: number | string) {
    this.state = seedOf(seed);
  }

  /** Restart this generator from a new 32-bit seed (cheaper than allocating a new one per person). */
  reseed(seed: number): this {
    this.state = seed >>> 0;
    return this;
  }

  /** A float in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return p > 0 && this.next() < p;
  }

  /** One element, uniformly. Throws on an empty list. */
  pick<T>(items: readonly T[]): T {
    const value = items[Math.floor(this.next() * items.length)];
    if (value === undefined) throw new Error('Rng.pick: empty list');
    return value;
  }

  /** One value of a weighted table, with probability weight / total. */
  weighted<T>(table: WeightedTable<T>): T {
    const x = this.next() * table.total;
    const c = table.cumulative;
    let lo = 0;
    let hi = c.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (x < (c[mid] ?? 0)) hi = mid;
      else lo = mid + 1;
    }
    const value = table.values[lo];
    if (value === undefined) throw new Error('Rng.weighted: empty table');
    return value;
  }

  /** A string of n decimal digits. */
  digits(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += String.fromCharCode(48 + Math.floor(this.next() * 10));
    return s;
  }
}
