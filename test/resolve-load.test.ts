/**
 * What an earlier resolve stored for each loaded record (resolve/load.ts StoredPersons), kept in typed arrays
 * for memory: every value comes back as it was stored, null as null, however many records.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StoredPersons } from '../src/resolve/load.js';
import { RECORD_MATCHES, type RecordMatch } from '../src/store/resolve.js';

describe('StoredPersons', () => {
  it('gives back each record’s person, match and score as stored, null where none, past its first room', () => {
    const value = fc.record({
      person: fc.option(fc.integer({ min: 1, max: 2 ** 40 }), { nil: null }),
      match: fc.option(fc.constantFrom<RecordMatch>(...RECORD_MATCHES), { nil: null }),
      score: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 3000 }), (values) => {
        const stored = new StoredPersons();
        for (const v of values) stored.push(v.person, v.match, v.score);
        expect(stored.length).toBe(values.length);
        expect(values.map((_, i) => ({ person: stored.person(i), match: stored.match(i), score: stored.score(i) }))).toEqual(values);
      }),
      { numRuns: 30 },
    );
  });

  it('reads a match it does not know as none', () => {
    const stored = new StoredPersons();
    stored.push(7, 'something else' as RecordMatch, 0.5);
    expect([stored.person(0), stored.match(0), stored.score(0)]).toEqual([7, null, 0.5]);
    expect([stored.person(1), stored.match(1), stored.score(1)]).toEqual([null, null, null]);
  });
});
