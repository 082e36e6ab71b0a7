/**
 * Grouping by key over typed arrays (resolve/groups.ts), which blocking and the deterministic pass use instead
 * of a Map per rule: the same groups, in the same order, as the Map of key → members it replaced — so the
 * candidate pairs, their order, and hence the persons and links, stay what they were. Checked on arbitrary
 * keys (with a real hash collision among them) and on the records of a generated data set.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDataset } from '../src/generate/dataset.js';
import { blockPairs, RULES, sortedPhonetic } from '../src/resolve/blocking.js';
import type { ResolveRecord } from '../src/resolve/comparison.js';
import { KeyGroups } from '../src/resolve/groups.js';
import { loadRecords } from '../src/resolve/load.js';
import { openDatabase } from '../src/store/database.js';
import { resolveRows } from '../src/store/resolve.js';
import { runCli } from './helpers/cli.js';

/** The Map grouping KeyGroups replaced: groups of 2+ in order of first member, members ascending. */
function mapGroups(keys: readonly (string | null)[]): number[][] {
  const byKey = new Map<string, number[]>();
  keys.forEach((k, i) => {
    if (k === null) return;
    byKey.set(k, [...(byKey.get(k) ?? []), i]);
  });
  return [...byKey.values()].filter((g) => g.length >= 2);
}

function keyGroups(keys: readonly (string | null)[]): number[][] {
  const out: number[][] = [];
  new KeyGroups(keys.length).each((i) => keys[i] ?? null, (members) => out.push([...members]));
  return out;
}

// Two keys with one FNV-1a hash: KeyGroups must still keep them apart.
const COLLIDING = ['127101022789', '127101239192'];

describe('KeyGroups', () => {
  it('groups like a Map of key → members, in the same order', () => {
    const keys = ['b', null, 'a', 'b', COLLIDING[0] ?? '', 'c', 'a', COLLIDING[1] ?? '', COLLIDING[0] ?? '', 'b', COLLIDING[1] ?? ''];
    expect(keyGroups(keys)).toEqual([
      [0, 3, 9],
      [2, 6],
      [4, 8],
      [7, 10],
    ]);
  });

  it('for any keys (colliding ones among them)', () => {
    const key = fc.oneof(fc.constant(null), fc.constantFrom(...COLLIDING), fc.string({ maxLength: 3 }));
    fc.assert(
      fc.property(fc.array(key, { maxLength: 300 }), (keys) => {
        expect(keyGroups(keys)).toEqual(mapGroups(keys));
      }),
    );
  });
});

let dir = '';
let records: ResolveRecord[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'prakerja-groups-'));
  const data = await generateDataset({ outDir: join(dir, 'gen'), seed: 11, central: 3000, walkin: 600, province: 900, waves: 3 });
  const db = join(dir, 'db.sqlite');
  for (const [file, source] of [
    [data.files.central.path, 'central'],
    [data.files.province.path, 'province'],
    [data.files.walkin.path, 'walkin'],
  ] as const) {
    const r = await runCli(['--db', db, '--quiet', 'import', file, '--source', source, '--no-resolve']);
    expect(r.code, r.stderr).toBe(0);
  }
  const sql = openDatabase(db);
  records = loadRecords(resolveRows(sql)).records;
  sql.close();
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('blockPairs on a generated data set', () => {
  it('every rule groups its keys as a Map would', () => {
    const sp = records.map((r) => sortedPhonetic(r.namePhonetic));
    for (const { key } of RULES) {
      const keys = records.map((r, i) => key(r, sp[i] ?? ''));
      expect(keyGroups(keys)).toEqual(mapGroups(keys));
    }
  });

  it('emits many pairs of every NIK and name rule, each pair once', () => {
    const pairs: string[] = [];
    const stats = blockPairs(records, (i, j, rule) => pairs.push(`${i}-${j}:${rule}`));
    expect(new Set(pairs.map((p) => p.split(':')[0])).size).toBe(pairs.length);
    for (const rule of ['nik_region_date', 'nik_date_serial', 'name_region', 'name'] as const) expect(stats.pairs[rule]).toBeGreaterThan(10);
  });
});
