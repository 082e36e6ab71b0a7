/**
 * `npm run demo`: the main job on the bundled fixtures, as a data officer would type it, into a fresh
 * database at out/demo.sqlite. Each step prints the command and then exactly what prakerja prints.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { languageOf, run } from '../cli/main.js';
import { setLang, t } from '../i18n/index.js';

const ROOT = resolve(new URL('../..', import.meta.url).pathname);
const OUT = join(ROOT, 'out');
const DB = join(OUT, 'demo.sqlite');
const fixture = (name: string) => relative(process.cwd(), join(ROOT, 'fixtures', name)) || name;

const STEPS: string[][] = [
  ['init', '--region', 'Kota Medan'],
  ['import', fixture('penerima-gel3-pusat.xlsx'), '--source', 'central'],
  ['import', fixture('penerima-gel4-pusat.csv'), '--source', 'central'],
  ['import', fixture('penerima-gel5-unicode.txt'), '--source', 'central'],
  ['import', fixture('rekap-provinsi-sumut.csv'), '--source', 'province'],
  ['import', fixture('buku-tamu-2020.csv'), '--source', 'walkin'],
  // The wave 4 list sent again, re-saved with Windows line ends and one row fewer: not the same bytes, nor the
  // same rows, yet the same persons. The import says so; the recap still counts 12 recipients for wave 4.
  ['import', 'out/penerima-gel4-kirim-ulang.csv', '--source', 'central'],
  ['status'],
  ['report', 'waves', '--age-at', '2020-09-01'],
  ['report', 'monthly'],
  ['review', 'export', 'out/periksa.csv'],
  ['report', 'all', '--out', 'out/rekap.html'],
];

mkdirSync(OUT, { recursive: true });
const gel4 = readFileSync(join(ROOT, 'fixtures', 'penerima-gel4-pusat.csv'), 'utf8').trimEnd().split(/\r?\n/);
writeFileSync(join(OUT, 'penerima-gel4-kirim-ulang.csv'), `${gel4.slice(0, -1).join('\r\n')}\r\n`);
for (const suffix of ['', '-wal', '-shm']) rmSync(DB + suffix, { force: true });
process.env.PRAKERJA_DB = DB;
// Indonesian, as an office sees it, unless PRAKERJA_LANG says otherwise.
setLang(languageOf([], process.env));
console.log(`${t.demo.database(relative(process.cwd(), DB))}\n`);
for (const args of STEPS) {
  console.log(`$ prakerja ${args.map((a) => (/[\s"]/.test(a) ? JSON.stringify(a) : a)).join(' ')}`);
  const code = await run(args);
  if (code !== 0) {
    console.error(t.demo.failed(code));
    process.exit(code);
  }
  console.log('');
}
setLang(languageOf([], process.env));
console.log(t.demo.further(relative(process.cwd(), DB)));
