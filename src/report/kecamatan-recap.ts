/** The recap per kecamatan of the office's kab/kota (per kab/kota when the office is a province). */
import { t } from '../i18n/index.js';
import { officeRegion, type OfficeRegion } from '../store/settings.js';
import { UsageError } from '../errors.js';
import { districtsOf, regionByCode, regionsAt } from '../normalise/regions.js';
import type { Db } from '../store/database.js';
import { areaRecapSql, provinceOnlySql } from '../store/reports.js';
import { labelsFor, type Lang } from './labels.js';
import { share, type Column, type ReportTable } from './report.js';
import { centralWaves, noCentralText } from './wave-recap.js';

export interface KecamatanRecapOptions {
  wave?: number;
}

export interface AreaRecapRow {
  code: string;
  /** Name from the region data; null for a code the data does not know. */
  name: string | null;
  recipients: number;
  /** Null when none of the area's recipients is on a list with a status column: unknown, not 0. */
  revoked: number | null;
  assisted: number;
  /** assisted ÷ recipients, null when there are none. */
  assisted_share: number | null;
  women: number;
  men: number;
}

export interface KecamatanRecap {
  office: OfficeRegion;
  /** 'district' rows for a kab/kota office, 'regency' rows for a provincial one. */
  level: 'district' | 'regency';
  wave: number | null;
  rows: AreaRecapRow[];
  total: Omit<AreaRecapRow, 'code' | 'name'>;
  /**
   * Persons of the office region a provincial list holds for a wave whose central list does not: not in the
   * rows (they count the central lists), said in a note. Summed over waves, like the wave recap's total.
   */
  province_only: number;
}

/**
 * Recipients per kecamatan of the office's region, every kecamatan listed (zeros included), codes the
 * region data does not know listed after them, and a total row. No rows at all for a wave no imported central
 * list holds (or when none is imported): its zeros would read as counted, and they are unknown.
 *
 * @example
 * kecamatanRecap(db, { wave: 3 }).rows[0];
 * // { code: '127101', name: 'Medan Tuntungan', recipients: 41, revoked: 2, assisted: 5, assisted_share: 0.122, … }
 */
export function kecamatanRecap(db: Db, options: KecamatanRecapOptions = {}): KecamatanRecap {
  const office = officeRegion(db);
  if (!office) {
    throw new UsageError(t.report.noRegionForKecamatan());
  }
  const level = office.level === 'province' ? 'regency' : 'district';
  const digits = level === 'district' ? 6 : 4;
  const areas = level === 'district' ? districtsOf(office.code) : regionsAt('regency').filter((r) => r.code.startsWith(office.code));
  const counts = new Map(areaRecapSql(db, office.code, digits, options.wave ?? null).map((r) => [r.code, r]));
  const anyStatus = [...counts.values()].some((c) => c.revoked !== null);
  const rowOf = (code: string, name: string | null): AreaRecapRow => {
    const c = counts.get(code);
    // An area nobody of the lists lives in has 0 revoked; one whose lists say nothing of status, unknown.
    const r = { recipients: c?.recipients ?? 0, revoked: c ? c.revoked : anyStatus ? 0 : null, assisted: c?.assisted ?? 0, women: c?.women ?? 0, men: c?.men ?? 0 };
    return { code, name, ...r, assisted_share: share(r.assisted, r.recipients) };
  };
  // Legacy codes (older lists) show only when someone holds them.
  const known = areas.filter((a) => !a.legacy || counts.has(a.code)).map((a) => rowOf(a.code, a.name));
  const knownCodes = new Set(known.map((r) => r.code));
  const unknown = [...counts.keys()].filter((code) => !knownCodes.has(code)).map((code) => rowOf(code, regionByCode(code)?.name ?? null));
  const held = centralWaves(db);
  const listed = options.wave === undefined ? held.length > 0 : held.includes(options.wave);
  const rows = listed ? [...known, ...unknown] : [];
  const total = { recipients: 0, assisted: 0, women: 0, men: 0 };
  for (const r of rows) for (const k of ['recipients', 'assisted', 'women', 'men'] as const) total[k] += r[k];
  const revoked = rows.length === 0 || rows.some((r) => r.revoked === null) ? null : rows.reduce((n, r) => n + (r.revoked ?? 0), 0);
  const provinceOnly = provinceOnlySql(db, { waves: options.wave === undefined ? null : [options.wave], office: office.code });
  return {
    office,
    level,
    wave: options.wave ?? null,
    rows,
    total: { ...total, revoked, assisted_share: share(total.assisted, total.recipients) },
    province_only: provinceOnly.reduce((n, w) => n + w.persons, 0),
  };
}

/**
 * The area recap as a table for the writers. `held` (the waves the central lists hold) words an empty recap;
 * without it, it reads "no data".
 */
export function kecamatanRecapTable(recap: KecamatanRecap, lang: Lang, held?: readonly number[]): ReportTable {
  const L = labelsFor(lang);
  const area = recap.level === 'district' ? L.kecamatan : L.kabkota;
  const columns: Column[] = [
    { key: 'code', label: L.code, kind: 'text' },
    { key: 'name', label: area, kind: 'text' },
    { key: 'recipients', label: L.recipients, kind: 'int' },
    { key: 'revoked', label: L.revoked, kind: 'int' },
    { key: 'assisted', label: L.assisted, kind: 'int' },
    { key: 'assisted_share', label: L.assisted_share, kind: 'share' },
    { key: 'women', label: L.women, kind: 'int' },
    { key: 'men', label: L.men, kind: 'int' },
  ];
  const t = recap.total;
  const waveText = recap.wave === null ? '' : ` — ${L.wave_word} ${recap.wave}`;
  const empty =
    recap.rows.length > 0 || !held
      ? undefined
      : recap.wave !== null && recap.province_only > 0
        ? L.empty_province_only([{ wave: recap.wave, persons: recap.province_only }])
        : noCentralText(L, recap.wave === null ? undefined : [recap.wave], held);
  return {
    id: 'kecamatan',
    fileStem: `rekap-kecamatan${recap.wave === null ? '' : `-gelombang-${recap.wave}`}`,
    sheetName: L.sheet_area,
    title: `${recap.level === 'district' ? L.title_kecamatan : L.title_kabkota}: ${recap.office.name}${waveText}`,
    coverage: recap.wave === null ? L.all_waves : `${L.wave_word} ${recap.wave}`,
    // A file of an empty recap says why it is empty, as the terminal does.
    notes: [
      ...(empty === undefined ? [] : [empty]),
      L.note_area,
      L.note_area_assisted,
      ...(recap.total.revoked === null ? [L.note_area_no_status] : []),
      ...(recap.province_only > 0 ? [L.note_area_province_only(recap.province_only)] : []),
    ],
    ...(empty === undefined ? {} : { empty }),
    columns,
    rows: recap.rows.map((r) => [r.code, r.name ?? L.unknown_area, r.recipients, r.revoked, r.assisted, r.assisted_share, r.women, r.men]),
    total: recap.rows.length > 0 ? [L.total, null, t.recipients, t.revoked, t.assisted, t.assisted_share, t.women, t.men] : null,
    personal: false,
    chart: {
      id: 'chart-area',
      title: `${L.chart_area}: ${recap.office.name}${waveText}`,
      categories: recap.rows.map((r) => r.name ?? r.code),
      values: recap.rows.map((r) => r.recipients),
      valueLabel: L.recipients,
      share: { label: L.assisted_share, values: recap.rows.map((r) => r.assisted_share) },
      horizontal: true,
    },
  };
}
