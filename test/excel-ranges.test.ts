/**
 * Issue 11: a NIK a spreadsheet kept to 15 significant digits is compared as the range of NIKs it can come
 * from — in comparison, blocking, clustering's NIK guard and explain — so a carry into the 14th digit
 * (…4395 → …4400) no longer makes it someone else.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { damagedRange, excelCopies, excelRange, inRange, parseNik } from '../src/normalise/nik.js';
import { blockPairs } from '../src/resolve/blocking.js';
import { compareNik, niksCompatible, roundsTo, type ResolveRecord } from '../src/resolve/comparison.js';
import { runCli, tempDir } from './helpers/cli.js';

describe('excelRange and excelCopies', () => {
  it.each([
    ['1271011203904400', '1271011203904395', '1271011203904409'],
    ['1271011203900010', '1271011203900005', '1271011203900019'],
    ['1271011203900000', '1271011203899995', '1271011203900009'],
    ['1271011203904395', '1271011203904395', '1271011203904395'],
    // `1.27102E+15` read back as a number by LibreOffice: the display's range, not a 15-digit copy's.
    ['1271020000000000', '1271015000000000', '1271024999999999'],
    ['1271011001000000', '1271011000999995', '1271011001000009'],
  ])('%s stands for %s … %s', (copy, low, high) => {
    expect(excelRange(copy)).toEqual({ low, high });
  });

  it.each(['127101120390440', '12710112039044000', '3,27512E+15', ''])('%j is no 16-digit copy', (raw) => {
    expect(excelRange(raw)).toBeNull();
  });

  it.each([
    ['1271011203904395', ['1271011203904390', '1271011203904400']],
    ['1271011203909999', ['1271011203909990', '1271011203910000']],
    ['1271011203900003', ['1271011203900000']],
    ['1271011203900010', []],
  ])('the copies of %s are %j, and each range holds it', (nik, copies) => {
    expect(excelCopies(nik)).toEqual(copies);
    for (const c of copies) {
      const range = excelRange(c);
      expect(range && inRange(nik, range)).toBe(true);
    }
  });

  it('a scientific display read back as a number keeps only the hint the display had', () => {
    expect(parseNik('1271020000000000', { numeric: true })).toMatchObject({ reason: 'excel_number', hint: { prefix: '12710' } });
    expect(parseNik('1271011203904400', { numeric: true })).toMatchObject({ reason: 'excel_number', hint: { prefix: '127101120390440' } });
  });

  it('damagedRange reads the range of each kind of damage, and no other', () => {
    expect(damagedRange('excel_number', '1271011203904400')).toEqual({ low: '1271011203904395', high: '1271011203904409' });
    expect(damagedRange('excel_rounded', "'1271011203904400")).toEqual({ low: '1271011203904395', high: '1271011203904409' });
    expect(damagedRange('scientific_notation', '1,27116E+15')).toEqual({ low: '1271155000000000', high: '1271164999999999' });
    expect(damagedRange('wrong_length', '127101120390440')).toBeNull();
  });
});

function rec(over: Partial<ResolveRecord>): ResolveRecord {
  return {
    id: 1, source: 'central', nik: null, nikDigits: null, nikHint: null, nikRange: null, nameKey: 'BUDI SANTOSO', namePhonetic: 'BUTI SANTOSO',
    wave: null, phone: null, birthDate: null, sex: null, purpose: null, ...over,
  };
}

/** A record as the loader builds it from an XLSX number cell. */
const copy = (raw: string, id = 2): ResolveRecord => rec({ id, nikHint: raw.slice(0, 15), nikRange: excelRange(raw) });

describe('comparison and blocking with the range', () => {
  const nik = '1271011203904395';

  it('a carried copy agrees with its NIK, and with another copy of it; not with a NIK outside its range', () => {
    expect(compareNik(rec({ nik }), copy('1271011203904400'))).toBe('damaged_long');
    expect(compareNik(copy('1271011203904400'), rec({ nik }))).toBe('damaged_long');
    expect(compareNik(copy('1271011203904400'), copy('1271011203904390', 3))).toBe('damaged_long');
    expect(compareNik(rec({ nik: '1271011203904385' }), copy('1271011203904400'))).toBe('different');
    expect(compareNik(copy('1271011203904400'), copy('1271011203904420', 3))).toBe('different');
  });

  it('two valid NIKs: the rounded one with a carry is compatible (clustering guard) and compares as rounded', () => {
    expect(roundsTo(nik, '1271011203904400')).toBe(true);
    expect(niksCompatible(nik, '1271011203904400')).toBe(true);
    expect(compareNik(rec({ nik }), rec({ nik: '1271011203904400' }))).toBe('rounded');
    expect(roundsTo('1271011203904385', '1271011203904400')).toBe(false);
  });

  it('blocking puts a carried copy in its NIK\'s region+date block', () => {
    const pairs: [number, number, string][] = [];
    const records = [rec({ id: 1, nik, namePhonetic: 'A' }), { ...copy('1271011203904400'), namePhonetic: 'B' }];
    blockPairs(records, (i, j, rule) => pairs.push([i, j, rule]));
    expect(pairs).toEqual([[0, 1, 'nik_region_date']]);
  });
});

describe('explain NIK finds the rows a spreadsheet rounded', () => {
  it('the carried copy of the NIK is among its records', async () => {
    const dir = tempDir();
    const db = join(dir, 'p.sqlite');
    const file = join(dir, 'bulat.csv');
    // A rounded column (all end in 0), as LibreOffice writes it back out.
    const niks = ['1271011203904400', '1271011203850010', '1271014505900020', '1271014505900030', '1271014505900040', '1271012208880050', '1271012208880060'];
    writeFileSync(file, `NIK,Nama\n${niks.map((n, i) => `${n},ORANG NOMOR ${'ABCDEFG'[i] ?? ''}`).join('\n')}\n`);
    expect((await runCli(['--db', db, 'import', file, '--source', 'central', '--wave', '1'])).code).toBe(0);
    const r = await runCli(['--db', db, '--json', 'explain', '1271011203904395']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { matched: { line: number }[] };
    expect(out.matched.map((m) => m.line)).toEqual([2]);
  });
});
