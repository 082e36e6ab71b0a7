/**
 * `prakerja review` and `prakerja export`: their help, what they print, and the headers of the files they
 * write. Indonesian headers by default; in English the headers are the stable machine names
 * (`file_l`, `person_id`, …) that scripts read, the same every release.
 */
import { counted, message } from '../lang.js';

export const reviewText = {
  description: message({
    id: 'periksa kemungkinan sama dan konflik di Excel, lalu terapkan keputusannya',
    en: 'check possible matches and conflicts in Excel, then apply the decisions',
  }),
  exportDescription: message({
    id: 'tulis kemungkinan sama dan konflik berdampingan dengan kolom keputusan yang kosong (Y = orang yang sama, N = orang berbeda)',
    en: 'write possible matches and conflicts side by side with an empty decision column (Y = same person, N = different)',
  }),
  badFileName: message({
    id: (file: string) => `${file}: berkas periksa ditulis sebagai .xlsx (dengan pilihan Y/N di kolom Keputusan) atau .csv; beri nama berakhiran salah satunya (misalnya periksa.xlsx).`,
    en: (file) => `${file}: the review file is written as .xlsx (with a Y/N drop-down in the decision column) or .csv; give a name ending in one of them (e.g. periksa.xlsx).`,
  }),
  exportArg: message({
    id: 'berkas yang ditulis, hanya bisa dibaca pemiliknya: .xlsx (dengan pilihan Y/N di kolom Keputusan) atau .csv (UTF-8 dengan BOM)',
    en: 'file to write, owner-only: .xlsx (with a Y/N drop-down in the decision column) or .csv (UTF-8 with BOM)',
  }),
  optShowNik: message({ id: 'tulis NIK lengkap', en: 'write NIKs in full' }),
  applyDescription: message({ id: 'simpan keputusan Y/N dari berkas pemeriksaan lalu cocokkan ulang', en: 'store the Y/N decisions of a review file and resolve again' }),
  applyArg: message({ id: 'berkas pemeriksaan yang sudah diisi (.xlsx atau .csv)', en: 'the review file, filled in (.xlsx or .csv)' }),
  wrote: message({
    id: (p: { possible: string; conflicts: string; file: string; settles: string; empty: boolean }) =>
      `${p.possible} kemungkinan sama dan ${p.conflicts} konflik ditulis ke ${p.file}.\n${p.settles}` +
      (p.empty ? '' : `\nIsi kolom Keputusan dengan Y (orang yang sama) atau N (orang berbeda), simpan berkasnya, lalu: prakerja review apply ${p.file}`),
    en: (p) =>
      `Wrote ${counted(p.possible, 'possible match', 'possible matches')} and ${counted(p.conflicts, 'conflict')} to ${p.file}.\n${p.settles}` +
      (p.empty ? '' : `\nFill the decision column with Y (same person) or N (different people), save the file, then: prakerja review apply ${p.file}`),
  }),
  /**
   * What the queue's decisions settle, in the export's summary and on the workbook's summary sheet: the pairs
   * that decide whether a walk-in visitor counts as a recipient (listed first), then the rest.
   */
  settles: message({
    id: (p: { recipientPairs: number; visitors: number; otherPairs: number; persons: number }) =>
      sentence(
        p.recipientPairs === 0 ? null : `${p.recipientPairs} keputusan menentukan apakah ${p.visitors} pengunjung buku tamu terhitung penerima (didaftar paling atas)`,
        p.otherPairs === 0
          ? null
          : `${p.otherPairs} keputusan ${p.recipientPairs === 0 ? '' : 'lainnya '}menyangkut ${p.persons} orang (apakah sebagian dari mereka sebenarnya satu orang)`,
        'Tidak ada yang perlu diputuskan',
      ),
    en: (p) =>
      sentence(
        p.recipientPairs === 0
          ? null
          : `${p.recipientPairs} decision${p.recipientPairs === 1 ? ' settles' : 's settle'} whether ${p.visitors} walk-in visitor${p.visitors === 1 ? '' : 's'} ` +
              `count${p.visitors === 1 ? 's' : ''} as ${p.visitors === 1 ? 'a recipient' : 'recipients'} (listed first)`,
        p.otherPairs === 0
          ? null
          : `${p.recipientPairs === 0 ? '' : 'the other '}${p.otherPairs} decision${p.otherPairs === 1 ? '' : 's'} concern${p.otherPairs === 1 ? 's' : ''} ` +
              `${p.persons} person${p.persons === 1 ? '' : 's'} (whether some of them are in truth one person)`,
        'Nothing to decide',
      ),
  }),
  /** The `decides` column: what a row's decision changes. */
  decides: message({
    id: (what: 'recipient' | 'person') => (what === 'recipient' ? 'apakah pengunjung buku tamu terhitung penerima' : 'apakah dua data satu orang'),
    en: (what) => (what === 'recipient' ? 'whether a walk-in visitor counts as a recipient' : 'whether two records are one person'),
  }),
  /** The name of the workbook's second sheet, which holds the summary. */
  summarySheet: message({ id: 'Ringkasan', en: 'summary' }),
  /** The name of the workbook's first sheet, the pairs to decide. */
  pairsSheet: message({ id: 'Periksa', en: 'review' }),
  stored: message({
    id: (p: { same: string; different: string; undecided: string | null }) =>
      `Disimpan ${p.same} keputusan "orang yang sama" dan ${p.different} keputusan "orang berbeda"${p.undecided === null ? '.' : `; ${p.undecided} baris belum diputuskan.`}`,
    en: (p) => `Stored ${p.same} "same person" and ${p.different} "different people" decisions${p.undecided === null ? '.' : `; ${counted(p.undecided, 'row')} ${p.undecided === '1' ? 'is' : 'are'} still undecided.`}`,
  }),
  /** The header row of the review file, in the order of REVIEW_COLUMNS. */
  columns: message({
    id: ['Jenis', 'Peluang', 'Menentukan', 'Alasan', 'Berkas 1', 'Baris 1', 'Sumber 1', 'NIK 1', 'Nama 1', 'Gelombang 1', 'Berkas 2', 'Baris 2', 'Sumber 2', 'NIK 2', 'Nama 2', 'Gelombang 2', 'Keputusan (Y/N)'],
    en: ['kind', 'probability', 'decides', 'why', 'file_l', 'line_l', 'source_l', 'nik_l', 'name_l', 'wave_l', 'file_r', 'line_r', 'source_r', 'nik_r', 'name_r', 'wave_r', 'decision'],
  }),
  kind: message({
    id: (kind: 'possible' | 'conflict') => (kind === 'conflict' ? 'konflik' : 'mungkin sama'),
    en: (kind) => kind,
  }),
  missingColumns: message({
    id: (columns: string) => `tidak punya kolom ${columns}. Pakai berkas yang ditulis \`prakerja review export\`, lengkap dengan baris judul kolomnya.`,
    en: (columns) => `has no ${columns} column. Use the file \`prakerja review export\` wrote, with its header row.`,
  }),
  badDecision: message({
    id: (p: { line: number; value: string }) =>
      `baris ${p.line}: keputusan ${p.value} bukan Y atau N (Y = orang yang sama, N = orang berbeda; biarkan kosong untuk diputuskan nanti)`,
    en: (p) => `line ${p.line}: decision ${p.value} is not Y or N (Y = same person, N = different people; leave empty to decide later)`,
  }),
  rowProblem: message({ id: (p: { line: number; problem: string }) => `baris ${p.line}: ${p.problem}`, en: (p) => `line ${p.line}: ${p.problem}` }),
  notANumber: message({
    id: (value: string) => `nomor baris ${value} bukan angka; jangan ubah kolom berkas dan baris`,
    en: (value) => `line number ${value} is not a number; do not edit the file and line columns`,
  }),
  noRecord: message({
    id: (p: { file: string; line: number }) => `tidak ada data dari ${p.file} di baris ${p.line} dalam database (berkasnya sudah dihapus?)`,
    en: (p) => `no record from ${p.file} at line ${p.line} in the database (was the file removed?)`,
  }),
  importedTwice: message({
    id: (p: { file: string; line: number }) => `${p.file} diimpor lebih dari sekali dengan isi berbeda; tidak bisa diketahui baris ${p.line} yang mana`,
    en: (p) => `${p.file} was imported more than once with different content; cannot tell which line ${p.line} is meant`,
  }),
  unusable: message({
    id: (p: { count: number; problems: string }) => `${p.count} baris tidak bisa dipakai; tidak ada yang disimpan. Perbaiki lalu jalankan lagi:\n  ${p.problems}`,
    en: (p) =>
      `${counted(p.count, 'row')} cannot be used; nothing was stored. Fix ${p.count === 1 ? 'it' : 'them'} and run again:\n  ${p.problems}`,
  }),
  /** `review apply` of a file none of whose records is in the database: exported from another one. */
  otherDatabase: message({
    id: (p: { records: number; db: string }) =>
      `tidak satu pun dari ${p.records} data yang disebut berkas ini ada di database ini (${p.db}): apakah berkas ini diekspor dari database lain (tunjuk database itu dengan --db atau PRAKERJA_DB), atau berkas-berkasnya sudah dihapus? Tidak ada yang disimpan.`,
    en: (p) =>
      `none of the ${p.records} records this file names is in this database (${p.db}): was the file exported from another database (give that one with --db or PRAKERJA_DB), or were its files purged since? Nothing was stored.`,
  }),
};

/** Clauses joined by "; " into one sentence, or `none` when there are none. */
function sentence(first: string | null, second: string | null, none: string): string {
  const parts = [first, second].filter((x) => x !== null);
  const text = parts.length === 0 ? none : parts.join('; ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

export const exportText = {
  description: message({ id: 'tulis data yang tersimpan sebagai CSV', en: 'write stored data as CSV' }),
  recordsDescription: message({
    id: 'satu baris per data beserta orangnya (berkas, baris, sumber, id orang, cara cocok, skor, NIK disamarkan, nama, …)',
    en: 'one row per record with its person (file, line, source, person_id, match, score, masked NIK, name, …)',
  }),
  optOut: message({
    id: 'tulis ke berkas .csv ini (UTF-8 dengan BOM, hanya bisa dibaca pemiliknya), bukan ke layar',
    en: 'write to this .csv file (UTF-8 with BOM, owner-only) instead of standard output',
  }),
  optShowNik: message({ id: 'tulis NIK lengkap', en: 'write NIKs in full' }),
  badOutName: message({
    id: (file: string) => `--out ${file}: ekspor data ditulis sebagai CSV; beri nama berkas berakhiran .csv (misalnya orang.csv).`,
    en: (file) => `--out ${file}: the records export is written as CSV; give a file name ending in .csv (e.g. orang.csv).`,
  }),
  machineNote: message({
    id: '(judul kolom dan nilai berkode berbahasa Indonesia: pusat, NIK sama, perempuan, …; untuk skrip, --lang en menulis nama kolom mesin dan kode yang tetap: `file,line,source,person_id,…`; `central`, `exact_nik`, `F`, …)',
    en: '(the English headers and coded values are the stable machine names and codes: `file,line,source,person_id,…`; `central`, `exact_nik`, `F`, …)',
  }),
  wrote: message({ id: (p: { rows: string; file: string }) => `${p.rows} data ditulis ke ${p.file}.`, en: (p) => `Wrote ${p.rows} records to ${p.file}.` }),
  /**
   * The header of one `export records` column, by its machine name (commands/export.ts RECORD_COLUMNS): a
   * column without a header here does not compile. In English the header is the machine name itself.
   */
  column: message({ id: (name: ExportColumnName) => EXPORT_COLUMNS_ID[name], en: (name) => name }),
  /** A sex from the NIK in the export: words in Indonesian, the codes `M`/`F` in English. */
  sexWord: message({ id: (sex: 'M' | 'F') => (sex === 'F' ? 'perempuan' : 'laki-laki'), en: (sex) => sex }),
};


/** The Indonesian header of each column of `export records`, keyed by the column's machine name. */
const EXPORT_COLUMNS_ID = {
  file: 'Berkas',
  line: 'Baris',
  source: 'Sumber',
  person_id: 'ID orang',
  match: 'Cara cocok',
  score: 'Skor',
  nik: 'NIK',
  nik_status: 'Status NIK',
  name: 'Nama',
  wave: 'Gelombang',
  status: 'Status',
  visit_date: 'Tanggal kunjungan',
  region: 'Kode wilayah',
  birth_date: 'Tanggal lahir',
  sex: 'Jenis kelamin',
  sheet: 'Sheet',
} as const;
export type ExportColumnName = keyof typeof EXPORT_COLUMNS_ID;
