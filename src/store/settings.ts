/** Settings of this database: the office's region (`prakerja init`). */
import { regionByCode } from '../normalise/regions.js';
import type { Db } from './database.js';

export function getSetting(db: Db, key: string): string | undefined {
  return db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?').get(key)?.value;
}

export function setSetting(db: Db, key: string, value: string): void {
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(
    key,
    value,
  );
}

export interface OfficeRegion {
  code: string;
  name: string;
  level: 'province' | 'regency';
}

/** The office region stored by `init`, or null before it has run. */
export function officeRegion(db: Db): OfficeRegion | null {
  const code = getSetting(db, 'region');
  const region = code ? regionByCode(code) : undefined;
  return region && region.level !== 'district' ? { code: region.code, name: region.name, level: region.level } : null;
}

export function setOfficeRegion(db: Db, region: OfficeRegion): void {
  setSetting(db, 'region', region.code);
}
