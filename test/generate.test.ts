import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { regionByCode } from '../src/normalise/regions.js';
import {
  DEFAULT_RATES,
  corruptName,
  corruptNik,
  excelRounded15,
  excelScientific,
  oldSpelling,
  type CorruptionStats,
  type Rates,
} from '../src/generate/corrupt.js';
import { generateDataset, type DatasetResult } from '../src/generate/dataset.js';
import { evaluate, evaluateBorrowed, exactNikBaseline, type PredictedRow, type TruthRow } from '../src/generate/evaluate.js';
import { Population, nikLooksValid, type Person } from '../src/generate/population.js';
import { Rng, permutation, weightedTable } from '../src/generate/random.js';
import { readBorrowed, readPersonNames, readRawRecords, readTruth, readWalkinRows, splitCsvLine } from '../src/generate/read-dataset.js';
import { linkCeiling } from '../src/generate/ceiling.js';

const dirs: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'prakerja-gen-'));
  dirs.push(dir);
  return dir;
}
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

/** Physical lines of a generated file, BOM removed, final line ending not producing an extra line. */
async function linesOf(path: string): Promise<string[]> {
  const text = (await readFile(path, 'utf8')).replace(/^\uFEFF/, '');
  return text.replace(/\r?\n$/, '').split(/\r?\n/);
}

/** Within `tolerance` standard deviations of a binomial(n, p) mean. */
function expectRate(observed: number, n: number, p: number, tolerance = 5): void {
  const sd = Math.sqrt(n * p * (1 - p));
  expect(Math.abs(observed - n * p), `observed ${observed} of ${n}, expected rate ${p}`).toBeLessThanOrEqual(
    tolerance * sd + 1,
  );
}

describe('random', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const c = new Rng(43);
    const sa = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(sa);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(sa);
  });

  it.each([1, 2, 5, 1000, 4097])('permutes [0, %i) without repeats', (n) => {
    const perm = permutation(n, 77);
    const seen = new Set(Array.from({ length: n }, (_, i) => perm(i)));
    expect(seen.size).toBe(n);
    expect(Math.min(...seen)).toBe(0);
    expect(Math.max(...seen)).toBe(n - 1);
  });

  it('keeps helpers in range and weights roughly right', () => {
    const rng = new Rng('helpers');
    const table = weightedTable([
      ['a', 1],
      ['b', 3],
    ]);
    let b = 0;
    for (let i = 0; i < 10_000; i++) {
      const n = rng.int(3, 7);
      expect(n >= 3 && n <= 7 && Number.isInteger(n)).toBe(true);
      if (rng.weighted(table) === 'b') b++;
    }
    expectRate(b, 10_000, 0.75);
  });
});

describe('population', () => {
  const population = new Population({ seed: 9, officeRegion: '1271' });
  const persons: Person[] = [];
  for (let i = 0; i < 6000; i++) persons.push(population.create(i % 3 === 0 ? 'visitor' : 'recipient'));

  it('gives every person a unique, structurally valid 16-digit NIK string', () => {
    const seen = new Set<string>();
    for (const p of persons) {
      expect(typeof p.nik).toBe('string');
      expect(p.nik).toMatch(/^\d{16}$/);
      expect(nikLooksValid(p.nik)).toBe(true);
      expect(regionByCode(p.nik.slice(0, 6))?.level).toBe('district');
      expect(p.nik.slice(0, 6)).toBe(p.nikDistrict);
      const day = Number(p.nik.slice(6, 8));
      expect(day).toBe(p.sex === 'P' ? p.birth.day + 40 : p.birth.day);
      expect(Number(p.nik.slice(8, 10))).toBe(p.birth.month);
      expect(p.nik.slice(10, 12)).toBe(String(p.birth.year % 100).padStart(2, '0'));
      expect(Number(p.nik.slice(12))).toBeGreaterThanOrEqual(1);
      expect(p.birth.year >= 1960 && p.birth.year <= 2002).toBe(true);
      seen.add(p.nik);
    }
    expect(seen.size).toBe(persons.length);
  });

  it('regenerates a person identically by index', () => {
    for (const p of persons.slice(0, 200)) expect(population.get(p.index)).toEqual(p);
  });

  it('weights the office kab/kota heavily and gives names in upper case', () => {
    const recipients = persons.filter((p) => p.kind === 'recipient');
    const local = recipients.filter((p) => p.nik.startsWith('1271')).length;
    expectRate(local, recipients.length, 0.6);
    for (const p of persons) expect(p.name).toMatch(/^[A-Z.]+( [A-Z.]+)*$/);
  });

  // Dukcapil (e-KTP, 2024): the commonest name of a sex is held by 0.15–0.26% of it, the top ten by ~1%.
  // A region concentrates its own names, so allow up to four times that, but no single name may take a
  // tenth of a city as the first version of this generator did (SITI AMINAH was 3% of Medan's women).
  it.each(['1271', '3374', '3273', '5171'])('gives names with realistic frequencies (office %s)', (office) => {
    const sample = new Population({ seed: 3, officeRegion: office });
    const counts = { L: new Map<string, number>(), P: new Map<string, number>() };
    const n = 20_000;
    for (let i = 0; i < n; i++) {
      const p = sample.create('recipient');
      counts[p.sex].set(p.name, (counts[p.sex].get(p.name) ?? 0) + 1);
    }
    for (const bySex of Object.values(counts)) {
      const held = [...bySex.values()].sort((a, b) => b - a);
      const total = held.reduce((s, c) => s + c, 0);
      const top = (held[0] ?? 0) / total;
      const topTen = held.slice(0, 10).reduce((s, c) => s + c, 0) / total;
      expect(top, 'commonest name').toBeGreaterThan(0.001); // common names do exist ...
      expect(top, 'commonest name').toBeLessThan(0.01); // ... but none is held by 1% of a sex
      expect(topTen, 'ten commonest').toBeLessThan(0.05);
    }
    const all = [...counts.L.values(), ...counts.P.values()];
    const heldByOne = all.filter((c) => c === 1).length / n;
    expect(heldByOne, 'people whose name nobody else in the list has').toBeGreaterThan(0.2);
  });

  it('spreads a provincial office\'s recipients over its whole province, not one city', () => {
    const province = new Population({ seed: 9, officeRegion: '12' });
    const regencies = new Map<string, number>();
    const n = 20_000;
    let inProvince = 0;
    for (let i = 0; i < n; i++) {
      const p = province.create('recipient');
      if (p.nik.startsWith('12')) inProvince++;
      regencies.set(p.nik.slice(0, 4), (regencies.get(p.nik.slice(0, 4)) ?? 0) + 1);
    }
    // 97% of recipients hold a NIK of the province (the office's share and "the rest of the province" are one).
    expectRate(inProvince, n, 0.97);
    const own = [...regencies].filter(([code]) => code.startsWith('12'));
    expect(own.length).toBeGreaterThanOrEqual(30);
    // No kab/kota holds the 60% a city office's own kab/kota does.
    expect(Math.max(...own.map(([, c]) => c)) / n).toBeLessThan(0.15);
  });

  it('rejects an unknown office region with a helpful message', () => {
    expect(() => new Population({ seed: 1, officeRegion: '9999' })).toThrow(/4-digit kab\/kota code/);
  });
});

describe('corruptions', () => {
  it('writes Excel forms exactly', () => {
    expect(excelScientific('3275120000000000', false)).toBe('3.27512E+15');
    expect(excelScientific('3275120000000000', true)).toBe('3,27512E+15');
    expect(excelScientific('3200000000000000', false)).toBe('3.2E+15');
    expect(excelScientific('127105450890001', false)).toBe('1.27105E+14');
    expect(excelRounded15('1271054508900008')).toBe('1271054508900010');
    expect(excelRounded15('1271054508900004')).toBe('1271054508900000');
    expect(excelRounded15('1271059999999995')).toBe('1271060000000000');
    expect(excelRounded15('127105450890001')).toBe('127105450890001');
  });

  it.each([
    ['SUTRISNO', 'SOETRISNO'],
    ['CECEP SUNANDAR', 'TJETJEP SOENANDAR'],
    ['YULIANA', 'JOELIANA'],
    ['NYOMAN SYAHRIAL', 'NJOMAN SJAHRIAL'],
    ['JOKO SURYA', 'DJOKO SOERJA'],
    ['KHAIRUNNISA', 'CHAIROENNISA'],
    ['DEDY RIZKY', 'DEDY RIZKY'],
  ])('old spelling of %s is %s', (modern, old) => {
    expect(oldSpelling(modern)).toBe(old);
  });

  it('applies NIK corruptions at their configured rates (10k rows)', () => {
    const rates: Rates = {
      ...DEFAULT_RATES,
      nikMistype: 0.05,
      nikSwap: 0.04,
      nikDrop: 0.03,
      nikScientific: 0.06,
      nikRounded15: 0.05,
      nikApostrophe: 0.04,
      nikSeparators: 0.03,
    };
    const rng = new Rng(5);
    const stats: CorruptionStats = {};
    const n = 10_000;
    const nik = '1271054508900008';
    let changed = 0;
    for (let i = 0; i < n; i++) if (corruptNik(rng, nik, rates, 1, 0.3, stats) !== nik) changed++;
    expectRate(stats.missing ?? 0, n, 0.3);
    const present = n - (stats.missing ?? 0);
    expectRate(stats.mistype ?? 0, present, 0.05);
    expectRate(stats.swap ?? 0, present, 0.04);
    expectRate(stats.drop ?? 0, present, 0.03);
    expectRate(stats.scientific ?? 0, present, 0.06);
    expectRate(stats.rounded15 ?? 0, present, 0.05);
    expectRate(stats.apostrophe ?? 0, present, 0.04);
    expectRate(stats.separators ?? 0, present, 0.03);
    expect(changed).toBeGreaterThan(stats.missing ?? 0);
  });

  it('applies name corruptions at their configured rates (10k rows)', () => {
    const rates: Rates = {
      ...DEFAULT_RATES,
      nameCase: 0.1,
      nameSpaces: 0.05,
      nameTitle: 0.08,
      nameVariant: 0.5,
      nameOldSpelling: 0.2,
      nameSwap: 0.06,
      nameTypo: 0.07,
    };
    const rng = new Rng(6);
    const stats: CorruptionStats = {};
    const n = 10_000;
    const seen = new Set<string>();
    for (let i = 0; i < n; i++) seen.add(corruptName(rng, 'MUHAMMAD RIZKI', 'L', rates, 1, stats));
    for (const kind of ['case', 'spaces', 'title', 'swap', 'typo'] as const) {
      expectRate(stats[kind] ?? 0, n, rates[`name${kind[0]?.toUpperCase()}${kind.slice(1)}` as keyof Rates]);
    }
    expectRate(stats.variant ?? 0, n, 0.5);
    // Old spelling applies among names it changes (a variant such as "M. RIZKI" may have left none).
    const old: CorruptionStats = {};
    for (let i = 0; i < n; i++) corruptName(rng, 'SUTRISNO', 'L', rates, 1, old);
    expectRate(old.oldSpelling ?? 0, n, 0.2);
    for (const form of ['M. RIZKI', 'MUHAMAD RIZKI', 'MOEHAMMAD RIZKI', 'muhammad rizki', 'Muhammad Rizki']) {
      expect(seen.has(form), form).toBe(true);
    }
    // Variants and old spelling only touch names they fit.
    const plain: CorruptionStats = {};
    for (let i = 0; i < 1000; i++) corruptName(rng, 'SRI TITIK', 'P', rates, 1, plain);
    expect(plain.variant ?? 0).toBe(0);
    expect(plain.oldSpelling ?? 0).toBe(0);
  });
});

describe('generateDataset', () => {
  let dir: string;
  let result: DatasetResult;
  beforeAll(async () => {
    dir = await tempDir();
    result = await generateDataset({ outDir: dir, seed: 11, central: 6000, walkin: 10_000, province: 1500, waves: 5 });
  });

  it('is byte-for-byte deterministic for a seed', async () => {
    const again = await tempDir();
    const other = await tempDir();
    await generateDataset({ outDir: again, seed: 11, central: 6000, walkin: 10_000, province: 1500, waves: 5 });
    await generateDataset({ outDir: other, seed: 12, central: 6000, walkin: 10_000, province: 1500, waves: 5 });
    for (const name of ['central.csv', 'province.csv', 'walkin.csv', 'truth.csv', 'persons.csv']) {
      const a = await readFile(join(dir, name));
      expect(a.equals(await readFile(join(again, name))), name).toBe(true);
      expect(a.equals(await readFile(join(other, name))), name).toBe(false);
    }
  });

  it('writes the documented headers and row counts', async () => {
    const central = await linesOf(result.files.central.path);
    const province = await linesOf(result.files.province.path);
    const walkin = await linesOf(result.files.walkin.path);
    expect(central[0]).toBe('NIK,NAMA,GELOMBANG,STATUS,KAB_KOTA');
    expect(province[3]).toBe('No;No KTP;Nama Lengkap;Gel;Kabupaten/Kota');
    expect(province.at(-1)).toMatch(/^JUMLAH;/);
    expect(walkin[1]).toBe('Tanggal,Nama,NIK,No HP,Keperluan');
    expect(central.length).toBe(6001);
    expect(province.length).toBe(1500 + 5);
    expect(walkin.length).toBe(10_000 + 2);
    expect(result.files.truth.rows).toBe(6000 + 1500 + 10_000);
    for (const line of walkin.slice(2)) expect(line).toMatch(/^\d\d\/\d\d\/20\d\d,/);
    for (const line of central.slice(1)) expect(line).toMatch(/,[1-5],(PENERIMA|DICABUT),[A-Z .]+$/);
  });

  it('names every person of the truth in persons.csv, with their uncorrupted name', async () => {
    const names = await readPersonNames(result.files.persons.path);
    expect(names.size).toBe(result.persons.total);
    for (const t of await readTruth(result.files.truth.path)) expect(names.get(t.person), t.person).toMatch(/^[A-Z]+( [A-Z]+)*$/);
  });

  it('lists every row written under another person\'s NIK in borrowed.csv, with the holder whose NIK it is', async () => {
    const truth = new Map((await readTruth(result.files.truth.path)).map((t) => [`${t.file}:${t.line}`, t.person]));
    const kinds = new Map(
      (await linesOf(result.files.persons.path)).slice(1).map((l) => {
        const [person = '', kind = ''] = l.split(',');
        return [person, kind];
      }),
    );
    const borrowed = await readBorrowed(result.files.borrowed.path);
    expect(borrowed.length).toBe(result.files.borrowed.rows);
    expect(borrowed.length).toBe(result.persons.impostors);
    // 1% of the guest book is a relative writing a recipient's NIK; a few central rows carry another's NIK.
    expectRate(borrowed.filter((b) => b.file === 'walkin.csv').length, 10_000, DEFAULT_RATES.walkinBorrowed, 6);
    const walkin = await linesOf(result.files.walkin.path);
    const centralNiks = new Map<string, string>();
    for (const [i, line] of (await linesOf(result.files.central.path)).entries()) centralNiks.set(truth.get(`central.csv:${i + 1}`) ?? '', line.split(',')[0] ?? '');
    let sameNik = 0;
    for (const b of borrowed) {
      const person = truth.get(`${b.file}:${b.line}`) ?? '';
      expect(kinds.get(person)).toBe('impostor');
      expect(kinds.get(b.holder)).toBe('recipient');
      expect(person).not.toBe(b.holder);
      if (b.file !== 'walkin.csv') continue;
      // A borrowed row always writes a NIK, mostly the holder's exactly.
      const nik = splitCsvLine(walkin[b.line - 1] ?? '', ',')[2] ?? '';
      expect(nik).not.toBe('');
      if (nik === centralNiks.get(b.holder)) sameNik++;
    }
    expect(sameNik).toBeGreaterThan(borrowed.filter((b) => b.file === 'walkin.csv').length * 0.7);
  });

  it('bounds link recall by what the guest book allows (ceiling)', async () => {
    const truth = await readTruth(result.files.truth.path);
    const names = await readPersonNames(result.files.persons.path);
    const walkins = await readWalkinRows(dir);
    expect(walkins).toHaveLength(10_000);
    const strict = linkCeiling({ truth, names, walkins, nameFrequency: () => 1e-4, threshold: 0.995 });
    const rareNames = linkCeiling({ truth, names, walkins, nameFrequency: () => 1e-9, threshold: 0.995 });
    // Every walk-in row of a recipient falls in exactly one class.
    expect(strict.withNik + strict.byPhone + strict.byName + strict.unreachable).toBe(strict.trulyLinked);
    // About 30% of the book has no NIK; with common names none of those links by name, with unique ones most.
    expect(strict.withNik / strict.trulyLinked).toBeGreaterThan(0.6);
    expect(strict.byName).toBe(0);
    expect(rareNames.byName).toBeGreaterThan(0);
    expect(rareNames.recall).toBeGreaterThan(strict.recall);
    expect(strict.recall).toBeLessThan(1);
  });

  it('has exactly one truth row for every data row, pointing at a real data line', async () => {
    const truth = await readTruth(result.files.truth.path);
    expect(truth.length).toBe(result.files.truth.rows);
    const firstData: Record<string, number> = { 'central.csv': 2, 'province.csv': 5, 'walkin.csv': 3 };
    const lines: Record<string, string[]> = {
      'central.csv': await linesOf(result.files.central.path),
      'province.csv': await linesOf(result.files.province.path),
      'walkin.csv': await linesOf(result.files.walkin.path),
    };
    const seen = new Set<string>();
    for (const row of truth) {
      const file = lines[row.file];
      expect(file, row.file).toBeDefined();
      const first = firstData[row.file] ?? 0;
      const text = file?.[row.line - 1];
      expect(row.line >= first && text !== undefined && !text.startsWith('JUMLAH'), `${row.file}:${row.line}`).toBe(
        true,
      );
      expect(row.person).toMatch(/^P\d+$/);
      seen.add(`${row.file}:${row.line}`);
    }
    expect(seen.size).toBe(truth.length);
    // And the readers agree with the truth on which lines are data.
    const raw = await readRawRecords(dir);
    expect(raw.map((r) => `${r.file}:${r.line}`).sort()).toEqual([...seen].sort());
  });

  it('keeps truth consistent with NIKs: one valid NIK per person, shared only by NIK borrowers', async () => {
    const truth = await readTruth(result.files.truth.path);
    const raw = await readRawRecords(dir);
    const personOf = new Map(truth.map((t) => [`${t.file}:${t.line}`, t.person]));
    const personsByNik = new Map<string, Set<string>>();
    for (const r of raw) {
      if (!nikLooksValid(r.nik)) continue;
      const person = personOf.get(`${r.file}:${r.line}`) ?? '';
      const set = personsByNik.get(r.nik) ?? new Set<string>();
      set.add(person);
      personsByNik.set(r.nik, set);
    }
    const shared = [...personsByNik.values()].filter((s) => s.size > 1).length;
    expect(shared).toBeGreaterThan(0);
    // Borrowed NIKs, plus the odd mistyped NIK that happens to be someone else's.
    expect(shared).toBeLessThanOrEqual(result.persons.impostors + 10);
  });

  it('leaves about 30% of walk-in NIKs empty and links about a third of walk-ins to recipients', async () => {
    const raw = await readRawRecords(dir);
    const walkins = raw.filter((r) => r.source === 'walkin');
    expectRate(walkins.filter((r) => r.nik === '').length, walkins.length, DEFAULT_RATES.walkinNikMissing);
    const metrics = evaluate(await readTruth(result.files.truth.path), exactNikBaseline(raw));
    expect(metrics.links.trulyLinked / metrics.links.walkins).toBeGreaterThan(0.25);
    expect(metrics.links.trulyLinked / metrics.links.walkins).toBeLessThan(0.6);
    // The naive baseline is precise but misses a lot: the point of the resolver.
    expect(metrics.pairs.precision).toBeGreaterThan(0.9);
    expect(metrics.pairs.recall).toBeLessThan(0.9);
    expect(metrics.links.recall).toBeLessThan(0.75);
  });

  it('rejects bad options with a message saying what to give', async () => {
    await expect(generateDataset({ outDir: dir, seed: 1, central: -1, walkin: 0 })).rejects.toThrow(
      /central must be a whole number/,
    );
    await expect(
      generateDataset({ outDir: dir, seed: 1, central: 10, walkin: 0, officeRegion: '99' }),
    ).rejects.toThrow(/4-digit kab\/kota code/);
  });
});

describe('splitCsvLine', () => {
  it.each([
    ['a,b,c', ',', ['a', 'b', 'c']],
    ['"3,27512E+15",SITI,1', ',', ['3,27512E+15', 'SITI', '1']],
    ['x,"NOER HIDAYAH, S.T.",', ',', ['x', 'NOER HIDAYAH, S.T.', '']],
    ['1;"say ""hi""";3', ';', ['1', 'say "hi"', '3']],
    ['', ',', ['']],
  ])('splits %s', (line, delimiter, cells) => {
    expect(splitCsvLine(line, delimiter)).toEqual(cells);
  });
});

describe('evaluate', () => {
  const t = (file: string, line: number, person: string): TruthRow => ({ file, line, person });
  const p = (file: string, line: number, person_id: string, source?: string): PredictedRow => ({
    file,
    line,
    person_id,
    ...(source ? { source } : {}),
  });

  it('scores a perfect prediction as 1 everywhere', () => {
    const truth = [t('central.csv', 2, 'A'), t('central.csv', 3, 'B'), t('walkin.csv', 3, 'A'), t('walkin.csv', 4, 'C')];
    const predicted = [
      p('/data/central.csv', 2, 'x', 'central'),
      p('/data/central.csv', 3, 'y', 'central'),
      p('/data/walkin.csv', 3, 'x', 'walkin'),
      p('/data/walkin.csv', 4, 'z', 'walkin'),
    ];
    const m = evaluate(truth, predicted);
    expect(m.pairs).toEqual({ precision: 1, recall: 1, f1: 1, truePairs: 1, predictedPairs: 1, correctPairs: 1 });
    expect(m.links).toEqual({
      precision: 1,
      recall: 1,
      f1: 1,
      walkins: 2,
      trulyLinked: 1,
      predictedLinked: 1,
      correctLinks: 1,
    });
    expect(m.missingPredictions).toBe(0);
  });

  it('scores one false merge', () => {
    // True: {2,3} and {4}. Predicted: {2,3,4}: 3 predicted pairs, 1 of them true.
    const truth = [t('central.csv', 2, 'A'), t('central.csv', 3, 'A'), t('central.csv', 4, 'B')];
    const predicted = [p('central.csv', 2, 'x'), p('central.csv', 3, 'x'), p('central.csv', 4, 'x')];
    const m = evaluate(truth, predicted);
    expect(m.pairs.precision).toBeCloseTo(1 / 3, 12);
    expect(m.pairs.recall).toBe(1);
    expect(m.pairs.f1).toBeCloseTo(0.5, 12);
  });

  it('scores one missed link (and a missing prediction as a singleton)', () => {
    // Walk-in line 3 is recipient A but was left alone; walk-in line 4 (B) was never a recipient.
    const truth = [t('central.csv', 2, 'A'), t('central.csv', 3, 'C'), t('walkin.csv', 3, 'A'), t('walkin.csv', 4, 'B')];
    const predicted = [p('central.csv', 2, 'x'), p('walkin.csv', 3, 'y'), p('walkin.csv', 4, 'z'), p('other.csv', 9, 'x')];
    const m = evaluate(truth, predicted);
    expect(m.pairs).toMatchObject({ precision: 1, recall: 0, f1: 0, truePairs: 1, predictedPairs: 0 });
    expect(m.links).toMatchObject({ precision: 1, recall: 0, f1: 0, walkins: 2, trulyLinked: 1, predictedLinked: 0 });
    expect(m.missingPredictions).toBe(1);
    expect(m.unknownPredictions).toBe(1);
  });

  it('scores a wrong link: a walk-in merged into another person who is a recipient', () => {
    const truth = [t('central.csv', 2, 'A'), t('walkin.csv', 3, 'B'), t('walkin.csv', 4, 'A')];
    const predicted = [p('central.csv', 2, 'x'), p('walkin.csv', 3, 'x'), p('walkin.csv', 4, 'x')];
    const m = evaluate(truth, predicted);
    expect(m.links).toMatchObject({ trulyLinked: 1, predictedLinked: 2, correctLinks: 1, precision: 0.5, recall: 1 });
    expect(m.pairs).toMatchObject({ truePairs: 1, predictedPairs: 3, correctPairs: 1 });
  });

  it('builds the exact-NIK baseline from raw cells only', () => {
    const nik = '1271054508900001';
    const rows = exactNikBaseline([
      { file: 'central.csv', line: 2, source: 'central', nik },
      { file: 'walkin.csv', line: 3, source: 'walkin', nik },
      { file: 'walkin.csv', line: 4, source: 'walkin', nik: `'${nik}` },
      { file: 'walkin.csv', line: 5, source: 'walkin', nik: '1.27105E+15' },
      { file: 'walkin.csv', line: 6, source: 'walkin', nik: '1.27105E+15' },
    ]);
    const ids = rows.map((r) => r.person_id);
    expect(ids[0]).toBe(ids[1]);
    expect(new Set(ids).size).toBe(4);
  });
});

describe('evaluateBorrowed', () => {
  // P1 holds the NIK (central line 2, walk-in line 3); P2 borrowed it (walk-in line 4); P3 too, its NIK misread.
  const truth: TruthRow[] = [
    { file: 'central.csv', line: 2, person: 'P1' },
    { file: 'walkin.csv', line: 3, person: 'P1' },
    { file: 'walkin.csv', line: 4, person: 'P2' },
    { file: 'walkin.csv', line: 5, person: 'P3' },
  ];
  const borrowed = [
    { file: 'walkin.csv', line: 4, holder: 'P1' },
    { file: 'walkin.csv', line: 5, holder: 'P1' },
  ];
  const niks = new Map<string, string | null>([
    ['central.csv:2', '1271015010900003'],
    ['walkin.csv:3', '1271015010900003'],
    ['walkin.csv:4', '1271015010900003'],
    ['walkin.csv:5', null],
  ]);
  const predicted = (people: string[]): PredictedRow[] => truth.map((t, i) => ({ file: t.file, line: t.line, person_id: people[i] ?? '' }));

  it('counts a borrowed row kept apart and listed, and a conflict between two records of one person', () => {
    const conflicts = [
      { l: { file: 'central.csv', line: 2 }, r: { file: 'walkin.csv', line: 4 } },
      { l: { file: 'central.csv', line: 2 }, r: { file: 'walkin.csv', line: 3 } },
    ];
    expect(evaluateBorrowed(truth, predicted(['a', 'a', 'b', 'c']), borrowed, conflicts, niks)).toEqual({
      borrowed: 2, intact: 1, merged: 0, listed: 1, conflicts: 2, conflictsOnePerson: 1,
    });
  });

  it('counts a borrowed row merged into the holder', () => {
    expect(evaluateBorrowed(truth, predicted(['a', 'a', 'a', 'c']), borrowed, [], niks)).toMatchObject({ merged: 1, listed: 0 });
  });
});

describe('evaluate (property)', () => {
  it('counts the same pairs and links as the brute-force O(n²) definition', () => {
    const sources = ['central', 'province', 'walkin'] as const;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5 }), fc.constantFrom(...sources)), {
          maxLength: 30,
        }),
        (rows) => {
          const truth = rows.map(([t, , source], i) => ({ file: `${source}.csv`, line: i + 2, person: `T${t}` }));
          const predicted = rows.map(([, p, source], i) => ({ file: `${source}.csv`, line: i + 2, person_id: `X${p}` }));
          const m = evaluate(truth, predicted);
          let truePairs = 0;
          let predictedPairs = 0;
          let correctPairs = 0;
          for (let i = 0; i < rows.length; i++) {
            for (let j = i + 1; j < rows.length; j++) {
              const sameT = rows[i]?.[0] === rows[j]?.[0];
              const sameP = rows[i]?.[1] === rows[j]?.[1];
              if (sameT) truePairs++;
              if (sameP) predictedPairs++;
              if (sameT && sameP) correctPairs++;
            }
          }
          expect(m.pairs).toMatchObject({ truePairs, predictedPairs, correctPairs });
          let trulyLinked = 0;
          let predictedLinked = 0;
          let correctLinks = 0;
          for (const [t, p, source] of rows) {
            if (source !== 'walkin') continue;
            const central = rows.filter((r) => r[2] === 'central');
            if (central.some((r) => r[0] === t)) trulyLinked++;
            if (central.some((r) => r[1] === p)) predictedLinked++;
            if (central.some((r) => r[1] === p && r[0] === t)) correctLinks++;
          }
          expect(m.links).toMatchObject({ trulyLinked, predictedLinked, correctLinks });
          // Predicting the truth itself is always perfect.
          const perfect = evaluate(
            truth,
            truth.map((r) => ({ file: r.file, line: r.line, person_id: r.person })),
          );
          expect([perfect.pairs.f1, perfect.links.f1]).toEqual([1, 1]);
        },
      ),
      { seed: 20_200_411, numRuns: 300 },
    );
  });
});
