/**
 * The README shows real commands with real output: the demo's block under "What a data officer types", and
 * the English `explain` and `review export` examples under "Matching". These tests run the same commands on
 * the bundled fixtures and compare what they print with what the README shows, so that a change of wording
 * or of a count that the README still shows the old way fails here (mend the README with the new output).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, runCli } from './helpers/cli.js';

const README = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

/** The first fenced block after `marker` in the README, without its fences. */
function blockAfter(marker: string): string {
  const at = README.indexOf(marker);
  if (at < 0) throw new Error(`README has no ${JSON.stringify(marker)}`);
  const open = README.indexOf('```\n', at) + 4;
  return README.slice(open, README.indexOf('\n```', open) + 1);
}

/** `init --region "Kota Medan"` → ['init', '--region', 'Kota Medan']. */
function argsOf(command: string): string[] {
  return [...command.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? '');
}

describe('the README shows what the commands print', () => {
  const dir = mkdtempSync(join(tmpdir(), 'prakerja-readme-'));
  const db = join(dir, 'demo.sqlite');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  // The typed paths (fixtures/…, out/…) as the README shows them, and where they are in this test.
  const place = (arg: string) => arg.replace(/^fixtures\//, FIXTURES).replace(/^out\//, `${dir}/`);
  const unplace = (text: string) => text.replaceAll(FIXTURES, 'fixtures/').replaceAll(`${dir}/`, 'out/');
  const run = async (command: string, env: NodeJS.ProcessEnv = { PRAKERJA_LANG: 'id' }) => {
    const r = await runCli(['--db', db, ...argsOf(command).map(place)], env);
    expect(r.stderr, command).toBe('');
    return unplace(r.stdout);
  };

  beforeAll(() => {
    // As the demo writes it: the wave 4 list sent again, with Windows line ends and one row fewer.
    const gel4 = readFileSync(join(FIXTURES, 'penerima-gel4-pusat.csv'), 'utf8').trimEnd().split(/\r?\n/);
    writeFileSync(join(dir, 'penerima-gel4-kirim-ulang.csv'), `${gel4.slice(0, -1).join('\r\n')}\r\n`);
  });

  it('the demo block, command by command (in Indonesian, as the demo prints it)', async () => {
    const block = blockAfter('Real output, from `npm run demo`');
    const shown = block
      .split(/^(?=\$ prakerja )/m)
      .filter((part) => part.startsWith('$ prakerja '))
      .map((part) => ({ command: part.slice('$ prakerja '.length, part.indexOf('\n')), output: part.slice(part.indexOf('\n') + 1) }));
    expect(shown.length).toBeGreaterThan(5);
    for (const [i, { command, output }] of shown.entries()) {
      let printed = await run(command);
      // The README elides the two central lists between the first and the province's ("… (two more …)").
      if (i === 0) printed = printed.replace(/^Database baru dibuat: .*\n/, (line) => line.replace(/: \S+ \(/, ': /path/to/prakerja/out/demo.sqlite ('));
      const elided = /^ {2}… \(two more central lists: waves 4 and 5\)\n\n/m;
      if (elided.test(output)) {
        for (const more of ['import fixtures/penerima-gel4-pusat.csv --source central', 'import fixtures/penerima-gel5-unicode.txt --source central']) await run(more);
      }
      expect(`${printed}\n`, `$ prakerja ${command}`).toBe(output.replace(elided, '').replace(/\n*$/, '\n\n'));
    }
  });

  it('explain in English: the person and its records, as the Matching section shows them', async () => {
    const block = blockAfter('Records of one person get one `person_id`');
    const [command, ...lines] = block.split('\n');
    expect(command).toBe('$ prakerja explain penerima-gel3-pusat.xlsx:7');
    const printed = await run('explain penerima-gel3-pusat.xlsx:7', {});
    // The README shows the person, then the first link's evidence, and elides the rest ("…"). The weights are
    // the model's (README "How matching works"): compared here are the words down to why the pair was compared.
    const words = lines.slice(0, lines.findIndex((l) => l.startsWith('    compared because: ')) + 1).join('\n');
    expect(words.split('\n').length).toBeGreaterThan(6);
    expect(printed.slice(0, words.length + 1)).toBe(`${words}\n`);
  });

  it('review export in English', async () => {
    const block = blockAfter('The review file is an Excel workbook when its name ends in `.xlsx`');
    const [command, ...output] = block.trimEnd().split('\n');
    expect(command).toBe('$ prakerja review export periksa.xlsx --lang en');
    const printed = await run('review export out/periksa.xlsx --lang en', {});
    expect(printed.replaceAll('out/periksa.xlsx', 'periksa.xlsx')).toBe(`${output.join('\n')}\n`);
  });
});
