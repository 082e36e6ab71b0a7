/**
 * Accuracy (and speed) benchmark of the resolver on generated data with ground truth:
 * generate → import with the real importer (no per-import resolve) → one full resolve → export records →
 * evaluate against truth.csv, printed beside the exact-NIK baseline.
 *
 *   npm run accuracy -- --central 100000 --walkin 10000 --seed 7 [--variant issue-12] [--dir tmp/accuracy] [--json]
 */
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { exportRecordsToFile } from '../commands/export.js';
import { importFiles } from '../commands/import.js';
import { initOffice } from '../commands/init.js';
import { DATASET_VARIANTS, generateDataset, type DatasetVariant } from '../generate/dataset.js';
import { evaluate, evaluateBorrowed, exactNikBaseline, type ConflictPair, type Metrics } from '../generate/evaluate.js';
import { linkCeiling, pairCeiling, sampledPublic, type Ceiling, type PairCeiling } from '../generate/ceiling.js';
import { readBorrowed, readPersonNames, readPredicted, readRawRecords, readTruth, readWalkinRows } from '../generate/read-dataset.js';
import { resolveRecords } from '../resolve/index.js';
import { openDatabase } from '../store/database.js';
import { exportRows, recordsById, reviewCounts, reviewLinks } from '../store/resolve.js';

const { values } = parseArgs({
  options: {
    central: { type: 'string', default: '20000' },
    walkin: { type: 'string', default: '5000' },
    seed: { type: 'string', default: '1' },
    dir: { type: 'string', default: 'tmp/accuracy' },
    variant: { type: 'string', default: 'default' },
    json: { type: 'boolean', default: false },
  },
});

const dir = values.dir;
if (!Object.hasOwn(DATASET_VARIANTS, values.variant)) throw new Error(`--variant must be one of ${Object.keys(DATASET_VARIANTS).join(', ')}`);
const variant = DATASET_VARIANTS[values.variant as DatasetVariant];
/** The generator's walk-in desk, as `prakerja init --region` says: Kota Medan unless the variant moves it. */
const OFFICE = variant.officeRegion;
const seconds = (t0: bigint): number => Number(process.hrtime.bigint() - t0) / 1e9;

let t = process.hrtime.bigint();
const generated = await generateDataset({
  outDir: dir,
  seed: values.seed,
  central: Number(values.central),
  walkin: Number(values.walkin),
  officeRegion: OFFICE,
  rates: variant.rates,
});
const generateSeconds = seconds(t);

const dbPath = join(dir, 'accuracy.sqlite');
for (const suffix of ['', '-wal', '-shm']) if (existsSync(dbPath + suffix)) rmSync(dbPath + suffix);
const db = openDatabase(dbPath, { create: true });
initOffice(db, { region: OFFICE });
t = process.hrtime.bigint();
for (const [file, source] of [
  [generated.files.central.path, 'central'],
  [generated.files.province.path, 'province'],
  [generated.files.walkin.path, 'walkin'],
] as const) {
  const result = await importFiles(db, { files: [file], source, resolve: false, refYear: 2025 });
  if (!result.ok) throw new Error(`import of ${file} failed: ${result.files.map((f) => f.error).join('; ')}`);
}
const importSeconds = seconds(t);

t = process.hrtime.bigint();
const cpu0 = process.cpuUsage();
const resolved = resolveRecords(db);
const resolveSeconds = seconds(t);
const cpu = process.cpuUsage(cpu0);
// CPU time beside wall time: on a shared machine the wall clock measures the neighbours too.
const resolveCpuSeconds = (cpu.user + cpu.system) / 1e6;
const rssMb = Math.round(process.resourceUsage().maxRSS / 1e3);

const predictedPath = join(dir, 'predicted.csv');
exportRecordsToFile(db, predictedPath, { lang: 'en' }); // the machine column names the evaluator reads
// The review queue as staff would get it, and its conflicts by file and line, for the borrowed-NIK metrics.
const review = reviewCounts(db);
const conflictLinks = reviewLinks(db).filter((l) => l.kind === 'conflict');
const where = new Map(recordsById(db, [...new Set(conflictLinks.flatMap((l) => [l.record_l, l.record_r]))]).map((r) => [r.id, { file: r.file, line: r.line }]));
const conflicts: ConflictPair[] = conflictLinks.flatMap((l) => {
  const a = where.get(l.record_l);
  const b = where.get(l.record_r);
  return a && b ? [{ l: a, r: b }] : [];
});
const niks = new Map<string, string | null>();
for (const r of exportRows(db)) niks.set(`${r.file}:${r.line}`, r.nik);
db.close();

const truth = await readTruth(generated.files.truth.path);
const predicted = await readPredicted(predictedPath);
const model = evaluate(truth, predicted);
const rawRecords = await readRawRecords(dir);
const baseline = evaluate(truth, exactNikBaseline(rawRecords));
const borrowed = evaluateBorrowed(truth, predicted, await readBorrowed(generated.files.borrowed.path), conflicts, niks);

// The most any resolver could link (see ceiling.ts): name frequencies from a sample of at least a million
// persons (fifty times the data set's, at most three million).
const sampleSize = Math.min(3_000_000, Math.max(1_000_000, generated.persons.total * 50));
const { nameFrequency, rangeShare } = sampledPublic({ seed: values.seed, officeRegion: OFFICE, size: sampleSize });
const ceilingInput = { truth, names: await readPersonNames(generated.files.persons.path), walkins: await readWalkinRows(dir), nameFrequency };
// The link ceiling weighs a scientific-notation NIK by its range (ceiling.ts); the pair ceiling counts every NIK.
const ceilings: Ceiling[] = [0.995, 0.95].map((threshold) => linkCeiling({ ...ceilingInput, records: rawRecords, rangeShare, threshold }));
const pairCeilings: PairCeiling[] = [0.995, 0.95].map((threshold) => pairCeiling({ ...ceilingInput, records: rawRecords, threshold }));

if (values.json) {
  console.log(JSON.stringify({ model, baseline, ceilings, pairCeilings, review, borrowed, resolved, seconds: { generateSeconds, importSeconds, resolveSeconds, resolveCpuSeconds }, rssMb }, null, 2));
} else {
  const f = (x: number): string => x.toFixed(4);
  const row = (name: string, m: Metrics): string =>
    `| ${name.padEnd(18)} | ${f(m.pairs.precision)} | ${f(m.pairs.recall)} | ${f(m.pairs.f1)}  | ${f(m.links.precision)} | ${f(m.links.recall)} | ${f(m.links.f1)}  |`;
  console.log(`records ${truth.length} (central ${values.central}, walk-in ${values.walkin}, seed ${values.seed}, variant ${values.variant}); true persons ${model.truePersons}, predicted ${model.predictedPersons}`);
  console.log('| resolver           | pair P | pair R | pair F1 | link P | link R | link F1 |');
  console.log('|--------------------|--------|--------|---------|--------|--------|---------|');
  console.log(row('prakerja resolve', model));
  console.log(row('exact-NIK baseline', baseline));
  for (const c of ceilings) {
    console.log(
      `link-recall ceiling at precision ${c.threshold}: ${f(c.recall)}, ${f(c.recallAnyNik)} counting every NIK (of ${c.trulyLinked} walk-in rows of recipients: ` +
        `${c.withNik} wrote a NIK that with the name finds the holder, ${c.byPhone} share a phone with a visit that did, ${c.byName} have a rare enough name, ` +
        `${c.unreachable} cannot be told apart; ${c.nikTooWide} of the last two wrote a scientific-notation NIK whose range holds too many of the name, ` +
        `${c.listNikTooWide} of them a whole NIK the list shows only so)`,
    );
  }
  for (const c of pairCeilings) {
    const u = c.unreachable;
    console.log(
      `pair ceiling at precision ${c.threshold}: recall ${f(c.recall)}, F1 ${f(c.f1)} (of ${c.truePairs} true pairs, ${c.reachable} share evidence; ` +
        `${u.bookList} guest-book/list and ${u.bookBook} guest-book/guest-book pairs share only a common name, ${u.other} list/list pairs nothing)`,
    );
  }
  console.log(`review queue: ${review.possible} possible matches, ${review.conflicts} conflicts (${borrowed.conflictsOnePerson} of the conflicts are in truth one person)`);
  console.log(
    `borrowed NIKs: ${borrowed.borrowed} rows written with another person's NIK, ${borrowed.merged} merged into the holder; ` +
      `of the ${borrowed.intact} whose NIK was read intact, ${borrowed.listed} listed as conflicts`,
  );
  console.log(`generate ${generateSeconds.toFixed(1)} s, import ${importSeconds.toFixed(1)} s, resolve ${resolveSeconds.toFixed(1)} s (CPU ${resolveCpuSeconds.toFixed(1)} s), peak RSS ${rssMb} MB`);
  console.log(`resolve stages (s): ${JSON.stringify(resolved.seconds)}`);
  console.log(`links: ${JSON.stringify(resolved.links)}, refused ${resolved.refused}, blocking pairs ${JSON.stringify(resolved.blocking.pairs)}`);
}
