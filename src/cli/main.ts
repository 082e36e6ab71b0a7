/**
 * The command line: commander wiring only. Each command file turns flags into options, calls one core
 * function and prints its result; errors become exit codes in one handler.
 */
import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { setLang, t } from '../i18n/index.js';
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
import { UsageError } from '../errors.js';
import { commandAt, helpTopic, localiseCommander, nameHelpAfterErrors } from './help.js';
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
  nameHelpAfterErrors(program);
  return { program, ctx };
}

import { languageOf } from './language.js';

export { languageOf };

/** Runs one command line; returns the exit code. Used by bin/prakerja and, in-process, by the tests. */
export async function run(args: readonly string[], io: Io = processIo()): Promise<number> {
  let ctx: CliContext | undefined;
  let code: number = EXIT.failure;
  try {
    setLang('id');
    setLang(languageOf(args, io.env));
    const built = buildProgram(io);
    ctx = built.ctx;
    // Bare `prakerja`: the help, on stdout, as asked for (commander would write it to stderr).
    if (args.length === 0) {
      built.program.outputHelp();
      code = EXIT.ok;
      return code;
    }
    const silent = { ...io, stdout: () => {}, stderr: () => {} };
    const topic = helpTopic(buildProgram(silent).program, args);
    if (topic !== null) {
      const names = topic.path.map((c) => c.name());
      const command = commandAt(built.program, names);
      if (topic.unknown !== null) {
        const name = [...names, topic.unknown].join(' ');
        const commands = command.commands.map((c) => c.name());
        if (commands.length === 0) throw new UsageError(t.cli.noSubcommands({ name, command: names.join(' ') }));
        throw new UsageError(t.cli.unknownHelpTopic({ name, parent: names.length > 0 ? names.join(' ') : null, commands: commands.join(', '), example: names.length > 0 ? [...names, commands[0] ?? ''].join(' ') : 'import' }));
      }
      // Commander's help command shows the help of the first name only (`help review export`: review's).
      command.help();
    }
    await built.program.parseAsync([...args], { from: 'user' });
    code = ctx.exitCode;
  } catch (error) {
    code = handleError(error, io);
  } finally {
    ctx?.close(code !== EXIT.ok);
  }
  return code;
}
