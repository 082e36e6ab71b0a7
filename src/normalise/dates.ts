/**
 * Visit dates as guest books write them: `05/08/2020`, `5-8-2020`, `2020-08-05`, `5 Mei 2020`,
 * `05-Agu-2020`, `Rabu, 5 Agustus 2020`, and Excel serial numbers (`44048`). Day before month, always:
 * Indonesian usage, and what Excel shows on an Indonesian-locale laptop.
 */

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

/** Excel's day 0 is 1899-12-30 (its 1900 leap-year bug included). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/**
 * Parses a visit date into `YYYY-MM-DD`, or null when it cannot be read with certainty.
 * @example parseVisitDate('5 Mei 2020') // '2020-05-05'
 */
export function parseVisitDate(raw: string): string | null {
  const text = raw
    .trim()
    .toLowerCase()
    .replace(DAY_NAME, '')
    // A time after the date (`05/08/2020 10:30`, `5 Mei 2020 pukul 10.30 WIB`) is dropped.
    .replace(/\s+(pukul|jam|pk\.?)?\s*\d{1,2}[:.]\d{2}([:.]\d{2})?(\s*(wib|wita|wit))?$/, '');
  if (text === '') return null;
  let m = ISO.exec(text);
  if (m) return ymd(Number(m[1]), Number(m[3]), Number(m[4]));
  m = NUMERIC.exec(text);
  if (m) return ymd(year(m[3] ?? ''), Number(m[2]), Number(m[1]));
  m = WORDS.exec(text);
  if (m) {
    const month = MONTHS[m[2] ?? ''];
    return month ? ymd(year(m[3] ?? ''), month, Number(m[1])) : null;
  }
  if (/^\d{5}(\.\d+)?$/.test(text)) return fromExcelSerial(Number(text));
  return null;
}

/** Excel serial day number (e.g. 44048) → `YYYY-MM-DD`; only 1990–2089 is taken as a plausible visit. */
export function fromExcelSerial(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 32874 || serial > 69398) return null;
  const d = new Date(EXCEL_EPOCH + Math.floor(serial) * 86_400_000);
  return ymd(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
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
