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
    .showHelpAfterError(t.cli.helpAfterError(program.name()))
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: (text, write) => write(t.cli.commanderError(text)) });
}

/**
 * Each command's usage errors end by naming that command's help (`prakerja review export --help`), once all
 * commands are registered (commander copies one text to every command made after the program).
 */
export function nameHelpAfterErrors(command: Command, path: readonly string[] = [command.name()]): void {
  command.showHelpAfterError(t.cli.helpAfterError(path.join(' ')));
  for (const sub of command.commands) nameHelpAfterErrors(sub, [...path, sub.name()]);
}

/**
 * What a `help` on the command line asks for: `help review apply` and `review help apply` both ask for the
 * help of `review apply` (`path`). `unknown` is the first word after `help` that names no subcommand of the
 * command before it (`help review nope`, `help import foo`): commander's help command would print the help
 * of the command before it and exit 0, where `prakerja nope` is a usage error. Null when the line asks for
 * no help (`import help` imports a file named help). `probe` is a program built only for this look
 * (commander's option parsing sets its option values), writing nowhere.
 */
export function helpTopic(probe: Command, args: readonly string[]): { path: Command[]; unknown: string | null } | null {
  if (!args.includes('help')) return null;
  let operands: string[];
  try {
    ({ operands } = probe.parseOptions([...args]));
  } catch {
    return null; // a bad option: the real parse says so
  }
  const path: Command[] = [];
  let command = probe;
  let i = 0;
  // Down to the `help`, through commands that have subcommands: after any other command the words are its arguments.
  for (; ; i++) {
    if (command.commands.length === 0) return null;
    if (operands[i] === 'help') break;
    const sub = subcommand(command, operands[i]);
    if (sub === undefined) return null;
    path.push(sub);
    command = sub;
  }
  for (const name of operands.slice(i + 1)) {
    // `help help`: the help of the command before it, as commander has it.
    if (name === 'help' && command.commands.length > 0) break;
    const sub = subcommand(command, name);
    if (sub === undefined) return { path, unknown: name };
    path.push(sub);
    command = sub;
  }
  return { path, unknown: null };
}

function subcommand(command: Command, name: string | undefined): Command | undefined {
  return name === undefined ? undefined : command.commands.find((c) => c.name() === name || c.aliases().includes(name));
}

/**
 * The same path of commands in another program built the same way (`helpTopic` looked in a probe).
 * @example commandAt(program, ['review', 'export']) // the Command of `prakerja review export`
 */
export function commandAt(program: Command, names: readonly string[]): Command {
  return names.reduce((command, name) => subcommand(command, name) ?? command, program);
}
