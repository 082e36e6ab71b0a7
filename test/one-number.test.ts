/**
 * Issue 11, "the same state gives different counts": every number has one definition, so the import's
 * summary, `status`, `review export`, `resolve` and the reports agree on one state.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { generateDataset } from '../src/generate/dataset.js';
import { runCli } from './helpers/cli.js';

interface ResolveJson {
  persons: number;
  review: { possible: number; conflicts: number };
  walkinRecipients: number;
  duplicatePersons: number;
}

let db = '';
let dir = '';
let afterImport: ResolveJson;

beforeAll(async () => {
  // Shared by the tests of this file (helpers/cli's tempDir is removed after each test).
  dir = mkdtempSync(join(tmpdir(), 'prakerja-one-number-'));
  db = join(dir, 'p.sqlite');
  const data = await generateDataset({ outDir: join(dir, 'gen'), seed: 11, central: 1200, walkin: 300, province: 360, waves: 3 });
  let last: ResolveJson | null = null;
  for (const [file, source] of [[data.files.central.path, 'central'], [data.files.province.path, 'province'], [data.files.walkin.path, 'walkin']] as const) {
    const r = await runCli(['--db', db, '--json', 'import', file, '--source', source]);
    expect(r.code, r.stderr).toBe(0);
    last = (JSON.parse(r.stdout) as { resolve: ResolveJson }).resolve;
  }
  if (!last) throw new Error('no import');
  afterImport = last;
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cli = (...args: string[]) => runCli(['--db', db, ...args]);

describe('one number, one definition', () => {
  test('the import\'s "to review" is what review export writes, and what status says', async () => {
    expect(afterImport.review.possible).toBeGreaterThan(0);
    const review = await cli('--json', 'review', 'export', join(dir, 'periksa.csv'));
    expect(review.code).toBe(0);
    const exported = JSON.parse(review.stdout) as { possible: number; conflicts: number };
    expect(exported).toMatchObject(afterImport.review);

    const status = await cli('--json', 'status');
    expect(status.code).toBe(0);
    const state = (JSON.parse(status.stdout) as { matching: ResolveJson & { possible: number; conflicts: number } }).matching;
    expect(state).toMatchObject({ persons: afterImport.persons, possible: afterImport.review.possible, conflicts: afterImport.review.conflicts, walkinRecipients: afterImport.walkinRecipients });

    const text = await cli('status');
    expect(text.stdout).toContain(`to review: ${afterImport.review.possible} possible matches, ${afterImport.review.conflicts} conflicts`);
  });

  test('walk-in visitors found in the lists: the resolver\'s number is the monthly recap\'s persons, labelled as such', async () => {
    const monthly = JSON.parse((await cli('--json', 'report', 'monthly')).stdout) as { monthly: { distinct: { recipients: number } } };
    expect(monthly.monthly.distinct.recipients).toBe(afterImport.walkinRecipients);
    const waves = JSON.parse((await cli('--json', 'report', 'waves')).stdout) as { waves: { assisted_persons: number; total: { assisted: number } } };
    // The wave rows count central-list recipients per wave; the distinct count over the waves is given too.
    expect(waves.waves.assisted_persons).toBeLessThanOrEqual(waves.waves.total.assisted);
    const r = await cli('report', 'waves');
    expect(r.stdout.replace(/\s+/g, ' ')).toContain(`${waves.waves.assisted_persons} different persons over the waves shown`);
  });

  test('resolve after the import prints the same state it found', async () => {
    const r = await cli('--json', 'resolve');
    expect(r.code).toBe(0);
    const full = JSON.parse(r.stdout) as ResolveJson;
    const status = JSON.parse((await cli('--json', 'status')).stdout) as { matching: { persons: number; possible: number; conflicts: number } };
    expect(status.matching).toMatchObject({ persons: full.persons, possible: full.review.possible, conflicts: full.review.conflicts });
    const review = JSON.parse((await cli('--json', 'review', 'export', join(dir, 'p2.csv'))).stdout) as { possible: number; conflicts: number };
    expect(review).toMatchObject(full.review);
    const text = await cli('resolve');
    expect(text.stdout).toContain(`to review: ${full.review.possible} possible matches, ${full.review.conflicts} conflicts`);
    expect(text.stdout).toContain('links found in this run:');
  });
});
