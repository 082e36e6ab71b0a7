import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../src/cli/main.js';
import { join } from 'node:path';
import { runCli, tempDir } from './helpers/cli.js';

/** Every command a user can run, subcommands included, as argv prefixes. */
function commandPaths(): string[][] {
  const { program } = buildProgram({ stdout: () => {}, stderr: () => {}, env: {}, isTTY: false });
  const walk = (cmd: Command, prefix: string[]): string[][] =>
    cmd.commands.flatMap((c) => {
      const path = [...prefix, c.name()];
      return c.commands.length > 0 ? walk(c, path) : [path];
    });
  return walk(program, []);
}

describe('help', () => {
  const paths = commandPaths();

  it('lists the commands the README documents', () => {
    expect(paths.map((p) => p.join(' '))).toEqual(
      expect.arrayContaining(['init', 'import', 'status', 'rejects', 'resolve', 'explain', 'review export', 'review apply', 'export records', 'report waves', 'report monthly', 'report kecamatan', 'purge']),
    );
  });

  it.each(paths.map((p) => [p.join(' '), p]))('`prakerja %s --help` has a description and an example', async (_name, path) => {
    const r = await runCli([...path, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Usage: prakerja /);
    expect(r.stdout).toMatch(/Examples?:\n\s+prakerja /);
    // An empty default says nothing to a person (`--map`'s list of overrides).
    expect(r.stdout).not.toMatch(/default: \[\]/);
  });
});

describe('help of a command that does not exist', () => {
  it('says the command is unknown, lists the commands, exit 2 (as `prakerja nope` is a usage error)', async () => {
    const commands = 'init, import, status, rejects, resolve, explain, review, export, report, purge';
    for (const args of [['help', 'nope'], ['--db', 'x.sqlite', 'help', 'nope'], ['--lang', 'en', 'help', 'nope', 'more']]) {
      const r = await runCli(args);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(`prakerja: unknown command 'nope'. The commands are: ${commands}. Help on one: prakerja help import\n`);
    }
    const id = await runCli(['help', 'nope'], { PRAKERJA_LANG: 'id' });
    expect(id.code).toBe(2);
    expect(id.stderr).toBe(`prakerja: perintah 'nope' tidak dikenal. Perintahnya: ${commands}. Bantuan sebuah perintah: prakerja help import\n`);
    // Known names, aliases and plain `help` keep commander's help.
    for (const args of [['help'], ['help', 'import'], ['help', 'report'], ['--lang', 'en', 'help', 'purge']]) {
      const r = await runCli(args);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/Usage: prakerja /);
    }
  });
});

describe('help on a subcommand', () => {
  it('an unknown subcommand of help is a usage error naming the subcommands, exit 2, both languages and both orders', async () => {
    for (const args of [['help', 'review', 'nope'], ['review', 'help', 'nope'], ['--db', 'x.sqlite', 'help', 'review', 'nope', 'more']]) {
      const r = await runCli(args);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe("prakerja: unknown command 'review nope'. The commands of review are: export, apply. Help on one: prakerja help review export\n");
    }
    const id = await runCli(['help', 'review', 'nope'], { PRAKERJA_LANG: 'id' });
    expect(id.code).toBe(2);
    expect(id.stderr).toBe("prakerja: perintah 'review nope' tidak dikenal. Perintah review: export, apply. Bantuan sebuah perintah: prakerja help review export\n");
    const report = await runCli(['help', 'report', 'nope']);
    expect(report.code).toBe(2);
    expect(report.stderr).toContain('The commands of report are: waves, monthly, kecamatan, all.');
  });

  it('a word after a command that has no subcommands is a usage error too', async () => {
    const en = await runCli(['help', 'import', 'foo']);
    expect(en.code).toBe(2);
    expect(en.stdout).toBe('');
    expect(en.stderr).toBe("prakerja: unknown command 'import foo': import has no subcommands. Its help: prakerja help import\n");
    const id = await runCli(['help', 'import', 'foo'], { PRAKERJA_LANG: 'id' });
    expect(id.stderr).toBe("prakerja: perintah 'import foo' tidak dikenal: import tidak punya subperintah. Bantuannya: prakerja help import\n");
  });

  it('`help review export` shows the help of review export (commander would show review\'s), aliases too', async () => {
    for (const args of [['help', 'review', 'export'], ['review', 'help', 'export'], ['--lang', 'en', 'help', 'report', 'gelombang']]) {
      const r = await runCli(args);
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('');
      expect(r.stdout).toMatch(args.includes('gelombang') ? /^Usage: prakerja report waves\|gelombang / : /^Usage: prakerja review export /);
    }
    const id = await runCli(['help', 'review', 'apply'], { PRAKERJA_LANG: 'id' });
    expect(id.code).toBe(0);
    expect(id.stdout).toMatch(/^Cara pakai: prakerja review apply /);
    // `help help` is the program's help, as commander has it.
    const help = await runCli(['help', 'help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: prakerja \[options\] \[command\]/);
  });

  it('`help` after a command without subcommands is that command\'s argument, not a help request', async () => {
    const dir = tempDir();
    const r = await runCli(['--db', join(dir, 'p.sqlite'), 'import', 'help', '--source', 'central']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('help: no such file');
    expect(r.stdout + r.stderr).not.toMatch(/Usage:/);
  });
});

describe('help in Indonesian (the default)', () => {
  const paths = commandPaths();
  const ENGLISH = /\b(the|of|with|and|only|write|show|display|file|files|rows?|records?|options?|usage|examples?)\b/i;

  it.each(paths.map((p) => [p.join(' '), p]))('`prakerja %s --help` is Indonesian, words and titles', async (_name, path) => {
    const r = await runCli([...path, '--help'], { PRAKERJA_LANG: 'id' });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Cara pakai: prakerja /);
    expect(r.stdout).toMatch(/Contoh:\n\s+prakerja /);
    expect(r.stdout).not.toMatch(/^(Usage|Options|Commands|Arguments|Examples):/m);
    // Prose lines (not the examples, not the flags themselves) carry no English words.
    const prose = r.stdout
      .split('\n')
      .filter((line) => !/^\s+prakerja /.test(line) && !line.startsWith('Cara pakai:'))
      .map((line) => line.replace(/^ {2}(files|file|nik\|file:line) /, '').replace(/[a-z_]+(,[a-z_]+)+,…/g, ''))
      .map((line) => line.replace(/^\s+-{1,2}[\w-]+(?:, --[\w-]+)?(?: <[^>]+>)?/, '').replace(/`[^`]*`|"[^"]*"|\([^)]*\.(csv|xlsx|html)[^)]*\)|[\w.-]+\.(csv|xlsx|html|sqlite)|\$[A-Z_]+|\[[a-z]+\]/g, ''));
    const english = prose.filter((line) => ENGLISH.test(line));
    expect(english).toEqual([]);
  });

  // Placeholders (`<file>`) and argument names in usage lines, option lists and commander's errors.
  const ENGLISH_PLACEHOLDER = /[<[][^>\]]*\b(file|files|line|kind|name|char|list|position|key|city|header|dir|records|code|order|id|YYYY|MM|DD|options|command)\b[^>\]]*[>\]]/;

  it.each(paths.map((p) => [p.join(' '), p]))('`prakerja %s --help` names its placeholders and arguments in Indonesian', async (_name, path) => {
    const r = await runCli([...path, '--help'], { PRAKERJA_LANG: 'id' });
    const lines = r.stdout.split('\n').filter((line) => !/^\s+prakerja /.test(line));
    expect(lines.filter((line) => ENGLISH_PLACEHOLDER.test(line.replace('<id|en>', '')))).toEqual([]);
    const args = r.stdout.split('Argumen:\n')[1]?.split('\n\n')[0] ?? '';
    expect(args.split('\n').filter((line) => /^ {2}(files?|nik\|file:line)\b/.test(line))).toEqual([]);
  });

  it('names them in English with --lang en, and commander\'s errors use the same words as the help', async () => {
    const en = await runCli(['import', '--help']);
    expect(en.stdout).toContain('Usage: prakerja import [options] <files...>');
    expect(en.stdout).toMatch(/^ {2}--source <kind> /m);
    expect(en.stdout).toMatch(/^ {2}files /m);
    const id = await runCli(['import', '--help'], { PRAKERJA_LANG: 'id' });
    expect(id.stdout).toContain('Cara pakai: prakerja import [opsi] <berkas...>');
    expect(id.stdout).toMatch(/^ {2}--source <asal> /m);
    expect(id.stdout).toMatch(/^ {2}--db <berkas> /m);
    expect(id.stdout).toMatch(/^ {2}berkas /m);
    const missing = await runCli(['import', 'x.csv', '--source'], { PRAKERJA_LANG: 'id' });
    expect(missing.stderr).toContain("kesalahan: opsi '--source <asal>' perlu nilai");
    const noFile = await runCli(['explain'], { PRAKERJA_LANG: 'id' });
    expect(noFile.stderr).toContain("kesalahan: argumen 'nik|berkas:baris' wajib diisi");
    expect((await runCli(['explain'])).stderr).toContain("error: missing required argument 'nik|file:line'");
  });

  it('the report names answer in Indonesian too: report gelombang, bulanan, semua', async () => {
    for (const [alias, title] of [
      ['gelombang', 'Cara pakai: prakerja report waves|gelombang'],
      ['bulanan', 'Cara pakai: prakerja report monthly|bulanan'],
      ['semua', 'Cara pakai: prakerja report all|semua'],
    ] as const) {
      const r = await runCli(['report', alias, '--help'], { PRAKERJA_LANG: 'id' });
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(title);
    }
  });

  it('bare `prakerja` prints the help to stdout and exits 0', async () => {
    const id = await runCli([], { PRAKERJA_LANG: 'id' });
    expect(id).toMatchObject({ code: 0, stderr: '' });
    expect(id.stdout).toMatch(/^Cara pakai: prakerja \[opsi\] \[perintah\]/);
    const en = await runCli([]);
    expect(en).toMatchObject({ code: 0, stderr: '' });
    expect(en.stdout).toMatch(/^Usage: prakerja \[options\] \[command\]/);
  });
});

describe('one placeholder for one thing', () => {
  it('every option that takes a batch number names it alike (--batch, --replaces), in both languages', async () => {
    const { program } = buildProgram({ stdout: () => {}, stderr: () => {}, env: {}, isTTY: false });
    const all = (cmd: Command): Command[] => [cmd, ...cmd.commands.flatMap(all)];
    const batchFlags = all(program)
      .flatMap((c) => c.options)
      .filter((o) => o.long === '--batch' || o.long === '--replaces')
      .map((o) => o.flags);
    expect(batchFlags).toEqual(expect.arrayContaining(['--batch <id>', '--replaces <id>']));
    expect(new Set(batchFlags.map((f) => f.replace(/^--\w+ /, '')))).toEqual(new Set(['<id>']));
    for (const [command, flag] of [
      ['import', '--replaces'],
      ['purge', '--batch'],
      ['rejects', '--batch'],
    ] as const) {
      expect((await runCli([command, '--help'])).stdout).toContain(`${flag} <id> `);
      expect((await runCli([command, '--help'], { PRAKERJA_LANG: 'id' })).stdout).toContain(`${flag} <nomor> `);
    }
  });
});
