/** `prakerja import`: its help, the summary of each file, and the errors of reading a file. */
import { message } from '../lang.js';

export const importText = {
  description: message({
    id: 'impor daftar penerima atau buku tamu loket (CSV, TSV, XLSX; berkas atau folder) ke database',
    en: 'import recipient lists or walk-in logs (CSV, TSV, XLSX; files or folders) into the database',
  }),
  argFiles: message({
    id: 'berkas yang diimpor, atau folder yang semua berkas CSV/XLSX-nya diimpor',
    en: 'files to import, or folders whose CSV/XLSX files are imported',
  }),
  /** `choices`: the words --source takes (reasons.sourceChoices). */
  optSource: message({
    id: (choices: string) => `asal berkas (daftar pusat / Manajemen Pelaksana, rekap provinsi, atau buku tamu loket): ${choices}`,
    en: (choices) => `where the file comes from (the Manajemen Pelaksana list, the provincial consolidation, or the desk guest book): ${choices}`,
  }),
  optWave: message({ id: 'gelombang untuk semua baris, bila berkas tidak punya kolom Gelombang', en: 'the wave (gelombang) of every row, when the file has no Gelombang column' }),
  /** `fields`: the fields a column can be read as (ingest/columns.ts FIELDS, and `ignore`). */
  optMap: message({
    id: (fields: string) => `baca sebuah kolom sebagai field (${fields}); boleh berulang`,
    en: (fields) => `read a column as a field (${fields}); repeatable`,
  }),
  optEncoding: message({ id: 'encoding berkas, bukan dideteksi (utf8, windows-1252, utf16le)', en: 'file encoding instead of detecting it (utf8, windows-1252, utf16le)' }),
  optDelimiter: message({ id: 'pemisah kolom, bukan dideteksi (",", ";", "tab", "|")', en: 'field delimiter instead of detecting it (",", ";", "tab", "|")' }),
  optSheet: message({ id: 'XLSX: sheet mana, menurut nama atau nomor (bawaan: yang pertama)', en: 'XLSX: which sheet, by name or number (default: the first)' }),
  optForce: message({ id: 'impor lagi berkas yang sudah pernah diimpor, menggantikan batch-nya', en: 'import again a file that was already imported, replacing its batch' }),
  optDryRun: message({ id: 'baca dan periksa semuanya, tanpa menulis apa pun', en: 'read and check everything, write nothing' }),
  optFull: message({
    id: 'cocokkan ulang semua data sesudahnya dan pelajari lagi frekuensi nama (biasanya hanya data baru dan orang yang dapat bergabung dengannya)',
    en: 'afterwards resolve every record and learn the name frequencies again (by default only the new records and the persons they can join)',
  }),
  optNoResolve: message({
    id: 'jangan cocokkan data baru menjadi orang sekarang (untuk impor besar; jalankan `prakerja resolve` sesudahnya)',
    en: 'do not match the new records into persons now (for bulk loads; run `prakerja resolve` after)',
  }),
  optStrict: message({ id: (code: number) => `keluar dengan kode ${code} bila ada baris yang ditolak`, en: (code) => `exit with code ${code} when any row was rejected` }),
  examplesFolder: message({ id: '(semua CSV/XLSX di folder itu)', en: '(every CSV/XLSX in the folder)' }),
  reading: message({ id: 'Membaca…', en: 'Reading…' }),
  progress: message({ id: (p: { file: string; rows: string }) => `${p.file}: ${p.rows} baris`, en: (p) => `${p.file}: ${p.rows} rows` }),

  // the summary of one file
  failedNothing: message({ id: '  Tidak ada isi berkas ini yang diimpor.', en: '  Nothing from this file was imported.' }),
  unchanged: message({
    id: (p: { file: string; batch: number; records: string }) =>
      `${p.file}: sudah diimpor sebagai batch ${p.batch} (${p.records} data); tidak ada yang dikerjakan. Pakai --force untuk mengimpornya lagi.`,
    en: (p) => `${p.file}: already imported as batch ${p.batch} (${p.records} records); nothing to do. Use --force to import it again.`,
  }),
  delimiter: message({ id: (d: string) => `pemisah ${d}`, en: (d) => `delimiter ${d}` }),
  headerLine: message({ id: (line: number) => `judul kolom di baris ${line}`, en: (line) => `header on line ${line}` }),
  counts: message({
    id: (p: { outcome: 'imported' | 'replaced' | 'dry-run'; read: string; imported: string; rejected: string; skipped: string }) =>
      `  ${p.read} baris: ${p.outcome === 'dry-run' ? 'akan diimpor' : p.outcome === 'replaced' ? 'diganti, diimpor' : 'diimpor'} ${p.imported}, ditolak ${p.rejected}, dilewati ${p.skipped}`,
    en: (p) =>
      `  ${p.read} rows: ${p.outcome === 'dry-run' ? 'would import' : p.outcome === 'replaced' ? 'replaced, imported' : 'imported'} ${p.imported}, rejected ${p.rejected}, skipped ${p.skipped}`,
  }),
  rejectedBy: message({ id: (pairs: string) => `  ditolak: ${pairs}`, en: (pairs) => `  rejected: ${pairs}` }),
  rejectLine: message({ id: (p: { line: number; message: string }) => `    baris ${p.line}: ${p.message}`, en: (p) => `    line ${p.line}: ${p.message}` }),
  allRejects: message({
    id: (p: { count: string; batch: string }) => `    … semua ${p.count} baris ada di daftar: prakerja rejects --batch ${p.batch}`,
    en: (p) => `    … all ${p.count} are listed by: prakerja rejects --batch ${p.batch}`,
  }),
  skippedBy: message({ id: (pairs: string) => `  dilewati: ${pairs}`, en: (pairs) => `  skipped: ${pairs}` }),
  nikFlags: message({ id: (pairs: string) => `  disimpan dengan masalah NIK: ${pairs}`, en: (pairs) => `  kept with a NIK problem: ${pairs}` }),
  dryRun: message({ id: '  uji coba (--dry-run): tidak ada yang ditulis', en: '  dry run: nothing was written' }),
  /** With --quiet: the one line a cron log gets for a file with rejected rows. */
  quietRejected: message({
    id: (p: { file: string; count: string; batch: string }) => `${p.file}: ${p.count} baris ditolak; lihat: prakerja rejects --batch ${p.batch}`,
    en: (p) => `${p.file}: ${p.count} rows rejected; see: prakerja rejects --batch ${p.batch}`,
  }),
  noRegion: message({
    id: 'Catatan: wilayah kantor belum diatur, jadi kolom "Warga wilayah" di rekap masih kosong. Atur sekali dengan: prakerja init --region "Kota Medan" (nama atau kode kab/kota Anda).',
    en: 'Note: no office region is set, so the recaps leave "Residents" empty. Set it once with: prakerja init --region "Kota Medan" (your kab/kota name or code).',
  }),

  // why a row was rejected (stored with the reject, in the language of the import)
  rowUnparseable: message({
    id: (error: string) => `baris tidak bisa dibaca sebagai CSV (${error}); periksa tanda kutipnya`,
    en: (error) => `row cannot be read as CSV (${error}); check its quotes`,
  }),
  rowFieldCount: message({
    id: (p: { fields: number; header: number }) =>
      `baris berisi ${p.fields} kolom padahal judul kolom hanya ${p.header}; ada pemisah di dalam sebuah nilai? Beri tanda kutip pada nilai itu atau perbaiki barisnya di Excel`,
    en: (p) => `row has ${p.fields} fields but the header has ${p.header}; a delimiter inside a value? Put that value in quotes or fix the row in Excel`,
  }),
  rowNoName: message({ id: 'baris tanpa nama', en: 'row has no name' }),
  rowNameNoLetters: message({
    id: (name: string) => `nama ${name} tidak berisi huruf lagi setelah gelar dibuang`,
    en: (name) => `name ${name} has no letters left once titles are removed`,
  }),

  // errors
  badWave: message({ id: (value: string) => `--wave ${value}: beri nomor gelombang, misalnya --wave 3.`, en: (value) => `--wave ${value}: give the wave number, e.g. --wave 3.` }),
  /** The inputs were folders holding no file of these extensions (`.csv`, …): an empty drop folder. */
  noFilesInFolders: message({
    id: (p: { extensions: readonly string[]; folders: string }) => `Tidak ada berkas ${orList(p.extensions, 'atau')} di ${p.folders}; tidak ada yang diimpor.`,
    en: (p) => `No ${orList(p.extensions, 'or')} file in ${p.folders}; nothing imported.`,
  }),
  noFiles: message({
    id: 'tidak ada berkas yang diberikan. Contoh: prakerja import gelombang-3.csv --source central',
    en: 'no files given. Example: prakerja import gelombang-3.csv --source central',
  }),
  noSource: message({
    id: '--source belum diberikan: dari mana berkas ini? central (daftar pusat), province (rekap provinsi) atau walkin (buku tamu loket). Contoh: prakerja import gelombang-3.csv --source central',
    en: '--source is missing: where does the file come from? central, province or walkin. Example: prakerja import gelombang-3.csv --source central',
  }),
  noWaveColumn: message({
    id: 'tidak punya kolom Gelombang. Sebutkan gelombang seluruh berkas dengan --wave N (misalnya --wave 3), atau tunjuk kolomnya dengan --map "Kolom=wave".',
    en: 'has no Gelombang column. Say which wave the whole file is with --wave N (e.g. --wave 3), or name the column with --map "Kolom=wave".',
  }),
};

/** `a, b or c`. */
function orList(items: readonly string[], or: string): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} ${or} ${items.at(-1) ?? ''}`;
}
