/**
 * NIK (Nomor Induk Kependudukan) parsing and validation: pure functions, no I/O.
 *
 * A NIK is 16 digits `PP KK CC DDMMYY SSSS`: the 6-digit Kemendagri region code where it was first issued,
 * the birth date (day + 40 for women, two-digit year) and a serial from 0001. There is no check digit, so
 * validation is structure, date and region. A NIK always stays a string: 16 digits do not fit in a JS number
 * (2^53 ≈ 9.007e15, and provinces 91–96 are above it), so nothing here ever converts a whole NIK to a number.
 *
 * A mangled NIK is never "repaired": it is reported as `invalid` (the value itself is wrong) or `damaged`
 * (a spreadsheet destroyed digits that were once right) with a reason, and whatever is still known is
 * returned as a `hint` for matching together with the name.
 */
import { t } from '../i18n/index.js';
import { regionByCode, regionsAt } from './regions.js';

export type Sex = 'M' | 'F';
export type NikStatus = 'valid' | 'invalid' | 'damaged' | 'missing';
export type NikReason =
  | 'missing'
  | 'non_digit'
  | 'wrong_length'
  | 'unknown_region'
  | 'impossible_date'
  | 'serial_zero'
  /** `3.27512E+15` or `3,27512E+15`. */
  | 'scientific_notation'
  /** The cell was stored as a number in XLSX: 16 significant digits cannot survive. */
  | 'excel_number'
  /** Set at column level by the importer, see {@link looksRounded} and {@link markExcelRounded}. */
  | 'excel_rounded';

export interface NikFacts {
  /** 2 digits. */
  province: string;
  /** 4 digits (kab/kota). */
  regency: string;
  /** 6 digits (kecamatan). */
  district: string;
  /** `YYYY-MM-DD`. */
  birthDate: string;
  sex: Sex;
  /** 4 digits. */
  serial: string;
}

export interface NikHint {
  /** Leading digits that can still be trusted (may be empty when only `facts` are known). */
  prefix: string;
  facts?: Partial<NikFacts>;
}

export type NikParse =
  | { status: 'valid'; nik: string; facts: NikFacts }
  | { status: 'missing' }
  | {
      status: 'invalid' | 'damaged';
      reason: NikReason;
      message: string;
      /** Canonical digits when the value is all digits (any length), else null. */
      digits: string | null;
      /**
       * What is still known, usable as a matching hint: leading digits that are trustworthy (e.g. the
       * mantissa digits of a scientific value, the first 15 of an Excel number), and facts when the
       * 16 digits parse structurally but e.g. the region is unknown.
       */
      hint: NikHint | null;
    };

export type NikProblem = Extract<NikParse, { status: 'invalid' | 'damaged' }>;

export interface ParseNikOptions {
  /** The cell was a number in an XLSX sheet (not text): a 16-digit value has lost its last digit. */
  numeric?: boolean;
  /** The year ages are counted at, to choose the birth century; default: the current year. */
  refYear?: number;
}

// ---------------------------------------------------------------------------------------------------------
// Region lookup

interface RegionTables {
  province: Uint8Array;
  regency: Uint8Array;
  district: Uint8Array;
}

let tables: RegionTables | undefined;

/** Value of the decimal digits s[from..to) — only ever used on region codes (≤ 6 digits), never a NIK. */
function digitsValue(s: string, from: number, to: number): number {
  let v = 0;
  for (let i = from; i < to; i++) v = v * 10 + (s.charCodeAt(i) - 48);
  return v;
}

/**
 * Flag arrays indexed by the numeric region code, built once on first use. Why arrays and not a Set of
 * strings: the fast path then needs no substring allocation and no hashing, just a few charCode reads
 * (1 MB for all 6-digit codes). Current and legacy codes are both included: a NIK keeps the code of the
 * region where it was first issued, e.g. Papua 91.01 (KAB. MERAUKE) before the 2022 splits.
 */
function regionTables(): RegionTables {
  if (tables) return tables;
  const t: RegionTables = {
    province: new Uint8Array(100),
    regency: new Uint8Array(10_000),
    district: new Uint8Array(1_000_000),
  };
  for (const r of regionsAt('province')) t.province[digitsValue(r.code, 0, 2)] = 1;
  for (const r of regionsAt('regency')) t.regency[digitsValue(r.code, 0, 4)] = 1;
  for (const r of regionsAt('district')) t.district[digitsValue(r.code, 0, 6)] = 1;
  tables = t;
  return t;
}

// ---------------------------------------------------------------------------------------------------------
// Dates

let currentYear: number | undefined;

function refYearOf(options: ParseNikOptions | undefined): number {
  const y = options?.refYear;
  // Four-digit years only: anything else would make nonsense birth dates, so fall back to the default.
  if (typeof y === 'number' && Number.isInteger(y) && y >= 1000 && y <= 9999) return y;
  // Cached: a Date per call would cost more than the rest of the fast path.
  currentYear ??= new Date().getFullYear();
  return currentYear;
}

/**
 * YY is ambiguous. Choose the most recent century in which the holder is at least 15 at `refYear`: Prakerja
 * recipients are adults and a NIK's KTP is issued from age 17, so a birth year less than 15 years back is
 * almost certainly the previous century (the 2-year margin absorbs lists processed a year or two after the
 * data year). E.g. at refYear 2025: 10 → 2010, 11 → 1911, 95 → 1995.
 */
export function birthYearOf(yy: number, refYear: number): number {
  let year = Math.floor(refYear / 100) * 100 + yy;
  while (refYear - year < 15) year -= 100;
  return year;
}

function isLeap(y: number): boolean {
  return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
}

function daysInMonth(month: number, year: number): number {
  if (month === 2) return isLeap(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function pad2(n: number): string {
  return n < 10 ? '0' + n : String(n);
}

const MONTH_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

// ---------------------------------------------------------------------------------------------------------
// Canonicalisation

/** Excel's text prefix, and the curly quotes Word/WhatsApp turn it into. */
function isApostrophe(c: number): boolean {
  return c === 0x27 || c === 0x2018 || c === 0x2019 || c === 0x60;
}

/**
 * Trim, unwrap `="…"` (the formula trick CSV producers use to keep Excel from turning a NIK into a number)
 * and drop one leading apostrophe (Excel's "store as text" prefix, which some exports keep).
 */
function unwrap(raw: string): string {
  let s = raw.trim();
  if (s.length >= 3 && s.startsWith('="') && s.endsWith('"')) s = s.slice(2, -1).trim();
  if (s.length > 0 && isApostrophe(s.charCodeAt(0))) s = s.slice(1).trim();
  return s;
}

/** Digits with a decimal zero: what a float-typed export writes (`1271015001900003.0`). */
const DECIMAL_ZERO = /^\d+[.,]0$/;
/** Digit groups separated by spaces (any Unicode space), dots or dashes, as people type NIKs. */
const GROUPED = /^\d+(?:[\s.\-\u2010-\u2014]+\d+)*$/u;
const SEPARATORS = /[\s.\-\u2010-\u2014]+/gu;
/** A number displayed with thousands separators (`3.275.120.101.900.000`): the cell was a number. */
const THOUSANDS = /^\d{1,3}(?:(?:\.\d{3})+|(?:,\d{3})+)$/;
/** Excel scientific notation in either locale: `3.27512E+15`, `3,27512E+15`, `3.275120101900E+015`. */
const SCIENTIFIC = /^(\d)(?:[.,](\d*))?[eE]([+-]?)(\d{1,3})$/;

function canonicalAfterUnwrap(s: string): string {
  if (DECIMAL_ZERO.test(s)) return s.slice(0, -2);
  // Separators are only removed when the value is nothing but digit groups, so `3.27512E+15` or a name
  // typed into the NIK column stays as it was and gets its own reason.
  if (GROUPED.test(s)) return s.replace(SEPARATORS, '');
  return s;
}

/**
 * The NIK as digits where the input is just a formatted NIK; anything else comes back trimmed but otherwise
 * unchanged, so it can be reported as it was.
 *
 * @example canonicaliseNik("'12.71.01.500190.0003") // '1271015001900003'
 * @example canonicaliseNik('1271015001900003.0')    // '1271015001900003'
 * @example canonicaliseNik('3,27512E+15')           // '3,27512E+15' (unchanged: see parseNik)
 */
export function canonicaliseNik(raw: string): string {
  return canonicalAfterUnwrap(unwrap(raw));
}

// ---------------------------------------------------------------------------------------------------------
// Parsing

const MISSING: NikParse = Object.freeze({ status: 'missing' });

/**
 * What people write in a NIK cell when there is no NIK. Treated as missing rather than invalid, because
 * that is what the officer meant (walk-in guest books are full of `-`).
 */
const PLACEHOLDERS = new Set([
  '', '-', '--', '---', '\u2013', '\u2014', '.', '?', 'n/a', 'na', '#n/a', 'null', 'nil', 'none',
  'tidak ada', 'tdk ada', 'belum ada', 'kosong', 'tidak punya', 'belum punya',
]);

function allDigits(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function firstNonDigit(s: string): number {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return i;
  }
  return -1;
}

/** True for `0`, `0000000000000000`: a zero is a placeholder (an empty numeric cell), never a NIK. */
function allZeros(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) !== 48) return false;
  return s.length > 0;
}

function problem(
  status: 'invalid' | 'damaged',
  reason: NikReason,
  message: string,
  digits: string | null,
  hint: NikHint | null,
): NikProblem {
  return { status, reason, message, digits, hint };
}

function hintOf(prefix: string, facts: Partial<NikFacts>): NikHint | null {
  const hasFacts = Object.keys(facts).length > 0;
  if (prefix === '' && !hasFacts) return null;
  return hasFacts ? { prefix, facts } : { prefix };
}

/**
 * Facts that the first digits of `digits` still establish: each region level whose code is complete and
 * exists, and birth date and sex when DDMMYY is complete and a real date. The serial is left out: a prefix
 * never has a trustworthy one.
 */
function factsFromPrefix(digits: string, refYear: number): Partial<NikFacts> {
  const t = regionTables();
  const facts: Partial<NikFacts> = {};
  if (digits.length >= 2 && t.province[digitsValue(digits, 0, 2)] === 1) facts.province = digits.slice(0, 2);
  if (digits.length >= 4 && t.regency[digitsValue(digits, 0, 4)] === 1) facts.regency = digits.slice(0, 4);
  if (digits.length >= 6 && t.district[digitsValue(digits, 0, 6)] === 1) facts.district = digits.slice(0, 6);
  if (digits.length >= 12) {
    const date = birthOf(digits, refYear);
    if (date.ok) {
      facts.birthDate = date.birthDate;
      facts.sex = date.sex;
    }
  }
  return facts;
}

type BirthCheck =
  | { ok: true; birthDate: string; sex: Sex }
  | { ok: false; message: string };

/** Birth date and sex from digits 7–12 (slow path: used for messages and hints). */
function birthOf(s: string, refYear: number): BirthCheck {
  const dd = digitsValue(s, 6, 8);
  const mm = digitsValue(s, 8, 10);
  const yy = digitsValue(s, 10, 12);
  const female = dd > 40;
  const day = female ? dd - 40 : dd;
  if (dd === 0 || (dd > 31 && dd < 41) || dd > 71) {
    return {
      ok: false,
      message: `The birth day in the NIK is ${pad2(dd)}; it must be 01–31 for men or 41–71 for women.`,
    };
  }
  if (mm < 1 || mm > 12) {
    return { ok: false, message: `The birth month in the NIK is ${pad2(mm)}; it must be 01–12.` };
  }
  const year = birthYearOf(yy, refYear);
  if (day > daysInMonth(mm, year)) {
    const leapNote = mm === 2 && day === 29 ? ` (${year} is not a leap year)` : '';
    return {
      ok: false,
      message: `The birth date in the NIK, ${day} ${MONTH_NAMES[mm - 1] ?? ''}${leapNote}, does not exist.`,
    };
  }
  return { ok: true, birthDate: `${year}-${pad2(mm)}-${pad2(day)}`, sex: female ? 'F' : 'M' };
}

function dotted(code: string): string {
  return code.length <= 2 ? code : `${code.slice(0, 2)}.${code.slice(2, 4)}${code.length > 4 ? '.' + code.slice(4) : ''}`;
}

function regionMessage(s: string): string {
  const t = regionTables();
  const province = s.slice(0, 2);
  const regency = s.slice(0, 4);
  if (t.province[digitsValue(s, 0, 2)] !== 1) {
    return `The NIK starts with province code ${province}, which is not an Indonesian province.`;
  }
  const provinceName = regionByCode(province)?.name ?? province;
  if (t.regency[digitsValue(s, 0, 4)] !== 1) {
    return `The NIK's kab/kota code ${dotted(regency)} does not exist in ${provinceName}.`;
  }
  const regencyName = regionByCode(regency)?.name ?? regency;
  return `The NIK's kecamatan code ${dotted(s.slice(0, 6))} does not exist in ${regencyName}.`;
}

/** The slow half of parse16: say what is wrong with a 16-digit NIK that failed a check, and what is left. */
function invalid16(s: string, refYear: number): NikProblem {
  const t = regionTables();
  const facts = factsFromPrefix(s, refYear);
  const serialZero = s.endsWith('0000');
  if (!serialZero) facts.serial = s.slice(12);
  const birth = birthOf(s, refYear);
  // Checked left to right, so a NIK with several faults reports the first; the hint still has every part
  // that did parse. The prefix is empty: the faulty digit may be anywhere, so no position is trustworthy.
  if (t.district[digitsValue(s, 0, 6)] !== 1) {
    return problem('invalid', 'unknown_region', regionMessage(s), s, hintOf('', facts));
  }
  if (!birth.ok) return problem('invalid', 'impossible_date', birth.message, s, hintOf('', facts));
  return problem(
    'invalid',
    'serial_zero',
    "The NIK's serial number (its last four digits) is 0000; serials start at 0001.",
    s,
    hintOf('', facts),
  );
}

/**
 * Validate 16 digits. This is the hot path (millions of rows per import): charCode arithmetic and array
 * lookups only; strings are built only for the result.
 */
function parse16(s: string, refYear: number): NikParse {
  const t = regionTables();
  const district =
    (s.charCodeAt(0) - 48) * 100_000 +
    (s.charCodeAt(1) - 48) * 10_000 +
    (s.charCodeAt(2) - 48) * 1_000 +
    (s.charCodeAt(3) - 48) * 100 +
    (s.charCodeAt(4) - 48) * 10 +
    (s.charCodeAt(5) - 48);
  const dd = (s.charCodeAt(6) - 48) * 10 + (s.charCodeAt(7) - 48);
  const mm = (s.charCodeAt(8) - 48) * 10 + (s.charCodeAt(9) - 48);
  const yy = (s.charCodeAt(10) - 48) * 10 + (s.charCodeAt(11) - 48);
  const female = dd > 40;
  const day = female ? dd - 40 : dd;
  const year = birthYearOf(yy, refYear);
  const ok =
    t.district[district] === 1 &&
    mm >= 1 &&
    mm <= 12 &&
    day >= 1 &&
    day <= daysInMonth(mm, year) &&
    // 32–40 (day > 31 for a man) fails the month-length check; 72+ gives day > 31 too.
    (s.charCodeAt(12) !== 48 || s.charCodeAt(13) !== 48 || s.charCodeAt(14) !== 48 || s.charCodeAt(15) !== 48);
  // All zeros is a placeholder (an empty numeric cell), not a NIK; checked here to keep it off the fast path.
  if (!ok) return allZeros(s) ? MISSING : invalid16(s, refYear);
  return {
    status: 'valid',
    nik: s,
    facts: {
      province: s.slice(0, 2),
      regency: s.slice(0, 4),
      district: s.slice(0, 6),
      birthDate: year + '-' + s.slice(8, 10) + '-' + pad2(day),
      sex: female ? 'F' : 'M',
      serial: s.slice(12, 16),
    },
  };
}

function excelNumber(s: string, refYear: number): NikProblem {
  // Excel stores 15 significant digits and turns the rest into zeros, so the first 15 are what it kept.
  // (When a tool *rounded* instead, a carry can reach the 15th digit: see markExcelRounded.) A number with
  // eight or more trailing zeros is no copy of a NIK (its month would be 00): it is a scientific-notation
  // display a spreadsheet read back as a number (`1.27102E+15` → 1271020000000000), and only the digits
  // before its last significant one are known, as for the display itself.
  const shown = scientificDigits(s);
  const prefix = shown === null ? s.slice(0, 15) : shown.slice(0, -1);
  return problem(
    'damaged',
    'excel_number',
    'The NIK was stored as a number in the spreadsheet, which keeps only 15 of its 16 digits; ' +
      'format the NIK column as Text in the original file and enter or export the NIKs again.',
    s,
    hintOf(prefix, factsFromPrefix(prefix, refYear)),
  );
}

function scientific(m: RegExpExecArray, refYear: number): NikProblem {
  const shown = (m[1] ?? '') + (m[2] ?? '');
  const negative = m[3] === '-';
  const exponent = digitsValue(m[4] ?? '', 0, (m[4] ?? '').length);
  if (negative || exponent !== 15) {
    const what = negative ? 'a number below 10' : `a ${exponent + 1}-digit number`;
    return problem(
      'invalid',
      'wrong_length',
      `The NIK is in scientific notation and stands for ${what}; a NIK has 16 digits.`,
      null,
      null,
    );
  }
  // The mantissa is the display of a rounded value (Excel's General format shows 6 significant digits), so
  // its last shown digit may have been rounded up: only the digits before it are trustworthy. With all 16
  // digits shown nothing was rounded away.
  const prefix = shown.length >= 16 ? shown.slice(0, 16) : shown.slice(0, -1);
  return problem(
    'damaged',
    'scientific_notation',
    `The NIK was turned into scientific notation by a spreadsheet and only ${shown.length} of its 16 digits ` +
      'are left; get the original list, or format the NIK column as Text before entering NIKs.',
    null,
    hintOf(prefix, factsFromPrefix(prefix, refYear)),
  );
}

/** Inclusive bounds of a set of 16-digit NIK strings (equal lengths, so string order is numeric order). */
export interface NikRange {
  low: string;
  high: string;
}

/** One less, on a digit string: '127120' → '127119'. Only called on a mantissa, which is never all zeros. */
function decrement(digits: string): string {
  let i = digits.length - 1;
  while (i > 0 && digits[i] === '0') i--;
  return digits.slice(0, i) + String.fromCharCode(digits.charCodeAt(i) - 1) + '9'.repeat(digits.length - 1 - i);
}

/**
 * Every NIK that an Excel scientific-notation display can stand for, or null when `raw` is not the display
 * of a 16-digit number.
 *
 * The display rounded the NIK half-up to the digits it shows, so `1,27116E+15` is every NIK from
 * 1271155000000000 to 1271164999999999: half of kecamatan 12.71.15 and half of 12.71.16. That is sharper
 * than the trusted prefix `12711` of {@link parseNik}'s hint (ten kecamatans), and it is also right when a
 * rounding carried. Fewer than six digits shown (`1.2712E+15`) may be trailing zeros dropped or a narrow
 * column: it is read as rounded at the digits shown, which contains both readings.
 *
 * @example scientificRange('1,27116E+15') // { low: '1271155000000000', high: '1271164999999999' }
 */
export function scientificRange(raw: string): NikRange | null {
  const m = SCIENTIFIC.exec(unwrap(raw));
  if (!m || m[3] === '-' || digitsValue(m[4] ?? '', 0, (m[4] ?? '').length) !== 15) return null;
  const shown = (m[1] ?? '') + (m[2] ?? '');
  if (shown.length >= 16) return { low: shown.slice(0, 16), high: shown.slice(0, 16) };
  if (allZeros(shown)) return null;
  // Shown v with k digits: from v − ½ to v + ½ units of its last digit, i.e. the (k+1)-digit prefixes
  // (v−1)5 … v4. String arithmetic: a 15-digit v times ten is past 2^53.
  return { low: (decrement(shown) + '5').padEnd(16, '0'), high: (shown + '4').padEnd(16, '9') };
}

/**
 * The significant digits of a 16-digit number with eight or more trailing zeros — a scientific-notation
 * display read back as a number, since no NIK's copy ends so (its month would be 00) — else null.
 *
 * @example scientificDigits('1271020000000000') // '127102'
 */
function scientificDigits(digits: string): string | null {
  if (!digits.endsWith('00000000')) return null;
  const significant = digits.replace(/0+$/, '');
  return significant === '' ? null : significant;
}

/**
 * Every NIK that a spreadsheet's 15-significant-digit copy can stand for, or null when `digits` is not 16
 * digits. A copy that ends in 0 was rounded half-up (LibreOffice, and Excel saving a number: …4395 → …4400,
 * a carry reaching the 14th digit) or truncated (Excel on typing: …4395 → …4390), so it is every NIK from
 * 5 below it to 9 above it: 15 NIKs, one contiguous range, so one comparison per pair. A copy that does not
 * end in 0 kept all its digits. A number with eight trailing zeros or more is a scientific display read
 * back (see `scientificDigits`): the range of that display.
 *
 * @example excelRange('1271011203904400') // { low: '1271011203904395', high: '1271011203904409' }
 */
export function excelRange(digits: string): NikRange | null {
  if (digits.length !== 16 || !allDigits(digits)) return null;
  const shown = scientificDigits(digits);
  if (shown !== null) return scientificRange(`${shown.slice(0, 1)}.${shown.slice(1)}E+15`);
  if (!digits.endsWith('0')) return { low: digits, high: digits };
  const prefix = digits.slice(0, 15);
  // Below …0000 there is nothing to round up from.
  return { low: allZeros(prefix) ? digits : decrement(prefix) + '5', high: prefix + '9' };
}

/**
 * The 16-digit values a spreadsheet's 15-significant-digit copy of `nik` can show: truncated and rounded
 * half-up (one value when they agree). The inverse of {@link excelRange}: `explain NIK` finds the copies.
 *
 * @example excelCopies('1271011203904395') // ['1271011203904390', '1271011203904400']
 */
export function excelCopies(nik: string): string[] {
  if (nik.length !== 16 || !allDigits(nik) || nik.endsWith('0')) return [];
  const truncated = nik.slice(0, 15) + '0';
  if (nik.charCodeAt(15) - 48 < 5) return [truncated];
  // Round up: add one to the 15-digit prefix, carrying through trailing nines.
  const digits = nik.slice(0, 15).split('');
  let i = 14;
  while (i >= 0 && digits[i] === '9') digits[i--] = '0';
  if (i < 0) return [truncated];
  digits[i] = String(Number(digits[i]) + 1);
  return [truncated, digits.join('') + '0'];
}

/**
 * The NIKs a damaged cell can stand for: the range of a scientific-notation display or of a spreadsheet's
 * 15-digit copy (`excel_number`, `excel_rounded`); null for other damage, which keeps only a hint.
 */
export function damagedRange(reason: string | null, raw: string | null): NikRange | null {
  if (raw === null) return null;
  if (reason === 'scientific_notation') return scientificRange(raw);
  if (reason === 'excel_number' || reason === 'excel_rounded') return excelRange(canonicaliseNik(raw));
  return null;
}

/** Whether `nik` is inside `range` (all 16-digit strings, so string order is numeric order). */
export function inRange(nik: string, range: NikRange): boolean {
  return nik.length === 16 && nik >= range.low && nik <= range.high;
}

function parseSlow(raw: unknown, numericCell: boolean, refYear: number): NikParse {
  if (raw === null || raw === undefined) return MISSING;
  if (typeof raw !== 'string') {
    // JS callers may hand over a spreadsheet cell value as it is: a number is a numeric cell.
    let text: string;
    try {
      text = String(raw);
    } catch {
      return problem('invalid', 'non_digit', 'The NIK is not text.', null, null);
    }
    return parseSlow(text, numericCell || typeof raw === 'number', refYear);
  }
  const s0 = unwrap(raw);
  if (PLACEHOLDERS.has(s0.toLowerCase())) return MISSING;

  const sci = SCIENTIFIC.exec(s0);
  if (sci) return scientific(sci, refYear);

  let numeric = numericCell;
  let s: string;
  if (THOUSANDS.test(s0)) {
    // Thousands separators only appear when a number cell is displayed: people group NIKs as 2.2.2.6.4.
    s = s0.replace(/[.,]/g, '');
    numeric = true;
  } else {
    s = canonicalAfterUnwrap(s0);
  }

  const bad = firstNonDigit(s);
  if (bad >= 0) {
    const ch = s.codePointAt(bad) ?? 0;
    const shown = ch > 0x20 && ch !== 0x7f ? `'${String.fromCodePoint(ch)}'` : `U+${ch.toString(16).toUpperCase().padStart(4, '0')}`;
    // Digits before the first non-digit are untouched by it (e.g. a letter O typed for a zero, or a note
    // after the NIK), so they are a usable prefix.
    const prefix = s.slice(0, Math.min(bad, 16));
    return problem(
      'invalid',
      'non_digit',
      `The NIK contains ${shown} at position ${bad + 1}; a NIK is 16 digits only.`,
      null,
      prefix.length >= 2 ? hintOf(prefix, factsFromPrefix(prefix, refYear)) : null,
    );
  }
  if (allZeros(s) || s === '') return MISSING;
  if (numeric && s.length === 16) return excelNumber(s, refYear);
  if (s.length !== 16) {
    // No hint: a dropped or extra digit may be anywhere, so no position can be trusted.
    const count = s.length === 1 ? '1 digit' : `${s.length} digits`;
    return problem('invalid', 'wrong_length', `The NIK has ${count}, expected 16.`, s, null);
  }
  return parse16(s, refYear);
}

/**
 * Parse and validate one NIK cell. Never throws, for any input.
 *
 * @example
 * parseNik('1271015001900003', { refYear: 2025 })
 * // { status: 'valid', nik: '1271015001900003', facts: { province: '12', regency: '1271',
 * //   district: '127101', birthDate: '1990-01-10', sex: 'F', serial: '0003' } }
 * parseNik('3,27512E+15') // { status: 'damaged', reason: 'scientific_notation', hint: { prefix: '32751', … }, … }
 */
export function parseNik(raw: string, options?: ParseNikOptions): NikParse {
  const refYear = refYearOf(options);
  // Fast path: a plain 16-digit string, as nearly every row of a clean file is. No regex, no copies.
  if (typeof raw === 'string' && raw.length === 16 && options?.numeric !== true && allDigits(raw)) {
    return parse16(raw, refYear);
  }
  return parseSlow(raw, options?.numeric === true, refYear);
}

/**
 * Turn the parse of a NIK from a column that {@link looksRounded} into `damaged`/`excel_rounded` when the NIK
 * ends in 0 (valid, or serial 0000, which is what rounding makes of serials 0001–0004). Anything else comes
 * back unchanged: a region or date fault is not explained by rounding.
 */
export function markExcelRounded(parse: NikParse): NikParse {
  let digits: string;
  let facts: Partial<NikFacts>;
  if (parse.status === 'valid') {
    digits = parse.nik;
    const { serial: _serial, ...rest } = parse.facts;
    facts = rest;
  } else if (parse.status === 'invalid' && parse.reason === 'serial_zero' && parse.digits !== null) {
    digits = parse.digits;
    facts = { ...parse.hint?.facts };
  } else {
    return parse;
  }
  if (!digits.endsWith('0')) return parse;
  // Rounding to 15 digits can carry into the 15th (…0008 → …0010), so only 14 leading digits are kept.
  return problem(
    'damaged',
    'excel_rounded',
    'The NIK ends in 0 in a column where nearly every NIK ends in 0, so a spreadsheet probably rounded its ' +
      'last digit; get the original list with the NIK column formatted as Text.',
    digits,
    hintOf(digits.slice(0, 14), facts),
  );
}

// ---------------------------------------------------------------------------------------------------------
// Masking, column heuristic, descriptions

/**
 * The NIK with its middle hidden, for terminal output and reports (UU 27/2022). A 16-digit NIK shows its
 * region (first 6) and last 4; shorter or odd values show proportionally less, and at least 6 characters
 * are always hidden.
 *
 * @example maskNik('1271015001900003') // '127101******0003'
 */
export function maskNik(nik: string): string {
  const s = typeof nik === 'string' ? nik : '';
  const n = s.length;
  const shown = Math.max(0, n - 6);
  const head = Math.min(6, Math.ceil(shown * 0.6));
  const tail = Math.min(4, shown - head);
  return s.slice(0, head) + '*'.repeat(n - head - tail) + (tail > 0 ? s.slice(n - tail) : '');
}

/** ln(k!) by summing logs for small k, Stirling series beyond: enough for a tail probability. */
function logFactorial(k: number): number {
  if (k < 32) {
    let v = 0;
    for (let i = 2; i <= k; i++) v += Math.log(i);
    return v;
  }
  return k * Math.log(k) - k + 0.5 * Math.log(2 * Math.PI * k) + 1 / (12 * k) - 1 / (360 * k ** 3);
}

/** P(X ≥ k) for X ~ Binomial(n, p), summed in log space from k up until the terms stop mattering. */
function binomialUpperTail(k: number, n: number, p: number): number {
  const lp = Math.log(p);
  const lq = Math.log(1 - p);
  const lfn = logFactorial(n);
  let sum = 0;
  for (let i = k; i <= n; i++) {
    const term = Math.exp(lfn - logFactorial(i) - logFactorial(n - i) + i * lp + (n - i) * lq);
    sum += term;
    // Above the mean the terms shrink geometrically, so stop once they no longer change the sum.
    if (i > n * p && term < sum * 1e-12) break;
  }
  return sum;
}

/**
 * Column heuristic: did a spreadsheet round this column's NIKs to 15 significant digits? A rounded NIK
 * always ends in 0; a genuine one ends in 0 only when its serial does — at most about 10% of the time
 * (serials count from 0001 per region and birth date, so most are small and 0 is rarer still).
 *
 * Rule: true when at least half the NIKs end in 0 *and* that many zeros would happen with probability
 * ≤ 1e-6 if each genuine NIK ended in 0 with p = 0.1 (binomial upper tail). The share condition keeps a
 * huge batch with a slightly high genuine rate from tripping a pure significance test; the tail condition
 * keeps a tiny batch from tripping on chance (it needs 7 of 7, 9 of 11, 11 of 20, then half). Half rather than 90%
 * because province consolidations paste numeric and text columns together; in such a batch most NIKs
 * ending in 0 are still rounded ones.
 *
 * @example looksRounded(20, 20) // true
 * @example looksRounded(3, 20)  // false
 */
export function looksRounded(endingInZero: number, total: number): boolean {
  if (!Number.isInteger(endingInZero) || !Number.isInteger(total)) return false;
  if (total <= 0 || endingInZero < 0 || endingInZero > total) return false;
  if (endingInZero * 2 < total) return false;
  return binomialUpperTail(endingInZero, total, 0.1) <= 1e-6;
}

const REASON_TEXT: Record<NikReason, () => string> = {
  missing: t.reasons.nikMissing,
  non_digit: t.reasons.nikNonDigit,
  wrong_length: t.reasons.nikWrongLength,
  unknown_region: t.reasons.nikUnknownRegion,
  impossible_date: t.reasons.nikImpossibleDate,
  serial_zero: t.reasons.nikSerialZero,
  scientific_notation: t.reasons.nikScientific,
  excel_number: t.reasons.nikExcelNumber,
  excel_rounded: t.reasons.nikExcelRounded,
};

/** One plain line for users in the current language, e.g. `the birth date in the NIK is impossible`. */
export function describeNikReason(reason: NikReason): string {
  return (REASON_TEXT[reason] ?? t.reasons.nikInvalid)();
}
