import { Option, type Command } from 'commander';
import ora, { type Ora } from 'ora';
import { importFiles, type FileSummary } from '../../commands/import.js';
import { UsageError } from '../../errors.js';
import { t } from '../../i18n/index.js';
import { parseMapOptions } from '../../ingest/columns.js';
import type { SourceKind } from '../../store/batches.js';
import type { CliContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { maskNikLike } from '../../privacy/mask.js';
import { formatNumber } from '../table.js';
import { describeResolve } from './resolve.js';

interface ImportFlags {
  source: SourceKind;
  wave?: string;
  map: string[];
  force?: boolean;
  dryRun?: boolean;
  encoding?: string;
  delimiter?: string;
  sheet?: string;
  strict?: boolean;
  resolve: boolean;
}

export function registerImport(program: Command, ctx: CliContext): void {
  program
    .command('import')
    .description('import recipient lists or walk-in logs (CSV, TSV, XLSX; files or folders) into the database')
    .argument('<files...>', 'files to import, or folders whose CSV/XLSX files are imported')
    .addOption(new Option('--source <kind>', 'where the file comes from').choices(['central', 'province', 'walkin']).makeOptionMandatory())
    .option('--wave <n>', 'the wave (gelombang) of every row, when the file has no Gelombang column')
    .option('--map <header=field>', 'read a column as a field (nik, name, wave, status, date, phone, purpose, regency, number, ignore); repeatable', collect, [])
    .option('--encoding <name>', 'file encoding instead of detecting it (utf8, windows-1252, utf16le)')
    .option('--delimiter <char>', 'field delimiter instead of detecting it (",", ";", "tab", "|")')
    .option('--sheet <name|n>', 'XLSX: which sheet, by name or number (default: the first)')
    .option('--force', 'import again a file that was already imported, replacing its batch')
    .option('--dry-run', 'read and check everything, write nothing')
    .option('--no-resolve', 'do not match the new records into persons now (for bulk loads; run `prakerja resolve` after)')
    .option('--strict', `exit with code ${EXIT.rejected} when any row was rejected`)
    .addHelpText(
      'after',
      `
Examples:
  prakerja import penerima-gel3.csv --source central --wave 3
  prakerja import rekap-provinsi.xlsx --source province --sheet 2
  prakerja import buku-tamu-mei.csv --source walkin
  prakerja import /srv/prakerja/masuk --source central      (every CSV/XLSX in the folder)
  prakerja import data.csv --source central --map "No Identitas=nik" --map "Nama Peserta=name"
`,
    )
    .action(async (files: string[], flags: ImportFlags) => {
      const wave = flags.wave === undefined ? undefined : parseWaveFlag(flags.wave);
      // Ctrl-C or a service manager's SIGTERM: let the importer roll back the current file and say so,
      // rather than dying with the transaction open. Wired before the database is opened, so no moment of
      // the run dies on the default handler. A second Ctrl-C kills at once (the handler is `once`); SQLite's
      // journal still keeps the database whole then.
      const interrupt = new AbortController();
      const onSignal = () => interrupt.abort();
      process.once('SIGINT', onSignal);
      process.once('SIGTERM', onSignal);
      let spinner: Ora | null = null;
      try {
        const db = ctx.openDb({ create: !flags.dryRun });
        spinner = ctx.interactive ? ora({ text: 'Reading…', stream: ctx.io.spinnerStream }).start() : null;
        const progress = spinner;
        const result = await importFiles(db, {
          files,
          source: flags.source,
          wave,
          map: parseMapOptions(flags.map),
          encoding: flags.encoding,
          delimiter: flags.delimiter === 'tab' ? '\t' : flags.delimiter,
          sheet: flags.sheet,
          force: flags.force,
          dryRun: flags.dryRun,
          resolve: flags.resolve,
          signal: interrupt.signal,
          onProgress: progress ? (file, rows) => (progress.text = `${file}: ${formatNumber(rows)} rows`) : undefined,
        });
        spinner?.stop();
        // A file name may hold a NIK (`surat-1271015001900003.csv`): shown masked, like every NIK.
        const shown = { ...result, files: result.files.map((f) => ({ ...f, file: maskNikLike(f.file) })) };
        if (ctx.globals.json) ctx.json(shown);
        else {
          for (const file of shown.files) ctx.say(describeFile(file, ctx));
          if (result.resolve && result.pendingBefore > 0) ctx.say(`${t.recovery.pendingResolved(formatNumber(result.pendingBefore))}\n`);
          if (result.resolve) ctx.say(describeResolve(result.resolve));
        }
        const rejected = result.files.some((f) => f.rejected > 0 && f.outcome !== 'unchanged');
        ctx.exitCode = !result.ok ? EXIT.failure : flags.strict && rejected ? EXIT.rejected : EXIT.ok;
        if (!result.ok && ctx.globals.quiet) {
          for (const f of result.files) if (f.error) ctx.io.stderr(`prakerja: ${f.error}\n`);
        }
      } finally {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
        spinner?.stop();
      }
    });
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function parseWaveFlag(text: string): number {
  if (!/^\d+$/.test(text) || Number(text) < 1) throw new UsageError(`--wave ${text}: give the wave number, e.g. --wave 3.`);
  return Number(text);
}

function describeFile(f: FileSummary, ctx: CliContext): string {
  const c = ctx.c;
  const n = formatNumber;
  if (f.outcome === 'failed') return `${c.red('✗')} ${f.error ?? f.file}\n  Nothing from this file was imported.\n`;
  if (f.outcome === 'unchanged') {
    return `${c.dim('=')} ${f.file}: already imported as batch ${f.batchId} (${n(f.imported)} records); nothing to do. Use --force to import it again.\n`;
  }
  const delimiter = f.delimiter === '\t' ? 'tab' : f.delimiter ? `"${f.delimiter}"` : null;
  const how = [f.format?.toUpperCase(), f.encoding, delimiter && `delimiter ${delimiter}`, `header on line ${f.headerLine}`]
    .filter(Boolean)
    .join(', ');
  const verb = f.outcome === 'dry-run' ? 'would import' : f.outcome === 'replaced' ? 'replaced, imported' : 'imported';
  const lines = [`${c.green('✓')} ${f.file} (${how})`];
  lines.push(`  ${n(f.read)} rows: ${verb} ${n(f.imported)}, rejected ${n(f.rejected)}, skipped ${n(f.skipped)}`);
  if (f.rejected > 0) {
    lines.push(`  rejected: ${pairs(f.rejectedBy)}`);
    for (const r of f.firstRejects) lines.push(c.yellow(`    line ${r.line}: ${r.message}`));
    if (f.rejected > f.firstRejects.length) lines.push(`    … all ${n(f.rejected)} are listed by: prakerja rejects --batch ${f.batchId ?? '?'}`);
  }
  if (f.skipped > 0) lines.push(`  skipped: ${pairs(f.skippedBy)}`);
  const flagged = Object.values(f.nikFlags).reduce((a, b) => a + b, 0);
  if (flagged > 0) lines.push(`  kept with a NIK problem: ${pairs(f.nikFlags)}`);
  if (f.outcome === 'dry-run') lines.push(c.dim('  dry run: nothing was written'));
  return `${lines.join('\n')}\n`;
}

function pairs(counts: Record<string, number | undefined>): string {
  return Object.entries(counts)
    .filter(([, v]) => (v ?? 0) > 0)
    .sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0))
    .map(([k, v]) => `${k} ${formatNumber(v ?? 0)}`)
    .join(', ');
}
