import type { Command } from 'commander';
import { initOffice } from '../../commands/init.js';
import type { CliContext } from '../context.js';

export function registerInit(program: Command, ctx: CliContext): void {
  program
    .command('init')
    .description('record which kab/kota (or province) this office serves, so reports can tell local residents apart')
    .requiredOption('--region <code|name>', 'region code (1271, 12.71, 12) or name ("Kota Medan")')
    .addHelpText('after', '\nExamples:\n  prakerja init --region 1271\n  prakerja init --region "Kota Medan"\n')
    .action((options: { region: string }) => {
      const region = initOffice(ctx.openDb({ create: true }), options);
      if (ctx.globals.json) ctx.json({ region });
      else ctx.say(`Office region: ${region.name} (${region.code}, ${region.level === 'province' ? 'province' : 'kab/kota'})\n`);
    });
}
