/**
 * Grouping by key over typed arrays (resolve/groups.ts), which blocking and the deterministic pass use instead
 * of a Map per rule: the same groups, in the same order, as the Map of key → members it replaced — so the
 * candidate pairs, their order, and hence the persons and links, stay what they were. Checked on arbitrary
 * keys (with a real hash collision among them) and on the records of a generated data set. And blocking
 * itself, against the plain blocker it was made faster from (a Map per rule, every pair of a block tried):
 * the same pairs, in the same order, with the same statistics and the same blocks capped.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDataset } from '../src/generate/dataset.js';
import { blockPairs, noCaps, RULES, sortedPhonetic, type BlockingOptions, type BlockingRule, type BlockingStats } from '../src/resolve/blocking.js';
import type { ResolveRecord } from '../src/resolve/comparison.js';
import { scientificRange } from '../src/normalise/nik.js';
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
// Two codes with one hash in eachCode (found by search): likewise.
const COLLIDING_CODES = [128353769962, 131075379801];

function codeGroups(codes: readonly number[]): number[][] | false {
  const out: number[][] = [];
  const done = new KeyGroups(codes.length).eachCode((i) => codes[i] ?? -1, (members) => out.push([...members]));
  return done ? out : false;
}

describe('KeyGroups', () => {
  it('groups whole-number codes as a Map of their keys would, colliding codes among them', () => {
    const [x, y] = COLLIDING_CODES as [number, number];
    const codes = [7, -1, x, 0, y, 7, x, 0, -1, y, 3];
    expect(codeGroups(codes)).toEqual([
      [0, 5],
      [2, 6],
      [3, 7],
      [4, 9],
    ]);
    const code = fc.oneof(fc.constant(-1), fc.constantFrom(...COLLIDING_CODES), fc.integer({ min: 0, max: 20 }), fc.constant(2 ** 53 - 1));
    fc.assert(
      fc.property(fc.array(code, { maxLength: 300 }), (codes) => {
        expect(codeGroups(codes)).toEqual(mapGroups(codes.map((c) => (c === -1 ? null : String(c)))));
      }),
    );
  });

  it('visits nothing and says so when a code is not a whole number from 0 to 2^53 - 1', () => {
    for (const bad of [NaN, 1.5, -2, 2 ** 53]) {
      const visited: number[][] = [];
      expect(new KeyGroups(3).eachCode((i) => [4, bad, 4][i] ?? -1, (m) => visited.push([...m]))).toBe(false);
      expect(visited).toEqual([]);
    }
  });

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

/**
 * The plain blocker: per rule a Map of key → members, every pair of a block tried in order, a pair left out
 * when the same NIK, when both have a valid NIK in a name rule, when the filter says no, or when an earlier
 * rule compared it. What `blockPairs` must emit, pair for pair.
 */
function plainBlockPairs(records: readonly ResolveRecord[], options: BlockingOptions = {}): { pairs: string[]; stats: BlockingStats; capped: string[] } {
  const maxBlock = options.maxBlock ?? 1000;
  const maxNameBlock = options.maxNameBlock ?? 50;
  const sp = records.map((r) => sortedPhonetic(r.namePhonetic));
  const pairs: string[] = [];
  const capped: string[] = [];
  const zero = <T,>(f: () => T) => Object.fromEntries(RULES.map((r) => [r.rule, f()])) as Record<BlockingRule, T>;
  const stats: BlockingStats = { pairs: zero(() => 0), capped: zero(() => ({ blocks: 0, records: 0 })) };
  const cappedKeys: Set<string>[] = [];
  RULES.forEach((rule, ruleIndex) => {
    const byKey = new Map<string, number[]>();
    // A rule that prepares leaves out of its groups the records whose block can hand on no pair (code -1).
    rule.prepare?.(records);
    records.forEach((r, i) => {
      const k = rule.key(r, sp[i] ?? '');
      if (k !== null && !(rule.prepare && rule.code?.(r, 0, 1) === -1)) byKey.set(k, [...(byKey.get(k) ?? []), i]);
    });
    rule.prepare?.(null);
    const mine = new Set<string>();
    cappedKeys.push(mine);
    const foundBefore = (i: number, j: number): boolean =>
      RULES.slice(0, ruleIndex).some((e, ei) => {
        const x = records[i] as ResolveRecord;
        const y = records[j] as ResolveRecord;
        const kx = e.key(x, sp[i] ?? '');
        if (kx === null || kx !== e.key(y, sp[j] ?? '') || cappedKeys[ei]?.has(kx) === true) return false;
        if (e.nameOnly && x.nik !== null && y.nik !== null) return false;
        return !e.filter || e.filter(x, y);
      });
    for (const [k, block] of byKey) {
      if (block.length < 2) continue;
      const frozen = options.capped?.[rule.rule];
      if (frozen ? frozen.has(k) : block.length > (rule.nameOnly ? maxNameBlock : maxBlock)) {
        mine.add(k);
        capped.push(`${rule.rule}:${k}:${block.length}`);
        stats.capped[rule.rule].blocks++;
        stats.capped[rule.rule].records += block.length;
        continue;
      }
      for (let a = 0; a < block.length; a++) {
        for (let b = a + 1; b < block.length; b++) {
          const i = block[a] ?? 0;
          const j = block[b] ?? 0;
          const x = records[i] as ResolveRecord;
          const y = records[j] as ResolveRecord;
          if (x.nik !== null && x.nik === y.nik) continue;
          if (rule.nameOnly && x.nik !== null && y.nik !== null) continue;
          if (rule.filter && !rule.filter(x, y)) continue;
          if (foundBefore(i, j)) continue;
          stats.pairs[rule.rule]++;
          pairs.push(`${i}-${j}:${rule.rule}`);
        }
      }
    }
  });
  return { pairs, stats, capped };
}

function fastBlockPairs(records: readonly ResolveRecord[], options: BlockingOptions = {}): { pairs: string[]; stats: BlockingStats; capped: string[] } {
  const pairs: string[] = [];
  const capped: string[] = [];
  const stats = blockPairs(records, (i, j, rule) => pairs.push(`${i}-${j}:${rule}`), { ...options, onCapped: (rule, key, size) => capped.push(`${rule}:${key}:${size}`) });
  return { pairs, stats, capped };
}

/** A record of a small world: few NIKs (with swaps, typos, repeats), few names, some without a NIK. */
const smallWorldRecord = fc
  .record({
    region: fc.constantFrom('127101', '127102', '127110'),
    date: fc.constantFrom('010190', '100190', '011090', '520385'),
    serial: fc.constantFrom('0001', '0010', '1000', '0002'),
    swap: fc.constantFrom(null, 5, 11),
    kind: fc.constantFrom('valid', 'valid', 'digits', 'none'),
    name: fc.constantFrom('SITI AMINAH', 'AMINAH SITI', 'BUDI', 'DEWI LUBIS'),
    phone: fc.constantFrom(null, '081234567890'),
    source: fc.constantFrom('central', 'province', 'walkin'),
  })
  .map(({ region, date, serial, swap, kind, name, phone, source }): Omit<ResolveRecord, 'id'> => {
    let d = `${region}${date}${serial}`;
    if (swap !== null) d = `${d.slice(0, swap)}${d[swap + 1] ?? ''}${d[swap] ?? ''}${d.slice(swap + 2)}`;
    return {
      source: source as ResolveRecord['source'],
      nik: kind === 'valid' ? d : null,
      nikDigits: kind === 'digits' ? d : null,
      nikHint: null,
      nikRange: null,
      nameKey: name,
      namePhonetic: name,
      wave: null,
      phone,
      birthDate: null,
      sex: null,
      purpose: null,
    };
  });

describe('blockPairs against the plain blocker', () => {
  it('emits the same pairs in the same order, with the same statistics and caps, for any small world', () => {
    fc.assert(
      fc.property(fc.array(smallWorldRecord, { maxLength: 80 }), fc.integer({ min: 2, max: 12 }), (rows, cap) => {
        const records = rows.map((r, i) => ({ ...r, id: i + 1 }));
        for (const options of [{}, { maxBlock: cap, maxNameBlock: cap }]) expect(fastBlockPairs(records, options)).toEqual(plainBlockPairs(records, options));
      }),
      { numRuns: 300 },
    );
  });
});

/** A deterministic stream of numbers in [0, 1). */
function seeded(seed: number): () => number {
  let s = seed;
  return () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s / 2 ** 32;
  };
}

function listRow(over: Partial<ResolveRecord>): ResolveRecord {
  return {
    id: 1, source: 'central', nik: null, nikDigits: null, nikHint: null, nikRange: null, nameKey: 'X', namePhonetic: 'X',
    wave: 1, phone: null, birthDate: null, sex: null, purpose: null, ...over,
  };
}

describe('blockPairs against the plain blocker on blocks of hundreds of rows', () => {
  // Where serial 0001 is everyone's, a list block of one region, serial, wave and letter, or of one
  // kecamatan, wave and letter, grows with the list: large ones are searched by each member's neighbours
  // (birth dates a keystroke away, names of a length one apart), not pair by pair. The same pairs must come out.
  it('list_serial_wave: 300 rows of one block whose birth dates are near each other', () => {
    const rnd = seeded(3);
    const bases = ['621066', '101190', '300589', '011201'];
    const records = Array.from({ length: 300 }, (_, i) => {
      const d = [...(bases[Math.floor(rnd() * bases.length)] ?? '')];
      const k = Math.floor(rnd() * 6);
      if (rnd() < 0.5) d[k] = String(Math.floor(rnd() * 10));
      else if (k < 5) [d[k], d[k + 1]] = [d[k + 1] ?? '', d[k] ?? ''];
      return listRow({ id: i + 1, source: i % 2 === 0 ? 'central' : 'province', nik: `127120${d.join('')}0001`, nameKey: `N${String(i)} X`, namePhonetic: `N${String(i)} X`, wave: 3 });
    });
    const fast = fastBlockPairs(records);
    expect(fast.stats.pairs.list_serial_wave).toBeGreaterThan(1000);
    expect(fast).toEqual(plainBlockPairs(records));
  });

  it('nik_group_swap: 300 NIKs that differ only in the four digits at the two group boundaries', () => {
    const rnd = seeded(7);
    // Few digits at the boundaries, so that many NIKs are each other's swap (and some are one NIK twice).
    const records = Array.from({ length: 300 }, (_, i) => {
      const b = Array.from({ length: 4 }, () => String(Math.floor(rnd() * 3)));
      const nik = `12710${b[0] ?? '0'}${b[1] ?? '0'}5019${b[2] ?? '0'}${b[3] ?? '0'}001`;
      return listRow({ id: i + 1, nik: i % 5 === 0 ? null : nik, nikDigits: i % 5 === 0 ? nik : null, nameKey: `N${String(i)} X`, namePhonetic: `N${String(i)} X` });
    });
    const fast = fastBlockPairs(records);
    expect(fast.stats.pairs.nik_group_swap).toBeGreaterThan(500);
    expect(fast).toEqual(plainBlockPairs(records));
  });

  it('list_scientific_wave: 300 rows of one block, one in seven in scientific notation, names a typo apart', () => {
    const rnd = seeded(5);
    const letters = 'AEIOUNRST';
    const records = Array.from({ length: 300 }, (_, i) => {
      const base = [...'USAINFAUZI'];
      const k = Math.floor(rnd() * base.length);
      const kind = Math.floor(rnd() * 4);
      const letter = letters[Math.floor(rnd() * letters.length)] ?? 'A';
      if (kind === 0) base[k] = letter;
      else if (kind === 1) base.splice(k, 1);
      else if (kind === 2) base.splice(k, 0, letter);
      else if (k + 1 < base.length) [base[k], base[k + 1]] = [base[k + 1] ?? '', base[k] ?? ''];
      const name = `H${base.join('')}`;
      return i % 7 === 0
        ? listRow({ id: i + 1, source: 'province', nikHint: '12710', nikRange: scientificRange('1,27107E+15'), nameKey: name, namePhonetic: `${name} ${String(i)}` })
        : listRow({ id: i + 1, nik: `12710727016900${String((i % 90) + 10)}`, nameKey: name, namePhonetic: `${name} ${String(i)}` });
    });
    const fast = fastBlockPairs(records);
    expect(fast.stats.pairs.list_scientific_wave).toBeGreaterThan(300);
    expect(fast).toEqual(plainBlockPairs(records));
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

  it("every rule's code is -1 where its key is null, and equal exactly where the keys are", () => {
    const sp = records.map((r) => sortedPhonetic(r.namePhonetic));
    const ids = new Map<string, number>([['', 0]]);
    for (const k of sp) if (!ids.has(k)) ids.set(k, ids.size);
    let coded = 0;
    for (const { rule, key, code } of RULES) {
      if (!code) continue;
      coded++;
      const keys = records.map((r, i) => key(r, sp[i] ?? ''));
      const codes = records.map((r, i) => code(r, ids.get(sp[i] ?? '') ?? 0, ids.size));
      expect(codes.map((c) => c === -1), rule).toEqual(keys.map((k) => k === null));
      expect(codeGroups(codes), rule).toEqual(mapGroups(keys));
      expect(keyGroups(keys).length, rule).toBeGreaterThan(5);
    }
    expect(coded).toBe(RULES.length - 1);
  });

  it('groups by the key where a code cannot be made (a hint that is not all digits)', () => {
    const odd = records.slice(0, 400).map((r, i) => (i % 7 === 0 ? { ...r, nik: null, nikDigits: null, nikRange: null, nikHint: `${(r.nik ?? '1271015001900003').slice(0, 11)}X` } : r));
    expect(fastBlockPairs(odd)).toEqual(plainBlockPairs(odd));
    expect(fastBlockPairs(odd).stats.pairs.nik_region_date).toBeGreaterThan(0);
  });

  it('emits what the plain blocker does, with its caps and with caps frozen from another run', () => {
    expect(fastBlockPairs(records)).toEqual(plainBlockPairs(records));
    const small = { maxBlock: 4, maxNameBlock: 3 };
    const learnt = plainBlockPairs(records, small);
    expect(learnt.capped.length).toBeGreaterThan(10);
    expect(fastBlockPairs(records, small)).toEqual(learnt);
    const frozen = noCaps();
    for (const c of learnt.capped) frozen[c.split(':')[0] as BlockingRule].add(c.split(':')[1] ?? '');
    const half = records.filter((_, i) => i % 2 === 0);
    expect(fastBlockPairs(half, { capped: frozen })).toEqual(plainBlockPairs(half, { capped: frozen }));
  });

  it('emits many pairs of every NIK and name rule, each pair once', () => {
    const pairs: string[] = [];
    const stats = blockPairs(records, (i, j, rule) => pairs.push(`${i}-${j}:${rule}`));
    expect(new Set(pairs.map((p) => p.split(':')[0])).size).toBe(pairs.length);
    for (const rule of ['nik_region_date', 'nik_date_serial', 'name_region', 'name'] as const) expect(stats.pairs[rule]).toBeGreaterThan(10);
  });
});
