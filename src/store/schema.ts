/**
 * The schema, as an ordered list of migrations. `PRAGMA user_version` holds how many have run.
 * Append a migration to change the schema; never edit one that has shipped.
 */
export interface Migration {
  version: number;
  description: string;
  sql: string;
}

/**
 * What a valid NIK (16 digits) says, in SQL, NULL without one: the birth date in the 1900s (a record born in
 * the 2000s keeps its own, see migration 11) and the sex. store/records.ts `keptOf` is the same rule in
 * TypeScript: it leaves a value out only where these give it back.
 */
const NIK_BIRTH_DATE = `('19' || substr(nik, 11, 2) || '-' || substr(nik, 9, 2) || '-' || printf('%02d', substr(nik, 7, 2) % 40))`;
const NIK_SEX = `(CASE WHEN nik IS NULL THEN NULL WHEN substr(nik, 7, 1) >= '4' THEN 'F' ELSE 'M' END)`;

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'batches, records, rejects, links, settings',
    sql: `
      CREATE TABLE settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) WITHOUT ROWID;

      -- One imported file. AUTOINCREMENT: a batch number in an old report never comes to mean another file.
      CREATE TABLE batches (
        id            INTEGER PRIMARY KEY AUTOINCREMENT,
        source        TEXT NOT NULL CHECK (source IN ('central', 'province', 'walkin')),
        file_name     TEXT NOT NULL,
        file_path     TEXT NOT NULL,
        sha256        TEXT NOT NULL UNIQUE,
        wave          INTEGER,
        format        TEXT NOT NULL,
        encoding      TEXT,
        delimiter     TEXT,
        sheet         TEXT,
        header_line   INTEGER NOT NULL,
        columns       TEXT NOT NULL,          -- JSON: header -> field
        imported_at   TEXT NOT NULL,
        rows_read     INTEGER NOT NULL DEFAULT 0,
        rows_imported INTEGER NOT NULL DEFAULT 0,
        rows_rejected INTEGER NOT NULL DEFAULT 0,
        rows_skipped  INTEGER NOT NULL DEFAULT 0
      );

      -- One accepted row. NIKs are TEXT: 16 digits do not fit a JavaScript number.
      CREATE TABLE records (
        id            INTEGER PRIMARY KEY,
        batch_id      INTEGER NOT NULL REFERENCES batches(id) ON DELETE CASCADE,
        line          INTEGER NOT NULL,
        source        TEXT NOT NULL,
        nik_raw       TEXT,
        nik           TEXT,                   -- canonical 16 digits when valid, else NULL
        nik_status    TEXT NOT NULL CHECK (nik_status IN ('valid', 'invalid', 'damaged', 'missing')),
        nik_reason    TEXT,
        nik_hint      TEXT,                   -- trustworthy leading digits of a damaged NIK
        name_raw      TEXT NOT NULL,
        name          TEXT NOT NULL,          -- display form
        name_key      TEXT NOT NULL,          -- comparison form
        name_phonetic TEXT NOT NULL,
        wave          INTEGER,
        status        TEXT,                   -- 'penerima' | 'dicabut' | NULL
        visit_date    TEXT,                   -- YYYY-MM-DD
        phone         TEXT,
        region        TEXT,                   -- 6-digit kecamatan code from the NIK
        birth_date    TEXT,                   -- YYYY-MM-DD from the NIK
        sex           TEXT CHECK (sex IN ('M', 'F')),
        extra         TEXT,                   -- JSON object of unmapped columns, flags
        -- Set by resolve: records with the same person_id are one person.
        person_id     INTEGER,
        match         TEXT,                   -- how the record joined its person (e.g. 'exact_nik', 'model', 'single')
        score         REAL                    -- the match probability of that link, when a model decided it
      );
      CREATE INDEX records_batch ON records(batch_id, line);
      CREATE INDEX records_nik ON records(nik) WHERE nik IS NOT NULL;
      CREATE INDEX records_person ON records(person_id);

      -- One row that could not be imported, with why.
      CREATE TABLE rejects (
        id       INTEGER PRIMARY KEY,
        batch_id INTEGER NOT NULL REFERENCES batches(id) ON DELETE CASCADE,
        line     INTEGER NOT NULL,
        reason   TEXT NOT NULL,
        message  TEXT NOT NULL,
        raw      TEXT NOT NULL               -- JSON array of the row's cells
      );
      CREATE INDEX rejects_batch ON rejects(batch_id, line);

      -- Pairs of records the resolver compared and kept: matches, possible matches for review, conflicts
      -- (same valid NIK, incompatible names: reported, never merged).
      CREATE TABLE links (
        id          INTEGER PRIMARY KEY,
        record_l    INTEGER NOT NULL REFERENCES records(id) ON DELETE CASCADE,
        record_r    INTEGER NOT NULL REFERENCES records(id) ON DELETE CASCADE,
        kind        TEXT NOT NULL CHECK (kind IN ('match', 'possible', 'conflict')),
        rule        TEXT NOT NULL,            -- what decided it: 'exact_nik', 'model', 'review', ...
        weight      REAL,                     -- total match weight (log2 Bayes factor)
        probability REAL,
        levels      TEXT NOT NULL,            -- JSON: the comparison levels and their weights
        UNIQUE (record_l, record_r)
      );
      CREATE INDEX links_r ON links(record_r);
    `,
  },
  {
    version: 2,
    description: 'review decisions',
    sql: `
      -- A reviewer's verdict on a pair of records. Keyed on the batch's sha256 and the source line, not on
      -- record ids, so that it survives re-importing a file with --force (which gives its records new ids).
      CREATE TABLE decisions (
        id         INTEGER PRIMARY KEY,
        sha_l      TEXT NOT NULL,
        line_l     INTEGER NOT NULL,
        sha_r      TEXT NOT NULL,
        line_r     INTEGER NOT NULL,
        decision   TEXT NOT NULL CHECK (decision IN ('Y', 'N')),
        decided_at TEXT NOT NULL,
        review_file TEXT,
        UNIQUE (sha_l, line_l, sha_r, line_r)
      );
    `,
  },
  {
    version: 3,
    description: 'the blocking rule of each link',
    sql: `
      -- Which blocking rule brought the pair to be compared (resolve/blocking.ts), so that explain can say
      -- how two records met. NULL for links no blocking found (same NIK, review) and links stored before.
      ALTER TABLE links ADD COLUMN blocking TEXT;
    `,
  },
  {
    version: 4,
    description: 'visit purpose and regency as columns, not inside extra',
    sql: `
      -- One convention for mapped fields: each has its column. Until now purpose and regency were kept in
      -- the extra JSON; they move out of it, and extra keeps only what has no column.
      ALTER TABLE records ADD COLUMN purpose TEXT;
      ALTER TABLE records ADD COLUMN regency TEXT;
      UPDATE records
         SET purpose = json_extract(extra, '$.purpose'),
             regency = json_extract(extra, '$.regency'),
             extra = nullif(json_remove(extra, '$.purpose', '$.regency'), '{}')
       WHERE extra IS NOT NULL AND (json_extract(extra, '$.purpose') IS NOT NULL OR json_extract(extra, '$.regency') IS NOT NULL);
    `,
  },
  {
    version: 5,
    description: 'a fingerprint of each batch\'s decoded rows',
    sql: `
      -- The same list saved again with other bytes (CRLF, a BOM, another encoding or delimiter) has other
      -- sha256 but the same rows: this fingerprint of the decoded rows finds it. NULL for batches imported
      -- before it existed (their files are not at hand to read again).
      ALTER TABLE batches ADD COLUMN content_sha TEXT;
      CREATE INDEX batches_content_sha ON batches(content_sha) WHERE content_sha IS NOT NULL;
    `,
  },
  {
    version: 6,
    description: 'why the clustering kept a strong pair apart',
    sql: `
      -- The guard that refused a link the model matched (store/resolve.ts REFUSED_BY): 'nik' (the two
      -- persons' NIKs have no centre) or 'kept_apart' (a conflict or a reviewer's N in between). NULL for
      -- every other link, and for links stored before (the next resolve writes it).
      ALTER TABLE links ADD COLUMN refused TEXT;
    `,
  },
  {
    version: 7,
    description: 'the statistics the last full resolve learnt',
    sql: `
      -- One row: the name, NIK-prefix, wave and visit-purpose statistics (resolve/snapshot.ts) and the blocks
      -- capped as too large, as the last full resolve learnt them from all records. The resolve after an
      -- import scores with these, frozen, so that it ends with the persons a full resolve under the same
      -- statistics would; a full resolve (or records grown past the threshold) learns them again.
      CREATE TABLE resolve_snapshot (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        learnt_at TEXT NOT NULL,
        records INTEGER NOT NULL,
        frequencies TEXT NOT NULL,
        capped TEXT NOT NULL
      );
    `,
  },
  {
    version: 8,
    description: 'block keys, for the resolve after an import',
    sql: `
      -- Per record, a 52-bit hash of each of its block keys and of its valid NIK (resolve/keys.ts): the
      -- resolve after an import finds the stored records a new record can be paired with here, instead of
      -- loading every record. keyed_through/keyed_count say which records have their keys stored (those with
      -- an id up to keyed_through, keyed_count of them): a deletion among them is seen, and the keys rebuilt.
      CREATE TABLE block_keys (
        hash      INTEGER NOT NULL,
        record_id INTEGER NOT NULL,
        PRIMARY KEY (hash, record_id)
      ) WITHOUT ROWID;
      ALTER TABLE resolve_snapshot ADD COLUMN keyed_through INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE resolve_snapshot ADD COLUMN keyed_count INTEGER NOT NULL DEFAULT 0;
    `,
  },
  {
    version: 9,
    description: 'records per source the statistics were learnt from',
    sql: `
      -- JSON {"central": n, "province": n, "walkin": n}: the statistics learnt from one source (visit purposes
      -- from the guest book) are relearnt when that source grows, not only when all records do. '{}' for a
      -- snapshot stored before: the next import then resolves in full and stores them.
      ALTER TABLE resolve_snapshot ADD COLUMN sources TEXT NOT NULL DEFAULT '{}';
    `,
  },
  {
    version: 10,
    description: 'the parameters of each reject\'s message',
    sql: `
      -- JSON object of what the reject's message is made of (normalise/reject.ts): the message is put into
      -- words when read, in the reader's language. NULL for a reject stored before: its stored message (in
      -- the language of its import) is shown, since its parameters cannot be read back safely from the text.
      ALTER TABLE rejects ADD COLUMN params TEXT;
    `,
  },
  {
    version: 11,
    description: 'what a valid NIK says is not stored twice',
    sql: `
      -- A valid NIK holds its record's region (digits 1-6), birth date (7-12, the day + 40 for women) and sex,
      -- and in most lists its cell is the NIK as it stands. These four became generated columns, computed
      -- where read, over a stored column (_kept) that holds the value only where the NIK does not give it: the
      -- cell as written when it is not the canonical NIK (spaces, an apostrophe), a birth year in the 2000s
      -- (the NIK has two digits; the 1900s are derived), and everything of a record without a valid NIK (the
      -- hints of a broken one). A NIK later re-read as damaged (markNiksDamaged) has them copied into _kept
      -- first. A list of 1 M rows: 220 -> 187 MB.
      ALTER TABLE records RENAME COLUMN nik_raw TO nik_raw_kept;
      ALTER TABLE records RENAME COLUMN region TO region_kept;
      ALTER TABLE records RENAME COLUMN birth_date TO birth_date_kept;
      ALTER TABLE records RENAME COLUMN sex TO sex_kept;
      UPDATE records
         SET nik_raw_kept = CASE WHEN nik_raw_kept IS nik THEN NULL ELSE nik_raw_kept END,
             region_kept = CASE WHEN region_kept IS substr(nik, 1, 6) THEN NULL ELSE region_kept END,
             birth_date_kept = CASE WHEN birth_date_kept IS ${NIK_BIRTH_DATE} THEN NULL ELSE birth_date_kept END,
             sex_kept = CASE WHEN sex_kept IS ${NIK_SEX} THEN NULL ELSE sex_kept END
       WHERE nik IS NOT NULL;
      ALTER TABLE records ADD COLUMN nik_raw TEXT GENERATED ALWAYS AS (coalesce(nik_raw_kept, nik)) VIRTUAL;
      ALTER TABLE records ADD COLUMN region TEXT GENERATED ALWAYS AS (coalesce(region_kept, substr(nik, 1, 6))) VIRTUAL;
      ALTER TABLE records ADD COLUMN birth_date TEXT GENERATED ALWAYS AS (coalesce(birth_date_kept, ${NIK_BIRTH_DATE})) VIRTUAL;
      ALTER TABLE records ADD COLUMN sex TEXT GENERATED ALWAYS AS (coalesce(sex_kept, ${NIK_SEX})) VIRTUAL;
    `,
  },
  {
    version: 12,
    description: 'each record\'s person in a narrow table of its own',
    sql: `
      -- Set by resolve: records with the same person_id are one person; how the record joined it (e.g.
      -- 'exact_nik', 'model', 'single') and that link's match probability, when a model decided it. A record
      -- without a row is not resolved yet. A table of its own, not three columns of the wide records row:
      -- a full resolve of 1.1 M records wrote them in 8.0 s as an UPDATE of every row (each grown, its page
      -- split) and in 0.6 s as rows of this table (sqlite3 CLI, one run each at load 4). records_resolved reads a
      -- record with them.
      CREATE TABLE record_persons (
        record_id INTEGER PRIMARY KEY REFERENCES records(id) ON DELETE CASCADE,
        person_id INTEGER NOT NULL,
        match     TEXT,
        score     REAL
      );
      INSERT INTO record_persons (record_id, person_id, match, score)
        SELECT id, person_id, match, score FROM records WHERE person_id IS NOT NULL ORDER BY id;
      CREATE INDEX record_persons_person ON record_persons(person_id);
      DROP INDEX records_person;
      ALTER TABLE records DROP COLUMN score;
      ALTER TABLE records DROP COLUMN match;
      ALTER TABLE records DROP COLUMN person_id;
      CREATE VIEW records_resolved AS
        SELECT records.*, p.person_id, p.match, p.score FROM records LEFT JOIN record_persons p ON p.record_id = records.id;
    `,
  },
];

export const SCHEMA_VERSION = MIGRATIONS.length;
