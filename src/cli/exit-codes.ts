/** The exit codes scripts and cron jobs can rely on; the README documents the same table. */
export const EXIT = {
  ok: 0,
  /** Something failed: a file could not be read, the database could not be opened or written. */
  failure: 1,
  /** The command line was wrong: unknown option, bad value, missing argument. */
  usage: 2,
  /** `--strict`: the work was done, but some rows were rejected. */
  rejected: 3,
  /** Interrupted by Ctrl-C (SIGINT): what was being written was rolled back. */
  interrupted: 130,
  /** Stopped by SIGTERM (a service manager, `kill`): what was being written was rolled back. */
  terminated: 143,
} as const;
