import { chmodSync, closeSync, copyFileSync, existsSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { createRequire } from 'node:module';
import Database from 'better-sqlite3';
import { StoreError, UsageError } from '../errors.js';
import { t } from '../i18n/index.js';
import { refoldStoredNames } from './name-fold.js';
import { MIGRATIONS, type Migration } from './schema.js';

export type Db = Database.Database;

/** Two overlapping cron runs: the second waits this long for the first to finish writing. */
export const DEFAULT_LOCK_WAIT_MS = 30_000;

export interface OpenOptions {
  /** Create the file when it does not exist (import, init). Read-only commands pass false. */
  create?: boolean;
  readonly?: boolean;
  /**
   * Encrypt the file at rest with this key (SQLite3 Multiple Ciphers, ChaCha20-Poly1305 by default). Needs
   * the optional package better-sqlite3-multiple-ciphers. A new file is created encrypted; an existing file
   * must have been created with the same key.
   */
  key?: string;
  /**
   * How long to wait for another writer's lock before giving up, in ms (SQLite's busy timeout). Default
   * DEFAULT_LOCK_WAIT_MS; the CLI takes PRAKERJA_LOCK_WAIT (seconds).
   */
  lockWaitMs?: number;
  /** The schema to migrate to; the shipped MIGRATIONS unless a test stands in a longer list. */
  migrations?: readonly Migration[];
  /** Told what opening changed that the user should know (a database made private); the CLI prints it. */
  onNotice?: (message: string) => void;
}

/** Where the database lives: `--db`, else `PRAKERJA_DB`, else `./prakerja.sqlite`. */
export function databasePath(flag?: string, env: NodeJS.ProcessEnv = process.env): string {
  // An empty name resolves to the current folder ("is a folder"): say what is wrong instead.
  if (flag !== undefined && flag.trim() === '') throw new UsageError(t.database.emptyFlag());
  if (flag === undefined && env.PRAKERJA_DB !== undefined && env.PRAKERJA_DB.trim() === '') throw new UsageError(t.database.emptyEnv());
  return resolve(flag ?? env.PRAKERJA_DB ?? 'prakerja.sqlite');
}

/**
 * Opens (and when asked, creates) the database: file mode 0600 because it holds NIKs, WAL so readers do
 * not block the nightly import, a busy timeout so two overlapping cron runs wait rather than fail, and
 * the schema migrated to the current version (with a backup copy of the file first).
 */
export function openDatabase(path: string, options: OpenOptions = {}): Db {
  const exists = existsSync(path);
  if (!exists) {
    if (!options.create) {
      throw new StoreError(t.database.missing(path));
    }
    if (!existsSync(dirname(path))) {
      throw new StoreError(t.database.noFolder({ path, folder: dirname(path) }));
    }
    try {
      // Create the file ourselves so that it is never, even for an instant, readable by others.
      closeSync(openSync(path, 'wx', 0o600));
    } catch (error) {
      // Another prakerja (an overlapping cron job) created it a moment ago: open theirs.
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return openDatabase(path, options);
      throw new StoreError(t.database.cannotCreate({ path, code: (error as NodeJS.ErrnoException).code ?? String(error) }));
    }
  } else if (statSync(path).isDirectory()) {
    throw new StoreError(t.database.isFolder(path));
  } else if (!statSync(path).isFile()) {
    // SQLite would open a device or a pipe and leave its -journal beside it (`--db /dev/null`).
    throw new StoreError(t.database.notAFile(path));
  } else if (!options.readonly && (options.key !== undefined || isSqliteFile(path))) {
    // Only a database (an encrypted one has no readable header): a file that is not one is refused below, untouched.
    makePrivate(path, options.onNotice);
  }

  let db: Db;
  try {
    const settings = { readonly: options.readonly ?? false, timeout: options.lockWaitMs ?? DEFAULT_LOCK_WAIT_MS };
    if (options.key === undefined) {
      db = new Database(path, settings);
    } else {
      const encrypted = new (cipherDriver())(path, settings);
      // Before any other statement: SQLite3MC decrypts every page with it, and refuses the file if it is wrong.
      encrypted.key(Buffer.from(options.key, 'utf8'));
      db = encrypted;
    }
    // Fails here, not later, when the file is not a database; and is read before anything is written, so
    // a database from a newer prakerja is refused without a single byte of it changed.
    db.pragma('user_version');
  } catch (error) {
    if (error instanceof StoreError) throw error;
    if ((error as { code?: unknown }).code === 'SQLITE_NOTADB') {
      throw new StoreError(
        options.key === undefined ? t.database.notADatabase(path) : t.database.wrongKey(path),
      );
    }
    throw storeError(error, path, t.database.cannotOpen({ path, detail: sqliteMessage(error) }), options.lockWaitMs);
  }
  try {
    // SQLite answers some of these steps with SQLITE_BUSY at once, without waiting on the busy timeout: the
    // switch to WAL while another process holds the file, or a read while another is building the WAL index
    // of a database it has just created. Each step can be taken again, so wait for the lock ourselves.
    whileBusy(options.lockWaitMs ?? DEFAULT_LOCK_WAIT_MS, () => {
      refuseForeign(db, path, options.migrations ?? MIGRATIONS);
      if (!options.readonly) db.pragma('journal_mode = WAL');
      db.pragma('foreign_keys = ON');
      db.pragma('synchronous = NORMAL');
      // 16 MiB of page cache (default 2 MiB). Bulk imports build their indexes after the rows, so more cache
      // bought no speed there (measured: 17.4 s vs 17.1 s for 1 M rows) and cost 55 MB of peak RSS.
      db.pragma('cache_size = -16384');
      migrate(db, path, options.migrations ?? MIGRATIONS);
      // Keys stored under an older folding of names are folded again, once (store/name-fold.ts).
      if (!options.readonly && options.migrations === undefined) refoldStoredNames(db);
    });
  } catch (error) {
    if (db.open) db.close();
    throw storeError(error, path, t.database.cannotPrepare({ path, detail: sqliteMessage(error) }), options.lockWaitMs);
  }
  return db;
}

/**
 * Removes a database that this run created and a failed command wrote nothing to (no batch, no setting),
 * so that `import missing.csv` leaves no empty prakerja.sqlite behind. Only when no other connection has
 * the file open: leaving WAL mode needs that (SQLite answers SQLITE_BUSY otherwise), and an overlapping run
 * that opened it may be about to write. Returns true when the file is gone (`db` is then closed); false
 * leaves `db` open as it was.
 * @example if (failed && createdByThisRun) discardIfUnused(db, path)
 */
export function discardIfUnused(db: Db, path: string): boolean {
  // name_fold and block_keys_format: the store's own bookkeeping, written when a database is opened.
  const used = db.prepare("SELECT EXISTS (SELECT 1 FROM batches) OR EXISTS (SELECT 1 FROM settings WHERE key NOT IN ('name_fold', 'block_keys_format'))").pluck();
  const unused = () => used.get() === 0;
  if (db.readonly || !unused()) return false;
  const timeout = Number(db.pragma('busy_timeout', { simple: true }));
  db.pragma('busy_timeout = 0');
  try {
    if (String(db.pragma('journal_mode = DELETE', { simple: true })).toLowerCase() !== 'delete') return false;
    // Out of WAL mode, an exclusive lock keeps every other connection out while the file is checked and removed.
    db.exec('BEGIN EXCLUSIVE');
    if (!unused()) {
      db.exec('ROLLBACK');
      db.pragma('journal_mode = WAL');
      return false;
    }
    rmSync(path, { force: true });
    db.exec('ROLLBACK');
    db.close();
  } catch (error) {
    if (String((error as { code?: unknown }).code).startsWith('SQLITE_BUSY')) return false;
    throw error;
  } finally {
    if (db.open) db.pragma(`busy_timeout = ${timeout}`);
  }
  for (const sidecar of ['-wal', '-shm', '-journal']) rmSync(`${path}${sidecar}`, { force: true });
  return true;
}

/** Runs `step` again while SQLite says the database is busy, until `waitMs` have passed (then the error stands). */
function whileBusy(waitMs: number, step: () => void): void {
  const deadline = Date.now() + waitMs;
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (let delay = 5; ; delay = Math.min(delay * 2, 200)) {
    try {
      step();
      return;
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (typeof code !== 'string' || !code.startsWith('SQLITE_BUSY') || Date.now() + delay > deadline) throw error;
      Atomics.wait(pause, 0, 0, delay); // a synchronous sleep: better-sqlite3's own busy wait is synchronous too
    }
  }
}

function isSqliteFile(path: string): boolean {
  const header = Buffer.alloc(16);
  try {
    const fd = openSync(path, 'r');
    try {
      readSync(fd, header, 0, 16, 0);
    } finally {
      closeSync(fd);
    }
  } catch {
    return false; // Unreadable: opening it says why.
  }
  return header.toString('latin1') === 'SQLite format 3\0';
}

/**
 * A database restored from a backup or copied by hand may be readable by others (0644). SQLite creates the
 * -wal and -shm files with the database file's mode, so making the file 0600 before opening covers them.
 */
function makePrivate(path: string, onNotice: ((message: string) => void) | undefined): void {
  for (const file of [path, `${path}-wal`, `${path}-shm`]) {
    const info = statSync(file, { throwIfNoEntry: false });
    if (!info || (info.mode & 0o077) === 0) continue;
    try {
      chmodSync(file, 0o600);
    } catch {
      // Not ours to change (another user's file we may only read): SQLite will say what it can do with it.
      continue;
    }
    onNotice?.(t.files.madePrivate({ file, mode: (info.mode & 0o777).toString(8).padStart(4, '0') }));
  }
}

/** What prakerja uses of better-sqlite3-multiple-ciphers: better-sqlite3's API plus `key()`. */
type CipherDriver = new (path: string, options: { readonly: boolean; timeout: number }) => Db & { key(key: Buffer): number };

let cipher: CipherDriver | undefined;

/**
 * The SQLite build with encryption, loaded only when a key is given: it is an optional dependency (a native
 * module compiled at install time), and everyone without a key keeps the plain better-sqlite3.
 */
function cipherDriver(): CipherDriver {
  if (cipher) return cipher;
  try {
    const loaded: CipherDriver = createRequire(import.meta.url)('better-sqlite3-multiple-ciphers');
    cipher = loaded;
    return loaded;
  } catch (error) {
    throw new StoreError(t.database.noCipher(sqliteMessage(error).split('\n')[0] ?? ''));
  }
}

/** The message for what SQLite said when opening: permissions and locks get their own advice. */
function storeError(error: unknown, path: string, otherwise: string, lockWaitMs = DEFAULT_LOCK_WAIT_MS): StoreError {
  if (error instanceof StoreError) return error;
  const code = String((error as { code?: unknown }).code ?? '');
  // SQLITE_READONLY_* and SQLITE_CANTOPEN: the file, or its folder (where WAL keeps its -shm file), cannot be written.
  if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_PERM')) {
    return new StoreError(t.database.readOnly({ path, folder: dirname(path) }));
  }
  if (code.startsWith('SQLITE_BUSY')) {
    return new StoreError(t.database.locked({ path, seconds: lockWaitMs / 1000 }));
  }
  return new StoreError(otherwise);
}

function sqliteMessage(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replace(/\.$/, '');
}

/**
 * Refuses a newer schema before anything is written, and refuses an SQLite file that is not ours: a
 * user_version of 0 with tables in it is some other program's database, and migrating it would add our
 * tables to it.
 */
function refuseForeign(db: Db, path: string, migrations: readonly Migration[]): void {
  // One statement, so one snapshot: read apart, another prakerja creating this database could commit its
  // migrations between the two reads, and its tables would be seen beside the version from before them
  // (version 0 with tables: "some other program's"). That failed one run in a few of two imports at once.
  const { version, tables } = db
    .prepare<[], { version: number; tables: number }>(
      "SELECT (SELECT user_version FROM pragma_user_version) AS version, (SELECT count(*) FROM sqlite_schema WHERE type = 'table') AS tables",
    )
    .get() ?? { version: 0, tables: 0 };
  const latest = migrations.length;
  if (version > latest) {
    throw new StoreError(t.database.newer({ path, version, latest }));
  }
  if (version === 0 && tables > 0) {
    throw new StoreError(t.database.foreign(path));
  }
}

function migrate(db: Db, path: string, migrations: readonly Migration[]): void {
  const version = Number(db.pragma('user_version', { simple: true }));
  if (version === migrations.length) return;
  if (version > 0) {
    // An older database holds real work: keep a copy before changing it. copyFile gives the copy the
    // source's mode; the chmod makes sure it is 0600 even if the source was looser.
    db.pragma('wal_checkpoint(TRUNCATE)');
    const backup = `${path}.v${version}.bak`;
    copyFileSync(path, backup);
    chmodSync(backup, 0o600);
  }
  // IMMEDIATE, and the version read again inside: two processes opening the same old (or new, empty) file
  // at once must not both run the migrations; the second waits for the lock and then finds nothing to do.
  const run = db.transaction(() => {
    const current = Number(db.pragma('user_version', { simple: true }));
    for (const m of migrations) {
      if (m.version <= current) continue;
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    }
  });
  run.immediate();
}
