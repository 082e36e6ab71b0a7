/**
 * Dev tool: score resolver output against a generated data set's truth, next to the exact-NIK baseline.
 *
 *   node dist/tools/evaluate.js --data tmp/gen                          # baseline only
 *   node dist/tools/evaluate.js --data tmp/gen --predicted records.csv  # from `prakerja export records`
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { evaluate, exactNikBaseline, type Metrics } from '../generate/evaluate.js';
import { readPredicted, readRawRecords, readTruth } from '../generate/read-dataset.js';

const pct = (x: number): string => `${(100 * x).toFixed(2)}%`;

function show(label: string, m: Metrics): void {
  console.log(`${label}`);
  console.log(
    `  pairs  P ${pct(m.pairs.precision)}  R ${pct(m.pairs.recall)}  F1 ${pct(m.pairs.f1)}` +
      `  (${m.pairs.correctPairs}/${m.pairs.predictedPairs} predicted, ${m.pairs.truePairs} true)`,
  );
  console.log(
    `  links  P ${pct(m.links.precision)}  R ${pct(m.links.recall)}  F1 ${pct(m.links.f1)}` +
      `  (${m.links.correctLinks} correct, ${m.links.predictedLinked} predicted, ${m.links.trulyLinked} true, of ${m.links.walkins} walk-ins)`,
  );
  console.log(
    `  ${m.records} records, ${m.truePersons} true persons, ${m.predictedPersons} predicted;` +
      ` ${m.missingPredictions} records without a prediction, ${m.unknownPredictions} predictions without truth`,
  );
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      data: { type: 'string' },
      predicted: { type: 'string' },
      'link-targets': { type: 'string', default: 'central' },
      json: { type: 'boolean', default: false },
    },
  });
  if (!values.data) {
    console.log('usage: node dist/tools/evaluate.js --data DIR [--predicted records.csv] [--link-targets central,province] [--json]');
    process.exitCode = 2;
    return;
  }
  const truth = await readTruth(join(values.data, 'truth.csv'));
  const options = { linkTargets: values['link-targets'].split(',').map((s) => s.trim()) };
  const baseline = evaluate(truth, exactNikBaseline(await readRawRecords(values.data)), options);
  const predicted = values.predicted ? evaluate(truth, await readPredicted(values.predicted), options) : undefined;
  if (values.json) {
    console.log(JSON.stringify({ baseline, predicted }, null, 2));
    return;
  }
  show('exact-NIK baseline', baseline);
  if (predicted) show(`predicted (${values.predicted})`, predicted);
}

main().catch((error: unknown) => {
  console.error(`evaluate: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
