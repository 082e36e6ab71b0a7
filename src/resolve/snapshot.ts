/**
 * Frozen frequencies: the statistics a full resolve learns from every record (`NameFrequencies`: names,
 * words, NIK prefixes, waves, visit purposes), written as text so that the incremental resolve after an
 * import scores its pairs with exactly the weights the last full resolve used (issue 14). Scoring new pairs
 * under weights relearnt from more records is what made the old incremental resolve end with other persons
 * than a full one.
 *
 * Generic over the class's state: every own field of the instance is written, whatever its name, as long as
 * it is made of numbers, strings, booleans, null/undefined, arrays, Maps and Sets. A field added to the class
 * is therefore stored without touching this file, and a field of another kind fails loudly here rather than
 * being dropped; reading a snapshot whose fields are not exactly the class's own fails too (a snapshot from
 * another version of the model is relearnt, never half-used).
 */
import { BLOCKING_RULES } from '../store/resolve.js';
import { noCaps, type CappedKeys } from './blocking.js';
import type { SnapshotRow } from '../store/resolve.js';
import type { ResolveContext } from './resolve.js';
import { NameFrequencies } from './scoring.js';

/** Bump when the encoding itself changes (not when NameFrequencies gains a field: that is checked by name). */
const FORMAT = 1;

type Encoded = number | string | boolean | null | Encoded[] | { $: 'map' | 'set' | 'num' | 'undef'; v?: Encoded };

/**
 * @example frequenciesFromSnapshot(snapshotOfFrequencies(countFrequencies(records))).frequency('SITI AMINAH')
 */
export function snapshotOfFrequencies(freqs: NameFrequencies): string {
  const fields: Record<string, Encoded> = {};
  for (const [key, value] of Object.entries(freqs)) fields[key] = encode(value, key);
  return JSON.stringify({ format: FORMAT, fields });
}

/** The frequencies a snapshot holds; throws when the snapshot is not of this version's NameFrequencies. */
export function frequenciesFromSnapshot(text: string): NameFrequencies {
  const parsed: unknown = JSON.parse(text);
  if (!isObject(parsed) || parsed.format !== FORMAT || !isObject(parsed.fields)) throw new Error('not a frequency snapshot of this version');
  const fresh = new NameFrequencies();
  const own = new Set(Object.keys(fresh));
  const given = Object.keys(parsed.fields);
  const unknown = given.filter((k) => !own.has(k));
  const missing = [...own].filter((k) => !given.includes(k));
  if (unknown.length > 0 || missing.length > 0) {
    throw new Error(`frequency snapshot does not fit NameFrequencies (unknown: ${unknown.join(', ') || '–'}; missing: ${missing.join(', ') || '–'})`);
  }
  for (const [key, value] of Object.entries(parsed.fields)) Reflect.set(fresh, key, decode(value as Encoded));
  return fresh;
}

/** The capped blocks as text: per rule, its keys in sorted order. */
export function snapshotOfCaps(capped: CappedKeys): string {
  return JSON.stringify(Object.fromEntries(BLOCKING_RULES.map((rule) => [rule, [...capped[rule]].sort()])));
}

/** @example capsFromSnapshot(snapshotOfCaps(caps)).name.has('SITI AMINAH') */
export function capsFromSnapshot(text: string): CappedKeys {
  const parsed: unknown = JSON.parse(text);
  if (!isObject(parsed)) throw new Error('not a snapshot of capped blocks');
  const caps = noCaps();
  for (const rule of BLOCKING_RULES) {
    const keys = parsed[rule];
    if (!Array.isArray(keys)) throw new Error(`snapshot of capped blocks has no ${rule}`);
    for (const k of keys) if (typeof k === 'string') caps[rule].add(k);
  }
  return caps;
}

/** The frozen statistics a stored snapshot holds. */
export function frozenContext(stored: Pick<SnapshotRow, 'frequencies' | 'capped'>): Required<ResolveContext> {
  return { frequencies: frequenciesFromSnapshot(stored.frequencies), capped: capsFromSnapshot(stored.capped) };
}

function encode(value: unknown, path: string): Encoded {
  if (value === undefined) return { $: 'undef' };
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : { $: 'num', v: String(value) };
  if (Array.isArray(value)) return value.map((v, i) => encode(v, `${path}[${i}]`));
  if (value instanceof Map) return { $: 'map', v: [...value].map(([k, v]) => [encode(k, path), encode(v, path)]) };
  if (value instanceof Set) return { $: 'set', v: [...value].map((v) => encode(v, path)) };
  throw new Error(`NameFrequencies.${path} cannot be stored in a snapshot: add its kind to resolve/snapshot.ts`);
}

function decode(value: Encoded): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(decode);
  const inner = Array.isArray(value.v) ? value.v : [];
  switch (value.$) {
    case 'undef':
      return undefined;
    case 'num':
      return Number(value.v);
    case 'set':
      return new Set(inner.map(decode));
    case 'map':
      return new Map(inner.map((e) => (Array.isArray(e) ? [decode(e[0] ?? null), decode(e[1] ?? null)] : [undefined, undefined])));
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
