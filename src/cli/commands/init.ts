import type { Command } from 'commander';
import { initOffice, type InitOptions } from '../../commands/init.js';
import { t } from '../../i18n/index.js';
import type { CliContext } from '../context.js';

export function registerInit(program: Command, ctx: CliContext): void {
  program
    .command('init')
    .description('record which kab/kota (or province) this office serves, and who signs its recap files')
    .option('--region <code|name>', 'region code (1271, 12.71, 12) or name ("Kota Medan")')
    .option('--kepala <name>', t.recap.optKepala())
    .option('--nip <nip>', t.recap.optNip())
    .option('--jabatan <position>', t.recap.optJabatan())
    .option('--kota <city>', t.recap.optKota())
    .addHelpText(
      'after',
      '\nExamples:\n  prakerja init --region 1271\n  prakerja init --region "Kota Medan"\n' +
        '  prakerja init --kepala "Drs. H. Ahmad Lubis" --nip "196805121994031002" --jabatan "Kepala Dinas Tenaga Kerja" --kota Medan\n',
    )
    .action((options: InitOptions) => {
      const result = initOffice(ctx.openDb({ create: true }), options);
      if (ctx.globals.json) return ctx.json(result);
      const { region, signature } = result;
      if (options.region !== undefined && region) {
        ctx.say(`Office region: ${region.name} (${region.code}, ${region.level === 'province' ? 'province' : 'kab/kota'})\n`);
      }
      if (signature && [options.kepala, options.nip, options.jabatan, options.kota].some((v) => v !== undefined)) {
        const parts = [signature.position, signature.name, signature.nip ? `NIP ${signature.nip}` : '', signature.city].filter((p) => p !== '');
        ctx.say(`${t.recap.signatureSet({ text: parts.join(', ') })}\n`);
      }
    });
}
