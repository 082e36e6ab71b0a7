/**
 * Block keys as stored numbers (table block_keys), so that the resolve after an import finds the stored
 * records a new record could be paired with without loading the others: for each blocking rule whose key a
 * record has, a 32-bit hash of the rule and the key. Same-NIK records (the deterministic pass) are found
 * through the records' NIK index instead.
 *
 * A hash collision only adds candidates (a record of another block is looked at and found not to link),
 * never loses one. The name rules (`nameOnly`) pair only records of which one has no valid NIK, so their
 * keys are stored under two names, `open` (no valid NIK) and `closed`: a new record with a valid NIK needs
 * only the open ones of its block, which keeps a common name's block out of its candidates. And
 * `nik_group_swap` pairs only a NIK with the NIK its two digits at a group boundary swapped make: its
 * candidates are looked up as those two NIKs (`digits`), not as its block, which drops four digits and
 * holds hundreds (at 1 M records it was four fifths of all candidates).
 */
import { RULES, sortedPhonetic, type CappedKeys } from './blocking.js';
import { fullDigits, type ResolveRecord } from './comparison.js';

/** What the stored hashes mean; stored keys of another format are rebuilt by the next full resolve. */
export const KEYS_FORMAT = '4';

/** The hashes a record is stored under. */
export function storedKeys(r: ResolveRecord): number[] {
  const sp = sortedPhonetic(r.namePhonetic);
  const out: number[] = [];
  const open = r.nik === null;
  for (const rule of RULES) {
    if (rule.rule === 'nik_group_swap') continue;
    const k = rule.key(r, sp);
    if (k === null) continue;
    out.push(keyHash(rule.nameOnly === true ? `${rule.rule}${open ? '+' : '-'}` : rule.rule, k));
  }
  // A valid NIK is found through the records' own NIK index; only the 16 digits of an invalid one need a key.
  const d = fullDigits(r);
  if (r.nik === null && d !== null && d.length === 16) out.push(keyHash('digits', d));
  return out;
}

/**
 * Where the stored records a new record can be paired with are found: the hashes of its blocks not capped (a
 * capped block pairs nothing), and the valid NIKs to look up in the records' NIK index (its own, for the
 * deterministic pass, and the two its boundary swaps make).
 */
export function candidateKeys(r: ResolveRecord, capped: CappedKeys): { hashes: number[]; niks: string[] } {
  const sp = sortedPhonetic(r.namePhonetic);
  const hashes: number[] = [];
  const niks: string[] = r.nik === null ? [] : [r.nik];
  const open = r.nik === null;
  for (const rule of RULES) {
    const k = rule.key(r, sp);
    if (k === null || capped[rule.rule].has(k)) continue;
    if (rule.rule === 'nik_group_swap') {
      const d = fullDigits(r);
      for (const at of [5, 11]) {
        const swapped = d === null ? null : swapAt(d, at);
        if (swapped === null) continue;
        niks.push(swapped);
        hashes.push(keyHash('digits', swapped));
      }
    } else if (rule.nameOnly === true) {
      hashes.push(keyHash(`${rule.rule}+`, k));
      if (open) hashes.push(keyHash(`${rule.rule}-`, k));
    } else hashes.push(keyHash(rule.rule, k));
  }
  return { hashes, niks };
}

/** The digits with those at `at` and `at + 1` traded; null when they are equal (no other NIK). */
function swapAt(d: string, at: number): string | null {
  const a = d[at];
  const b = d[at + 1];
  if (a === undefined || b === undefined || a === b) return null;
  return `${d.slice(0, at)}${b}${a}${d.slice(at + 2)}`;
}

/**
 * A 32-bit hash of `name` and `key` (FNV-1a). Collisions only add candidates: at a million records, one
 * looked-up hash in several hundred also holds another block's records.
 * @example keyHash('name', 'AMINAH SITI') // 2871…
 */
export function keyHash(name: string, key: string): number {
  let h = nameSeeds.get(name);
  if (h === undefined) {
    h = fnv(0x811c9dc5, `${name}\u0000`);
    nameSeeds.set(name, h);
  }
  return fnv(h, key) >>> 0;
}

/** The FNV-1a state after each key name and its NUL: a name is hashed once, not with every key. */
const nameSeeds = new Map<string, number>();

function fnv(seed: number, text: string): number {
  let h = seed;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h;
}

/**
 * The stored-key hashes of the records with an id above `after`, in chunks of [hash, record id] pairs in
 * the table's order (hash, then id), so that writing them appends to its B-tree: sorted by a radix sort over
 * typed arrays, 8 bytes a key (a million records have ~7 million).
 */
export function* sortedBlockKeys(records: Iterable<ResolveRecord>, after: number, chunkSize = 50_000): Generator<[number, number][]> {
  let hashes = new Uint32Array(1 << 16);
  let ids = new Int32Array(1 << 16);
  let n = 0;
  for (const r of records) {
    if (r.id <= after) continue;
    for (const h of storedKeys(r)) {
      if (n === hashes.length) {
        const h2 = new Uint32Array(n * 2);
        h2.set(hashes);
        hashes = h2;
        const i2 = new Int32Array(n * 2);
        i2.set(ids);
        ids = i2;
      }
      hashes[n] = h;
      ids[n] = r.id;
      n++;
    }
  }
  // LSD radix sort by hash, 16 bits a pass; records came in id order and the sort is stable, so ids ascend
  // within a hash.
  let h = hashes.subarray(0, n);
  let id = ids.subarray(0, n);
  let hb = new Uint32Array(n);
  let ib = new Int32Array(n);
  for (const shift of [0, 16]) {
    const count = new Uint32Array(1 << 16);
    for (let i = 0; i < n; i++) {
      const b = ((h[i] ?? 0) >>> shift) & 0xffff;
      count[b] = (count[b] ?? 0) + 1;
    }
    let sum = 0;
    for (let b = 0; b < count.length; b++) {
      const c = count[b] ?? 0;
      count[b] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const b = ((h[i] ?? 0) >>> shift) & 0xffff;
      const at = count[b] ?? 0;
      hb[at] = h[i] ?? 0;
      ib[at] = id[i] ?? 0;
      count[b] = at + 1;
    }
    [h, hb] = [hb, h];
    [id, ib] = [ib, id];
  }
  for (let start = 0; start < n; start += chunkSize) {
    const chunk: [number, number][] = [];
    for (let i = start; i < Math.min(n, start + chunkSize); i++) chunk.push([h[i] ?? 0, id[i] ?? 0]);
    yield chunk;
  }
}
