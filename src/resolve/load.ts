/**
 * Loading: the stored rows the resolver compares → `ResolveRecord`s, each repeated string shared once.
 * Pure: rows in, records out; the rows come from `store/resolve.ts` (`resolveRows`).
 */
import { canonicaliseNik, damagedRange, type NikRange } from '../normalise/nik.js';
import { RECORD_MATCHES, type RecordMatch, type ResolveRow } from '../store/resolve.js';
import { normalisePurpose, type ResolveRecord } from './comparison.js';

/** The records to resolve, in id order, with what an earlier resolve stored for each. */
export interface LoadedRecords {
  records: ResolveRecord[];
  /** Per record: its person id, how it joined and that link's probability, as stored (null: not resolved yet). */
  stored: { person: (number | null)[]; match: (RecordMatch | null)[]; score: (number | null)[] };
}

/**
 * @example loadRecords(resolveRows(db)).records.length // every record in the database
 */
export function loadRecords(rows: Iterable<ResolveRow>): LoadedRecords {
  const records: ResolveRecord[] = [];
  const person: (number | null)[] = [];
  const match: (RecordMatch | null)[] = [];
  const score: (number | null)[] = [];
  // SQLite hands every row fresh strings: a million copies of 'central', of 'single', of a birth date or of
  // SITI AMINAH. One shared copy of each repeated value saves hundreds of MB at national scale; the map is
  // dropped after loading.
  const intern = new Interner();
  for (const row of rows) {
    records.push(toResolveRecord(row, intern));
    person.push(row.person_id);
    match.push(sharedMatch(row.match));
    score.push(row.score);
  }
  intern.clear();
  return { records, stored: { person, match, score } };
}

/** The literal for a stored `match` (one shared string, as the interner would give). */
function sharedMatch(match: RecordMatch | null): RecordMatch | null {
  return RECORD_MATCHES.find((m) => m === match) ?? null;
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
  };
}
