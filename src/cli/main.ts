/**
 * The command line: commander wiring only. Each command file turns flags into options, calls one core
 * function and prints its result; errors become exit codes in one handler.
 */
import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { registerImport } from './commands/import.js';
import { registerExplain } from './commands/explain.js';
import { registerExport } from './commands/export.js';
import { registerInit } from './commands/init.js';
import { registerPurge } from './commands/purge.js';
import { registerRejects } from './commands/rejects.js';
import { registerReport } from './commands/report.js';
import { registerResolve } from './commands/resolve.js';
import { registerReview } from './commands/review.js';
import { registerStatus } from './commands/status.js';
import { CliContext } from './context.js';
import { handleError } from './errors.js';
import { EXIT } from './exit-codes.js';
import { processIo, type Io } from './io.js';

const VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

export function buildProgram(io: Io): { program: Command; ctx: CliContext } {
  const program = new Command('prakerja');
  const ctx = new CliContext(io, program);
  program
    .description('Kartu Prakerja recipient lists for regional labour offices: import, match, recap — offline.')
    .version(VERSION)
    .option('--db <file>', 'database file (default: $PRAKERJA_DB or ./prakerja.sqlite)')
    .option('--key <key>', 'encrypt the database with this key (default: $PRAKERJA_KEY, which other users cannot see in `ps`)')
    .option('--json', 'print results as JSON, for scripts')
    .option('-q, --quiet', 'print nothing but errors')
    .option('--no-color', 'no colours')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  for (const register of [
    registerInit,
    registerImport,
    registerStatus,
    registerRejects,
    registerResolve,
    registerExplain,
    registerReview,
    registerExport,
    registerReport,
    registerPurge,
  ]) {
    register(program, ctx);
  }
  for (const command of program.commands) {
    command.exitOverride().configureOutput({ writeOut: io.stdout, writeErr: io.stderr }).showHelpAfterError('(run with --help for usage)');
  }
  return { program, ctx };
}

/** Runs one command line; returns the exit code. Used by bin/prakerja and, in-process, by the tests. */
export async function run(args: readonly string[], io: Io = processIo()): Promise<number> {
  const { program, ctx } = buildProgram(io);
  try {
    await program.parseAsync([...args], { from: 'user' });
    return ctx.exitCode;
  } catch (error) {
    return handleError(error, io);
  } finally {
    ctx.close();
  }
}

export async function main(argv: readonly string[]): Promise<void> {
  // A reader that loses a promise (exceljs on some damaged workbooks) leaves nothing for the event loop to
  // do while the command is still waiting: Node would then exit silently with code 13. Say what happened
  // and exit 1 instead. An open transaction is never committed, so SQLite rolls it back.
  let finished = false;
  process.once('beforeExit', () => {
    if (finished) return;
    process.stderr.write(
      'prakerja: stopped before finishing: reading a file never completed (a damaged workbook?). Nothing of that file was kept; files finished before it were. Open it in Excel or LibreOffice and save it again, or export it as CSV.\n',
    );
    process.exit(EXIT.failure);
  });
  // `prakerja status | head`: the reader left, which is not an error of ours. Stop quietly, no stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
  process.exitCode = await run(argv.slice(2));
  finished = true;
}
