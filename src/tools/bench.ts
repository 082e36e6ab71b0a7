/**
 * `npm run bench`: speed and memory of the pipeline, side by side with SQLite's own `.import` and with the
 * plain csv-parse + better-sqlite3 loop, on data from the project's generator. Not part of `npm test`.
 *
 *   npm run bench                                  # 1,000,000 central + 100,000 walk-in rows
 *   npm run bench -- --central 200000 --walkin 20000 --runs 1
 *   npm run bench -- --growth 100000,1000000,5000000
 *   npm run bench -- --only import --keep          # just the three import rows; keeps the generated file
 *   npm run bench -- --only import --csv FILE      # the three import rows on a 4-column file made before
 *
 * Every step runs as its own process under /usr/bin/time, so peak RSS is the process's own. Times are the
 * median of --runs runs; the machine is shared and noisy, so compare ratios within one run.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { generateDataset } from '../generate/dataset.js';

const ROOT = resolve(new URL('../..', import.meta.url).pathname);
const BIN = join(ROOT, 'bin', 'prakerja');

interface Measurement {
  step: string;
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  peakRssMb: number;
  runs: number[];
  vsSqlite?: number;
}

const { values } = parseArgs({
  options: {
    central: { type: 'string', default: '1000000' },
    walkin: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '3' },
    growth: { type: 'string', default: '' },
    seed: { type: 'string', default: '7' },
    out: { type: 'string', default: join(ROOT, 'bench-results', 'latest.json') },
    keep: { type: 'boolean', default: false },
    // `import`: only sqlite3 .import, the plain loop and prakerja import (no resolve, report or growth).
    only: { type: 'string', default: '' },
    // A 4-column central file made by an earlier `--keep` run, measured instead of generating one.
    csv: { type: 'string', default: '' },
  },
});
const central = Number(values.central);
const walkin = Number(values.walkin);
const runs = Math.max(1, Number(values.runs));
const work = mkdtempSync(join(tmpdir(), 'prakerja-bench-'));
const hasSqlite = spawnSync('sqlite3', ['-version']).status === 0;

/** Runs a command under /usr/bin/time; returns wall seconds and peak RSS in MB. */
function timed(command: string, args: string[], env: NodeJS.ProcessEnv = {}): { seconds: number; rssMb: number } {
  const result = spawnSync('/usr/bin/time', ['-f', '%e %M', command, ...args], {
    env: { ...process.env, ...env, NO_COLOR: '1' },
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed (${result.status}):\n${result.stderr.slice(-2000)}`);
  }
  const last = result.stderr.trim().split('\n').pop() ?? '';
  const [seconds = 'NaN', kb = 'NaN'] = last.split(' ');
  return { seconds: Number(seconds), rssMb: Number(kb) / 1024 };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? NaN) : ((s[mid - 1] ?? NaN) + (s[mid] ?? NaN)) / 2;
}

/** Repeats a measurement `runs` times, each on a fresh database made by `prepare`. */
function measure(step: string, rows: number, once: (db: string) => { seconds: number; rssMb: number }, prepare?: (db: string) => void): Measurement {
  const times: number[] = [];
  let rss = 0;
  for (let i = 0; i < runs; i++) {
    const db = join(work, `${step.replace(/\W+/g, '-')}-${i}.sqlite`);
    for (const suffix of ['', '-wal', '-shm']) rmSync(db + suffix, { force: true });
    prepare?.(db);
    const r = once(db);
    times.push(r.seconds);
    rss = Math.max(rss, r.rssMb);
    process.stderr.write(`  ${step}: run ${i + 1}/${runs}: ${r.seconds.toFixed(2)} s, ${r.rssMb.toFixed(0)} MB\n`);
  }
  const seconds = median(times);
  return { step, rows, seconds, rowsPerSecond: rows / seconds, peakRssMb: rss, runs: times };
}

/** The 4-column central file the issue compares on: NIK, NAMA, GELOMBANG, STATUS. */
async function fourColumns(src: string, dest: string): Promise<void> {
  const out = createWriteStream(dest);
  for await (const line of createInterface({ input: createReadStream(src), crlfDelay: Infinity })) {
    // The generator quotes nothing in central.csv's first four columns but names with commas; cut safely.
    const cells = splitCsvLine(line).slice(0, 4);
    if (!out.write(`${cells.join(',')}\n`)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((r) => out.end(r));
}

function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === '"') {
      cell += ch;
      quoted = !quoted;
    } else if (ch === ',' && !quoted) {
      cells.push(cell);
      cell = '';
    } else cell += ch;
  }
  cells.push(cell);
  return cells;
}

async function importBench(rows: number, label: string, given = ''): Promise<{ file: string; measurements: Measurement[] }> {
  let file = given;
  let walkinFile = '';
  if (file === '') {
    const dir = join(work, `gen-${rows}`);
    process.stderr.write(`generating ${rows.toLocaleString('en-US')} central rows…\n`);
    const data = await generateDataset({ outDir: dir, seed: values.seed, central: rows, walkin: label === 'main' ? walkin : 0, province: 0 });
    file = join(dir, 'central-4col.csv');
    await fourColumns(data.files.central.path, file);
    walkinFile = data.files.walkin.path;
  }
  const m: Measurement[] = [];
  if (hasSqlite) {
    m.push(
      measure(`sqlite3 .import (${label})`, rows, (db) =>
        timed('sqlite3', [db, 'CREATE TABLE t (nik TEXT, nama TEXT, gelombang TEXT, status TEXT);', '.mode csv', `.import --skip 1 ${file} t`]),
      ),
    );
  }
  m.push(measure(`csv-parse + better-sqlite3 loop (${label})`, rows, (db) => timed('node', [join(ROOT, 'dist/tools/bench-plain-loop.js'), file, db])));
  m.push(
    measure(`prakerja import --no-resolve (${label})`, rows, (db) =>
      timed('node', [BIN, '--db', db, '--quiet', 'import', file, '--source', 'central', '--no-resolve']),
    ),
  );
  const floor = m.find((x) => x.step.startsWith('sqlite3'));
  if (floor) for (const x of m) x.vsSqlite = x.seconds / floor.seconds;
  return { file: walkinFile, measurements: m };
}

function printTable(ms: Measurement[]): void {
  const head = ['step', 'rows', 'median s', 'rows/s', '× sqlite3', 'peak RSS MB'];
  const body = ms.map((m) => [
    m.step,
    m.rows.toLocaleString('en-US'),
    m.seconds.toFixed(2),
    Math.round(m.rowsPerSecond).toLocaleString('en-US'),
    m.vsSqlite === undefined ? '' : m.vsSqlite.toFixed(2),
    m.peakRssMb.toFixed(0),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of body) console.log(line(r));
}

async function main(): Promise<void> {
  if (!existsSync(join(ROOT, 'dist/cli/main.js'))) throw new Error('build first: npm run build');
  const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
  console.log(`prakerja bench — ${machine}; median of ${runs} run(s)`);
  if (!hasSqlite) console.log('(sqlite3 not installed: `apt-get install sqlite3` to compare with its .import)');
  const all: Measurement[] = [];

  const main = await importBench(central, 'main', values.csv);
  all.push(...main.measurements);
  if (values.only === 'import') {
    console.log('');
    printTable(all);
    if (!values.keep) rmSync(work, { recursive: true, force: true });
    else console.log(`kept: ${work}`);
    return;
  }

  // Resolve and report on one database holding the central list and the walk-in log.
  const full = join(work, 'full.sqlite');
  const centralFile = join(work, `gen-${central}`, 'central.csv');
  execFileSync('node', [BIN, '--db', full, '--quiet', 'init', '--region', '1271']);
  execFileSync('node', [BIN, '--db', full, '--quiet', 'import', centralFile, '--source', 'central', '--no-resolve']);
  execFileSync('node', [BIN, '--db', full, '--quiet', 'import', main.file, '--source', 'walkin', '--no-resolve']);
  const resolveRun = timed('node', [BIN, '--db', full, '--quiet', 'resolve']);
  all.push({ step: 'prakerja resolve (central + walk-in)', rows: central + walkin, seconds: resolveRun.seconds, rowsPerSecond: (central + walkin) / resolveRun.seconds, peakRssMb: resolveRun.rssMb, runs: [resolveRun.seconds] });
  const reportRun = timed('node', [BIN, '--db', full, '--quiet', 'report', 'all', '--out-dir', join(work, 'rekap')]);
  all.push({ step: 'prakerja report all --out-dir (3 recaps, CSV)', rows: central + walkin, seconds: reportRun.seconds, rowsPerSecond: (central + walkin) / reportRun.seconds, peakRssMb: reportRun.rssMb, runs: [reportRun.seconds] });

  const growth: { rows: number; seconds: number; peakRssMb: number }[] = [];
  for (const size of values.growth.split(',').filter(Boolean).map(Number)) {
    const g = size === central ? { measurements: main.measurements } : await importBench(size, `${(size / 1e6).toString()} M`);
    const own = g.measurements.find((x) => x.step.startsWith('prakerja'));
    if (own) growth.push({ rows: size, seconds: own.seconds, peakRssMb: own.peakRssMb });
    if (size !== central) all.push(...g.measurements);
  }

  console.log('');
  printTable(all);
  if (growth.length >= 2) {
    const first = growth[0];
    const last = growth[growth.length - 1];
    if (first && last) {
      const exponent = Math.log(last.seconds / first.seconds) / Math.log(last.rows / first.rows);
      const perRow = last.seconds / last.rows;
      console.log(`\ngrowth: time ∝ rows^${exponent.toFixed(2)}; at that rate 18.9 M central rows import in ~${((perRow * 18.9e6 * (18.9e6 / last.rows) ** (exponent - 1)) / 60).toFixed(1)} min`);
    }
  }
  mkdirSync(join(values.out, '..'), { recursive: true });
  writeFileSync(values.out, `${JSON.stringify({ date: new Date().toISOString(), machine, runs, central, walkin, measurements: all, growth }, null, 2)}\n`);
  console.log(`\nwritten: ${values.out}`);
  if (!values.keep) rmSync(work, { recursive: true, force: true });
  else console.log(`kept: ${work}`);
}

await main();
