/**
 * Person ids: each record's person is the smallest record id in its cluster, and how it joined is its
 * strongest match link. Only records whose person, match or score changed are handed on to be written.
 */
import type { PersonUpdate, RecordMatch } from '../store/resolve.js';
import type { ResolveRecord } from './comparison.js';
import type { LoadedRecords } from './load.js';
import { round, type PendingLink } from './pending.js';

/**
 * The person updates, lazily: a million update objects at once would be 100+ MB for nothing.
 *
 * @example [...personUpdates(records, stored, root, pending)] // [{ id: 7, person_id: 3, match: 'model', score: 0.99 }, …]
 */
export function personUpdates(
  records: readonly ResolveRecord[],
  stored: LoadedRecords['stored'],
  root: Int32Array,
  pending: readonly PendingLink[],
): Iterable<PersonUpdate> {
  // Indexed by the root's position (a typed array, not a Map: a million persons).
  const personOf = new Float64Array(records.length).fill(Infinity);
  for (let i = 0; i < records.length; i++) {
    const at = root[i] ?? i;
    const id = records[i]?.id ?? 0;
    if (id < (personOf[at] ?? Infinity)) personOf[at] = id;
  }
  const how: ({ rule: RecordMatch; score: number | null } | undefined)[] = new Array(records.length);
  for (const p of pending) {
    if (p.kind !== 'match' || p.rule === 'same_nik_other_name' || p.rule === 'review_no') continue;
    const probability = p.probability ?? 1;
    for (const i of [p.l, p.r]) {
      const h = how[i];
      if (!h || (h.score ?? 1) < probability || (p.rule === 'exact_nik' && h.rule !== 'exact_nik')) how[i] = { rule: p.rule, score: probability };
    }
  }
  return {
    *[Symbol.iterator]() {
      for (let i = 0; i < records.length; i++) {
        const r = records[i];
        if (!r) continue;
        const found = personOf[root[i] ?? i] ?? Infinity;
        const person = Number.isFinite(found) ? found : r.id;
        const h = how[i];
        const match: RecordMatch = h?.rule ?? 'single';
        const score = h?.score === undefined || h.score === null ? null : round(h.score, 6);
        // Unchanged records are not rewritten: a second `prakerja resolve` then costs almost no writes.
        if (stored.person(i) === person && stored.match(i) === match && stored.score(i) === score) continue;
        yield { id: r.id, person_id: person, match, score };
      }
    },
  };
}
