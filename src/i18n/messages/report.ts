/** `prakerja report` on the command line: its help, what it prints, its usage errors. The tables are recap.ts and report/labels.ts. */
import { message } from '../lang.js';

type Kind = 'waves' | 'monthly' | 'kecamatan' | 'all';

const DESCRIPTIONS_ID: Record<Kind, string> = {
  waves: 'per gelombang: penerima, warga wilayah, dicabut, baris ganda, masalah NIK, konflik, dibantu di loket, jenis kelamin dan umur',
  monthly: 'per bulan dari buku tamu loket: kunjungan, orang, yang sudah menjadi penerima (dan di gelombang mana), yang belum',
  kecamatan: 'penerima per kecamatan di wilayah kantor, dengan persentase yang dibantu di loket',
  all: 'ketiga rekap sekaligus (satu halaman HTML atau workbook, atau semua CSV dengan --out-dir)',
};

const DESCRIPTIONS_EN: Record<Kind, string> = {
  waves: 'per wave: recipients, residents, revoked, duplicates, NIK problems, conflicts, assisted at the desk, sex and age',
  monthly: 'per month of the walk-in log: visits, persons, who is already a recipient (and of which wave), who is not yet',
  kecamatan: 'recipients per kecamatan of the office region, with the share assisted at the desk',
  all: 'all three recaps in one go (one HTML page or workbook, or every CSV with --out-dir)',
};

export const reportText = {
  description: message({
    id: 'rekap per gelombang, bulan dan kecamatan, untuk layar, CSV, XLSX atau HTML (nama Indonesia juga bisa: gelombang, bulanan, kecamatan, semua)',
    en: 'recap reports (rekap) per wave, month and kecamatan, for the terminal, CSV, XLSX or HTML (Indonesian names work too: gelombang, bulanan, semua)',
  }),
  kindDescription: message({ id: (kind: Kind) => DESCRIPTIONS_ID[kind], en: (kind) => DESCRIPTIONS_EN[kind] }),
  optWaves: message({ id: 'hanya gelombang ini: 3, 1-11 atau 1,3,5-7', en: 'only these waves: 3, 1-11 or 1,3,5-7' }),
  optWave: message({ id: 'hanya gelombang ini', en: 'only this wave' }),
  optMonth: message({ id: 'hanya bulan ini', en: 'only this month' }),
  optDetail: message({
    id: 'tampilkan juga setiap pengunjung yang belum menjadi penerima, untuk ditindaklanjuti',
    en: 'also list each visitor who is not (yet) a recipient, for follow-up',
  }),
  optShowNik: message({ id: 'NIK lengkap di daftar --detail (bawaannya disamarkan)', en: 'full NIKs in the --detail list (masked by default)' }),
  optOut: message({ id: 'tulis satu berkas: .csv, .xlsx atau .html', en: 'write one file: .csv, .xlsx or .html' }),
  /** `names`: what this recap writes there, e.g. `rekap-bulanan.csv, …`. */
  optOutDir: message({
    id: (names: string) => `tulis berkas dengan nama tetap (${names}) ke folder ini`,
    en: (names) => `write files with stable names (${names}) into this folder`,
  }),
  optFormat: message({ id: 'dengan --out-dir: csv, xlsx, html atau daftar (csv,html)', en: 'with --out-dir: csv, xlsx, html or a list (csv,html)' }),
  optDelimiter: message({ id: "pemisah CSV: ',' atau ';' (Excel berbahasa Indonesia)", en: "CSV delimiter: ',' or ';' (Excel in Indonesian)" }),
  cronNote: message({ id: 'cron: nama berkas tetap', en: 'cron: stable file names' }),
  wrote: message({
    id: (p: { path: string; personal: boolean }) => `ditulis: ${p.path}${p.personal ? ' (data pribadi, mode 0600)' : ''}`,
    en: (p) => `wrote ${p.path}${p.personal ? ' (personal data, mode 0600)' : ''}`,
  }),
  noData: message({
    id: 'Tidak ada data untuk pilihan ini. `prakerja status` menampilkan gelombang dan sumber yang ada di database.',
    en: 'No data for this selection. `prakerja status` shows the waves and sources the database holds.',
  }),
  waveAndWaves: message({ id: 'beri --wave N atau --waves DAFTAR, jangan keduanya.', en: 'give --wave N or --waves LIST, not both.' }),
  badMonth: message({
    id: (value: string) => `--month ${value}: tulis bulan sebagai TTTT-BB, misalnya --month 2024-03.`,
    en: (value) => `--month ${value}: give the month as YYYY-MM, e.g. --month 2024-03.`,
  }),
  badDate: message({
    id: (value: string) => `--age-at ${value}: tulis tanggal sebagai TTTT-BB-HH, misalnya --age-at 2020-04-11.`,
    en: (value) => `--age-at ${value}: give a date as YYYY-MM-DD, e.g. --age-at 2020-04-11.`,
  }),
  badDelimiter: message({ id: (value: string) => `--delimiter ${value}: pakai ',' atau ';' (atau tab).`, en: (value) => `--delimiter ${value}: use ',' or ';' (or tab).` }),
  badFormat: message({
    id: (p: { value: string; unknown: string }) => `--format ${p.value}: ${p.unknown} tidak dikenal; pilih dari csv, xlsx, html.`,
    en: (p) => `--format ${p.value}: unknown ${p.unknown}; choose from csv, xlsx, html.`,
  }),
  badWave: message({
    id: (p: { flag: string; value: string }) => `${p.flag} ${p.value}: beri nomor gelombang, misalnya ${p.flag} 3.`,
    en: (p) => `${p.flag} ${p.value}: give a wave number, e.g. ${p.flag} 3.`,
  }),
  noRegionForKecamatan: message({
    id: 'wilayah kantor belum diatur, jadi belum ada daftar kecamatan untuk direkap. Jalankan dulu `prakerja init --region KODE` (misalnya --region 1271).',
    en: 'the office region is not set, so there is no kecamatan list to report on. Run `prakerja init --region CODE` first (e.g. --region 1271).',
  }),
  outAndOutDir: message({ id: 'beri --out BERKAS atau --out-dir FOLDER, jangan keduanya.', en: 'give either --out FILE or --out-dir DIR, not both.' }),
  delimiterNeedsCsv: message({
    id: '--delimiter hanya berlaku untuk berkas CSV: tambahkan --out BERKAS.csv atau --out-dir FOLDER.',
    en: '--delimiter only applies to CSV files: add --out FILE.csv or --out-dir DIR.',
  }),
  kecamatanLeftOut: message({
    id: 'rekap kecamatan tidak disertakan: wilayah kantor belum diatur. Jalankan `prakerja init --region KODE` untuk menambahkannya.',
    en: 'kecamatan recap left out: the office region is not set. Run `prakerja init --region CODE` to add it.',
  }),
  outDirIsFile: message({
    id: (dir: string) => `--out-dir ${dir} adalah berkas, bukan folder. Beri nama folder.`,
    en: (dir) => `--out-dir ${dir} is a file, not a folder. Give a folder name.`,
  }),
  badOutName: message({
    id: (file: string) => `--out ${file}: nama berkas harus berakhiran .csv, .xlsx atau .html (itulah yang menentukan formatnya).`,
    en: (file) => `--out ${file}: the file name must end in .csv, .xlsx or .html (that chooses the format).`,
  }),
  badWaves: message({ id: (value: string) => `--waves ${value}: tulis gelombang sebagai 3, 1-11 atau 1,3,5-7.`, en: (value) => `--waves ${value}: give waves as 3, 1-11 or 1,3,5-7.` }),
};

/** The Indonesian names a report answers to as well: `prakerja report gelombang`. */
export const REPORT_ALIASES: Record<Kind, string | null> = { waves: 'gelombang', monthly: 'bulanan', kecamatan: null, all: 'semua' };
