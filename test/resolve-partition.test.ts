/**
 * Partitions that cannot share a person (resolve/partition.ts): resolving the components of the
 * candidate-pair graph part by part, with the statistics and the capped blocks of all records, writes
 * exactly the links and persons of one whole resolve — on generated data (with review decisions) and on
 * hand-made cases where a naive split would differ (a capped block spread over parts, a decision between
 * records no block pairs, equally strong links competing for one NIK).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { clusterLinks, type ClusterLink } from '../src/resolve/clustering.js';
import { importFiles } from '../src/commands/import.js';
import { generateDataset } from '../src/generate/dataset.js';
import { loadRecords, type LoadedRecords } from '../src/resolve/load.js';
import type { ReviewedPair } from '../src/resolve/overrides.js';
import { candidateComponents, packParts, resolveInParts } from '../src/resolve/partition.js';
import { resolve, type Resolution } from '../src/resolve/resolve.js';
import { resolveRecords } from '../src/resolve/run.js';
import { DEFAULT_PARAMETERS } from '../src/resolve/scoring.js';
import { openDatabase } from '../src/store/database.js';
import { resolveRows, type ResolveRow } from '../src/store/resolve.js';
import { runCli, tempDir } from './helpers/cli.js';
import { query } from './helpers/db.js';

/** Everything a resolution writes, in a canonical order: every link row whole, every person update. */
function written(resolutions: Iterable<Resolution>): { links: string[]; persons: string[]; counts: Record<string, number> } {
  const links: string[] = [];
  const persons: string[] = [];
  const counts = { persons: 0, match: 0, possible: 0, conflict: 0, refused: 0 };
  for (const r of resolutions) {
    for (const l of r.linkRows) links.push(JSON.stringify(l));
    for (const p of r.personUpdates) persons.push(JSON.stringify(p));
    counts.persons += r.persons;
    counts.match += r.links.match;
    counts.possible += r.links.possible;
    counts.conflict += r.links.conflict;
    counts.refused += r.refused;
  }
  return { links: links.sort(), persons: persons.sort(), counts };
}

function expectSameAsWhole(loaded: LoadedRecords, decisions: ReviewedPair[], maxRecords: number): void {
  const whole = resolve(loaded, { decisions }, DEFAULT_PARAMETERS);
  const wholeWritten = written([whole]);
  const parted = resolveInParts(loaded, { decisions }, DEFAULT_PARAMETERS, () => undefined, {}, maxRecords);
  const partWritten = written(parted.resolutions);
  expect(partWritten.counts).toEqual(wholeWritten.counts);
  expect(partWritten.persons).toEqual(wholeWritten.persons);
  expect(partWritten.links).toEqual(wholeWritten.links);
  expect(parted.components.blocking).toEqual(whole.blocking);
  expect(Object.fromEntries(Object.entries(parted.capped).map(([k, v]) => [k, [...v].sort()]))).toEqual(
    Object.fromEntries(Object.entries(whole.capped).map(([k, v]) => [k, [...v].sort()])),
  );
}

describe('a partitioned resolve = a whole one, on generated data', () => {
  let loaded: LoadedRecords;
  const decisions: ReviewedPair[] = [];
  beforeAll(async () => {
    const dir = tempDir();
    const data = await generateDataset({ outDir: join(dir, 'gen'), seed: 11, central: 2500, walkin: 700, province: 600, waves: 3 });
    const db = openDatabase(join(dir, 'data.sqlite'), { create: true });
    await importFiles(db, { files: [data.files.central.path], source: 'central', resolve: false });
    await importFiles(db, { files: [data.files.province.path], source: 'province', resolve: false });
    await importFiles(db, { files: [data.files.walkin.path], source: 'walkin', resolve: false });
    loaded = loadRecords(resolveRows(db));
    db.close();
    // Review decisions on some of the pairs a whole resolve leaves to review: Y and N in turn.
    const whole = resolve(loaded, { decisions: [] }, DEFAULT_PARAMETERS);
    const index = new Map(loaded.records.map((r, i) => [r.id, i]));
    let n = 0;
    for (const l of whole.linkRows) {
      if (l.kind !== 'possible') continue;
      const a = index.get(l.record_l);
      const b = index.get(l.record_r);
      if (a !== undefined && b !== undefined) decisions.push({ l: a, r: b, decision: n++ % 2 === 0 ? 'Y' : 'N' });
      if (n >= 40) break;
    }
  }, 120_000);

  it('finds many small components, none near the whole', () => {
    const c = candidateComponents(loaded.records, decisions, {});
    expect(loaded.records.length).toBeGreaterThan(3000);
    expect(c.count).toBeGreaterThan(loaded.records.length / 4);
    expect(c.largest).toBeLessThan(loaded.records.length / 10);
  });

  it.each([1, 97, 1000])('in parts of at most %i records: the same links, persons and counts', (maxRecords) => {
    expect(decisions.length).toBeGreaterThan(10);
    expectSameAsWhole(loaded, decisions, maxRecords);
  });

  it('parts hold whole components, in id order, and no more records than asked unless one component is larger', () => {
    const c = candidateComponents(loaded.records, [], {});
    const parts = packParts(c, 200);
    const seen = new Set<number>();
    for (const p of parts) {
      const comps = new Set<number>();
      for (let k = 0; k < p.length; k++) {
        const i = p[k] ?? 0;
        if (k > 0) expect(i).toBeGreaterThan(p[k - 1] ?? 0);
        seen.add(i);
        comps.add(c.of[i] ?? -1);
      }
      if (p.length > 200) expect(comps.size).toBe(1);
    }
    expect(seen.size).toBe(loaded.records.length);
    // Each component lies in one part.
    const partOfComponent = new Map<number, number>();
    parts.forEach((p, k) => {
      for (const i of p) {
        const comp = c.of[i] ?? -1;
        expect(partOfComponent.get(comp) ?? k).toBe(k);
        partOfComponent.set(comp, k);
      }
    });
  });
});

/** The clusters as sorted lists of members. */
function groups(root: Int32Array): string[] {
  const by = new Map<number, number[]>();
  root.forEach((r, i) => by.set(r, [...(by.get(r) ?? []), i]));
  return [...by.values()].map((g) => g.join(',')).sort();
}

/** A seeded Fisher–Yates shuffle of a copy. */
function shuffle<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

function row(id: number, over: Partial<ResolveRow>): ResolveRow {
  return {
    id, source: 'walkin', nik: null, nik_status: 'missing', nik_raw: null, nik_reason: null, nik_hint: null, name_key: 'SITI AMINAH',
    name_phonetic: 'SITI AMINAH', wave: null, phone: null, birth_date: null, sex: null, person_id: null, match: null, score: null,
    purpose: null, ...over,
  };
}

describe('a partitioned resolve = a whole one, where a naive split would not be', () => {
  it('a capped name block spread over parts stays capped in each (visitors paired by phone)', () => {
    // 60 visitors called SITI AMINAH without NIK: the name block (cap 50) is skipped. Pairs of them share a
    // phone, so each pair is a component; a part of ten records holds ten SITI AMINAHs, a block under the
    // cap, which a part resolved with its own caps would compare and link.
    const rows: ResolveRow[] = [];
    for (let i = 1; i <= 60; i++) rows.push(row(i, { phone: `08126${String(Math.ceil(i / 2)).padStart(6, '0')}` }));
    const loaded = loadRecords(rows);
    expectSameAsWhole(loaded, [], 10);
    const whole = resolve(loaded, { decisions: [] }, DEFAULT_PARAMETERS);
    expect([...whole.capped.name]).toEqual(['AMINAH SITI']);
    // Resolved with caps of its own, a part would differ: the oracle is needed.
    const naive = resolve(loadRecords(rows.slice(0, 10)), { decisions: [] }, DEFAULT_PARAMETERS);
    expect(naive.blocking.pairs.name).toBeGreaterThan(0);
  });

  it('a reviewer\'s Y between records no block pairs puts them in one part', () => {
    const rows = [row(1, { name_key: 'BUDI SANTOSO', name_phonetic: 'BUTI SANTOSO' }), row(2, { name_key: 'AGUS SALIM', name_phonetic: 'AKUS SALIM' })];
    const loaded = loadRecords(rows);
    const decisions: ReviewedPair[] = [{ l: 0, r: 1, decision: 'Y' }];
    expect(candidateComponents(loaded.records, decisions, {}).count).toBe(1);
    expectSameAsWhole(loaded, decisions, 1);
  });

  it('clustering does not depend on the order links are found in (a part finds them in another order)', () => {
    // Few weights, so that equally strong links compete; NIKs from a few, so that the NIK guard refuses some.
    const NIKS = ['1271015010900003', '1271015010900004', '1371015010900003', '3201012212850001', null];
    const graph = fc.record({
      niks: fc.array(fc.constantFrom(...NIKS), { minLength: 2, maxLength: 9 }),
      links: fc.array(fc.record({ l: fc.nat(8), r: fc.nat(8), weight: fc.constantFrom(5, 5, 7, Infinity), force: fc.boolean() }), { maxLength: 14 }),
      apart: fc.array(fc.tuple(fc.nat(8), fc.nat(8)), { maxLength: 2 }),
      seed: fc.integer(),
    });
    fc.assert(
      fc.property(graph, ({ niks, links, apart, seed }) => {
        const size = niks.length;
        const ls: ClusterLink[] = links.filter((k) => k.l < size && k.r < size && k.l !== k.r).map((k) => ({ ...k, force: k.force && k.weight === Infinity }));
        const input = { size, nikOf: (i: number) => niks[i] ?? null, cannotLink: apart.filter(([a, b]) => a < size && b < size && a !== b) };
        const shuffled = shuffle(ls, seed);
        const a = clusterLinks(input, ls);
        const b = clusterLinks(input, shuffled);
        expect(groups(b.root)).toEqual(groups(a.root));
        const refused = (links: ClusterLink[], r: Map<number, string>) =>
          [...r].map(([i, by]) => `${Math.min(links[i]?.l ?? 0, links[i]?.r ?? 0)}-${Math.max(links[i]?.l ?? 0, links[i]?.r ?? 0)} ${links[i]?.weight} ${by}`).sort();
        expect(refused(shuffled, b.refused)).toEqual(refused(ls, a.refused));
      }),
      { numRuns: 2000, seed: 14 },
    );
  });
});

describe('prakerja resolve in parts', () => {
  it('stores the links, persons and counts a whole resolve stores', async () => {
    const dir = tempDir();
    const data = await generateDataset({ outDir: join(dir, 'gen'), seed: 12, central: 900, walkin: 300, province: 200, waves: 2 });
    const stored: { links: string[]; persons: string[]; result: Record<string, unknown> }[] = [];
    for (const partRecords of [undefined, 60]) {
      const path = join(dir, `data-${partRecords ?? 'whole'}.sqlite`);
      const db = openDatabase(path, { create: true });
      await importFiles(db, { files: [data.files.central.path], source: 'central', resolve: false });
      await importFiles(db, { files: [data.files.walkin.path], source: 'walkin', resolve: false });
      const result = resolveRecords(db, { partRecords });
      if (partRecords === undefined) expect(result.parts).toBe(1);
      else expect(result.parts).toBeGreaterThan(10);
      const { seconds: _s, parts: _p, components: _c, ...counts } = result;
      stored.push({
        links: query<{ k: string }>(path, `SELECT record_l || '-' || record_r || ' ' || kind || ' ' || rule || ' ' || ifnull(blocking, '') || ' ' || ifnull(probability, '') || ' ' || levels || ' ' || ifnull(refused, '') AS k FROM links ORDER BY k`).map((r) => r.k),
        persons: query<{ k: string }>(path, `SELECT id || ' ' || person_id || ' ' || match || ' ' || ifnull(score, '') AS k FROM records_resolved ORDER BY id`).map((r) => r.k),
        result: counts,
      });
      db.close();
    }
    expect(stored[0]?.links.length).toBeGreaterThan(100);
    expect(stored[1]).toEqual(stored[0]);
  });
});

describe('prakerja resolve --parts', () => {
  it('resolves in parts and says how many, with the components; a bad count is a usage error', async () => {
    const dir = tempDir();
    const db = join(dir, 'data.sqlite');
    const csv = join(dir, 'gel-1.csv');
    writeFileSync(csv, 'NIK,Nama,Gelombang\n1271015001900003,SITI AMINAH,1\n1271015001900003,SITI AMINAH,1\n1271010101900002,BUDI SANTOSO,1\n3201012212850001,AGUS SALIM,1\n');
    expect((await runCli(['--db', db, 'import', csv, '--source', 'central', '--no-resolve'])).code).toBe(0);
    const r = await runCli(['--db', db, '--json', 'resolve', '--parts', '1']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { parts: number; components: { count: number; largest: number }; persons: number };
    expect(out).toMatchObject({ parts: 3, components: { count: 3, largest: 2 }, persons: 3 });
    const bad = await runCli(['--db', db, '--lang', 'en', 'resolve', '--parts', 'many']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--parts must be a positive whole number (records per part), not "many"');
  });
});
