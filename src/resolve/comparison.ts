/**
 * Comparison: two records → one level per compared field. Pure: values in, levels out. Scoring turns the
 * levels into match weights (scoring.ts); blocking decided which pairs get here (blocking.ts).
 *
 * The NIK is not compared as an opaque string: a NIK one keystroke away from another (a digit mistyped, two
 * adjacent digits swapped, a digit dropped) is strong evidence of one person when the names agree, and an
 * Excel-damaged NIK still says something through its trustworthy leading digits — or, shown in scientific
 * notation, through the range of NIKs its display can have been rounded from.
 */
import { isInitialCompatible, isMisspeltVariant, phoneticToken, type NormalName } from '../normalise/names.js';
import { excelRange, inRange, type NikRange } from '../normalise/nik.js';
import { editDistanceAtMost, jaroWinkler, tokenPairing } from '../normalise/similarity.js';

/** What the resolver knows of one record: the stored columns it compares, nothing else. */
export interface ResolveRecord {
  id: number;
  source: 'central' | 'province' | 'walkin';
  /** Canonical NIK when valid. */
  nik: string | null;
  /**
   * All the digits of a NIK that is not valid but is only digits (a mistyped region or date, a dropped
   * digit): still comparable digit by digit. Null when valid, missing or damaged.
   */
  nikDigits: string | null;
  /** Trustworthy leading digits of a damaged NIK (Excel rounding, scientific notation). */
  nikHint: string | null;
  /**
   * Every NIK a scientific-notation display can stand for (see `scientificRange`): sharper than its hint.
   * Null for anything else.
   */
  nikRange: NikRange | null;
  nameKey: string;
  namePhonetic: string;
  wave: number | null;
  phone: string | null;
  birthDate: string | null;
  sex: 'M' | 'F' | null;
  /** A guest-book row's visit purpose, normalised by `normalisePurpose`; null for list rows. */
  purpose: string | null;
  /**
   * A guest-book row whose name is one word written after a title (`H. Rosyid`): whose the title says it is
   * (`M`, `F`, `any`: frontTitleSex). Null or absent for every other row.
   */
  titled?: 'M' | 'F' | 'any' | null;
  /** A provincial row whose valid NIK no central row holds (scoring.ts `unlistedCopy`). */
  unlisted?: boolean;
}

export type NikLevel =
  | 'exact'
  | 'one_edit'
  | 'one_edit_serial'
  | 'one_edit_impossible'
  | 'rounded'
  | 'damaged_long'
  | 'damaged_short'
  | 'facts_agree'
  | 'missing'
  | 'different';

/**
 * `contained`: the words of one name are all, in order, words of the other (`namesContained`): a middle name
 * left out, a mistyped title left in, two words joined. Only looked for beside NIK evidence (compareRecords).
 */
export type NameLevel = 'exact' | 'reordered' | 'jw95' | 'jw88' | 'initials' | 'phonetic' | 'contained' | 'different';

export type PhoneLevel = 'exact' | 'missing' | 'different';

export type WaveLevel = 'same' | 'different' | 'missing';

export interface Levels {
  nik: NikLevel;
  name: NameLevel;
  phone: PhoneLevel;
  /** Absent in links stored before waves were compared, and in the deterministic pass. */
  wave?: WaveLevel;
  /** A guest-book row against a list row: the purpose the guest book gives for the visit (see scoring.ts). */
  purpose?: string;
}

/** The NIK evidence of a record as one digit string, when it has all its digits. */
export function fullDigits(r: Pick<ResolveRecord, 'nik' | 'nikDigits'>): string | null {
  return r.nik ?? r.nikDigits;
}

/**
 * How far apart two digit strings (or name keys) are, up to one edit: 0 equal, 1 when one substitution, one
 * adjacent transposition or one dropped digit turns one into the other, 2 for anything further. O(length),
 * no allocation: it runs on millions of candidate pairs.
 *
 * @example nikEditDistance('1271015001900003', '1271015001900030') // 1 (adjacent swap)
 */
export function nikEditDistance(a: string, b: string): 0 | 1 | 2 {
  if (a === b) return 0;
  const la = a.length;
  const lb = b.length;
  if (la === lb) {
    let first = -1;
    let diffs = 0;
    for (let i = 0; i < la; i++) {
      if (a.charCodeAt(i) !== b.charCodeAt(i)) {
        if (diffs === 0) first = i;
        diffs++;
        if (diffs > 2) return 2;
      }
    }
    if (diffs === 1) return 1;
    // Two differences: a transposition only when adjacent and crossed.
    // With exactly two differences, crossed neighbours can only be the two differing positions.
    return first + 1 < la && a[first] === b[first + 1] && a[first + 1] === b[first] ? 1 : 2;
  }
  if (Math.abs(la - lb) !== 1) return 2;
  const [long, short] = la > lb ? [a, b] : [b, a];
  let i = 0;
  while (i < short.length && long.charCodeAt(i) === short.charCodeAt(i)) i++;
  // Skip one digit of the longer string; the rest must agree.
  for (let j = i; j < short.length; j++) if (long.charCodeAt(j + 1) !== short.charCodeAt(j)) return 2;
  return 1;
}

/**
 * Whether `rounded` (ending in 0) is what a spreadsheet's 15-significant-digit copy of `nik` can look like:
 * rounded half-up (…0008 → …0010, …0003 → …0000, with carries: …4395 → …4400) or truncated (…0008 →
 * …0000). The same range (`excelRange`) as a damaged record's, so both paths agree.
 *
 * @example roundsTo('1271015001900008', '1271015001900010') // true
 */
export function roundsTo(nik: string, rounded: string): boolean {
  if (nik.length !== 16 || !rounded.endsWith('0') || nik.endsWith('0')) return false;
  const range = excelRange(rounded);
  return range !== null && inRange(nik, range);
}

/**
 * Whether two valid NIKs can belong to one person: equal, one keystroke apart, or one Excel's rounding of
 * the other. Anything further is two people, since a NIK is unique.
 */
export function niksCompatible(a: string, b: string): boolean {
  return nikEditDistance(a, b) <= 1 || roundsTo(a, b) || roundsTo(b, a);
}

/**
 * Whether `cut`, whose serial reads 0000 (no NIK has it), is `nik` with its last digit cut by a spreadsheet
 * (…0001 kept to 15 digits) and one keystroke besides: its first 15 digits one edit from the NIK's. On the
 * 20k accuracy set 279 list rows read so; a region digit or a swap on top of the cut (1671082405880000 for
 * 1271082405880001) left them "different", under the same name and wave.
 */
function cutOneEdit(cut: string, nik: string): boolean {
  if (cut.length !== 16 || nik.length !== 16 || nik.charCodeAt(15) === 48) return false;
  for (let i = 12; i < 16; i++) if (cut.charCodeAt(i) !== 48) return false;
  return nikEditDistance(cut.slice(0, 15), nik.slice(0, 15)) === 1;
}

/** Leading digits of a damaged NIK that are certain: Excel's 15th digit may carry, so at most 14 are used. */
function trustedHint(hint: string): string {
  return hint.length > 14 ? hint.slice(0, 14) : hint;
}

/**
 * The NIK comparison level.
 *
 * @example compareNik(a, b) // 'one_edit' when b has a digit mistyped
 */
export function compareNik(l: ResolveRecord, r: ResolveRecord): NikLevel {
  const dl = fullDigits(l);
  const dr = fullDigits(r);
  if (dl !== null && dr !== null) {
    const d = nikEditDistance(dl, dr);
    if (d === 0) return 'exact';
    // Excel's rounding to 15 significant digits is checked before one edit: …0003 → …0000 is both, and
    // rounding is the likelier story (and a stronger one: only ten NIKs round to a given value).
    if (roundsTo(dl, dr) || roundsTo(dr, dl)) return 'rounded';
    // A NIK that cannot exist (a digit dropped, a date or region no NIK has) is someone's typo, and the NIK
    // one keystroke from it is nearly always whose: strangers' NIKs are seldom typed so.
    if (d === 1) return l.nik === null || r.nik === null ? 'one_edit_impossible' : birthOrRegionReplaced(dl, dr) ? 'one_edit' : 'one_edit_serial';
    // A cut and a keystroke at once: two corruptions, weighed as the weakest keystroke.
    if (d === 2 && (cutOneEdit(dl, dr) || cutOneEdit(dr, dl))) return 'one_edit';
    return 'different';
  }
  // A damaged NIK that still says which NIKs it can stand for (a scientific-notation display, a spreadsheet's
  // 15-digit copy) against a whole NIK: the NIK is one of them or not, whatever a carry did to the digits.
  if (l.nikRange !== null && dr !== null && dr.length === 16) return rangeLevel(l.nikRange, l.nikHint, dr);
  if (r.nikRange !== null && dl !== null && dl.length === 16) return rangeLevel(r.nikRange, r.nikHint, dl);
  // Two such copies (the XLSX and the CSV made from it): they can be one NIK when their ranges meet.
  if (l.nikRange !== null && r.nikRange !== null) {
    if (l.nikRange.high < r.nikRange.low || r.nikRange.high < l.nikRange.low) return 'different';
    return Math.min(l.nikHint?.length ?? 0, r.nikHint?.length ?? 0) >= 12 ? 'damaged_long' : 'damaged_short';
  }
  const hl = l.nikHint === null ? null : trustedHint(l.nikHint);
  const hr = r.nikHint === null ? null : trustedHint(r.nikHint);
  if (hl !== null && hl.length > 0 && (dr !== null || hr !== null)) return hintLevel(hl, dr ?? hr ?? '');
  if (hr !== null && hr.length > 0 && dl !== null) return hintLevel(hr, dl);
  // A damaged NIK with no digits left may still carry the birth date and sex.
  if (l.birthDate !== null && r.birthDate !== null && l.sex !== null && r.sex !== null) {
    return l.birthDate === r.birthDate && l.sex === r.sex ? 'facts_agree' : 'different';
  }
  return 'missing';
}

/**
 * Whether two valid NIKs one keystroke apart differ in one digit of the region or the birth date (the first
 * twelve): the NIK of someone born a day or a kecamatan away, as often as a typo. Two digits swapped, or a
 * serial digit replaced, seldom lands on another person's NIK: serials of one date and kecamatan are few.
 */
function birthOrRegionReplaced(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let at = -1;
  for (let i = 0; i < a.length; i++) {
    if (a.charCodeAt(i) === b.charCodeAt(i)) continue;
    if (at >= 0) return false;
    at = i;
  }
  return at >= 0 && at < 12;
}

/** Different unless `nik` is in the range; then as strong as the copy's trusted digits (hintLevel). */
function rangeLevel(range: NikRange, hint: string | null, nik: string): NikLevel {
  if (nik < range.low || nik > range.high) return 'different';
  return (hint?.length ?? 0) >= 12 ? 'damaged_long' : 'damaged_short';
}

function hintLevel(hint: string, other: string): NikLevel {
  const n = Math.min(hint.length, other.length);
  if (n === 0) return 'missing';
  if (hint.slice(0, n) !== other.slice(0, n)) return 'different';
  // 12 digits fix region and birth date; fewer (a scientific-notation mantissa) only the region.
  return n >= 12 ? 'damaged_long' : 'damaged_short';
}

const tokensOf = (key: string): string[] => (key === '' ? [] : key.split(' '));

/**
 * Longest comparison key still compared as a name. Nobody's name is this long; a longer cell is something
 * pasted into the name column (a paragraph, a whole column), and comparing it letter by letter cost seconds a
 * pair (a 4 MB cell under a NIK shared by a few dozen rows made one resolve take 30 s). Such a key agrees only
 * with itself.
 */
export const MAX_NAME_KEY = 200;

function isNotAName(key: string): boolean {
  return key.length > MAX_NAME_KEY;
}

/** Whether a comparison key has a word of one letter (an initial). */
function hasInitial(key: string): boolean {
  for (let i = 0; i < key.length; i++) {
    if (key.charCodeAt(i) !== 32 && (i === 0 || key.charCodeAt(i - 1) === 32) && (i + 1 === key.length || key.charCodeAt(i + 1) === 32)) return true;
  }
  return false;
}

/** A NormalName-shaped view of a stored comparison key; a one-letter token is an initial. */
function nameOfKey(key: string): NormalName {
  const tokens = tokensOf(key);
  return { display: key, key, tokens, initials: tokens.map((t) => t.length === 1), phonetic: '', titles: [] };
}

/** The comparison key with its tokens sorted: the same for `SITI AMINAH` and `AMINAH SITI`. */
export function sortedKey(key: string): string {
  return tokensOf(key).sort().join(' ');
}

/**
 * The name comparison level, on comparison keys (titles gone, variants and old spelling folded).
 *
 * @example compareName('MUHAMMAD RIZKI', 'MUHAMMAD RIZKY', 'MUHAMAT RISKI', 'MUHAMAT RISKI') // 'jw95'
 */
export function compareName(keyL: string, keyR: string, phoneticL: string, phoneticR: string): NameLevel {
  if (keyL === keyR) return keyL === '' ? 'different' : 'exact';
  if (isNotAName(keyL) || isNotAName(keyR)) return 'different';
  // Sorting the words keeps a key's length: keys of two lengths are not reordered (most pairs, asked cheaply).
  if (keyL.length === keyR.length && sortedKey(keyL) === sortedKey(keyR)) return 'reordered';
  const jw = jaroWinkler(keyL, keyR);
  if (jw >= 0.95) return 'jw95';
  // One letter wrong, missing, doubled or swapped is as close a spelling as jw95 holds elsewhere, but
  // Jaro's greedy matching under-scores it near the start of a name (DNIEL / DANIEL SARAGIH: 0.87). Six
  // letters at least: in shorter names one letter is as often another name (DEWI / DEDI).
  if (Math.min(keyL.length, keyR.length) >= 6 && nikEditDistance(keyL, keyR) === 1) return 'jw95';
  // Unequal names are initial-compatible only through a one-letter word on one side.
  if ((hasInitial(keyL) || hasInitial(keyR)) && isInitialCompatible(nameOfKey(keyL), nameOfKey(keyR))) return 'initials';
  if (jw >= 0.88) return 'jw88';
  if (phoneticL !== '' && phoneticL === phoneticR) return 'phonetic';
  return 'different';
}

export function comparePhone(l: string | null, r: string | null): PhoneLevel {
  if (l === null || r === null || l.length < 8 || r.length < 8) return 'missing';
  return l === r ? 'exact' : 'different';
}

/**
 * The wave of a row of the central list against a row of the provincial one: the province copies the
 * recipient's wave, so the same person almost always shows the same wave in both (26,762 of 26,775 pairs
 * joined by exact NIK in a generated 100k list), while two people share one as often as the wave is
 * common. Within one list a person listed twice is listed in two waves, so there the wave says nothing.
 *
 * @example compareWave({ source: 'central', wave: 3 }, { source: 'province', wave: 3 }) // 'same'
 */
export function compareWave(l: Pick<ResolveRecord, 'source' | 'wave'>, r: Pick<ResolveRecord, 'source' | 'wave'>): WaveLevel {
  // A guest-book row's wave, if any, is only the `--wave` given to its import: no evidence.
  if (l.wave === null || r.wave === null || l.source === r.source || l.source === 'walkin' || r.source === 'walkin') return 'missing';
  return l.wave === r.wave ? 'same' : 'different';
}

/**
 * A visit purpose as one comparable text: case, spacing and punctuation do not matter.
 * @example normalisePurpose(' Pencairan  Insentif. ') // 'pencairan insentif'
 */
export function normalisePurpose(text: string | null): string | null {
  if (text === null) return null;
  const key = text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return key === '' ? null : key;
}

/**
 * The guest-book purpose that bears on a pair: only a walk-in row against a row of the central or provincial
 * list, where it says how likely the visitor is to be a listed recipient at all.
 */
export function visitPurpose(l: Pick<ResolveRecord, 'source' | 'purpose'>, r: Pick<ResolveRecord, 'source' | 'purpose'>): string | undefined {
  if (l.source === 'walkin' && r.source !== 'walkin') return l.purpose ?? undefined;
  if (r.source === 'walkin' && l.source !== 'walkin') return r.purpose ?? undefined;
  return undefined;
}

/**
 * NIK levels that leave few candidates: the whole NIK, or all but Excel's last digits. Not one keystroke:
 * serials of one birth date and kecamatan are consecutive, so one-edit neighbours are many strangers.
 */
const NIK_CLOSE: ReadonlySet<NikLevel> = new Set(['exact', 'rounded', 'damaged_long']);

export interface CompareOptions {
  /**
   * Stop at null when the cheap levels already rule a match out: a different NIK with no phone agreeing
   * cannot reach the threshold, and skipping the name comparison, which is most of the cost, matters since
   * most candidate pairs are neighbours by birth date and serial, not one person.
   */
  skipHopeless?: boolean;
}

/**
 * All levels of a pair: NIK, name, phone, wave and, for a guest-book row against a list row, the visit
 * purpose. The one comparison of two records: the deterministic pass and prediction both use it.
 *
 * @example compareRecords(central, walkin) // { nik: 'one_edit', name: 'exact', phone: 'missing', wave: 'missing', purpose: 'pencairan insentif' }
 */
export function compareRecords(l: ResolveRecord, r: ResolveRecord): Levels;
export function compareRecords(l: ResolveRecord, r: ResolveRecord, options: CompareOptions): Levels | null;
export function compareRecords(l: ResolveRecord, r: ResolveRecord, options: CompareOptions = {}): Levels | null {
  const nik = compareNik(l, r);
  const phone = comparePhone(l.phone, r.phone);
  if (options.skipHopeless === true && nik === 'different' && phone !== 'exact') return null;
  let name = compareName(l.nameKey, r.nameKey, l.namePhonetic, r.namePhonetic);
  // Whether one name's words lie within the other's is asked only beside NIKs that agree in all but Excel's
  // last digits, or the same phone number: those pairs are few (one keystroke, a damaged NIK's six digits or
  // the birth facts agree for whole blocks of strangers, and asking there doubled the CPU time of a 420k
  // resolve), and between names alone a shared word or two is weak evidence (SITI within SITI AMINAH).
  const wave = compareWave(l, r);
  // Between the central list and its provincial copy of one wave, a NIK one keystroke from a NIK that cannot
  // exist (a region or date no NIK has, a digit dropped) is close too: the mistyped one is nobody's, and the
  // wave leaves few neighbours. There a spelling within the other (GITA SITEPU / GITA MARIA SITEPU, jw88) is
  // asked whether it is `contained`, the stronger evidence. Not between two valid NIKs: at 100k that merged
  // RIZKY PUTRA and RIZKY PUTRA WIBOWO, two recipients a region digit apart, each with their own copy.
  const copyClose = nik === 'one_edit_impossible' && wave === 'same';
  if ((name === 'different' || (name === 'jw88' && copyClose)) && (NIK_CLOSE.has(nik) || phone === 'exact' || copyClose)) {
    const within = nameWithin(l.nameKey, r.nameKey);
    // One word of the name alone (SIMAMORA / YANTI SIMAMORA) is the holder between the central list and its
    // provincial copy of the same wave, as under one NIK (deterministic.ts): here beside an Excel rounding
    // or a damaged NIK's twelve digits. On the 20k accuracy set 4 such pairs, all one person.
    if (within === 'words' || (within === 'one word' && wave === 'same' && NIK_CLOSE.has(nik))) name = 'contained';
  }
  const levels: Levels = { nik, name, phone, wave };
  const purpose = visitPurpose(l, r);
  if (purpose !== undefined) levels.purpose = purpose;
  return levels;
}

/**
 * Whether two names under one valid NIK can be one person: anything from exact to initial-compatible, or
 * a close spelling. A NIK shared by incompatible names is a conflict (a typo in someone else's NIK, or a
 * borrowed identity), reported and never merged.
 */
export function namesCompatible(level: NameLevel, keyL: string, keyR: string): boolean {
  if (level === 'exact' || level === 'reordered' || level === 'initials') return true;
  if (isNotAName(keyL) || isNotAName(keyR)) return false;
  // A close spelling of the whole name must also be close word by word: Jaro-Winkler rewards a long shared
  // start, so MUHAMMAD RIZKI / MUHAMMAD FAUZI scores 0.90 — one NIK under two people's names, a conflict.
  if (level !== 'different' && wordsAgree(tokensOf(keyL), tokensOf(keyR))) return true;
  // Under one NIK, a name spelt quite differently but sharing its tokens (ATJHMAD RAMADHAN / AHMAT
  // RAMADHAN) is still the holder; another person's name rarely scores this high (SITI AMINAH / SITI
  // RAHAYU: 0.75) — unless most words agree and one is another name (MUHAMMAD RIZKI RAMADHAN / MUHAMMAD
  // FAUZI RAMADHAN: 0.87, but RIZKI / FAUZI 0.60), so every paired word must be close too.
  const pairing = tokenPairing({ tokens: tokensOf(keyL) }, { tokens: tokensOf(keyR) });
  if (pairing.similarity >= 0.85 && pairing.weakest >= 0.8) return true;
  // One letter wrong, missing, doubled or swapped is a typo of the holder's name. Jaro-Winkler forgives
  // that in a long name (jw88) but not in a short one (SRI / SI: 0.82); at least two letters must agree.
  if (Math.max(keyL.length, keyR.length) >= 3 && editDistanceAtMost(keyL, keyR, 1)) return true;
  return oneTokenMisspelt(tokensOf(keyL), tokensOf(keyR));
}

/**
 * Whether every word of the shorter name is, in order, a word of the longer one (or a typo, sound-alike,
 * variant or initial of it), however many words the longer has besides; a word may also stand for two
 * neighbouring words of the other written as one (IBUNOSINAGA / IBUN SINAGA). At least one whole word must
 * agree, not initials alone. This is how the holder's own name looks when written differently (RATNA SINAGA
 * for RATNA INDIRA SINAGA, IR. SARAGIH for RIZKI SARAGIH, FAUZI RENDRA S AD with a title mistyped), and not
 * how a relative's does: a relative shares the family name or a first name (JABAL / RATNA SINAGA, MUHAMMAD
 * RIZKI / MUHAMMAD FAUZI) but has a word of their own.
 *
 * @example namesContained('RATNA SINAGA', 'RATNA INDIRA SINAGA') // true
 */
export function namesContained(keyL: string, keyR: string): boolean {
  return nameWithin(keyL, keyR) === 'words';
}

/**
 * `words` when one name lies within the other (namesContained); `one word` when one is a single word of the
 * other's: a family name alone (IR. SARAGIH / RIZKI SARAGHI, HJ. WULANDARI / EKO RUDI WULANDARI) or a given
 * name alone (TANTRI / TANRTI SIREGAR, ENDANG / ENDANG INDRAWATI) is the holder with a title in place of a
 * word as often as a relative sharing that word (on the generator's issue-12 variant, 100k, two borrowed
 * rows were merged that way), so it is neither one person nor a conflict but for a person to decide; null
 * otherwise.
 */
export function nameWithin(keyL: string, keyR: string): 'words' | 'one word' | null {
  if (isNotAName(keyL) || isNotAName(keyR)) return null;
  const l = tokensOf(keyL).filter(isNameWord);
  const r = tokensOf(keyR).filter(isNameWord);
  const [short, long] = l.length <= r.length ? [l, r] : [r, l];
  if ((l.length <= r.length && containedTurned(l, r)) || (r.length <= l.length && containedTurned(r, l))) return 'words';
  const word = short[0];
  const within = (w: string): boolean =>
    word !== undefined && (wordAgrees(word, w) || (word.length >= 3 && w.length >= word.length + 3 && (w.startsWith(word) || w.endsWith(word))));
  return short.length === 1 && long.length >= 2 && long.some(within) ? 'one word' : null;
}

/**
 * Whether two names of as many words differ in one word only, and the two words are each a name in their own
 * right (`isName`: borne by many in the list) that neither sounds like the other, nor is the other in the old
 * spelling of Y, nor the other with its first letter dropped: DWI NINGSIH / DEWI NINGSIH, KRISNA RAMADHAN /
 * RISKA RAMADHAN. Under one NIK that is a relative with the family name as often as the holder with a typo
 * (on the issue-12 variant at 100k, 2 of 6 such pairs once YOGA / JOGA, HADI / ADI and the like are left
 * out), so it is for review, not a merge.
 *
 * @example otherGivenName('DWI NINGSIH', 'DEWI NINGSIH', () => true) // true
 */
export function otherGivenName(keyL: string, keyR: string, isName: (word: string) => boolean): boolean {
  const differ = oneTokenDiffers(tokensOf(keyL), tokensOf(keyR));
  if (differ === null) return false;
  const [a, b] = differ;
  if (!isName(a) || !isName(b)) return false;
  if (phoneticToken(a) === phoneticToken(b) || oldY(a) === oldY(b)) return false;
  return a.slice(1) !== b && b.slice(1) !== a;
}

/**
 * Left out before looking for one name within the other: what is left of a mistyped title (S KKM, A MDD,
 * S PD II) — a piece of two letters or fewer, or without a vowel. No name word looks so.
 */
function isNameWord(token: string): boolean {
  return token.length > 2 && /[AEIOUY]/.test(token);
}

/**
 * In order, or with a family name written first (SINAGA RATNA): either name turned, either way, once. A name
 * of one word lies within another only as two of its words written as one (IKHSANFADLII / FADLI IKHSAN): one
 * word of it alone is as much a relative's name as the holder's (nameWithin's `one word`).
 */
function containedTurned(short: readonly string[], long: readonly string[]): boolean {
  if (short.length === 1) {
    const word = short[0] ?? '';
    // The same one word once a mistyped title is left out (SRINATUN, A.T. / SRINATUN).
    if (long.length === 1) return wordAgrees(word, long[0] ?? '');
    return word.length >= 6 && long.some((a, x) => long.some((b, y) => x !== y && joins(word, a, b)));
  }
  const turns = (t: readonly string[]): (readonly string[])[] =>
    t.length < 2 ? [] : [[...t.slice(1), t[0] ?? ''], [t[t.length - 1] ?? '', ...t.slice(0, -1)]];
  return containedInOrder(short, long) || turns(short).some((s) => containedInOrder(s, long)) || turns(long).some((t) => containedInOrder(short, t));
}

function containedInOrder(short: readonly string[], long: readonly string[]): boolean {
  if (short.length === 0 || long.length > 12) return false;
  // reach[i][j]: the first i words of `short` are placed within the first j of `long`, and whether a whole
  // word agreed on the way (bit 2) — a small table, names have few words.
  const width = long.length + 1;
  const reach = new Uint8Array((short.length + 1) * width);
  reach[0] = 1;
  for (let i = 0; i <= short.length; i++) {
    for (let j = 0; j <= long.length; j++) {
      const here = reach[i * width + j] ?? 0;
      if (here === 0) continue;
      const mark = (ii: number, jj: number, whole: boolean): void => {
        const at = ii * width + jj;
        reach[at] = (reach[at] ?? 0) | 1 | (whole || (here & 2) !== 0 ? 2 : 0);
      };
      if (j < long.length) mark(i, j + 1, false); // a word of the longer name left out of the shorter
      const word = short[i];
      if (word === undefined) continue;
      const next = long[j];
      if (next === undefined) continue;
      if (wordAgrees(word, next)) mark(i + 1, j + 1, word.length >= 3 && next.length >= 3);
      // ... or the other's word is this one joined to a word this name leaves out (MARIAPANJAITAN).
      else if (word.length >= 3 && next.length >= word.length + 3 && (next.startsWith(word) || next.endsWith(word))) mark(i + 1, j + 1, true);
      // This word is two of the other's written as one, maybe with a word between them left out
      // (WIDYASIREGAR / WIDYA QOMARIAH SIREGAR), or the other way round.
      if (word.length >= 6) for (let k = j + 1; k < long.length; k++) if (joins(word, next, long[k] ?? '')) mark(i + 1, k + 1, true);
      const after = short[i + 1];
      if (after !== undefined && next.length >= 6 && joins(next, word, after)) mark(i + 2, j + 1, true);
    }
  }
  return ((reach[short.length * width + long.length] ?? 0) & 2) !== 0;
}

/**
 * Whether `word` is `a` and `b` written as one, with a typo or old spelling in it: the whole within one edit
 * or one sound of `a + b`, or cut in two, each part agreeing with its word (ABDMATONDANG: ABD, MATONDANG;
 * MANGATASGOELTOM: MANGATAS, GOELTOM).
 */
function joins(word: string, a: string, b: string): boolean {
  return JOINS.get(word, `${a}\u0000${b}`, () => joinsUncached(word, a, b));
}

function joinsUncached(word: string, a: string, b: string): boolean {
  const joined = a + b;
  if (editDistanceAtMost(word, joined, 1) || phoneticToken(word) === phoneticToken(joined)) return true;
  if (Math.abs(word.length - joined.length) > 3) return false;
  for (let cut = 3; cut <= word.length - 3; cut++) if (wordAgrees(word.slice(0, cut), a) && wordAgrees(word.slice(cut), b)) return true;
  return false;
}

/**
 * Word by word, in order, each word of the shorter name is a word of the longer one or a typo, sound-alike,
 * misspelt variant or initial of it; the longer name may have one word more (a second name left out).
 */
function wordsAgree(l: readonly string[], r: readonly string[]): boolean {
  const [short, long] = l.length <= r.length ? [l, r] : [r, l];
  if (short.length === 0 || long.length - short.length > 1) return false;
  let spare = long.length - short.length;
  let j = 0;
  for (const word of short) {
    while (j < long.length && !wordAgrees(word, long[j] ?? '')) {
      if (spare-- === 0) return false;
      j++;
    }
    if (j === long.length) return false;
    j++;
  }
  return true;
}

/**
 * Answers of a pure function of a few words, kept: a resolve asks `wordAgrees` and `joins` of the same few
 * thousand words millions of times (at 5.5 M records, 70 s of the 82 s spent comparing, most of it the
 * phonetic codes and edit distances of words already compared). Cleared when full, to bound memory.
 */
class WordMemo {
  /** By the first part of the question, then the rest: no joined string made (and hashed) a question. */
  private readonly answers = new Map<string, Map<string, boolean>>();
  private held = 0;
  constructor(private readonly size: number) {}

  get(first: string, rest: string, compute: () => boolean): boolean {
    let byRest = this.answers.get(first);
    let answer = byRest?.get(rest);
    if (answer === undefined) {
      if (this.held >= this.size) {
        this.answers.clear();
        this.held = 0;
        byRest = undefined;
      }
      answer = compute();
      if (byRest === undefined) {
        byRest = new Map();
        this.answers.set(first, byRest);
      }
      byRest.set(rest, answer);
      this.held++;
    }
    return answer;
  }
}

const AGREES = new WordMemo(100_000);
const JOINS = new WordMemo(50_000);

/** Symmetric: each pair of words is kept once, in sorted order. */
function wordAgrees(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length === 1 || b.length === 1) return a[0] === b[0];
  return a < b ? AGREES.get(a, b, () => wordAgreesUncached(a, b)) : AGREES.get(b, a, () => wordAgreesUncached(a, b));
}

function wordAgreesUncached(a: string, b: string): boolean {
  return (
    (Math.max(a.length, b.length) >= 3 && editDistanceAtMost(a, b, 1)) ||
    phoneticToken(a) === phoneticToken(b) ||
    misspeltVariantEitherWay(a, b) ||
    (Math.min(a.length, b.length) >= 4 && editDistanceAtMost(oldY(a), oldY(b), 1))
  );
}

/**
 * A word with the one ambiguity of the old spelling undone: it wrote Y as J, so its TJ is T + Y or C and its
 * DJ is D + Y or J. The name folding picks one reading (TJ inside a word as TY: ADITJA → ADITYA; DJ as J),
 * which leaves the other wrong (SOETJIPTO → SUTYIPTO for SUCIPTO, WIDJA → WIJA for WIDYA). Both words are
 * brought to one form here: TY and C alike, DY, Y and J alike. On the generator's issue-12 variant (Surabaya's
 * names) most conflicts that were one person were these before the folding read TJ as TY.
 */
function oldY(word: string): string {
  return word.replaceAll('TY', 'C').replaceAll('DY', 'J').replaceAll('Y', 'J');
}

/** Either word is a typo of a spelling that folds to the other (MOHH / MUHAMMAD). */
function misspeltVariantEitherWay(a: string, b: string): boolean {
  return isMisspeltVariant(a, b) || isMisspeltVariant(b, a);
}

/** The two words where two names of two or more words, equal elsewhere, differ in one (both 2+ letters); else null. */
function oneTokenDiffers(l: readonly string[], r: readonly string[]): [string, string] | null {
  if (l.length !== r.length || l.length < 2) return null;
  let at = -1;
  for (let i = 0; i < l.length; i++) {
    if (l[i] === r[i]) continue;
    if (at >= 0) return null;
    at = i;
  }
  const a = l[at] ?? '';
  const b = r[at] ?? '';
  return a.length < 2 || b.length < 2 ? null : [a, b];
}

/**
 * The same tokens in the same order but one, and that one a typo of the other's spelling: of a variant that
 * folds to it (MOHH RIZKI / MUHAMMAD RIZKI, AZD FAUZI / ABDUL FAUZI), or sounding one letter apart (HMAT /
 * AKHMAD). The typo kept the token from folding, and the rest of the name still agrees in full.
 */
function oneTokenMisspelt(l: readonly string[], r: readonly string[]): boolean {
  const differ = oneTokenDiffers(l, r);
  if (differ === null) return false;
  const [a, b] = differ;
  return misspeltVariantEitherWay(a, b) || editDistanceAtMost(phoneticToken(a), phoneticToken(b), 1);
}
