/**
 * Dev tool: write a seeded synthetic data set with ground truth.
 *
 *   node dist/tools/generate.js --out tmp/gen --central 1000000 --walkin 100000 --seed 42
 *   node dist/tools/generate.js --out tmp/gen --central 20000 --walkin 2000 --office 3528 --waves 4
 *   node dist/tools/generate.js --out tmp/gen --central 20000 --walkin 5000 --variant issue-12
 */
import { parseArgs } from 'node:util';
import { DATASET_VARIANTS, generateDataset, type DatasetVariant } from '../generate/dataset.js';

const usage = `usage: node dist/tools/generate.js --out DIR --central N --walkin N [--seed S] [--province N]
                                     [--waves N] [--office KODE_KAB_KOTA] [--variant default|issue-12]
                                     [--wide-serials 0..1] [--json]`;

function count(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text.replaceAll('_', ''));
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a whole number, got "${text}"`);
  return n;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      out: { type: 'string' },
      central: { type: 'string' },
      walkin: { type: 'string' },
      province: { type: 'string' },
      seed: { type: 'string', default: '1' },
      waves: { type: 'string' },
      office: { type: 'string' },
      variant: { type: 'string', default: 'default' },
      'wide-serials': { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help || !values.out || values.central === undefined || values.walkin === undefined) {
    console.log(usage);
    process.exitCode = values.help ? 0 : 2;
    return;
  }
  if (!Object.hasOwn(DATASET_VARIANTS, values.variant)) {
    console.log(usage);
    process.exitCode = 2;
    return;
  }
  const variant = DATASET_VARIANTS[values.variant as DatasetVariant];
  const seedNumber = Number(values.seed);
  const started = performance.now();
  const result = await generateDataset({
    outDir: values.out,
    seed: Number.isInteger(seedNumber) ? seedNumber : values.seed,
    central: count('central', values.central) ?? 0,
    walkin: count('walkin', values.walkin) ?? 0,
    province: count('province', values.province),
    waves: count('waves', values.waves),
    officeRegion: values.office ?? variant.officeRegion,
    rates: variant.rates,
    wideSerials: values['wide-serials'] === undefined ? undefined : Number(values['wide-serials']),
  });
  const seconds = (performance.now() - started) / 1000;
  const rows = result.files.central.rows + result.files.province.rows + result.files.walkin.rows;
  if (values.json) {
    console.log(JSON.stringify({ ...result, seconds, rowsPerSecond: Math.round(rows / seconds) }, null, 2));
    return;
  }
  for (const [name, file] of Object.entries(result.files)) {
    console.log(`${name.padEnd(9)} ${String(file.rows).padStart(10)} rows  ${file.path}`);
  }
  const p = result.persons;
  console.log(
    `persons   ${String(p.total).padStart(10)}  (${p.recipients} recipients, ${p.visitors} other visitors, ${p.impostors} borrowing a NIK)`,
  );
  console.log(`${rows} data rows in ${seconds.toFixed(2)} s: ${Math.round(rows / seconds).toLocaleString('en')} rows/s`);
}

main().catch((error: unknown) => {
  console.error(`generate: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
