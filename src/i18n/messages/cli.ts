/** The command line's own words: the program's help, the global options, commander's titles and errors. */
import { message } from '../lang.js';

export const cli = {
  description: message({
    id: 'Daftar penerima Kartu Prakerja untuk Dinas Tenaga Kerja: impor, pencocokan, rekap — tanpa internet.',
    en: 'Kartu Prakerja recipient lists for regional labour offices: import, match, recap — offline.',
  }),
  optDb: message({
    id: 'berkas database (bawaan: $PRAKERJA_DB atau ./prakerja.sqlite)',
    en: 'database file (default: $PRAKERJA_DB or ./prakerja.sqlite)',
  }),
  optKey: message({
    id: 'enkripsi database dengan kunci ini (lebih baik $PRAKERJA_KEY, yang tidak terlihat oleh pengguna lain di `ps`)',
    en: 'encrypt the database with this key (default: $PRAKERJA_KEY, which other users cannot see in `ps`)',
  }),
  optJson: message({ id: 'cetak hasil sebagai JSON, untuk skrip (kunci JSON selalu berbahasa Inggris)', en: 'print results as JSON, for scripts' }),
  optQuiet: message({ id: 'jangan cetak apa pun selain kesalahan dan peringatan tentang data', en: 'print nothing but errors and warnings about the data' }),
  optNoColor: message({ id: 'tanpa warna', en: 'no colours' }),
  optLang: message({
    id: 'bahasa: id (Bahasa Indonesia, bawaan) atau en (English); juga $PRAKERJA_LANG',
    en: 'language: id (Indonesian, the default) or en (English); also $PRAKERJA_LANG',
  }),
  optHelp: message({ id: 'tampilkan bantuan perintah ini', en: 'display help for command' }),
  optVersion: message({ id: 'tampilkan nomor versi', en: 'output the version number' }),
  helpCommand: message({ id: 'tampilkan bantuan sebuah perintah', en: 'display help for command' }),
  /** `prakerja help NAME` (or `help review NAME`) for a name that is no command; `parent` null at the top. */
  unknownHelpTopic: message({
    id: (p: { name: string; parent: string | null; commands: string; example: string }) =>
      `perintah '${p.name}' tidak dikenal. ${p.parent === null ? 'Perintahnya' : `Perintah ${p.parent}`}: ${p.commands}. Bantuan sebuah perintah: prakerja help ${p.example}`,
    en: (p) => `unknown command '${p.name}'. The commands ${p.parent === null ? 'are' : `of ${p.parent} are`}: ${p.commands}. Help on one: prakerja help ${p.example}`,
  }),
  /** `prakerja help import foo`: a word after a command that has no subcommands. */
  noSubcommands: message({
    id: (p: { name: string; command: string }) => `perintah '${p.name}' tidak dikenal: ${p.command} tidak punya subperintah. Bantuannya: prakerja help ${p.command}`,
    en: (p) => `unknown command '${p.name}': ${p.command} has no subcommands. Its help: prakerja help ${p.command}`,
  }),
  /** After commander's usage error, with the command it was about (`prakerja report waves`). */
  helpAfterError: message({ id: (command: string) => `(cara pemakaiannya: ${command} --help)`, en: (command) => `(how to use it: ${command} --help)` }),
  examples: message({ id: 'Contoh:', en: 'Examples:' }),
  /** Commander's section titles, as `Help.styleTitle` receives them. */
  title: message({
    id: (title: string) => HELP_TITLES_ID[title] ?? title,
    en: (title) => title,
  }),
  /** The words commander puts in brackets after an option's description: `(choices: …, default: …)`. */
  helpExtra: message({
    id: (text: string) => text.replace(/\(choices: /, '(pilihan: ').replace(/([(,] )?default: /, (_m, before: string | undefined) => `${before ?? ''}bawaan: `),
    en: (text) => text,
  }),
  /**
   * Commander's error messages (it has no hook for their words), rewritten in Indonesian, with the option
   * or argument they quote named as the help names it (`'--source <asal>'`, `'nik|berkas:baris'`).
   */
  commanderError: message({
    id: (text: string) => {
      const named = text
        .replace(/^(error: missing required argument ')(.*)'/, (_m, head: string, name: string) => `${head}${PLACEHOLDERS_ID[name] ?? name}'`)
        .replace(/^(error: (?:required )?option ')(.*?)'/, (_m, head: string, flags: string) => `${head}${placeholdersId(flags)}'`);
      return COMMANDER_ERRORS_ID.reduce((out, [pattern, replacement]) => out.replace(pattern, replacement), named);
    },
    en: (text) => text,
  }),
  /**
   * A usage line, a subcommand or an option as commander writes it, with the placeholders in brackets in
   * words of the language: `prakerja import [options] <files...>` → `prakerja import [opsi] <berkas...>`,
   * `--out <file>` → `--out <berkas>`; a batch number is `<id>` wherever it is taken (`--batch`, `--replaces`), `<nomor>`.
   * Values a person types as they are (`<id|en>`) stay.
   */
  placeholders: message({ id: (text: string) => placeholdersId(text), en: (text) => text }),
  /** An argument's name in the help's Arguments list (`files`), as its placeholder is named. */
  argumentName: message({ id: (name: string) => PLACEHOLDERS_ID[name] ?? name, en: (name) => name }),
  newDatabase: message({
    id: (path: string) => `Database baru dibuat: ${path} (pakai --db atau PRAKERJA_DB untuk memakai database lain)`,
    en: (path) => `Created a new database: ${path} (use --db or PRAKERJA_DB for another one)`,
  }),
  newDatabaseDiscarded: message({
    id: (path: string) => `Database baru ${path} tidak disimpan: tidak ada yang ditulis ke dalamnya.`,
    en: (path) => `The new database ${path} was not kept: nothing was written to it.`,
  }),
  badLockWait: message({
    id: (value: string) => `PRAKERJA_LOCK_WAIT=${value}: tulis jumlah detik menunggu kunci tulis database, misalnya PRAKERJA_LOCK_WAIT=120.`,
    en: (value) => `PRAKERJA_LOCK_WAIT=${value}: give the seconds to wait for the database's write lock, e.g. PRAKERJA_LOCK_WAIT=120.`,
  }),
  /** `setting` is what was given: `--lang fr` or `PRAKERJA_LANG=fr`. */
  badLang: message({
    id: (setting: string) => `${setting}: pilih id (Bahasa Indonesia) atau en (English).`,
    en: (setting) => `${setting}: choose id (Indonesian) or en (English).`,
  }),
};

const HELP_TITLES_ID: Record<string, string> = {
  'Usage:': 'Cara pakai:',
  'Options:': 'Opsi:',
  'Global Options:': 'Opsi umum:',
  'Commands:': 'Perintah:',
  'Arguments:': 'Argumen:',
};

/** The Indonesian words of the placeholders, by what stands between the brackets in English. */
const PLACEHOLDERS_ID: Record<string, string> = {
  options: 'opsi',
  command: 'perintah',
  file: 'berkas',
  files: 'berkas',
  'files...': 'berkas...',
  'nik|file:line': 'nik|berkas:baris',
  'YYYY-MM-DD': 'TTTT-BB-HH',
  'YYYY-MM': 'TTTT-BB',
  id: 'nomor',
  char: 'karakter',
  name: 'nama',
  'name|n': 'nama|n',
  'code|name': 'kode|nama',
  list: 'daftar',
  position: 'jabatan',
  key: 'kunci',
  city: 'kota',
  'header=field': 'kolom=field',
  dir: 'folder',
  records: 'jumlah',
  kind: 'asal',
  order: 'urutan',
};

function placeholdersId(text: string): string {
  return text.replace(/([<[])([^<>[\]]+)([>\]])/g, (whole, open: string, inner: string, close: string) => {
    const word = PLACEHOLDERS_ID[inner];
    return word === undefined ? whole : `${open}${word}${close}`;
  });
}

const COMMANDER_ERRORS_ID: readonly (readonly [RegExp, string])[] = [
  [/^error: unknown option '(.*)'/, "kesalahan: opsi '$1' tidak dikenal"],
  [/^error: unknown command '(.*)'/, "kesalahan: perintah '$1' tidak dikenal"],
  [/^error: missing required argument '(.*)'/, "kesalahan: argumen '$1' wajib diisi"],
  [/^error: option '(.*)' argument missing/, "kesalahan: opsi '$1' perlu nilai"],
  [/^error: required option '(.*)' not specified/, "kesalahan: opsi wajib '$1' belum diberikan"],
  [/^error: option '(.*)' argument '(.*)' is invalid\. Allowed choices are (.*)\./, "kesalahan: nilai '$2' untuk opsi '$1' tidak valid. Pilihannya: $3."],
  [/^error: too many arguments(?: for '(.*)')?\. Expected (\d+) arguments? but got (\d+)\./, 'kesalahan: terlalu banyak argumen. Seharusnya $2, diberikan $3.'],
  [/^error: (.*) cannot be used with (.*)/, 'kesalahan: $1 tidak bisa dipakai bersama $2'],
  [/\(Did you mean (.*)\?\)/, '(Mungkin maksudnya $1?)'],
  [/^error: /, 'kesalahan: '],
];
