import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lexedName, normaliseName } from '../src/normalise/names.js';

/**
 * normaliseName reads names of ASCII letters and spaces by a plain path (a cache of words, no pieces); every
 * other name, and every plain one that could hold a title, by the full one. The two must agree everywhere.
 */
const WORDS = [
  'SITI', 'siti', 'Aminah', 'MEGA', 'DWI', 'M', 'm', 'ST', 'St', 'MOH', 'Moh', 'MUH', 'ABD', 'NOER', 'SOETJIPTO', 'Djojo',
  'DR', 'dr', 'Dr', 'H', 'HJ', 'Hj', 'IR', 'DRS', 'DRA', 'NY', 'IBU', 'SE', 'SH', 'SPD', 'MM', 'MA', 'ME', 'SP', 'SS', 'AMD',
  'KH', 'K', 'A', 'Z', 'INDRASYAHPUTRAWIJAYAKUSUMA', 'Khairul', 'RIZKY', 'Fitriyani', 'MUHAMMAD', 'NURUL', 'PH', 'D',
];

const word = fc.oneof(
  fc.constantFrom(...WORDS),
  fc.stringMatching(/^[A-Za-z]{1,9}$/),
);
const gap = fc.constantFrom(' ', '  ', '   ');
const plainName = fc
  .tuple(fc.array(fc.tuple(word, gap), { minLength: 1, maxLength: 6 }), fc.constantFrom('', ' '), fc.constantFrom('', ' '))
  .map(([parts, lead, trail]) => lead + parts.map(([w, g], i) => (i === parts.length - 1 ? w : w + g)).join('') + trail);

describe('normaliseName: the plain path', () => {
  it('gives what the full path gives for names of letters and spaces', () => {
    fc.assert(
      fc.property(plainName, (raw) => {
        expect(normaliseName(raw)).toStrictEqual(lexedName(raw));
      }),
      { numRuns: 5000 },
    );
  });

  it('gives what the full path gives for any text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^[A-Za-z .,'-]{0,20}$/)), (raw) => {
        expect(normaliseName(raw)).toStrictEqual(lexedName(raw));
      }),
      { numRuns: 3000 },
    );
  });

  it('keeps titles and first-word abbreviations a plain-looking name holds', () => {
    for (const raw of ['DR BUDI', 'BUDI SE', 'M RIZKI', 'ST AMINAH', 'HJ SITI', 'IBU ANI', 'SE', 'DR', '  ', '', 'RIZKI M']) {
      expect(normaliseName(raw), raw).toStrictEqual(lexedName(raw));
    }
    expect(normaliseName('M RIZKI').key).toBe('MUHAMMAD RIZKI');
    expect(normaliseName('RIZKI M').key).toBe('RIZKI M');
    expect(normaliseName('BUDI SE').display).toBe('Budi, S.E.');
    expect(normaliseName('siti   AMINAH').display).toBe('Siti Aminah');
  });

  it('agrees with the full path after more distinct words than it keeps', () => {
    const letters = 'ABCDEFGHIJKLMNOPRSTUWY';
    const wordOf = (i: number): string => {
      let w = '';
      for (let n = i + 1; n > 0; n = Math.floor(n / letters.length)) w += letters[n % letters.length] ?? '';
      return `${w}AN`;
    };
    for (let i = 0; i < 20_000; i++) {
      const raw = `${wordOf(i)} ${wordOf(i * 7 + 3)}`;
      const plain = normaliseName(raw);
      const full = lexedName(raw);
      if (plain.key !== full.key || plain.display !== full.display || plain.phonetic !== full.phonetic) expect(plain).toStrictEqual(full);
    }
    expect(normaliseName('SITI AMINAH')).toStrictEqual(lexedName('SITI AMINAH'));
  });
});
