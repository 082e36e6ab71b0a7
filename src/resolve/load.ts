/**
 * Loading: the stored rows the resolver compares → `ResolveRecord`s, each repeated string shared once.
 * Pure: rows in, records out; the rows come from `store/resolve.ts` (`resolveRows`).
 */
import { canonicaliseNik, damagedRange, type NikRange } from '../normalise/nik.js';
import { frontTitleSex } from '../normalise/names.js';
import { RECORD_MATCHES, type RecordMatch, type ResolveRow } from '../store/resolve.js';
import { normalisePurpose, type ResolveRecord } from './comparison.js';

/** The records to resolve, in id order, with what an earlier resolve stored for each. */
export interface LoadedRecords {
  records: ResolveRecord[];
  /** Per record: its person id, how it joined and that link's probability, as stored (null: not resolved yet). */
  stored: StoredPersons;
}

/**
 * What an earlier resolve stored for each record, by position, in typed arrays: 17 bytes a record, where
 * arrays of values held 24 and a boxed number more for every score (a million records: 26-40 MB).
 */
export class StoredPersons {
  private persons = new Float64Array(1024);
  private matches = new Uint8Array(1024);
  private scores = new Float64Array(1024);
  length = 0;

  push(person: number | null, match: RecordMatch | null, score: number | null): void {
    if (this.length === this.persons.length) {
      this.persons = grown(this.persons, new Float64Array(2 * this.length));
      this.matches = grown(this.matches, new Uint8Array(2 * this.length));
      this.scores = grown(this.scores, new Float64Array(2 * this.length));
    }
    this.persons[this.length] = person ?? NaN;
    this.matches[this.length] = match === null ? 0 : RECORD_MATCHES.indexOf(match) + 1;
    this.scores[this.length] = score ?? NaN;
    this.length++;
  }

  person(i: number): number | null {
    return i < this.length ? orNull(this.persons[i]) : null;
  }

  match(i: number): RecordMatch | null {
    return i < this.length ? (RECORD_MATCHES[(this.matches[i] ?? 0) - 1] ?? null) : null;
  }

  score(i: number): number | null {
    return i < this.length ? orNull(this.scores[i]) : null;
  }
}

function grown<T extends Float64Array | Uint8Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

/** NaN stands for null (no stored value). */
function orNull(x: number | undefined): number | null {
  return x === undefined || Number.isNaN(x) ? null : x;
}

/**
 * @example loadRecords(resolveRows(db)).records.length // every record in the database
 */
export function loadRecords(rows: Iterable<ResolveRow>): LoadedRecords {
  const records: ResolveRecord[] = [];
  const stored = new StoredPersons();
  // SQLite hands every row fresh strings: a million copies of 'central', of 'single', of a birth date or of
  // SITI AMINAH. One shared copy of each repeated value saves hundreds of MB at national scale; the map is
  // dropped after loading.
  const intern = new Interner();
  for (const row of rows) {
    records.push(toResolveRecord(row, intern));
    stored.push(row.person_id, row.match, row.score);
  }
  intern.clear();
  return { records, stored };
}

/** One shared copy of each distinct string value. */
class Interner {
  private readonly seen = new Map<string, string>();
  get(value: string): string;
  get(value: string | null): string | null;
  get(value: string | null): string | null {
    if (value === null) return value;
    const known = this.seen.get(value);
    if (known !== undefined) return known;
    this.seen.set(value, value);
    return value;
  }
  clear(): void {
    this.seen.clear();
  }
}

function toResolveRecord(row: Omit<ResolveRow, 'person_id' | 'match' | 'score'>, intern: Interner): ResolveRecord {
  let nikDigits: string | null = null;
  if (row.nik_status === 'invalid' && row.nik_raw !== null) {
    // A mistyped region or date, or a dropped digit, still compares digit by digit.
    const c = canonicaliseNik(row.nik_raw);
    if (/^\d{15,17}$/.test(c)) nikDigits = c;
  }
  // A scientific-notation display, or a spreadsheet's 15-digit copy, still says which NIKs it can stand for.
  const nikRange: NikRange | null = row.nik_status === 'damaged' ? damagedRange(row.nik_reason, row.nik_raw) : null;
  return {
    id: row.id,
    // Literals are one shared string each.
    source: row.source === 'central' ? 'central' : row.source === 'province' ? 'province' : 'walkin',
    nik: row.nik,
    nikDigits,
    nikHint: row.nik_hint,
    nikRange,
    nameKey: intern.get(row.name_key),
    namePhonetic: intern.get(row.name_phonetic),
    wave: row.wave,
    phone: row.phone,
    birthDate: intern.get(row.birth_date),
    sex: row.sex === 'M' ? 'M' : row.sex === 'F' ? 'F' : null,
    purpose: intern.get(normalisePurpose(row.purpose)),
    titled: row.name_shown ? frontTitleSex(row.name_shown) : null,
    unlisted: row.unlisted === 1,
  };
}
