import type { Command } from 'commander';
import { checkPurgeOptions, purgeBatches, type PurgeOptions } from '../../commands/purge.js';
import { UsageError } from '../../errors.js';
import { databasePath } from '../../store/database.js';
import type { CliContext } from '../context.js';
import { maskNikLike } from '../../privacy/mask.js';
import { t } from '../../i18n/index.js';
import { EXIT } from '../exit-codes.js';
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
      const wait = ctx.io.env.PRAKERJA_TEST_CHECKPOINT_WAIT_MS;
      if (wait !== undefined) options.checkpointWaitMs = Number(wait);
      const result = purgeBatches(ctx.openDb(), options);
      const n = formatNumber;
      const incomplete = result.compaction !== null && !result.compaction.complete;
      if (incomplete && result.compaction) {
        // Exit 1: the data is deleted from every view, but not yet from the disk.
        const { left } = result.compaction;
        ctx.exitCode = EXIT.failure;
        ctx.io.stderr(
          `prakerja: ${t.purgeState.incomplete({ left: n(left.any), total: n(result.purgedNiks ?? 0), main: n(left.main), wal: n(left.wal) })}\n`,
        );
      }
      if (ctx.globals.json) return ctx.json(result);
      if (result.earlier) {
        const list = result.earlier.batches.join(', ');
        ctx.say(`${result.earlier.stage === 'started' ? t.purgeState.earlierStarted(list) : t.purgeState.earlierDeleted(list)}\n`);
      }
      if (result.batches.length === 0) {
        if (result.compaction?.complete) ctx.say(`${t.purgeState.verified(n(result.purgedNiks ?? 0))}\n`);
        if (result.compaction === null) ctx.say('No batch matches; nothing was deleted.\n');
        return;
      }
      ctx.say(
        formatTable(
          ['batch', 'source', 'file', 'imported', 'records', 'rejected'],
          result.batches.map((b) => [b.id, b.source, maskNikLike(b.file_name), b.imported_at.slice(0, 16).replace('T', ' '), b.records, b.rejects]),
        ),
      );
      const what = `${n(result.batches.length)} batches: ${n(result.records)} records, ${n(result.rejects)} rejected rows, ${n(result.links)} links`;
      if (result.dryRun) return ctx.say(`\nDry run: would delete ${what}. Nothing was deleted.\n`);
      const sizes = result.bytesBefore !== null && result.bytesAfter !== null ? ` The file went from ${n(result.bytesBefore)} to ${n(result.bytesAfter)} bytes.` : '';
      if (incomplete) ctx.say(`\nDeleted ${what}; the file is not compacted yet (see above).\n`);
      else ctx.say(`\nDeleted ${what}, and compacted the database.${sizes}\n${t.purgeState.verified(n(result.purgedNiks ?? 0))}\n`);
      if (result.backups.length > 0) {
        ctx.say(`Copies made before schema upgrades still hold the old data; delete them if the retention rule covers them:\n${result.backups.map((b) => `  ${b}\n`).join('')}`);
      }
    });
}
