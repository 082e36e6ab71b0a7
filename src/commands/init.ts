/** `prakerja init --region`: which kab/kota or province this office serves. */
import { UsageError } from '../errors.js';
import { t } from '../i18n/index.js';
import { regionByCode, regionsAt, type Region } from '../normalise/regions.js';
import { jaroWinkler } from '../normalise/similarity.js';
import type { Db } from '../store/database.js';
import { countRecords } from '../store/records.js';
import { getSignature, officeRegion, setOfficeRegion, setSignature, type OfficeRegion, type Signature } from '../store/settings.js';

export interface InitOptions {
  region?: string;
  /** Signature block of the recap files: any of these set or change it. */
  kepala?: string;
  nip?: string;
  jabatan?: string;
  kota?: string;
}

export interface InitResult {
  region: OfficeRegion | null;
  signature: Signature | null;
  /** The region set before, when this call changed it (null the first time, or when it is the same). */
  previous: OfficeRegion | null;
  /** Records stored: a change of region changes what the recaps count of them. */
  records: number;
}

/**
 * What `init` can refuse before a database is opened (or created): nothing to record, an unknown region.
 * @example checkInitOptions({ region: '1271' }) // { signing: false, region: { code: '1271', … } }
 */
export function checkInitOptions(options: InitOptions): { signing: boolean; region: OfficeRegion | null } {
  const signing = [options.kepala, options.nip, options.jabatan, options.kota].some((v) => v !== undefined);
  if (options.region === undefined && !signing) throw new UsageError(t.recap.initNothing());
  return { signing, region: options.region === undefined ? null : findOfficeRegion(options.region) };
}

/**
 * Records the office's region, given as a code (`1271`, `12.71`, `12`) or a name (`Kota Medan`), and the
 * signature block of its recap files. Fields not given keep what an earlier `init` stored.
 * @example initOffice(db, { region: 'Kota Medan' }) // { region: { code: '1271', name: 'Kota Medan', level: 'regency' }, signature: null }
 */
export function initOffice(db: Db, options: InitOptions): InitResult {
  const { signing, region } = checkInitOptions(options);
  const before = getSignature(db);
  const name = (options.kepala ?? before?.name ?? '').trim();
  if (signing && name === '') throw new UsageError(t.recap.signatureNeedsName());
  const previous = officeRegion(db);
  if (region) setOfficeRegion(db, region);
  if (signing) {
    setSignature(db, {
      name,
      nip: (options.nip ?? before?.nip ?? '').trim(),
      position: (options.jabatan ?? before?.position ?? '').trim(),
      city: (options.kota ?? before?.city ?? '').trim(),
    });
  }
  return {
    region: region ?? officeRegion(db),
    signature: getSignature(db),
    previous: region && previous && previous.code !== region.code ? previous : null,
    records: countRecords(db),
  };
}

export function findOfficeRegion(query: string): OfficeRegion {
  const text = query.trim();
  if (/^[0-9.]+$/.test(text)) {
    const region = regionByCode(text);
    if (!region || region.level === 'district') {
      throw new UsageError(t.init.badCode(text));
    }
    return { code: region.code, name: region.name, level: region.level };
  }
  const wanted = foldRegionName(text);
  const candidates = [...regionsAt('province'), ...regionsAt('regency')].filter((r) => !r.legacy);
  const exact = candidates.filter((r) => foldRegionName(r.name) === wanted);
  const matches = exact.length > 0 ? exact : candidates.filter((r) => foldRegionName(r.name).includes(wanted));
  const [only] = matches;
  if (matches.length === 1 && only && only.level !== 'district') return { code: only.code, name: only.name, level: only.level };
  if (matches.length === 0) {
    const close = closestRegions(wanted, candidates);
    if (close.length === 0) throw new UsageError(t.init.noName(JSON.stringify(text)));
    const suggestions = close.map((r) => `"${r.name}" (${r.code})`).join(` ${t.init.or()} `);
    throw new UsageError(t.init.didYouMean({ name: JSON.stringify(text), suggestions }));
  }
  throw new UsageError(t.init.ambiguous({ name: JSON.stringify(text), count: matches.length, list: matches.slice(0, 8).map(describe).join('; ') }));
}

/** Up to three names close to a mistyped one (`kota medn` → Kota Medan), closest first. */
function closestRegions(wanted: string, candidates: readonly Region[]): Region[] {
  const bare = (name: string) => name.replace(/^(kota|kabupaten|provinsi) /, '');
  return candidates
    .map((r) => {
      const name = foldRegionName(r.name);
      return { r, score: Math.max(jaroWinkler(wanted, name), jaroWinkler(bare(wanted), bare(name))) };
    })
    .filter((c) => c.score >= 0.88)
    .sort((a, b) => b.score - a.score || a.r.code.localeCompare(b.r.code))
    .filter((c, _i, all) => c.score >= (all[0]?.score ?? 1) - 0.05)
    .slice(0, 3)
    .map((c) => c.r);
}

function describe(r: Region): string {
  return `${r.code} ${r.name}`;
}

/** `KAB. ACEH SELATAN` and `Kabupaten Aceh Selatan` fold to the same text. */
function foldRegionName(name: string): string {
  return name
    .toLowerCase()
    .replace(/\bkab\b\.?/g, 'kabupaten')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
