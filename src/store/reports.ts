/**
 * The queries behind the recap reports. A person is a `person_id` set by the resolver; a record the
 * resolver has not reached yet counts as a person of its own (`-id`), so the reports work before and after
 * `resolve` and never merge two rows by guesswork.
 */
import type { Db } from './database.js';

/** Person key: the resolver's person, or the record itself while it has none. */
const PID = 'coalesce(r.person_id, -r.id)';

/** Age in whole years at `ref` of someone born on `birth` (both 'YYYY-MM-DD' SQL expressions). */
function ageSql(birth: string, ref: string): string {
  return `(CAST(substr(${ref}, 1, 4) AS INTEGER) - CAST(substr(${birth}, 1, 4) AS INTEGER) - (substr(${ref}, 6, 5) < substr(${birth}, 6, 5)))`;
}

export interface WaveRecapQuery {
  /** Only these waves; empty or undefined for all. */
  waves?: readonly number[];
  /** Office region code (2 or 4 digits) for the residents column; null when `init` has not run. */
  office: string | null;
  /** One age reference date for every wave ('YYYY-MM-DD'); default: the day the wave's list was first imported. */
  ageAt?: string;
}

export interface WaveRecapSqlRow {
  wave: number;
  ref_date: string;
  rows: number;
  recipients: number;
  residents: number | null;
  revoked: number;
  duplicate_rows: number;
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

/**
 * One row per wave of the central lists: persons, residents, revoked, duplicate rows, NIK problems,
 * conflicts, assisted persons, sex and age bands.
 */
export function waveRecapSql(db: Db, q: WaveRecapQuery): WaveRecapSqlRow[] {
  const age = ageSql('p.birth_date', 'refs.ref_date');
  return db
    .prepare<{ waves: string | null; office: string | null; ageAt: string | null }, WaveRecapSqlRow>(
      `WITH c AS (
         SELECT r.id, ${PID} AS pid, r.wave, r.status, r.region, r.sex, r.birth_date, r.nik, r.nik_status, r.batch_id
           FROM records r
          WHERE r.source = 'central' AND r.wave IS NOT NULL
            AND (@waves IS NULL OR r.wave IN (SELECT value FROM json_each(@waves)))
       ),
       refs AS (
         SELECT c.wave, coalesce(@ageAt, min(substr(b.imported_at, 1, 10))) AS ref_date
           FROM c JOIN batches b ON b.id = c.batch_id GROUP BY c.wave
       ),
       p AS (
         SELECT wave, pid, count(*) AS n, max(status IS 'dicabut') AS revoked,
                CASE WHEN @office IS NULL THEN NULL ELSE max(coalesce(region, '') LIKE @office || '%') END AS resident,
                min(sex) AS sex, min(birth_date) AS birth_date
           FROM c GROUP BY wave, pid
       ),
       walk AS (SELECT DISTINCT person_id AS pid FROM records WHERE source = 'walkin' AND person_id IS NOT NULL),
       pa AS (
         SELECT p.*, refs.ref_date, p.pid IN (SELECT pid FROM walk) AS assisted,
                CASE WHEN p.birth_date IS NULL THEN NULL ELSE ${age} END AS age
           FROM p JOIN refs USING (wave)
       ),
       nik AS (
         SELECT wave, sum(nik_status IN ('invalid', 'missing')) AS nik_invalid, sum(nik_status = 'damaged') AS nik_damaged
           FROM c GROUP BY wave
       ),
       conflicted AS (
         SELECT record_l AS id FROM links WHERE kind = 'conflict'
         UNION SELECT record_r FROM links WHERE kind = 'conflict'
       ),
       conf AS (
         SELECT c.wave, count(DISTINCT c.nik) AS conflicts FROM c WHERE c.id IN (SELECT id FROM conflicted) GROUP BY c.wave
       )
       SELECT pa.wave, pa.ref_date, sum(pa.n) AS rows, count(*) AS recipients, sum(pa.resident) AS residents,
              sum(pa.revoked) AS revoked, sum(pa.n) - count(*) AS duplicate_rows,
              nik.nik_invalid, nik.nik_damaged, coalesce(conf.conflicts, 0) AS conflicts,
              sum(pa.assisted) AS assisted, sum(pa.sex IS 'F') AS women, sum(pa.sex IS 'M') AS men,
              sum(pa.age < 25) AS age_lt25, sum(pa.age BETWEEN 25 AND 34) AS age_25_34,
              sum(pa.age BETWEEN 35 AND 44) AS age_35_44, sum(pa.age BETWEEN 45 AND 54) AS age_45_54,
              sum(pa.age >= 55) AS age_55plus, sum(pa.age IS NULL) AS age_unknown
         FROM pa JOIN nik USING (wave) LEFT JOIN conf USING (wave)
        GROUP BY pa.wave ORDER BY pa.wave`,
    )
    .all({ waves: q.waves && q.waves.length > 0 ? JSON.stringify(q.waves) : null, office: q.office, ageAt: q.ageAt ?? null });
}

export interface MonthlyRecapSqlRow {
  /** 'YYYY-MM', or null for visits without a usable date. */
  month: string | null;
  visits: number;
  persons: number;
  recipients: number;
  visits_without_nik: number;
}

export interface MonthWaveCount {
  month: string | null;
  wave: number;
  persons: number;
}

const WALKINS = `SELECT r.id, ${PID} AS pid, substr(r.visit_date, 1, 7) AS month, r.nik_status
                   FROM records r
                  WHERE r.source = 'walkin' AND (@month IS NULL OR substr(r.visit_date, 1, 7) = @month)`;
const RECIPIENTS = `SELECT DISTINCT person_id AS pid, wave FROM records WHERE source = 'central' AND person_id IS NOT NULL`;

/** Walk-in visits per month: visits, distinct persons, persons found in a central list, visits without a valid NIK. */
export function monthlyRecapSql(db: Db, month: string | null): MonthlyRecapSqlRow[] {
  return db
    .prepare<{ month: string | null }, MonthlyRecapSqlRow>(
      `WITH w AS (${WALKINS}), rec AS (${RECIPIENTS}),
       mp AS (SELECT DISTINCT month, pid FROM w)
       SELECT w.month, count(*) AS visits, count(DISTINCT w.pid) AS persons,
              (SELECT count(*) FROM mp WHERE mp.month IS w.month AND mp.pid IN (SELECT pid FROM rec)) AS recipients,
              sum(w.nik_status <> 'valid') AS visits_without_nik
         FROM w GROUP BY w.month ORDER BY w.month IS NULL, w.month`,
    )
    .all({ month });
}

/** Per month and wave: how many of the month's visitors are recipients of that wave. */
export function monthlyWaveCountsSql(db: Db, month: string | null): MonthWaveCount[] {
  return db
    .prepare<{ month: string | null }, MonthWaveCount>(
      `WITH w AS (${WALKINS}), rec AS (${RECIPIENTS}),
       mp AS (SELECT DISTINCT month, pid FROM w)
       SELECT mp.month, rec.wave, count(*) AS persons FROM mp JOIN rec USING (pid)
        WHERE rec.wave IS NOT NULL
        GROUP BY mp.month, rec.wave ORDER BY mp.month IS NULL, mp.month, rec.wave`,
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
  nik_status: string;
  phone: string | null;
  region: string | null;
  file_name: string;
  line: number;
}

/** Every walk-in visit of a person who is in no central list, in month, person and date order. */
export function notYetRecipientVisitsSql(db: Db, month: string | null): NotYetRecipientVisit[] {
  return db
    .prepare<{ month: string | null }, NotYetRecipientVisit>(
      `WITH rec AS (${RECIPIENTS})
       SELECT substr(r.visit_date, 1, 7) AS month, ${PID} AS pid, r.visit_date, r.name, r.nik, r.nik_raw, r.nik_status,
              r.phone, r.region, b.file_name, r.line
         FROM records r JOIN batches b ON b.id = r.batch_id
        WHERE r.source = 'walkin' AND (@month IS NULL OR substr(r.visit_date, 1, 7) = @month)
          AND (r.person_id IS NULL OR r.person_id NOT IN (SELECT pid FROM rec))
        ORDER BY month IS NULL, month, pid, r.visit_date, r.id`,
    )
    .all({ month });
}

export interface AreaRecapSqlRow {
  code: string;
  recipients: number;
  revoked: number;
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
      `WITH c AS (
         SELECT ${PID} AS pid, r.region, r.status, r.sex FROM records r
          WHERE r.source = 'central' AND r.region LIKE @office || '%' AND (@wave IS NULL OR r.wave = @wave)
       ),
       p AS (SELECT pid, min(region) AS region, max(status IS 'dicabut') AS revoked, min(sex) AS sex FROM c GROUP BY pid),
       walk AS (SELECT DISTINCT person_id AS pid FROM records WHERE source = 'walkin' AND person_id IS NOT NULL)
       SELECT substr(region, 1, @digits) AS code, count(*) AS recipients, sum(revoked) AS revoked,
              sum(pid IN (SELECT pid FROM walk)) AS assisted, sum(sex IS 'F') AS women, sum(sex IS 'M') AS men
         FROM p GROUP BY 1 ORDER BY 1`,
    )
    .all({ office, digits, wave });
}
