/** The recap per wave (gelombang) of the central lists. */
import { officeRegion, type OfficeRegion } from '../store/settings.js';
import type { Db } from '../store/database.js';
import { assistedPersonsSql, centralWavesSql, provinceOnlySql, waveRecapSql, type WaveRecapSqlRow } from '../store/reports.js';
import { labelsFor, type Lang } from './labels.js';
import { rangesText, share, type CellValue, type Column, type ReportTable } from './report.js';
import { waveRefDate, type AgeBasis } from './wave-dates.js';

export interface WaveRecapOptions {
  /** Only these waves; all when empty or absent. */
  waves?: readonly number[];
  /** One age reference date ('YYYY-MM-DD') for every wave instead of each wave's default (see wave-dates.ts). */
  ageAt?: string;
}

/** Counts of one wave; `assisted_share` is a fraction of `recipients`, null when there are none. */
export type WaveRecapRow = WaveRecapSqlRow & { assisted_share: number | null };

export type WaveRecapTotal = Omit<WaveRecapRow, 'wave' | 'ref_date'>;

export interface WaveRecap {
  office: OfficeRegion | null;
  ageAt: string | null;
  /** How each wave's age reference date was chosen: `--age-at`, its year's end, or the first import day. */
  ageBasis: Record<number, AgeBasis>;
  rows: WaveRecapRow[];
  /** The wave rows added up: a person in two waves counts twice. */
  total: WaveRecapTotal;
  /** Recipients of the waves shown who are also in the guest book, each once. */
  assisted_persons: number;
  /**
   * Per wave, persons a provincial list holds whom the central list of that wave does not (or all of the
   * wave's provincial persons, when no central list of it was imported): not in the rows, which count the
   * central lists; the monthly recap counts them as recipients. Said in a note, so the two reconcile.
   */
  province_only: { wave: number; persons: number }[];
  /** The waves asked for (`--waves`) that no imported central list holds: said, not shown as rows of zeros. */
  missing_waves: number[];
}

const SUMMED = [
  'files', 'rows', 'recipients', 'status_unknown', 'duplicate_rows', 'repeated_rows', 'nik_invalid', 'nik_damaged',
  'conflicts', 'assisted', 'women', 'men', 'age_lt25', 'age_25_34', 'age_35_44', 'age_45_54', 'age_55plus', 'age_unknown',
] as const;
type Summed = (typeof SUMMED)[number];

/**
 * One row per wave of the central lists, plus a total row (the sum of the wave rows).
 *
 * @example
 * const recap = waveRecap(db, { waves: [3] });
 * recap.rows[0]; // { wave: 3, recipients: 1520, residents: 311, assisted: 42, assisted_share: 0.0276, … }
 */
export function waveRecap(db: Db, options: WaveRecapOptions = {}): WaveRecap {
  const office = officeRegion(db);
  const refDates = new Map<number, string>();
  const ageBasis: Record<number, AgeBasis> = {};
  const listed = centralWavesSql(db);
  for (const w of listed) {
    const ref = waveRefDate(w.wave, w.first_import, options.ageAt);
    refDates.set(w.wave, ref.date);
    ageBasis[w.wave] = ref.basis;
  }
  const sqlRows = waveRecapSql(db, { waves: options.waves, office: office?.code ?? null, refDates });
  const rows = sqlRows.map((r) => ({ ...r, assisted_share: share(r.assisted, r.recipients) }));
  const totals: Record<Summed, number> = {
    files: 0, rows: 0, recipients: 0, status_unknown: 0, duplicate_rows: 0, repeated_rows: 0, nik_invalid: 0, nik_damaged: 0,
    conflicts: 0, assisted: 0, women: 0, men: 0, age_lt25: 0, age_25_34: 0, age_35_44: 0, age_45_54: 0, age_55plus: 0, age_unknown: 0,
  };
  for (const r of rows) for (const k of SUMMED) totals[k] += r[k];
  // A sum with an unknown term is unknown: no wave's revocations are guessed as 0.
  const revoked = rows.some((r) => r.revoked === null) ? null : rows.reduce((n, r) => n + (r.revoked ?? 0), 0);
  const total: WaveRecapTotal = {
    ...totals,
    revoked,
    residents: office ? rows.reduce((n, r) => n + (r.residents ?? 0), 0) : null,
    assisted_share: share(totals.assisted, totals.recipients),
  };
  const shown = new Set(rows.map((r) => r.wave));
  return {
    office,
    ageAt: options.ageAt ?? null,
    ageBasis: Object.fromEntries(Object.entries(ageBasis).filter(([w]) => shown.has(Number(w)))),
    rows,
    total,
    assisted_persons: assistedPersonsSql(db, options.waves),
    province_only: provinceOnlySql(db, { waves: options.waves }),
    missing_waves: [...new Set(options.waves ?? [])].filter((w) => !refDates.has(w)).sort((a, b) => a - b),
  };
}

const COLUMNS: readonly [Exclude<keyof WaveRecapRow, 'status_unknown'>, Column['kind']][] = [
  ['wave', 'int'], ['recipients', 'int'], ['residents', 'int'], ['revoked', 'int'], ['files', 'int'], ['rows', 'int'],
  ['duplicate_rows', 'int'], ['repeated_rows', 'int'], ['nik_invalid', 'int'], ['nik_damaged', 'int'], ['conflicts', 'int'],
  ['assisted', 'int'], ['assisted_share', 'share'], ['women', 'int'], ['men', 'int'], ['age_lt25', 'int'],
  ['age_25_34', 'int'], ['age_35_44', 'int'], ['age_45_54', 'int'], ['age_55plus', 'int'], ['age_unknown', 'int'],
  ['ref_date', 'date'],
];

/** The waves the imported central lists hold, in order: what an empty selection names instead of its zeros. */
export function centralWaves(db: Db): number[] {
  return centralWavesSql(db).map((w) => w.wave).sort((a, b) => a - b);
}

/**
 * What an empty wave or area recap says: that no central list is imported yet, or which of the asked waves
 * the lists lack and which they hold (`asked` absent: every wave).
 */
export function noCentralText(L: ReturnType<typeof labelsFor>, asked: readonly number[] | undefined, held: readonly number[]): string {
  return held.length === 0 || asked === undefined || asked.length === 0 ? L.empty_no_central : L.empty_waves_not_listed(rangesText(asked), rangesText(held));
}

/**
 * The wave recap as a table for the writers, headers in `lang`. `asked` and `held` (the waves asked for, the
 * waves the central lists hold) word an empty recap; without them it reads "no data".
 */
export function waveRecapTable(recap: WaveRecap, lang: Lang, held?: { asked: readonly number[] | undefined; waves: readonly number[] }): ReportTable {
  const L = labelsFor(lang);
  const columns: Column[] = COLUMNS.map(([key, kind]) => ({ key, label: L[key], kind }));
  const cell = (row: Partial<WaveRecapRow>, key: keyof WaveRecapRow): CellValue => row[key] ?? null;
  const totalRow: Partial<WaveRecapRow> = { ...recap.total };
  const noStatus = recap.rows.filter((r) => r.revoked === null).map((r) => r.wave);
  const partStatus = recap.rows.filter((r) => r.revoked !== null && r.status_unknown > 0);
  const byBasis = (basis: AgeBasis) => recap.rows.filter((r) => recap.ageBasis[r.wave] === basis).map((r) => r.wave);
  const ageHow = recap.ageAt
    ? L.age_fixed(recap.ageAt)
    : [
        ...(byBasis('wave_year_end').length > 0 ? [L.age_year_end(rangesText(byBasis('wave_year_end')))] : []),
        ...(byBasis('first_import').length > 0 ? [L.age_first_import(rangesText(byBasis('first_import')))] : []),
      ].join('; ');
  const empty =
    recap.rows.length > 0 ? undefined : recap.province_only.length > 0 ? L.empty_province_only(recap.province_only) : held ? noCentralText(L, held.asked, held.waves) : undefined;
  // Some of the waves asked for are held: the rest are named, so that "3-9" does not read as waves 3 and 4 only by silence.
  const partly = recap.rows.length > 0 && held && recap.missing_waves.length > 0 ? L.empty_waves_not_listed(rangesText(recap.missing_waves), rangesText(held.waves)) : undefined;
  return {
    id: 'waves',
    fileStem: 'rekap-gelombang',
    sheetName: L.sheet_waves,
    title: L.title_waves,
    coverage: recap.rows.length > 0 ? `${L.wave_word} ${rangesText(recap.rows.map((r) => r.wave))}` : '',
    // A file of an empty recap says why it is empty, as the terminal does.
    notes: [
      ...(empty !== undefined && held ? [empty] : []),
      ...(partly === undefined ? [] : [partly]),
      ...(recap.province_only.length > 0 ? [L.note_province_only(recap.province_only)] : []),
      L.note_persons,
      L.note_rows,
      ...(noStatus.length > 0 ? [L.note_no_status(rangesText(noStatus))] : []),
      ...partStatus.map((r) => L.note_part_status(r.wave, r.status_unknown)),
      ...(recap.office ? [L.note_residents] : []),
      L.note_assisted,
      L.note_assisted_persons(recap.assisted_persons),
      L.note_nik,
      ...(ageHow ? [L.note_age(ageHow)] : []),
      L.note_total,
    ],
    ...(empty === undefined ? {} : { empty }),
    columns,
    rows: recap.rows.map((r) => COLUMNS.map(([key]) => cell(r, key))),
    total: recap.rows.length > 0 ? COLUMNS.map(([key]) => (key === 'wave' ? L.total : cell(totalRow, key))) : null,
    personal: false,
    chart: {
      id: 'chart-waves',
      title: L.chart_waves,
      categories: recap.rows.map((r) => String(r.wave)),
      values: recap.rows.map((r) => r.recipients),
      valueLabel: L.recipients,
      share: { label: L.assisted_share, values: recap.rows.map((r) => r.assisted_share) },
    },
  };
}
