/**
 * A provincial row whose valid NIK no central row holds is a copy of a central row whose NIK the list damaged
 * (the province copies the central list): beside a central row with a damaged NIK whose range holds it, the
 * same name and wave, that absence is evidence the model weighs (issue 12, the variant's link recall).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFiles } from '../src/commands/import.js';
import { generateDataset } from '../src/generate/dataset.js';
import { scientificRange } from '../src/normalise/nik.js';
import type { ResolveRecord } from '../src/resolve/comparison.js';
import { compareRecords } from '../src/resolve/comparison.js';
import { loadRecords } from '../src/resolve/load.js';
import { countFrequencies, pairKind, scorePair, unlistedCopy, weighedRange } from '../src/resolve/scoring.js';
import { openDatabase } from '../src/store/database.js';
import { resolveRows } from '../src/store/resolve.js';
import { tempDir } from './helpers/cli.js';
import { query } from './helpers/db.js';

function rec(over: Partial<ResolveRecord>): ResolveRecord {
  return {
    id: 1, source: 'central', nik: null, nikDigits: null, nikHint: null, nikRange: null, nameKey: 'BUDI SAPUTRO', namePhonetic: 'BUTI SAPUTRO',
    wave: 6, phone: null, birthDate: null, sex: null, purpose: null, ...over,
  };
}

/** A Surabaya list of 3,000 (10 BUDI SAPUTROs, 1 in 100 NIKs shown in scientific notation), and its provincial copy of 1,500 rows, 1 in 25 of them with a NIK the list does not hold. */
function list(): ResolveRecord[] {
  const out: ResolveRecord[] = [];
  for (let i = 0; i < 3000; i++) {
    const damaged = i % 100 === 0;
    const nik = `35780${String(i % 31).padStart(1, '0').slice(-1)}${String(100000 + i).slice(-6)}0001`.slice(0, 16);
    out.push(rec({ id: 10 + i, nik: damaged ? null : nik, nikHint: damaged ? '35780' : null, nameKey: i % 300 === 1 ? 'BUDI SAPUTRO' : `NAMA${i} LAIN${i}`, wave: 1 + (i % 8) }));
    // Every 25th provincial row holds a NIK the central list does not (mistyped, or its central row's damaged).
    if (i % 2 === 0) out.push(rec({ id: 5000 + i, source: 'province', nik: i % 50 === 0 ? `${nik.slice(0, 12)}9999` : nik, unlisted: i % 50 === 0, nameKey: `NAMA${i} LAIN${i}` }));
  }
  return out;
}

describe('a provincial copy of a central row with a damaged NIK', () => {
  const freqs = countFrequencies(list());
  const central = rec({ id: 1, nikHint: '357804', nikRange: scientificRange('3,57804E+15') });
  const province = rec({ id: 2, source: 'province', nik: '3578042808750001', birthDate: '1975-08-28', sex: 'M' });

  it('weighs the absence of its NIK from the central list, as rare as one provincial NIK in 25', () => {
    expect(freqs.unlistedShare()).toBeCloseTo(1 / 25, 10);
    const score = (p: ResolveRecord): number => {
      const levels = compareRecords(central, p);
      return scorePair(levels, central.nameKey, freqs, undefined, central.nikHint, central.wave, weighedRange(central, p), pairKind(central, p), unlistedCopy(central, p)).probability;
    };
    expect(unlistedCopy(central, province)).toBe(false);
    expect(unlistedCopy(central, { ...province, unlisted: true })).toBe(true);
    const held = score(province);
    const absent = score({ ...province, unlisted: true });
    expect(held).toBeLessThan(0.95);
    expect(absent).toBeGreaterThanOrEqual(0.95);
  });

  it('only between a central row without a valid NIK and a provincial row: not for a guest-book row, nor two valid NIKs', () => {
    expect(unlistedCopy(central, { ...province, source: 'walkin', unlisted: true })).toBe(false);
    expect(unlistedCopy({ ...central, nik: '3578042808750009' }, { ...province, unlisted: true })).toBe(false);
    expect(unlistedCopy({ ...province, unlisted: true }, central)).toBe(true);
  });
});

describe('which provincial rows are unlisted, as the store reads them', () => {
  it('marks the provincial rows whose valid NIK no central row holds, and no other', async () => {
    const dir = tempDir();
    const path = join(dir, 'data.sqlite');
    const data = await generateDataset({ outDir: join(dir, 'gen'), seed: 5, central: 3000, walkin: 100, waves: 2 });
    const db = openDatabase(path, { create: true });
    for (const [file, source] of [[data.files.central.path, 'central'], [data.files.province.path, 'province']] as const) {
      await importFiles(db, { files: [file], source, resolve: false });
    }
    const records = loadRecords(resolveRows(db)).records;
    db.close();
    const centralNiks = new Set(query<{ nik: string }>(path, "SELECT nik FROM records WHERE source = 'central' AND nik IS NOT NULL").map((r) => r.nik));
    const province = records.filter((r) => r.source === 'province');
    expect(province.length).toBeGreaterThan(100);
    const expected = province.filter((r) => r.nik !== null && !centralNiks.has(r.nik)).map((r) => r.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(records.filter((r) => r.unlisted).map((r) => r.id)).toEqual(expected);
  });
});
