/**
 * Visit dates as guest books write them: `05/08/2020`, `5-8-2020`, `2020-08-05`, `5 Mei 2020`,
 * `05-Agu-2020`, `Rabu, 5 Agustus 2020`, and Excel serial numbers (`44048`). Day before month by default:
 * Indonesian usage, and what Excel shows on an Indonesian-locale laptop. A file that went through a
 * spreadsheet set to US order is read with `mdy` (see {@link parseVisitDate}), and
 * {@link DateOrderCheck} notices such a file.
 */
import { excelSerialToUtc } from '../ingest/excel-dates.js';

/** How numeric dates are read: day first (`dmy`, the default) or month first (`mdy`). */
export type DateOrder = 'dmy' | 'mdy';
export const DATE_ORDERS: readonly DateOrder[] = ['dmy', 'mdy'];

const MONTHS: Record<string, number> = {};
const names: [number, string[]][] = [
  [1, ['januari', 'jan', 'january']],
  [2, ['februari', 'feb', 'pebruari', 'peb', 'february']],
  [3, ['maret', 'mar', 'march']],
  [4, ['april', 'apr']],
  [5, ['mei', 'may']],
  [6, ['juni', 'jun', 'june']],
  [7, ['juli', 'jul', 'july']],
  [8, ['agustus', 'agu', 'agt', 'ags', 'agus', 'aug', 'august']],
  [9, ['september', 'sep', 'sept']],
  [10, ['oktober', 'okt', 'oct', 'october']],
  [11, ['november', 'nov', 'nop', 'nopember']],
  [12, ['desember', 'des', 'dec', 'december']],
];
for (const [month, spellings] of names) for (const s of spellings) MONTHS[s] = month;

const NUMERIC = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/;
const ISO = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:[ t].*)?$/;
const WORDS = /^(\d{1,2})[\s/.-]+([a-z]+)\.?[\s/.-]+(\d{2}|\d{4})$/;
// Day names lead many guest-book dates (`Rabu, 5 Agustus 2020`); they add nothing the date does not say.
const DAY_NAME = /^(senin|selasa|rabu|kamis|jumat|jum['’`]at|sabtu|minggu|ahad|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s*[,/]?\s*/;

/**
 * Parses a visit date into `YYYY-MM-DD`, or null when it cannot be read with certainty.
 *
 * `mdy` is for a file whose dates a spreadsheet set to US order read month first: wherever day and month
 * could both be months, they are taken the other way round: `06/01/2020` is 1 June, and so is a date
 * the spreadsheet stored as 6 January (an ISO date or a serial). `13/06/2020`, which no US-set
 * spreadsheet could read, stays 13 June; a month written in words is never swapped.
 * @example parseVisitDate('5 Mei 2020') // '2020-05-05'
 * @example parseVisitDate('06/01/2020', 'mdy') // '2020-06-01'
 */
export function parseVisitDate(raw: string, order: DateOrder = 'dmy'): string | null {
  const text = clean(raw);
  if (text === '') return null;
  let m = ISO.exec(text);
  if (m) return typed(ymd(Number(m[1]), Number(m[3]), Number(m[4])), order);
  m = NUMERIC.exec(text);
  if (m) {
    const y = year(m[3] ?? '');
    const a = Number(m[1]);
    const b = Number(m[2]);
    return order === 'mdy' ? (ymd(y, a, b) ?? ymd(y, b, a)) : ymd(y, b, a);
  }
  m = WORDS.exec(text);
  if (m) {
    const month = MONTHS[m[2] ?? ''];
    return month ? ymd(year(m[3] ?? ''), month, Number(m[1])) : null;
  }
  if (/^\d{5}(\.\d+)?$/.test(text)) return typed(fromExcelSerial(Number(text)), order);
  return null;
}

/** A date a spreadsheet already decided (ISO text, a serial): with `mdy`, day and month go back where they were. */
function typed(date: string | null, order: DateOrder): string | null {
  if (date === null || order === 'dmy') return date;
  const day = Number(date.slice(8, 10));
  return day <= 12 ? (ymd(Number(date.slice(0, 4)), day, Number(date.slice(5, 7))) ?? date) : date;
}

function clean(raw: string): string {
  return raw
    .trim()
    .toLowerCase()
    .replace(DAY_NAME, '')
    // A time after the date (`05/08/2020 10:30`, `5 Mei 2020 pukul 10.30 WIB`) is dropped.
    .replace(/\s+(pukul|jam|pk\.?)?\s*\d{1,2}[:.]\d{2}([:.]\d{2})?(\s*(wib|wita|wit))?$/, '');
}

/** Excel serial day number (e.g. 44048) → `YYYY-MM-DD`; only 1990–2089 is taken as a plausible visit. */
export function fromExcelSerial(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 32874 || serial > 69398) return null;
  const d = excelSerialToUtc(Math.floor(serial));
  return d === null ? null : ymd(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

function year(text: string): number {
  const n = Number(text);
  // Two-digit years in a guest book are this century: the programme started in 2020.
  return text.length === 2 ? 2000 + n : n;
}

function ymd(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || y < 1900 || y > 2100) return null;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > days) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * A moment as this computer's local time, `YYYY-MM-DD HH:MM`: the one convention for times shown to people
 * (status, the recap files' "Dibuat"), labelled with `utcOffsetLabel`.
 * @example localMinute(new Date('2020-06-01T01:30:00Z')) // '2020-06-01 08:30' in Asia/Jakarta
 */
export function localMinute(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** This computer's offset from UTC at that moment: `UTC+7`, `UTC+5:30`, `UTC`. */
export function utcOffsetLabel(d: Date): string {
  const minutes = -d.getTimezoneOffset();
  if (minutes === 0) return 'UTC';
  const sign = minutes > 0 ? '+' : '-';
  const abs = Math.abs(minutes);
  return `UTC${sign}${Math.floor(abs / 60)}${abs % 60 === 0 ? '' : `:${String(abs % 60).padStart(2, '0')}`}`;
}

/** What a file's dates say about their order: the dates that fit only month first, with the first lines. */
export interface DateOrderVerdict {
  /** Dates that fall outside the file's other dates read day first and inside them read month first. */
  swapped: number;
  /** The first lines of those dates. */
  lines: number[];
  /** The span of the file's unambiguous dates (a day over 12), which the others were judged against. */
  span: { from: string; to: string } | null;
  /** True when the evidence says the file was read month first by a spreadsheet: suggest `--date-order mdy`. */
  suspected: boolean;
  /** The first date readable only month first (`6/13/2020`), as written; null when there is none. */
  monthFirstExample: string | null;
}

const DAY_MS = 86_400_000;
/** Margin around the span of the unambiguous dates: a guest book's first days may all be 12 or less. */
const MARGIN_DAYS = 12;
/** The share of unambiguous dates in one month from which the file is a book of that month. */
const DOMINANT_SHARE = 0.8;
const MAX_LINES = 20;

/**
 * Notices a file whose dates a spreadsheet set to US order swapped: where day and month could both be
 * months, a date read day first falls outside the file's unambiguous dates (a day over 12, which no such
 * spreadsheet could turn around) and read month first falls inside them: inside their month when 80% of
 * them share one (a monthly guest book), else inside their span give or take 12 days. One pass, memory
 * bounded by the ambiguous dates; feed every date cell of the file with `add`, then ask `verdict`.
 * Suspected when at least 3 dates say so and they outnumber those that fit only day first 4 to 1.
 *
 * @example const check = new DateOrderCheck(); check.add(2, '06/01/2020'); check.verdict()
 */
export class DateOrderCheck {
  private readonly ambiguous: { line: number; dmy: string; mdy: string }[] = [];
  private from: string | null = null;
  private to: string | null = null;
  private monthFirstOnly: number[] = [];
  private monthFirstOnlyCount = 0;
  private monthFirstExample: string | null = null;
  private readonly months = new Map<string, number>();
  private reliable = 0;

  add(line: number, raw: string): void {
    const dmy = parseVisitDate(raw, 'dmy');
    const mdy = parseVisitDate(raw, 'mdy');
    if (dmy !== null && mdy !== null && dmy !== mdy) {
      this.ambiguous.push({ line, dmy, mdy });
    } else if (dmy !== null) {
      // 06/06/2020 reads the same either way and says nothing about the order.
      if (dmy.slice(5, 7) === dmy.slice(8, 10)) return;
      if (this.from === null || dmy < this.from) this.from = dmy;
      if (this.to === null || dmy > this.to) this.to = dmy;
      const month = dmy.slice(0, 7);
      this.months.set(month, (this.months.get(month) ?? 0) + 1);
      this.reliable++;
    } else if (mdy !== null) {
      // `6/13/2020`: readable only month first.
      this.monthFirstOnlyCount++;
      this.monthFirstExample ??= raw;
      if (this.monthFirstOnly.length < MAX_LINES) this.monthFirstOnly.push(line);
    }
  }

  verdict(): DateOrderVerdict {
    const span = this.from !== null && this.to !== null ? { from: this.from, to: this.to } : null;
    const lines = [...this.monthFirstOnly];
    let swapped = this.monthFirstOnlyCount;
    let against = 0;
    if (span !== null) {
      const low = Date.parse(span.from) - MARGIN_DAYS * DAY_MS;
      const high = Date.parse(span.to) + MARGIN_DAYS * DAY_MS;
      // A book of one month (most are): inside means in that month; else within the span and a margin.
      const [dominant, count] = [...this.months].reduce<[string, number]>((best, m) => (m[1] > best[1] ? m : best), ['', 0]);
      const month = count >= DOMINANT_SHARE * this.reliable ? dominant : null;
      const inside = (date: string) => {
        if (month !== null) return date.startsWith(month);
        const t = Date.parse(date);
        return t >= low && t <= high;
      };
      for (const a of this.ambiguous) {
        const dayFirst = inside(a.dmy);
        const monthFirst = inside(a.mdy);
        if (!dayFirst && monthFirst) {
          swapped++;
          if (lines.length < MAX_LINES) lines.push(a.line);
        } else if (dayFirst && !monthFirst) {
          against++;
        }
      }
    }
    lines.sort((x, y) => x - y);
    return { swapped, lines, span, suspected: swapped >= 3 && swapped >= 4 * against, monthFirstExample: this.monthFirstExample };
  }
}
