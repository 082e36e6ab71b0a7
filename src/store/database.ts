import { closeSync, copyFileSync, existsSync, openSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { StoreError } from '../errors.js';
import { MIGRATIONS, SCHEMA_VERSION } from './schema.js';

export type Db = Database.Database;

export interface OpenOptions {
  /** Create the file when it does not exist (import, init). Read-only commands pass false. */
  create?: boolean;
  readonly?: boolean;
}

/** Where the database lives: `--db`, else `PRAKERJA_DB`, else `./prakerja.sqlite`. */
export function databasePath(flag?: string, env: NodeJS.ProcessEnv = process.env): string {
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
      throw new StoreError(`no database at ${path}. Run \`prakerja import\` or \`prakerja init\` first, or point --db at an existing file.`);
    }
    if (!existsSync(dirname(path))) {
      throw new StoreError(`cannot create ${path}: the folder ${dirname(path)} does not exist. Create it first or choose another --db.`);
    }
    try {
      // Create the file ourselves so that it is never, even for an instant, readable by others.
      closeSync(openSync(path, 'wx', 0o600));
    } catch (error) {
      throw new StoreError(`cannot create ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}.`);
    }
  } else if (statSync(path).isDirectory()) {
    throw new StoreError(`${path} is a folder, not a database file. Give --db a file name.`);
  }

  let db: Db;
  try {
    db = new Database(path, { readonly: options.readonly ?? false, timeout: 30_000 });
    if (!options.readonly) db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    // 64 MiB of page cache: a million-row import touches index pages all over the file; the default 2 MiB
    // made it spend half its time re-reading them.
    db.pragma('cache_size = -65536');
    // Fails here, not later, when the file is not a database.
    db.pragma('user_version');
  } catch (error) {
    throw new StoreError(`cannot open ${path} as a prakerja database: ${(error as Error).message}.`);
  }
  migrate(db, path);
  return db;
}

function migrate(db: Db, path: string): void {
  const version = Number(db.pragma('user_version', { simple: true }));
  if (version > SCHEMA_VERSION) {
    db.close();
    throw new StoreError(
      `${path} was written by a newer prakerja (schema ${version}, this one knows ${SCHEMA_VERSION}). Upgrade prakerja to open it.`,
    );
  }
  if (version === SCHEMA_VERSION) return;
  if (version > 0) {
    // An older database holds real work: keep a copy before changing it.
    db.pragma('wal_checkpoint(TRUNCATE)');
    copyFileSync(path, `${path}.v${version}.bak`);
  }
  const run = db.transaction(() => {
    for (const m of MIGRATIONS) {
      if (m.version <= version) continue;
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    }
  });
  run();
}
