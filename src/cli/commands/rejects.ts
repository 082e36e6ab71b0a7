import type { Command } from 'commander';
import { rejectedRows } from '../../commands/rejects.js';
import { parseBatchNumber } from '../../commands/known-batch.js';
import { t } from '../../i18n/index.js';
import type { CliContext } from '../context.js';
import { formatTable } from '../table.js';

export function registerRejects(program: Command, ctx: CliContext): void {
  program
    .command('rejects')
    .description(t.rejects.description())
    .option('--batch <id>', t.rejects.optBatch())
    .option('--show-nik', t.rejects.optShowNik())
    .addHelpText('after', `\n${t.cli.examples()}\n  prakerja rejects\n  prakerja rejects --batch 3 --json\n`)
    .action((flags: { batch?: string; showNik?: boolean }) => {
      const batch = flags.batch === undefined ? undefined : parseBatchNumber('--batch', flags.batch);
      const rows = rejectedRows(ctx.openDb(), { batch, showNik: flags.showNik });
      if (ctx.globals.json) return ctx.json(rows);
      const rejected = rows.filter((r) => !r.kept);
      const kept = rows.filter((r) => r.kept);
      const table = (list: typeof rows) => formatTable(t.rejects.columns(), list.map((r) => [r.file, r.line, t.reasons.word(r.reason), r.message, r.cells.join(' | ')]));
      if (rejected.length === 0) ctx.say(`${batch === undefined ? t.rejects.none() : t.rejects.noneInBatch(batch)}\n`);
      else ctx.say(table(rejected));
      if (kept.length > 0) ctx.say(`\n${t.ingest.keptHeading()}\n${table(kept)}`);
    });
}
