/** The one place errors become messages and exit codes. Never a stack trace for a user's mistake. */
import { CommanderError } from 'commander';
import { InputError, InterruptedError, StoreError, UsageError, where } from '../errors.js';
import { t } from '../i18n/index.js';
import { maskNikLike } from '../privacy/mask.js';
import { EXIT } from './exit-codes.js';
import type { Io } from './io.js';

export function handleError(error: unknown, io: Io): number {
  // Messages may quote a cell of the input, and a cell may be a NIK: the terminal and cron mail never see one.
  const stderr = (text: string) => io.stderr(maskNikLike(text));
  return mapError(error, { ...io, stderr });
}

function mapError(error: unknown, io: Io): number {
  if (error instanceof CommanderError) {
    // Commander has already printed its message (help, version, or a usage error).
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') {
      return EXIT.ok;
    }
    return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  if (error instanceof InterruptedError) {
    io.stderr(`prakerja: ${error.message}\n`);
    return error.signal === 'SIGTERM' ? EXIT.terminated : EXIT.interrupted;
  }
  if (error instanceof UsageError) {
    io.stderr(`prakerja: ${error.message}\n`);
    return EXIT.usage;
  }
  if (error instanceof InputError) {
    io.stderr(`prakerja: ${where(error.file, error.line)}${error.message}\n`);
    return EXIT.failure;
  }
  if (error instanceof StoreError) {
    io.stderr(`prakerja: ${error.message}\n`);
    return EXIT.failure;
  }
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') {
    io.stderr(`prakerja: ${t.errors.diskFull()}\n`);
    return EXIT.failure;
  }
  if (code === 'SQLITE_BUSY') {
    io.stderr(`prakerja: ${t.errors.busy()}\n`);
    return EXIT.failure;
  }
  if (code === 'SQLITE_READONLY') {
    io.stderr(`prakerja: ${t.errors.readOnly()}\n`);
    return EXIT.failure;
  }
  // A bug: say so plainly, with enough to report it, but no stack trace unless asked for.
  const message = error instanceof Error ? error.message : String(error);
  io.stderr(`prakerja: ${t.errors.unexpected(message)}\n`);
  if (io.env.PRAKERJA_DEBUG && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
  else io.stderr(`${t.errors.reportBug()}\n`);
  return EXIT.failure;
}
