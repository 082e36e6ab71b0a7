import { Option, type Command } from 'commander';
import ora, { type Ora } from 'ora';
import { importFiles, INPUT_EXTENSIONS, type FileSummary } from '../../commands/import.js';
import { parseBatchNumber } from '../../commands/known-batch.js';
import { parseSourceWord } from '../../commands/source-word.js';
import { UsageError } from '../../errors.js';
import { DATE_ORDERS, type DateOrder } from '../../normalise/dates.js';
import { t } from '../../i18n/index.js';
import { FIELDS, parseMapOptions } from '../../ingest/columns.js';
import type { CliContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { maskNikLike } from '../../privacy/mask.js';
import { formatNumber } from '../table.js';
import { describeResolve } from './resolve.js';

interface ImportFlags {
  source?: string;
  wave?: string;
  map?: string[];
  force?: boolean;
  replaces?: string;
  dateOrder?: DateOrder;
  dryRun?: boolean;
  encoding?: string;
  delimiter?: string;
  sheet?: string;
  strict?: boolean;
  resolve: boolean;
  full?: boolean;
}

export function registerImport(program: Command, ctx: CliContext): void {
  program
    .command('import')
    .description(t.import.description())
    .argument('<files...>', t.import.argFiles())
    // Not mandatory for commander: a missing file is said first, then a missing --source (in the action).
    .option('--source <kind>', t.import.optSource(t.reasons.sourceChoices()))
    .option('--wave <n>', t.import.optWave())
    // No default given: commander would print it in the help as `(default: [])`.
    .option('--map <header=field>', t.import.optMap([...FIELDS, 'ignore'].join(', ')), collect)
    .option('--encoding <name>', t.import.optEncoding())
    .option('--delimiter <char>', t.import.optDelimiter())
    .option('--sheet <name|n>', t.import.optSheet())
    .option('--force', t.import.optForce())
    .option('--replaces <id>', t.ingest.optReplaces())
    .addOption(new Option('--date-order <order>', t.ingest.optDateOrder()).choices(DATE_ORDERS))
    .option('--dry-run', t.import.optDryRun())
    .option('--no-resolve', t.import.optNoResolve())
    .option('--full', t.import.optFull())
    .option('--strict', t.import.optStrict(EXIT.rejected))
    .addHelpText(
      'after',
      `
${t.cli.examples()}
  prakerja import penerima-gel3.csv --source central --wave 3
  prakerja import rekap-provinsi.xlsx --source province --sheet 2
  prakerja import buku-tamu-mei.csv --source walkin
  prakerja import /srv/prakerja/masuk --source central      ${t.import.examplesFolder()}
  prakerja import data.csv --source central --map "No Identitas=nik" --map "Nama Peserta=name"
`,
    )
    .action(async (files: string[], flags: ImportFlags) => {
      if (flags.source === undefined) throw new UsageError(t.import.noSource());
      const source = parseSourceWord(flags.source);
      const wave = flags.wave === undefined ? undefined : parseWaveFlag(flags.wave);
      // Ctrl-C or a service manager's SIGTERM: the importer rolls back the current file and says so. From the
      // command line the signals reach the shared interrupt flag from the main thread (cli/bin.ts); these
      // handlers serve a run() in the main thread (a program embedding the CLI).
      const interrupt = new AbortController();
      const onSignal = (signal: NodeJS.Signals) => interrupt.abort(signal);
      process.once('SIGINT', onSignal);
      process.once('SIGTERM', onSignal);
      let spinner: Ora | null = null;
      try {
        const db = ctx.openDb({ create: !flags.dryRun });
        // isEnabled: the command runs in a worker thread, whose own stderr never says it is a terminal.
        spinner = ctx.interactive ? ora({ text: t.import.reading(), stream: ctx.io.spinnerStream, isEnabled: true }).start() : null;
        const progress = spinner;
        const result = await importFiles(db, {
          files,
          source,
          wave,
          map: parseMapOptions(flags.map ?? []),
          encoding: flags.encoding,
          delimiter: flags.delimiter === 'tab' ? '\t' : flags.delimiter,
          sheet: flags.sheet,
          force: flags.force,
          dryRun: flags.dryRun,
          dateOrder: flags.dateOrder,
          replaces: flags.replaces === undefined ? undefined : parseBatchNumber('--replaces', flags.replaces),
          resolve: flags.resolve,
          full: flags.full,
          signal: interrupt.signal,
          onProgress: progress ? (file, rows) => (progress.text = t.import.progress({ file, rows: formatNumber(rows) })) : undefined,
        });
        spinner?.stop();
        // A file name may hold a NIK (`surat-1271015001900003.csv`): shown masked, like every NIK.
        const shown = { ...result, files: result.files.map((f) => ({ ...f, file: maskNikLike(f.file) })) };
        if (ctx.globals.json) ctx.json(shown);
        else {
          // Only folders were given, and they hold nothing to import: said, so an empty inbox is not a mystery.
          if (result.files.length === 0) ctx.say(`${t.import.noFilesInFolders({ extensions: [...INPUT_EXTENSIONS], folders: maskNikLike(files.join(', ')) })}\n`);
          for (const file of shown.files) ctx.say(describeFile(file, ctx));
          if (result.resolve && result.pendingBefore > 0) ctx.say(`${t.recovery.pendingResolved(formatNumber(result.pendingBefore))}\n`);
          if (result.resolve) ctx.say(describeResolve(result.resolve));
        }
        const rejected = result.files.some((f) => f.rejected > 0 && f.outcome !== 'unchanged');
        ctx.exitCode = !result.ok ? EXIT.failure : flags.strict && rejected ? EXIT.rejected : EXIT.ok;
        if (!result.ok && ctx.globals.quiet) {
          for (const f of result.files) if (f.error) ctx.io.stderr(`prakerja: ${f.error}\n`);
        }
        // Data damaged on its way (swapped dates, a list sent again, unreadable dates) is said even with --quiet:
        // a cron log is where a provincial admin sees it.
        if (ctx.globals.quiet && !ctx.globals.json) {
          for (const f of shown.files) for (const w of f.warnings) ctx.io.stderr(`prakerja: ${f.file}: ${w.message}\n`);
        }
        // --strict makes rejected rows a failure, so even --quiet leaves the cron log one line per such file.
        if (flags.strict && ctx.globals.quiet) {
          for (const f of result.files) {
            if (f.rejected > 0 && f.outcome !== 'unchanged' && f.outcome !== 'failed') {
              ctx.io.stderr(`prakerja: ${t.import.quietRejected({ file: f.file, count: formatNumber(f.rejected), batch: String(f.batchId ?? '?') })}\n`);
            }
          }
        }
        const recipientLists = result.files.some((f) => f.outcome !== 'failed' && f.outcome !== 'unchanged') && source !== 'walkin';
        if (result.officeRegion === null && recipientLists) ctx.say(`${t.import.noRegion()}\n`);
      } finally {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
        spinner?.stop();
      }
    });
}

/** Consecutive rejects with one message (the lines of a runaway quote) as one entry: `lines 10–13: …`. */
function sameMessageRuns(rejects: readonly { line: number; message: string }[]): { line: number; last: number; message: string }[] {
  const runs: { line: number; last: number; message: string }[] = [];
  for (const r of rejects) {
    const previous = runs.at(-1);
    if (previous && previous.message === r.message && previous.last + 1 === r.line) previous.last = r.line;
    else runs.push({ line: r.line, last: r.line, message: r.message });
  }
  return runs;
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

function parseWaveFlag(text: string): number {
  if (!/^\d+$/.test(text) || Number(text) < 1) throw new UsageError(t.import.badWave(text));
  return Number(text);
}

function describeFile(f: FileSummary, ctx: CliContext): string {
  const c = ctx.c;
  const n = formatNumber;
  if (f.outcome === 'failed') return `${c.red('✗')} ${f.error ?? f.file}\n${t.import.failedNothing()}\n`;
  if (f.outcome === 'unchanged') {
    const same =
      f.sameAs?.by === 'rows'
        ? t.ingest.sameRows({ file: f.file, batch: f.sameAs.batch, original: f.sameAs.file })
        : t.import.unchanged({ file: f.file, batch: f.batchId ?? 0, records: n(f.imported) });
    return [`${c.dim('=')} ${same}`, ...f.warnings.map((w) => c.yellow(`  ! ${w.message}`))].join('\n') + '\n';
  }
  const delimiter = f.delimiter === '\t' ? 'tab' : f.delimiter ? `"${f.delimiter}"` : null;
  const how = [f.format?.toUpperCase(), f.encoding, delimiter && t.import.delimiter(delimiter), f.headerLine !== null && t.import.headerLine(f.headerLine)]
    .filter(Boolean)
    .join(', ');
  const lines = [`${c.green('✓')} ${f.file} (${how})`];
  lines.push(t.import.counts({ outcome: f.outcome, read: n(f.read), imported: n(f.imported), rejected: n(f.rejected), skipped: n(f.skipped) }));
  if (f.rejected > 0) {
    lines.push(t.import.rejectedBy(pairs(f.rejectedBy)));
    for (const r of sameMessageRuns(f.firstRejects)) lines.push(c.yellow(r.last === r.line ? t.import.rejectLine(r) : t.ingest.rejectLines(r)));
    if (f.rejected > f.firstRejects.length) lines.push(t.import.allRejects({ count: n(f.rejected), batch: String(f.batchId ?? '?') }));
  }
  if (f.skipped > 0) lines.push(t.import.skippedBy(pairs(f.skippedBy)));
  const flagged = Object.values(f.nikFlags).reduce((a, b) => a + b, 0);
  if (flagged > 0) lines.push(t.import.nikFlags(pairs(f.nikFlags)));
  if (f.replaced) lines.push(t.ingest.replaced({ batch: f.replaced.batch, file: f.replaced.file, records: n(f.replaced.records) }));
  for (const w of f.warnings) lines.push(c.yellow(`  ! ${w.message}`));
  if (f.outcome === 'dry-run') lines.push(c.dim(t.import.dryRun()));
  return `${lines.join('\n')}\n`;
}

/** `title 2, footer 1` (Indonesian: `judul 2, baris jumlah 1`), largest first. */
function pairs(counts: Record<string, number | undefined>): string {
  return Object.entries(counts)
    .filter(([, v]) => (v ?? 0) > 0)
    .sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0))
    .map(([k, v]) => `${t.reasons.word(k)} ${formatNumber(v ?? 0)}`)
    .join(', ');
}
