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
import { dateNeighbours, RULES, scientificShown, sortedPhonetic, SWAP_AT, swapAt, type CappedKeys } from './blocking.js';
import { fullDigits, type ResolveRecord } from './comparison.js';
import { fnv1a } from './groups.js';

/** What the stored hashes mean; stored keys of another format are rebuilt by the next full resolve. */
export const KEYS_FORMAT = '7';

/** The hashes a record is stored under. `sp` is its sorted phonetic key (blocking.ts `sortedPhonetic`). */
export function storedKeys(r: ResolveRecord, sp = sortedPhonetic(r.namePhonetic)): number[] {
  const out: number[] = [];
  eachStoredKey(r, sp, (h) => out.push(h));
  return out;
}

/** Calls `emit` with each hash `storedKeys` gives, in its order, without an array a record. */
function eachStoredKey(r: ResolveRecord, sp: string, emit: (hash: number) => void): void {
  const open = r.nik === null;
  for (const { rule, seed } of STORED_RULES) {
    // list_scientific_wave pairs only with a scientific-notation row: only those are stored under it.
    if (rule.rule === 'list_scientific_wave' && scientificShown(r) === null) continue;
    const k = rule.key(r, sp);
    if (k === null) continue;
    emit(fnv1a(k, open ? seed.open : seed.closed));
  }
  // A valid NIK is found through the records' own NIK index; only the 16 digits of an invalid one need a key.
  const d = fullDigits(r);
  if (r.nik === null && d !== null && d.length === 16) emit(fnv1a(d, DIGITS_SEED));
}

/** The FNV-1a state after a key name and its NUL, which every key of that name continues. */
function nameSeed(name: string): number {
  return fnv1a(`${name}\u0000`);
}

const DIGITS_SEED = nameSeed('digits');

/**
 * The rules a record is stored under (not nik_group_swap nor list_serial_wave, whose partners are looked up
 * as NIKs), each with the FNV-1a state after its key name: a name rule's open (`+`) and closed (`-`) name.
 */
const STORED_RULES = RULES.filter((rule) => rule.rule !== 'nik_group_swap' && rule.rule !== 'list_serial_wave').map((rule) => ({
  rule,
  seed:
    rule.nameOnly === true
      ? { open: nameSeed(`${rule.rule}+`), closed: nameSeed(`${rule.rule}-`) }
      : { open: nameSeed(rule.rule), closed: nameSeed(rule.rule) },
}));

/**
 * Where the stored records a new record can be paired with are found: the hashes of its blocks not capped (a
 * capped block pairs nothing), and the valid NIKs to look up in the records' NIK index (its own, for the
 * deterministic pass, and the two its boundary swaps make).
 */
export function candidateKeys(r: ResolveRecord, capped: CappedKeys): { hashes: number[]; niks: string[]; ranges: ListRange[] } {
  const sp = sortedPhonetic(r.namePhonetic);
  const hashes: number[] = [];
  const niks: string[] = r.nik === null ? [] : [r.nik];
  const ranges: ListRange[] = [];
  const open = r.nik === null;
  for (const rule of RULES) {
    const k = rule.key(r, sp);
    if (k === null || capped[rule.rule].has(k)) continue;
    if (rule.rule === 'nik_group_swap') {
      const d = fullDigits(r);
      for (const at of SWAP_AT) {
        const swapped = d === null ? null : swapAt(d, at);
        if (swapped === null) continue;
        niks.push(swapped);
        hashes.push(keyHash('digits', swapped));
      }
    } else if (rule.rule === 'list_serial_wave') {
      // Its partners are the NIKs one birth-date keystroke away (dateNeighbours): looked up as NIKs and as
      // the digits of invalid ones, like the swaps above, not stored as a block (a key more per list row).
      for (const near of dateNeighbours(fullDigits(r) ?? '')) {
        niks.push(near);
        hashes.push(keyHash('digits', near));
      }
    } else if (rule.rule === 'list_scientific_wave') {
      // The scientific-notation rows of its block are stored under it; a scientific-notation row's full NIKs
      // are the list rows of its wave and first letter whose NIK lies in its range (the NIK index).
      hashes.push(keyHash(rule.rule, k));
      if (r.nikRange !== null && scientificShown(r) !== null && r.wave !== null) {
        const letter = r.nameKey.slice(0, 1);
        ranges.push({ low: r.nikRange.low, high: r.nikRange.high, wave: r.wave, letters: letter === 'J' || letter === 'Y' ? ['Y', 'J'] : [letter] });
      }
    } else if (rule.nameOnly === true) {
      hashes.push(keyHash(`${rule.rule}+`, k));
      if (open) hashes.push(keyHash(`${rule.rule}-`, k));
    } else hashes.push(keyHash(rule.rule, k));
  }
  return { hashes, niks, ranges };
}

/**
 * List rows to look up by NIK range (store/resolve.ts `listRowsInRanges`): valid NIKs from low to high, of
 * one wave, whose name starts with one of the letters (J and Y together: blocking.ts `blockLetter`).
 */
export interface ListRange {
  low: string;
  high: string;
  wave: number;
  letters: string[];
}

/**
 * A 32-bit hash of `name` and `key` (FNV-1a). Collisions only add candidates: at a million records, one
 * looked-up hash in several hundred also holds another block's records.
 * @example keyHash('name', 'AMINAH SITI') // 2871…
 */
export function keyHash(name: string, key: string): number {
  let h = nameSeeds.get(name);
  if (h === undefined) {
    h = nameSeed(name);
    nameSeeds.set(name, h);
  }
  return fnv1a(key, h);
}

/** The FNV-1a state after each key name and its NUL: a name is hashed once, not with every key. */
const nameSeeds = new Map<string, number>();

/**
 * The stored-key hashes of the records with an id above `after`, in chunks of `hash, record id, hash, record
 * id, …` in the table's order (hash, then id), so that writing them appends to its B-tree. Each key is one
 * 64-bit number, the hash above the id, written into one array of the most keys the records can have, which
 * is sorted in place (BigUint64Array): 8 bytes a key (a million records have ~5 million keys). The pages of
 * that array no key reached are never touched, so they take no memory. Gathering pieces and copying them
 * into an array of the exact size held 16 bytes a key while copied, at the peak of a full resolve (1.1 M:
 * 585 → 604 MB then); doubling arrays of hashes and ids and radix-sorting them into two more, 20-32. The
 * chunks are views of that array, not a [hash, id] array a key: 5 million of those were a tenth of the
 * resolve's garbage collection.
 */
export function* sortedBlockKeys(
  records: readonly ResolveRecord[],
  after: number,
  chunkSize = 5_000,
  /** Keys room is made for at first (a test's small number makes it grow); by default the most there can be. */
  capacity = records.length * MAX_KEYS_A_RECORD,
): Generator<Uint32Array> {
  let words = new Uint32Array(2 * Math.max(1, capacity));
  let at = 0;
  let id = 0;
  const add = (h: number): void => {
    if (at === words.length) {
      const grown = new Uint32Array(2 * words.length);
      grown.set(words);
      words = grown;
    }
    words[at + HIGH] = h;
    words[at + LOW] = id;
    at += 2;
  };
  for (const r of records) {
    if (r.id <= after) continue;
    id = r.id;
    eachStoredKey(r, sortedPhonetic(r.namePhonetic), add);
  }
  new BigUint64Array(words.buffer, 0, at / 2).sort();
  // Each key's two words as hash, id (the order little-endian machines hold them in is id, hash).
  if (HIGH === 1) {
    for (let i = 0; i < at; i += 2) {
      const low = words[i] ?? 0;
      words[i] = words[i + 1] ?? 0;
      words[i + 1] = low;
    }
  }
  for (let start = 0; start < at; start += 2 * chunkSize) yield words.subarray(start, Math.min(at, start + 2 * chunkSize));
}

/** The most keys `storedKeys` gives a record: one a rule (but nik_group_swap), and an invalid NIK's digits. */
const MAX_KEYS_A_RECORD = RULES.length;

/** Which of a 64-bit number's two 32-bit words holds its high and which its low half, on this machine. */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
const HIGH = LITTLE_ENDIAN ? 1 : 0;
const LOW = LITTLE_ENDIAN ? 0 : 1;
