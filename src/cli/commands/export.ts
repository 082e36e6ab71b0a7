import type { Command } from 'commander';
import { checkExportName, exportRecordsToFile, recordExportCsv } from '../../commands/export.js';
import { t } from '../../i18n/index.js';
import type { CliContext } from '../context.js';
import { formatNumber } from '../table.js';

export function registerExport(program: Command, ctx: CliContext): void {
  const exp = program
    .command('export')
    .description(t.export.description())
    .addHelpText('after', `\n${t.cli.examples()}\n  prakerja export records --out orang.csv\n`);
  exp
    .command('records')
    .description(t.export.recordsDescription())
    .option('--out <file>', t.export.optOut())
    .option('--show-nik', t.export.optShowNik())
    .addHelpText('after', `\n${t.export.machineNote()}\n\n${t.cli.examples()}\n  prakerja export records --out orang.csv\n  prakerja export records > orang.csv\n  prakerja --lang en export records --out records.csv\n`)
    .action((flags: { out?: string; showNik?: boolean }) => {
      // A wrong name is a usage error before the database is looked for.
      if (flags.out) checkExportName(flags.out);
      const db = ctx.openDb();
      if (flags.out) {
        const rows = exportRecordsToFile(db, flags.out, { showNik: flags.showNik });
        if (ctx.globals.json) return ctx.json({ file: flags.out, rows });
        return ctx.say(`${t.export.wrote({ rows: formatNumber(rows), file: flags.out })}\n`);
      }
      // --json: the CSV is the result, read by a script: the machine names and codes, as in English.
      const lang = ctx.globals.json ? 'en' : undefined;
      for (const chunk of recordExportCsv(db, { showNik: flags.showNik, lang })) ctx.io.stdout(chunk);
    });
  for (const c of [exp, ...exp.commands]) c.exitOverride().configureOutput({ writeOut: ctx.io.stdout, writeErr: ctx.io.stderr });
}
