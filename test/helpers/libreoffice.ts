/** Real LibreOffice (headless) for the tests that import what a spreadsheet program writes. */
import { execFileSync, spawnSync } from 'node:child_process';
import { basename, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const hasSoffice = spawnSync('soffice', ['--version'], { stdio: 'ignore' }).status === 0;

/** Says once, for the test file `file`, why its tests are skipped. */
export function warnIfNoSoffice(file: string): void {
  if (!hasSoffice) console.warn(`${file}: skipped — \`soffice\` is not installed (apt-get install libreoffice-calc to run it).`);
}

/**
 * Converts `source` with LibreOffice to `target` (`xlsx`, or a CSV filter string `csv:…`) into `outDir`;
 * returns the written file. A private profile: LibreOffice refuses to start while another instance holds
 * the default one.
 */
export function convert(source: string, target: string, outDir: string, profile: string): string {
  execFileSync(
    'soffice',
    [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--convert-to', target, '--outdir', outDir, source],
    { stdio: 'ignore', timeout: 120_000 },
  );
  return join(outDir, `${basename(source, extname(source))}.${target.startsWith('csv') ? 'csv' : 'xlsx'}`);
}
