/**
 * Schema migrations on real files: an older database is copied (0600) and then migrated in one
 * transaction; a newer one is refused without a byte of it changed. Written against whatever the latest
 * schema is, so the tests keep working as migrations are appended.
 */
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { importFiles } from '../src/commands/import.js';
import { StoreError } from '../src/errors.js';
import { openDatabase } from '../src/store/database.js';
import { countUnresolved } from '../src/store/records.js';
import { MIGRATIONS, SCHEMA_VERSION, type Migration } from '../src/store/schema.js';
import { runCli, tempDir } from './helpers/cli.js';

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const CSV = 'NIK,Nama,Gelombang\n1271015001900003,SITI AMINAH,3\n1271010101900002,BUDI SANTOSO,3\n';

/** A database at the current schema holding one imported batch. */
async function currentDatabase(dir: string): Promise<string> {
  const path = join(dir, 'data.sqlite');
  writeFileSync(join(dir, 'gel-3.csv'), CSV);
  const db = openDatabase(path, { create: true });
  await importFiles(db, { files: [join(dir, 'gel-3.csv')], source: 'central' });
  db.close();
  return path;
}

const NEXT: Migration = { version: SCHEMA_VERSION + 1, description: 'test: one more table', sql: 'CREATE TABLE test_next (x TEXT);' };

describe('an older database', () => {
  it('is copied to .vN.bak (mode 0600, the old version, all rows) and then migrated, keeping its rows', async () => {
    const dir = tempDir();
    const path = await currentDatabase(dir);
    // A file made looser by hand: the backup must still be private.
    chmodSync(path, 0o644);
    const db = openDatabase(path, { migrations: [...MIGRATIONS, NEXT] });
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION + 1);
    expect(db.prepare('SELECT count(*) FROM records').pluck().get()).toBe(2);
    expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'test_next'").pluck().get()).toBe(1);
    db.close();

    const backup = `${path}.v${SCHEMA_VERSION}.bak`;
    expect(existsSync(backup)).toBe(true);
    expect(statSync(backup).mode & 0o777).toBe(0o600);
    const old = new Database(backup, { readonly: true });
    expect(old.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(old.prepare('SELECT count(*) FROM records').pluck().get()).toBe(2);
    expect(old.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'test_next'").pluck().get()).toBe(0);
    old.close();
  });

  it('a migration that fails leaves the database at its old version, nothing half-applied', async () => {
    const dir = tempDir();
    const path = await currentDatabase(dir);
    const broken: Migration = { version: SCHEMA_VERSION + 1, description: 'test: fails halfway', sql: 'CREATE TABLE half (x); CREATE TABLE batches (x);' };
    expect(() => openDatabase(path, { migrations: [...MIGRATIONS, broken] })).toThrow(StoreError);
    const db = new Database(path, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'half'").pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM records').pluck().get()).toBe(2);
    db.close();
  });

  it.skipIf(SCHEMA_VERSION < 2)('a file at the previous shipped schema opens with the current prakerja', async () => {
    const dir = tempDir();
    const path = join(dir, 'old.sqlite');
    const old = new Database(path);
    for (const m of MIGRATIONS.slice(0, -1)) old.exec(m.sql);
    old.pragma(`user_version = ${SCHEMA_VERSION - 1}`);
    old.close();
    chmodSync(path, 0o600);
    const r = await runCli(['--db', path, '--json', 'status']);
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(`${path}.v${SCHEMA_VERSION - 1}.bak`)).toBe(true);
    const db = new Database(path, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    db.close();
  });

  it('an empty file (version 0, no tables) becomes a database; no backup of nothing', async () => {
    const dir = tempDir();
    const path = join(dir, 'empty.sqlite');
    writeFileSync(path, '', { mode: 0o600 });
    const r = await runCli(['--db', path, 'status']);
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(`${path}.v0.bak`)).toBe(false);
  });
});

describe('a database from a newer prakerja', () => {
  it('is refused with a clear message and left byte for byte unchanged', async () => {
    const dir = tempDir();
    const path = await currentDatabase(dir);
    // What a newer prakerja would leave: a higher user_version (and, to prove nothing writes, no WAL).
    const newer = new Database(path);
    newer.pragma('journal_mode = DELETE');
    newer.pragma(`user_version = ${SCHEMA_VERSION + 7}`);
    newer.close();
    const before = sha(path);
    for (const args of [['status'], ['import', join(dir, 'gel-3.csv'), '--source', 'central', '--force']]) {
      const r = await runCli(['--db', path, ...args]);
      expect(r.code).toBe(1);
      expect(r.stderr).toBe(
        `prakerja: ${path} was written by a newer prakerja (schema ${SCHEMA_VERSION + 7}, this one knows ${SCHEMA_VERSION}). Upgrade prakerja to open it; the file was left unchanged.\n`,
      );
    }
    expect(sha(path)).toBe(before);
    expect(existsSync(`${path}-wal`)).toBe(false);
  });
});

/** Batch 1 of a database at an older schema, written in SQL as that schema had it. */
function batchOne(db: Database.Database, source: string, file: string): void {
  db.prepare(
    `INSERT INTO batches (id, source, file_name, file_path, sha256, format, header_line, columns, imported_at)
     VALUES (1, ?, ?, ?, 'x', 'csv', 1, '{}', '2026-01-01')`,
  ).run(source, file, `/tmp/${file}`);
}

describe('schema 4: visit purpose and regency as columns', () => {
  it('moves them out of the extra JSON of records stored before, keeping the rest of it', () => {
    const dir = tempDir();
    const path = join(dir, 'v3.sqlite');
    const v3 = openDatabase(path, { create: true, migrations: MIGRATIONS.slice(0, 3) });
    batchOne(v3, 'walkin', 'tamu.csv');
    const insert = v3.prepare(
      `INSERT INTO records (batch_id, line, source, nik_status, name_raw, name, name_key, name_phonetic, extra)
       VALUES (1, ?, 'walkin', 'missing', 'A', 'A', 'A', 'A', ?)`,
    );
    insert.run(2, JSON.stringify({ purpose: 'Pencairan insentif', regency: 'Kota Medan', Catatan: 'datang pagi' }));
    insert.run(3, JSON.stringify({ purpose: 'Cek status' }));
    insert.run(4, JSON.stringify({ flags: ['date_unreadable'], date: 'kemarin' }));
    insert.run(5, null);
    v3.close();

    const db = openDatabase(path);
    const rows = db.prepare('SELECT line, purpose, regency, extra FROM records ORDER BY line').all();
    db.close();
    expect(rows).toEqual([
      { line: 2, purpose: 'Pencairan insentif', regency: 'Kota Medan', extra: '{"Catatan":"datang pagi"}' },
      { line: 3, purpose: 'Cek status', regency: null, extra: null },
      { line: 4, purpose: null, regency: null, extra: '{"flags":["date_unreadable"],"date":"kemarin"}' },
      { line: 5, purpose: null, regency: null, extra: null },
    ]);
  });

  it('a new import stores them in their columns', async () => {
    const dir = tempDir();
    const file = join(dir, 'tamu.csv');
    writeFileSync(file, 'Tanggal,Nama,NIK,Keperluan,Kab/Kota,Catatan\n2020-05-01,SITI AMINAH,,Pencairan insentif,Kota Medan,pagi\n');
    const db = openDatabase(join(dir, 'p.sqlite'), { create: true });
    const result = await importFiles(db, { files: [file], source: 'walkin', resolve: false });
    expect(result.files[0]?.error ?? null).toBeNull();
    expect(db.prepare('SELECT purpose, regency, extra FROM records').get()).toEqual({ purpose: 'Pencairan insentif', regency: 'Kota Medan', extra: '{"Catatan":"pagi"}' });
    db.close();
  });
});

describe('schema 11: what a valid NIK gives is stored once', () => {
  it('converts records stored before: every field reads as it did, and only what the NIK does not give is kept', () => {
    const path = join(tempDir(), 'v10.sqlite');
    const v10 = openDatabase(path, { create: true, migrations: MIGRATIONS.slice(0, 10) });
    batchOne(v10, 'central', 'gel.csv');
    const insert = v10.prepare(
      `INSERT INTO records (batch_id, line, source, nik_raw, nik, nik_status, nik_reason, nik_hint, name_raw, name, name_key, name_phonetic, region, birth_date, sex)
       VALUES (1, ?, 'central', ?, ?, ?, ?, ?, 'A', 'A', 'A', 'A', ?, ?, ?)`,
    );
    const rows = [
      // plain, a woman born in the 1900s: nothing kept
      [2, '1271015001900003', '1271015001900003', 'valid', null, null, '127101', '1990-01-10', 'F'],
      // formatted cell, a man born in the 2000s: the cell and the birth date kept
      [3, '1271 0110 0105 0003', '1271011001050003', 'valid', null, null, '127101', '2005-01-10', 'M'],
      // broken NIK with hint facts: everything kept
      [4, '9971015001900003', null, 'invalid', 'unknown_region', null, null, '1990-01-10', 'F'],
      // rounded copy (damaged): everything kept
      [5, '1271015001900000', null, 'damaged', 'excel_rounded', '127101500190000', '127101', '1990-01-10', 'F'],
      // no NIK
      [6, null, null, 'missing', null, null, null, null, null],
    ] as const;
    for (const r of rows) insert.run(...r);
    const fields = 'line, nik_raw, nik, nik_status, nik_reason, nik_hint, region, birth_date, sex';
    const before = v10.prepare(`SELECT ${fields} FROM records ORDER BY line`).all();
    v10.close();

    const db = openDatabase(path);
    expect(db.prepare(`SELECT ${fields} FROM records ORDER BY line`).all()).toEqual(before);
    expect(db.prepare('SELECT line, nik_raw_kept, region_kept, birth_date_kept, sex_kept FROM records ORDER BY line').raw().all()).toEqual([
      [2, null, null, null, null],
      [3, '1271 0110 0105 0003', null, '2005-01-10', null],
      [4, '9971015001900003', null, '1990-01-10', 'F'],
      [5, '1271015001900000', '127101', '1990-01-10', 'F'],
      [6, null, null, null, null],
    ]);
    db.close();
  });
});

describe('schema 12: each record\'s person in a table of its own', () => {
  it('moves the persons stored in records into record_persons: every record reads as before, the unresolved have no row', () => {
    const path = join(tempDir(), 'v11.sqlite');
    const v11 = openDatabase(path, { create: true, migrations: MIGRATIONS.slice(0, 11) });
    batchOne(v11, 'central', 'gel.csv');
    const insert = v11.prepare(
      `INSERT INTO records (batch_id, line, source, nik_status, name_raw, name, name_key, name_phonetic, person_id, match, score)
       VALUES (1, ?, 'central', 'missing', 'A', 'A', 'A', 'A', ?, ?, ?)`,
    );
    const rows = [
      [2, 1, 'model', 0.987654],
      [3, 1, 'model', 0.987654],
      [4, 3, 'single', null],
      [5, null, null, null], // imported with --no-resolve
      [6, 5, 'exact_nik', null],
    ] as const;
    for (const r of rows) insert.run(...r);
    const before = v11.prepare('SELECT id, line, person_id, match, score FROM records ORDER BY id').all();
    v11.close();

    const db = openDatabase(path);
    expect(db.prepare('SELECT id, line, person_id, match, score FROM records_resolved ORDER BY id').all()).toEqual(before);
    expect(db.prepare('SELECT record_id, person_id, match, score FROM record_persons ORDER BY record_id').raw().all()).toEqual([
      [1, 1, 'model', 0.987654],
      [2, 1, 'model', 0.987654],
      [3, 3, 'single', null],
      [5, 5, 'exact_nik', null],
    ]);
    const columns = db.prepare("SELECT name FROM pragma_table_xinfo('records')").pluck().all();
    expect(columns).not.toContain('person_id');
    expect(columns).not.toContain('match');
    expect(columns).not.toContain('score');
    expect(countUnresolved(db)).toBe(1);
    // A person's row goes with its record.
    db.prepare('DELETE FROM batches WHERE id = 1').run();
    expect(db.prepare('SELECT count(*) FROM record_persons').pluck().get()).toBe(0);
    db.close();
  });

  it('a database resolved before opens with its persons, and resolving it again changes none', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'gel-3.csv'), CSV + '1271015001900003,SITI AMINAH,3\n');
    const path = join(dir, 'data.sqlite');
    const v11 = openDatabase(path, { create: true, migrations: MIGRATIONS.slice(0, 11) });
    v11.exec(
      `INSERT INTO batches (id, source, file_name, file_path, sha256, format, header_line, columns, imported_at)
       VALUES (1, 'central', 'gel-3.csv', '/tmp/gel-3.csv', 'x', 'csv', 1, '{}', '2026-01-01');
       INSERT INTO records (batch_id, line, source, nik_raw_kept, nik, nik_status, name_raw, name, name_key, name_phonetic, wave, person_id, match, score)
       VALUES (1, 2, 'central', NULL, '1271015001900003', 'valid', 'SITI AMINAH', 'SITI AMINAH', 'AMINAH SITI', 'AMNH ST', 3, 1, 'exact_nik', 1),
              (1, 3, 'central', NULL, '1271010101900002', 'valid', 'BUDI SANTOSO', 'BUDI SANTOSO', 'BUDI SANTOSO', 'BT SNTS', 3, 2, 'single', NULL),
              (1, 4, 'central', NULL, '1271015001900003', 'valid', 'SITI AMINAH', 'SITI AMINAH', 'AMINAH SITI', 'AMNH ST', 3, 1, 'exact_nik', 1);`,
    );
    v11.close();
    const status = await runCli(['--db', path, '--json', 'status']);
    expect(status.code, status.stderr).toBe(0);
    expect(JSON.parse(status.stdout)).toMatchObject({ records: 3, unmatched: 0, matching: { persons: 2 } });
    const persons = () => {
      const db = openDatabase(path);
      const rows = db.prepare('SELECT id, person_id, match, score FROM records_resolved ORDER BY id').raw().all();
      db.close();
      return rows;
    };
    const stored = [
      [1, 1, 'exact_nik', 1],
      [2, 2, 'single', null],
      [3, 1, 'exact_nik', 1],
    ];
    expect(persons()).toEqual(stored);
    const resolved = await runCli(['--db', path, '--json', 'resolve']);
    expect(resolved.code, resolved.stderr).toBe(0);
    expect(JSON.parse(resolved.stdout)).toMatchObject({ records: 3, persons: 2 });
    expect(persons()).toEqual(stored);
  });
});
