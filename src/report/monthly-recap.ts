/** The recap per month of the walk-in desk's guest book, and the follow-up list of visitors not (yet) recipients. */
import { displayNik, maskNikLike } from '../privacy/mask.js';
import { regionByCode } from '../normalise/regions.js';
import type { NikStatus } from '../normalise/nik.js';
import type { Db } from '../store/database.js';
import { monthlyDistinctSql, monthlyRecapSql, monthlyWaveCountsSql, notYetRecipientVisitsSql } from '../store/reports.js';
import { labelsFor, nikStatusLabel, type Lang } from './labels.js';
import type { CellValue, Column, ReportTable } from './report.js';

export interface MonthlyRecapOptions {
  /** Only this month ('YYYY-MM'). */
  month?: string;
  /** Also list, per month, each visitor who is not (yet) a recipient. */
  detail?: boolean;
  /** Full NIKs in the detail list instead of masked ones. */
  showNik?: boolean;
}

export interface MonthlyRecapRow {
  /** 'YYYY-MM', or null for visits without a usable date. */
  month: string | null;
  visits: number;
  persons: number;
  recipients: number;
  /** How many of the month's visitors are recipients of each wave (a person in two waves counts in both). */
  recipient_waves: { wave: number; persons: number }[];
  /** Visitors whose identity is known (a valid NIK) and who are on no list. */
  not_yet: number;
  /** Visitors on no list without a valid NIK: whether they are recipients cannot be said. */
  uncertain: number;
  visits_without_nik: number;
}

export interface NotYetRecipient {
  month: string | null;
  last_visit: string | null;
  visits: number;
  name: string;
  /** Masked unless `showNik`; the raw text when the NIK is not valid; null when none was written. */
  nik: string | null;
  nik_status: NikStatus;
  phone: string | null;
  kecamatan: string | null;
  /** Where the person's first visit of the month is: `file:line`. */
  source: string;
  /** 'not_yet': identity known, on no list; 'uncertain': no valid NIK, so it cannot be said. */
  standing: 'not_yet' | 'uncertain';
}

export interface MonthlyRecap {
  rows: MonthlyRecapRow[];
  /** The month rows added up: a person who came in two months counts in both. */
  total: Omit<MonthlyRecapRow, 'month' | 'recipient_waves'>;
  /** Over the whole period, each person once (`recipients` is the resolver's "walk-in visitors found in the lists"). */
  distinct: { persons: number; recipients: number; not_yet: number; uncertain: number };
  detail: NotYetRecipient[] | null;
}

/**
 * One row per month of the walk-in log, and with `detail` the visitors who are not (yet) recipients.
 *
 * @example
 * monthlyRecap(db, { month: '2024-03' }).rows[0];
 * // { month: '2024-03', visits: 58, persons: 51, recipients: 12, recipient_waves: [{ wave: 62, persons: 12 }], not_yet: 39, … }
 */
export function monthlyRecap(db: Db, options: MonthlyRecapOptions = {}): MonthlyRecap {
  const month = options.month ?? null;
  const waves = monthlyWaveCountsSql(db, month);
  const rows: MonthlyRecapRow[] = monthlyRecapSql(db, month).map((r) => ({
    month: r.month,
    visits: r.visits,
    persons: r.persons,
    recipients: r.recipients,
    recipient_waves: waves.filter((w) => w.month === r.month).map(({ wave, persons }) => ({ wave, persons })),
    not_yet: r.not_yet,
    uncertain: r.uncertain,
    visits_without_nik: r.visits_without_nik,
  }));
  const total = { visits: 0, persons: 0, recipients: 0, not_yet: 0, uncertain: 0, visits_without_nik: 0 };
  for (const r of rows) for (const k of ['visits', 'persons', 'recipients', 'not_yet', 'uncertain', 'visits_without_nik'] as const) total[k] += r[k];
  return { rows, total, distinct: monthlyDistinctSql(db, month), detail: options.detail ? notYetRecipients(db, month, options.showNik ?? false) : null };
}

function notYetRecipients(db: Db, month: string | null, showNik: boolean): NotYetRecipient[] {
  const out: NotYetRecipient[] = [];
  let current: NotYetRecipient | undefined;
  let key = '';
  for (const v of notYetRecipientVisitsSql(db, month)) {
    const k = `${v.month ?? ''}|${v.pid}`;
    const nik = v.nik ?? v.nik_raw;
    if (k !== key || !current) {
      key = k;
      current = {
        month: v.month,
        last_visit: v.visit_date,
        visits: 0,
        name: v.name,
        nik: displayNik(nik, showNik),
        nik_status: v.nik_status,
        phone: v.phone,
        kecamatan: v.region ? (regionByCode(v.region)?.name ?? v.region) : null,
        source: `${showNik ? v.file_name : maskNikLike(v.file_name)}:${v.line}`,
        standing: v.known ? 'not_yet' : 'uncertain',
      };
      out.push(current);
    }
    current.visits += 1;
    if (v.visit_date && (!current.last_visit || v.visit_date > current.last_visit)) current.last_visit = v.visit_date;
  }
  // Per month, by name: the order a person follows up in.
  return out.sort((a, b) => (a.month ?? '\uffff').localeCompare(b.month ?? '\uffff') || a.name.localeCompare(b.name));
}

/** The month label: 'YYYY-MM', or the no-date label. */
function monthLabel(month: string | null, lang: Lang): string {
  return month ?? labelsFor(lang).no_date;
}

/** 'Bulan 2024-01 s.d. 2024-03' (or one month); empty when no visit has a date. */
function monthsCoverage(months: readonly string[], lang: Lang): string {
  const L = labelsFor(lang);
  const sorted = [...months].sort();
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (first === undefined || last === undefined) return '';
  return first === last ? `${L.month} ${first}` : `${L.month} ${first} ${L.until} ${last}`;
}

function wavesText(waves: MonthlyRecapRow['recipient_waves']): string {
  return waves.map((w) => `${w.wave} (${w.persons})`).join(', ');
}

/**
 * What the guest book holds, for an empty monthly recap to name: whether any visit is stored, and the months
 * of the dated ones.
 */
export function visitMonths(db: Db): { visits: number; months: string[] } {
  const rows = monthlyRecapSql(db, null);
  return { visits: rows.reduce((n, r) => n + r.visits, 0), months: rows.flatMap((r) => (r.month === null ? [] : [r.month])) };
}

/** An empty monthly recap in words: no guest book yet, or no visit in the month asked, and the months there are. */
function emptyText(held: ReturnType<typeof visitMonths>, lang: Lang, month: string | undefined): string {
  const L = labelsFor(lang);
  if (held.visits === 0 || month === undefined) return L.empty_no_walkin;
  const span = monthsCoverage(held.months, lang).replace(`${L.month} `, '');
  return span === '' ? L.empty_month_undated(month) : L.empty_month(month, span);
}

/**
 * The monthly recap as a table for the writers. `held` (what the guest book holds, visitMonths) words an
 * empty recap; without it, it reads "no data".
 */
export function monthlyRecapTable(recap: MonthlyRecap, lang: Lang, month?: string, held?: ReturnType<typeof visitMonths>): ReportTable {
  const L = labelsFor(lang);
  const columns: Column[] = [
    { key: 'month', label: L.month, kind: 'text' },
    { key: 'visits', label: L.visits, kind: 'int' },
    { key: 'persons', label: L.persons, kind: 'int' },
    { key: 'recipients', label: L.recipient_persons, kind: 'int' },
    { key: 'recipient_waves', label: L.recipient_waves, kind: 'text' },
    { key: 'not_yet', label: L.not_yet, kind: 'int' },
    { key: 'uncertain', label: L.uncertain, kind: 'int' },
    { key: 'visits_without_nik', label: L.visits_without_nik, kind: 'int' },
  ];
  const t = recap.total;
  const months = recap.rows.flatMap((r) => (r.month === null ? [] : [r.month]));
  const empty = recap.rows.length === 0 && held ? emptyText(held, lang, month) : undefined;
  return {
    id: 'monthly',
    fileStem: month ? `rekap-bulanan-${month}` : 'rekap-bulanan',
    sheetName: L.sheet_monthly,
    title: month ? `${L.title_monthly}: ${month}` : L.title_monthly,
    coverage: monthsCoverage(months, lang),
    // A file of an empty recap says why it is empty, as the terminal does.
    notes: [...(empty === undefined ? [] : [empty]), L.note_monthly, L.note_monthly_distinct(recap.distinct)],
    ...(empty === undefined ? {} : { empty }),
    columns,
    rows: recap.rows.map((r) => [
      monthLabel(r.month, lang), r.visits, r.persons, r.recipients, wavesText(r.recipient_waves), r.not_yet, r.uncertain, r.visits_without_nik,
    ]),
    total: recap.rows.length > 0 ? [L.total, t.visits, t.persons, t.recipients, null, t.not_yet, t.uncertain, t.visits_without_nik] : null,
    personal: false,
    chart: {
      id: 'chart-monthly',
      title: L.chart_monthly,
      categories: recap.rows.map((r) => monthLabel(r.month, lang)),
      values: recap.rows.map((r) => r.visits),
      valueLabel: L.visits,
    },
  };
}

/** The follow-up list as a table; it holds personal data, so its files are created 0600. */
export function notYetRecipientsTable(detail: readonly NotYetRecipient[], lang: Lang, month?: string): ReportTable {
  const L = labelsFor(lang);
  const columns: Column[] = [
    { key: 'month', label: L.month, kind: 'text' },
    { key: 'last_visit', label: L.last_visit, kind: 'date' },
    { key: 'visits', label: L.visits, kind: 'int' },
    { key: 'name', label: L.name, kind: 'text' },
    { key: 'nik', label: L.nik, kind: 'nik' },
    { key: 'nik_status', label: L.nik_status, kind: 'text' },
    { key: 'phone', label: L.phone, kind: 'text' },
    { key: 'kecamatan', label: L.kecamatan, kind: 'text' },
    { key: 'source', label: L.source, kind: 'text' },
    { key: 'standing', label: L.standing, kind: 'text' },
  ];
  const cells = (d: NotYetRecipient): CellValue[] => [
    monthLabel(d.month, lang), d.last_visit, d.visits, d.name, d.nik, nikStatusLabel(d.nik_status, lang), d.phone, d.kecamatan, d.source,
    d.standing === 'not_yet' ? L.standing_not_yet : L.standing_uncertain,
  ];
  const months = detail.flatMap((d) => (d.month === null ? [] : [d.month]));
  return {
    id: 'monthly-detail',
    fileStem: month ? `rekap-bulanan-${month}-belum-penerima` : 'rekap-bulanan-belum-penerima',
    sheetName: L.sheet_detail,
    title: L.title_detail,
    coverage: monthsCoverage(month ? [month] : months, lang),
    notes: [L.note_monthly, L.note_detail],
    columns,
    rows: detail.map(cells),
    total: null,
    personal: true,
  };
}
