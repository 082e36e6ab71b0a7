/**
 * The command line: commander wiring only. Each command file turns flags into options, calls one core
 * function and prints its result; errors become exit codes in one handler.
 */
import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { inLang, parseLang, setLang, t, type Lang } from '../i18n/index.js';
import { UsageError } from '../errors.js';
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
import { localiseCommander } from './help.js';
import { EXIT } from './exit-codes.js';
import { processIo, type Io } from './io.js';

const VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

export function buildProgram(io: Io): { program: Command; ctx: CliContext } {
  const program = new Command('prakerja');
  const ctx = new CliContext(io, program);
  // Before any command is registered: commander copies these settings to every command made after it.
  localiseCommander(program, io)
    .description(t.cli.description())
    .version(VERSION, '-V, --version', t.cli.optVersion())
    .option('--db <file>', t.cli.optDb())
    .option('--key <key>', t.cli.optKey())
    .option('--json', t.cli.optJson())
    .option('-q, --quiet', t.cli.optQuiet())
    .option('--no-color', t.cli.optNoColor())
    // Read before commander parses (run() sets the language from it so that help is in it too); declared
    // here so that commander accepts it anywhere on the line and lists it in the help.
    .option('--lang <id|en>', t.cli.optLang());
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
  return { program, ctx };
}

/**
 * The language of this run: `--lang X` (or `--lang=X`) anywhere before `--`, else PRAKERJA_LANG, else
 * Indonesian. A value that is neither language is a usage error.
 */
export function languageOf(args: readonly string[], env: NodeJS.ProcessEnv): Lang {
  const fromEnv = env.PRAKERJA_LANG ?? '';
  const envLang = fromEnv === '' ? 'id' : parseLang(fromEnv);
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    if (arg === '--') break;
    const value = arg === '--lang' ? args[i + 1] : arg.startsWith('--lang=') ? arg.slice('--lang='.length) : undefined;
    if (value === undefined) continue;
    const lang = parseLang(value);
    // Said in the language of the environment, if that one is usable.
    if (!lang) throw new UsageError(inLang(envLang ?? 'id', () => t.cli.badLang(`--lang ${value}`)));
    return lang;
  }
  if (!envLang) throw new UsageError(t.cli.badLang(`PRAKERJA_LANG=${fromEnv}`));
  return envLang;
}

/** Runs one command line; returns the exit code. Used by bin/prakerja and, in-process, by the tests. */
export async function run(args: readonly string[], io: Io = processIo()): Promise<number> {
  let ctx: CliContext | undefined;
  try {
    setLang('id');
    setLang(languageOf(args, io.env));
    const built = buildProgram(io);
    ctx = built.ctx;
    // Bare `prakerja`: the help, on stdout, as asked for (commander would write it to stderr).
    if (args.length === 0) {
      built.program.outputHelp();
      return EXIT.ok;
    }
    await built.program.parseAsync([...args], { from: 'user' });
    return ctx.exitCode;
  } catch (error) {
    return handleError(error, io);
  } finally {
    ctx?.close();
  }
}

export async function main(argv: readonly string[]): Promise<void> {
  // A reader that loses a promise (exceljs on some damaged workbooks) leaves nothing for the event loop to
  // do while the command is still waiting: Node would then exit silently with code 13. Say what happened
  // and exit 1 instead. An open transaction is never committed, so SQLite rolls it back.
  let finished = false;
  process.once('beforeExit', () => {
    if (finished) return;
    process.stderr.write(`prakerja: ${t.errors.neverFinished()}\n`);
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
