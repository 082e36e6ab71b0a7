/**
 * Stored block keys (resolve/keys.ts): written in the table's order, each record under every key the
 * incremental resolve looks it up by; keys of another format (or of deleted records) are never used.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { importFiles } from '../src/commands/import.js';
import { generateDataset } from '../src/generate/dataset.js';
import { candidateKeys, keyHash, sortedBlockKeys, storedKeys } from '../src/resolve/keys.js';
import { loadRecords } from '../src/resolve/load.js';
import { noCaps, sortedPhonetic } from '../src/resolve/blocking.js';
import { openDatabase } from '../src/store/database.js';
import { resolveRows, writeBlockKeys, writeLinks, writePersons, type LinkRow, type PersonUpdate } from '../src/store/resolve.js';
import { tempDir } from './helpers/cli.js';
import { writeText } from './helpers/db.js';

describe('block keys', () => {
  it('come sorted by hash then id, every stored key of every record once, in chunks', () => {
    const rows = Array.from({ length: 400 }, (_, i) => ({
      id: i + 1, source: 'central' as const, nik: i % 4 === 0 ? null : `12710150109${String(i).padStart(5, '0')}`, nik_status: (i % 4 === 0 ? 'missing' : 'valid') as 'missing' | 'valid',
      nik_raw: null, nik_reason: null, nik_hint: null, name_key: `NAMA ${i % 37}`, name_phonetic: `NAMA ${i % 37}`, wave: 1, phone: i % 3 === 0 ? `0812${String(i % 50).padStart(8, '0')}` : null,
      birth_date: null, sex: null, person_id: null, match: null, score: null, purpose: null,
    }));
    const records = loadRecords(rows).records;
    const chunks = [...sortedBlockKeys(records, 0, 97)];
    // Chunks of 97 keys: hash, id, hash, id, …
    expect(chunks.slice(0, -1).every((c) => c.length === 2 * 97)).toBe(true);
    const pairs = pairsOf(chunks);
    const expected = records.flatMap((r) => storedKeys(r).map((h): [number, number] => [h, r.id]));
    expect(pairs.length).toBe(expected.length);
    expect([...pairs].sort((a, b) => a[0] - b[0] || a[1] - b[1])).toEqual(pairs);
    expect(new Set(pairs.map((p) => p.join(':')))).toEqual(new Set(expected.map((p) => p.join(':'))));
    // Given room for a few keys at first (the array grows), the same keys in the same order.
    expect(pairsOf(sortedBlockKeys(records, 0, 97, 13))).toEqual(pairs);
    // Records up to `after` are left out.
    expect(pairsOf(sortedBlockKeys(records, 200)).every(([, id]) => id > 200)).toBe(true);
  });

  it('hash FNV-1a of the key name, a NUL and the key, whichever names came before', () => {
    const plain = (text: string) => {
      let h = 0x811c9dc5;
      for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
      return h >>> 0;
    };
    for (const [name, key] of [['name', 'AMINAH SITI'], ['name_region+', '1271|SITI'], ['digits', '1271051010900003'], ['name', ''], ['phone', 'É08123']])
      expect(keyHash(name ?? '', key ?? '')).toBe(plain(`${name ?? ''}\u0000${key ?? ''}`));
  });

  it('sort the phonetic codes of a name as splitting, sorting and joining them would', () => {
    for (const p of ['SITI', 'SITI AMINAH', 'AMINAH SITI', 'A A', 'B A C', 'SITI ', ' SITI', '', 'Z Y X W'])
      expect(sortedPhonetic(p)).toBe(p.split(' ').sort().join(' '));
  });

  it('are stored as given, in statements of many rows and the rest of a chunk one by one; a repeat once; a rebuild replaces them', () => {
    const db = openDatabase(join(tempDir(), 'keys.sqlite'), { create: true });
    const pairs = Array.from({ length: 1203 }, (_, i): [number, number] => [4_000_000_000 - (i % 600) * 7, i + 1]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    writeBlockKeys(db, [pairs.slice(0, 700).flat(), [...pairs.slice(700), pairs[5] ?? [0, 0]].flat()]);
    const stored = () => db.prepare<[], [number, number]>('SELECT hash, record_id FROM block_keys ORDER BY hash, record_id').raw(true).all();
    expect(stored()).toEqual(pairs);
    writeBlockKeys(db, [new Uint32Array([1, 2])], true);
    expect(stored()).toEqual([[1, 2]]);
    db.close();
  });

  it('a new record looks up the stored ones it can pair with: its blocks, its NIK, the NIKs its swaps make', () => {
    const [valid, swapped] = loadRecords([
      { id: 1, source: 'central', nik: '1271015010900003', nik_status: 'valid', nik_raw: null, nik_reason: null, nik_hint: null, name_key: 'SITI AMINAH', name_phonetic: 'SITI AMINAH', wave: 1, phone: null, birth_date: null, sex: null, person_id: null, match: null, score: null, purpose: null },
      { id: 2, source: 'walkin', nik: null, nik_status: 'invalid', nik_raw: '1271051010900003', nik_reason: null, nik_hint: null, name_key: 'SITI AMINAH', name_phonetic: 'SITI AMINAH', wave: null, phone: null, birth_date: null, sex: null, person_id: null, match: null, score: null, purpose: null },
    ]).records;
    if (!valid || !swapped) throw new Error('no records');
    // The day's digits swapped across the region|date boundary (…0|15… → …5|10…): an invalid NIK, stored by its digits.
    expect(storedKeys(swapped)).toContain(keyHash('digits', '1271051010900003'));
    const looked = candidateKeys(valid, noCaps());
    expect(looked.niks).toEqual(expect.arrayContaining(['1271015010900003', '1271051010900003']));
    expect(looked.hashes).toContain(keyHash('digits', '1271051010900003'));
    // A capped block is not looked up.
    const caps = noCaps();
    caps.nik_region_date.add('127101501090');
    expect(candidateKeys(valid, caps).hashes).not.toContain(keyHash('nik_region_date', '127101501090'));
  });

  it('keys of another format are not used: the next import resolves in full and writes them again', async () => {
    const dir = tempDir();
    const path = join(dir, 'data.sqlite');
    const data = await generateDataset({ outDir: join(dir, 'gen'), seed: 8, central: 300, walkin: 60, province: 0, waves: 1 });
    const db = openDatabase(path, { create: true });
    await importFiles(db, { files: [data.files.central.path], source: 'central', wave: 1 });
    db.close();
    const raw = new Database(path);
    raw.prepare("UPDATE settings SET value = 'old' WHERE key = 'block_keys_format'").run();
    raw.close();
    const again = openDatabase(path);
    const book = writeText(dir, 'tamu.csv', 'Tanggal,Nama,NIK,No HP,Keperluan\n2020-06-01,BUDI SANTOSO,,,informasi\n');
    const r = await importFiles(again, { files: [book], source: 'walkin' });
    expect(r.resolve).toMatchObject({ mode: 'full', fullBecause: 'keys_stale' });
    const keys = pairsOf(sortedBlockKeys(loadRecords(resolveRows(again)).records, 0)).length;
    const stored = Number(again.prepare('SELECT count(*) FROM block_keys').pluck().get());
    expect(stored).toBe(keys);
    const book2 = writeText(dir, 'tamu2.csv', 'Tanggal,Nama,NIK,No HP,Keperluan\n2020-06-02,AGUS SALIM,,,informasi\n');
    expect((await importFiles(again, { files: [book2], source: 'walkin' })).resolve?.mode).toBe('incremental');
    again.close();
  });

  it('links are written many to a statement, the rest in one more: each its own values, in order; a pair written again keeps its id and takes the new values', async () => {
    const dir = tempDir();
    const data = await generateDataset({ outDir: join(dir, 'gen'), seed: 4, central: 300, walkin: 0, province: 0, waves: 1 });
    const db = openDatabase(join(dir, 'data.sqlite'), { create: true });
    await importFiles(db, { files: [data.files.central.path], source: 'central', wave: 1, resolve: false });
    const ids = db.prepare<[], number>('SELECT id FROM records ORDER BY id').pluck().all();
    const links = ids.slice(1, 251).map((id, i): LinkRow => ({
      record_l: ids[0] ?? 0, record_r: id, kind: i % 3 === 0 ? 'possible' : 'match', rule: i % 2 === 0 ? 'model' : 'exact_nik', blocking: i % 2 === 0 ? 'name' : null,
      weight: i % 5 === 0 ? null : i / 8, probability: i % 7 === 0 ? null : i / 1000, levels: `[{"i":${i}}]`, refused: i === 4 ? 'nik' : null,
    }));
    const again: LinkRow = { ...(links[3] as LinkRow), kind: 'conflict', levels: '[]', probability: 0.5 };
    expect(writeLinks(db, [...links, again])).toBe(251);
    const stored = db.prepare<[], LinkRow & { id: number }>('SELECT id, record_l, record_r, kind, rule, blocking, weight, probability, levels, refused FROM links ORDER BY id').all();
    expect(stored.map(({ id: _, ...l }) => l)).toEqual(links.map((l, i) => (i === 3 ? again : l)));
    expect(stored.map((l) => l.id)).toEqual(stored.map((_, i) => (stored[0]?.id ?? 0) + i));
    db.close();
  });

  it('persons are written many records to a statement, the rest of them in one more: each record its own values', async () => {
    const dir = tempDir();
    const data = await generateDataset({ outDir: join(dir, 'gen'), seed: 3, central: 560, walkin: 0, province: 0, waves: 1 });
    const db = openDatabase(join(dir, 'data.sqlite'), { create: true });
    await importFiles(db, { files: [data.files.central.path], source: 'central', wave: 1, resolve: false });
    const ids = db.prepare<[], number>('SELECT id FROM records ORDER BY id').pluck().all();
    const updates = ids.map((id, i): PersonUpdate => ({ id, person_id: ids[i - (i % 3)] ?? id, match: i % 3 === 0 ? 'single' : 'model', score: i % 3 === 0 ? null : i / 1000 }));
    expect(writePersons(db, updates)).toBe(ids.length);
    expect(db.prepare<[], PersonUpdate>('SELECT id, person_id, match, score FROM records_resolved ORDER BY id').all()).toEqual(updates);
    db.close();
  });
});

/** Chunks of hash, id, hash, id, … as [hash, id] pairs. */
function pairsOf(chunks: Iterable<ArrayLike<number>>): [number, number][] {
  const out: [number, number][] = [];
  for (const c of chunks) for (let i = 0; i + 1 < c.length; i += 2) out.push([c[i] ?? 0, c[i + 1] ?? 0]);
  return out;
}
