/**
 * Indonesian personal names as they arrive in recipient lists and guest books, turned into a readable display
 * form, a comparison key and a phonetic blocking key. Pure and total: it never throws, whatever the string.
 *
 * The steps, in order:
 * 1. Lex into pieces: runs of letters (with `'` and `-` inside), ended by a dot, comma or other separator.
 *    A dot ends a piece, so `Drs.H.Ahmad` and `M.RIZKI` split like their spaced forms.
 * 2. Strip titles from the front (H., Hj., Dr., Ir., …) and degrees from the back (S.Pd., A.Md., M.M., …),
 *    never in the middle and never the last name piece (see {@link TITLES}).
 * 3. Key each remaining piece: accents off, upper-case A–Z, apostrophes out, hyphens as spaces; then fold
 *    variants (Muhammad, Abdul, Nur, Siti) and old spelling (Van Ophuijsen/Soewandi) token by token.
 * 4. Phonetic code per key token (see {@link phoneticToken}).
 */
import { editDistanceAtMost } from './similarity.js';

export interface NormalName {
  /** Trimmed, single spaces, Title Case, titles in their tidy written form: `H. Ahmad Dahlan, S.Pd.`. */
  display: string;
  /** Upper-case A–Z and single spaces, titles removed, variants and old spelling folded; `''` if nothing is left. */
  key: string;
  /** `key` split on spaces. */
  tokens: string[];
  /** Parallel to `tokens`: true where the name as written had only an initial there (`A.` → `A`, `M.` → `MUHAMMAD`). */
  initials: boolean[];
  /** One code per token, space-separated, in token order (so order swaps can be blocked on sorted codes). */
  phonetic: string;
  /** The titles removed, normalised: upper case, inner dots kept, no trailing dot (`H`, `S.PD`, `A.MD`). */
  titles: string[];
}

// ---------------------------------------------------------------------------------------------------------
// Titles

interface Title {
  /** Letters only, upper case: how the title is looked up whatever its dots and spaces (`SPD` for `S. Pd.`). */
  compact: string;
  /** Tidy written form for `display`. */
  written: string;
  /** Normalised form for `titles` (several spellings share one: `Haji` and `H.` are both `H`). */
  norm: string;
  /** Where a piece boundary may fall inside `compact` (bit i: after i letters). `S.Pd.I` allows 1 and 3. */
  cuts: number;
  /** Safe to strip with no dot and no comma beside it, because no real name token is spelt like it. */
  bare: boolean;
}

/** Build a title from its written form; segments are split at dots (`S.Pd.I` → S|PD|I). */
function title(written: string, bare: boolean, norm?: string): Title {
  const segments = written.replace(/\.$/, '').split('.');
  let cuts = 0;
  let at = 0;
  for (const segment of segments.slice(0, -1)) {
    at += segment.length;
    cuts |= 1 << at;
  }
  const compact = segments.join('').toUpperCase();
  return { compact, written, norm: norm ?? segments.join('.').toUpperCase(), cuts, bare };
}

/**
 * Titles before the name: religious (Haji, Hajjah, Kiai Haji, Ustadz), academic and professional (Dr., Prof.,
 * Ir., Drs., Dra., dr., drg., drh., Ns., apt.) and the forms of address that guest books add (Bpk., Ibu, Ny., Sdr.).
 * All are `bare`: none is a given name, and a leading `H`/`HJ` without its dot is still Haji in these lists.
 * The one risk, a real initial `H.` for a name like Hadi, is accepted: `H.` before a name means Haji in
 * Indonesian lists far more often, and the resolver still sees the rest of the name.
 */
const PREFIX_TITLES: readonly Title[] = [
  title('H.', true),
  title('Hj.', true),
  title('Hjh.', true, 'HJ'),
  title('Haji', true, 'H'),
  title('Hajjah', true, 'HJ'),
  title('Hajah', true, 'HJ'),
  title('K.H.', true),
  title('Dr.', true),
  title('drg.', true),
  title('drh.', true),
  title('Ir.', true),
  title('Drs.', true),
  title('Dra.', true),
  title('Prof.', true),
  title('Ns.', true),
  title('apt.', true),
  title('Bc.', true),
  title('Tn.', true),
  title('Ny.', true),
  title('Nn.', true),
  title('Bpk.', true),
  title('Bp.', true, 'BPK'),
  title('Bapak', true, 'BPK'),
  title('Ibu', true),
  title('Sdr.', true),
  title('Sdri.', true),
  title('Ust.', true),
  title('Ustadz', true, 'UST'),
  title('Ustadzah', true, 'UST'),
];

/**
 * Degrees after the name, with or without dots, often as a comma list (`BUDI, S.E., M.M.`).
 * `bare` (strippable with no dot or comma beside it) only for forms no Indonesian name token is spelt like:
 * SE, SH, ST, SPD, AMD, MM… A short form that is also a name or a pair of initials (MA, ME, BA, SP, SS, AMA,
 * MENG) is stripped only when a dot or comma shows it is a degree.
 */
const SUFFIX_TITLES: readonly Title[] = [
  ...['S.Pd.', 'S.Pd.I.', 'S.Pd.SD.', 'S.E.', 'S.E.I.', 'S.H.', 'S.H.I.', 'S.Kom.', 'S.T.', 'S.Sos.', 'S.Ag.']
    .map((t) => title(t, true)),
  ...['S.Kep.', 'S.Farm.', 'S.Si.', 'S.IP.', 'S.Ked.', 'S.Psi.', 'S.KM.', 'S.I.Kom.', 'S.Pt.', 'S.Hut.']
    .map((t) => title(t, true)),
  ...['A.Md.', 'A.Md.Kep.', 'A.Md.Keb.', 'A.Md.Kom.', 'A.Md.Ak.', 'A.Md.Farm.', 'A.Md.T.']
    .map((t) => title(t, true)),
  ...['M.M.', 'M.Pd.', 'M.Pd.I.', 'M.Si.', 'M.Kes.', 'M.H.', 'M.T.', 'M.Ag.', 'M.Kom.', 'M.Sc.', 'M.B.A.']
    .map((t) => title(t, true)),
  ...['B.Sc.', 'Ph.D.', 'apt.'].map((t) => title(t, true)),
  // Need a dot or comma: each is also a plausible name token or a pair of initials.
  ...['S.P.', 'S.S.', 'S.M.', 'S.Th.', 'S.Sn.', 'S.Ak.', 'S.Gz.', 'S.Keb.', 'S.Ds.', 'S.Pi.', 'S.Hum.']
    .map((t) => title(t, false)),
  ...['A.Ma.', 'A.Ma.Pd.', 'M.A.', 'M.E.', 'M.P.', 'M.Ak.', 'M.Kn.', 'M.Hum.', 'M.Eng.', 'M.Psi.', 'M.Farm.']
    .map((t) => title(t, false)),
  ...['B.A.', 'Bc.', 'Sp.A.', 'Sp.PD.', 'Sp.OG.', 'Sp.B.', 'Sp.M.'].map((t) => title(t, false)),
];

function byCompact(titles: readonly Title[]): Map<string, Title> {
  const map = new Map<string, Title>();
  for (const t of titles) if (!map.has(t.compact)) map.set(t.compact, t);
  return map;
}

const PREFIX_BY_COMPACT = byCompact(PREFIX_TITLES);
const SUFFIX_BY_COMPACT = byCompact(SUFFIX_TITLES);

/**
 * The letters a title's first (`fromStart`) or last piece can have: the whole title, or its letters up to
 * (from) one of its cuts. A name whose first piece is none of these starts with no title, and the spans of
 * {@link titleAt} need not be tried: most names (MEGA DWI) are then looked up once, not six times.
 */
function edgePieces(titles: readonly Title[], fromStart: boolean): Set<string> {
  const edges = new Set<string>();
  for (const t of titles) {
    edges.add(t.compact);
    for (let at = 1; at < t.compact.length; at++) {
      if ((t.cuts & (1 << at)) !== 0) edges.add(fromStart ? t.compact.slice(0, at) : t.compact.slice(at));
    }
  }
  return edges;
}

const PREFIX_FIRST_PIECES = edgePieces(PREFIX_TITLES, true);
const SUFFIX_LAST_PIECES = edgePieces(SUFFIX_TITLES, false);
/** The most pieces one title can span (`A. Md. Kep.`, `S. Pd. SD.`). */
const MAX_TITLE_PIECES = 3;

// ---------------------------------------------------------------------------------------------------------
// Lexing

interface Piece {
  /** As written (accents, apostrophes and hyphens kept), for display. */
  text: string;
  /** Upper-case A–Z; a hyphen becomes a space; apostrophes and everything else dropped. */
  letters: string;
  /** Ended by a dot. */
  dot: boolean;
  /** A comma follows it. */
  comma: boolean;
}

const NON_ASCII = /[\u0080-\uffff]/;
const COMBINING_MARKS = /\p{M}/gu;
const LETTER_OR_MARK = /[\p{L}\p{M}]/u;
/** Apostrophe look-alikes that spreadsheets and phones put in names like Ma'ruf. */
const APOSTROPHES = new Set(["'", '\u2019', '\u2018', '`', '\u00b4', '\u02bc', '\u02b9']);

function isWordChar(ch: string, code: number): boolean {
  if ((code >= 65 && code <= 90) || (code >= 97 && code <= 122) || (code >= 48 && code <= 57)) return true;
  if (code === 45 || APOSTROPHES.has(ch)) return true; // hyphen, apostrophes
  return code > 127 && LETTER_OR_MARK.test(ch);
}

/** Upper-case A–Z of one piece: accents off (é → E), hyphens become spaces, the rest dropped. */
function lettersOf(text: string): string {
  const folded = NON_ASCII.test(text) ? text.normalize('NFD').replace(COMBINING_MARKS, '') : text;
  const upper = folded.toUpperCase();
  // Most pieces are letters only (SITI): the string itself, not rebuilt letter by letter.
  let plain = true;
  for (let i = 0; i < upper.length && plain; i++) {
    const code = upper.charCodeAt(i);
    plain = code >= 65 && code <= 90;
  }
  if (plain) return upper;
  let out = '';
  for (let i = 0; i < upper.length; i++) {
    const code = upper.charCodeAt(i);
    if (code >= 65 && code <= 90) out += upper[i];
    else if (code === 45 && out.length > 0 && !out.endsWith(' ')) out += ' ';
  }
  return out.endsWith(' ') ? out.slice(0, -1) : out;
}

function lex(raw: string): Piece[] {
  const pieces: Piece[] = [];
  let start = -1;
  const close = (end: number, dot: boolean): void => {
    if (start < 0) return;
    const text = raw.slice(start, end);
    start = -1;
    const letters = lettersOf(text);
    // A piece with no letter (digits, a lone hyphen) is noise in a name column: drop it.
    if (letters.length > 0) pieces.push({ text, letters, dot, comma: false });
  };
  for (let i = 0; i < raw.length; i++) {
    const ch = raw.charAt(i);
    const code = raw.charCodeAt(i);
    if (isWordChar(ch, code)) {
      if (start < 0) start = i;
      continue;
    }
    close(i, code === 46);
    if (code === 44 || code === 59) {
      const last = pieces[pieces.length - 1];
      if (last) last.comma = true;
    }
  }
  close(raw.length, false);
  return pieces;
}

// ---------------------------------------------------------------------------------------------------------
// Title stripping

/** Whether pieces[from..to] (inclusive) spell `t`, with every piece boundary on one of the title's own cuts. */
function cutsAgree(pieces: readonly Piece[], from: number, to: number, t: Title): boolean {
  let at = 0;
  for (let i = from; i < to; i++) {
    at += pieces[i]?.letters.length ?? 0;
    if ((t.cuts & (1 << at)) === 0) return false;
  }
  return true;
}

/**
 * The title spelt by pieces[from..to], if the evidence allows it: a dot on any of its pieces, a comma just
 * before it (degree lists), or a bare-safe title written as one piece (`SE`, `SPD`). `Dr.H.` is Dr. + H.,
 * not drh., because a piece boundary must fall where the title has a dot.
 */
function titleAt(pieces: readonly Piece[], from: number, to: number, table: Map<string, Title>): Title | undefined {
  let compact = '';
  let dotted = false;
  for (let i = from; i <= to; i++) {
    const p = pieces[i];
    if (!p) return undefined;
    compact += p.letters;
    dotted ||= p.dot;
  }
  const t = table.get(compact);
  if (!t || !cutsAgree(pieces, from, to, t)) return undefined;
  const afterComma = pieces[from - 1]?.comma ?? false;
  if (dotted || afterComma || (t.bare && from === to)) return t;
  return undefined;
}

/** The tidy written form of a title as this piece wrote it (`dr.` stays lower case: it is not `Dr.`). */
function writtenTitle(t: Title, first: Piece | undefined): string {
  if (t.compact === 'DR' && first?.text === 'dr') return 'dr.';
  return t.written;
}

// ---------------------------------------------------------------------------------------------------------
// Variants and old spelling

/**
 * Spellings of one name element folded to one token. Only the four the design names: they are the same
 * word spelt differently, so treating them as different would split one person. NURUL stays its own token:
 * it is Nur + al- ("light of", as in Nurul Huda), written that way on the KTP, and folding it into NUR would
 * merge Nurul Huda with Nur Huda on the key; the similarity step sees how close they are.
 */
const VARIANTS: ReadonlyMap<string, string> = new Map([
  ...[
    'MUHAMMAD', 'MUHAMAD', 'MOHAMMAD', 'MOHAMAD', 'MOCHAMMAD', 'MOCHAMAD', 'MOKHAMMAD', 'MOKHAMAD', 'MUCHAMMAD',
    'MUCHAMAD', 'MUKHAMMAD', 'MUKHAMAD', 'MUHAMMED', 'MUHAMED', 'MOHAMMED', 'MOHAMED', 'MUHAMMAT', 'MUHAMAT',
    'MOH', 'MOCH', 'MOKH', 'MUH', 'MUCH', 'MUKH', 'MHD', 'MOHD', 'MUHD', 'MD',
  ].map((v): [string, string] => [v, 'MUHAMMAD']),
  ...['ABDUL', 'ABD', 'ABDOEL', 'ABDOL', 'ABDL'].map((v): [string, string] => [v, 'ABDUL']),
  ...['NUR', 'NOER', 'NOOR', 'NOUR'].map((v): [string, string] => [v, 'NUR']),
  ...['SITI', 'SITTI', 'SITY', 'SITTY'].map((v): [string, string] => [v, 'SITI']),
]);

/**
 * Abbreviations that mean one name only as the first token: `M. Rizki` is Muhammad Rizki, `St. Aminah` is
 * Siti Aminah; later in a name `M` may be any M-name (Maryam) and `ST` is the S.T. degree, so they stay.
 */
const FIRST_TOKEN_VARIANTS: ReadonlyMap<string, string> = new Map([
  ['M', 'MUHAMMAD'],
  ['ST', 'SITI'],
]);

/**
 * Old spelling to EYD, one token at a time (people modernise one part of a name and not another, as in
 * Soeharto Joko, so one old token says nothing about the next):
 * - always: oe → u, dj → j, sj → sy, ch → kh (no modern Indonesian name spells these sounds so);
 * - tj → c at the start of a word, after n, and before a consonant or the end (Tjahja → Cahya, Pantja →
 *   Panca, Ritjky → Ricky); elsewhere tj is t + the old j for y (Aditja → Aditya, Setjo → Setyo, Soelistjo →
 *   Sulistyo). Both readings occur inside a word; among 200,000 generated names, ty inside a word was 34
 *   times as common as c before a vowel there (Medan's desk; 115 times at Surabaya's), so the few such c
 *   (Soetjipto → Sutyipto, not Sucipto; Mandacan) fold wrong, and comparison.ts's oldY finds them beside a NIK;
 * - nj → ny only at the token start (Njoman) or in a token with another old mark, because modern names
 *   keep n + j (Panji, Anjani, Sanjaya);
 * - j → y only in a token with an old mark (oe, dj, tj, sj, or nj at its start): Djojo → Joyo, Tjahjo → Cahyo,
 *   Joesoef → Yusuf; but Joko, Jaya and Panji stay, since modern j is j.
 */
export function modernSpelling(token: string): string {
  const marked =
    token.includes('OE') || token.includes('DJ') || token.includes('TJ') || token.includes('SJ') ||
    token.startsWith('NJ');
  if (!marked && !token.includes('CH') && !token.includes('NJ')) return token;
  let out = '';
  for (let i = 0; i < token.length; i++) {
    const c = token[i];
    const next = token[i + 1];
    if (c === 'O' && next === 'E') { out += 'U'; i++; }
    else if (c === 'D' && next === 'J') { out += 'J'; i++; }
    else if (c === 'T' && next === 'J') { out += oldTjIsC(token, i) ? 'C' : 'TY'; i++; }
    else if (c === 'S' && next === 'J') { out += 'SY'; i++; }
    else if (c === 'C' && next === 'H') { out += 'KH'; i++; }
    else if (c === 'N' && next === 'J' && (marked || i === 0)) { out += 'NY'; i++; }
    else if (c === 'J') out += marked ? 'Y' : 'J';
    else out += c;
  }
  return out;
}

/** Whether the old TJ at `at` in `token` is the modern C rather than T + Y (see modernSpelling). */
function oldTjIsC(token: string, at: number): boolean {
  if (at === 0 || token[at - 1] === 'N') return true;
  const after = token[at + 2];
  return after === undefined || !'AEIOU'.includes(after);
}

/** Per folded token, the spellings that fold to it (MUHAMMAD → MUHAMMAD, MUHAMAD, …, MOH, MUH, MHD, MD). */
let SPELLINGS: Map<string, string[]> | undefined;

/**
 * Whether `token` is one typo (a letter wrong, missing, doubled or swapped) from a spelling that folds to
 * `folded`: MOHH, MOJ and OH are MOH misspelt, so MUHAMMAD; AZD is ABD, so ABDUL. The typo is why the
 * token did not fold. Tokens of one letter are never taken for a misspelling.
 *
 * @example isMisspeltVariant('MOHH', 'MUHAMMAD') // true
 */
export function isMisspeltVariant(token: string, folded: string): boolean {
  if (token.length < 2) return false;
  if (!SPELLINGS) {
    SPELLINGS = new Map();
    for (const [spelling, to] of VARIANTS) SPELLINGS.set(to, [...(SPELLINGS.get(to) ?? []), spelling]);
  }
  return (SPELLINGS.get(folded) ?? []).some((spelling) => editDistanceAtMost(token, spelling, 1));
}

function foldToken(token: string, first: boolean): string {
  if (first) {
    const abbreviated = FIRST_TOKEN_VARIANTS.get(token);
    if (abbreviated) return abbreviated;
  }
  let folded = FOLD_CACHE.get(token);
  if (folded === undefined) {
    if (FOLD_CACHE.size >= TOKEN_CACHE_SIZE) FOLD_CACHE.clear();
    const modern = VARIANTS.get(token) ?? modernSpelling(token);
    folded = VARIANTS.get(modern) ?? modern;
    FOLD_CACHE.set(ownKey(token), folded);
  }
  return folded;
}

/**
 * Tokens folded already (beyond the first-token abbreviations, which depend on the place): a list of 1 M
 * names has a few thousand distinct tokens, and the five spelling tests of modernSpelling were a tenth of
 * normaliseName's time. Bounded as the phonetic cache is.
 */
const FOLD_CACHE = new Map<string, string>();

/**
 * A cache key that holds no more than itself. V8 keeps a substring of 13 characters or more as a view into
 * the string it was cut from, and a piece of plain letters is its own letters (lettersOf): a long token
 * (INDRASYAHPUTRA) would keep the text its name was cut from alive as long as the cache holds it, for a
 * reader that hands out views into a larger string. Copied only when a token is first seen. Keys are A–Z and
 * spaces, so latin1 copies them exactly.
 */
function ownKey(token: string): string {
  return token.length < 13 ? token : Buffer.from(token, 'latin1').toString('latin1');
}

// ---------------------------------------------------------------------------------------------------------
// Phonetic key

/**
 * Ordered rewrites for the phonetic code, each for a confusion seen in Indonesian lists. Applied in order,
 * then the end-of-token rules in {@link phoneticToken}, then doubled letters collapse.
 * Why not Soundex or Metaphone: both encode English. Metaphone reads C before E/I as S (Citra is /tʃ/), GH and
 * KN as silent, TH as θ, and keeps J apart from Y; Soundex keeps the first letter (so Khairul ≠ Hairul,
 * Zulkifli ≠ Sulkifli) and drops every vowel, which merges far too many long Javanese names to block on.
 */
const PHONETIC_REWRITES: readonly (readonly [string, string])[] = [
  ['DZ', 'Z'], // Dzikri / Zikri
  ['DH', 'D'], // Ramadhan / Ramadan, Dhani / Dani
  ['KH', 'H'], // Khairul / Hairul (ch was folded to kh in the key); before TH so Fatkhul meets Fathul
  ['TH', 'T'], // Thalib / Talib
  ['GH', 'G'], // Ghozali / Gozali
  ['SY', 'S'], // Syahrul / Sahrul
  ['SH', 'S'], // Shinta / Sinta
  ['TS', 'S'], // Tsania / Sania (Arabic tha)
  ['PH', 'P'], // Stephanie / Stevani
  ['F', 'P'], // Zulkifli / Zulkipli, Yusuf / Yusup: Indonesian has one labial here
  ['V', 'P'], // Novi / Nofi
  ['Q', 'K'], // Rizqi / Rizki
  ['CK', 'K'], // Dicky / Diky
  ['X', 'KS'], // Alex / Aleks
  ['Z', 'S'], // Rizky / Risky
  ['IY', 'I'], // Fitriyani / Fitriani
];

const VOWELS = new Set(['A', 'E', 'I', 'O', 'U']);

/**
 * One key token's phonetic code: the rewrites above, then at the token's end y → i (Rizky / Rizki),
 * h after a vowel dropped (Aminah / Amina), d → t (Ahmad / Ahmat), and finally doubled letters collapse
 * (Muhammad / Muhamad, Abdullah / Abdulah).
 */
export function phoneticToken(token: string): string {
  let s = token;
  for (const [from, to] of PHONETIC_REWRITES) if (s.includes(from)) s = s.replaceAll(from, to);
  if (s.length > 1) {
    const last = s[s.length - 1];
    if (last === 'Y') s = `${s.slice(0, -1)}I`;
    else if (last === 'H' && VOWELS.has(s[s.length - 2] ?? '')) s = s.slice(0, -1);
    else if (last === 'D') s = `${s.slice(0, -1)}T`;
  }
  let out = '';
  for (let i = 0; i < s.length; i++) if (s[i] !== s[i - 1]) out += s[i];
  return out;
}

/**
 * Phonetic codes of tokens already seen. The importer calls normaliseName for millions of rows drawn from a
 * few thousand distinct tokens, and the rewrites are most of its cost; the code depends on the token alone,
 * so caching keeps the function pure. Cleared when full, to bound memory on junk input.
 */
const PHONETIC_CACHE = new Map<string, string>();
const TOKEN_CACHE_SIZE = 50_000;

function cachedPhonetic(token: string): string {
  let code = PHONETIC_CACHE.get(token);
  if (code === undefined) {
    if (PHONETIC_CACHE.size >= TOKEN_CACHE_SIZE) PHONETIC_CACHE.clear();
    code = phoneticToken(token);
    PHONETIC_CACHE.set(ownKey(token), code);
  }
  return code;
}

// ---------------------------------------------------------------------------------------------------------
// Display

/** Title Case one piece: `MA'RUF` → `Ma'ruf` (no capital after an apostrophe), `siti-aminah` → `Siti-Aminah`. */
function titleCase(text: string): string {
  const lower = text.toLowerCase();
  let out = '';
  // i is where a capital goes: the start and after each hyphen. One character is a code point, as a for-of
  // over the string would take it; the stretch up to the next hyphen is copied in one slice.
  let i = 0;
  while (i < lower.length) {
    const width = (lower.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
    const ch = lower.slice(i, i + width);
    out += ch.toUpperCase();
    i += width;
    if (ch === '-') continue;
    const hyphen = lower.indexOf('-', i);
    if (hyphen < 0) return out + lower.slice(i);
    out += lower.slice(i, hyphen + 1);
    i = hyphen + 1;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------

/**
 * Normalise one name as written in a list or guest book. Never throws.
 *
 * @example
 * normaliseName('HJ.SITI AMINAH,S.PD.I');
 * // → { display: 'Hj. Siti Aminah, S.Pd.I.', key: 'SITI AMINAH', tokens: ['SITI', 'AMINAH'],
 * //     initials: [false, false], phonetic: 'SITI AMINA', titles: ['HJ', 'S.PD.I'] }
 */
/** Front titles, left to right, always leaving at least one piece for the name; `from`: the first name piece. */
function frontTitles(pieces: readonly Piece[]): { prefix: { t: Title; first: Piece | undefined }[]; from: number } {
  let from = 0;
  const prefix: { t: Title; first: Piece | undefined }[] = [];
  outer: while (from < pieces.length - 1 && PREFIX_FIRST_PIECES.has(pieces[from]?.letters ?? '')) {
    for (let span = Math.min(MAX_TITLE_PIECES, pieces.length - 1 - from); span >= 1; span--) {
      const t = titleAt(pieces, from, from + span - 1, PREFIX_BY_COMPACT);
      if (t) {
        prefix.push({ t, first: pieces[from] });
        from += span;
        continue outer;
      }
    }
    break;
  }
  return { prefix, from };
}

/** Front titles only a man bears (H., Drs., Tn., Bpk., Sdr.) or only a woman (Hj., Dra., Ny., Nn., Ibu, Sdri.). */
const TITLE_SEX: ReadonlyMap<string, 'M' | 'F'> = new Map([
  ...(['H', 'K.H', 'DRS', 'TN', 'BPK', 'SDR'] as const).map((t) => [t, 'M'] as const),
  ...(['HJ', 'DRA', 'NY', 'NN', 'IBU', 'SDRI'] as const).map((t) => [t, 'F'] as const),
]);

/**
 * Whether a name is written with a title before it, and whose: `M` or `F` when a title says the bearer's sex
 * (H. and Drs. a man's, Hj. and Dra. a woman's; two that disagree say nothing), `any` for one that does not
 * (Dr., Ir., Prof.), null without one. For the deterministic pass: a title written in place of a word.
 *
 * @example frontTitleSex('Hj. Wulandari') // 'F'
 * @example frontTitleSex('Wulandari, S.E.') // null: a degree after the name is no front title
 */
export function frontTitleSex(raw: string): 'M' | 'F' | 'any' | null {
  const { prefix } = frontTitles(lex(raw));
  if (prefix.length === 0) return null;
  const sexes = new Set(prefix.flatMap((x) => {
    const sex = TITLE_SEX.get(x.t.norm);
    return sex ? [sex] : [];
  }));
  return sexes.size === 1 ? ([...sexes][0] ?? 'any') : 'any';
}

export function normaliseName(raw: string): NormalName {
  return plainName(raw) ?? lexedName(raw);
}

/**
 * {@link normaliseName} by the full path, for every name: lexed into pieces, titles taken off. Exported for
 * the test that holds the plain path to it.
 * @internal
 */
export function lexedName(raw: string): NormalName {
  const pieces = lex(raw);
  if (pieces.length === 0) return { display: '', key: '', tokens: [], initials: [], phonetic: '', titles: [] };

  const { prefix, from } = frontTitles(pieces);

  // Back degrees, right to left, again leaving at least one name piece.
  let to = pieces.length - 1;
  const suffix: Title[] = [];
  outer: while (to > from && SUFFIX_LAST_PIECES.has(pieces[to]?.letters ?? '')) {
    for (let span = Math.min(MAX_TITLE_PIECES, to - from); span >= 1; span--) {
      const t = titleAt(pieces, to - span + 1, to, SUFFIX_BY_COMPACT);
      if (t) {
        suffix.unshift(t);
        to -= span;
        continue outer;
      }
    }
    break;
  }

  const tokens: string[] = [];
  const initials: boolean[] = [];
  const shown: string[] = [];
  for (let i = from; i <= to; i++) {
    const p = pieces[i];
    if (!p) continue;
    const trailingComma = p.comma && i < to ? ',' : '';
    shown.push(titleCase(p.text) + (p.dot ? '.' : '') + trailingComma);
    if (!p.letters.includes(' ')) {
      tokens.push(foldToken(p.letters, tokens.length === 0));
      initials.push(p.letters.length === 1);
      continue;
    }
    for (const written of p.letters.split(' ')) {
      tokens.push(foldToken(written, tokens.length === 0));
      initials.push(written.length === 1);
    }
  }

  let display = shown.join(' ');
  if (prefix.length > 0) display = `${prefix.map((x) => writtenTitle(x.t, x.first)).join(' ')} ${display}`;
  if (suffix.length > 0) display = `${display}, ${suffix.map((t) => t.written).join(', ')}`;

  return {
    display,
    key: tokens.join(' '),
    tokens,
    initials,
    phonetic: tokens.map(cachedPhonetic).join(' '),
    titles: [...prefix.map((x) => x.t.norm), ...suffix.map((t) => t.norm)],
  };
}

/** A word of a plain name (see plainName) as the name pipeline reads it; the same wherever it stands. */
interface PlainWord {
  /** Upper case: the piece's letters. */
  letters: string;
  /** Folded ({@link foldToken}) as a word after the first. */
  token: string;
  /** Title-cased for display. */
  shown: string;
  phonetic: string;
  /** A title can begin (end) with it: a name starting (ending) with it takes the full path. */
  titleStart: boolean;
  titleEnd: boolean;
}

/**
 * The words of plain names seen, as written: the distinct words of a list each read once, then one lookup a
 * word instead of a fold, a phonetic code and title-casing. The first PLAIN_WORDS_KEPT words are kept and
 * no more (later ones are read each time): a list's common words come early, so at 5 M rows (67,000
 * distinct words) 99% of the words read are found. A cache cleared when full, as the token caches are, made
 * garbage of the whole cache again and again there: peak RSS 145 -> 164 MB and twice the system time.
 */
const PLAIN_WORDS = new Map<string, PlainWord>();
const PLAIN_WORDS_KEPT = 16_000;

function plainWord(word: string): PlainWord {
  let w = PLAIN_WORDS.get(word);
  if (w === undefined) {
    // Copies (ownKey), not views into the name the word was cut from: the cache outlives that name.
    const letters = ownKey(word.toUpperCase());
    const folded = foldToken(letters, false);
    const token = folded === letters ? letters : ownKey(folded);
    // titleCase of a word of ASCII letters: its first letter upper case, the rest lower.
    const shown = letters.charAt(0) + letters.slice(1).toLowerCase();
    w = { letters, token, shown, phonetic: cachedPhonetic(token), titleStart: PREFIX_FIRST_PIECES.has(letters), titleEnd: SUFFIX_LAST_PIECES.has(letters) };
    if (PLAIN_WORDS.size < PLAIN_WORDS_KEPT) PLAIN_WORDS.set(ownKey(word), w);
  }
  return w;
}

/**
 * {@link normaliseName} of a name written in ASCII letters and spaces only whose first and last words
 * cannot begin or end a title (MEGA DWI, Siti Aminah): nine names in ten of a list. Such a name lexes to
 * its words, none with a dot, comma or hyphen, and no title can be taken off it, so each word is only
 * title-cased, folded and coded, and those are looked up per word. The same result as the full path
 * (test/names-plain.test.ts). Null for every other name: the full path reads it.
 */
function plainName(raw: string): NormalName | null {
  const tokens: string[] = [];
  const initials: boolean[] = [];
  let display = '';
  let phonetic = '';
  let first: PlainWord | undefined;
  let last: PlainWord | undefined;
  let start = -1;
  for (let i = 0; i <= raw.length; i++) {
    const code = i < raw.length ? raw.charCodeAt(i) : 32;
    if ((code >= 65 && code <= 90) || (code >= 97 && code <= 122)) {
      if (start < 0) start = i;
      continue;
    }
    if (code !== 32) return null;
    if (start < 0) continue;
    const w = plainWord(start === 0 && i === raw.length ? raw : raw.slice(start, i));
    start = -1;
    if (first === undefined) {
      first = w;
      // The first word only: M. and St. abbreviate one name there (FIRST_TOKEN_VARIANTS).
      const abbreviated = FIRST_TOKEN_VARIANTS.get(w.letters);
      tokens.push(abbreviated ?? w.token);
      display = w.shown;
      phonetic = abbreviated === undefined ? w.phonetic : cachedPhonetic(abbreviated);
    } else {
      tokens.push(w.token);
      display = `${display} ${w.shown}`;
      phonetic = `${phonetic} ${w.phonetic}`;
    }
    initials.push(w.letters.length === 1);
    last = w;
  }
  if (first === undefined || last === undefined) return null;
  if (tokens.length > 1 && (first.titleStart || last.titleEnd)) return null;
  return { display, key: tokens.join(' '), tokens, initials, phonetic, titles: [] };
}

/**
 * Whether two names can be one person written once with initials: same number of tokens, each pair equal
 * or an initial against a token starting with that letter, and at least one full token equal on both sides
 * (two bare sets of initials say nothing). `M. Rizki` is compatible with `Mahmud Rizki` as well as with
 * `Muhammad Rizki`, because the `M` that became MUHAMMAD is still marked an initial.
 *
 * @example
 * isInitialCompatible(normaliseName('A. Rahman'), normaliseName('Abdul Rahman')); // true
 */
export function isInitialCompatible(a: NormalName, b: NormalName): boolean {
  if (a.tokens.length !== b.tokens.length || a.tokens.length === 0) return false;
  let fullMatch = false;
  for (let i = 0; i < a.tokens.length; i++) {
    const ta = a.tokens[i] ?? '';
    const tb = b.tokens[i] ?? '';
    const ia = a.initials[i] ?? false;
    const ib = b.initials[i] ?? false;
    if (ta === tb && !ia && !ib) {
      fullMatch = true;
      continue;
    }
    if (ia && tb.startsWith(ta.charAt(0))) continue;
    if (ib && ta.startsWith(tb.charAt(0))) continue;
    if (ta === tb) continue; // both initials of the same letter
    return false;
  }
  return fullMatch;
}
