import type { Command } from 'commander';
import { exportRecordsToFile, recordExportCsv } from '../../commands/export.js';
import type { CliContext } from '../context.js';
import { formatNumber } from '../table.js';

export function registerExport(program: Command, ctx: CliContext): void {
  const exp = program.command('export').description('write stored data as CSV');
  exp
    .command('records')
    .description('one row per record with its person (file, line, source, person_id, match, score, masked NIK, name, …)')
    .option('--out <file>', 'write to this file (UTF-8 with BOM, owner-only) instead of standard output')
    .option('--show-nik', 'write NIKs in full')
    .addHelpText('after', '\nExamples:\n  prakerja export records --out orang.csv\n  prakerja export records > orang.csv\n')
    .action((flags: { out?: string; showNik?: boolean }) => {
      const db = ctx.openDb();
      if (flags.out) {
        const rows = exportRecordsToFile(db, flags.out, { showNik: flags.showNik });
        if (ctx.globals.json) return ctx.json({ file: flags.out, rows });
        return ctx.say(`Wrote ${formatNumber(rows)} records to ${flags.out}.\n`);
      }
      for (const chunk of recordExportCsv(db, { showNik: flags.showNik })) ctx.io.stdout(chunk);
    });
  for (const c of [exp, ...exp.commands]) c.exitOverride().configureOutput({ writeOut: ctx.io.stdout, writeErr: ctx.io.stderr });
}
