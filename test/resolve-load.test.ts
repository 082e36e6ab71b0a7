/**
 * What an earlier resolve stored for each loaded record (resolve/load.ts StoredPersons), kept in typed arrays
 * for memory: every value comes back as it was stored, null as null, however many records.
 */
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importFiles } from '../src/commands/import.js';
import { generateDataset } from '../src/generate/dataset.js';
import { loadRecordPages, loadRecords, StoredPersons } from '../src/resolve/load.js';
import { resolveRecords } from '../src/resolve/run.js';
import { openDatabase } from '../src/store/database.js';
import { RECORD_MATCHES, resolvePages, resolveRows, type RecordMatch, type ResolveRow } from '../src/store/resolve.js';
import { tempDir } from './helpers/cli.js';

describe('StoredPersons', () => {
  it('gives back each record’s person, match and score as stored, null where none, past its first room', () => {
    const value = fc.record({
      person: fc.option(fc.integer({ min: 1, max: 2 ** 40 }), { nil: null }),
      match: fc.option(fc.constantFrom<RecordMatch>(...RECORD_MATCHES), { nil: null }),
      score: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 3000 }), (values) => {
        const stored = new StoredPersons();
        for (const v of values) stored.push(v.person, v.match, v.score);
        expect(stored.length).toBe(values.length);
        expect(values.map((_, i) => ({ person: stored.person(i), match: stored.match(i), score: stored.score(i) }))).toEqual(values);
      }),
      { numRuns: 30 },
    );
  });

  it('reads a match it does not know as none', () => {
    const stored = new StoredPersons();
    stored.push(7, 'something else' as RecordMatch, 0.5);
    expect([stored.person(0), stored.match(0), stored.score(0)]).toEqual([7, null, 0.5]);
    expect([stored.person(1), stored.match(1), stored.score(1)]).toEqual([null, null, null]);
  });
});

describe('loading records', () => {
  const row = (id: number, nameKey: string, phonetic: string): ResolveRow => ({
    id, source: 'walkin', nik: null, nik_status: 'missing', nik_raw: null, nik_reason: null, nik_hint: null, name_key: nameKey, name_phonetic: phonetic,
    wave: null, phone: null, birth_date: null, sex: null, person_id: null, match: null, score: null, purpose: null,
  });

  it('keeps each record’s own phonetic key, also where an earlier record of its name key had another', () => {
    const records = loadRecords([row(1, 'SITI AMINAH', 'SITI AMINA'), row(2, 'SITI AMINAH', 'SITI AMINAH'), row(3, 'SITI AMINAH', 'SITI AMINA'), row(4, 'BUDI', 'BUDI')]).records;
    expect(records.map((r) => [r.nameKey, r.namePhonetic])).toEqual([
      ['SITI AMINAH', 'SITI AMINA'],
      ['SITI AMINAH', 'SITI AMINAH'],
      ['SITI AMINAH', 'SITI AMINA'],
      ['BUDI', 'BUDI'],
    ]);
  });

  it('makes the same records and stored persons from the store’s raw pages as from its row objects', async () => {
    const dir = tempDir();
    const data = await generateDataset({ outDir: join(dir, 'gen'), seed: 5, central: 2500, walkin: 400, province: 0, waves: 2 });
    const db = openDatabase(join(dir, 'data.sqlite'), { create: true });
    await importFiles(db, { files: [data.files.central.path], source: 'central', wave: 1, resolve: false });
    await importFiles(db, { files: [data.files.walkin.path], source: 'walkin', resolve: false });
    resolveRecords(db);
    const fromPages = loadRecordPages(resolvePages(db));
    const fromRows = loadRecords(resolveRows(db));
    expect(fromPages.records.length).toBeGreaterThan(2800);
    expect(fromPages.records).toEqual(fromRows.records);
    const stored = (l: typeof fromRows) => l.records.map((_, i) => [l.stored.person(i), l.stored.match(i), l.stored.score(i)]);
    expect(stored(fromPages)).toEqual(stored(fromRows));
    expect(stored(fromPages).every(([person]) => person !== null)).toBe(true);
    db.close();
  });
});
