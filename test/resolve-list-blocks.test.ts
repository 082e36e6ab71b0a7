import { describe, expect, it } from 'vitest';
import { blockPairs, dateNeighbours, scientificShown } from '../src/resolve/blocking.js';
import { scientificRange } from '../src/normalise/nik.js';
import type { ResolveRecord } from '../src/resolve/comparison.js';
import { candidateKeys, storedKeys } from '../src/resolve/keys.js';
import { noCaps } from '../src/resolve/blocking.js';

function rec(over: Partial<ResolveRecord>): ResolveRecord {
  return {
    id: 1, source: 'central', nik: null, nikDigits: null, nikHint: null, nikRange: null, nameKey: 'BUDI SANTOSO', namePhonetic: 'BUTI SANTOSO',
    wave: null, phone: null, birthDate: null, sex: null, purpose: null, ...over,
  };
}

function pairsOf(records: ResolveRecord[]): string[] {
  const pairs: string[] = [];
  blockPairs(records, (i, j, rule) => pairs.push(`${i}-${j}:${rule}`));
  return pairs;
}

describe('list rows of one wave: a birth date mistyped beside a name mistyped', () => {
  // The day 62 typed 66, and an X for an A: the region+date and date+serial keys and the name's sound differ.
  const central = rec({ id: 1, nik: '1271206210660003', nameKey: 'NURLAILA SYAFIRA', namePhonetic: 'NURLAILA SAFIRA', wave: 1 });
  const copy = rec({ id: 2, source: 'province', nik: '1271206610660003', nameKey: 'NURLAILX SYAFIRA', namePhonetic: 'NURLAILK SAFIRA', wave: 1 });

  it('are compared by region, serial, wave and the first letter of the name', () => {
    expect(pairsOf([central, copy])).toEqual(['0-1:list_serial_wave']);
  });

  it('are not in another wave, nor with a guest-book row, nor under another first letter', () => {
    expect(pairsOf([central, { ...copy, wave: 2 }])).toEqual([]);
    expect(pairsOf([central, { ...copy, source: 'walkin', wave: null }])).toEqual([]);
    expect(pairsOf([central, { ...copy, wave: 1, nameKey: 'MURLAILX SYAFIRA' }])).toEqual([]);
  });

  it('two NIKs of one block that are plainly different are not handed on', () => {
    expect(pairsOf([central, { ...copy, nik: '1271200912770003' }])).toEqual([]);
  });
});

describe('the resolve after an import finds these pairs without a stored key', () => {
  const central = rec({ id: 1, nik: '1271206210660003', nameKey: 'NURLAILA SYAFIRA', namePhonetic: 'NURLAILA SAFIRA', wave: 1 });
  const copy = rec({ id: 2, source: 'province', nik: '1271206610660003', nameKey: 'NURLAILX SYAFIRA', namePhonetic: 'NURLAILK SAFIRA', wave: 1 });

  it('a new provincial row looks up the NIKs one birth-date keystroke away, as NIKs and as invalid digits', () => {
    const { niks, hashes } = candidateKeys(copy, noCaps());
    expect(niks).toContain(central.nik);
    const invalid = { ...central, nik: null, nikDigits: central.nik };
    expect(storedKeys(invalid).some((h) => hashes.includes(h))).toBe(true);
    // ... and stores no key of its own for the rule: the stored keys are those of the other rules.
    expect(storedKeys(copy)).toEqual(storedKeys({ ...copy, wave: null }));
  });

  it('lists every NIK one birth-date digit or one neighbour swap away, and those are what the rule pairs', () => {
    const near = dateNeighbours('1271206210660003');
    expect(near).toContain('1271206610660003'); // a digit
    expect(near).toContain('1271202610660003'); // 62 → 26
    expect(near).not.toContain('1271206210660004'); // the serial is another key's
    expect(near.length).toBe(6 * 9 + 5 - 1); // 6 digits × 9, and 5 swaps but of the equal 66
    expect(pairsOf([central, { ...copy, nik: '1271206210660004' }]).filter((p) => p.endsWith('list_serial_wave'))).toEqual([]);
  });
});

describe('a large block of one region, serial, wave and letter', () => {
  // Serial 0001 is everyone's in a city: hundreds of list rows share region, serial, wave and first letter.
  // The pairs handed on are those one birth-date keystroke apart, found without trying every pair.
  const dates = ['621066', '661066', '261066', '621067', '101190', '101109', '111190', '621066', '010101'];
  const block = dates.map((d, i) =>
    rec({ id: i + 1, source: i % 2 === 0 ? 'central' : 'province', nik: `127120${d}0001`, nameKey: `N${'ABCDEFGHIJ'[i] ?? ''} X`, namePhonetic: `N${i} X`, wave: 3 }),
  );

  it('hands on exactly the pairs whose birth dates differ by one digit or two neighbours swapped', () => {
    const dateOne = (a: string, b: string): boolean => {
      const diff = [...a].flatMap((c, k) => (c === b[k] ? [] : [k]));
      return diff.length === 1 || (diff.length === 2 && diff[1] === (diff[0] ?? 0) + 1 && a[diff[0] ?? 0] === b[diff[1] ?? 0] && a[diff[1] ?? 0] === b[diff[0] ?? 0]);
    };
    const want: string[] = [];
    for (let i = 0; i < dates.length; i++)
      for (let j = i + 1; j < dates.length; j++) if (dates[i] !== dates[j] && dateOne(dates[i] ?? '', dates[j] ?? '')) want.push(`${i}-${j}`);
    const got = pairsOf(block).filter((p) => p.endsWith(':list_serial_wave')).map((p) => p.replace(/:.*/, ''));
    expect(got.sort()).toEqual(want.sort());
    expect(got).toContain('0-1'); // 62 → 66
    expect(got).toContain('4-5'); // 90 → 09, a swap
    expect(got).not.toContain('0-7'); // the same NIK: the deterministic pass's
  });
});

describe('list rows of one wave: a NIK in scientific notation beside a name mistyped', () => {
  // HUASIN for HUSAIN: name_region keys the sound, the NIK rules need digits the display lost.
  const central = rec({ id: 1, nik: '1271072701690008', nameKey: 'HUSAIN FAUZI HAKIKI', namePhonetic: 'HUSAIN FAUSI HAKIKI', wave: 1 });
  const copy = rec({ id: 2, source: 'province', nikHint: '12710', nikRange: scientificRange('1,27107E+15'), nameKey: 'HUASIN FAUZI HAKIKI', namePhonetic: 'HUASIN FAUSI HAKIKI', wave: 1 });

  it('reads the digits a display shows from its range, five to seven of them, and nothing else', () => {
    expect(scientificShown(copy)).toBe('127107');
    expect(scientificShown({ nikRange: scientificRange('1.2712E+15') })).toBe('12712');
    expect(scientificShown(central)).toBeNull();
    expect(scientificShown({ nikRange: { low: '1271011203904395', high: '1271011203904409' } })).toBeNull(); // a spreadsheet's 15 digits
  });

  it('are compared by the six digits the NIK rounds to, the wave and the first letter of the name', () => {
    expect(pairsOf([central, copy])).toEqual(['0-1:list_scientific_wave']);
    // A display of five digits (a trailing zero dropped) blocks with the NIKs that round to it.
    const five = { ...copy, nikRange: scientificRange('1.2712E+15') };
    expect(pairsOf([{ ...central, nik: '1271196901650007' }, five])).toEqual(['0-1:list_scientific_wave']);
  });

  it('are not in another wave, nor with a guest-book row, nor under another first letter, nor outside the range', () => {
    expect(pairsOf([central, { ...copy, wave: 2 }])).toEqual([]);
    expect(pairsOf([central, { ...copy, source: 'walkin', wave: null }])).toEqual([]);
    expect(pairsOf([central, { ...copy, nameKey: 'GUSAIN FAUZI HAKIKI' }])).toEqual([]);
    expect(pairsOf([{ ...central, nik: '1271080501690008' }, { ...copy, nikRange: scientificRange('1,27108E+15') }]).length).toBe(1);
    expect(pairsOf([central, { ...copy, nikRange: scientificRange('1,27108E+15') }])).toEqual([]);
  });

  it('takes a first J for the Y the old spelling wrote so (JANTI / YANTI SIHOMBING)', () => {
    const yanti = rec({ id: 1, nik: '1208296011010001', nameKey: 'YANTI SIHOMBING', namePhonetic: 'YANTI SIHOMBING', wave: 3 });
    const janti = rec({ id: 2, source: 'province', nikHint: '12083', nikRange: scientificRange('1,2083E+15'), nameKey: 'JANTI SIHOMBING', namePhonetic: 'JANTI SIHOMBING', wave: 3 });
    expect(pairsOf([yanti, janti])).toEqual(['0-1:list_scientific_wave']);
    expect(candidateKeys(janti, noCaps()).ranges[0]?.letters).toEqual(['Y', 'J']);
  });

  it('hands on no pair of two full NIKs, which are the NIK rules\' work', () => {
    expect(pairsOf([central, { ...copy, nik: '1271072701690009', nikRange: null }]).filter((p) => p.endsWith('list_scientific_wave'))).toEqual([]);
  });

  it('the resolve after an import: the copy stores the key, a new central row looks it up; a new copy looks up the full NIKs of its range', () => {
    const stored = storedKeys(copy);
    expect(candidateKeys(central, noCaps()).hashes.some((h) => stored.includes(h))).toBe(true);
    // A full NIK stores no key of the rule: the list's rows would each hold one more.
    expect(storedKeys(central)).toEqual(storedKeys({ ...central, wave: null }));
    expect(candidateKeys(copy, noCaps()).ranges).toEqual([{ low: '1271065000000000', high: '1271074999999999', wave: 1, letters: ['H'] }]);
    expect(candidateKeys(central, noCaps()).ranges).toEqual([]);
  });
});
