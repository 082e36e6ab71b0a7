import type { Command } from 'commander';
import { explain, type ExplainedRecord, type ExplainResult } from '../../commands/explain.js';
import type { CliContext } from '../context.js';
import { t } from '../../i18n/index.js';
import { formatNumber } from '../table.js';

export function registerExplain(program: Command, ctx: CliContext): void {
  program
    .command('explain')
    .description(t.explain.description())
    .argument('<nik|file:line>', t.explain.argTarget())
    .option('--show-nik', t.explain.optShowNik())
    .addHelpText('after', `\n${t.cli.examples()}\n  prakerja explain 1271015001900003\n  prakerja explain 127101******0003\n  prakerja explain buku-tamu-mei.csv:12\n`)
    .action((target: string, flags: { showNik?: boolean }) => {
      const result = explain(ctx.openDb(), target, { showNik: flags.showNik });
      if (!ctx.globals.quiet && result.pendingResolved > 0) ctx.io.stderr(`prakerja: ${t.recovery.pendingResolved(formatNumber(result.pendingResolved))}\n`);
      if (ctx.globals.json) return ctx.json(result);
      ctx.say(describeExplain(result));
    });
}

const rec = (r: ExplainedRecord): string =>
  t.explain.record({ place: `${r.file}:${r.line}`, name: r.name, source: t.reasons.sourceName(r.source), wave: r.wave, nik: r.nik, problem: r.nikStatus === 'valid' ? null : t.reasons.word(r.nikStatus) });

function pct(p: number | null): string {
  if (p === null) return '';
  return p >= 0.9999 ? '>99.99%' : `${(p * 100).toFixed(2)}%`;
}

function signed(w: number): string {
  return `${w >= 0 ? '+' : ''}${w.toFixed(1)}`;
}

export function describeExplain(x: ExplainResult): string {
  const out: string[] = [];
  for (const p of x.persons) {
    out.push(p.personId === null ? t.explain.notResolved() : t.explain.person({ id: p.personId, records: p.records.length }));
    for (const r of p.records) out.push(`  ${rec(r)}${r.match ? `  [${t.explain.matchTag(r.match)}${r.score === null ? '' : ` ${pct(r.score)}`}]` : ''}`);
  }
  if (x.links.length === 0) out.push('', t.explain.noLinks());
  for (const l of x.links) {
    out.push('', `${l.verdict}`);
    if (l.notMergedBecause !== null) out.push(`  ${l.notMergedBecause}`);
    out.push(`  ${rec(l.left)}`, `  ${rec(l.right)}`);
    if (l.foundBy !== null) out.push(`    ${t.explain.comparedBecause(l.foundBy)}`);
    if (l.terms.length > 0) {
      const note = t.explain.weightsNote();
      const width = Math.max(note.length, ...l.terms.map((term) => term.meaning.length));
      const fieldWidth = Math.max(t.explain.total().length, ...l.terms.map((term) => t.explain.field(term.field).length));
      for (const term of l.terms) out.push(`    ${t.explain.field(term.field).padEnd(fieldWidth)} ${term.meaning.padEnd(width)}  ${signed(term.weight).padStart(6)}`);
      if (l.weight !== null && l.kind !== 'conflict') out.push(`    ${t.explain.total().padEnd(fieldWidth)} ${note.padEnd(width)}  ${signed(l.weight).padStart(6)}  ${t.explain.onePerson(pct(l.probability))}`);
    }
  }
  return `${out.join('\n')}\n`;
}
