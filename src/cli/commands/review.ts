import type { Command } from 'commander';
import { applyReview, exportReview } from '../../commands/review.js';
import type { CliContext } from '../context.js';
import { formatNumber } from '../table.js';
import { describeResolve } from './resolve.js';

export function registerReview(program: Command, ctx: CliContext): void {
  const review = program.command('review').description('check possible matches and conflicts in Excel, then apply the decisions');
  review
    .command('export')
    .description('write possible matches and conflicts side by side with an empty decision column (Y = same person, N = different)')
    .argument('<file>', 'CSV file to write (UTF-8 with BOM, owner-only)')
    .option('--show-nik', 'write NIKs in full')
    .addHelpText('after', '\nExamples:\n  prakerja review export periksa.csv\n')
    .action((file: string, flags: { showNik?: boolean }) => {
      const result = exportReview(ctx.openDb(), file, { showNik: flags.showNik });
      if (ctx.globals.json) return ctx.json(result);
      ctx.say(
        `Wrote ${formatNumber(result.possible)} possible matches and ${formatNumber(result.conflicts)} conflicts to ${file}.\n` +
          `Fill the decision column with Y (same person) or N (different people), save as CSV, then: prakerja review apply ${file}\n`,
      );
    });
  review
    .command('apply')
    .description('store the Y/N decisions of a review file and resolve again')
    .argument('<file>', 'the review file, filled in')
    .addHelpText('after', '\nExamples:\n  prakerja review apply periksa.csv\n')
    .action((file: string) => {
      const result = applyReview(ctx.openDb(), file);
      if (ctx.globals.json) return ctx.json(result);
      ctx.say(
        `Stored ${formatNumber(result.same)} "same person" and ${formatNumber(result.different)} "different people" decisions` +
          (result.undecided > 0 ? `; ${formatNumber(result.undecided)} rows are still undecided.\n` : '.\n'),
      );
      ctx.say(describeResolve(result.resolve));
    });
  for (const c of [review, ...review.commands]) c.exitOverride().configureOutput({ writeOut: ctx.io.stdout, writeErr: ctx.io.stderr });
}
