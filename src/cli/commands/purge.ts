import type { Command } from 'commander';
import { checkPurgeOptions, purgeBatches, type PurgeOptions } from '../../commands/purge.js';
import { parseBatchNumber } from '../../commands/known-batch.js';
import { databasePath } from '../../store/database.js';
import type { CliContext } from '../context.js';
import { maskNikLike } from '../../privacy/mask.js';
import { t } from '../../i18n/index.js';
import { EXIT } from '../exit-codes.js';
import { localMinute, utcOffsetLabel } from '../../normalise/dates.js';
import { formatNumber, formatTable } from '../table.js';
import { testSetting } from '../../test-hooks.js';

interface PurgeFlags {
  batch?: string;
  before?: string;
  source?: string;
  dryRun?: boolean;
}

export function registerPurge(program: Command, ctx: CliContext): void {
  program
    .command('purge')
    .description(t.purge.description())
    .option('--batch <id>', t.purge.optBatch())
    .option('--before <YYYY-MM-DD>', t.purge.optBefore())
    .option('--source <kind>', t.purge.optSource(t.reasons.sourceChoices()))
    .option('--dry-run', t.purge.optDryRun())
    .addHelpText(
      'after',
      `
${t.purge.combine()}

${t.cli.examples()}
  prakerja purge --batch 3
  prakerja purge --before 2025-01-01 --dry-run
  prakerja purge --source walkin --before 2025-01-01 --json
`,
    )
    .action((flags: PurgeFlags) => {
      const options: PurgeOptions = {
        batch: flags.batch === undefined ? undefined : parseBatchNumber('--batch', flags.batch),
        before: flags.before,
        source: flags.source,
        dryRun: flags.dryRun,
        path: databasePath(ctx.globals.db, ctx.io.env),
      };
      checkPurgeOptions(options);
      const wait = testSetting(ctx.io.env, 'PRAKERJA_TEST_CHECKPOINT_WAIT_MS');
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
        if (result.compaction?.complete) ctx.say(`${verified(result.purgedNiks)}\n`);
        if (result.compaction === null) ctx.say(`${t.purge.noMatch()}\n`);
        return;
      }
      ctx.say(
        formatTable(
          t.purge.columns(t.status.importedAt(t.status.localZone(utcOffsetLabel(new Date())))),
          result.batches.map((b) => [b.id, t.reasons.sourceName(b.source), maskNikLike(b.file_name), localMinute(new Date(b.imported_at)), b.records, b.rejects]),
        ),
      );
      const what = t.purge.what({ batches: n(result.batches.length), records: n(result.records), rejects: n(result.rejects), links: n(result.links) });
      if (result.dryRun) return ctx.say(`\n${t.purge.dryRun(what)}\n`);
      const sizes = result.bytesBefore !== null && result.bytesAfter !== null ? t.purge.sizes({ before: n(result.bytesBefore), after: n(result.bytesAfter) }) : '';
      if (incomplete) ctx.say(`\n${t.purge.deletedNotCompacted(what)}\n`);
      else ctx.say(`\n${t.purge.deleted({ what, sizes })}\n${verified(result.purgedNiks)}\n`);
      if (result.backups.length > 0) ctx.say(`${t.purge.backups()}\n${result.backups.map((b) => `  ${b}\n`).join('')}`);
    });
}

/** What the check of the file found: none of the purged NIKs left, or that there were none only they held. */
function verified(purgedNiks: number | null): string {
  return purgedNiks === 0 ? t.purgeState.nothingOnlyThere() : t.purgeState.verified(formatNumber(purgedNiks ?? 0));
}
