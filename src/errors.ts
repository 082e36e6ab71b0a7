/**
 * The few error classes the core throws. Core code never prints or exits: it throws one of these with a
 * message that says what is wrong and what to do, and the CLI's single handler maps it to an exit code.
 */

import { t } from './i18n/index.js';

/** The command line itself is wrong: an unknown option value, a missing argument. Exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** An input file cannot be used: missing, empty, binary, no NIK or name column. Exit code 1. */
export class InputError extends Error {
  override name = 'InputError';
  constructor(
    message: string,
    readonly file?: string,
    readonly line?: number,
  ) {
    super(message);
  }
}

/** The database cannot be opened or written: locked, read-only, newer schema, disk full. Exit code 1. */
export class StoreError extends Error {
  override name = 'StoreError';
}

/**
 * The user (or a service manager) stopped the command: SIGINT (Ctrl-C) or SIGTERM. The core throws it from
 * inside the file being imported, after which that file's transaction is rolled back. Exit code 130.
 */
export class InterruptedError extends Error {
  override name = 'InterruptedError';
  constructor(
    readonly file?: string,
    /** What the interruption left, when it is more than "nothing of the file" (records kept but not matched). */
    detail?: string,
    /** The signal that stopped it: 130 for SIGINT, 143 for SIGTERM. */
    readonly signal: 'SIGINT' | 'SIGTERM' = 'SIGINT',
  ) {
    super(detail ?? (file ? t.errors.interruptedFile(file) : t.errors.interrupted()));
  }
}

/** Prefix a message with `file:line: ` when those are known, the form editors and people both read. */
export function where(file?: string, line?: number): string {
  if (!file) return '';
  return line === undefined ? `${file}: ` : `${file}:${line}: `;
}
