import { describe, expect, it } from 'vitest';
import { compareRecords, type Levels, type ResolveRecord } from '../src/resolve/comparison.js';
import { countFrequencies, NameFrequencies, pairKind, scorePair } from '../src/resolve/scoring.js';

function rec(over: Partial<ResolveRecord>): ResolveRecord {
  return {
    id: 1, source: 'central', nik: null, nikDigits: null, nikHint: null, nikRange: null, nameKey: 'BUDI SANTOSO', namePhonetic: 'BUTI SANTOSO',
    wave: null, phone: null, birthDate: null, sex: null, purpose: null, ...over,
  };
}

const nameTerm = (levels: Levels, key: string, freqs: NameFrequencies, kind?: ReturnType<typeof pairKind>) =>
  scorePair(levels, key, freqs, undefined, null, null, null, kind).terms.find((t) => t.field === 'name');
const priorTerm = (levels: Levels, freqs: NameFrequencies, kind?: ReturnType<typeof pairKind>) =>
  scorePair(levels, 'X', freqs, undefined, null, null, null, kind).terms.find((t) => t.field === 'prior');

describe('pairKind: which lists the two rows come from', () => {
  it('tells the central list and its provincial copy from rows of one list and from the guest book', () => {
    expect(pairKind(rec({ source: 'central' }), rec({ source: 'province' }))).toBe('copy');
    expect(pairKind(rec({ source: 'province' }), rec({ source: 'central' }))).toBe('copy');
    expect(pairKind(rec({ source: 'central' }), rec({ source: 'central' }))).toBe('list');
    expect(pairKind(rec({ source: 'province' }), rec({ source: 'province' }))).toBe('list');
    expect(pairKind(rec({ source: 'walkin' }), rec({ source: 'central' }))).toBe('book');
    expect(pairKind(rec({ source: 'walkin' }), rec({ source: 'walkin' }))).toBe('book');
  });
});

describe('a one-word name between two list rows', () => {
  // 10,000 names: YONDRI held twice as a whole name, its word in 3 more names; 40 two-word names whose words
  // come only together (each first name with one surname: A_i B_i), so that words come together far more
  // often than apart.
  const freqs = new NameFrequencies();
  for (let k = 0; k < 2; k++) freqs.add('YONDRI');
  for (let i = 0; i < 3; i++) freqs.add(`YONDRI S${i}`);
  for (let i = 0; i < 40; i++) for (let k = 0; k < 8; k++) freqs.add(`A${i} B${i}`);
  for (let i = 0; i < 2000; i++) freqs.add(`C${i} D${i} E${i}`);
  while (freqs.size < 10_000) freqs.add('SITI AMINAH');
  const exact = { nik: 'damaged_short', name: 'exact', phone: 'missing' } as const;

  it('is as common as its word among the listed names, not that times how much likelier words come together', () => {
    const inList = nameTerm(exact, 'YONDRI', freqs, 'copy');
    // Its word is in 5 of the 10,000 names: the share a stranger can write as YONDRI alone.
    expect(inList?.u).toBeCloseTo(5 / 10_000, 9);
    expect(nameTerm(exact, 'YONDRI', freqs, 'list')?.u).toBeCloseTo(5 / 10_000, 9);
  });

  it('keeps the words-come-together factor against a guest-book row, where a visitor writes one word of a longer name', () => {
    const book = nameTerm(exact, 'YONDRI', freqs, 'book')?.u ?? 0;
    expect(book).toBeGreaterThan(2 * (5 / 10_000));
    expect(nameTerm(exact, 'YONDRI', freqs)?.u).toBeCloseTo(book, 12);
  });

  it('leaves names of two words or more as they were', () => {
    expect(nameTerm(exact, 'C7 D7 E7', freqs, 'copy')?.u).toBeCloseTo(nameTerm(exact, 'C7 D7 E7', freqs, 'book')?.u ?? 0, 12);
    expect(nameTerm(exact, 'A1 B1', freqs, 'copy')?.u).toBeCloseTo(nameTerm(exact, 'A1 B1', freqs, 'book')?.u ?? 0, 12);
  });
});

describe('the prior of a central row and a provincial row', () => {
  // A central list of 2,000, a provincial copy of 400 of them with a valid NIK (390 found whole in the
  // central list, 10 of their NIKs mistyped), and 20 provincial rows whose NIK Excel damaged.
  const nik = (i: number): string => `127101010190${String(i + 1).padStart(4, '0')}`;
  const records: ResolveRecord[] = [];
  for (let i = 0; i < 2000; i++) records.push(rec({ id: records.length + 1, source: 'central', nik: nik(i), nameKey: `N${i} M${i}` }));
  for (let i = 0; i < 400; i++) records.push(rec({ id: records.length + 1, source: 'province', nik: i < 390 ? nik(i) : nik(5000 + i), nameKey: `N${i} M${i}` }));
  for (let i = 400; i < 420; i++) records.push(rec({ id: records.length + 1, source: 'province', nikHint: '12710', nameKey: `N${i} M${i}` }));
  const freqs = countFrequencies(records);
  const damaged = { nik: 'damaged_short', name: 'exact', phone: 'missing' } as const;

  it('is the copy share over the central rows no provincial row has claimed by its NIK', () => {
    // 390 of 400 provincial NIKs are in the central list; 390 central rows already have their provincial row,
    // so a provincial row without one is one of the other 1,610 (or of none, 1 in 40).
    const prior = priorTerm(damaged, freqs, 'copy');
    expect(prior?.weight).toBeCloseTo(Math.log2(390 / 400 / 1610), 9);
    expect(prior?.level).toBe('1 in 1651');
  });

  it('stays one in the list’s size for two rows with the same NIK, rows of one list and the guest book', () => {
    const list = -Math.log2(2000);
    expect(priorTerm({ nik: 'exact', name: 'exact', phone: 'missing' }, freqs, 'copy')?.weight).toBeCloseTo(list, 9);
    expect(priorTerm(damaged, freqs, 'list')?.weight).toBeCloseTo(list, 9);
    expect(priorTerm(damaged, freqs, 'book')?.weight).toBeCloseTo(list, 9);
    expect(priorTerm(damaged, freqs)?.weight).toBeCloseTo(list, 9);
  });

  it('stays one in the list’s size while the provincial copy is too small to count', () => {
    const few = countFrequencies([...records.slice(0, 2000), ...records.slice(2000, 2050)]);
    expect(priorTerm(damaged, few, 'copy')?.weight).toBeCloseTo(-Math.log2(2000), 9);
  });
});

describe('one word of the name alone beside an Excel rounding of the NIK', () => {
  // The central row's NIK whole, the provincial copy's rounded by a spreadsheet (…0001 → …0000), and the
  // copy keeping only the family name: the deterministic pass merges one word so under one NIK in a wave.
  const central = rec({ source: 'central', nik: '1209116008850001', nameKey: 'YANTI SIMAMORA', namePhonetic: 'YANTI SIMAMURA', wave: 10 });
  const copy = rec({ id: 2, source: 'province', nikDigits: '1209116008850000', nameKey: 'SIMAMORA', namePhonetic: 'SIMAMURA', wave: 10 });

  it('is the holder between the central list and its provincial copy of the same wave', () => {
    expect(compareRecords(central, copy).name).toBe('contained');
  });

  it('stays a different name in another wave, and against a guest-book row', () => {
    expect(compareRecords(central, { ...copy, wave: 9 }).name).toBe('different');
    expect(compareRecords(central, { ...copy, source: 'walkin', wave: null }).name).toBe('different');
  });
});

describe('a name within the other beside a NIK one keystroke off, between the two lists in one wave', () => {
  // A region digit mistyped in the copy (1211… → 1121…), and the middle name left out.
  const central = rec({ source: 'central', nik: '1211094104950001', nameKey: 'GITA MARIA SITEPU', namePhonetic: 'KITA MARIA SITEPU', wave: 11 });
  const copy = rec({ id: 2, source: 'province', nikDigits: '1121094104950001', nameKey: 'GITA SITEPU', namePhonetic: 'KITA SITEPU', wave: 11 });

  it('is `contained`, not the weak spelling level jw88', () => {
    expect(compareRecords(central, copy)).toMatchObject({ nik: 'one_edit_impossible', name: 'contained', wave: 'same' });
  });

  it('stays jw88 in another wave and against a guest-book row, where one-keystroke neighbours are many', () => {
    expect(compareRecords(central, { ...copy, wave: 10 }).name).toBe('jw88');
    expect(compareRecords(central, { ...copy, source: 'walkin', wave: null }).name).toBe('jw88');
  });
});

describe('two valid NIKs one keystroke apart in one wave', () => {
  it('keep the weak spelling level: they are as often two recipients, each with their own copy', () => {
    const a = rec({ source: 'central', nik: '1272060101900001', nameKey: 'RIZKY PUTRA', namePhonetic: 'RISKI PUTRA', wave: 4 });
    const b = rec({ id: 2, source: 'province', nik: '1271060101900001', nameKey: 'RIZKY PUTRA WIBOWO', namePhonetic: 'RISKI PUTRA WIBOWO', wave: 4 });
    expect(compareRecords(a, b)).toMatchObject({ nik: 'one_edit', wave: 'same' });
    expect(compareRecords(a, b).name).not.toBe('contained');
  });
});
