import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../src/cli/main.js';
import { runCli } from './helpers/cli.js';

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
  });
});
