/**
 * The machine codes of why a row was skipped or rejected, or why a NIK is flagged, and of where a record
 * comes from, in words. `--json` keeps the codes (`excel_number`, `missing_name`), which the README documents;
 * a person reads words in either language: a source is a `guest book` (*buku tamu*) on screen, while the
 * export files keep the short word (`buku tamu`) in Indonesian and the code (`walkin`) in English.
 */
import { message } from '../lang.js';

/** Short words for a table cell or a count (`excel_number 6` → `angka Excel (15 digit) 6`), by code. */
const WORDS: Record<string, { id: string; en: string }> = {
  // skipped rows
  blank: { id: 'kosong', en: 'blank' },
  footer: { id: 'baris jumlah', en: 'totals row' },
  title: { id: 'judul', en: 'title' },
  signature: { id: 'tanda tangan', en: 'signature' },
  continuation: { id: 'lanjutan sel', en: 'line break in a cell' },
  // rejected rows
  unparseable: { id: 'tidak terbaca', en: 'unreadable row' },
  unclosed_quote: { id: 'tanda kutip tak tertutup', en: 'unclosed quote' },
  above_header: { id: 'data di atas judul kolom', en: 'data above the header' },
  field_count: { id: 'jumlah kolom salah', en: 'wrong number of columns' },
  missing_name: { id: 'tanpa nama', en: 'no name' },
  // imported with a problem
  date_unreadable: { id: 'tanggal tak terbaca', en: 'unreadable date' },
  too_long: { id: 'terlalu panjang', en: 'too long' },
  // NIK problems
  missing: { id: 'NIK kosong', en: 'no NIK' },
  non_digit: { id: 'bukan angka', en: 'not digits' },
  wrong_length: { id: 'bukan 16 digit', en: 'not 16 digits' },
  unknown_region: { id: 'kode wilayah tidak dikenal', en: 'unknown region code' },
  impossible_date: { id: 'tanggal lahir mustahil', en: 'impossible birth date' },
  serial_zero: { id: 'nomor urut 0000', en: 'serial number 0000' },
  scientific_notation: { id: 'notasi ilmiah Excel', en: 'Excel scientific notation' },
  excel_number: { id: 'angka Excel (15 digit)', en: 'Excel number (15 digits)' },
  excel_rounded: { id: 'dibulatkan Excel', en: 'rounded by Excel' },
  // a NIK's state, where no reason is stored
  invalid: { id: 'NIK tidak valid', en: 'invalid NIK' },
  damaged: { id: 'NIK rusak', en: 'damaged NIK' },
};

const SOURCE_ID = { central: 'pusat', province: 'provinsi', walkin: 'buku tamu' } as const;
/** A source as a person reads it on screen (status, explain, purge, import), as the office names the file. */
const SOURCE_NAME = {
  id: { central: 'daftar pusat', province: 'rekap provinsi', walkin: 'buku tamu' },
  en: { central: 'central list', province: 'provincial list', walkin: 'guest book' },
} as const;
const SOURCE_CHOICES = {
  id: 'pusat (atau central), provinsi (atau province), buku tamu (atau bukutamu, walkin)',
  en: 'central (pusat), province (provinsi) or walkin (buku tamu, bukutamu)',
};

export const reasons = {
  /**
   * A source in a file's cell (the records export, the review file): `walkin` → `buku tamu` in Indonesian, the
   * code in English, which the accuracy tools and scripts read.
   */
  source: message({ id: (source: keyof typeof SOURCE_ID) => SOURCE_ID[source], en: (source) => source }),
  /** A source on screen: `walkin` → `buku tamu`, `guest book`; `central` → `daftar pusat`, `central list`. */
  sourceName: message({ id: (source: keyof typeof SOURCE_ID) => SOURCE_NAME.id[source], en: (source) => SOURCE_NAME.en[source] }),
  /** The same with its article, for a sentence: `a central list`, `a guest book` (Indonesian has none). */
  aSourceName: message({ id: (source: keyof typeof SOURCE_ID) => SOURCE_NAME.id[source], en: (source) => `a ${SOURCE_NAME.en[source]}` }),
  /** A `--source` value that names no source (import, purge): the accepted words, as commands/source-word.ts takes them. */
  badSource: message({
    id: (value: string) => `--source ${value}: asal itu tidak dikenal. Pilih ${SOURCE_CHOICES.id}.`,
    en: (value) => `--source ${value}: not a source. Give ${SOURCE_CHOICES.en}.`,
  }),
  /** The words `--source` takes, for the help of import and purge. */
  sourceChoices: message({ id: SOURCE_CHOICES.id, en: SOURCE_CHOICES.en }),
  /** `excel_number` → `angka Excel (15 digit)`, `Excel number (15 digits)`; an unknown code as it is. */
  word: message({ id: (code: string) => WORDS[code]?.id ?? code, en: (code) => WORDS[code]?.en ?? code }),
  nikMissing: message({ id: 'NIK kosong', en: 'the NIK is empty' }),
  nikNonDigit: message({ id: 'NIK berisi karakter selain angka', en: 'the NIK contains characters other than digits' }),
  nikWrongLength: message({ id: 'NIK tidak 16 digit', en: 'the NIK does not have 16 digits' }),
  nikUnknownRegion: message({ id: 'kode wilayah di awal NIK tidak ada', en: 'the region code at the start of the NIK does not exist' }),
  nikImpossibleDate: message({ id: 'tanggal lahir dalam NIK mustahil', en: 'the birth date in the NIK is impossible' }),
  nikSerialZero: message({ id: 'nomor urut di akhir NIK 0000', en: 'the serial number at the end of the NIK is 0000' }),
  nikScientific: message({
    id: 'NIK berubah menjadi notasi ilmiah (seperti 3.27512E+15) dan kehilangan digit',
    en: 'the NIK was turned into scientific notation (like 3.27512E+15) and lost digits',
  }),
  nikExcelNumber: message({
    id: 'NIK disimpan sebagai angka di spreadsheet, yang hanya menyimpan 15 dari 16 digitnya',
    en: 'the NIK was stored as a number in the spreadsheet, which keeps only 15 of its 16 digits',
  }),
  nikExcelRounded: message({
    id: 'kolom NIK dibulatkan oleh spreadsheet, jadi NIK yang berakhir 0 mungkin kehilangan digit terakhirnya',
    en: 'the NIK column was rounded by a spreadsheet, so a NIK ending in 0 may have lost its last digit',
  }),
  nikInvalid: message({ id: 'NIK tidak valid', en: 'the NIK is not valid' }),
};
