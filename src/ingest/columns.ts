/**
 * Which column holds what. Real headers say `NIK`, `No KTP`, `NO. KTP`, `Nama Lengkap`, `nama_penerima`,
 * `GEL`, `Gelombang Ke-`…; they are compared after folding case, spaces and punctuation away.
 */
import { UsageError } from '../errors.js';
import { t } from '../i18n/index.js';

export type Field = 'nik' | 'name' | 'wave' | 'status' | 'date' | 'phone' | 'purpose' | 'regency' | 'number';
export const FIELDS: readonly Field[] = ['nik', 'name', 'wave', 'status', 'date', 'phone', 'purpose', 'regency', 'number'];

/**
 * `--map header=field`, with `ignore` to drop a column. Keys are folded headers; `labels` keeps each
 * `--map` value as typed, for messages.
 */
export type ColumnOverrides = ReadonlyMap<string, Field | 'ignore'> & { readonly labels?: ReadonlyMap<string, string> };

/** Folded header synonyms, per field. Add a spelling here when a new export layout turns up. */
const SYNONYMS: Record<Field, readonly string[]> = {
  nik: [
    'nik', 'noktp', 'nomorktp', 'nik ktp', 'nikktp', 'noinduk', 'nomorinduk', 'nomorindukkependudukan',
    'noindukkependudukan', 'ktp', 'noidentitas', 'nomoridentitas', 'niknoktp', 'nikpenerima', 'nikpeserta',
    'nonik', 'nomornik', 'noktpnik', 'nikpendaftar', 'nikpemohon', 'niktamu', 'noektp', 'ektp',
  ],
  name: [
    'nama', 'namalengkap', 'namapenerima', 'namapeserta', 'namasesuaiktp', 'namatamu', 'namapengunjung',
    'namapemohon', 'name', 'fullname', 'namalengkapsesuaiktp', 'namapendaftar', 'namaktp', 'namasesuaidenganktp',
    'namalengkappeserta', 'namapenerimamanfaat',
  ],
  wave: ['gelombang', 'gel', 'gelke', 'gelombangke', 'wave', 'batch', 'angkatan'],
  status: ['status', 'keterangan', 'ket', 'statuspenerima', 'statuskepesertaan', 'statuskartu'],
  date: [
    'tanggal', 'tgl', 'tanggalkunjungan', 'tglkunjungan', 'tanggaldatang', 'tgldatang', 'date', 'waktu',
    'haritanggal', 'tanggalpendaftaran', 'tglpendaftaran', 'haritgl', 'haritanggalkunjungan', 'tanggaldaftar',
  ],
  phone: [
    'nohp', 'hp', 'nomorhp', 'notelp', 'notelepon', 'telepon', 'telp', 'nowa', 'nomorwa', 'handphone', 'nohpwa', 'kontak',
    'nomortelepon', 'nomorhandphone', 'nohandphone', 'notelpon', 'telpon', 'whatsapp', 'nowhatsapp', 'wa', 'notelphp',
  ],
  purpose: ['keperluan', 'tujuan', 'layanan', 'maksudkunjungan', 'maksud', 'keperluankunjungan', 'jenislayanan', 'maksuddantujuan'],
  regency: [
    'kabkota', 'kabupatenkota', 'kabupaten', 'kota', 'kabkot', 'domisili', 'kabupatenkotadomisili', 'wilayah',
    'kotakabupaten', 'kotakab', 'kabkotadomisili', 'asalkabkota',
  ],
  number: ['no', 'nomor', 'nourut', 'nomorurut', 'num'],
};

const LOOKUP = new Map<string, Field>();
for (const field of FIELDS) for (const s of SYNONYMS[field]) LOOKUP.set(foldHeader(s), field);

/** `NO. KTP ` → `noktp`: lower case, ASCII letters and digits only. */
export function foldHeader(header: string): string {
  return header
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

export interface ColumnMap {
  /** Column index per recognised field. */
  fields: Partial<Record<Field, number>>;
  /** Columns kept as they are, in the record's `extra` JSON. */
  extras: { index: number; name: string }[];
  /** header → field, for the batch's record of how the file was read. */
  described: Record<string, string>;
}

/** Maps a header row to fields; the first column wins when two say the same thing. */
export function mapColumns(header: readonly string[], overrides: ColumnOverrides = new Map()): ColumnMap {
  const fields: Partial<Record<Field, number>> = {};
  const extras: { index: number; name: string }[] = [];
  const described: Record<string, string> = {};
  header.forEach((raw, index) => {
    const folded = foldHeader(raw);
    if (folded === '') return;
    const field = overrides.get(folded) ?? LOOKUP.get(folded) ?? guess(folded);
    if (field === 'ignore') {
      described[raw] = 'ignore';
    } else if (field && fields[field] === undefined) {
      fields[field] = index;
      described[raw] = field;
    } else {
      extras.push({ index, name: raw.trim() });
      described[raw] = 'extra';
    }
  });
  return { fields, extras, described };
}

/** Headers that only start like a synonym: `Gelombang Ke-` → `gelombangke…`, `NIK (16 digit)`. */
function guess(folded: string): Field | undefined {
  if (/^(nik|noktp|nomorktp)/.test(folded)) return 'nik';
  if (/^nama/.test(folded) && !/ibu|ayah|orangtua|wali|petugas|lembaga|pelatihan|kecamatan|kelurahan|desa/.test(folded)) {
    return 'name';
  }
  if (/^(gelombang|gel\d*$)/.test(folded)) return 'wave';
  if (/^(tanggal|tgl)/.test(folded)) return 'date';
  if (/^(nohp|nomorhp|notelp|nowa)/.test(folded)) return 'phone';
  return undefined;
}

/** Parses `--map` values such as `No Identitas=nik` or `Kolom X=ignore`. */
export function parseMapOptions(values: readonly string[]): ColumnOverrides {
  const map = new Map<string, Field | 'ignore'>();
  const labels = new Map<string, string>();
  for (const value of values) {
    const eq = value.lastIndexOf('=');
    const header = eq > 0 ? value.slice(0, eq) : '';
    const field = eq > 0 ? value.slice(eq + 1).trim().toLowerCase() : '';
    if (!header.trim() || !(FIELDS as readonly string[]).concat('ignore').includes(field)) {
      throw new UsageError(t.ingest.mapMalformed({ value: JSON.stringify(value), fields: FIELDS.join(', ') }));
    }
    map.set(foldHeader(header), field as Field | 'ignore');
    labels.set(foldHeader(header), value);
  }
  return Object.assign(map, { labels });
}

/**
 * The `--map` entries that name no column of this header: a typo there would otherwise be ignored.
 * @example unmatchedOverrides(['NIK', 'Nama'], parseMapOptions(['NIKK=nik'])) // ['NIKK=nik']
 */
export function unmatchedOverrides(header: readonly string[], overrides: ColumnOverrides | undefined): string[] {
  if (!overrides) return [];
  const present = new Set(header.map(foldHeader));
  return [...overrides.keys()].filter((k) => !present.has(k)).map((k) => overrides.labels?.get(k) ?? k);
}
