/** Commander's own words (help titles, the help and version options, its error messages) in the current language. */
import { Help, type Command } from 'commander';
import { t } from '../i18n/index.js';
import type { Io } from './io.js';

/**
 * Settings every command inherits when it is created after this call (commander copies the help, output and
 * exit settings to subcommands): localised help, output through the io, errors to the one handler.
 */
export function localiseCommander(program: Command, io: Io): Command {
  const base = new Help();
  return program
    .configureHelp({
      // Every command's help lists --db, --json, --quiet, --lang: the options a newcomer looks for there.
      showGlobalOptions: true,
      styleTitle: (title) => t.cli.title(title),
      commandUsage: (command) => t.cli.placeholders(base.commandUsage(command)),
      subcommandTerm: (command) => t.cli.placeholders(base.subcommandTerm(command)),
      optionTerm: (option) => t.cli.placeholders(base.optionTerm(option)),
      argumentTerm: (argument) => t.cli.argumentName(base.argumentTerm(argument)),
      optionDescription: (option) => t.cli.helpExtra(base.optionDescription(option)),
      argumentDescription: (argument) => t.cli.helpExtra(base.argumentDescription(argument)),
    })
    .helpOption('-h, --help', t.cli.optHelp())
    .helpCommand('help [command]', t.cli.helpCommand())
    .showHelpAfterError(t.cli.helpAfterError())
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: (text, write) => write(t.cli.commanderError(text)) });
}

/**
 * The name after `help` when no command has it (`prakerja help nope`), else null: commander's help command
 * prints the whole help for it and exits 0, where `prakerja nope` is a usage error. `probe` is a program
 * built only for this look (commander's option parsing sets its option values), writing nowhere.
 */
export function unknownHelpTopic(probe: Command, args: readonly string[]): string | null {
  if (!args.includes('help')) return null;
  let operands: string[];
  try {
    ({ operands } = probe.parseOptions([...args]));
  } catch {
    return null; // a bad option: the real parse says so
  }
  const name = operands[1];
  if (operands[0] !== 'help' || name === undefined) return null;
  return probe.commands.some((c) => c.name() === name || c.aliases().includes(name)) ? null : name;
}
