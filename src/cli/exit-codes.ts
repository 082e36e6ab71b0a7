/** The exit codes scripts and cron jobs can rely on; the README documents the same table. */
export const EXIT = {
  ok: 0,
  /** Something failed: a file could not be read, the database could not be opened or written. */
  failure: 1,
  /** The command line was wrong: unknown option, bad value, missing argument. */
  usage: 2,
  /** `--strict`: the work was done, but some rows were rejected. */
  rejected: 3,
  /** Interrupted (Ctrl-C); nothing of the interrupted file was kept. */
  interrupted: 130,
} as const;
