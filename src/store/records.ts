import type { Db } from './database.js';
import type { NormalRecord } from '../normalise/record.js';
import { SOURCE_KINDS, type SourceKind } from './batches.js';
import type { RecordMatch } from './resolve.js';

/** One accepted row as stored; see schema.ts for the meaning of each column. */
export interface RecordRow extends NormalRecord {
  id: number;
  batch_id: number;
  source: SourceKind;
  person_id: number | null;
  match: RecordMatch | null;
  score: number | null;
}

export type NewRecord = NormalRecord;

export interface RejectRow {
  line: number;
  reason: string;
  /** JSON object: what the message is made of when read, in the reader's language (normalise/reject.ts). */
  params: string;
  /** The message in the import's language. */
  message: string;
  raw: string;
}

/**
 * The columns of a record as imported, in table order: the one list the insert (here), the read-back view
 * (`RECORD_VIEW` in resolve.ts) and, through it, the export are derived from. A field of NormalRecord
 * missing here does not compile (below).
 */
export const RECORD_FIELDS = [
  'line', 'nik_raw', 'nik', 'nik_status', 'nik_reason', 'nik_hint', 'name_raw', 'name', 'name_key', 'name_phonetic',
  'wave', 'status', 'visit_date', 'phone', 'purpose', 'regency', 'region', 'birth_date', 'sex', 'extra',
] as const satisfies readonly (keyof NormalRecord)[];
const everyFieldListed: Exclude<keyof NormalRecord, (typeof RECORD_FIELDS)[number]> extends never ? true : never = true;
void everyFieldListed;

/**
 * The fields a valid NIK gives (schema 11): stored, under their `_kept` column, only where the NIK does not
 * give them back; the column of the field's own name is generated from the NIK and that one.
 */
const KEPT_COLUMN = { nik_raw: 'nik_raw_kept', region: 'region_kept', birth_date: 'birth_date_kept', sex: 'sex_kept' } as const;
type KeptField = keyof typeof KEPT_COLUMN;
const storedColumn = (f: (typeof RECORD_FIELDS)[number]): string => (f in KEPT_COLUMN ? KEPT_COLUMN[f as KeptField] : f);

/** What the importer writes per record: its batch and source, then the record's own fields. */
const INSERT_COLUMNS = ['batch_id', 'source', ...RECORD_FIELDS.map(storedColumn)] as const;
const RECORD_COLUMNS = `(${INSERT_COLUMNS.join(', ')})`;
/** A record's values in an INSERT: its batch and source written into the statement, its own fields bound. */
const RECORD_PLACEHOLDERS = (batchId: number, source: SourceKind): string => {
  // Constants of the writer, so not bound 1 M times over: checked, as they become SQL text.
  if (!Number.isSafeInteger(batchId) || !SOURCE_KINDS.includes(source)) throw new Error(`not a batch: ${JSON.stringify({ batchId, source })}`);
  return `(${batchId}, '${source}', ${RECORD_FIELDS.map(() => '?').join(', ')})`;
};
/** Rows per INSERT statement: one statement per row spent half its time entering and leaving SQLite. */
const ROWS_PER_INSERT = 32;

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/** True for 16 ASCII digits: the only NIK whose facts the generated columns read (schema.ts NIK_BIRTH_DATE). */
function isNikDigits(nik: string): boolean {
  if (nik.length !== 16) return false;
  for (let i = 0; i < 16; i++) if (!isDigit(nik.charCodeAt(i))) return false;
  return true;
}

/** `birth` is what schema.ts NIK_BIRTH_DATE makes of `nik`: 19YY-MM-DD, the day mod 40. Compared without building it. */
function isNikBirthDate(birth: string, nik: string): boolean {
  if (birth.length !== 10 || birth.charCodeAt(4) !== 45 || birth.charCodeAt(7) !== 45) return false;
  const day = ((nik.charCodeAt(6) - 48) * 10 + nik.charCodeAt(7) - 48) % 40;
  return (
    birth.charCodeAt(0) === 49 && birth.charCodeAt(1) === 57 &&
    birth.charCodeAt(2) === nik.charCodeAt(10) && birth.charCodeAt(3) === nik.charCodeAt(11) &&
    birth.charCodeAt(5) === nik.charCodeAt(8) && birth.charCodeAt(6) === nik.charCodeAt(9) &&
    birth.charCodeAt(8) === 48 + Math.floor(day / 10) && birth.charCodeAt(9) === 48 + (day % 10)
  );
}

/**
 * A record's NIK-given fields as stored: null where the generated column gives the same value back, the
 * value itself otherwise. A record with a NIK always has all four (a valid NIK gives them): one without
 * could not be told from "derive it", and is refused as the bug it is.
 */
export function keptOf(r: Pick<NewRecord, 'nik' | KeptField>): { nik_raw: string | null; region: string | null; birth_date: string | null; sex: string | null } {
  const nik = r.nik;
  if (nik === null) return { nik_raw: r.nik_raw, region: r.region, birth_date: r.birth_date, sex: r.sex };
  if (r.nik_raw === null || r.region === null || r.birth_date === null || r.sex === null) {
    throw new Error(`a record with a NIK lacks what the NIK gives: ${JSON.stringify({ nik_raw: r.nik_raw, region: r.region, birth_date: r.birth_date, sex: r.sex })}`);
  }
  const digits = isNikDigits(nik);
  return {
    nik_raw: r.nik_raw === nik ? null : r.nik_raw,
    region: digits && r.region.length === 6 && nik.startsWith(r.region) ? null : r.region,
    birth_date: digits && isNikBirthDate(r.birth_date, nik) ? null : r.birth_date,
    sex: digits && r.sex === (nik.charCodeAt(6) >= 52 ? 'F' : 'M') ? null : r.sex,
  };
}

/**
 * A batch's NIKs that are valid or invalid only by serial 0000, and how many end in 0: a column Excel
 * rounded to 15 significant digits ends in 0 every time (serials 0001–0004 become 0000), while genuine
 * serials do so about one time in ten (and never are 0000). Counted by the writer as records go in: asked
 * of the table afterwards it was a pass over the batch (0.2-0.5 s for 1 M rows).
 */
export interface ZeroEndings {
  total: number;
  endingInZero: number;
}

/**
 * Inserts for one batch, used inside the import's transaction. Records are written 32 to a statement;
 * call `flush()` before reading them back.
 */
export function recordWriter(db: Db, batchId: number, source: SourceKind) {
  const values = RECORD_PLACEHOLDERS(batchId, source);
  const insertOne = db.prepare(`INSERT INTO records ${RECORD_COLUMNS} VALUES ${values}`);
  const insertMany = db.prepare(`INSERT INTO records ${RECORD_COLUMNS} VALUES ${Array(ROWS_PER_INSERT).fill(values).join(', ')}`);
  const insertReject = db.prepare('INSERT INTO rejects (batch_id, line, reason, params, message, raw) VALUES (?, ?, ?, ?, ?, ?)');
  const width = RECORD_FIELDS.length;
  // One array for every statement, filled in place: better-sqlite3 binds it before run() returns.
  const pending: unknown[] = new Array<unknown>(ROWS_PER_INSERT * width).fill(null);
  let rows = 0;
  const zeros: ZeroEndings = { total: 0, endingInZero: 0 };
  return {
    record(r: NewRecord): void {
      if (r.nik !== null || r.nik_reason === 'serial_zero') {
        zeros.total++;
        if (r.nik === null || r.nik.charCodeAt(15) === 48) zeros.endingInZero++;
      }
      // Spelt out, not a loop over RECORD_FIELDS: r[field] with a changing key cost 0.7 s per million
      // records. test/import-store.test.ts checks that each field lands in its own column.
      const kept = keptOf(r);
      let i = rows * width;
      pending[i++] = r.line;
      pending[i++] = kept.nik_raw;
      pending[i++] = r.nik;
      pending[i++] = r.nik_status;
      pending[i++] = r.nik_reason;
      pending[i++] = r.nik_hint;
      pending[i++] = r.name_raw;
      pending[i++] = r.name;
      pending[i++] = r.name_key;
      pending[i++] = r.name_phonetic;
      pending[i++] = r.wave;
      pending[i++] = r.status;
      pending[i++] = r.visit_date;
      pending[i++] = r.phone;
      pending[i++] = r.purpose;
      pending[i++] = r.regency;
      pending[i++] = kept.region;
      pending[i++] = kept.birth_date;
      pending[i++] = kept.sex;
      pending[i] = r.extra;
      if (++rows === ROWS_PER_INSERT) {
        insertMany.run(pending);
        rows = 0;
      }
    },
    reject(r: RejectRow): void {
      insertReject.run(batchId, r.line, r.reason, r.params, r.message, r.raw);
    },
    /** The batch's NIKs so far that {@link ZeroEndings} counts. */
    zeros(): ZeroEndings {
      return { ...zeros };
    },
    flush(): void {
      for (let i = 0; i < rows * width; i += width) insertOne.run(pending.slice(i, i + width));
      rows = 0;
    },
  };
}

/** A record of a rounded column that rounding may have changed: its NIK cell and how it was read. */
export interface RoundingCandidate {
  id: number;
  /** The valid NIK, or the raw cell of a NIK with serial 0000. */
  nik: string;
  reason: string | null;
}

/** The batch's valid NIKs ending in 0 and its NIKs with serial 0000: what `markExcelRounded` looks at. */
export function roundingCandidates(db: Db, batchId: number): RoundingCandidate[] {
  return db
    .prepare<[number], RoundingCandidate>(
      `SELECT id, coalesce(nik, nik_raw) AS nik, nik_reason AS reason FROM records
        WHERE batch_id = ? AND ((nik IS NOT NULL AND substr(nik, 16, 1) = '0') OR (nik_reason = 'serial_zero' AND nik_raw IS NOT NULL))`,
    )
    .all(batchId);
}

/** A NIK re-read as damaged: its new status, reason and trusted digits; the valid NIK is cleared. */
export interface NikDamage {
  id: number;
  reason: string;
  hint: string | null;
}

/**
 * Marks records' NIKs as damaged. The cell, region, birth date and sex stay: they are still what the NIK
 * said, and are kept (their `_kept` columns) before the NIK they were generated from is cleared.
 */
export function markNiksDamaged(db: Db, updates: readonly NikDamage[]): number {
  const update = db.prepare(
    `UPDATE records SET nik_status = 'damaged', nik_reason = ?, nik_hint = ?,
            nik_raw_kept = nik_raw, region_kept = region, birth_date_kept = birth_date, sex_kept = sex, nik = NULL
      WHERE id = ?`,
  );
  let n = 0;
  for (const u of updates) n += update.run(u.reason, u.hint, u.id).changes;
  return n;
}

/** Page cache while a large file is loaded: enough for the rows appended and the index builds after them. */
const BULK_CACHE_KIB = 4096;

/**
 * Shrinks SQLite's page cache for a bulk load and returns the function that restores it. Appending rows in
 * rowid order with the indexes suspended touches few pages at a time; the cache a resolve wants (16 MiB,
 * database.ts) cost 22 MB of peak RSS here and bought no speed (1 M rows: 10.3 s CPU either way).
 */
export function shrinkCacheForBulkLoad(db: Db): () => void {
  const before = Number(db.pragma('cache_size', { simple: true }));
  db.pragma(`cache_size = -${BULK_CACHE_KIB}`);
  return () => db.pragma(`cache_size = ${before}`);
}

/**
 * Drops the records table's secondary indexes for a bulk load and returns the function that builds them
 * again. Building an index once, sorted, is several times faster than keeping it up to date row by row
 * with random NIK keys. Both run inside the import's transaction, so a failed import keeps its indexes.
 */
export function suspendRecordIndexes(db: Db): (between?: () => void) => void {
  const indexes = db
    .prepare<[], { name: string; sql: string }>(
      `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'records' AND sql IS NOT NULL`,
    )
    .all();
  for (const { name } of indexes) db.exec(`DROP INDEX "${name.replaceAll('"', '""')}"`);
  return (between?: () => void) => {
    for (const { sql } of indexes) {
      between?.();
      db.exec(sql);
    }
  };
}

/** How many records are stored: the importer suspends indexes only when a file is large beside this. */
export function countRecords(db: Db): number {
  return db.prepare<[], { n: number }>('SELECT count(*) AS n FROM records').get()?.n ?? 0;
}

/**
 * Records not yet resolved into a person: left by an import whose matching step was interrupted (killed,
 * disk full) after its records were committed, or by `import --no-resolve`.
 */
export function countUnresolved(db: Db): number {
  // A person's row goes with its record (ON DELETE CASCADE): the records less those with a person.
  return Number(db.prepare('SELECT (SELECT count(*) FROM records) - (SELECT count(*) FROM record_persons)').pluck().get());
}
