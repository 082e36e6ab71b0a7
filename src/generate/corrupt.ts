/**
 * The ways NIKs and names arrive broken in real Indonesian spreadsheets (DESIGN.md §2), each with a rate.
 *
 * Rates are marginal probabilities per row, multiplied by a per-source factor (the province file is
 * mangled more, the guest book more still). Within a group the corruptions are mutually exclusive — one
 * draw picks at most one digit error and at most one Excel representation — so the observed frequency of
 * each kind is exactly its rate. Name corruptions are independent of each other; the ones that only make
 * sense for some names (spelling variants, old spelling) apply at their rate among the names they fit.
 */
import type { Rng } from './random.js';
import type { Sex } from './name-pools.js';

export interface Rates {
  /** One digit replaced by another. */
  nikMistype: number;
  /** Two adjacent (different) digits swapped. */
  nikSwap: number;
  /** One digit left out (15 digits remain). */
  nikDrop: number;
  /** Excel scientific notation, `3.27512E+15` or with the decimal comma `3,27512E+15` (half each). */
  nikScientific: number;
  /** Excel's 15 significant digits: the last digit rounded to 0 with carry (…0008 → …0010). */
  nikRounded15: number;
  /** A leading apostrophe, Excel's "keep as text" mark. */
  nikApostrophe: number;
  /** Spaces or dots between the groups: `12.71.05.450890.0001`, `1271 0545 0890 0001`. */
  nikSeparators: number;
  /** Guest-book rows with no NIK at all. */
  walkinNikMissing: number;

  /** lower case or Title Case instead of the upper case of the registry. */
  nameCase: number;
  /** Doubled spaces between words, or leading/trailing spaces. */
  nameSpaces: number;
  /** A title before (H., Hj., Dr., Ir., Drs.) or after (S.Pd., S.E., S.H., S.Kom., A.Md., M.M.) the name. */
  nameTitle: number;
  /** Among names with MUHAMMAD/ABDUL/NUR/AHMAD: Muhamad, Moh., M., Abd., Noer, Achmad … */
  nameVariant: number;
  /** Among names the old (pre-1972) spelling changes: oe for u, dj for j, tj for c, j for y, ch for kh. */
  nameOldSpelling: number;
  /** Two words swapped (family name first). */
  nameSwap: number;
  /** One letter wrong, missing, doubled or swapped with its neighbour. */
  nameTypo: number;
  /** Among names of three or more words: a middle word left out (RATNA INDIRA SINAGA → RATNA SINAGA). */
  nameDropWord: number;
  /** Two neighbouring words written as one (IBUN SINAGA → IBUNSINAGA). */
  nameJoin: number;
  /** Among titled names: the title mistyped, so that it no longer reads as one (S.Ag. → S. Ad). */
  nameTitleTypo: number;
  /** Among names of two or more words: a title written in place of the first word (RIZKI SARAGIH → IR. SARAGIH). */
  nameTitleForWord: number;

  /** Central rows that carry an existing recipient's NIK with a different person's name. */
  sameNikOtherName: number;
  /** Central rows that repeat a recipient already listed. */
  centralDuplicate: number;
  /** Central rows with status DICABUT. */
  revoked: number;
  /** Walk-in rows by someone who is (or later becomes) a recipient. */
  walkinRecipient: number;
  /** Walk-in rows by someone who came before. */
  walkinRepeat: number;
  /**
   * Walk-in rows by a relative of a recipient who writes the recipient's NIK under their own name (half of
   * them sharing the recipient's last word, a family name): borrowed identities, listed in borrowed.csv.
   */
  walkinBorrowed: number;
  /** Walk-in rows without a phone number (the others give the visitor's one number, every visit). */
  walkinPhoneMissing: number;
  /** Multiplier on all NIK and name corruption rates in province.csv. */
  provinceFactor: number;
  /** Multiplier on all NIK and name corruption rates in walkin.csv (NIK missing excepted). */
  walkinFactor: number;
}

export const DEFAULT_RATES: Readonly<Rates> = Object.freeze({
  nikMistype: 0.01,
  nikSwap: 0.005,
  nikDrop: 0.003,
  nikScientific: 0.01,
  nikRounded15: 0.01,
  nikApostrophe: 0.03,
  nikSeparators: 0.02,
  walkinNikMissing: 0.3,
  nameCase: 0.05,
  nameSpaces: 0.03,
  nameTitle: 0.03,
  nameVariant: 0.3,
  nameOldSpelling: 0.05,
  nameSwap: 0.01,
  nameTypo: 0.02,
  nameDropWord: 0.03,
  nameJoin: 0.01,
  nameTitleTypo: 0.2,
  nameTitleForWord: 0.005,
  sameNikOtherName: 0.002,
  centralDuplicate: 0.01,
  revoked: 0.05,
  walkinRecipient: 0.35,
  walkinRepeat: 0.2,
  walkinBorrowed: 0.01,
  walkinPhoneMissing: 0.15,
  provinceFactor: 2,
  walkinFactor: 2,
});

export type NikCorruption =
  | 'missing'
  | 'mistype'
  | 'swap'
  | 'drop'
  | 'scientific'
  | 'rounded15'
  | 'apostrophe'
  | 'separators';

export type NameCorruption =
  | 'case'
  | 'spaces'
  | 'title'
  | 'variant'
  | 'oldSpelling'
  | 'swap'
  | 'typo'
  | 'dropWord'
  | 'join'
  | 'titleTypo'
  | 'titleForWord';

/** Counts of applied corruptions, filled in when passed to the corrupt functions. */
export type CorruptionStats = Partial<Record<NikCorruption | NameCorruption, number>>;

function count(stats: CorruptionStats | undefined, kind: NikCorruption | NameCorruption): void {
  if (stats) stats[kind] = (stats[kind] ?? 0) + 1;
}

function replaceDigit(rng: Rng, s: string): string {
  const i = rng.int(0, s.length - 1);
  const old = s.charCodeAt(i) - 48;
  const digit = (old + rng.int(1, 9)) % 10;
  return s.slice(0, i) + String(digit) + s.slice(i + 1);
}

function swapAdjacent(rng: Rng, s: string): string {
  const start = rng.int(0, s.length - 2);
  for (let k = 0; k < s.length - 1; k++) {
    const i = (start + k) % (s.length - 1);
    if (s[i] !== s[i + 1]) return s.slice(0, i) + (s[i + 1] ?? '') + (s[i] ?? '') + s.slice(i + 2);
  }
  return replaceDigit(rng, s); // all digits equal: cannot swap visibly
}

/** How Excel's General format shows a long number: 6 significant digits, trailing zeros dropped. */
export function excelScientific(digits: string, decimalComma: boolean): string {
  const [mantissa = '', exponent = ''] = Number(digits).toExponential(5).split('e');
  const trimmed = mantissa.replace(/\.?0+$/, '');
  const sign = exponent.startsWith('-') ? '-' : '+';
  const text = `${trimmed}E${sign}${exponent.replace(/^[+-]/, '')}`;
  return decimalComma ? text.replace('.', ',') : text;
}

/** Round a digit string to 15 significant digits the way Excel stores it: …0008 → …0010. */
export function excelRounded15(digits: string): string {
  if (digits.length <= 15) return digits;
  const scale = 10n ** BigInt(digits.length - 15);
  const rounded = ((BigInt(digits) + scale / 2n) / scale) * scale;
  return rounded.toString().padStart(digits.length, '0');
}

const SEPARATED: ReadonlyArray<(s: string) => string> = [
  (s) => `${s.slice(0, 2)}.${s.slice(2, 4)}.${s.slice(4, 6)}.${s.slice(6, 12)}.${s.slice(12)}`,
  (s) => `${s.slice(0, 6)} ${s.slice(6, 12)} ${s.slice(12)}`,
  (s) => `${s.slice(0, 4)} ${s.slice(4, 8)} ${s.slice(8, 12)} ${s.slice(12)}`,
  (s) => `${s.slice(0, 2)} ${s.slice(2, 4)} ${s.slice(4, 6)} ${s.slice(6, 12)} ${s.slice(12)}`,
];

/**
 * A NIK as it might be typed or exported: at most one digit error, then at most one Excel representation.
 *
 * @example
 * corruptNik(rng, '1271054508900001', DEFAULT_RATES); // usually unchanged; sometimes '1.27105E+15', …
 */
export function corruptNik(
  rng: Rng,
  nik: string,
  rates: Readonly<Rates>,
  factor = 1,
  missingRate = 0,
  stats?: CorruptionStats,
): string {
  if (missingRate > 0 && rng.next() < missingRate) {
    count(stats, 'missing');
    return '';
  }
  let s = nik;
  let u = rng.next();
  if (u < rates.nikMistype * factor) {
    s = replaceDigit(rng, s);
    count(stats, 'mistype');
  } else if ((u -= rates.nikMistype * factor) < rates.nikSwap * factor) {
    s = swapAdjacent(rng, s);
    count(stats, 'swap');
  } else if ((u -= rates.nikSwap * factor) < rates.nikDrop * factor) {
    const i = rng.int(0, s.length - 1);
    s = s.slice(0, i) + s.slice(i + 1);
    count(stats, 'drop');
  }
  u = rng.next();
  if (u < rates.nikScientific * factor) {
    count(stats, 'scientific');
    return excelScientific(s, rng.next() < 0.5);
  }
  if ((u -= rates.nikScientific * factor) < rates.nikRounded15 * factor) {
    count(stats, 'rounded15');
    return excelRounded15(s);
  }
  if ((u -= rates.nikRounded15 * factor) < rates.nikApostrophe * factor) {
    count(stats, 'apostrophe');
    return `'${s}`;
  }
  if ((u -= rates.nikApostrophe * factor) < rates.nikSeparators * factor) {
    count(stats, 'separators');
    return rng.pick(SEPARATED)(s);
  }
  return s;
}

const VARIANTS: Record<string, readonly string[]> = {
  MUHAMMAD: ['MUHAMAD', 'MOHAMMAD', 'MOHAMAD', 'MOH.', 'MUH.', 'MHD.', 'M.', 'MUHAMAD'],
  MOHAMMAD: ['MUHAMMAD', 'MOH.', 'M.'],
  MOH: ['MOH.', 'MOHAMMAD', 'MUHAMMAD'],
  ABDUL: ['ABD.', 'ABD', 'ABDOEL'],
  NUR: ['NOER', 'NUUR'],
  AHMAD: ['ACHMAD', 'AHMAT', 'AKHMAD'],
};

const VARIANT_WORD = new RegExp(`(^| )(${Object.keys(VARIANTS).join('|')})( |$)`);

const TITLES_BEFORE: Record<Sex, readonly string[]> = {
  L: ['H.', 'DR.', 'IR.', 'DRS.', 'H.'],
  P: ['HJ.', 'DR.', 'IR.', 'DRA.', 'HJ.'],
};
const TITLES_AFTER = ['S.Pd.', 'S.E.', 'S.H.', 'S.Kom.', 'A.Md.', 'M.M.', 'S.Pd.I', 'S.T.'];

/** Old spelling (Van Ophuijsen/Soewandi, before EYD 1972) of a modern upper-case name. */
export function oldSpelling(name: string): string {
  let out = '';
  for (let i = 0; i < name.length; i++) {
    const c = name[i] ?? '';
    if (c === 'U') out += 'OE';
    else if (c === 'J') out += 'DJ';
    // Only the consonant y was written j (SURYA → SOERJA); a vowel y, as in DEDY or RIZKY, is a modern
    // spelling with no older form.
    else if (c === 'Y' && /[AEIOU]/.test(name[i + 1] ?? '')) out += 'J';
    else if (c === 'C') out += 'TJ';
    else if (c === 'K' && name[i + 1] === 'H') {
      out += 'CH';
      i++;
    } else out += c;
  }
  return out;
}

const OLD_SPELLING_MARKS = /[UJC]|KH|Y[AEIOU]/;
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

function typo(rng: Rng, name: string): string {
  // Positions of letters only, so titles' dots and spaces stay put.
  const positions: number[] = [];
  for (let i = 0; i < name.length; i++) if (/[A-Z]/.test(name[i] ?? '')) positions.push(i);
  if (positions.length < 2) return name;
  const i = rng.pick(positions);
  const op = rng.int(0, 3);
  if (op === 0) {
    let letter = rng.pick([...LETTERS]);
    if (letter === name[i]) letter = letter === 'A' ? 'E' : 'A';
    return name.slice(0, i) + letter + name.slice(i + 1);
  }
  if (op === 1) return name.slice(0, i) + name.slice(i + 1);
  if (op === 2) return name.slice(0, i) + (name[i] ?? '') + name.slice(i);
  const j = i + 1;
  if (!/[A-Z]/.test(name[j] ?? '') || name[j] === name[i]) return name.slice(0, i) + name.slice(i + 1);
  return name.slice(0, i) + (name[j] ?? '') + (name[i] ?? '') + name.slice(j + 1);
}

function titleCase(s: string): string {
  return s.toLowerCase().replace(/(^|[\s.,'-])([a-z])/g, (_, sep: string, ch: string) => sep + ch.toUpperCase());
}

/**
 * A name as a clerk might have typed it.
 *
 * @example
 * corruptName(rng, 'MUHAMMAD RIZKI', 'L', DEFAULT_RATES); // 'MUHAMMAD RIZKI', 'M. RIZKI', 'Muhammad Rizki, S.E.', …
 */
export function corruptName(
  rng: Rng,
  name: string,
  sex: Sex,
  rates: Readonly<Rates>,
  factor = 1,
  stats?: CorruptionStats,
): string {
  let s = name;
  if (rng.next() < rates.nameVariant * factor && VARIANT_WORD.test(s)) {
    const tokens = s.split(' ');
    const at = tokens.findIndex((t) => VARIANTS[t] !== undefined);
    const choices = VARIANTS[tokens[at] ?? ''];
    if (choices) {
      tokens[at] = rng.pick(choices);
      s = tokens.join(' ');
      count(stats, 'variant');
    }
  }
  if (rng.next() < rates.nameOldSpelling * factor && OLD_SPELLING_MARKS.test(s)) {
    s = oldSpelling(s);
    count(stats, 'oldSpelling');
  }
  if (rng.next() < rates.nameTypo * factor) {
    s = typo(rng, s);
    count(stats, 'typo');
  }
  if (rng.next() < rates.nameDropWord * factor) {
    const tokens = s.split(' ');
    if (tokens.length >= 3) {
      tokens.splice(rng.int(1, tokens.length - 2), 1);
      s = tokens.join(' ');
      count(stats, 'dropWord');
    }
  }
  if (rng.next() < rates.nameJoin * factor) {
    const tokens = s.split(' ');
    if (tokens.length >= 2) {
      const at = rng.int(0, tokens.length - 2);
      tokens.splice(at, 2, `${tokens[at] ?? ''}${tokens[at + 1] ?? ''}`);
      s = tokens.join(' ');
      count(stats, 'join');
    }
  }
  if (rng.next() < rates.nameSwap * factor) {
    const tokens = s.split(' ');
    if (tokens.length >= 2) {
      const last = tokens.pop() ?? '';
      s = [last, ...tokens].join(' ');
      count(stats, 'swap');
    }
  }
  if (rng.next() < rates.nameTitleForWord * factor && s.includes(' ')) {
    s = `${rng.pick(TITLES_BEFORE[sex])} ${s.slice(s.indexOf(' ') + 1)}`;
    count(stats, 'titleForWord');
  } else if (rng.next() < rates.nameTitle * factor) {
    const before = rng.next() < 0.5;
    let title = before ? rng.pick(TITLES_BEFORE[sex]) : rng.pick(TITLES_AFTER);
    const mistyped = rng.next() < rates.nameTitleTypo ? typo(rng, title.toUpperCase()) : title;
    count(stats, mistyped.toUpperCase() === title.toUpperCase() ? 'title' : 'titleTypo');
    title = mistyped;
    s = before ? `${title} ${s}` : `${s}${rng.next() < 0.7 ? ',' : ''} ${title}`;
  }
  if (rng.next() < rates.nameSpaces * factor) {
    const k = rng.int(s.includes(' ') ? 0 : 1, 2);
    s = k === 0 ? s.replace(' ', '  ') : k === 1 ? ` ${s}` : `${s} `;
    count(stats, 'spaces');
  }
  if (rng.next() < rates.nameCase * factor) {
    s = rng.next() < 0.4 ? s.toLowerCase() : titleCase(s);
    count(stats, 'case');
  }
  return s;
}
