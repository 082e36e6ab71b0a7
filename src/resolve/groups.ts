/**
 * Grouping records by an equal string key — blocking's blocks, the deterministic pass's NIKs — without a
 * Map of a million strings. Such a Map holds every key until the pass ends, so its keys and its growing
 * tables reach V8's old generation and stay there as garbage after: at 1.1 M records the blocking rules
 * left ~450 MB of it, most of resolve's peak memory. Here each key is hashed and dropped at once; the
 * records are sorted by hash (radix sort over typed arrays), and the keys of records sharing a hash are
 * computed again to tell a collision from a group. Keys that are whole numbers (the NIK rules' digits, a
 * name's number beside them) are grouped by the number itself (`eachCode`): no string made at all.
 */

/** One reusable set of typed arrays for `size` records (21 bytes a record, 29 with codes, and 256 KB, whatever the keys). */
export class KeyGroups {
  private readonly hashA: Uint32Array;
  private readonly indexA: Int32Array;
  private readonly hashB: Uint32Array;
  private readonly indexB: Int32Array;
  private readonly starts: Int32Array;
  private readonly head: Uint8Array;
  private readonly counts = new Uint32Array(1 << 16);
  private readonly members: number[] = [];
  /** `eachCode`'s codes by record (8 bytes a record), made at its first call. */
  private codes: Float64Array | undefined;

  constructor(readonly size: number) {
    this.hashA = new Uint32Array(size);
    this.indexA = new Int32Array(size);
    this.hashB = new Uint32Array(size);
    this.indexB = new Int32Array(size);
    // Of a group's first member (marked in `head`): where the group's members start in `indexA`.
    this.starts = new Int32Array(size);
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
    const { hashA, indexA } = this;
    let m = 0;
    for (let i = 0; i < this.size; i++) {
      const key = keyOf(i);
      if (key === null) continue;
      hashA[m] = fnv1a(key);
      indexA[m] = i;
      m++;
    }
    this.groupRuns(m, keyOf);
    this.visitGroups(visit);
  }

  /**
   * `each` for keys that are whole numbers: `codeOf(i)` is the record's key as an exact integer (two records
   * share a key exactly when their codes are equal), -1 for no key. No string is made, and a hash shared by
   * two records is told from a group by comparing two numbers, not two keys made again (at 1.1 M records most
   * of the time of a NIK rule's grouping went to making the keys of its blocks' members again, in hash
   * order). Returns false, having visited nothing, when some record's key is no such number (`codeOf` gives
   * NaN): then the caller groups by the string key.
   *
   * @example groups.eachCode((i) => Number(records[i].serial ?? -1), (members) => compareAll(members))
   */
  eachCode(codeOf: (index: number) => number, visit: (members: readonly number[]) => void): boolean {
    const { hashA, indexA } = this;
    this.codes ??= new Float64Array(this.size);
    const codes = this.codes;
    let m = 0;
    for (let i = 0; i < this.size; i++) {
      const code = codeOf(i);
      if (code === -1) continue;
      if (!Number.isSafeInteger(code) || code < 0) return false;
      codes[i] = code;
      hashA[m] = mix(code);
      indexA[m] = i;
      m++;
    }
    this.groupRuns(m, (i) => codes[i] ?? -1);
    this.visitGroups(visit);
    return true;
  }

  /**
   * Sorts the first `m` (hash, record) pairs and marks the groups: runs of one hash, in ascending record
   * order (the sort is stable), told apart by `keyAt`. A group is a run of one key: its members stay where
   * the sort put them, and its first member is marked with where they start (`starts`) and how many they
   * are (`hashB`, free after the sort). Reading a group back is then a walk over neighbouring positions,
   * not a chain of jumps through a million records.
   */
  private groupRuns(m: number, keyAt: (index: number) => string | number | null): void {
    const { hashA, indexA, hashB, starts, head } = this;
    this.sortByHash(m);
    head.fill(0);
    for (let start = 0; start < m; ) {
      const h = hashA[start] ?? 0;
      let end = start + 1;
      while (end < m && hashA[end] === h) end++;
      if (end - start >= 2) {
        const first = keyAt(indexA[start] ?? 0);
        let same = true;
        for (let p = start + 1; p < end && same; p++) same = keyAt(indexA[p] ?? 0) === first;
        if (same) mark(start, end - start, indexA, starts, hashB, head);
        else splitCollision(start, end, keyAt, indexA, starts, hashB, head);
      }
      start = end;
    }
  }

  /** Visits the groups marked, in the order of their first member. */
  private visitGroups(visit: (members: readonly number[]) => void): void {
    const { indexA, hashB, starts, head } = this;
    const members = this.members;
    for (let i = 0; i < this.size; i++) {
      if (head[i] !== 1) continue;
      const from = starts[i] ?? 0;
      const to = from + (hashB[i] ?? 0);
      members.length = 0;
      for (let p = from; p < to; p++) members.push(indexA[p] ?? 0);
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

/** Marks the `length` members from `start` of `index` as one group, led by the first of them. */
function mark(start: number, length: number, index: Int32Array, starts: Int32Array, lengths: Uint32Array, head: Uint8Array): void {
  const first = index[start] ?? 0;
  head[first] = 1;
  starts[first] = start;
  lengths[first] = length;
}

/**
 * A run of one hash holding more than one key (a hash collision, rare): its members reordered so that each
 * key's are together, each in ascending order, and one group marked per key of two or more.
 */
function splitCollision(
  start: number,
  end: number,
  keyOf: (index: number) => string | number | null,
  index: Int32Array,
  starts: Int32Array,
  lengths: Uint32Array,
  head: Uint8Array,
): void {
  const byKey = new Map<string | number, number[]>();
  for (let p = start; p < end; p++) {
    const i = index[p] ?? 0;
    const k = keyOf(i) ?? '';
    const list = byKey.get(k);
    if (list) list.push(i);
    else byKey.set(k, [i]);
  }
  let at = start;
  for (const list of byKey.values()) {
    index.set(list, at);
    if (list.length >= 2) mark(at, list.length, index, starts, lengths, head);
    at += list.length;
  }
}

/** A 32-bit hash of a whole number below 2^53 (its two halves mixed as murmur3's finaliser does). */
function mix(code: number): number {
  let h = (code % 0x1_0000_0000) ^ Math.imul(Math.floor(code / 0x1_0000_0000), 0x9e3779b1);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
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
