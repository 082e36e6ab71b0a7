/**
 * `npm run bench`: speed and memory of the pipeline, side by side with SQLite's own `.import` and with the
 * plain csv-parse + better-sqlite3 loop, on data from the project's generator. Not part of `npm test`.
 *
 *   npm run bench                                  # 1 M central + 100 k walk-in, and resolve at 5 M + 500 k
 *   npm run bench -- --skip-large                  # without the 5.5 M resolve (a quick run)
 *   npm run bench -- --skip-large --national 18900000   # also resolve a national list (central only; ~1 h here)
 *   npm run bench -- --central 200000 --walkin 20000 --runs 1 --skip-large
 *   npm run bench -- --growth 100000,1000000,5000000   # import and resolve at each size (walk-in: a tenth)
 *   npm run bench -- --only import --keep          # just the three import rows; keeps the generated file
 *   npm run bench -- --only import --csv FILE      # the three import rows on a 4-column file made before
 *   npm run bench -- --only incremental            # just the three rows of a new guest book into 1 M
 *
 * Rows: sqlite3 `.import`, the plain loop and `prakerja import --no-resolve` of the central file (ratios to
 * `.import`); `prakerja resolve` of central + walk-in at 1.1 M and at 5.5 M; an incremental import of a new
 * 5,000-row guest book into a database holding the central list, the earlier visits and their persons (one process, resolve
 * included); the recaps. Each row says the goal of issue 14 it is held to, and whether it met it.
 *
 * Every step runs as its own process under /usr/bin/time, so peak RSS is the process's own. Times are the
 * median of --runs runs (the 5.5 M resolve: one run); the machine is shared and noisy, so compare ratios
 * within one run.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, createReadStream, createWriteStream, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, platform, release, tmpdir, totalmem } from 'node:os';
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
  /** User + system CPU seconds of the median run (all threads: the worker, SQLite, V8's GC helpers). */
  cpuSeconds?: number;
  vsSqlite?: number;
  /** The goal of issue 14 for this row, in words, and whether this run met it. */
  goal?: string;
  met?: boolean;
  /** Resolve only: seconds per stage, as `prakerja --json resolve` reports them (of the median run). */
  stages?: Record<string, number>;
}

interface Goal {
  text: string;
  seconds?: number;
  vsSqlite?: number;
  peakRssMb?: number;
}

/** Issue 14's goals, per row. */
const GOALS = {
  import: { text: '≤ 3× sqlite3, ≤ 150 MB', vsSqlite: 3, peakRssMb: 150 },
  resolve: { text: '≤ 25 s, ≤ 600 MB', seconds: 25, peakRssMb: 600 },
  resolveLarge: { text: '≤ 180 s, ≤ 3,072 MB', seconds: 180, peakRssMb: 3072 },
  national: { text: '≤ 8,192 MB', peakRssMb: 8192 },
  incremental: { text: '≤ 5 s', seconds: 5 },
} satisfies Record<string, Goal>;

function held(m: Measurement, goal: Goal): Measurement {
  const met =
    (goal.seconds === undefined || m.seconds <= goal.seconds) &&
    (goal.vsSqlite === undefined || (m.vsSqlite !== undefined && m.vsSqlite <= goal.vsSqlite)) &&
    (goal.peakRssMb === undefined || m.peakRssMb <= goal.peakRssMb);
  return { ...m, goal: goal.text, met };
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
    // `import`: only sqlite3 .import, the plain loop and prakerja import (no resolve, report or growth);
    // `incremental`: only the new guest book into the central list (and into it with earlier visits).
    only: { type: 'string', default: '' },
    // A 4-column central file made by an earlier `--keep` run, measured instead of generating one.
    csv: { type: 'string', default: '' },
    // The national-scale row: resolve of this many central + walk-in records (one run); --skip-large leaves it out.
    'large-central': { type: 'string', default: '5000000' },
    'large-walkin': { type: 'string', default: '500000' },
    'skip-large': { type: 'boolean', default: false },
    // The office of the large set: a province (its recipients spread over all its kab/kota, as a provincial
    // list is), or a 4-digit kab/kota code to put 60% of the 5.5 M in one city as the rows up to session 7 did.
    'large-office': { type: 'string', default: '12' },
    // Opt-in, not in the default run: resolve of a national list of this many central rows (one run), held to
    // issue 14's 8 GB. Generating, importing and resolving 18.9 M rows takes about an hour on a 2-core machine.
    national: { type: 'string', default: '' },
    // Rows of the new guest book imported into the database of the central list and its persons.
    book: { type: 'string', default: '5000' },
  },
});
const central = Number(values.central);
const walkin = Number(values.walkin);
const runs = Math.max(1, Number(values.runs));
const largeCentral = Number(values['large-central']);
const largeWalkin = Number(values['large-walkin']);
const bookRows = Number(values.book);
const work = mkdtempSync(join(tmpdir(), 'prakerja-bench-'));
const hasSqlite = spawnSync('sqlite3', ['-version']).status === 0;
// Taken before the first step: how busy the machine was when the run began.
const loadAtStart = loadavg().map((x) => Math.round(x * 100) / 100);

/** Runs a command under /usr/bin/time; returns wall seconds, peak RSS in MB and what it printed. */
function timed(command: string, args: string[], env: NodeJS.ProcessEnv = {}): Timed {
  const result = spawnSync('/usr/bin/time', ['-f', '%e %M %U %S', command, ...args], {
    env: { ...process.env, ...env, NO_COLOR: '1' },
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed (${result.status}):\n${result.stderr.slice(-2000)}`);
  }
  const last = result.stderr.trim().split('\n').pop() ?? '';
  const [seconds = 'NaN', kb = 'NaN', user = 'NaN', system = 'NaN'] = last.split(' ');
  return { seconds: Number(seconds), rssMb: Number(kb) / 1024, cpuSeconds: Number(user) + Number(system), stdout: result.stdout };
}

interface Timed {
  seconds: number;
  rssMb: number;
  /** User + system CPU seconds: on a shared machine, steadier than wall time. */
  cpuSeconds?: number;
  stdout?: string;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? NaN) : ((s[mid - 1] ?? NaN) + (s[mid] ?? NaN)) / 2;
}

/**
 * Repeats a measurement `times` times, each on a fresh database made by `prepare` (removed after). Peak RSS
 * is the largest of the runs; a resolve's stage seconds are those of the median run.
 */
function measure(step: string, rows: number, once: (db: string) => Timed, prepare?: (db: string) => void, times = runs): Measurement {
  const results: Timed[] = [];
  for (let i = 0; i < times; i++) {
    const db = join(work, `${step.replace(/\W+/g, '-')}-${i}.sqlite`);
    removeDb(db);
    prepare?.(db);
    const r = once(db);
    removeDb(db);
    results.push(r);
    process.stderr.write(`  ${step}: run ${i + 1}/${times}: ${r.seconds.toFixed(2)} s, ${r.rssMb.toFixed(0)} MB\n`);
  }
  const seconds = median(results.map((r) => r.seconds));
  const mid = results.find((r) => r.seconds === seconds) ?? results[0];
  const stages = mid?.stdout === undefined ? undefined : resolveStages(mid.stdout);
  return {
    step,
    rows,
    seconds,
    rowsPerSecond: rows / seconds,
    peakRssMb: Math.max(...results.map((r) => r.rssMb)),
    runs: results.map((r) => r.seconds),
    ...(mid?.cpuSeconds === undefined ? {} : { cpuSeconds: mid.cpuSeconds }),
    ...(stages ? { stages } : {}),
  };
}

function removeDb(db: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(db + suffix, { force: true });
}

/** The stage seconds of a `prakerja --json resolve` or `--json import`'s resolve, if it printed them. */
function resolveStages(stdout: string): Record<string, number> | undefined {
  try {
    const out = JSON.parse(stdout) as { seconds?: Record<string, number>; resolve?: { seconds?: Record<string, number> } };
    return out.seconds ?? out.resolve?.seconds;
  } catch {
    return undefined;
  }
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

/** The three import rows on `rows` central rows (generated, with a tenth as many walk-in rows, unless `given`). */
async function importBench(rows: number, label: string, given = '', times = runs): Promise<{ file: string; measurements: Measurement[] }> {
  let file = given;
  let walkinFile = '';
  if (file === '') {
    const dir = join(work, `gen-${rows}`);
    process.stderr.write(`generating ${rows.toLocaleString('en-US')} central rows…\n`);
    const data = await generateDataset({ outDir: dir, seed: values.seed, central: rows, walkin: label === 'main' ? walkin : Math.round(rows / 10), province: 0 });
    file = join(dir, 'central-4col.csv');
    await fourColumns(data.files.central.path, file);
    walkinFile = data.files.walkin.path;
  }
  const m: Measurement[] = [];
  if (hasSqlite) {
    m.push(
      measure(
        `sqlite3 .import (${label})`,
        rows,
        (db) => timed('sqlite3', [db, 'CREATE TABLE t (nik TEXT, nama TEXT, gelombang TEXT, status TEXT);', '.mode csv', `.import --skip 1 ${file} t`]),
        undefined,
        times,
      ),
    );
  }
  m.push(measure(`csv-parse + better-sqlite3 loop (${label})`, rows, (db) => timed('node', [join(ROOT, 'dist/tools/bench-plain-loop.js'), file, db]), undefined, times));
  m.push(
    measure(
      `prakerja import --no-resolve (${label})`,
      rows,
      (db) => timed('node', [BIN, '--db', db, '--quiet', 'import', file, '--source', 'central', '--no-resolve']),
      undefined,
      times,
    ),
  );
  const floor = m.find((x) => x.step.startsWith('sqlite3'));
  if (floor) for (const x of m) x.vsSqlite = x.seconds / floor.seconds;
  const own = m.find((x) => x.step.startsWith('prakerja'));
  if (own) m[m.indexOf(own)] = held(own, GOALS.import);
  return { file: walkinFile, measurements: m };
}

function printTable(ms: Measurement[]): void {
  const head = ['step', 'rows', 'median s', 'CPU s', 'rows/s', '× sqlite3', 'peak RSS MB', 'goal (issue 14)'];
  const body = ms.map((m) => [
    m.step,
    m.rows.toLocaleString('en-US'),
    m.seconds.toFixed(2),
    m.cpuSeconds === undefined ? '' : m.cpuSeconds.toFixed(2),
    Math.round(m.rowsPerSecond).toLocaleString('en-US'),
    m.vsSqlite === undefined ? '' : m.vsSqlite.toFixed(2),
    m.peakRssMb.toFixed(0),
    m.goal === undefined ? '' : `${m.goal}: ${m.met === true ? 'met' : 'not met'}`,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 || i === r.length - 1 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ').trimEnd();
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of body) console.log(line(r));
}

async function main(): Promise<void> {
  if (!existsSync(join(ROOT, 'dist/cli/main.js'))) throw new Error('build first: npm run build');
  const machine = machineName();
  console.log(`prakerja bench — ${machine}; median of ${runs} run(s)`);
  if (!hasSqlite) console.log('(sqlite3 not installed: `apt-get install sqlite3` to compare with its .import)');
  const all: Measurement[] = [];

  if (values.only === 'incremental') {
    const dir = join(work, `gen-${central}`);
    process.stderr.write(`generating ${central.toLocaleString('en-US')} central + ${walkin.toLocaleString('en-US')} walk-in rows…\n`);
    const data = await generateDataset({ outDir: dir, seed: values.seed, central, walkin, province: 0 });
    all.push(...(await incrementalRows(data.files.central.path, data.files.walkin.path)));
    console.log('');
    printTable(all);
    finish(all, []);
    return;
  }
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
  const centralFile = join(work, `gen-${central}`, 'central.csv');
  const unresolved = join(work, 'full-unresolved.sqlite');
  importUnresolved(unresolved, centralFile, main.file);
  const resolveMain = held(
    measure('prakerja resolve (central + walk-in)', central + walkin, (db) => timed('node', [BIN, '--db', db, '--quiet', '--json', 'resolve']), (db) => copyFileSync(unresolved, db)),
    GOALS.resolve,
  );
  all.push(resolveMain);
  const full = join(work, 'full.sqlite');
  copyFileSync(unresolved, full);
  execFileSync('node', [BIN, '--db', full, '--quiet', 'resolve']);
  const reportRun = timed('node', [BIN, '--db', full, '--quiet', 'report', 'all', '--out-dir', join(work, 'rekap')]);
  all.push({ step: 'prakerja report all --out-dir (3 recaps, CSV)', rows: central + walkin, seconds: reportRun.seconds, cpuSeconds: reportRun.cpuSeconds, rowsPerSecond: (central + walkin) / reportRun.seconds, peakRssMb: reportRun.rssMb, runs: [reportRun.seconds] });
  removeDb(full);
  removeDb(unresolved);

  all.push(...(await incrementalRows(centralFile, main.file)));

  // Provincial scale: resolve of the large set (one run: it takes minutes).
  const large = values['skip-large'] ? undefined : await resolveOnce('large', largeCentral, largeWalkin, GOALS.resolveLarge, values['large-office']);
  if (large) all.push(large);
  // National scale, when asked for: a central list alone.
  const nationalRows = Number(values.national);
  if (nationalRows > 0) all.push(await resolveOnce('national', nationalRows, 0, GOALS.national));

  // Growth: import and resolve at each size (walk-in a tenth of central), reusing the rows measured above.
  const growth: { step: 'import' | 'resolve'; rows: number; seconds: number; peakRssMb: number }[] = [];
  const point = (step: 'import' | 'resolve', m: Measurement | undefined) => {
    if (m) growth.push({ step, rows: m.rows, seconds: m.seconds, peakRssMb: m.peakRssMb });
  };
  const sizes = values.growth.split(',').filter(Boolean).map(Number);
  for (const size of sizes) {
    if (size === central) {
      point('import', main.measurements.find((x) => x.step.startsWith('prakerja')));
      point('resolve', resolveMain);
      continue;
    }
    const label = `${(size / 1e6).toString()} M`;
    // Each growth point is one run: the curve's shape, not a median.
    const g = await importBench(size, label, '', 1);
    all.push(...g.measurements);
    point('import', g.measurements.find((x) => x.step.startsWith('prakerja')));
    if (size === largeCentral && large) {
      point('resolve', large);
      continue;
    }
    const db = join(work, `growth-${size}.sqlite`);
    importUnresolved(db, join(work, `gen-${size}`, 'central.csv'), g.file);
    const r = measure(`prakerja resolve (central + walk-in)`, size + Math.round(size / 10), (copy) => timed('node', [BIN, '--db', copy, '--quiet', '--json', 'resolve']), (copy) => copyFileSync(db, copy), 1);
    all.push(r);
    point('resolve', r);
    removeDb(db);
    rmSync(join(work, `gen-${size}`), { recursive: true, force: true });
  }

  console.log('');
  printTable(all);
  console.log('');
  for (const m of all) {
    if (m.stages) console.log(`${m.step}, ${m.rows.toLocaleString('en-US')}: ${Object.entries(m.stages).map(([k, v]) => `${k} ${v} s`).join(', ')}`);
  }
  for (const step of ['import', 'resolve'] as const) {
    const curve = growth.filter((g) => g.step === step).sort((x, y) => x.rows - y.rows);
    // The slope between the two largest sizes: at the small end start-up time flattens the curve.
    const first = curve[curve.length - 2];
    const last = curve[curve.length - 1];
    if (!first || !last) continue;
    const exponent = Math.log(last.seconds / first.seconds) / Math.log(last.rows / first.rows);
    const national = step === 'import' ? 18.9e6 : 18.9e6 * 1.1;
    const minutes = (last.seconds * (national / last.rows) ** exponent) / 60;
    console.log(
      `\ngrowth of ${step}: ${curve.map((g) => `${(g.rows / 1e6).toFixed(2)} M ${g.seconds.toFixed(1)} s ${g.peakRssMb.toFixed(0)} MB`).join(' → ')}; time ∝ rows^${exponent.toFixed(2)}, so ~${minutes.toFixed(1)} min at ${(national / 1e6).toFixed(1)} M (a guess from the curve)`,
    );
  }
  finish(all, growth);
}

/** Writes the results to --out (with the machine and date) and removes the work folder unless --keep. */
function finish(all: Measurement[], growth: unknown[]): void {
  mkdirSync(join(values.out, '..'), { recursive: true });
  const date = new Date().toISOString();
  writeFileSync(values.out, `${JSON.stringify({ date, machine: machineName(), host: hostInfo(), runs, central, walkin, measurements: all, growth }, null, 2)}\n`);
  console.log(`\nwritten: ${values.out}`);
  if (!values.keep) rmSync(work, { recursive: true, force: true });
  else console.log(`kept: ${work}`);
}

/**
 * A night's new guest book (the last `--book` rows of the generated one) imported into a database that holds
 * the central list and its persons: one process, the import and the resolve it ends with. Three times: as the
 * office's first book (its visit purposes learnt), as its second (after a first book of as many rows: the
 * purposes relearnt, the first book's visits matched again), and after the book's earlier rows (earlier
 * visits, imported and resolved before: the purposes stay).
 */
async function incrementalRows(centralCsv: string, walkinCsv: string): Promise<Measurement[]> {
  const book = join(work, `book-${bookRows}.csv`);
  const earlier = join(work, 'book-earlier.csv');
  await splitBook(walkinCsv, 2, bookRows, earlier, book);
  const first = join(work, 'book-first.csv');
  await splitBook(earlier, 2, bookRows, join(work, 'book-rest.csv'), first);
  const earlierRows = walkin - bookRows;
  const n = bookRows.toLocaleString('en-US');
  const out: Measurement[] = [];
  for (const [label, before] of [
    [`a new ${n}-row guest book into ${(central / 1e6).toString()} M`, undefined],
    [`a second ${n}-row guest book into ${(central / 1e6).toString()} M + a first of ${n}`, first],
    [`a new ${n}-row guest book into ${(central / 1e6).toString()} M + ${earlierRows.toLocaleString('en-US')} earlier walk-in`, earlier],
  ] as const) {
    const listed = join(work, 'listed-resolved.sqlite');
    importUnresolved(listed, centralCsv, before);
    execFileSync('node', [BIN, '--db', listed, '--quiet', 'resolve']);
    out.push(
      held(
        measure(
          `prakerja import of ${label} (resolve included)`,
          bookRows,
          (db) => timed('node', [BIN, '--db', db, '--quiet', '--json', 'import', book, '--source', 'walkin']),
          (db) => copyFileSync(listed, db),
        ),
        GOALS.incremental,
      ),
    );
    removeDb(listed);
  }
  return out;
}

/** One resolve of a generated set of this many central and walk-in rows, made for it and removed after. */
async function resolveOnce(label: string, centralRows: number, walkinRows: number, goal: Goal, officeRegion?: string): Promise<Measurement> {
  const dir = join(work, `gen-${label}`);
  process.stderr.write(`generating ${centralRows.toLocaleString('en-US')} central + ${walkinRows.toLocaleString('en-US')} walk-in rows…\n`);
  const data = await generateDataset({ outDir: dir, seed: values.seed, central: centralRows, walkin: walkinRows, province: 0, officeRegion });
  const db = join(work, `${label}-unresolved.sqlite`);
  importUnresolved(db, data.files.central.path, walkinRows > 0 ? data.files.walkin.path : undefined, officeRegion);
  rmSync(dir, { recursive: true, force: true });
  const of = officeRegion === undefined ? '' : `, office ${officeRegion}`;
  const step = walkinRows > 0 ? `prakerja resolve (central + walk-in${of})` : `prakerja resolve (central list${of})`;
  const m = held(measure(step, centralRows + walkinRows, (copy) => timed('node', [BIN, '--db', copy, '--quiet', '--json', 'resolve']), (copy) => copyFileSync(db, copy), 1), goal);
  removeDb(db);
  return m;
}

/** A fresh database holding these files, imported without resolving. */
function importUnresolved(db: string, centralCsv: string, walkinCsv?: string, officeRegion = '1271'): void {
  removeDb(db);
  execFileSync('node', [BIN, '--db', db, '--quiet', 'init', '--region', officeRegion]);
  execFileSync('node', [BIN, '--db', db, '--quiet', 'import', centralCsv, '--source', 'central', '--no-resolve']);
  if (walkinCsv) execFileSync('node', [BIN, '--db', db, '--quiet', 'import', walkinCsv, '--source', 'walkin', '--no-resolve']);
}

/**
 * A guest book cut in two after its `headerLines` (title and header) lines: all but its last `n` data rows
 * (earlier visits), and those `n` (the new book), each with the header.
 */
async function splitBook(src: string, headerLines: number, n: number, earlierDest: string, newDest: string): Promise<void> {
  const lines: string[] = [];
  for await (const line of createInterface({ input: createReadStream(src), crlfDelay: Infinity })) if (line !== '') lines.push(line);
  const head = lines.slice(0, headerLines);
  const cut = Math.max(headerLines, lines.length - n);
  writeFileSync(earlierDest, `${[...head, ...lines.slice(headerLines, cut)].join('\r\n')}\r\n`);
  writeFileSync(newDest, `${[...head, ...lines.slice(cut)].join('\r\n')}\r\n`);
}

function machineName(): string {
  return `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
}

/** What else shares the machine: the OS, and the load average (1, 5, 15 min) when the bench started and ended. */
function hostInfo(): { os: string; loadAverage: number[]; loadAverageAtEnd: number[] } {
  return { os: `${platform()} ${release()}`, loadAverage: loadAtStart, loadAverageAtEnd: loadavg().map((x) => Math.round(x * 100) / 100) };
}

await main();
