/**
 * Loading: the stored rows the resolver compares → `ResolveRecord`s, each repeated string shared once.
 * Pure: rows in, records out; the rows come from `store/resolve.ts` (`resolveRows`).
 */
import { canonicaliseNik, damagedRange } from '../normalise/nik.js';
import { frontTitleSex } from '../normalise/names.js';
import { rawResolveRow, RECORD_MATCHES, type RawResolveRow, type RecordMatch, type ResolveRow } from '../store/resolve.js';
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
  const loader = new Loader();
  for (const row of rows) loader.add(rawResolveRow(row));
  return loader.done();
}

/**
 * `loadRecords` of the pages of rows as the store reads them (store/resolve.ts `resolvePages`): no row object
 * between SQLite's row and the record, of which a full resolve made a million.
 *
 * @example loadRecordPages(resolvePages(db)).records.length // every record in the database
 */
export function loadRecordPages(pages: Iterable<readonly RawResolveRow[]>): LoadedRecords {
  const loader = new Loader();
  for (const page of pages) for (const row of page) loader.add(row);
  return loader.done();
}

/**
 * Records made from rows, each repeated string shared once. SQLite hands every row fresh strings: a million
 * copies of 'central', of a birth date or of SITI AMINAH. One shared copy of each repeated value saves
 * hundreds of MB at national scale; the map is dropped after loading. (A map of name keys to their phonetic
 * keys, to look a record's two names up once, held 261 k small objects among the records at 1.1 M: 11 MB
 * more heap after loading, 35 MB more peak.)
 */
class Loader {
  private readonly records: ResolveRecord[] = [];
  private readonly stored = new StoredPersons();
  private readonly strings = new Interner();

  add(row: RawResolveRow): void {
    const [id, source, nik, status, nikRaw, nikReason, nikHint, nameKey, namePhonetic, wave, phone, birthDate, sex, personId, match, score, purpose, nameShown, unlisted] = row;
    let nikDigits: string | null = null;
    if (status === 'invalid' && nikRaw !== null) {
      // A mistyped region or date, or a dropped digit, still compares digit by digit.
      const c = canonicaliseNik(nikRaw);
      if (/^\d{15,17}$/.test(c)) nikDigits = c;
    }
    this.records.push({
      id,
      // Literals are one shared string each.
      source: source === 'central' ? 'central' : source === 'province' ? 'province' : 'walkin',
      nik,
      nikDigits,
      nikHint,
      // A scientific-notation display, or a spreadsheet's 15-digit copy, still says which NIKs it can stand for.
      nikRange: status === 'damaged' ? damagedRange(nikReason, nikRaw) : null,
      nameKey: this.strings.get(nameKey),
      namePhonetic: this.strings.get(namePhonetic),
      wave,
      phone,
      birthDate: this.strings.get(birthDate),
      sex: sex === 'M' ? 'M' : sex === 'F' ? 'F' : null,
      purpose: this.strings.get(normalisePurpose(purpose)),
      titled: nameShown ? frontTitleSex(nameShown) : null,
      unlisted: unlisted === 1,
    });
    this.stored.push(personId, match, score);
  }

  done(): LoadedRecords {
    this.strings.clear();
    return { records: this.records, stored: this.stored };
  }
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
