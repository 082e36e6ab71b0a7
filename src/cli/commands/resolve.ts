import type { Command } from 'commander';
import { runResolve } from '../../commands/resolve.js';
import type { ResolveResult } from '../../resolve/index.js';
import type { CliContext } from '../context.js';
import { t } from '../../i18n/index.js';
import { formatNumber } from '../table.js';

export function registerResolve(program: Command, ctx: CliContext): void {
  program
    .command('resolve')
    .description('match all records into persons again (import does this for new records by itself)')
    .addHelpText('after', '\nExamples:\n  prakerja resolve\n  prakerja resolve --json\n')
    .action(() => {
      const result = runResolve(ctx.openDb());
      if (ctx.globals.json) return ctx.json(result);
      if (result.pendingBefore > 0) ctx.say(`${t.recovery.pendingResolved(formatNumber(result.pendingBefore))}\n`);
      ctx.say(describeResolve(result));
    });
}

/** Shared with import, which resolves new records after each import. */
export function describeResolve(r: ResolveResult): string {
  const n = formatNumber;
  const lines = [
    `Resolved ${n(r.resolved)} record${r.resolved === 1 ? '' : 's'} (${r.mode}): ${n(r.records)} records are ${n(r.persons)} persons.`,
    `  links: ${n(r.links.match)} matched, ${n(r.links.possible)} possible, ${n(r.links.conflict)} conflicts (same NIK, other name)`,
    `  walk-in visitors found in the recipient lists: ${n(r.walkinRecipients)}`,
  ];
  if (r.duplicatePersons > 0) lines.push(`  persons listed twice in one wave of the central list: ${n(r.duplicatePersons)}`);
  if (r.links.possible + r.links.conflict > 0) lines.push('  to check possible matches and conflicts: prakerja review export periksa.csv');
  return `${lines.join('\n')}\n`;
}
