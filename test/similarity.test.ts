import fc from 'fast-check';
import jaroWinklerPackage from 'jaro-winkler';
import { describe, expect, it } from 'vitest';
import { normaliseName } from '../src/normalise/names.js';
import {
  boundedEditDistance,
  editDistanceAtMost,
  jaroWinkler,
  tokenSetSimilarity,
} from '../src/normalise/similarity.js';

describe('jaroWinkler', () => {
  it.each([
    // Winkler's and the textbook reference values.
    ['MARTHA', 'MARHTA', 0.9611],
    ['DWAYNE', 'DUANE', 0.84],
    ['DIXON', 'DICKSONX', 0.8133],
    ['JELLYFISH', 'SMELLYFISH', 0.8963],
    ['CRATE', 'TRACE', 0.7333],
    // Names.
    ['SITI', 'SITI', 1],
    ['AMINAH', 'AMINA', 0.9667],
    ['RIZKI', 'RIZKY', 0.92],
    ['SUTRISNO', 'SUTRISNA', 0.95],
    ['ABC', 'XYZ', 0],
    ['', '', 0], // no name is no evidence
    ['SITI', '', 0],
  ])('%s / %s = %f', (a, b, expected) => {
    expect(jaroWinkler(a, b)).toBeCloseTo(expected, 4);
  });

  it('is symmetric and within 0..1', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), fc.string({ maxLength: 20 }), (a, b) => {
        const s = jaroWinkler(a, b);
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1);
        expect(jaroWinkler(b, a)).toBeCloseTo(s, 12);
      }),
    );
  });

  it("is the jaro-winkler package's number exactly, on names and on any strings (one after the other, longer ones too)", () => {
    // Names from few letters, so that many pairs share letters, prefixes and transpositions.
    const name = fc.array(fc.constantFrom('A', 'I', 'N', 'S', 'T', 'U', 'R', 'M', 'H', ' '), { minLength: 1, maxLength: 30 }).map((c) => c.join(''));
    fc.assert(
      fc.property(fc.oneof(name, fc.string({ maxLength: 90 })), fc.oneof(name, fc.string({ maxLength: 90 })), (a, b) => {
        const want = a === '' || b === '' ? 0 : jaroWinklerPackage(a, b);
        expect(jaroWinkler(a, b)).toBe(want);
        expect(jaroWinkler(b, a)).toBe(b === '' || a === '' ? 0 : jaroWinklerPackage(b, a));
      }),
      { numRuns: 5000 },
    );
    for (const [a, b] of [['MARTHA', 'MARHTA'], ['DIXON', 'DICKSONX'], ['SITI AMINAH', 'SITI AMINAH NASUTION'], ['A', 'B'], ['AB', 'BA'], ['X'.repeat(200), `${'X'.repeat(199)}Y`]] as const)
      expect(jaroWinkler(a, b)).toBe(jaroWinklerPackage(a, b));
  });
});

/** Plain full-matrix optimal string alignment distance, the reference for the bounded one. */
function osa(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number): number => d[i]?.[j] ?? Infinity;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, at(i - 2, j - 2) + 1);
      const row = d[i];
      if (row) row[j] = v;
    }
  }
  return at(a.length, b.length);
}

describe('boundedEditDistance and editDistanceAtMost', () => {
  it.each([
    ['RIZKI', 'RIZKI', 2, 0],
    ['RIZKI', 'RIZKY', 2, 1],
    ['RIZKI', 'RIKZI', 2, 1], // one adjacent swap
    ['MARTHA', 'MARHTA', 2, 1],
    ['SUTRISNO', 'SUTRSINO', 1, 1],
    ['AMINAH', 'AMINA', 1, 1],
    ['SITI', 'AMINAH', 2, 3], // over the bound: max + 1
    ['', 'ABC', 5, 3],
    ['', 'ABCDEF', 2, 3],
    ['ABC', 'ABC', 0, 0],
    ['ABC', 'ABD', 0, 1],
  ])('%s / %s within %i → %i', (a, b, max, expected) => {
    expect(boundedEditDistance(a, b, max)).toBe(expected);
    expect(editDistanceAtMost(a, b, max)).toBe(expected <= max);
  });

  it('agrees with the full matrix wherever the answer is within the bound', () => {
    const word = fc.string({ unit: fc.constantFrom('A', 'I', 'N', 'S', 'R'), maxLength: 9 });
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 4 }), (a, b, max) => {
        expect(boundedEditDistance(a, b, max)).toBe(Math.min(osa(a, b), max + 1));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('tokenSetSimilarity', () => {
  const sim = (a: string, b: string): number => tokenSetSimilarity(normaliseName(a), normaliseName(b));

  it.each([
    ['SITI AMINAH', 'AMINAH SITI', 1],
    ['Siti Aminah', 'AMINAH, SITI', 1],
    ['H. Ahmad Dahlan, S.Pd.', 'DAHLAN AHMAD', 1],
    ['MUHAMMAD RIZKI', 'MUHAMMAD RIZKI PRATAMA', 0.8],
    ['SITI AMINAH', '', 0],
  ])('%j ~ %j = %f', (a, b, expected) => {
    expect(sim(a, b)).toBeCloseTo(expected, 4);
  });

  it('ranks a typo above a different person', () => {
    expect(sim('MUHAMMAD RIZKY', 'RIZKI MUHAMMAD')).toBeGreaterThan(0.95);
    expect(sim('SITI AMINAH', 'SITI AISYAH')).toBeLessThan(sim('SITI AMINAH', 'AMINA SITI'));
    expect(sim('BUDI SANTOSO', 'SITI AMINAH')).toBeLessThan(0.6);
  });

  it('is symmetric and within 0..1', () => {
    const name = fc.array(fc.constantFrom('SITI', 'AMINAH', 'AMINA', 'RIZKI', 'MUHAMMAD', 'A', 'NUR'), {
      maxLength: 5,
    });
    fc.assert(
      fc.property(name, name, (ta, tb) => {
        const s = tokenSetSimilarity({ tokens: ta }, { tokens: tb });
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1 + 1e-12);
        expect(tokenSetSimilarity({ tokens: tb }, { tokens: ta })).toBeCloseTo(s, 12);
      }),
    );
  });
});
