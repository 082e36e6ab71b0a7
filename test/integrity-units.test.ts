/** The pure parts of the import's integrity checks, table-driven. */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isRunawayQuote } from '../src/ingest/csv.js';
import { utf8Inside1252 } from '../src/ingest/encoding.js';
import { RowFingerprint } from '../src/ingest/fingerprint.js';
import { DateOrderCheck, parseVisitDate } from '../src/normalise/dates.js';
import { canonicaliseNik, excelCopies } from '../src/normalise/nik.js';
import { copiedFrom, EXCEL_COPY_REASONS, rowsFoundBy, type NikCell, type ResentLookup } from '../src/normalise/resent.js';

describe('isRunawayQuote', () => {
  it.each([
    [['1', 'Daftar ulang\nlupa email dan kata sandi'], 3, false],
    [['1', 'SITI\n2,BUDI,3'], 3, true],
    [['1', 'SITI\n1271015001900003'], 3, true],
    [['1', 'Jl. Merdeka\nMedan, Sumut'], 4, false],
    [['SITI AMINAH'], 2, false],
  ])('%j with %d header fields → %s', (record, fields, expected) => {
    expect(isRunawayQuote(record, ',', fields)).toBe(expected);
  });
});

describe('utf8Inside1252', () => {
  it.each([
    ['JOSÃ‰', 'JOSÉ'],
    ['MARIÃ‘O', 'MARIÑO'],
    ['ANDRÉS', null],
    ['Ã', null],
    ['SITI AMINAH', null],
  ])('%s → %s', (cell, expected) => {
    expect(utf8Inside1252(cell)).toBe(expected);
  });
});

describe('RowFingerprint', () => {
  const digest = (rows: string[][]) => {
    const f = new RowFingerprint();
    for (const r of rows) f.add(r);
    return f.digest();
  };
  it('ignores what a re-save changes: spaces, trailing empty cells, blank rows, CRLF inside a cell', () => {
    expect(digest([['NIK', 'Nama'], [' 1271015001900003 ', 'SITI', ''], [''], ['2', 'A\r\nB']])).toBe(digest([['NIK', 'Nama'], ['1271015001900003', 'SITI'], ['2', 'A\nB']]));
  });
  it('sees a changed cell, a moved cell and a changed order', () => {
    const base = digest([['a', 'b'], ['c', 'd']]);
    expect(digest([['a', 'b'], ['c', 'e']])).not.toBe(base);
    expect(digest([['a', 'b', 'c'], ['d']])).not.toBe(base);
    expect(digest([['c', 'd'], ['a', 'b']])).not.toBe(base);
  });
  it('is the digest batches stored before it hashed in pieces: one update per row, cells joined by US, rows ended by RS', () => {
    // The fingerprint of every batch already stored was made this way; a re-saved copy must still meet it.
    const perRow = (rows: string[][]) => {
      const hash = createHash('sha256');
      for (const cells of rows) {
        let end = cells.length;
        while (end > 0 && (cells[end - 1] ?? '').trim() === '') end--;
        if (end === 0) continue;
        hash.update(cells.slice(0, end).map((c) => c.replace(/\r\n?/g, '\n').trim()).join('\u001f'));
        hash.update('\u001e');
      }
      return hash.digest('hex');
    };
    const cell = fc.oneof(fc.string(), fc.constantFrom('', ' ', '\r\n', 'a\rb', 'SITI AMINAH', '\ud800', '\udc00x'), fc.string({ unit: 'grapheme' }));
    fc.assert(fc.property(fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 40 }), (rows) => digest(rows) === perRow(rows)));
    // Rows enough to cross the 64 KiB the class hashes at a time.
    const many = Array.from({ length: 5000 }, (_, i) => [`127101500190${String(i).padStart(4, '0')}`, `WARGA ${i}`, '']);
    expect(digest(many)).toBe(perRow(many));
  });
});

describe('parseVisitDate with a date order', () => {
  it.each([
    ['06/01/2020', 'dmy', '2020-01-06'],
    ['06/01/2020', 'mdy', '2020-06-01'],
    ['13/06/2020', 'mdy', '2020-06-13'],
    ['6/13/2020', 'dmy', null],
    ['6/13/2020', 'mdy', '2020-06-13'],
    ['2020-01-06', 'mdy', '2020-06-01'],
    ['2020-06-13', 'mdy', '2020-06-13'],
    ['5 Mei 2020', 'mdy', '2020-05-05'],
    ['43836', 'mdy', '2020-06-01'],
  ] as const)('%s read %s → %s', (raw, order, expected) => {
    expect(parseVisitDate(raw, order)).toBe(expected);
  });
});

describe('DateOrderCheck', () => {
  const verdict = (dates: string[]) => {
    const check = new DateOrderCheck();
    dates.forEach((d, i) => check.add(i + 2, d));
    return check.verdict();
  };
  it('a June book with its first twelve days swapped', () => {
    const dates = [...Array.from({ length: 12 }, (_, i) => `06/${String(i + 1).padStart(2, '0')}/2020`), '13/06/2020', '20/06/2020', '29/06/2020'];
    expect(verdict(dates)).toMatchObject({ swapped: 11, suspected: true, span: { from: '2020-06-13', to: '2020-06-29' } });
  });
  it('a book of month-first dates only', () => {
    expect(verdict(['6/13/2020', '6/14/2020', '6/20/2020', '6/01/2020'])).toMatchObject({ swapped: 3, suspected: true });
  });
  it('silent without unambiguous dates, and on a clean book', () => {
    expect(verdict(['01/06/2020', '02/06/2020', '03/06/2020']).suspected).toBe(false);
    expect(verdict(['01/06/2020', '02/06/2020', '13/06/2020', '14/06/2020', '15/06/2020']).suspected).toBe(false);
  });
});

/** `rowsFoundBy`'s lookups over two batches held as arrays, as the store answers them over its tables. */
function lookupOf(newer: readonly NikCell[], earlier: readonly NikCell[]): ResentLookup {
  const earlierValid = new Set(earlier.flatMap((c) => (c.nik === null ? [] : [c.nik])));
  const copies = (cells: readonly NikCell[]) =>
    cells.flatMap((c) => (c.nik === null && c.raw !== null && (EXCEL_COPY_REASONS as readonly (string | null)[]).includes(c.reason) ? [c.raw] : []));
  return {
    sharedValid: () => newer.filter((c) => c.nik !== null && earlierValid.has(c.nik)).length,
    unsharedValid: () => newer.flatMap((c) => (c.nik !== null && !earlierValid.has(c.nik) ? [c.nik] : [])),
    newerCopies: () => copies(newer),
    earlierCopies: () => copies(earlier),
    earlierHasValidBetween: (low, high) => [...earlierValid].some((n) => n >= low && n <= high),
  };
}

/** The definition the importer counted with until issue 14, holding both batches' NIKs: the reference. */
function rowsFoundIn(newer: readonly NikCell[], earlier: readonly NikCell[]): number {
  const isCopy = (c: NikCell) => c.reason !== null && (EXCEL_COPY_REASONS as readonly string[]).includes(c.reason) && c.raw !== null;
  const valid = new Set<string>();
  const copiesOfValid = new Set<string>();
  const copies = new Set<string>();
  for (const c of earlier) {
    if (c.nik !== null) {
      valid.add(c.nik);
      for (const copy of excelCopies(c.nik)) copiesOfValid.add(copy);
    } else if (isCopy(c)) copies.add(canonicaliseNik(c.raw ?? ''));
  }
  let found = 0;
  for (const c of newer) {
    if (c.nik !== null) {
      if (valid.has(c.nik) || excelCopies(c.nik).some((copy) => copies.has(copy))) found++;
    } else if (isCopy(c)) {
      const digits = canonicaliseNik(c.raw ?? '');
      if (copies.has(digits) || copiesOfValid.has(digits) || valid.has(digits)) found++;
    }
  }
  return found;
}

describe('rowsFoundBy', () => {
  const valid = (nik: string): NikCell => ({ nik, reason: null, raw: null });
  const copy = (raw: string, reason = 'excel_number'): NikCell => ({ nik: null, reason, raw });
  it.each([
    ['the same valid NIK', [valid('1271011203904395')], [valid('1271011203904395')], 1],
    ['a rounded copy (with a carry) of a valid NIK', [copy('1271011203904400')], [valid('1271011203904395')], 1],
    ['a truncated copy', [copy('1271011203904390', 'excel_rounded')], [valid('1271011203904395')], 1],
    ['a valid NIK against its copy', [valid('1271011203904395')], [copy('1271011203904400')], 1],
    ['two copies with the same digits', [copy('1271011203904400')], [copy('1271011203904400', 'excel_rounded')], 1],
    ['a NIK ending in 0 is its own copy', [copy('1271011203904410')], [valid('1271011203904410')], 1],
    ['another NIK', [valid('1271011203904395')], [valid('1271011203904396')], 0],
    ['scientific notation proves nothing', [copy('1.27101E+15', 'scientific_notation')], [valid('1271011203904395')], 0],
  ])('%s', (_label, newer, earlier, found) => {
    expect(rowsFoundBy(lookupOf(newer, earlier))).toBe(found);
    expect(rowsFoundIn(newer, earlier)).toBe(found);
  });

  it('counts as the definition that held both batches in memory, on any two batches', () => {
    // NIKs close together (one 15-digit prefix and its neighbours), so copies, carries and ranges meet.
    const nik = fc.tuple(fc.constantFrom('127101120390439', '127101120390440', '127101120390441', '099999999999999', '000000000000000'), fc.integer({ min: 0, max: 9 })).map(([p, d]) => `${p}${d}`);
    const cell = fc.oneof(
      nik.map((n): NikCell => ({ nik: n, reason: null, raw: null })),
      fc.tuple(nik, fc.constantFrom('excel_number', 'excel_rounded', 'scientific_notation', 'wrong_length')).map(([n, reason]): NikCell => ({ nik: null, reason, raw: n })),
      fc.constant<NikCell>({ nik: null, reason: null, raw: null }),
    );
    fc.assert(fc.property(fc.array(cell, { maxLength: 12 }), fc.array(cell, { maxLength: 12 }), (newer, earlier) => rowsFoundBy(lookupOf(newer, earlier)) === rowsFoundIn(newer, earlier)), { numRuns: 2000 });
  });
});

describe('copiedFrom', () => {
  it('holds exactly the NIKs whose spreadsheet copies include the digits (a NIK ending in 0 is its own)', () => {
    const digits = fc.tuple(fc.constantFrom('127101120390439', '127101120390440', '000000000000000', '099999999999999'), fc.integer({ min: 0, max: 9 })).map(([p, d]) => `${p}${d}`);
    fc.assert(
      fc.property(digits, digits, (copy, nik) => {
        const range = copiedFrom(copy);
        const inside = range !== null && nik >= range.low && nik <= range.high;
        return inside === (excelCopies(nik).includes(copy) || (nik === copy && range !== null));
      }),
      { numRuns: 3000 },
    );
  });
});
