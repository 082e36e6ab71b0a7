/** The recap per wave (gelombang) of the central lists. */
import { officeRegion, type OfficeRegion } from '../store/settings.js';
import type { Db } from '../store/database.js';
import { waveRecapSql, type WaveRecapSqlRow } from '../store/reports.js';
import { labelsFor, type Lang } from './labels.js';
import { share, type CellValue, type Column, type ReportTable } from './report.js';

export interface WaveRecapOptions {
  /** Only these waves; all when empty or absent. */
  waves?: readonly number[];
  /** One age reference date ('YYYY-MM-DD') for every wave instead of each list's import date. */
  ageAt?: string;
}

/** Counts of one wave; `assisted_share` is a fraction of `recipients`, null when there are none. */
export type WaveRecapRow = WaveRecapSqlRow & { assisted_share: number | null };

export type WaveRecapTotal = Omit<WaveRecapRow, 'wave' | 'ref_date'>;

export interface WaveRecap {
  office: OfficeRegion | null;
  ageAt: string | null;
  rows: WaveRecapRow[];
  total: WaveRecapTotal;
}

const SUMMED = [
  'rows', 'recipients', 'revoked', 'duplicate_rows', 'nik_invalid', 'nik_damaged', 'conflicts', 'assisted',
  'women', 'men', 'age_lt25', 'age_25_34', 'age_35_44', 'age_45_54', 'age_55plus', 'age_unknown',
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
  const sqlRows = waveRecapSql(db, { waves: options.waves, office: office?.code ?? null, ageAt: options.ageAt });
  const rows = sqlRows.map((r) => ({ ...r, assisted_share: share(r.assisted, r.recipients) }));
  const totals: Record<Summed, number> = {
    rows: 0, recipients: 0, revoked: 0, duplicate_rows: 0, nik_invalid: 0, nik_damaged: 0, conflicts: 0, assisted: 0,
    women: 0, men: 0, age_lt25: 0, age_25_34: 0, age_35_44: 0, age_45_54: 0, age_55plus: 0, age_unknown: 0,
  };
  for (const r of rows) for (const k of SUMMED) totals[k] += r[k];
  const total: WaveRecapTotal = {
    ...totals,
    residents: office ? rows.reduce((n, r) => n + (r.residents ?? 0), 0) : null,
    assisted_share: share(totals.assisted, totals.recipients),
  };
  return { office, ageAt: options.ageAt ?? null, rows, total };
}

const COLUMNS: readonly [keyof WaveRecapRow, Column['kind']][] = [
  ['wave', 'int'], ['recipients', 'int'], ['residents', 'int'], ['revoked', 'int'], ['rows', 'int'],
  ['duplicate_rows', 'int'], ['nik_invalid', 'int'], ['nik_damaged', 'int'], ['conflicts', 'int'],
  ['assisted', 'int'], ['assisted_share', 'share'], ['women', 'int'], ['men', 'int'], ['age_lt25', 'int'],
  ['age_25_34', 'int'], ['age_35_44', 'int'], ['age_45_54', 'int'], ['age_55plus', 'int'], ['age_unknown', 'int'],
  ['ref_date', 'date'],
];

/** The wave recap as a table for the writers, headers in `lang`. */
export function waveRecapTable(recap: WaveRecap, lang: Lang): ReportTable {
  const L = labelsFor(lang);
  const columns: Column[] = COLUMNS.map(([key, kind]) => ({ key, label: L[key], kind }));
  const cell = (row: Partial<WaveRecapRow>, key: keyof WaveRecapRow): CellValue => row[key] ?? null;
  const totalRow: Partial<WaveRecapRow> = { ...recap.total };
  return {
    id: 'waves',
    fileStem: 'rekap-gelombang',
    sheetName: L.sheet_waves,
    title: L.title_waves,
    notes: [
      L.note_persons,
      ...(recap.office ? [L.note_residents] : []),
      L.note_assisted,
      L.note_nik,
      L.note_age(recap.ageAt ? L.age_fixed(recap.ageAt) : L.age_default),
      L.note_total,
    ],
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
