import type { Command } from 'commander';
import { applyReview, exportReview, reviewFileFormat, settlesText } from '../../commands/review.js';
import { t } from '../../i18n/index.js';
import type { CliContext } from '../context.js';
import { formatNumber } from '../table.js';
import { describeResolve } from './resolve.js';

export function registerReview(program: Command, ctx: CliContext): void {
  const review = program
    .command('review')
    .description(t.review.description())
    .addHelpText('after', `\n${t.cli.examples()}\n  prakerja review export periksa.xlsx\n  prakerja review apply periksa.xlsx\n`);
  review
    .command('export')
    .description(t.review.exportDescription())
    .argument('<file>', t.review.exportArg())
    .option('--show-nik', t.review.optShowNik())
    .addHelpText('after', `\n${t.cli.examples()}\n  prakerja review export periksa.xlsx\n  prakerja review export periksa.csv\n`)
    .action(async (file: string, flags: { showNik?: boolean }) => {
      reviewFileFormat(file); // a wrong name is a usage error before the database is looked for
      const result = await exportReview(ctx.openDb(), file, { showNik: flags.showNik });
      if (!ctx.globals.quiet && result.pendingResolved > 0) ctx.io.stderr(`prakerja: ${t.recovery.pendingResolved(formatNumber(result.pendingResolved))}\n`);
      if (ctx.globals.json) return ctx.json(result);
      const settles = settlesText(result);
      ctx.say(`${t.review.wrote({ possible: formatNumber(result.possible), conflicts: formatNumber(result.conflicts), file, settles, empty: result.possible + result.conflicts === 0 })}\n`);
    });
  review
    .command('apply')
    .description(t.review.applyDescription())
    .argument('<file>', t.review.applyArg())
    .addHelpText('after', `\n${t.cli.examples()}\n  prakerja review apply periksa.xlsx\n`)
    .action(async (file: string) => {
      const result = await applyReview(ctx.openDb(), file);
      if (ctx.globals.json) return ctx.json(result);
      const undecided = result.undecided > 0 ? formatNumber(result.undecided) : null;
      ctx.say(`${t.review.stored({ same: formatNumber(result.same), different: formatNumber(result.different), undecided })}\n`);
      ctx.say(describeResolve(result.resolve));
    });
  for (const c of [review, ...review.commands]) c.exitOverride().configureOutput({ writeOut: ctx.io.stdout, writeErr: ctx.io.stderr });
}
