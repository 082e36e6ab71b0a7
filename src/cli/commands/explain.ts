import type { Command } from 'commander';
import { explain, type ExplainedRecord, type ExplainResult } from '../../commands/explain.js';
import type { CliContext } from '../context.js';
import { t } from '../../i18n/index.js';

export function registerExplain(program: Command, ctx: CliContext): void {
  program
    .command('explain')
    .description('show why a record was (or was not) matched: its person, the linked records, and the evidence')
    .argument('<nik|file:line>', 'a 16-digit NIK, or a file name and line number as in Excel (walkin.csv:12)')
    .option('--show-nik', 'show NIKs in full')
    .addHelpText('after', '\nExamples:\n  prakerja explain 1271015001900003\n  prakerja explain buku-tamu-mei.csv:12\n')
    .action((target: string, flags: { showNik?: boolean }) => {
      const result = explain(ctx.openDb(), target, { showNik: flags.showNik });
      if (ctx.globals.json) return ctx.json(result);
      ctx.say(describeExplain(result));
    });
}

const rec = (r: ExplainedRecord): string =>
  `${r.file}:${r.line} ${r.name} (${r.source}${r.wave === null ? '' : `, wave ${r.wave}`}, NIK ${r.nik ?? 'none'}${r.nikStatus === 'valid' ? '' : ` — ${r.nikStatus}`})`;

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
    out.push(p.personId === null ? 'Not resolved yet (run `prakerja resolve`).' : `Person ${p.personId}: ${p.records.length} record${p.records.length === 1 ? '' : 's'}`);
    for (const r of p.records) out.push(`  ${rec(r)}${r.match ? `  [${r.match}${r.score === null ? '' : ` ${pct(r.score)}`}]` : ''}`);
  }
  if (x.links.length === 0) out.push('', 'No links: no other record was similar enough to compare in detail.');
  for (const l of x.links) {
    out.push('', `${l.verdict}`, `  ${rec(l.left)}`, `  ${rec(l.right)}`);
    if (l.foundBy !== null) out.push(`    ${t.explain.comparedBecause({ meaning: l.foundBy, rule: l.blocking ?? '' })}`);
    if (l.terms.length > 0) {
      const width = Math.max(...l.terms.map((t) => t.meaning.length));
      for (const t of l.terms) out.push(`    ${t.field.padEnd(7)} ${t.meaning.padEnd(width)}  ${signed(t.weight).padStart(6)}`);
      if (l.weight !== null && l.kind !== 'conflict') out.push(`    ${'total'.padEnd(7)} ${'(weights are powers of two: +10 ≈ 1000 times likelier one person)'.padEnd(width)}  ${signed(l.weight).padStart(6)}  → ${pct(l.probability)} one person`);
    }
  }
  return `${out.join('\n')}\n`;
}
