import type { Command } from 'commander';
import { databaseStatus } from '../../commands/status.js';
import type { CliContext } from '../context.js';
import { maskNikLike } from '../../privacy/mask.js';
import { formatTable } from '../table.js';

export function registerStatus(program: Command, ctx: CliContext): void {
  program
    .command('status')
    .description('show what the database holds: imported files, records per source and wave, NIK problems')
    .addHelpText('after', '\nExamples:\n  prakerja status\n  prakerja status --json\n')
    .action(() => {
      const s = databaseStatus(ctx.openDb());
      if (ctx.globals.json) return ctx.json(s);
      const c = ctx.c;
      ctx.say(`${c.bold('Office region:')} ${s.region ? `${s.region.name} (${s.region.code})` : 'not set — run `prakerja init --region CODE`'}\n\n`);
      if (s.batches.length === 0) return ctx.say('No files imported yet. Start with: prakerja import FILE --source central --wave N\n');
      ctx.say(`${c.bold('Imported files')}\n`);
      ctx.say(
        formatTable(
          ['batch', 'source', 'file', 'waves', 'imported', 'rows', 'records', 'rejected', 'skipped'],
          s.batches.map((b) => [b.id, b.source, maskNikLike(b.file_name), b.waves || '-', b.imported_at.slice(0, 16).replace('T', ' '), b.rows_read, b.rows_imported, b.rows_rejected, b.rows_skipped]),
        ),
      );
      ctx.say(`\n${c.bold('Records per source and wave')}\n`);
      ctx.say(
        formatTable(
          ['source', 'wave', 'records', 'valid NIK', 'invalid', 'damaged', 'missing'],
          s.bySourceWave.map((r) => [r.source, r.wave ?? '-', r.records, r.valid, r.invalid, r.damaged, r.missing]),
        ),
      );
      if (s.nikProblems.length > 0) {
        ctx.say(`\n${c.bold('Records with a NIK problem')} (kept, flagged)\n`);
        ctx.say(formatTable(['reason', 'records'], s.nikProblems.map((p) => [p.reason, p.records])));
      }
      ctx.say(`\n${s.records.toLocaleString('en-US')} records, ${s.rejects.toLocaleString('en-US')} rejected rows.\n`);
    });
}
