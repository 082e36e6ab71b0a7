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

/** Who signs the recaps, set once with `prakerja init --kepala … --nip … --jabatan … --kota …`. */
export interface Signature {
  /** The signer's name (the head of office, *kepala dinas*). */
  name: string;
  /** NIP, the civil-servant number; may be empty. */
  nip: string;
  /** Position, e.g. 'Kepala Dinas Tenaga Kerja'; may be empty. */
  position: string;
  /** The city written before the date: 'Medan, 1 Desember 2026'. */
  city: string;
}

export function getSignature(db: Db): Signature | null {
  const text = getSetting(db, 'signature');
  if (text === undefined) return null;
  const v: unknown = JSON.parse(text);
  if (typeof v !== 'object' || v === null) return null;
  const fields = new Map<string, unknown>(Object.entries(v));
  const field = (k: string): string => {
    const x = fields.get(k);
    return typeof x === 'string' ? x : '';
  };
  return { name: field('name'), nip: field('nip'), position: field('position'), city: field('city') };
}

export function setSignature(db: Db, signature: Signature): void {
  setSetting(db, 'signature', JSON.stringify(signature));
}
