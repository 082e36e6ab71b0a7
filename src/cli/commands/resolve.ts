import type { Command } from 'commander';
import { runResolve } from '../../commands/resolve.js';
import type { ResolveResult } from '../../resolve/index.js';
import { t } from '../../i18n/index.js';
import type { CliContext } from '../context.js';
import { formatNumber } from '../table.js';

export function registerResolve(program: Command, ctx: CliContext): void {
  program
    .command('resolve')
    .description(t.resolve.description())
    .option('--parts <records>', t.resolve.optParts())
    .addHelpText('after', `\n${t.cli.examples()}\n  prakerja resolve\n  prakerja resolve --json\n  prakerja resolve --parts 500000\n`)
    .action((flags: { parts?: string }) => {
      const result = runResolve(ctx.openDb(), { parts: flags.parts });
      if (ctx.globals.json) return ctx.json(result);
      if (result.pendingBefore > 0) ctx.say(`${t.recovery.pendingResolved(formatNumber(result.pendingBefore))}\n`);
      ctx.say(describeResolve(result));
    });
}

/** Shared with import, which resolves new records after each import. */
export function describeResolve(r: ResolveResult): string {
  const n = formatNumber;
  const lines = [
    t.resolve.summary({ resolved: n(r.resolved), mode: r.mode, records: n(r.records), persons: n(r.persons) }),
    t.resolve.links({ match: n(r.links.match), possible: n(r.links.possible), conflict: n(r.links.conflict) }),
    ...(r.purposes === null ? [] : [t.resolve.purposesRelearnt({ walkin: n(r.purposes.walkin), rematched: n(r.purposes.rematched) })]),
    t.resolve.reviewState({ possible: n(r.review.possible), conflicts: n(r.review.conflicts) }),
    t.resolve.walkinRecipients(n(r.walkinRecipients)),
  ];
  if (r.duplicatePersons > 0) lines.push(t.resolve.duplicatePersons(n(r.duplicatePersons)));
  if (r.inResentLists > 0) lines.push(t.resolve.inResentLists(n(r.inResentLists)));
  if (r.review.possible + r.review.conflicts > 0) lines.push(t.resolve.toReview());
  return `${lines.join('\n')}\n`;
}
