import type { Command } from 'commander';
import { databaseStatus } from '../../commands/status.js';
import type { CliContext } from '../context.js';
import { maskNikLike } from '../../privacy/mask.js';
import { t } from '../../i18n/index.js';
import { localMinute, utcOffsetLabel } from '../../normalise/dates.js';
import { formatNumber, formatTable } from '../table.js';

export function registerStatus(program: Command, ctx: CliContext): void {
  program
    .command('status')
    .description(t.status.description())
    .addHelpText('after', `\n${t.cli.examples()}\n  prakerja status\n  prakerja status --json\n`)
    .action(() => {
      const s = databaseStatus(ctx.openDb());
      if (ctx.globals.json) return ctx.json(s);
      const c = ctx.c;
      ctx.say(`${c.bold(t.status.officeRegion())} ${s.region ? `${s.region.name} (${s.region.code})` : t.status.regionUnset()}\n\n`);
      if (s.batches.length === 0) return ctx.say(`${t.status.nothingImported()}\n`);
      ctx.say(`${c.bold(t.status.importedFiles())}\n`);
      // Local time, as in the recap files, and the header says which zone.
      const zone = utcOffsetLabel(new Date());
      ctx.say(
        formatTable(
          t.status.batchColumns(t.status.importedAt(t.status.localZone(zone))),
          s.batches.map((b) => [b.id, t.reasons.sourceName(b.source), maskNikLike(b.file_name), b.waves || '-', localMinute(new Date(b.imported_at)), b.rows_read, b.rows_imported, b.rows_rejected, b.rows_skipped]),
        ),
      );
      ctx.say(`\n${c.bold(t.status.perSourceWave())}\n`);
      ctx.say(
        formatTable(
          t.status.sourceWaveColumns(),
          s.bySourceWave.map((r) => [t.reasons.sourceName(r.source), r.wave ?? '-', r.records, r.valid, r.invalid, r.damaged, r.missing]),
        ),
      );
      if (s.nikProblems.length > 0) {
        ctx.say(`\n${c.bold(t.status.nikProblems())} ${t.status.keptFlagged()}\n`);
        ctx.say(formatTable(t.status.nikProblemColumns(), s.nikProblems.map((p) => [t.reasons.word(p.reason), p.records])));
      }
      ctx.say(`\n${t.status.totals({ records: formatNumber(s.records), rejects: formatNumber(s.rejects) })}\n`);
      const m = s.matching;
      ctx.say(`${t.status.persons(formatNumber(m.persons))}\n`);
      if (s.unmatched > 0) ctx.say(`${t.status.unmatched(formatNumber(s.unmatched))}\n`);
      ctx.say(`${t.resolve.reviewState({ possible: formatNumber(m.possible), conflicts: formatNumber(m.conflicts) })}\n`);
      ctx.say(`${t.resolve.walkinRecipients(formatNumber(m.walkinRecipients))}\n`);
      if (m.listedTwice > 0) ctx.say(`${t.resolve.duplicatePersons(formatNumber(m.listedTwice))}\n`);
      if (m.inResentLists > 0) ctx.say(`${t.resolve.inResentLists(formatNumber(m.inResentLists))}\n`);
      if (s.learnt) {
        const when = `${localMinute(new Date(s.learnt.at))} (${t.status.localZone(zone)})`;
        const { purposes } = s.learnt;
        ctx.say(`${t.status.learnt({ at: when, records: formatNumber(s.learnt.records), since: s.learnt.recordsSince, sinceText: formatNumber(s.learnt.recordsSince), purposesLater: purposes !== null })}\n`);
        if (purposes) {
          const at = purposes.at === null ? null : `${localMinute(new Date(purposes.at))} (${t.status.localZone(zone)})`;
          ctx.say(`${t.status.purposesRelearnt({ at, records: formatNumber(purposes.records) })}\n`);
        }
      }
    });
}
