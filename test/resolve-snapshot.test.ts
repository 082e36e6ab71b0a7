/**
 * Frozen frequencies (issue 14): the statistics a full resolve learns (NameFrequencies) are stored as a
 * snapshot and read back for the incremental resolve after an import. A snapshot that loses any part of the
 * statistics would score pairs otherwise than the full resolve that learnt it, so the round trip is checked
 * on every public method of the class, found by reflection: a method or a field added later is covered
 * without touching this test.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFiles } from '../src/commands/import.js';
import { generateDataset } from '../src/generate/dataset.js';
import { resolveRecords } from '../src/resolve/run.js';
import { openDatabase } from '../src/store/database.js';
import { loadSnapshot, resolveRows } from '../src/store/resolve.js';
import { tempDir } from './helpers/cli.js';
import { count, query } from './helpers/db.js';
import { loadRecords } from '../src/resolve/load.js';
import { resolve } from '../src/resolve/resolve.js';
import { countFrequencies, DEFAULT_PARAMETERS, NameFrequencies } from '../src/resolve/scoring.js';
import { frequenciesFromSnapshot, snapshotOfFrequencies } from '../src/resolve/snapshot.js';
import type { ResolveRow } from '../src/store/resolve.js';

const NAMES = ['SITI AMINAH', 'BUDI SANTOSO', 'AGUS SALIM', 'SITI RAHMAH', 'JOKO SUSILO', 'BOSTON HOTMAN SIAHAAN', 'DEWI LESTARI', 'RINA'];
const PURPOSES = ['pencairan insentif', 'lowongan kerja', 'pelatihan', 'informasi'];

function rows(n: number): ResolveRow[] {
  const out: ResolveRow[] = [];
  for (let i = 1; i <= n; i++) {
    const name = NAMES[(Math.floor(i / 2) * 7) % NAMES.length] ?? 'RINA';
    const source: ResolveRow['source'] = i % 5 === 0 ? 'walkin' : i % 7 === 0 ? 'province' : 'central';
    // Records come in twos, the second a NIK one digit off the first's (a model link whose weight depends
    // on the name's frequency); every third pair has no NIK.
    const p = Math.floor(i / 2);
    const base = `1271${String(10 + (p % 40)).padStart(2, '0')}${String(100000 + p).slice(-6)}${String(p % 999).padStart(3, '0')}`;
    // A visitor at an even position holds its partner's NIK (a recipient's visit), at an odd one its own.
    const nik = p % 3 === 0 ? null : `${base}${source === 'walkin' && i % 2 === 0 ? 1 : i % 2}`;
    out.push({
      id: i, source, nik, nik_status: nik === null ? 'missing' : 'valid', nik_raw: null, nik_reason: null, nik_hint: nik?.slice(0, 6) ?? null,
      name_key: name, name_phonetic: name, wave: source === 'walkin' ? null : 1 + (i % 4), phone: null, birth_date: null, sex: null,
      person_id: null, match: null, score: null, purpose: source === 'walkin' ? (PURPOSES[i % PURPOSES.length] ?? null) : null,
    });
  }
  return out;
}

/** Arguments to try each method with, by the parameter's position: names, prefixes, waves, purposes. */
const PROBES: unknown[] = [...NAMES, 'NEVER SEEN NAME', '', '1271', '127110', '1371', 1, 2, 3, 4, 99, ...PURPOSES, 'unknown purpose'];

/** Every public method and getter of NameFrequencies, found on its prototype. */
function publicMembers(): { name: string; kind: 'method' | 'getter'; arity: number }[] {
  const out: { name: string; kind: 'method' | 'getter'; arity: number }[] = [];
  for (const [name, d] of Object.entries(Object.getOwnPropertyDescriptors(NameFrequencies.prototype))) {
    if (name === 'constructor') continue;
    if (d.get) out.push({ name, kind: 'getter', arity: 0 });
    else if (typeof d.value === 'function') out.push({ name, kind: 'method', arity: (d.value as (...a: unknown[]) => unknown).length });
  }
  return out;
}

/** The mutators that are not named add*: they change state, so they are not probed. */
const MUTATORS = new Set(['countVisits', 'countCopies']);

/** What each read-only member answers on every probe (the mutators, add* and MUTATORS, are left out: they change state). */
function answers(f: NameFrequencies): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const m of publicMembers()) {
    if (m.name.startsWith('add') || MUTATORS.has(m.name)) continue;
    if (m.kind === 'getter') out[m.name] = Reflect.get(f, m.name);
    else {
      const fn = Reflect.get(f, m.name) as (...a: unknown[]) => unknown;
      out[m.name] = m.arity === 0 ? fn.call(f) : PROBES.map((p) => tryCall(() => fn.call(f, p)));
    }
  }
  return out;
}

/** A probe of the wrong type may throw; then both copies must throw alike. */
function tryCall(f: () => unknown): unknown {
  try {
    return f();
  } catch (error) {
    return `throws ${String(error)}`;
  }
}

describe('frequency snapshots', () => {
  const records = loadRecords(rows(3000)).records;
  const learnt = countFrequencies(records);

  it('finds the public members it checks (so an empty list cannot pass)', () => {
    const names = publicMembers().map((m) => m.name);
    for (const n of ['frequency', 'count', 'purposeMu', 'waveFrequency', 'prefixFrequency', 'size']) expect(names).toContain(n);
  });

  it('a round trip answers every public method as the learnt frequencies do, before and after their caches fill', () => {
    const cold = frequenciesFromSnapshot(snapshotOfFrequencies(learnt));
    const expected = answers(learnt);
    expect(answers(cold)).toEqual(expected);
    // The learnt object now has its caches filled; a snapshot taken after gives the same answers too.
    const warm = frequenciesFromSnapshot(snapshotOfFrequencies(learnt));
    expect(answers(warm)).toEqual(expected);
    // Real answers, not defaults: the names were counted.
    expect(learnt.count('SITI AMINAH')).toBeGreaterThan(0);
    expect(learnt.purposeMu('pencairan insentif')).not.toBeNull();
  });

  it('every field of the learnt state is in the snapshot, and a restored copy holds the same state', () => {
    const restored = frequenciesFromSnapshot(snapshotOfFrequencies(learnt));
    expect(Object.keys(restored).sort()).toEqual(Object.keys(learnt).sort());
    for (const key of Object.keys(learnt)) expect(Reflect.get(restored, key), key).toEqual(Reflect.get(learnt, key));
  });

  it('a restored copy keeps learning as the original would', () => {
    const a = countFrequencies(records);
    const b = frequenciesFromSnapshot(snapshotOfFrequencies(a));
    for (const f of [a, b]) {
      f.add('NEW NAME HERE');
      f.addNik('3201011212900001');
      f.addWave(7);
      f.addVisit('pelatihan', true);
    }
    expect(answers(b)).toEqual(answers(a));
    // The visit purposes counted afresh (a guest book grew): the same on both, and only the purposes moved.
    const before = answers(a);
    for (const f of [a, b]) f.countVisits(records.slice(0, 1500), new Set(records.slice(0, 700).flatMap((r) => (r.nik === null ? [] : [r.nik]))));
    expect(answers(b)).toEqual(answers(a));
    const after = answers(a);
    expect(after.purposeMu).not.toEqual(before.purposeMu);
    expect({ ...after, purposeMu: null }).toEqual({ ...before, purposeMu: null });
  });

  it('refuses a snapshot of other state (a field it does not know, or a missing one) instead of guessing', () => {
    const text = snapshotOfFrequencies(learnt);
    const parsed = JSON.parse(text) as { fields: Record<string, unknown> };
    const missing = { ...parsed, fields: { ...parsed.fields } };
    delete missing.fields.total;
    expect(() => frequenciesFromSnapshot(JSON.stringify(missing))).toThrow(/total/);
    const extra = { ...parsed, fields: { ...parsed.fields, somethingElse: 1 } };
    expect(() => frequenciesFromSnapshot(JSON.stringify(extra))).toThrow(/somethingElse/);
  });

  it('resolve with the learnt frequencies given equals resolve that learns them; with others it can differ', () => {
    const loaded = loadRecords(rows(600));
    const plain = resolve(loaded, { decisions: [] }, DEFAULT_PARAMETERS);
    const given = resolve(loaded, { decisions: [] }, DEFAULT_PARAMETERS, undefined, {
      frequencies: frequenciesFromSnapshot(snapshotOfFrequencies(countFrequencies(loaded.records))),
    });
    expect([...given.linkRows]).toEqual([...plain.linkRows]);
    expect([...given.personUpdates]).toEqual([...plain.personUpdates]);
    // Frequencies learnt from other records weigh the same pairs otherwise: the argument is used.
    const other = resolve(loaded, { decisions: [] }, DEFAULT_PARAMETERS, undefined, { frequencies: new NameFrequencies() });
    expect([...other.linkRows].map((l) => l.weight)).not.toEqual([...plain.linkRows].map((l) => l.weight));
  });
});

describe('the stored snapshot', () => {
  /** The links as comparable text: pair, kind, rule, probability. */
  const links = (path: string): string[] =>
    query<{ k: string }>(path, `SELECT record_l || '-' || record_r || ' ' || kind || ' ' || rule || ' ' || ifnull(probability, '-') AS k FROM links ORDER BY k`).map((r) => r.k);

  it('a full resolve stores what it learnt; a frozen resolve scores with it, not with what the records say now', async () => {
    const dir = tempDir();
    const path = join(dir, 'data.sqlite');
    const data = await generateDataset({ outDir: join(dir, 'gen'), seed: 3, central: 400, walkin: 150, province: 0, waves: 2 });
    const db = openDatabase(path, { create: true });
    await importFiles(db, { files: [data.files.central.path], source: 'central' });
    const first = loadSnapshot(db);
    expect(first?.records).toBe(count(path, 'SELECT count(*) FROM records'));
    // The stored text is the statistics themselves: read back, they answer as the ones learnt from the records.
    const learnt = countFrequencies(loadRecords(resolveRows(db)).records);
    expect(answers(frequenciesFromSnapshot(first?.frequencies ?? ''))).toEqual(answers(learnt));

    // Resolving again under the stored statistics changes nothing and keeps the snapshot.
    const before = links(path);
    resolveRecords(db, { frozen: true });
    expect(links(path)).toEqual(before);
    const learntPart = (s: ReturnType<typeof loadSnapshot>) => ({ learnt_at: s?.learnt_at, records: s?.records, frequencies: s?.frequencies, capped: s?.capped });
    expect(learntPart(loadSnapshot(db))).toEqual(learntPart(first));

    // More records: a frozen resolve still weighs with the first snapshot, a learning one with all records.
    await importFiles(db, { files: [data.files.walkin.path], source: 'walkin', resolve: false });
    resolveRecords(db, { frozen: true });
    const frozen = links(path);
    expect(learntPart(loadSnapshot(db))).toEqual(learntPart(first));
    resolveRecords(db);
    const relearnt = links(path);
    expect(loadSnapshot(db)?.records).toBe(count(path, 'SELECT count(*) FROM records'));
    expect(frozen).not.toEqual(relearnt);
    db.close();
  });
});
