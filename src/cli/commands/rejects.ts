import type { Command } from 'commander';
import { rejectedRows } from '../../commands/rejects.js';
import { UsageError } from '../../errors.js';
import type { CliContext } from '../context.js';
import { formatTable } from '../table.js';

export function registerRejects(program: Command, ctx: CliContext): void {
  program
    .command('rejects')
    .description('list the rows that were not imported, with file, line and reason (NIKs masked)')
    .option('--batch <id>', 'only this batch (see `prakerja status`)')
    .option('--show-nik', 'show NIKs in full')
    .addHelpText('after', '\nExamples:\n  prakerja rejects\n  prakerja rejects --batch 3 --json\n')
    .action((flags: { batch?: string; showNik?: boolean }) => {
      if (flags.batch !== undefined && !/^\d+$/.test(flags.batch)) throw new UsageError(`--batch ${flags.batch}: give a batch number from \`prakerja status\`.`);
      const rows = rejectedRows(ctx.openDb(), { batch: flags.batch === undefined ? undefined : Number(flags.batch), showNik: flags.showNik });
      if (ctx.globals.json) return ctx.json(rows);
      if (rows.length === 0) return ctx.say('No rejected rows.\n');
      ctx.say(formatTable(['file', 'line', 'reason', 'message', 'row'], rows.map((r) => [r.file, r.line, r.reason, r.message, r.cells.join(' | ')])));
    });
}
