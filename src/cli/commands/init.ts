import type { Command } from 'commander';
import { checkInitOptions, initOffice, type InitOptions } from '../../commands/init.js';
import { t } from '../../i18n/index.js';
import type { CliContext } from '../context.js';
import { formatNumber } from '../table.js';

export function registerInit(program: Command, ctx: CliContext): void {
  program
    .command('init')
    .description(t.init.description())
    .option('--region <code|name>', t.init.optRegion())
    .option('--kepala <name>', t.recap.optKepala())
    .option('--nip <nip>', t.recap.optNip())
    .option('--jabatan <position>', t.recap.optJabatan())
    .option('--kota <city>', t.recap.optKota())
    .addHelpText(
      'after',
      `\n${t.cli.examples()}\n  prakerja init --region 1271\n  prakerja init --region "Kota Medan"\n` +
        '  prakerja init --kepala "Drs. H. Ahmad Lubis" --nip "196805121994031002" --jabatan "Kepala Dinas Tenaga Kerja" --kota Medan\n',
    )
    .action((options: InitOptions) => {
      checkInitOptions(options); // nothing to record, or a wrong name, is refused before any database is created
      const result = initOffice(ctx.openDb({ create: true }), options);
      if (ctx.globals.json) return ctx.json(result);
      const { region, signature, previous } = result;
      if (options.region !== undefined && region) {
        ctx.say(`${t.init.officeRegion({ name: region.name, code: region.code, level: t.init.level(region.level) })}\n`);
        if (previous && result.records > 0) {
          const name = (r: typeof region) => `${r.name} (${r.code})`;
          ctx.say(`${t.init.changed({ from: name(previous), to: name(region), records: formatNumber(result.records) })}\n`);
        }
      }
      if (signature && [options.kepala, options.nip, options.jabatan, options.kota].some((v) => v !== undefined)) {
        const parts = [signature.position, signature.name, signature.nip ? `NIP ${signature.nip}` : '', signature.city].filter((p) => p !== '');
        ctx.say(`${t.recap.signatureSet({ text: parts.join(', ') })}\n`);
      }
    });
}
