import type { Command } from 'commander';
import { checkPurgeOptions, purgeBatches, type PurgeOptions } from '../../commands/purge.js';
import { UsageError } from '../../errors.js';
import { databasePath } from '../../store/database.js';
import type { CliContext } from '../context.js';
import { maskNikLike } from '../../privacy/mask.js';
import { formatNumber, formatTable } from '../table.js';

interface PurgeFlags {
  batch?: string;
  before?: string;
  source?: string;
  dryRun?: boolean;
}

export function registerPurge(program: Command, ctx: CliContext): void {
  program
    .command('purge')
    .description('delete imported batches with their records, rejects and links, then compact the file (retention rules)')
    .option('--batch <id>', 'this batch (see `prakerja status`)')
    .option('--before <YYYY-MM-DD>', 'batches imported before this day (UTC)')
    .option('--source <kind>', 'batches from this source: central, province or walkin')
    .option('--dry-run', 'list what would be deleted; delete nothing')
    .addHelpText(
      'after',
      `
The conditions combine: --source walkin --before 2025-01-01 deletes walk-in logs imported before 2025.

Examples:
  prakerja purge --batch 3
  prakerja purge --before 2025-01-01 --dry-run
  prakerja purge --source walkin --before 2025-01-01 --json
`,
    )
    .action((flags: PurgeFlags) => {
      if (flags.batch !== undefined && !/^\d+$/.test(flags.batch)) throw new UsageError(`--batch ${flags.batch}: give a batch number from \`prakerja status\`.`);
      const options: PurgeOptions = {
        batch: flags.batch === undefined ? undefined : Number(flags.batch),
        before: flags.before,
        source: flags.source,
        dryRun: flags.dryRun,
        path: databasePath(ctx.globals.db, ctx.io.env),
      };
      checkPurgeOptions(options);
      const result = purgeBatches(ctx.openDb(), options);
      if (ctx.globals.json) return ctx.json(result);
      const n = formatNumber;
      if (result.batches.length === 0) return ctx.say('No batch matches; nothing was deleted.\n');
      ctx.say(
        formatTable(
          ['batch', 'source', 'file', 'imported', 'records', 'rejected'],
          result.batches.map((b) => [b.id, b.source, maskNikLike(b.file_name), b.imported_at.slice(0, 16).replace('T', ' '), b.records, b.rejects]),
        ),
      );
      const what = `${n(result.batches.length)} batches: ${n(result.records)} records, ${n(result.rejects)} rejected rows, ${n(result.links)} links`;
      if (result.dryRun) return ctx.say(`\nDry run: would delete ${what}. Nothing was deleted.\n`);
      const sizes = result.bytesBefore !== null && result.bytesAfter !== null ? ` The file went from ${n(result.bytesBefore)} to ${n(result.bytesAfter)} bytes.` : '';
      ctx.say(`\nDeleted ${what}, and compacted the database.${sizes}\n`);
      if (result.backups.length > 0) {
        ctx.say(`Copies made before schema upgrades still hold the old data; delete them if the retention rule covers them:\n${result.backups.map((b) => `  ${b}\n`).join('')}`);
      }
    });
}
