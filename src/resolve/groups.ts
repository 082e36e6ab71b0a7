/**
 * Grouping records by an equal string key — blocking's blocks, the deterministic pass's NIKs — without a
 * Map of a million strings. Such a Map holds every key until the pass ends, so its keys and its growing
 * tables reach V8's old generation and stay there as garbage after: at 1.1 M records the blocking rules
 * left ~450 MB of it, most of resolve's peak memory. Here each key is hashed and dropped at once; the
 * records are sorted by hash (radix sort over typed arrays), and the keys of records sharing a hash are
 * computed again to tell a collision from a group.
 */

/** One reusable set of typed arrays for `size` records (21 bytes a record and 256 KB, whatever the keys). */
export class KeyGroups {
  private readonly hashA: Uint32Array;
  private readonly indexA: Int32Array;
  private readonly hashB: Uint32Array;
  private readonly indexB: Int32Array;
  private readonly next: Int32Array;
  private readonly head: Uint8Array;
  private readonly counts = new Uint32Array(1 << 16);
  private readonly members: number[] = [];

  constructor(readonly size: number) {
    this.hashA = new Uint32Array(size);
    this.indexA = new Int32Array(size);
    this.hashB = new Uint32Array(size);
    this.indexB = new Int32Array(size);
    // The next member of the record's group, -1 after the last; `head` marks each group's first member.
    this.next = new Int32Array(size);
    this.head = new Uint8Array(size);
  }

  /**
   * Calls `visit(members)` for every group of two or more records with an equal non-null key: groups in
   * the order of their first member, members in ascending order (the order of a Map of key → members
   * filled in record order). `members` is reused: copy it to keep it.
   *
   * @example groups.each((i) => records[i].nik, (members) => compareAll(members))
   */
  each(keyOf: (index: number) => string | null, visit: (members: readonly number[]) => void): void {
    const { hashA, indexA, next, head } = this;
    let m = 0;
    for (let i = 0; i < this.size; i++) {
      const key = keyOf(i);
      if (key === null) continue;
      hashA[m] = fnv1a(key);
      indexA[m] = i;
      m++;
    }
    this.sortByHash(m);
    head.fill(0);
    // Runs of one hash, in ascending record order (the sort is stable); equal keys chained through `next`.
    const run: number[] = [];
    const keys: string[] = [];
    for (let start = 0; start < m; ) {
      const h = hashA[start] ?? 0;
      let end = start + 1;
      while (end < m && hashA[end] === h) end++;
      if (end - start >= 2) {
        run.length = 0;
        keys.length = 0;
        for (let p = start; p < end; p++) {
          const i = indexA[p] ?? 0;
          run.push(i);
          keys.push(keyOf(i) ?? '');
        }
        chainEqualKeys(run, keys, next, head);
      }
      start = end;
    }
    const members = this.members;
    for (let i = 0; i < this.size; i++) {
      if (head[i] !== 1) continue;
      members.length = 0;
      for (let j = i; j >= 0; j = next[j] ?? -1) members.push(j);
      visit(members);
    }
    members.length = 0;
  }

  /** LSD radix sort of the first `m` (hash, index) pairs by hash, 16 bits a pass; stable. Ends in the A arrays. */
  private sortByHash(m: number): void {
    const { hashA, indexA, hashB, indexB, counts } = this;
    for (const [shift, fromHash, fromIndex, toHash, toIndex] of [
      [0, hashA, indexA, hashB, indexB],
      [16, hashB, indexB, hashA, indexA],
    ] as const) {
      counts.fill(0);
      for (let p = 0; p < m; p++) {
        const b = ((fromHash[p] ?? 0) >>> shift) & 0xffff;
        counts[b] = (counts[b] ?? 0) + 1;
      }
      let sum = 0;
      for (let b = 0; b < counts.length; b++) {
        const c = counts[b] ?? 0;
        counts[b] = sum;
        sum += c;
      }
      for (let p = 0; p < m; p++) {
        const h = fromHash[p] ?? 0;
        const b = (h >>> shift) & 0xffff;
        const at = counts[b] ?? 0;
        counts[b] = at + 1;
        toHash[at] = h;
        toIndex[at] = fromIndex[p] ?? 0;
      }
    }
  }
}

/** Links the records of `run` (ascending) that share a key into chains through `next`; the first of each chain leads it. */
function chainEqualKeys(run: readonly number[], keys: readonly string[], next: Int32Array, head: Uint8Array): void {
  const first = keys[0];
  if (keys.every((k) => k === first)) {
    chain(run, next, head);
    return;
  }
  // A hash collision (rare): one chain per distinct key, each in ascending order.
  const byKey = new Map<string, number[]>();
  run.forEach((i, p) => {
    const k = keys[p] ?? '';
    const list = byKey.get(k);
    if (list) list.push(i);
    else byKey.set(k, [i]);
  });
  for (const list of byKey.values()) if (list.length >= 2) chain(list, next, head);
}

function chain(members: readonly number[], next: Int32Array, head: Uint8Array): void {
  head[members[0] ?? 0] = 1;
  for (let p = 0; p < members.length; p++) next[members[p] ?? 0] = members[p + 1] ?? -1;
}

/**
 * FNV-1a, 32 bits, unsigned. `seed` continues a hash: `fnv1a(b, fnv1a(a))` is the hash of `a + b`.
 * @example fnv1a('127101') // the same number on every run and machine
 */
export function fnv1a(s: string, seed = 0x811c9dc5): number {
  let h = seed;
  for (let c = 0; c < s.length; c++) h = Math.imul(h ^ s.charCodeAt(c), 0x01000193);
  return h >>> 0;
}
