import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inLang } from '../src/i18n/index.js';
import {
  canonicaliseNik,
  describeNikReason,
  looksRounded,
  markExcelRounded,
  maskNik,
  parseNik,
  scientificRange,
  type NikFacts,
  type NikParse,
  type NikReason,
} from '../src/normalise/nik.js';
import { regionsAt } from '../src/normalise/regions.js';
import { excelScientific } from '../src/generate/corrupt.js';

const REF = { refYear: 2025 };

function facts(nik: string, birthDate: string, sex: 'M' | 'F'): NikFacts {
  return {
    province: nik.slice(0, 2),
    regency: nik.slice(0, 4),
    district: nik.slice(0, 6),
    birthDate,
    sex,
    serial: nik.slice(12),
  };
}

describe('parseNik: valid NIKs', () => {
  it.each([
    ['man, Kota Medan', '1271011501900003', '1990-01-15', 'M'],
    ['woman, Kota Medan (day 50 = 10th)', '1271015001900003', '1990-01-10', 'F'],
    ['woman, day 41 = 1st', '1271014112850001', '1985-12-01', 'F'],
    ['woman, day 71 = 31st', '1271017101900001', '1990-01-31', 'F'],
    ['man, day 31', '1271013112990001', '1999-12-31', 'M'],
    ['legacy Papua 91.01 KAB. MERAUKE (pre-2022)', '9101014506850002', '1985-06-05', 'F'],
    ['2025 Papua Selatan 93.01 Kabupaten Merauke', '9301010101990001', '1999-01-01', 'M'],
    ['province 92 (legacy 92.01 KAB. SORONG), above 2^53', '9201016512880007', '1988-12-25', 'F'],
    ['province 94 Nabire, above 2^53', '9401012712950011', '1995-12-27', 'M'],
    ['29 Feb in a leap year (2000)', '1271012902000001', '2000-02-29', 'M'],
    ['29 Feb in a leap year, woman (2004)', '1271016902040001', '2004-02-29', 'F'],
    ['serial 9999', '1271011501909999', '1990-01-15', 'M'],
  ] as const)('%s', (_label, nik, birthDate, sex) => {
    expect(parseNik(nik, REF)).toEqual({ status: 'valid', nik, facts: facts(nik, birthDate, sex) });
  });

  it.each(['9201016512880007', '9401012712950011', '9601010101900001'])(
    'keeps %s exact although it is above 2^53',
    (nik) => {
      // The premise: this value does not survive a JS number.
      expect(String(Number(nik))).not.toBe(nik);
      const r = parseNik(nik, REF);
      expect(r.status === 'valid' ? r.nik : r.status).toBe(nik);
    },
  );
});

describe('parseNik: birth century', () => {
  it.each([
    // The most recent century in which the holder is at least 15 at refYear.
    ['1271011501100001', 2025, '2010-01-15'], // 15 in 2025
    ['1271011501110001', 2025, '1911-01-15'], // 2011 would be 14
    ['1271011501000001', 2025, '2000-01-15'],
    ['1271011501990001', 2025, '1999-01-15'],
    ['1271011501250001', 2040, '2025-01-15'],
    ['1271011501260001', 2040, '1926-01-15'],
    ['1271011501900001', 2105, '2090-01-15'],
  ] as const)('%s at %i is born %s', (nik, refYear, birthDate) => {
    const r = parseNik(nik, { refYear });
    expect(r.status === 'valid' ? r.facts.birthDate : r).toBe(birthDate);
  });

  it('defaults refYear to the current year', () => {
    const now = new Date().getFullYear();
    const nikBornIn = (year: number) => `1271011501${String(year % 100).padStart(2, '0')}0001`;
    const birthYear = (r: NikParse) => (r.status === 'valid' ? r.facts.birthDate.slice(0, 4) : r.status);
    expect(birthYear(parseNik(nikBornIn(now - 15)))).toBe(String(now - 15));
    expect(birthYear(parseNik(nikBornIn(now - 14)))).toBe(String(now - 114));
  });

  it('decides the leap day by the chosen century', () => {
    // YY 00 is 2000 (leap) in 2025 but 1900 (not leap) in 2010, when a 2000 birth would be 10.
    expect(parseNik('1271012902000001', { refYear: 2025 }).status).toBe('valid');
    expect(parseNik('1271012902000001', { refYear: 2010 })).toMatchObject({
      status: 'invalid',
      reason: 'impossible_date',
      message: expect.stringContaining('1900 is not a leap year'),
    });
  });
});

interface ProblemCase {
  label: string;
  raw: string;
  options?: { numeric?: boolean; refYear?: number };
  status: 'invalid' | 'damaged';
  reason: NikReason;
  message: string | RegExp;
  digits: string | null;
  hint: unknown;
}

const problems: ProblemCase[] = [
  {
    label: 'letter O typed for a zero',
    raw: '1271O15001900003',
    status: 'invalid',
    reason: 'non_digit',
    message: "The NIK contains 'O' at position 5; a NIK is 16 digits only.",
    digits: null,
    hint: { prefix: '1271', facts: { province: '12', regency: '1271' } },
  },
  {
    label: 'a name in the NIK column',
    raw: 'SITI AMINAH',
    status: 'invalid',
    reason: 'non_digit',
    message: "The NIK contains 'S' at position 1; a NIK is 16 digits only.",
    digits: null,
    hint: null,
  },
  {
    label: 'a digit dropped',
    raw: '127101150190003',
    status: 'invalid',
    reason: 'wrong_length',
    message: 'The NIK has 15 digits, expected 16.',
    digits: '127101150190003',
    hint: null,
  },
  {
    label: 'a digit too many',
    raw: '12710115019000031',
    status: 'invalid',
    reason: 'wrong_length',
    message: 'The NIK has 17 digits, expected 16.',
    digits: '12710115019000031',
    hint: null,
  },
  {
    label: 'unknown province',
    raw: '2071011501900003',
    status: 'invalid',
    reason: 'unknown_region',
    message: 'The NIK starts with province code 20, which is not an Indonesian province.',
    digits: '2071011501900003',
    hint: { prefix: '', facts: { birthDate: '1990-01-15', sex: 'M', serial: '0003' } },
  },
  {
    label: 'unknown kab/kota in a known province',
    raw: '1299011501900003',
    status: 'invalid',
    reason: 'unknown_region',
    message: "The NIK's kab/kota code 12.99 does not exist in Sumatera Utara.",
    digits: '1299011501900003',
    hint: { prefix: '', facts: { province: '12', birthDate: '1990-01-15', sex: 'M', serial: '0003' } },
  },
  {
    label: 'unknown kecamatan in a known kab/kota (Kota Medan)',
    raw: '1271995501900003',
    status: 'invalid',
    reason: 'unknown_region',
    message: "The NIK's kecamatan code 12.71.99 does not exist in Kota Medan.",
    digits: '1271995501900003',
    hint: {
      prefix: '',
      facts: { province: '12', regency: '1271', birthDate: '1990-01-15', sex: 'F', serial: '0003' },
    },
  },
  {
    label: 'day 00',
    raw: '1271010001900003',
    status: 'invalid',
    reason: 'impossible_date',
    message: 'The birth day in the NIK is 00; it must be 01–31 for men or 41–71 for women.',
    digits: '1271010001900003',
    hint: { prefix: '', facts: { province: '12', regency: '1271', district: '127101', serial: '0003' } },
  },
  {
    label: 'day 32 (neither a man nor a woman)',
    raw: '1271013201900003',
    status: 'invalid',
    reason: 'impossible_date',
    message: /birth day in the NIK is 32/,
    digits: '1271013201900003',
    hint: { prefix: '', facts: { province: '12', regency: '1271', district: '127101', serial: '0003' } },
  },
  {
    label: 'day 40',
    raw: '1271014001900003',
    status: 'invalid',
    reason: 'impossible_date',
    message: /birth day in the NIK is 40/,
    digits: '1271014001900003',
    hint: { prefix: '', facts: { province: '12', regency: '1271', district: '127101', serial: '0003' } },
  },
  {
    label: 'woman day 72',
    raw: '1271017201900001',
    status: 'invalid',
    reason: 'impossible_date',
    message: 'The birth day in the NIK is 72; it must be 01–31 for men or 41–71 for women.',
    digits: '1271017201900001',
    hint: { prefix: '', facts: { province: '12', regency: '1271', district: '127101', serial: '0001' } },
  },
  {
    label: 'month 00',
    raw: '1271011500900003',
    status: 'invalid',
    reason: 'impossible_date',
    message: 'The birth month in the NIK is 00; it must be 01–12.',
    digits: '1271011500900003',
    hint: { prefix: '', facts: { province: '12', regency: '1271', district: '127101', serial: '0003' } },
  },
  {
    label: 'month 13',
    raw: '1271011513900003',
    status: 'invalid',
    reason: 'impossible_date',
    message: 'The birth month in the NIK is 13; it must be 01–12.',
    digits: '1271011513900003',
    hint: { prefix: '', facts: { province: '12', regency: '1271', district: '127101', serial: '0003' } },
  },
  {
    label: '31 April',
    raw: '1271013104900003',
    status: 'invalid',
    reason: 'impossible_date',
    message: 'The birth date in the NIK, 31 April, does not exist.',
    digits: '1271013104900003',
    hint: { prefix: '', facts: { province: '12', regency: '1271', district: '127101', serial: '0003' } },
  },
  {
    label: '29 Feb in a non-leap year (2001)',
    raw: '1271012902010001',
    status: 'invalid',
    reason: 'impossible_date',
    message: 'The birth date in the NIK, 29 February (2001 is not a leap year), does not exist.',
    digits: '1271012902010001',
    hint: { prefix: '', facts: { province: '12', regency: '1271', district: '127101', serial: '0001' } },
  },
  {
    label: 'woman 29 Feb in a non-leap year (1999)',
    raw: '1271016902990001',
    status: 'invalid',
    reason: 'impossible_date',
    message: /29 February \(1999 is not a leap year\)/,
    digits: '1271016902990001',
    hint: { prefix: '', facts: { province: '12', regency: '1271', district: '127101', serial: '0001' } },
  },
  {
    label: 'serial 0000',
    raw: '1271011501900000',
    status: 'invalid',
    reason: 'serial_zero',
    message: "The NIK's serial number (its last four digits) is 0000; serials start at 0001.",
    digits: '1271011501900000',
    hint: {
      prefix: '',
      facts: { province: '12', regency: '1271', district: '127101', birthDate: '1990-01-15', sex: 'M' },
    },
  },
  {
    label: 'region is checked before the date',
    raw: '1271990000000000',
    status: 'invalid',
    reason: 'unknown_region',
    message: /kecamatan code 12\.71\.99/,
    digits: '1271990000000000',
    hint: { prefix: '', facts: { province: '12', regency: '1271' } },
  },
  {
    label: 'scientific notation, Indonesian decimal comma',
    raw: '3,27512E+15',
    status: 'damaged',
    reason: 'scientific_notation',
    message: /scientific notation .* only 6 of its 16 digits are left/,
    digits: null,
    // The last shown mantissa digit may have been rounded up, so it is not part of the prefix.
    hint: { prefix: '32751', facts: { province: '32', regency: '3275' } },
  },
  {
    label: 'scientific notation, decimal point, lower-case e',
    raw: '3.27512e+15',
    status: 'damaged',
    reason: 'scientific_notation',
    message: /scientific notation/,
    digits: null,
    hint: { prefix: '32751', facts: { province: '32', regency: '3275' } },
  },
  {
    label: 'scientific notation, long mantissa and 3-digit exponent',
    raw: '3.275120101900E+015',
    status: 'damaged',
    reason: 'scientific_notation',
    message: /only 13 of its 16 digits/,
    digits: null,
    hint: {
      prefix: '327512010190',
      facts: { province: '32', regency: '3275', district: '327512', birthDate: '1990-01-01', sex: 'M' },
    },
  },
  {
    label: 'scientific notation, apostrophe and spaces around it',
    raw: "  '3,27512E+15 ",
    status: 'damaged',
    reason: 'scientific_notation',
    message: /scientific notation/,
    digits: null,
    hint: { prefix: '32751', facts: { province: '32', regency: '3275' } },
  },
  {
    label: 'scientific notation of a 15-digit number',
    raw: '3.27512E+14',
    status: 'invalid',
    reason: 'wrong_length',
    message: 'The NIK is in scientific notation and stands for a 15-digit number; a NIK has 16 digits.',
    digits: null,
    hint: null,
  },
  {
    label: 'scientific notation of a small number',
    raw: '3.2E-05',
    status: 'invalid',
    reason: 'wrong_length',
    message: /stands for a number below 10/,
    digits: null,
    hint: null,
  },
  {
    label: 'numeric XLSX cell with 16 digits',
    raw: '1271011501900003',
    options: { numeric: true },
    status: 'damaged',
    reason: 'excel_number',
    message: /stored as a number .* keeps only 15 of its 16 digits/,
    digits: '1271011501900003',
    hint: {
      prefix: '127101150190000',
      facts: { province: '12', regency: '1271', district: '127101', birthDate: '1990-01-15', sex: 'M' },
    },
  },
  {
    label: 'numeric XLSX cell with an unknown region is still excel_number',
    raw: '1271991501900000',
    options: { numeric: true },
    status: 'damaged',
    reason: 'excel_number',
    message: /stored as a number/,
    digits: '1271991501900000',
    hint: {
      prefix: '127199150190000',
      facts: { province: '12', regency: '1271', birthDate: '1990-01-15', sex: 'M' },
    },
  },
  {
    label: 'numeric XLSX cell with 15 digits',
    raw: '127101150190000',
    options: { numeric: true },
    status: 'invalid',
    reason: 'wrong_length',
    message: 'The NIK has 15 digits, expected 16.',
    digits: '127101150190000',
    hint: null,
  },
  {
    label: 'a number shown with thousands separators was a numeric cell',
    raw: '1.271.011.501.900.000',
    status: 'damaged',
    reason: 'excel_number',
    message: /stored as a number/,
    digits: '1271011501900000',
    hint: {
      prefix: '127101150190000',
      facts: { province: '12', regency: '1271', district: '127101', birthDate: '1990-01-15', sex: 'M' },
    },
  },
];

describe('parseNik: invalid and damaged NIKs', () => {
  it.each(problems)('$label', ({ raw, options, status, reason, message, digits, hint }) => {
    const r = parseNik(raw, { ...REF, ...options });
    expect(r).toEqual({
      status,
      reason,
      message: typeof message === 'string' ? message : expect.stringMatching(message),
      digits,
      hint,
    });
  });

  it.each(problems.filter((p) => p.digits !== null))('message of "$label" does not contain the NIK', (p) => {
    const r = parseNik(p.raw, { ...REF, ...p.options });
    expect(r.status === 'invalid' || r.status === 'damaged' ? r.message : '').not.toContain(p.digits);
  });
});

describe('parseNik: missing', () => {
  it.each(['', '   ', '\t', "'", '-', '—', 'NULL', '#N/A', 'tidak ada', 'Belum Ada', '0', '0000000000000000', '="" '])(
    '%j is missing',
    (raw) => {
      expect(parseNik(raw, REF)).toEqual({ status: 'missing' });
    },
  );

  it('treats null/undefined from untyped callers as missing, and a JS number as a numeric cell', () => {
    expect(parseNik(null as unknown as string)).toEqual({ status: 'missing' });
    expect(parseNik(undefined as unknown as string)).toEqual({ status: 'missing' });
    expect(parseNik(1271011501900003 as unknown as string, REF)).toMatchObject({
      status: 'damaged',
      reason: 'excel_number',
    });
  });
});

describe('canonicalisation', () => {
  it.each([
    ["'1271011501900003", '1271011501900003'],
    ['\u20191271011501900003', '1271011501900003'],
    ['  1271011501900003  ', '1271011501900003'],
    ['12 71 01 150190 0003', '1271011501900003'],
    ['12\u00a071\u00a001 150190 0003', '1271011501900003'],
    ['12.71.01.150190.0003', '1271011501900003'],
    ['1271-01-150190-0003', '1271011501900003'],
    ["'12.71.01.150190.0003", '1271011501900003'],
    ['1271011501900003.0', '1271011501900003'],
    ['1271011501900003,0', '1271011501900003'],
    ['="1271011501900003"', '1271011501900003'],
    // Anything that is not just a formatted number stays as it was, to be reported as such.
    ['3.27512E+15', '3.27512E+15'],
    ['3,27512E+15', '3,27512E+15'],
    ['NIK 1271011501900003', 'NIK 1271011501900003'],
    ['1271011501900003 / 1271011501900004', '1271011501900003 / 1271011501900004'],
    ['12.71.01.150190.0003.5', '12710115019000035'],
  ])('canonicaliseNik(%j) is %j', (raw, expected) => {
    expect(canonicaliseNik(raw)).toBe(expected);
  });

  it.each([
    "'1271011501900003",
    ' 12 71 01 150190 0003 ',
    '12.71.01.150190.0003',
    '1271-01-150190-0003',
    '1271011501900003.0',
    '="1271011501900003"',
  ])('parseNik(%j) is the valid 1271011501900003', (raw) => {
    expect(parseNik(raw, REF)).toEqual({
      status: 'valid',
      nik: '1271011501900003',
      facts: facts('1271011501900003', '1990-01-15', 'M'),
    });
  });
});

describe('markExcelRounded', () => {
  it('turns a valid NIK ending in 0 into damaged/excel_rounded with a 14-digit prefix', () => {
    expect(markExcelRounded(parseNik('1271011501900010', REF))).toEqual({
      status: 'damaged',
      reason: 'excel_rounded',
      message: expect.stringMatching(/rounded its last digit/),
      digits: '1271011501900010',
      hint: {
        prefix: '12710115019000',
        facts: { province: '12', regency: '1271', district: '127101', birthDate: '1990-01-15', sex: 'M' },
      },
    });
  });

  it('turns serial 0000 (what rounding makes of 0001–0004) into excel_rounded', () => {
    expect(markExcelRounded(parseNik('1271011501900000', REF))).toMatchObject({
      status: 'damaged',
      reason: 'excel_rounded',
      digits: '1271011501900000',
      hint: { prefix: '12710115019000' },
    });
  });

  it.each(['1271011501900003', '1271991501900010', '127101150190010', '', '3,27512E+15'])(
    'leaves %j unchanged',
    (raw) => {
      const r = parseNik(raw, REF);
      expect(markExcelRounded(r)).toBe(r);
    },
  );
});

describe('maskNik', () => {
  it.each([
    ['1271015001900003', '127101******0003'],
    ['9201016512880007', '920101******0007'],
    ['127101500190000', '127101******000'],
    ['12710150019000031', '127101*******0031'],
    ['123456789012', '1234******12'],
    ['12345678', '12******'],
    ['123456', '******'],
    ['12', '**'],
    ['', ''],
    ['3.27512E+15', '3.2******15'],
  ])('maskNik(%j) is %j', (nik, masked) => {
    expect(maskNik(nik)).toBe(masked);
  });

  it('never reveals more than the first 6 and last 4 characters, and hides at least 6', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{0,40}$/), (s) => {
        const m = maskNik(s);
        expect(m).toHaveLength(s.length);
        const head = /^[0-9]*/.exec(m)?.[0] ?? '';
        const tail = /[0-9]*$/.exec(m)?.[0] ?? '';
        expect(head.length).toBeLessThanOrEqual(6);
        expect(tail.length).toBeLessThanOrEqual(4);
        expect(m.length - head.length - tail.length).toBeGreaterThanOrEqual(Math.min(6, s.length));
      }),
    );
  });
});

describe('looksRounded', () => {
  it.each([
    [20, 20, true], // a whole column rounded
    [18, 20, true],
    [11, 20, true], // binomial tail at p = 0.1 is below 1e-6
    [10, 20, false], // …and here it is not
    [3, 20, false], // a genuine column: about 10% end in 0
    [2, 20, false],
    [7, 7, true],
    [6, 6, false], // too few rows to tell from chance
    [5, 5, false],
    [0, 0, false],
    [500_000, 1_000_000, true], // half rounded: a pasted-together consolidation
    [120_000, 1_000_000, false], // 12%: a little above 10% is not rounding
    [499_999, 1_000_000, false],
    [21, 20, false], // impossible counts are not evidence
    [-1, 20, false],
    [Number.NaN, 20, false],
  ])('looksRounded(%i, %i) is %s', (endingInZero, total, expected) => {
    expect(looksRounded(endingInZero, total)).toBe(expected);
  });
});

describe('describeNikReason', () => {
  const reasons: NikReason[] = [
    'missing',
    'non_digit',
    'wrong_length',
    'unknown_region',
    'impossible_date',
    'serial_zero',
    'scientific_notation',
    'excel_number',
    'excel_rounded',
  ];

  it('says the birth date is impossible, in the current language', () => {
    expect(inLang('en', () => describeNikReason('impossible_date'))).toBe('the birth date in the NIK is impossible');
    expect(inLang('id', () => describeNikReason('impossible_date'))).toBe('tanggal lahir dalam NIK mustahil');
  });

  it('gives every reason its own one-line sentence', () => {
    const lines = inLang('en', () => reasons.map(describeNikReason));
    expect(new Set(lines).size).toBe(reasons.length);
    for (const line of lines) expect(line).toMatch(/^the [^\n]+[^.]$/);
    const id = inLang('id', () => reasons.map(describeNikReason));
    expect(new Set(id).size).toBe(reasons.length);
    for (const line of id) expect(line).toMatch(/^[^\n]+[^.]$/);
  });
});

describe('properties', () => {
  const districts = regionsAt('district').map((r) => r.code);

  it('never throws, and a valid result has 16 digits and round-trips', () => {
    const nikish = fc.stringMatching(/^['= ]?[0-9 .,eE+-]{0,22}$/);
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), nikish), fc.boolean(), (raw, numeric) => {
        const r: NikParse = parseNik(raw, { numeric, refYear: 2025 });
        if (r.status === 'valid') {
          expect(r.nik).toMatch(/^[0-9]{16}$/);
          expect(parseNik(r.nik, REF)).toEqual(r);
          expect(canonicaliseNik(r.nik)).toBe(r.nik);
        }
        if ((r.status === 'invalid' || r.status === 'damaged') && r.digits !== null && r.digits.length >= 10) {
          expect(r.message).not.toContain(r.digits);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('accepts every NIK built from a real kecamatan, a real date and a serial from 0001', () => {
    const nik = fc.record({
      district: fc.constantFrom(...districts),
      day: fc.integer({ min: 1, max: 28 }),
      month: fc.integer({ min: 1, max: 12 }),
      yy: fc.integer({ min: 0, max: 99 }),
      female: fc.boolean(),
      serial: fc.integer({ min: 1, max: 9999 }),
    });
    fc.assert(
      fc.property(nik, ({ district, day, month, yy, female, serial }) => {
        const p2 = (n: number) => String(n).padStart(2, '0');
        const value = district + p2(female ? day + 40 : day) + p2(month) + p2(yy) + String(serial).padStart(4, '0');
        const r = parseNik(value, REF);
        const year = 2000 + yy <= 2010 ? 2000 + yy : 1900 + yy;
        expect(r).toEqual({
          status: 'valid',
          nik: value,
          facts: facts(value, `${year}-${p2(month)}-${p2(day)}`, female ? 'F' : 'M'),
        });
      }),
    );
  });
});

describe('scientificRange: every NIK an Excel scientific display can stand for', () => {
  it.each([
    // Six significant digits: the display rounded the 7th digit away, so 1.27116 is 1.271155… to 1.271164…
    ['1,27116E+15', '1271155000000000', '1271164999999999'],
    ['1.27116e+15', '1271155000000000', '1271164999999999'],
    // Fewer digits shown: trailing zeros dropped, or a narrow column. Read as rounded at the digits shown,
    // which holds either way (1.2712 could be 1.27120 or a 5-digit display).
    ['1.2712E+15', '1271150000000000', '1271249999999999'],
    ["  '3,27512E+15 ", '3275115000000000', '3275124999999999'],
    // All 16 digits shown: nothing was rounded.
    ['1.271015001900003E+15', '1271015001900003', '1271015001900003'],
  ] as const)('%s → %s … %s', (raw, low, high) => {
    expect(scientificRange(raw)).toEqual({ low, high });
  });

  it.each(['3.27512E+14', '3.2E-05', '1271015001900003', '', 'abc'])('%j stands for no 16-digit NIK: null', (raw) => {
    expect(scientificRange(raw)).toBeNull();
  });

  it('holds the NIK itself, whichever locale displayed it', () => {
    const nik = fc.stringMatching(/^[1-9]\d{15}$/);
    fc.assert(
      fc.property(nik, fc.boolean(), (value, comma) => {
        const range = scientificRange(excelScientific(value, comma));
        expect(range).not.toBeNull();
        expect(range && range.low <= value && value <= range.high).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
