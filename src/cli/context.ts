/** What every command's wiring needs: the io, the global flags, the database, and the exit code. */
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import { t } from '../i18n/index.js';
import { databasePath, discardIfUnused, openDatabase, type Db, type OpenOptions } from '../store/database.js';
import { colours, type GlobalOptions, type Io } from './io.js';
import type { ChalkInstance } from 'chalk';

export class CliContext {
  exitCode = 0;
  private db: Db | undefined;
  /** The database's path when this run created the file. */
  private created: string | undefined;

  constructor(
    readonly io: Io,
    readonly program: Command,
  ) {}

  get globals(): GlobalOptions {
    return this.program.opts<GlobalOptions>();
  }

  get c(): ChalkInstance {
    return colours(this.io, this.globals);
  }

  /** Human output goes to stdout unless --quiet or --json. */
  say(text: string): void {
    if (!this.globals.quiet && !this.globals.json) this.io.stdout(text);
  }

  json(value: unknown): void {
    this.io.stdout(`${JSON.stringify(value, null, 2)}\n`);
  }

  /** Spinners only for a person at a terminal. */
  get interactive(): boolean {
    const g = this.globals;
    return this.io.isTTY && !g.quiet && !g.json && !('NO_COLOR' in this.io.env) && !this.io.env.CI;
  }

  openDb(options: OpenOptions = {}): Db {
    if (this.db) return this.db;
    const path = databasePath(this.globals.db, this.io.env);
    const isNew = options.create === true && !existsSync(path);
    this.db = openDatabase(path, {
      key: this.key(),
      lockWaitMs: this.lockWaitMs(),
      // On stderr, even with --json or --quiet: a change to the file's permissions must not pass unseen.
      onNotice: (message) => this.io.stderr(`prakerja: ${message}
`),
      ...options,
    });
    // Run from another folder, a command would otherwise leave a new database there unnoticed.
    if (isNew) {
      this.created = path;
      this.say(`${t.cli.newDatabase(path)}
`);
    }
    return this.db;
  }

  /** PRAKERJA_LOCK_WAIT: seconds an overlapping run waits for the write lock (default 30). */
  private lockWaitMs(): number | undefined {
    const text = this.io.env.PRAKERJA_LOCK_WAIT?.trim();
    if (text === undefined || text === '') return undefined;
    const seconds = Number(text);
    if (!/^\d+(\.\d+)?$/.test(text) || !Number.isFinite(seconds)) throw new UsageError(t.cli.badLockWait(text));
    return Math.round(seconds * 1000);
  }

  /** The encryption key: --key, else PRAKERJA_KEY (better: it does not show in `ps`). */
  private key(): string | undefined {
    const key = this.globals.key ?? this.io.env.PRAKERJA_KEY;
    if (key === '') throw new UsageError(t.errors.emptyKey());
    return key;
  }

  /**
   * A command that failed before writing anything (`import missing.csv`) leaves no new, empty database
   * behind: said, since the line above told the user that one was created.
   */
  close(failed = false): void {
    if (failed && this.db && this.created !== undefined) {
      let discarded = false;
      try {
        discarded = discardIfUnused(this.db, this.created);
      } catch {
        // Best effort: a file that cannot be removed stays as it is, an empty database the next run can use.
      }
      if (discarded) this.say(`${t.cli.newDatabaseDiscarded(this.created)}
`);
    }
    if (this.db?.open) this.db.close();
    this.db = undefined;
  }
}
