/**
 * Block keys as stored numbers (table block_keys), so that the resolve after an import finds the stored
 * records a new record could be paired with without loading the others: for each blocking rule whose key a
 * record has, a 52-bit hash of the rule and the key; for the deterministic pass, of its valid NIK.
 *
 * A hash collision only adds candidates (a record of another block is looked at and found not to link),
 * never loses one. The name rules (`nameOnly`) pair only records of which one has no valid NIK, so their
 * keys are stored under two names, `open` (no valid NIK) and `closed`: a new record with a valid NIK needs
 * only the open ones of its block, which keeps a common name's block out of its candidates.
 */
import { RULES, sortedPhonetic, type CappedKeys } from './blocking.js';
import type { ResolveRecord } from './comparison.js';

/** The hashes a record is stored under. */
export function storedKeys(r: ResolveRecord): number[] {
  const sp = sortedPhonetic(r.namePhonetic);
  const out: number[] = [];
  const open = r.nik === null;
  for (const rule of RULES) {
    const k = rule.key(r, sp);
    if (k === null) continue;
    out.push(keyHash(rule.nameOnly === true ? `${rule.rule}${open ? '+' : '-'}` : rule.rule, k));
  }
  if (r.nik !== null) out.push(keyHash('nik', r.nik));
  return out;
}

/**
 * The hashes under which the stored records a new record can be paired with are found: its blocks not
 * capped (a capped block pairs nothing), and its NIK.
 */
export function candidateKeys(r: ResolveRecord, capped: CappedKeys): number[] {
  const sp = sortedPhonetic(r.namePhonetic);
  const out: number[] = [];
  const open = r.nik === null;
  for (const rule of RULES) {
    const k = rule.key(r, sp);
    if (k === null || capped[rule.rule].has(k)) continue;
    if (rule.nameOnly === true) {
      out.push(keyHash(`${rule.rule}+`, k));
      if (open) out.push(keyHash(`${rule.rule}-`, k));
    } else out.push(keyHash(rule.rule, k));
  }
  if (r.nik !== null) out.push(keyHash('nik', r.nik));
  return out;
}

/**
 * A 52-bit hash of `name` and `key` (two 32-bit FNV-1a variants), exact as a JavaScript number and a SQLite
 * integer.
 * @example keyHash('name', 'AMINAH SITI') // 2871…
 */
export function keyHash(name: string, key: string): number {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  const text = `${name}\u0000${key}`;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return (a >>> 0) * 0x100000 + ((b >>> 0) >>> 12);
}
