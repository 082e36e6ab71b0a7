/**
 * The resolver's pure core: records and review decisions in, links and persons out, no database. And the one
 * comparison of two records that the deterministic pass and prediction share.
 */
import { describe, expect, it } from 'vitest';
import { compareRecords, type ResolveRecord } from '../src/resolve/comparison.js';
import { loadRecords } from '../src/resolve/load.js';
import { resolve } from '../src/resolve/resolve.js';
import { DEFAULT_PARAMETERS } from '../src/resolve/scoring.js';
import type { ResolveRow } from '../src/store/resolve.js';

function row(id: number, over: Partial<ResolveRow>): ResolveRow {
  return {
    id, source: 'central', nik: null, nik_status: 'missing', nik_raw: null, nik_reason: null, nik_hint: null, name_key: 'BUDI SANTOSO',
    name_phonetic: 'BUTI SANTOSO', wave: 3, phone: null, birth_date: null, sex: null, person_id: null, match: null, score: null,
    purpose: null, ...over,
  };
}

function rec(over: Partial<ResolveRecord>): ResolveRecord {
  return {
    id: 1, source: 'central', nik: null, nikDigits: null, nikHint: null, nikRange: null, nameKey: 'BUDI SANTOSO', namePhonetic: 'BUTI SANTOSO',
    wave: null, phone: null, birthDate: null, sex: null, purpose: null, ...over,
  };
}

const valid = (nik: string): Partial<ResolveRow> => ({ nik, nik_status: 'valid', birth_date: '1990-10-10', sex: 'F' });

// 1–2: one NIK, compatible names. 3: the same NIK under another name (conflict). 4: one digit off, same name
// as 1 (model, found by region+date). 5: a stranger.
const ROWS: ResolveRow[] = [
  row(1, { ...valid('1271015010900003'), name_key: 'SITI AMINAH', name_phonetic: 'SITI AMINAH' }),
  row(2, { ...valid('1271015010900003'), name_key: 'SITI AMINAH', name_phonetic: 'SITI AMINAH', source: 'province' }),
  row(3, { ...valid('1271015010900003'), name_key: 'AGUS SALIM', name_phonetic: 'AKUS SALIM' }),
  row(4, { ...valid('1271015010900030'), name_key: 'SITI AMINAH', name_phonetic: 'SITI AMINAH', source: 'walkin', wave: null }),
  row(5, { ...valid('1271012208880004'), name_key: 'JOKO SUSILO', name_phonetic: 'YOKO SUSILO' }),
];

describe('resolve (pure core)', () => {
  it('links, conflicts and persons from records alone, each link with the blocking rule that found it', () => {
    const r = resolve(loadRecords(ROWS), { decisions: [] }, DEFAULT_PARAMETERS);
    const links = [...r.linkRows].map((l) => `${l.record_l}-${l.record_r} ${l.kind} ${l.rule} ${l.blocking ?? '-'}`).sort();
    expect(links).toEqual([
      '1-2 match exact_nik -',
      '1-3 conflict same_nik_other_name -',
      '1-4 match model nik_region_date',
      '2-4 match model nik_region_date',
    ]);
    const persons = new Map([...r.personUpdates].map((u) => [u.id, `${u.person_id} ${u.match}`]));
    expect(persons).toEqual(
      new Map([
        [1, '1 exact_nik'],
        [2, '1 exact_nik'],
        [3, '3 single'],
        [4, '1 model'],
        [5, '5 single'],
      ]),
    );
    // Walk-in visitors found in the lists are counted by the store after writing (one-number.test.ts).
    expect({ persons: r.persons, links: r.links }).toEqual({
      persons: 3,
      links: { match: 3, possible: 0, conflict: 1 },
    });
  });

  it('a reviewer’s N keeps a model match apart, and Y joins what the model would not', () => {
    const decisions = [
      { l: 0, r: 3, decision: 'N' as const },
      { l: 1, r: 3, decision: 'N' as const },
      { l: 2, r: 4, decision: 'Y' as const },
    ];
    const r = resolve(loadRecords(ROWS), { decisions }, DEFAULT_PARAMETERS);
    const links = [...r.linkRows].map((l) => `${l.record_l}-${l.record_r} ${l.kind} ${l.rule}`).sort();
    expect(links).toContain('1-4 possible review_no');
    expect(links).toContain('3-5 match review');
    const persons = new Map([...r.personUpdates].map((u) => [u.id, u.person_id]));
    expect(persons.get(4)).toBe(4);
    expect(persons.get(5)).toBe(3);
  });

  it('resolving again what is stored writes only the records whose person changed', () => {
    const first = resolve(loadRecords(ROWS.slice(0, 4)), { decisions: [] }, DEFAULT_PARAMETERS);
    const stored = new Map([...first.personUpdates].map((u) => [u.id, u]));
    const again = ROWS.map((x) => {
      const u = stored.get(x.id);
      return u ? { ...x, person_id: u.person_id, match: u.match, score: u.score } : x;
    });
    const r = resolve(loadRecords(again), { decisions: [] }, DEFAULT_PARAMETERS);
    expect(r.resolved).toBe(5);
    expect([...r.personUpdates]).toEqual([{ id: 5, person_id: 5, match: 'single', score: null }]);
    // Links are rebuilt whole: every one of them again.
    expect([...r.linkRows]).toHaveLength(4);
  });
});

describe('compareRecords', () => {
  it('carries the visit purpose of a walk-in row against a list row, and none between two list rows', () => {
    const walk = rec({ source: 'walkin', purpose: 'pencairan insentif', nik: '1271015010900003' });
    const list = rec({ source: 'central', nik: '1271015010900003' });
    expect(compareRecords(walk, list)).toEqual({ nik: 'exact', name: 'exact', phone: 'missing', wave: 'missing', purpose: 'pencairan insentif' });
    expect(compareRecords(list, rec({ source: 'province', nik: '1271015010900003' }))).not.toHaveProperty('purpose');
  });

  it('with skipHopeless, stops at a different NIK without an agreeing phone', () => {
    const a = rec({ nik: '1271015010900003' });
    const b = rec({ nik: '3578012208880004' });
    expect(compareRecords(a, b, { skipHopeless: true })).toBeNull();
    expect(compareRecords(a, b)?.nik).toBe('different');
    const phone = { phone: '081234567890' };
    expect(compareRecords(rec({ ...a, ...phone }), rec({ ...b, ...phone }), { skipHopeless: true })?.phone).toBe('exact');
  });
});
