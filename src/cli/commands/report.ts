import type { Command } from 'commander';
import { buildReport, FILE_FORMATS, type ReportKind, type ReportOptions } from '../../commands/report.js';
import { UsageError } from '../../errors.js';
import { currentLang, REPORT_ALIASES, t } from '../../i18n/index.js';
import type { CellValue, ReportTable } from '../../report/report.js';
import type { CliContext } from '../context.js';
import { formatDecimal, formatNumber, formatTable, type Cell } from '../table.js';

interface Flags {
  wave?: string;
  waves?: string;
  month?: string;
  detail?: boolean;
  ageAt?: string;
  out?: string;
  outDir?: string;
  format?: string;
  delimiter?: string;
  showNik?: boolean;
  bare?: boolean;
}

const EXAMPLES: Record<ReportKind, () => string> = {
  waves: () => `
${t.cli.examples()}
  prakerja report waves
  prakerja report gelombang --waves 1-11 --out rekap-gelombang.xlsx
  prakerja report waves --wave 3 --out rekap.csv --delimiter ';'
  prakerja report waves --out-dir /srv/rekap --format csv,xlsx,html   # ${t.report.cronNote()}`,
  monthly: () => `
${t.cli.examples()}
  prakerja report monthly
  prakerja report bulanan --month 2024-03 --detail --out maret.xlsx
  prakerja report monthly --month 2024-03 --detail --out-dir /srv/rekap   # rekap-bulanan-2024-03*.csv`,
  kecamatan: () => `
${t.cli.examples()}
  prakerja report kecamatan
  prakerja report kecamatan --wave 3 --out kecamatan.csv --lang en`,
  all: () => `
${t.cli.examples()}
  prakerja report all --out rekap.html
  prakerja report semua --month 2024-03 --out-dir /srv/rekap --format csv,html`,
};

export function registerReport(program: Command, ctx: CliContext): void {
  const report = program
    .command('report')
    .description(t.report.description())
    .addHelpText('after', `\n${t.cli.examples()}\n  prakerja report waves\n  prakerja report gelombang\n  prakerja report all --out rekap.html\n`);
  for (const kind of ['waves', 'monthly', 'kecamatan', 'all'] as const) {
    // Output, exit and help settings come from the program (commander copies them to every new command).
    const cmd = report.command(kind).description(t.report.kindDescription(kind));
    const alias = REPORT_ALIASES[kind];
    if (alias) cmd.alias(alias);
    if (kind === 'waves' || kind === 'all') cmd.option('--waves <list>', t.report.optWaves());
    if (kind !== 'monthly') cmd.option('--wave <n>', t.report.optWave());
    if (kind === 'waves' || kind === 'all') {
      cmd.option('--age-at <YYYY-MM-DD>', t.recap.optAgeAt());
    }
    if (kind === 'monthly' || kind === 'all') {
      cmd.option('--month <YYYY-MM>', t.report.optMonth());
      cmd.option('--detail', t.report.optDetail());
      cmd.option('--show-nik', t.report.optShowNik());
    }
    cmd
      .option('--out <file>', t.report.optOut())
      .option('--out-dir <dir>', t.report.optOutDir(OUT_DIR_NAMES[kind]))
      .option('--format <list>', t.report.optFormat(), 'csv')
      .option('--delimiter <char>', t.report.optDelimiter())
      .option('--bare', t.recap.optBare())
      .addHelpText('after', `${EXAMPLES[kind]()}\n`)
      .action(async (flags: Flags) => {
        const result = await buildReport(ctx.openDb(), toOptions(kind, flags));
        if (!ctx.globals.quiet && result.pendingResolved > 0) ctx.io.stderr(`prakerja: ${t.recovery.pendingResolved(formatNumber(result.pendingResolved))}\n`);
        if (!ctx.globals.quiet) for (const note of result.skipped) ctx.io.stderr(`prakerja: ${note}\n`);
        if (ctx.globals.json) {
          const { tables: _tables, ...data } = result;
          return ctx.json(data);
        }
        if (result.files.length > 0) {
          for (const f of result.files) ctx.say(`${t.report.wrote({ path: f.path, personal: f.personal })}\n`);
          return;
        }
        for (const [i, table] of result.tables.entries()) printTable(ctx, table, i > 0);
      });
  }
}

/** The files `--out-dir` writes for each recap, as its help names them (the report's fileStem, as CSV). */
const OUT_DIR_NAMES: Record<ReportKind, string> = {
  waves: 'rekap-gelombang.csv',
  monthly: 'rekap-bulanan.csv, …',
  kecamatan: 'rekap-kecamatan.csv, …',
  all: 'rekap-gelombang.csv, rekap-bulanan.csv, …',
};

function toOptions(kind: ReportKind, f: Flags): ReportOptions {
  // Headers and labels follow the global --lang / PRAKERJA_LANG.
  const lang = currentLang();
  if (f.wave !== undefined && f.waves !== undefined) throw new UsageError(t.report.waveAndWaves());
  const wave = f.wave === undefined ? undefined : waveNumber(f.wave, '--wave');
  const waves = f.waves !== undefined ? waveList(f.waves) : wave === undefined ? undefined : [wave];
  if (f.month !== undefined && !/^\d{4}-(0[1-9]|1[0-2])$/.test(f.month)) throw new UsageError(t.report.badMonth(f.month));
  if (f.ageAt !== undefined && !isDate(f.ageAt)) throw new UsageError(t.report.badDate(f.ageAt));
  if (f.delimiter !== undefined && ![',', ';', '\t', 'tab'].includes(f.delimiter)) throw new UsageError(t.report.badDelimiter(f.delimiter));
  const formats = (f.format ?? 'csv').split(',').map((s) => s.trim().toLowerCase());
  const bad = formats.filter((s) => !FILE_FORMATS.some((known) => known === s));
  if (bad.length > 0) throw new UsageError(t.report.badFormat({ value: f.format ?? '', unknown: bad.join(', ') }));
  return {
    kind,
    waves,
    wave,
    month: f.month,
    detail: f.detail,
    showNik: f.showNik,
    ageAt: f.ageAt,
    lang,
    out: f.out,
    outDir: f.outDir,
    formats: FILE_FORMATS.filter((s) => formats.includes(s)),
    delimiter: f.delimiter === 'tab' ? '\t' : f.delimiter,
    bare: f.bare === true,
  };
}

function waveNumber(text: string, flag: string): number {
  if (!/^\d{1,4}$/.test(text.trim()) || Number(text) < 1) throw new UsageError(t.report.badWave({ flag, value: text }));
  return Number(text);
}

/** `1-11`, `3`, `1,3,5-7` → the wave numbers. */
function waveList(text: string): number[] {
  const out = new Set<number>();
  for (const part of text.split(',')) {
    const m = /^\s*(\d{1,4})\s*(?:-\s*(\d{1,4})\s*)?$/.exec(part);
    const from = Number(m?.[1]);
    const to = m?.[2] === undefined ? from : Number(m[2]);
    if (!m || from < 1 || to < from) throw new UsageError(t.report.badWaves(text));
    for (let w = from; w <= to; w += 1) out.add(w);
  }
  return [...out].sort((a, b) => a - b);
}

function isDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(text);
}

/**
 * Wide tables are printed in blocks of columns that fit, the first column repeated in each. An empty line
 * sets a table apart from the one before it; the first starts at its title, under the command typed.
 */
function printTable(ctx: CliContext, table: ReportTable, after: boolean): void {
  const width = 110;
  ctx.say(`${after ? '\n' : ''}${ctx.c.bold(table.title)}\n`);
  if (table.rows.length === 0) return ctx.say(`${table.empty ?? t.report.noData()}\n`);
  // Shares print as '12.5%', padded so that they line up on the right like the counts.
  // An unknown count (null in a number column) reads '–', never blank enough to pass for 0.
  const cell = (v: CellValue, i: number): Cell => {
    const kind = table.columns[i]?.kind;
    if (v === null && (kind === 'int' || kind === 'share') && i > 0) return '–';
    return typeof v === 'number' && kind === 'share' ? `${formatDecimal(v * 100, 1)}%` : v;
  };
  const rows = [...table.rows, ...(table.total ? [table.total] : [])].map((r) => r.map(cell));
  table.columns.forEach((c, i) => {
    if (c.kind !== 'share') return;
    const w = Math.max(c.label.length, ...rows.map((r) => String(r[i] ?? '').length));
    for (const r of rows) r[i] = String(r[i] ?? '').padStart(w);
  });
  const widthOf = (i: number) => Math.max(table.columns[i]?.label.length ?? 0, ...rows.map((r) => String(r[i] ?? '').length)) + 2;
  const blocks: number[][] = [];
  let block: number[] = [];
  let used = widthOf(0);
  for (let i = 1; i < table.columns.length; i += 1) {
    if (block.length > 0 && used + widthOf(i) > width) {
      blocks.push(block);
      block = [];
      used = widthOf(0);
    }
    block.push(i);
    used += widthOf(i);
  }
  if (block.length > 0) blocks.push(block);
  blocks.forEach((cols, b) => {
    const pick = [0, ...cols];
    if (b > 0) ctx.say('\n');
    ctx.say(formatTable(pick.map((i) => table.columns[i]?.label ?? ''), rows.map((r) => pick.map((i) => r[i]))));
  });
  for (const note of table.notes) ctx.say(`${wrap(note, width, '  · ', '    ')}\n`);
}

function wrap(text: string, width: number, first: string, rest: string): string {
  const lines: string[] = [];
  let line = first;
  for (const word of text.split(' ')) {
    if (line.length + word.length > width && line.trim() !== '' && line !== first) {
      lines.push(line.trimEnd());
      line = rest;
    }
    line += `${word} `;
  }
  lines.push(line.trimEnd());
  return lines.join('\n');
}
