/**
 * One source row → a record to store, a row to skip, or a reject with its reason. Pure: the importer feeds
 * it rows and writes what it returns.
 */
import type { ColumnMap } from '../ingest/columns.js';
import { parseVisitDate, type DateOrder } from './dates.js';
import { normaliseName } from './names.js';
import { parseNik, type NikReason, type NikStatus } from './nik.js';
import type { RejectDetail } from './reject.js';

export interface NormalRecord {
  line: number;
  nik_raw: string | null;
  nik: string | null;
  nik_status: NikStatus;
  nik_reason: NikReason | null;
  nik_hint: string | null;
  name_raw: string;
  name: string;
  name_key: string;
  name_phonetic: string;
  wave: number | null;
  status: 'penerima' | 'dicabut' | null;
  visit_date: string | null;
  phone: string | null;
  /** A guest-book row's visit purpose, as written (`--map "Keperluan=purpose"`). */
  purpose: string | null;
  /** The kab/kota a list row names, as written (`--map "Kab/Kota=regency"`). */
  regency: string | null;
  region: string | null;
  birth_date: string | null;
  sex: 'M' | 'F' | null;
  /** JSON object of what has no column: unmapped columns by header, unreadable wave/status/date text, flags. */
  extra: string | null;
}

export type { RejectReason } from './reject.js';
/** `continuation`: a line that continues the quoted cell of the row above (a line break inside a cell). */
export type SkipReason = 'blank' | 'footer' | 'title' | 'signature' | 'continuation';

export type RowOutcome =
  | { kind: 'record'; record: NormalRecord }
  | { kind: 'reject'; detail: RejectDetail }
  | { kind: 'skip'; reason: SkipReason };

export interface RowContext {
  columns: ColumnMap;
  headerLength: number;
  /** `--wave`: the wave of rows that do not say. */
  wave: number | null;
  /** The year birth centuries are judged from (NIKs carry two-digit years). */
  refYear?: number;
  /** `--date-order`: how numeric visit dates are read (day first unless told). */
  dateOrder?: DateOrder;
}

export interface RowInput {
  line: number;
  cells: readonly string[];
  numeric?: readonly boolean[];
  error?: string;
  unclosedQuote?: { first: number; last: number; runaway: boolean };
  /** The row went over a size limit: its line (CSV) or one of its cells. */
  oversize?: 'line' | 'cell';
}

const NIK_RUN = /\d{16}/;
/** Fields stored parsed (a wave number, a status word, a date, phone digits) or not at all (the running number). */
const RAW_NOT_KEPT = ['number', 'wave', 'status', 'date', 'phone'] as const;
const FOOTER = /^(jumlah|total|grand ?total|sub ?total|jml)\b/i;

/**
 * The signature block official lists end with (`Medan, 31 Agustus 2020` / `Mengetahui,` / `Kepala Dinas …`
 * / `( Drs. H. ZAINAL ARIFIN, M.Si )` / `NIP. 19680412 199403 1 005`). Skipped, not rejected: it is part of
 * every official file, holds no person, and rejecting it would make `--strict` fail on all of them.
 */
const SIGNATURE = [
  /^(mengetahui|menyetujui|diketahui|disetujui|dibuat oleh|disahkan|yang membuat|pembuat daftar|ttd)\b/i,
  /^(a\.?\s?n\.?|plt\.?|plh\.?)\s/i,
  /^(kepala|kadis|sekretaris|kabid|kepala bidang|kasi|pejabat)\b/i,
  /^(pembina|penata|pengatur)( (utama|tingkat|muda|tk\.?))*\s*(i|ii|iii|iv)?\s*(\/\s*[iv]+\s*\/?\s*[a-e])?$/i,
  /^nip\.?\s*[:.]?\s*[\d ]{8,}$/i,
  // The official's name, in parentheses as the convention is, under the signature space.
  /^\(.+\)$/,
  // Place and date above it: `Medan, 31 Agustus 2020`.
  /^[a-z .'-]{3,40},\s*\d{1,2}\s+[a-z]+\s+\d{4}$/i,
  /^_{3,}$/,
];

/**
 * A row whose every filled cell is signature-block text (it may sit in any column, the NIK column
 * included). An unquoted `Medan, 30 September 2020` in a comma-separated file arrives as two cells, so
 * the filled cells are also tried joined back together when the NIK and name cells hold nothing else.
 */
function isSignature(cells: readonly string[], fields: ColumnMap['fields']): boolean {
  const filled: string[] = [];
  for (let i = 0; i < cells.length; i++) {
    const text = (cells[i] ?? '').trim();
    if (text !== '' && i !== fields.number) filled.push(text);
  }
  if (filled.length === 0) return false;
  const signature = (text: string) => SIGNATURE.some((re) => re.test(text));
  if (filled.every(signature)) return true;
  const person = (i: number | undefined) => (i === undefined ? '' : (cells[i] ?? '').trim());
  const nik = person(fields.nik);
  const name = person(fields.name);
  return (nik === '' || !/\d{6}/.test(nik)) && (name === '' || signature(name)) && signature(filled.join(', '));
}

/**
 * Decides what one row is.
 * @example normaliseRow({ line: 2, cells: ['1271015001900003', 'SITI AMINAH'] }, ctx).kind // 'record'
 */
export function normaliseRow(row: RowInput, ctx: RowContext): RowOutcome {
  const { fields } = ctx.columns;
  if (row.oversize !== undefined) {
    return { kind: 'reject', detail: { reason: 'too_long', what: row.oversize } };
  }
  if (row.unclosedQuote !== undefined) return { kind: 'reject', detail: { reason: 'unclosed_quote', ...row.unclosedQuote } };
  if (row.error !== undefined) return { kind: 'reject', detail: { reason: 'unparseable', error: row.error } };
  const cells = row.cells;
  // A row holding a NIK-like number is never skipped as a footer or signature: it would vanish unseen.
  // The NIK column first: in a list it holds the NIK, and the other cells need not be looked at.
  const nikCell = fields.nik === undefined ? undefined : cells[fields.nik];
  const holdsNik = (nikCell !== undefined && NIK_RUN.test(nikCell)) || cells.some((c) => NIK_RUN.test(c));
  if (!holdsNik) {
    // Before the blank test, which ignores the running-number column: `JUMLAH,,,,,` sits in that column.
    for (let i = 0; i < Math.min(cells.length, 3); i++) {
      if (FOOTER.test((cells[i] ?? '').trim())) return { kind: 'skip', reason: 'footer' };
    }
  }
  if (!holdsNik && isBlank(cells, fields.number)) return { kind: 'skip', reason: 'blank' };
  if (!holdsNik && isSignature(cells, fields)) return { kind: 'skip', reason: 'signature' };
  if (cells.length > ctx.headerLength && cells.slice(ctx.headerLength).some((c) => c.trim() !== '')) {
    return { kind: 'reject', detail: { reason: 'field_count', fields: cells.length, header: ctx.headerLength } };
  }
  const cell = (i: number | undefined) => (i === undefined ? '' : (cells[i] ?? '').trim());
  const nameRaw = cell(fields.name);
  const nikRaw = cell(fields.nik);
  // Not cached per name: in a list of 1 M rows a third of the names are distinct, and a cache of 20,000
  // full names missed three times in four and cost more than it saved (2.4 s against 1.8 s for 1 M names);
  // normaliseName caches the phonetic code per token, which is where names do repeat.
  const name = normaliseName(nameRaw);
  if (name.key === '') {
    return { kind: 'reject', detail: { reason: 'missing_name', name: nameRaw } };
  }

  const nik = parseNik(nikRaw, { numeric: fields.nik !== undefined && row.numeric?.[fields.nik] === true, refYear: ctx.refYear });
  // Made only for a row that has something to keep there (most rows have not): keys in the order set.
  let extra: Record<string, string | string[]> | null = null;
  let flags: string[] | null = null;

  const waveCell = cell(fields.wave);
  let wave = ctx.wave;
  if (waveCell !== '') {
    const parsed = parseWave(waveCell);
    if (parsed === null) (flags ??= []).push('wave_unreadable');
    else wave = parsed;
  }
  const statusCell = cell(fields.status);
  const status = parseStatus(statusCell);
  if (statusCell !== '' && status === null) (extra ??= {}).status = statusCell;
  const dateCell = cell(fields.date);
  const visitDate = dateCell === '' ? null : parseVisitDate(dateCell, ctx.dateOrder);
  if (dateCell !== '' && visitDate === null) {
    (flags ??= []).push('date_unreadable');
    (extra ??= {}).date = dateCell;
  }
  for (const { index, name: header } of ctx.columns.extras) {
    const value = (cells[index] ?? '').trim();
    if (value !== '') (extra ??= {})[header] = value;
  }
  // A NIK-like number in a column whose raw text is otherwise not kept stays in extra: no NIK leaves unseen.
  for (const field of RAW_NOT_KEPT) {
    const value = cell(fields[field]);
    if (value.length >= 16 && extra?.[field] === undefined && NIK_RUN.test(value)) (extra ??= {})[field] = value;
  }
  if (flags !== null) (extra ??= {}).flags = flags;

  const valid = nik.status === 'valid' ? nik : null;
  const broken = nik.status === 'invalid' || nik.status === 'damaged' ? nik : null;
  const facts = valid?.facts ?? broken?.hint?.facts;
  return {
    kind: 'record',
    record: {
      line: row.line,
      nik_raw: nikRaw === '' ? null : nikRaw,
      nik: valid?.nik ?? null,
      nik_status: nik.status,
      nik_reason: broken?.reason ?? null,
      nik_hint: broken?.hint?.prefix || null,
      name_raw: nameRaw,
      name: name.display,
      name_key: name.key,
      name_phonetic: name.phonetic,
      wave,
      status,
      visit_date: visitDate,
      phone: parsePhone(cell(fields.phone)),
      purpose: cell(fields.purpose) || null,
      regency: cell(fields.regency) || null,
      region: valid?.facts.district ?? null,
      birth_date: facts?.birthDate ?? null,
      sex: facts?.sex ?? null,
      extra: extra === null || Object.keys(extra).length === 0 ? null : JSON.stringify(extra),
    },
  };
}

/** A row with nothing in it but, perhaps, its running number: Excel templates have hundreds. */
function isBlank(cells: readonly string[], numberColumn: number | undefined): boolean {
  for (let i = 0; i < cells.length; i++) {
    if (i !== numberColumn && (cells[i] ?? '').trim() !== '') return false;
  }
  return true;
}

/** `3`, `Gel. 3`, `Gelombang 3`, `3.0` → 3. */
export function parseWave(text: string): number | null {
  // Most cells are the number alone (`3`): read without the pattern.
  if (text.length > 0 && text.length <= 3 && isDigits(text)) {
    const n = Number(text);
    return n >= 1 ? n : null;
  }
  const m = /^(?:gel(?:ombang)?\.?\s*(?:ke[-\s]*)?)?(\d{1,3})(?:\.0+)?$/i.exec(text.trim());
  if (!m) return null;
  const n = Number(m[1]);
  return n >= 1 ? n : null;
}

function isDigits(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/**
 * Status cells read so far: a list writes its few words (PENERIMA) a million times. Cleared when full, so
 * that junk cells cannot grow it.
 */
const STATUS_READ = new Map<string, 'penerima' | 'dicabut' | null>();

/** The programme's two states; other wording is kept raw in `extra`. */
export function parseStatus(text: string): 'penerima' | 'dicabut' | null {
  // Only short cells: V8 copies a string under 13 characters when it is cut from another, so such a key
  // holds no chunk of the file alive; longer ones are read each time.
  if (text.length >= 13) return readStatus(text);
  let status = STATUS_READ.get(text);
  if (status === undefined) {
    if (STATUS_READ.size >= 1_000) STATUS_READ.clear();
    status = readStatus(text);
    STATUS_READ.set(text, status);
  }
  return status;
}

function readStatus(text: string): 'penerima' | 'dicabut' | null {
  const t = text.trim().toLowerCase();
  if (t === '') return null;
  if (/dicabut|cabut|dibatalkan|batal|tidak aktif|nonaktif|non aktif|revoked/.test(t)) return 'dicabut';
  if (/penerima|aktif|lolos|diterima|recipient/.test(t)) return 'penerima';
  return null;
}

/** Indonesian mobile numbers as `08…`: `+62 812-3456-789` and `62812…` become `0812…`. */
export function parsePhone(text: string): string | null {
  let digits = text.replace(/[^0-9]/g, '');
  if (digits === '') return null;
  if (digits.startsWith('62')) digits = `0${digits.slice(2)}`;
  else if (digits.startsWith('8')) digits = `0${digits}`;
  return digits;
}
