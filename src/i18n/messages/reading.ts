/** Reading an input file: what ingest says when a file cannot be opened or has no usable header. */
import { message } from '../lang.js';

export const reading = {
  empty: message({
    id: 'berkas kosong. Ekspor lagi daftarnya dari Excel atau portal provinsi.',
    en: 'the file is empty. Export the list again from Excel or the province portal.',
  }),
  oldXls: message({
    id: 'ini workbook Excel 97-2003 lama (.xls). Buka di Excel atau LibreOffice lalu simpan sebagai .xlsx atau CSV.',
    en: 'this is an old Excel 97-2003 workbook (.xls). Open it in Excel or LibreOffice and save it as .xlsx or CSV.',
  }),
  pdf: message({
    id: 'ini berkas PDF, yang barisnya tidak bisa dibaca prakerja. Mintalah daftarnya dalam bentuk Excel (.xlsx) atau CSV, atau ekspor dari program pembuat PDF itu.',
    en: 'this is a PDF, which prakerja cannot read rows from. Ask for the list as an Excel file (.xlsx) or CSV, or export it from the program that made the PDF.',
  }),
  ods: message({
    id: 'ini workbook LibreOffice (OpenDocument .ods). Buka di LibreOffice lalu simpan sebagai Excel 2007-365 (.xlsx) atau CSV.',
    en: 'this is a LibreOffice (OpenDocument .ods) workbook. Open it in LibreOffice and save it as Excel 2007-365 (.xlsx) or CSV.',
  }),
  // Said of a file or a folder (an import's inbox): either may be what was mistyped.
  noSuchFile: message({ id: 'tidak ada berkas atau folder dengan nama itu. Periksa nama dan letaknya.', en: 'no such file or folder. Check the name and where it is.' }),
  isFolder: message({ id: 'ini folder, bukan berkas.', en: 'is a folder, not a file.' }),
  denied: message({ id: 'tidak ada izin membaca. Periksa siapa pemilik berkas ini.', en: 'permission denied. Check who owns the file.' }),
  cannotOpen: message({ id: (code: string) => `berkas tidak bisa dibuka (${code}).`, en: (code) => `cannot open the file (${code}).` }),
  cannotRead: message({ id: (detail: string) => `berkas tidak bisa dibaca (${detail}).`, en: (detail) => `cannot read the file (${detail}).` }),
  badDelimiter: message({
    id: (value: string) => `--delimiter ${value}: beri satu karakter, misalnya --delimiter ";" atau --delimiter tab.`,
    en: (value) => `--delimiter ${value}: give one character, e.g. --delimiter ";" or --delimiter tab.`,
  }),
  unknownEncoding: message({
    id: (value: string) => `encoding ${value} tidak dikenal. Coba --encoding utf8, windows-1252 atau utf16le.`,
    en: (value) => `unknown encoding ${value}. Try --encoding utf8, windows-1252 or utf16le.`,
  }),
  notCsv: message({
    id: (detail: string) => `berkas tidak bisa dibaca sebagai CSV: ${detail}. Simpan dari Excel sebagai "CSV UTF-8".`,
    en: (detail) => `cannot read it as CSV: ${detail}. Save it from Excel as "CSV UTF-8".`,
  }),
  binary: message({
    id: 'ini tidak tampak seperti berkas CSV atau XLSX (isinya data biner). Ekspor daftarnya dari Excel sebagai CSV atau .xlsx.',
    en: 'this does not look like a CSV or XLSX file (it holds binary data). Export the list from Excel as CSV or .xlsx.',
  }),
  csvHow: message({ id: (p: { encoding: string; delimiter: string }) => `${p.encoding}, pemisah ${p.delimiter}`, en: (p) => `${p.encoding}, delimiter ${p.delimiter}` }),
  sheetHow: message({ id: (sheet: string) => `sheet ${sheet}`, en: (sheet) => `sheet ${sheet}` }),
  noHeader: message({
    id: (p: { missing: 'both' | 'nik' | 'name'; rows: number; how: string; line: number | null; headers: string }) =>
      `${p.missing === 'both' ? 'tidak ada kolom NIK dan nama' : p.missing === 'nik' ? 'tidak ada kolom NIK' : 'tidak ada kolom nama'} di ${p.rows} baris pertama (${p.how}; ${
        p.line === null ? 'semua baris kosong' : `judul kolom yang paling mungkin, baris ${p.line}, berisi: ${p.headers}`
      }). Tunjuk kolomnya dengan --map, misalnya --map "No Identitas=nik" --map "Nama Peserta=name".`,
    en: (p) =>
      `${p.missing === 'both' ? 'no NIK and name columns' : p.missing === 'nik' ? 'no NIK column' : 'no name column'} found in the first ${p.rows} rows (${p.how}; ${
        p.line === null ? 'every row is empty' : `the likeliest header, line ${p.line}, has: ${p.headers}`
      }). Name the columns with --map, e.g. --map "No Identitas=nik" --map "Nama Peserta=name".`,
  }),
  workbookCut: message({
    id: 'workbook rusak: datanya berhenti di tengah sheet. Buka di Excel lalu simpan lagi.',
    en: 'the workbook is damaged: its data ends in the middle of a sheet. Open it in Excel and save it again.',
  }),
  noSheets: message({
    id: 'workbook tidak punya sheet yang bisa dibaca. Buka di Excel lalu simpan lagi sebagai .xlsx.',
    en: 'the workbook has no sheets that can be read. Open it in Excel and save it again as .xlsx.',
  }),
  hidden: message({ id: '(tersembunyi)', en: '(hidden)' }),
  noSuchSheet: message({
    id: (p: { wanted: string; list: string }) => `tidak ada sheet ${p.wanted} di workbook ini; sheet yang ada: ${p.list}. Pilih dengan --sheet NAMA atau --sheet N.`,
    en: (p) => `no sheet ${p.wanted} in this workbook; it has: ${p.list}. Choose one with --sheet NAME or --sheet N.`,
  }),
  /** The zip reader found no whole archive (yauzl: "end of central directory record signature not found" …). */
  workbookNotWhole: message({
    id: 'ini bukan workbook .xlsx yang utuh: terpotong (belum selesai diunduh atau disalin?) atau memang bukan berkas Excel. Salin atau unduh lagi, atau buka di Excel atau LibreOffice lalu simpan lagi sebagai .xlsx.',
    en: 'this is not a whole .xlsx workbook: it is cut short (not fully downloaded or copied?) or not an Excel file at all. Copy or download it again, or open it in Excel or LibreOffice and save it again as .xlsx.',
  }),
  /** zlib could not inflate a part ("invalid distance too far back" …), or a part's size is not what the zip says. */
  workbookDamaged: message({
    id: 'workbook ini rusak: data terkemasnya tidak bisa dibuka. Salin atau unduh lagi, atau buka di Excel atau LibreOffice lalu simpan lagi sebagai .xlsx (atau simpan sheet-nya sebagai CSV).',
    en: 'this workbook is damaged: its packed data cannot be unpacked. Copy or download it again, or open it in Excel or LibreOffice and save it again as .xlsx (or save the sheet as CSV).',
  }),
  /** A part the workbook names (a sheet, the shared strings) is not in the zip. */
  workbookNoPart: message({
    id: (part: string) => `workbook ini tidak lengkap: bagian ${part} tidak ada. Buka di Excel atau LibreOffice lalu simpan lagi sebagai .xlsx, atau simpan sheet-nya sebagai CSV.`,
    en: (part) => `this workbook is incomplete: it has no part ${part}. Open it in Excel or LibreOffice and save it again as .xlsx, or save the sheet as CSV.`,
  }),
  badWorkbook: message({
    id: (detail: string) => `workbook ini tidak bisa dibaca (${detail}). Buka di Excel atau LibreOffice lalu simpan lagi sebagai .xlsx, atau simpan sheet-nya sebagai CSV.`,
    en: (detail) => `cannot read this workbook (${detail}). Open it in Excel or LibreOffice and save it again as .xlsx, or save the sheet as CSV.`,
  }),
};
