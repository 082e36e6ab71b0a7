/**
 * The resolver's SQL: reading records to resolve, writing persons and links, review decisions, and the
 * queries behind explain, review export and export records.
 */
import type { Db } from './database.js';
import type { NikStatus } from '../normalise/nik.js';
import type { NormalRecord } from '../normalise/record.js';
import type { SourceKind } from './batches.js';
import { RECORD_FIELDS } from './records.js';
import { IS_RECIPIENT } from './reports.js';
import { getSetting, setSetting } from './settings.js';
import { inTransaction } from './transaction.js';

/** What a link says of its pair. */
export const LINK_KINDS = ['match', 'possible', 'conflict'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

/**
 * What decided a link: the same valid NIK with a compatible name (`exact_nik`) or an incompatible one
 * (`same_nik_other_name`, a conflict), the model (`model`), a reviewer's Y (`review`), or a model match a
 * reviewer said N to (`review_no`).
 */
export const LINK_RULES = ['exact_nik', 'same_nik_other_name', 'model', 'review', 'review_no'] as const;
export type LinkRule = (typeof LINK_RULES)[number];

/**
 * Which clustering guard refused a link the model matched (resolve/clustering.ts), so that it stayed a
 * possible match: `nik`, the two persons' valid NIKs have no centre (no NIK one keystroke from all the
 * others; one person has one NIK); `kept_apart`, one person holds a record that must never be with a record
 * of the other (a conflict, or a reviewer's N); `one_word`, the deterministic pass's: under one NIK, one
 * name is a single word of the other (the holder with a title in place of a word, or a relative sharing
 * it); `given_name`, the same: the names differ in one given name, the two spellings each a name of many
 * (DWI / DEWI NINGSIH: a typo, or a relative with the family name). Null for every other link.
 */
export const REFUSED_BY = ['nik', 'kept_apart', 'one_word', 'given_name'] as const;
export type RefusedBy = (typeof REFUSED_BY)[number];

/** How a record joined its person: by the rule of its strongest match link, or alone (`single`). */
export const RECORD_MATCHES = ['single', 'exact_nik', 'model', 'review'] as const;
export type RecordMatch = (typeof RECORD_MATCHES)[number];

/** The blocking rule that brought a pair to be compared (see resolve/blocking.ts). */
export const BLOCKING_RULES = [
  'nik_region_date',
  'nik_date_serial',
  'nik_region_serial_name',
  'nik_group_swap',
  'name_region',
  'name',
  'phone',
  'list_serial_wave',
  'list_scientific_wave',
] as const;
export type BlockingRule = (typeof BLOCKING_RULES)[number];

export interface ResolveRow {
  id: number;
  source: SourceKind;
  nik: string | null;
  nik_status: NikStatus;
  /** The raw cell of an invalid NIK, of a scientific-notation display or of a spreadsheet's 15-digit copy. */
  nik_raw: string | null;
  /** Why a damaged NIK is damaged (scientific_notation, excel_number, excel_rounded); null otherwise. */
  nik_reason: string | null;
  nik_hint: string | null;
  name_key: string;
  name_phonetic: string;
  wave: number | null;
  phone: string | null;
  birth_date: string | null;
  sex: 'M' | 'F' | null;
  person_id: number | null;
  match: RecordMatch | null;
  score: number | null;
  /** The visit purpose written in the guest book (walk-in rows only). */
  purpose: string | null;
  /**
   * The name as shown (with its titles) of a guest-book row whose name is one word, for the deterministic
   * pass's title in place of a word; null (or absent) for every other row.
   */
  name_shown?: string | null;
  /** 1 for a provincial row whose valid NIK no central row holds; null (or absent) otherwise. */
  unlisted?: number | null;
}

/** The columns the resolver compares, as `ResolveRow`. */
const RESOLVE_COLUMNS = `SELECT id, source, nik, nik_status,
       CASE WHEN nik_status = 'invalid' OR nik_reason IN ('scientific_notation', 'excel_number', 'excel_rounded') THEN nik_raw END AS nik_raw,
       CASE WHEN nik_status = 'damaged' THEN nik_reason END AS nik_reason, nik_hint,
       name_key, name_phonetic, wave, phone, birth_date, sex, p.person_id, p.match, p.score,
       CASE WHEN source = 'walkin' THEN purpose END AS purpose,
       CASE WHEN source = 'walkin' AND instr(name_key, ' ') = 0 THEN name END AS name_shown,
       CASE WHEN source = 'province' AND nik IS NOT NULL
             AND NOT EXISTS (SELECT 1 FROM records held WHERE held.nik = records.nik AND held.source = 'central') THEN 1 END AS unlisted
  FROM records LEFT JOIN record_persons p ON p.record_id = records.id`;

/** A row of RESOLVE_COLUMNS as better-sqlite3's raw mode hands it: the columns in their SELECT order. */
export type RawResolveRow = [
  id: number,
  source: SourceKind,
  nik: string | null,
  nik_status: NikStatus,
  nik_raw: string | null,
  nik_reason: string | null,
  nik_hint: string | null,
  name_key: string,
  name_phonetic: string,
  wave: number | null,
  phone: string | null,
  birth_date: string | null,
  sex: 'M' | 'F' | null,
  person_id: number | null,
  match: RecordMatch | null,
  score: number | null,
  purpose: string | null,
  name_shown: string | null,
  unlisted: number | null,
];

/**
 * Every record, in id order, with just the columns the resolver compares, in pages of 2,000 raw rows
 * (arrays): better-sqlite3's row-by-row iterator costs several microseconds a row, a page of 20,000 fresh
 * rows outlived V8's young generation, and better-sqlite3 builds a row object property by property (60% of
 * the read: 330 k rows, 1.26 → 0.47 s).
 */
export function* resolvePages(db: Db): Generator<RawResolveRow[]> {
  const page = db.prepare<[number], RawResolveRow>(`${RESOLVE_COLUMNS} WHERE id > ? ORDER BY id LIMIT 2000`).raw(true);
  let after = 0;
  for (;;) {
    const rows = page.all(after);
    if (rows.length === 0) return;
    yield rows;
    after = rows[rows.length - 1]?.[0] ?? after;
  }
}

/** Every record, in id order, as `ResolveRow`s (resolvePages). */
export function* resolveRows(db: Db): Generator<ResolveRow> {
  for (const rows of resolvePages(db)) {
    for (const r of rows) {
      yield {
        id: r[0],
        source: r[1],
        nik: r[2],
        nik_status: r[3],
        nik_raw: r[4],
        nik_reason: r[5],
        nik_hint: r[6],
        name_key: r[7],
        name_phonetic: r[8],
        wave: r[9],
        phone: r[10],
        birth_date: r[11],
        sex: r[12],
        person_id: r[13],
        match: r[14],
        score: r[15],
        purpose: r[16],
        name_shown: r[17],
        unlisted: r[18],
      };
    }
  }
}

/** A `ResolveRow` as the raw row of the same columns (resolvePages). */
export function rawResolveRow(r: ResolveRow): RawResolveRow {
  return [
    r.id,
    r.source,
    r.nik,
    r.nik_status,
    r.nik_raw,
    r.nik_reason,
    r.nik_hint,
    r.name_key,
    r.name_phonetic,
    r.wave,
    r.phone,
    r.birth_date,
    r.sex,
    r.person_id,
    r.match,
    r.score,
    r.purpose,
    r.name_shown ?? null,
    r.unlisted ?? null,
  ];
}

/** The records of these ids (any order, repeats allowed), in id order. */
export function resolveRowsById(db: Db, ids: Iterable<number>): ResolveRow[] {
  const sorted = [...new Set(ids)].sort((a, b) => a - b);
  const page = db.prepare<[string], ResolveRow>(`${RESOLVE_COLUMNS} WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id`);
  const out: ResolveRow[] = [];
  for (let i = 0; i < sorted.length; i += 20_000) out.push(...page.all(JSON.stringify(sorted.slice(i, i + 20_000))));
  return out;
}

/** Every guest-book record, in id order: through the batches (the records' batch index), not a scan of the lists. */
export function walkinRows(db: Db): ResolveRow[] {
  return db
    .prepare<[], ResolveRow>(`${RESOLVE_COLUMNS} WHERE batch_id IN (SELECT id FROM batches WHERE source = 'walkin') ORDER BY id`)
    .all();
}

/** Which of these valid NIKs a central or provincial list holds (the records' NIK index). */
export function listedNiks(db: Db, niks: Iterable<string>): Set<string> {
  const q = db.prepare<[string], string>(
    `SELECT DISTINCT nik FROM records WHERE nik IN (SELECT value FROM json_each(?)) AND source <> 'walkin'`,
  ).pluck();
  const out = new Set<string>();
  const unique = [...new Set(niks)];
  for (let i = 0; i < unique.length; i += 20_000) for (const nik of q.all(JSON.stringify(unique.slice(i, i + 20_000)))) out.add(nik);
  return out;
}

/** The records of one batch, in id order. */
export function batchResolveRows(db: Db, batchId: number): ResolveRow[] {
  return db.prepare<[number], ResolveRow>(`${RESOLVE_COLUMNS} WHERE batch_id = ? ORDER BY id`).all(batchId);
}

/**
 * Removes these [hash, record id] block keys (records about to be deleted) and lowers the count of keyed
 * records by `keyed`, so that the keys stay those of exactly the records left (blockKeysCurrent).
 */
export function forgetBlockKeys(db: Db, keys: Iterable<readonly [number, number]>, keyed: number): void {
  const del = db.prepare<[number, number]>('DELETE FROM block_keys WHERE hash = ? AND record_id = ?');
  for (const [hash, id] of keys) del.run(hash, id);
  db.prepare<[number]>('UPDATE resolve_snapshot SET keyed_count = keyed_count - ? WHERE id = 1').run(keyed);
}

/** Records without a person yet (imported since the last resolve), in id order. */
export function unresolvedRows(db: Db): ResolveRow[] {
  return db.prepare<[], ResolveRow>(`${RESOLVE_COLUMNS} WHERE p.record_id IS NULL ORDER BY id`).all();
}

export interface LinkRow {
  record_l: number;
  record_r: number;
  kind: LinkKind;
  rule: LinkRule;
  /** The blocking rule that found the pair; null when no blocking did (same NIK, review), and in links stored before schema 3. */
  blocking: BlockingRule | null;
  weight: number | null;
  probability: number | null;
  levels: string;
  /** The clustering guard that kept a model match apart (then kind is possible); null otherwise. */
  refused: RefusedBy | null;
}

/**
 * Forget every link before a full rebuild. The records' persons are not cleared: the rebuild writes every
 * record's person that changed anyway.
 */
export function clearLinks(db: Db): void {
  db.exec('DELETE FROM links');
}

/**
 * Runs `write` with the person index dropped and rebuilt after: updating a million indexed person ids one
 * by one costs several times more than building the index once (the usual bulk-load trick).
 */
export function withoutPersonIndex<T>(db: Db, write: () => T): T {
  db.exec('DROP INDEX IF EXISTS record_persons_person');
  try {
    return write();
  } finally {
    db.exec('CREATE INDEX IF NOT EXISTS record_persons_person ON record_persons(person_id)');
  }
}

/**
 * Writes links, 100 to a statement (as writePersons): one statement a link, its nine values bound by name, took
 * 10 µs a link at 1.1 M. A pair written twice keeps its first id and takes the later values, as one by one.
 */
export function writeLinks(db: Db, links: Iterable<LinkRow>): number {
  const insertMany = (rows: number) =>
    db.prepare<[readonly (number | string | null)[]]>(
      `INSERT INTO links (record_l, record_r, kind, rule, blocking, weight, probability, levels, refused)
       VALUES ${Array.from({ length: rows }, () => '(?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}
       ON CONFLICT (record_l, record_r) DO UPDATE SET kind = excluded.kind, rule = excluded.rule, blocking = excluded.blocking,
         weight = excluded.weight, probability = excluded.probability, levels = excluded.levels, refused = excluded.refused`,
    );
  let full: ReturnType<typeof insertMany> | undefined;
  const args: (number | string | null)[] = new Array<number | string | null>(9 * LINKS_A_STATEMENT).fill(null);
  let held = 0;
  let n = 0;
  for (const link of links) {
    const at = 9 * held;
    args[at] = link.record_l;
    args[at + 1] = link.record_r;
    args[at + 2] = link.kind;
    args[at + 3] = link.rule;
    args[at + 4] = link.blocking;
    args[at + 5] = link.weight;
    args[at + 6] = link.probability;
    args[at + 7] = link.levels;
    args[at + 8] = link.refused;
    if (++held === LINKS_A_STATEMENT) {
      full ??= insertMany(LINKS_A_STATEMENT);
      full.run(args);
      held = 0;
    }
    n++;
  }
  if (held > 0) insertMany(held).run(args.slice(0, 9 * held));
  return n;
}

/** Links written by one statement: 100, 900 parameters. */
const LINKS_A_STATEMENT = 100;

/**
 * Stores a resolution in one transaction: it replaces every link, and writes the persons with the person
 * index dropped, rebuilt after.
 */


/**
 * Stores a resolution made part by part (resolve/partition.ts) in one transaction: every link replaced,
 * each part's links and persons written as the part is resolved (so only one part is held at a time).
 */
export function writeResolutionParts(
  db: Db,
  parts: Iterable<{ links: Iterable<LinkRow>; persons: Iterable<PersonUpdate> }>,
  snapshot: SnapshotRow,
  /** Block keys to add, in chunks (BlockKeyChunk); `rebuild`: replace all stored ones, of this `format`. */
  keys: { rebuild: boolean; format: string; chunks: Iterable<BlockKeyChunk> },
): void {
  // IMMEDIATE: a deferred transaction that finds another process's commit newer than its first read gets
  // SQLITE_BUSY at once, without waiting for the lock.
  inTransaction(
    db,
    () => {
      clearLinks(db);
      withoutPersonIndex(db, () => {
        for (const part of parts) {
          writeLinks(db, part.links);
          writePersons(db, part.persons);
        }
      });
      writeBlockKeys(db, keys.chunks, keys.rebuild);
      if (keys.rebuild) setSetting(db, 'block_keys_format', keys.format);
      saveSnapshot(db, snapshot);
    },
    { immediate: true },
  );
}

/** What a full resolve learnt (table resolve_snapshot): the frozen statistics of the next incremental ones. */
export interface SnapshotRow {
  learnt_at: string;
  /** Records whose block keys are stored: those with an id up to keyed_through, keyed_count of them. */
  keyed_through: number;
  keyed_count: number;
  /**
   * Records the statistics were learnt from, and of each source (JSON {"central": n, …}); when a guest book's
   * growth relearnt its visit purposes since, "walkin" counts the book they were learnt from and
   * "purposes_learnt_at" says when (ISO; resolve/incremental.ts `purposesRelearnt`).
   */
  records: number;
  sources: string;
  /** resolve/snapshot.ts `snapshotOfFrequencies`. */
  frequencies: string;
  /** The block keys capped as too large, per blocking rule (JSON). */
  capped: string;
}

export function saveSnapshot(db: Db, snapshot: SnapshotRow): void {
  db.prepare(
    `INSERT INTO resolve_snapshot (id, learnt_at, records, sources, frequencies, capped, keyed_through, keyed_count)
     VALUES (1, @learnt_at, @records, @sources, @frequencies, @capped, @keyed_through, @keyed_count)
     ON CONFLICT (id) DO UPDATE SET learnt_at = excluded.learnt_at, records = excluded.records, sources = excluded.sources,
       frequencies = excluded.frequencies, capped = excluded.capped, keyed_through = excluded.keyed_through, keyed_count = excluded.keyed_count`,
  ).run(snapshot);
}

/** When the stored statistics were learnt and from how many records, without reading them; undefined before the first full resolve. */
export function snapshotLearnt(db: Db): Pick<SnapshotRow, 'learnt_at' | 'records' | 'sources'> | undefined {
  return db.prepare<[], Pick<SnapshotRow, 'learnt_at' | 'records' | 'sources'>>('SELECT learnt_at, records, sources FROM resolve_snapshot WHERE id = 1').get();
}

/** The stored snapshot; undefined before the first full resolve. */
export function loadSnapshot(db: Db): SnapshotRow | undefined {
  return db
    .prepare<[], SnapshotRow>('SELECT learnt_at, records, sources, frequencies, capped, keyed_through, keyed_count FROM resolve_snapshot WHERE id = 1')
    .get();
}

/**
 * The records of each source, from the batches' imported counts (a few rows, not a scan of the records): a
 * batch's records are deleted only with the batch.
 */
export function recordsBySource(db: Db): Record<SourceKind, number> {
  const out: Record<SourceKind, number> = { central: 0, province: 0, walkin: 0 };
  const rows = db.prepare<[], { source: SourceKind; n: number }>('SELECT source, sum(rows_imported) AS n FROM batches GROUP BY source').all();
  for (const r of rows) out[r.source] = Number(r.n);
  return out;
}

/**
 * Whether the stored block keys are of this format and those of exactly the records up to keyed_through
 * (none deleted since).
 */
export function blockKeysCurrent(db: Db, snapshot: Pick<SnapshotRow, 'keyed_through' | 'keyed_count'>, format: string): boolean {
  if (getSetting(db, 'block_keys_format') !== format) return false;
  const n = Number(db.prepare<[number]>('SELECT count(*) FROM records WHERE id <= ?').pluck().get(snapshot.keyed_through));
  return n === snapshot.keyed_count;
}

/**
 * Stores block-key hashes, given in chunks of `hash, record id, hash, record id, …` in the table's order
 * (hash, then id: then each chunk appends to the B-tree), 500 rows to a statement, not one: a million records
 * have ~5 million keys (a JSON array per chunk through `json_each` took 2.4 times as long). With `rebuild`,
 * every stored key is replaced.
 */
export function writeBlockKeys(db: Db, chunks: Iterable<BlockKeyChunk>, rebuild = false): void {
  if (rebuild) db.exec('DELETE FROM block_keys');
  const insertMany = (rows: number) =>
    db.prepare<[readonly number[]]>(`INSERT OR IGNORE INTO block_keys (hash, record_id) VALUES ${Array.from({ length: rows }, () => '(?, ?)').join(', ')}`);
  const full = insertMany(KEYS_A_STATEMENT);
  const one = insertMany(1);
  const args = new Array<number>(2 * KEYS_A_STATEMENT).fill(0);
  const pair = [0, 0];
  for (const chunk of chunks) {
    let i = 0;
    for (; i + 2 * KEYS_A_STATEMENT <= chunk.length; i += 2 * KEYS_A_STATEMENT) {
      for (let k = 0; k < 2 * KEYS_A_STATEMENT; k++) args[k] = chunk[i + k] ?? 0;
      full.run(args);
    }
    for (; i + 1 < chunk.length; i += 2) {
      pair[0] = chunk[i] ?? 0;
      pair[1] = chunk[i + 1] ?? 0;
      one.run(pair);
    }
  }
}

/** Block keys as `hash, record id, hash, record id, …` (resolve/keys.ts `sortedBlockKeys`). */
export type BlockKeyChunk = ArrayLike<number>;

/** Block keys bound to one INSERT: 500 rows, 1,000 parameters (SQLite allows 32,766). */
const KEYS_A_STATEMENT = 500;

/** The stored records under any of these hashes, as [hash, record id]. */
export function recordsUnderKeys(db: Db, hashes: readonly number[]): { hash: number; record_id: number }[] {
  const q = db.prepare<[string], { hash: number; record_id: number }>(
    'SELECT hash, record_id FROM block_keys WHERE hash IN (SELECT value FROM json_each(?))',
  );
  const out: { hash: number; record_id: number }[] = [];
  const unique = [...new Set(hashes)];
  for (let i = 0; i < unique.length; i += 20_000) out.push(...q.all(JSON.stringify(unique.slice(i, i + 20_000))));
  return out;
}

/** The records holding any of these valid NIKs, as [nik, record id] (the records' NIK index). */
export function recordsWithNiks(db: Db, niks: readonly string[]): { nik: string; id: number }[] {
  const q = db.prepare<[string], { nik: string; id: number }>('SELECT nik, id FROM records WHERE nik IN (SELECT value FROM json_each(?))');
  const out: { nik: string; id: number }[] = [];
  const unique = [...new Set(niks)];
  for (let i = 0; i < unique.length; i += 20_000) out.push(...q.all(JSON.stringify(unique.slice(i, i + 20_000))));
  return out;
}

/**
 * For each range, the list rows (central, province) of its wave whose valid NIK lies from `low` to `high`
 * and whose name key starts with one of `letters`: the full NIKs a scientific-notation row's display can stand for
 * (resolve/keys.ts), found through the records' NIK index.
 */
export function listRowsInRanges(db: Db, ranges: readonly { low: string; high: string; wave: number; letters: readonly string[] }[]): number[][] {
  if (ranges.length === 0) return [];
  const q = db.prepare<[string, string, number, string], { id: number }>(
    "SELECT id FROM records WHERE nik BETWEEN ? AND ? AND wave = ? AND source <> 'walkin' AND substr(name_key, 1, 1) IN (SELECT value FROM json_each(?)) ORDER BY id",
  );
  return ranges.map((r) => q.all(r.low, r.high, r.wave, JSON.stringify(r.letters)).map((row) => row.id));
}

/** The records linked (any link) to any of these. */
export function linkedTo(db: Db, ids: readonly number[]): number[] {
  const q = db.prepare<[string, string], { id: number }>(
    `SELECT record_r AS id FROM links WHERE record_l IN (SELECT value FROM json_each(?))
     UNION SELECT record_l FROM links WHERE record_r IN (SELECT value FROM json_each(?))`,
  );
  const out: number[] = [];
  for (let i = 0; i < ids.length; i += 20_000) {
    const chunk = JSON.stringify(ids.slice(i, i + 20_000));
    for (const r of q.all(chunk, chunk)) out.push(r.id);
  }
  return out;
}

/**
 * Stores the resolution of some records (an import's, and the stored records they can join) in one
 * transaction: their links replaced, their changed persons written, the new records' block keys added.
 */
export function writePartialResolution(
  db: Db,
  touched: readonly number[],
  links: Iterable<LinkRow>,
  persons: Iterable<PersonUpdate>,
  keys: Iterable<BlockKeyChunk>,
  keyed: Pick<SnapshotRow, 'keyed_through' | 'keyed_count'>,
  /** Statistics relearnt by this run (a guest book's visit purposes), stored with its persons. */
  relearnt?: Pick<SnapshotRow, 'frequencies' | 'sources'>,
): void {
  inTransaction(
    db,
    () => {
      const del = db.prepare<[string, string]>(
        'DELETE FROM links WHERE record_l IN (SELECT value FROM json_each(?)) OR record_r IN (SELECT value FROM json_each(?))',
      );
      for (let i = 0; i < touched.length; i += 20_000) {
        const chunk = JSON.stringify(touched.slice(i, i + 20_000));
        del.run(chunk, chunk);
      }
      writeLinks(db, links);
      writePersons(db, persons);
      writeBlockKeys(db, keys);
      db.prepare('UPDATE resolve_snapshot SET keyed_through = @keyed_through, keyed_count = @keyed_count WHERE id = 1').run(keyed);
      if (relearnt) db.prepare('UPDATE resolve_snapshot SET frequencies = @frequencies, sources = @sources WHERE id = 1').run(relearnt);
    },
    { immediate: true },
  );
}

export interface PersonUpdate {
  id: number;
  person_id: number;
  match: RecordMatch;
  score: number | null;
}

/**
 * Writes the records' persons (table record_persons: a new row, or the record's row replaced), 250 records
 * to a statement: a statement a record took 1.5 times as long at 1.1 M. The ids come in ascending order, so
 * a first resolve appends to the table's B-tree.
 */
export function writePersons(db: Db, updates: Iterable<PersonUpdate>): number {
  const updateMany = (rows: number) =>
    db.prepare<[readonly (number | string | null)[]]>(
      `INSERT INTO record_persons (record_id, person_id, match, score) VALUES ${Array.from({ length: rows }, () => '(?, ?, ?, ?)').join(', ')}
       ON CONFLICT (record_id) DO UPDATE SET person_id = excluded.person_id, match = excluded.match, score = excluded.score`,
    );
  const full = updateMany(PERSONS_A_STATEMENT);
  const args: (number | string | null)[] = new Array<number | string | null>(4 * PERSONS_A_STATEMENT).fill(null);
  let held = 0;
  let n = 0;
  for (const u of updates) {
    args[4 * held] = u.id;
    args[4 * held + 1] = u.person_id;
    args[4 * held + 2] = u.match;
    args[4 * held + 3] = u.score;
    if (++held === PERSONS_A_STATEMENT) {
      full.run(args);
      held = 0;
    }
    n++;
  }
  if (held > 0) updateMany(held).run(args.slice(0, 4 * held));
  return n;
}

/** Records updated by one statement: 250, 1,000 parameters. */
const PERSONS_A_STATEMENT = 250;

// ---------------------------------------------------------------------------------------------------------
// Review decisions

export interface DecisionInput {
  sha_l: string;
  line_l: number;
  sha_r: string;
  line_r: number;
  decision: 'Y' | 'N';
  review_file: string | null;
}

export function saveDecision(db: Db, d: DecisionInput, decidedAt: string): void {
  db.prepare(
    `INSERT INTO decisions (sha_l, line_l, sha_r, line_r, decision, decided_at, review_file)
     VALUES (@sha_l, @line_l, @sha_r, @line_r, @decision, @decided_at, @review_file)
     ON CONFLICT (sha_l, line_l, sha_r, line_r) DO UPDATE SET decision = excluded.decision,
       decided_at = excluded.decided_at, review_file = excluded.review_file`,
  ).run({ ...d, decided_at: decidedAt });
}

/** Decisions whose two records are both in the database, as record ids. */
export function decisionPairs(db: Db): { record_l: number; record_r: number; decision: 'Y' | 'N' }[] {
  return db
    .prepare<[], { record_l: number; record_r: number; decision: 'Y' | 'N' }>(
      `SELECT rl.id AS record_l, rr.id AS record_r, d.decision
         FROM decisions d
         JOIN batches bl ON bl.sha256 = d.sha_l JOIN records rl ON rl.batch_id = bl.id AND rl.line = d.line_l
         JOIN batches br ON br.sha256 = d.sha_r JOIN records rr ON rr.batch_id = br.id AND rr.line = d.line_r`,
    )
    .all();
}

// ---------------------------------------------------------------------------------------------------------
// Reading records back (explain, review, export)

/** A record read back (explain, review, export): every imported field, how it was resolved, and its file. */
export type RecordView = Pick<NormalRecord, (typeof RECORD_FIELDS)[number]> & {
  id: number;
  source: SourceKind;
  person_id: number | null;
  match: RecordMatch | null;
  score: number | null;
  file: string;
  sha256: string;
  /** The workbook sheet the record came from; null for CSV. */
  sheet: string | null;
};

/** Derived from RECORD_FIELDS: a new field of a record is read back without touching this. */
const RECORD_VIEW = `SELECT r.id, r.source, ${RECORD_FIELDS.map((f) => `r.${f}`).join(', ')}, p.person_id, p.match, p.score,
       b.file_name AS file, b.sha256, b.sheet
  FROM records r JOIN batches b ON b.id = r.batch_id LEFT JOIN record_persons p ON p.record_id = r.id`;

/** Records of a NIK, and the spreadsheet copies (`copies`, 15 digits kept) that can stand for it. */
export function recordsByNik(db: Db, nik: string, copies: readonly string[] = []): RecordView[] {
  return db
    .prepare<[string, string, string], RecordView>(
      `${RECORD_VIEW} WHERE r.nik = ? OR r.nik_raw = ?
          OR (r.nik_reason IN ('excel_number', 'excel_rounded') AND r.nik_raw IN (SELECT value FROM json_each(?))) ORDER BY r.id`,
    )
    .all(nik, nik, JSON.stringify(copies));
}

/** Records whose valid NIK starts and ends with these digits: a NIK as it is shown masked (127101******0003). */
export function recordsByNikEnds(db: Db, prefix: string, suffix: string): RecordView[] {
  return db
    .prepare<[string, string], RecordView>(`${RECORD_VIEW} WHERE length(r.nik) = 16 AND substr(r.nik, 1, 6) = ? AND substr(r.nik, 13, 4) = ? ORDER BY r.id`)
    .all(prefix, suffix);
}

export function recordsByFileLine(db: Db, file: string, line: number): RecordView[] {
  return db
    .prepare<[string, string, number], RecordView>(`${RECORD_VIEW} WHERE (b.file_name = ? OR b.file_path = ?) AND r.line = ? ORDER BY r.id`)
    .all(file, file, line);
}

export function recordsOfPerson(db: Db, personId: number): RecordView[] {
  return db.prepare<[number], RecordView>(`${RECORD_VIEW} WHERE p.person_id = ? ORDER BY r.id`).all(personId);
}

export function recordsById(db: Db, ids: readonly number[]): RecordView[] {
  if (ids.length === 0) return [];
  return db
    .prepare<[string], RecordView>(`${RECORD_VIEW} WHERE r.id IN (SELECT value FROM json_each(?)) ORDER BY r.id`)
    .all(JSON.stringify(ids));
}

/** The distinct valid NIKs of each of these persons (explain and review say which NIKs kept two apart). */
export function personNiks(db: Db, personIds: readonly number[]): Map<number, string[]> {
  const out = new Map<number, string[]>();
  if (personIds.length === 0) return out;
  const rows = db
    .prepare<[string], { person_id: number; nik: string }>(
      `SELECT DISTINCT p.person_id, r.nik FROM record_persons p JOIN records r ON r.id = p.record_id
        WHERE p.person_id IN (SELECT value FROM json_each(?)) AND r.nik_status = 'valid' AND r.nik IS NOT NULL ORDER BY p.person_id, r.nik`,
    )
    .all(JSON.stringify(personIds));
  for (const r of rows) out.set(r.person_id, [...(out.get(r.person_id) ?? []), r.nik]);
  return out;
}

/**
 * Which of these persons hold a guest-book row (`walkin`) and which a row of a central or provincial list
 * (`listed`, reports.ts IS_RECIPIENT): a walk-in person without a listed row is a visitor not (yet) counted as a
 * recipient.
 */
export function personSources(db: Db, personIds: readonly number[]): Map<number, { walkin: boolean; listed: boolean }> {
  if (personIds.length === 0) return new Map();
  const rows = db
    .prepare<[string], { person_id: number; walkin: number; listed: number }>(
      `SELECT p.value AS person_id,
              EXISTS (SELECT 1 FROM record_persons wp JOIN records w ON w.id = wp.record_id WHERE wp.person_id = p.value AND w.source = 'walkin') AS walkin,
              ${IS_RECIPIENT('p.value')} AS listed
         FROM json_each(?) p`,
    )
    .all(JSON.stringify(personIds));
  return new Map(rows.map((r) => [r.person_id, { walkin: r.walkin === 1, listed: r.listed === 1 }]));
}

/** Links touching any of the records. */
export function linksOf(db: Db, ids: readonly number[]): (LinkRow & { id: number })[] {
  if (ids.length === 0) return [];
  return db
    .prepare<[string, string], LinkRow & { id: number }>(
      `SELECT id, record_l, record_r, kind, rule, blocking, weight, probability, levels, refused FROM links
        WHERE record_l IN (SELECT value FROM json_each(?)) OR record_r IN (SELECT value FROM json_each(?))
        ORDER BY kind, probability DESC`,
    )
    .all(JSON.stringify(ids), JSON.stringify(ids));
}

/**
 * The links that need a person's decision: every conflict, and every possible match whose two records are
 * still two persons (a possible pair already joined through other links needs none), one per pair of
 * persons and kind: the likeliest (a visitor against a recipient's central and provincial rows is one
 * decision, not two; a Y joins the persons, an N keeps them apart whichever records carry it). The one
 * definition of "to review", for review export, the import and resolve summaries, and status. (On the 20k
 * accuracy run: 865 record pairs, 697 pairs of persons.)
 */
const TO_REVIEW = `FROM links k WHERE k.id IN (
  SELECT id FROM (
    SELECT k.id, row_number() OVER (
        PARTITION BY k.kind = 'conflict', min(coalesce(a.person_id, -k.record_l), coalesce(b.person_id, -k.record_r)),
                     max(coalesce(a.person_id, -k.record_l), coalesce(b.person_id, -k.record_r))
        ORDER BY k.probability DESC, k.id) AS n
      FROM links k LEFT JOIN record_persons a ON a.record_id = k.record_l LEFT JOIN record_persons b ON b.record_id = k.record_r
     WHERE k.kind = 'conflict' OR (k.kind = 'possible' AND NOT (a.person_id IS NOT NULL AND a.person_id IS b.person_id)))
   WHERE n = 1)`;

export function reviewLinks(db: Db): (LinkRow & { id: number })[] {
  return db
    .prepare<[], LinkRow & { id: number }>(
      `SELECT k.id, k.record_l, k.record_r, k.kind, k.rule, k.blocking, k.weight, k.probability, k.levels, k.refused ${TO_REVIEW}
        ORDER BY k.kind DESC, k.probability DESC, k.id`,
    )
    .all();
}

/** How many pairs are to review (see `TO_REVIEW`): possible matches and conflicts. */
export function reviewCounts(db: Db): { possible: number; conflicts: number } {
  const row = db
    .prepare<[], { possible: number | null; conflicts: number | null }>(
      `SELECT sum(k.kind = 'possible') AS possible, sum(k.kind = 'conflict') AS conflicts ${TO_REVIEW}`,
    )
    .get();
  return { possible: row?.possible ?? 0, conflicts: row?.conflicts ?? 0 };
}

/** Every record for export, in file and line order. */
export function exportRows(db: Db): IterableIterator<RecordView> {
  return db.prepare<[], RecordView>(`${RECORD_VIEW} ORDER BY r.batch_id, r.line`).iterate();
}

/** Batch sha256 and line of records, for keying decisions. */
export function recordKeys(db: Db, file: string, line: number): { id: number; sha256: string }[] {
  return db
    .prepare<[string, number], { id: number; sha256: string }>(
      `SELECT r.id, b.sha256 FROM records r JOIN batches b ON b.id = r.batch_id WHERE b.file_name = ? AND r.line = ?`,
    )
    .all(file, line);
}
