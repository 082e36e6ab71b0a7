/**
 * No user-facing sentence is written inline: errors, what the CLI prints and every help text come from the
 * catalogue in src/i18n (both languages). This scans the source for the ways a sentence slips in.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = new URL('../src/', import.meta.url).pathname;
// The catalogue itself, the developer tools (bench, accuracy, fixtures) and the data generator speak to maintainers.
const EXEMPT = /^(i18n|tools|generate)\//;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return e.name.endsWith('.ts') ? [path] : [];
  });
}

const PATTERNS: [string, RegExp][] = [
  ['an error class given a literal message', /new (UsageError|InputError|StoreError|InterruptedError)\(\s*['"`]/],
  // `prakerja: ${…}` is the prefix of a catalogue text, not a sentence.
  ['a literal sentence printed', /\b(say|stderr|stdout)\(\s*['"`](?!prakerja: \$\{)[A-Za-z]/],
  ['a literal help description', /\.(description|summary)\(\s*['"`]/],
  ['a literal option or argument description', /\.(option|requiredOption|argument)\(\s*['"][^'"]+['"]\s*,\s*['"`]/],
  ['literal help text', /addHelpText\(\s*['"]after['"]\s*,\s*['"]/],
];

describe('no inline user-facing sentences', () => {
  const files = sources(SRC).filter((f) => !EXEMPT.test(relative(SRC, f)));

  it('scans the source', () => {
    expect(files.length).toBeGreaterThan(30);
  });

  // Over the whole text, not line by line: `new UsageError(` at a line's end with its literal on the next
  // line slipped past a line-by-line scan (the --map error was English in Indonesian output).
  it.each(PATTERNS)('no %s outside src/i18n', (_what, pattern) => {
    const found = files.flatMap((f) => {
      const text = readFileSync(f, 'utf8');
      const lines = text.split('\n');
      return [...text.matchAll(new RegExp(pattern.source, 'g'))].flatMap((m) => {
        const i = text.slice(0, m.index).split('\n').length - 1;
        const line = lines[i] ?? '';
        return /^\s*(\/\/|\*)/.test(line) ? [] : [`${relative(SRC, f)}:${i + 1}: ${line.trim()}`];
      });
    });
    expect(found).toEqual([]);
  });
});
