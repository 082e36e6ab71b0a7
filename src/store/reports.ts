/**
 * The queries behind the recap reports. A person is a `person_id` set by the resolver (table
 * record_persons; `records_resolved` is a record with it); a record the resolver has not reached yet counts
 * as a person of its own (`-id`), so the reports work before and after `resolve` and never merge two rows by
 * guesswork.
 */
import type { NikStatus } from '../normalise/nik.js';
import type { Db } from './database.js';

/**
 * Persons seen at the walk-in desk: the guest-book records through their batches (the records' batch index,
 * a record's source is its batch's), not a scan of the (large) lists: 0.75 -> 0.10 s at 1 M + 100 k
 * (sqlite3, loaded machine). CROSS JOIN keeps SQLite on the records first.
 */
const WALKIN_PERSONS = `SELECT DISTINCT p.person_id AS pid FROM records r CROSS JOIN record_persons p ON p.record_id = r.id
                         WHERE r.batch_id IN (SELECT id FROM batches WHERE source = 'walkin')`;

/** Person key: the resolver's person, or the record itself while it has none. */
const PID = 'coalesce(r.person_id, -r.id)';

/**
 * What the database holds as persons, computed once for the import and resolve summaries, status and the
 * reports' notes, so that they agree.
 */
export interface PersonCounts {
  /** Distinct persons over every record (a record not resolved yet is a person of its own). */
  persons: number;
  /** Walk-in persons found in a central or provincial list, each once (the monthly recap's "sudah penerima"). */
  walkinRecipients: number;
  /** Persons with two or more rows of one wave in one file of the central list (duplicates inside a list). */
  listedTwice: number;
  /** Persons of a wave found in two or more files of it (the list sent again): counted once in the recaps. */
  inResentLists: number;
}

export function personCountsSql(db: Db): PersonCounts {
  // The same definitions as PID over every record, computed the fast way (they run after every import): a
  // record without a person is a person of its own, so persons = distinct person ids + unresolved records
  // (every record less those with a person: a person's row goes with its record), through the person index,
  // no temporary B-tree of a million keys; and only a person of two or more records can have two rows
  // anywhere, so the duplicate counts look at those persons' central rows alone.
  const row = db
    .prepare<[], PersonCounts>(
      `WITH multi AS MATERIALIZED (
         SELECT p.person_id AS pid, r.batch_id, r.wave FROM record_persons p JOIN records r ON r.id = p.record_id
          WHERE r.source = 'central' AND r.wave IS NOT NULL
            AND p.person_id IN (SELECT person_id FROM record_persons GROUP BY person_id HAVING count(*) > 1))
       SELECT (SELECT count(DISTINCT person_id) FROM record_persons) + (SELECT count(*) FROM records) - (SELECT count(*) FROM record_persons) AS persons,
              (SELECT count(*) FROM (${WALKIN_PERSONS}) w WHERE ${IS_RECIPIENT('w.pid')}) AS walkinRecipients,
              (SELECT count(DISTINCT pid) FROM (SELECT pid FROM multi GROUP BY batch_id, wave, pid HAVING count(*) > 1)) AS listedTwice,
              (SELECT count(DISTINCT pid) FROM (SELECT pid FROM multi GROUP BY wave, pid HAVING count(DISTINCT batch_id) > 1)) AS inResentLists`,
    )
    .get();
  return row ?? { persons: 0, walkinRecipients: 0, listedTwice: 0, inResentLists: 0 };
}

/** Age in whole years at `ref` of someone born on `birth` (both 'YYYY-MM-DD' SQL expressions). */
function ageSql(birth: string, ref: string): string {
  return `(CAST(substr(${ref}, 1, 4) AS INTEGER) - CAST(substr(${birth}, 1, 4) AS INTEGER) - (substr(${ref}, 6, 5) < substr(${birth}, 6, 5)))`;
}

export interface WaveRecapQuery {
  /** Only these waves; empty or undefined for all. */
  waves?: readonly number[];
  /** Office region code (2 or 4 digits) for the residents column; null when `init` has not run. */
  office: string | null;
  /** The age reference date ('YYYY-MM-DD') of each wave; a wave missing here gets no ages (all unknown). */
  refDates: ReadonlyMap<number, string>;
}

export interface WaveRecapSqlRow {
  wave: number;
  ref_date: string | null;
  /** Files (batches) of the central list that hold rows of this wave. */
  files: number;
  /** Rows of the wave in all its files together. */
  rows: number;
  recipients: number;
  residents: number | null;
  /** Recipients listed as dicabut; null when no file of the wave has a status column (unknown, not 0). */
  revoked: number | null;
  /** Recipients whose rows all come from files without a status column: their revocation is unknown. */
  status_unknown: number;
  /** Rows beyond one per person within one file: duplicates inside a list. */
  duplicate_rows: number;
  /** Rows of persons already counted from another file of the same wave (the list sent again). */
  repeated_rows: number;
  nik_invalid: number;
  nik_damaged: number;
  conflicts: number;
  assisted: number;
  women: number;
  men: number;
  age_lt25: number;
  age_25_34: number;
  age_35_44: number;
  age_45_54: number;
  age_55plus: number;
  age_unknown: number;
}

/** Batches whose file has a status (penerima/dicabut) column: only their rows say anything about revocation. */
const STATUS_BATCHES = `SELECT b.id FROM batches b WHERE EXISTS (SELECT 1 FROM json_each(b.columns) WHERE value = 'status')`;

/** The waves of the central lists, with the day each was first imported. */
export function centralWavesSql(db: Db): { wave: number; first_import: string }[] {
  return db
    .prepare<[], { wave: number; first_import: string }>(
      `SELECT x.wave, min(substr(b.imported_at, 1, 10)) AS first_import
         FROM (SELECT DISTINCT wave, batch_id FROM records WHERE source = 'central' AND wave IS NOT NULL) x
         JOIN batches b ON b.id = x.batch_id GROUP BY x.wave ORDER BY x.wave`,
    )
    .all();
}

/**
 * One row per wave of the central lists: files, rows, persons, residents, revoked, duplicate and repeated
 * rows, NIK problems, conflicts, assisted persons, sex and age bands.
 */
export function waveRecapSql(db: Db, q: WaveRecapQuery): WaveRecapSqlRow[] {
  const age = ageSql('p.birth_date', 'refs.ref_date');
  return db
    .prepare<{ waves: string | null; office: string | null; refs: string }, WaveRecapSqlRow>(
      `WITH refs AS (SELECT CAST(key AS INTEGER) AS wave, value AS ref_date FROM json_each(@refs)),
       sb AS (${STATUS_BATCHES}),
       bp AS (
         -- One row per wave, person and file, in a single pass over the central records.
         SELECT r.wave, ${PID} AS pid, r.batch_id, count(*) AS n, max(r.status IS 'dicabut') AS revoked,
                r.batch_id IN (SELECT id FROM sb) AS status_known,
                CASE WHEN @office IS NULL THEN NULL ELSE max(substr(coalesce(r.region, ''), 1, length(@office)) = @office) END AS resident,
                min(r.sex) AS sex, min(r.birth_date) AS birth_date,
                sum(r.nik_status IN ('invalid', 'missing')) AS nik_invalid, sum(r.nik_status = 'damaged') AS nik_damaged
           FROM records_resolved r
          WHERE r.source = 'central' AND r.wave IS NOT NULL
            AND (@waves IS NULL OR r.wave IN (SELECT value FROM json_each(@waves)))
          GROUP BY r.wave, pid, r.batch_id
       ),
       p AS (
         SELECT wave, pid, sum(n) AS n, sum(n) - count(*) AS in_file_dups, max(revoked) AS revoked, max(status_known) AS status_known,
                max(resident) AS resident, min(sex) AS sex, min(birth_date) AS birth_date,
                sum(nik_invalid) AS nik_invalid, sum(nik_damaged) AS nik_damaged
           FROM bp GROUP BY wave, pid
       ),
       wf AS (SELECT wave, count(DISTINCT batch_id) AS files FROM bp GROUP BY wave),
       walk AS (${WALKIN_PERSONS}),
       pa AS (
         SELECT p.*, refs.ref_date, p.pid IN (SELECT pid FROM walk) AS assisted,
                CASE WHEN p.birth_date IS NULL OR refs.ref_date IS NULL THEN NULL ELSE ${age} END AS age
           FROM p LEFT JOIN refs USING (wave)
       ),
       conflicted AS (
         SELECT record_l AS id FROM links WHERE kind = 'conflict'
         UNION SELECT record_r FROM links WHERE kind = 'conflict'
       ),
       conf AS (
         -- From the (few) conflict links to their records, not the other way round.
         SELECT r.wave, count(DISTINCT r.nik) AS conflicts
           FROM conflicted JOIN records r ON r.id = conflicted.id
          WHERE r.source = 'central' GROUP BY r.wave
       )
       SELECT pa.wave, pa.ref_date, wf.files, sum(pa.n) AS rows, count(*) AS recipients, sum(pa.resident) AS residents,
              CASE WHEN max(pa.status_known) = 1 THEN sum(pa.revoked * pa.status_known) END AS revoked,
              sum(1 - pa.status_known) AS status_unknown,
              sum(pa.in_file_dups) AS duplicate_rows, sum(pa.n) - count(*) - sum(pa.in_file_dups) AS repeated_rows,
              sum(pa.nik_invalid) AS nik_invalid, sum(pa.nik_damaged) AS nik_damaged, coalesce(conf.conflicts, 0) AS conflicts,
              sum(pa.assisted) AS assisted, sum(pa.sex IS 'F') AS women, sum(pa.sex IS 'M') AS men,
              sum(pa.age < 25) AS age_lt25, sum(pa.age BETWEEN 25 AND 34) AS age_25_34,
              sum(pa.age BETWEEN 35 AND 44) AS age_35_44, sum(pa.age BETWEEN 45 AND 54) AS age_45_54,
              sum(pa.age >= 55) AS age_55plus, sum(pa.age IS NULL) AS age_unknown
         FROM pa JOIN wf USING (wave) LEFT JOIN conf USING (wave)
        GROUP BY pa.wave ORDER BY pa.wave`,
    )
    .all({
      waves: q.waves && q.waves.length > 0 ? JSON.stringify(q.waves) : null,
      office: q.office,
      refs: JSON.stringify(Object.fromEntries(q.refDates)),
    });
}

/**
 * Persons a provincial list holds for a wave whose central list of that wave does not hold them: the wave and
 * kecamatan recaps count the central lists, the monthly recap any list, and this is the difference, per wave.
 * `office`: only persons whose NIK region lies in it (the kecamatan recap); `waves`: only these waves.
 */
export function provinceOnlySql(db: Db, q: { waves?: readonly number[] | null; office?: string | null }): { wave: number; persons: number }[] {
  return db
    .prepare<{ waves: string | null; office: string | null }, { wave: number; persons: number }>(
      `SELECT p.wave, count(DISTINCT p.pid) AS persons
         FROM (SELECT r.wave, ${PID} AS pid FROM records_resolved r
                WHERE r.source = 'province' AND r.wave IS NOT NULL
                  AND (@waves IS NULL OR r.wave IN (SELECT value FROM json_each(@waves)))
                  AND (@office IS NULL OR substr(coalesce(r.region, ''), 1, length(@office)) = @office)) p
        WHERE NOT EXISTS (SELECT 1 FROM record_persons cp JOIN records c ON c.id = cp.record_id
                           WHERE cp.person_id = p.pid AND c.source = 'central' AND c.wave = p.wave)
        GROUP BY p.wave ORDER BY p.wave`,
    )
    .all({ waves: q.waves && q.waves.length > 0 ? JSON.stringify(q.waves) : null, office: q.office ?? null });
}

export interface MonthlyRecapSqlRow {
  /** 'YYYY-MM', or null for visits without a usable date. */
  month: string | null;
  visits: number;
  persons: number;
  recipients: number;
  /** Persons on no list whose identity is known: a valid NIK on one of their records. */
  not_yet: number;
  /** Persons on no list without a valid NIK on any record: nobody can say whether they are recipients. */
  uncertain: number;
  visits_without_nik: number;
}

export interface MonthWaveCount {
  month: string | null;
  wave: number;
  persons: number;
}

const WALKINS = `SELECT r.id, ${PID} AS pid, substr(r.visit_date, 1, 7) AS month, r.nik_status, r.nik IS NOT NULL AS has_nik
                   FROM records_resolved r
                  WHERE r.source = 'walkin' AND (@month IS NULL OR substr(r.visit_date, 1, 7) = @month)`;
/**
 * Is person `pid` in a recipient list (central or provincial)? Through the person index: the walk-in log
 * is small, the lists are not. The same definition as the resolver's "walk-in visitors found in the lists".
 */
export const IS_RECIPIENT = (pid: string): string =>
  `EXISTS (SELECT 1 FROM record_persons cp JOIN records c ON c.id = cp.record_id WHERE cp.person_id = ${pid} AND c.source IN ('central', 'province'))`;
/** Does person `pid` (or, unresolved, its one record) have a valid NIK anywhere: is the identity known? */
const IS_KNOWN = (pid: string, ownNik: string) =>
  `(${ownNik} OR EXISTS (SELECT 1 FROM record_persons kp JOIN records k ON k.id = kp.record_id WHERE kp.person_id = ${pid} AND k.nik IS NOT NULL))`;

/** Walk-in visits per month: visits, distinct persons, recipients, not yet recipients, undecidable, visits without a valid NIK. */
export function monthlyRecapSql(db: Db, month: string | null): MonthlyRecapSqlRow[] {
  return db
    .prepare<{ month: string | null }, MonthlyRecapSqlRow>(
      `WITH w AS (${WALKINS}),
       mp AS (SELECT month, pid, ${IS_RECIPIENT('pid')} AS recipient, ${IS_KNOWN('pid', 'own_nik')} AS known
                FROM (SELECT month, pid, max(has_nik) AS own_nik FROM w GROUP BY month, pid)),
       m AS (SELECT month, sum(recipient) AS recipients, sum(NOT recipient AND known) AS not_yet,
                    sum(NOT recipient AND NOT known) AS uncertain FROM mp GROUP BY month)
       SELECT w.month, count(*) AS visits, count(DISTINCT w.pid) AS persons, m.recipients, m.not_yet, m.uncertain,
              sum(w.nik_status <> 'valid') AS visits_without_nik
         FROM w JOIN m ON m.month IS w.month GROUP BY w.month ORDER BY w.month IS NULL, w.month`,
    )
    .all({ month });
}

/** The same counts as `monthlyRecapSql` over the whole period, each person once (the month rows add up months). */
export function monthlyDistinctSql(db: Db, month: string | null): { persons: number; recipients: number; not_yet: number; uncertain: number } {
  const row = db
    .prepare<{ month: string | null }, { persons: number; recipients: number | null; not_yet: number | null; uncertain: number | null }>(
      `WITH w AS (${WALKINS}),
       p AS (SELECT pid, ${IS_RECIPIENT('pid')} AS recipient, ${IS_KNOWN('pid', 'own_nik')} AS known
               FROM (SELECT pid, max(has_nik) AS own_nik FROM w GROUP BY pid))
       SELECT count(*) AS persons, sum(recipient) AS recipients, sum(NOT recipient AND known) AS not_yet,
              sum(NOT recipient AND NOT known) AS uncertain FROM p`,
    )
    .get({ month });
  return { persons: row?.persons ?? 0, recipients: row?.recipients ?? 0, not_yet: row?.not_yet ?? 0, uncertain: row?.uncertain ?? 0 };
}

/** Central-list recipients of these waves (all when empty) who are also in the guest book, each once. */
export function assistedPersonsSql(db: Db, waves: readonly number[] | undefined): number {
  return (
    db
      .prepare<{ waves: string | null }, { n: number }>(
        `WITH walk AS (${WALKIN_PERSONS})
         SELECT count(DISTINCT p.person_id) AS n FROM record_persons p JOIN records r ON r.id = p.record_id
          WHERE r.source = 'central' AND r.wave IS NOT NULL AND p.person_id IN (SELECT pid FROM walk)
            AND (@waves IS NULL OR r.wave IN (SELECT value FROM json_each(@waves)))`,
      )
      .get({ waves: waves && waves.length > 0 ? JSON.stringify(waves) : null })?.n ?? 0
  );
}

/** Per month and wave: how many of the month's visitors are recipients of that wave. */
export function monthlyWaveCountsSql(db: Db, month: string | null): MonthWaveCount[] {
  return db
    .prepare<{ month: string | null }, MonthWaveCount>(
      `WITH w AS (${WALKINS}),
       mp AS (SELECT DISTINCT month, pid FROM w),
       mw AS (
         SELECT DISTINCT mp.month, mp.pid, c.wave FROM mp JOIN record_persons cp ON cp.person_id = mp.pid JOIN records c ON c.id = cp.record_id
          WHERE c.source IN ('central', 'province') AND c.wave IS NOT NULL
       )
       SELECT month, wave, count(*) AS persons FROM mw
        GROUP BY month, wave ORDER BY month IS NULL, month, wave`,
    )
    .all({ month });
}

export interface NotYetRecipientVisit {
  month: string | null;
  pid: number;
  visit_date: string | null;
  name: string;
  nik: string | null;
  nik_raw: string | null;
  nik_status: NikStatus;
  phone: string | null;
  region: string | null;
  file_name: string;
  line: number;
  /** 1 when the person has a valid NIK on some record (not yet a recipient), 0 when that cannot be said. */
  known: number;
}

/** Every walk-in visit of a person who is on no list, in month, person and date order. */
export function notYetRecipientVisitsSql(db: Db, month: string | null): NotYetRecipientVisit[] {
  return db
    .prepare<{ month: string | null }, NotYetRecipientVisit>(
      `SELECT substr(r.visit_date, 1, 7) AS month, ${PID} AS pid, r.visit_date, r.name, r.nik, r.nik_raw, r.nik_status,
              r.phone, r.region, b.file_name, r.line,
              CASE WHEN r.person_id IS NULL THEN r.nik IS NOT NULL ELSE ${IS_KNOWN('r.person_id', 'r.nik IS NOT NULL')} END AS known
         FROM records_resolved r JOIN batches b ON b.id = r.batch_id
        WHERE r.source = 'walkin' AND (@month IS NULL OR substr(r.visit_date, 1, 7) = @month)
          AND (r.person_id IS NULL OR NOT ${IS_RECIPIENT('r.person_id')})
        ORDER BY month IS NULL, month, pid, r.visit_date, r.id`,
    )
    .all({ month });
}

export interface AreaRecapSqlRow {
  code: string;
  recipients: number;
  /** Null when none of the area's recipients comes from a file with a status column (unknown, not 0). */
  revoked: number | null;
  assisted: number;
  women: number;
  men: number;
}

/**
 * Recipients (persons in a central list) of the office's region, grouped by the first `digits` digits of
 * their NIK region: 6 for kecamatan of a kab/kota, 4 for the kab/kota of a province.
 */
export function areaRecapSql(db: Db, office: string, digits: 4 | 6, wave: number | null): AreaRecapSqlRow[] {
  return db
    .prepare<{ office: string; digits: number; wave: number | null }, AreaRecapSqlRow>(
      `WITH sb AS (${STATUS_BATCHES}),
       c AS (
         SELECT ${PID} AS pid, r.region, r.status, r.sex, r.batch_id IN (SELECT id FROM sb) AS status_known FROM records_resolved r
          WHERE r.source = 'central' AND substr(r.region, 1, length(@office)) = @office AND (@wave IS NULL OR r.wave = @wave)
       ),
       p AS (SELECT pid, min(region) AS region, max(status IS 'dicabut') AS revoked, max(status_known) AS status_known, min(sex) AS sex FROM c GROUP BY pid),
       walk AS (${WALKIN_PERSONS})
       SELECT substr(region, 1, @digits) AS code, count(*) AS recipients, CASE WHEN max(status_known) = 1 THEN sum(revoked) END AS revoked,
              sum(pid IN (SELECT pid FROM walk)) AS assisted, sum(sex IS 'F') AS women, sum(sex IS 'M') AS men
         FROM p GROUP BY 1 ORDER BY 1`,
    )
    .all({ office, digits, wave });
}
