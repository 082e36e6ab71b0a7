/**
 * Kemendagri region codes: province (2 digits), kab/kota (4) and kecamatan (6), as the first digits of a NIK.
 * Loaded lazily from the generated module the project ships (see src/tools/build-wilayah.ts).
 */
import { WILAYAH_2025, WILAYAH_LEGACY } from './wilayah-data.js';

export type RegionLevel = 'province' | 'regency' | 'district';

export interface Region {
  /** Digits only: 2, 4 or 6 of them. */
  code: string;
  name: string;
  level: RegionLevel;
  /** True for codes that are only in older lists (e.g. Papua before the 2022 splits). */
  legacy: boolean;
}

let table: Map<string, Region> | undefined;

function levelOf(code: string): RegionLevel {
  return code.length === 2 ? 'province' : code.length === 4 ? 'regency' : 'district';
}

function load(): Map<string, Region> {
  if (table) return table;
  const map = new Map<string, Region>();
  for (const line of WILAYAH_2025.split('\n')) {
    const tab = line.indexOf('\t');
    const code = line.slice(0, tab);
    map.set(code, { code, name: line.slice(tab + 1), level: levelOf(code), legacy: false });
  }
  for (const line of WILAYAH_LEGACY.split('\n')) {
    const [code = '', name = ''] = line.split('\t');
    // A code kept in the 2025 list wins; legacy names are the older spelling (e.g. "KAB. MERAUKE").
    if (!map.has(code)) map.set(code, { code, name, level: levelOf(code), legacy: true });
  }
  table = map;
  return map;
}

/** The region with this code (dots allowed: `12.71` or `1271`), or undefined. */
export function regionByCode(code: string): Region | undefined {
  return load().get(code.replaceAll('.', ''));
}

/** Every region at one level, current and legacy, in code order. */
export function regionsAt(level: RegionLevel): Region[] {
  return [...load().values()].filter((r) => r.level === level).sort((a, b) => a.code.localeCompare(b.code));
}

/** The kecamatan of one kab/kota (4-digit code), in code order. */
export function districtsOf(regencyCode: string): Region[] {
  const prefix = regencyCode.replaceAll('.', '');
  return regionsAt('district').filter((r) => r.code.startsWith(prefix));
}
