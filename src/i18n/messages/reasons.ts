/**
 * The machine codes of why a row was skipped or rejected, or why a NIK is flagged, and of where a record
 * comes from, in words. `--json` and the English output keep the codes (`excel_number`, `walkin`), which the
 * README documents; Indonesian gives words.
 */
import { message } from '../lang.js';

const ID: Record<string, string> = {
  // skipped rows
  blank: 'kosong',
  footer: 'baris jumlah',
  title: 'judul',
  signature: 'tanda tangan',
  continuation: 'lanjutan sel',
  // rejected rows
  unparseable: 'tidak terbaca',
  unclosed_quote: 'tanda kutip tak tertutup',
  above_header: 'data di atas judul kolom',
  field_count: 'jumlah kolom salah',
  missing_name: 'tanpa nama',
  // imported with a problem
  date_unreadable: 'tanggal tak terbaca',
  too_long: 'terlalu panjang',
  // NIK problems
  missing: 'NIK kosong',
  non_digit: 'bukan angka',
  wrong_length: 'bukan 16 digit',
  unknown_region: 'kode wilayah tidak dikenal',
  impossible_date: 'tanggal lahir mustahil',
  serial_zero: 'nomor urut 0000',
  scientific_notation: 'notasi ilmiah Excel',
  excel_number: 'angka Excel (15 digit)',
  excel_rounded: 'dibulatkan Excel',
};

const SOURCE_ID = { central: 'pusat', province: 'provinsi', walkin: 'buku tamu' } as const;

export const reasons = {
  /** A source (`--source`): `walkin` → `buku tamu` in Indonesian, as status, explain, purge and the export show it. */
  source: message({ id: (source: keyof typeof SOURCE_ID) => SOURCE_ID[source], en: (source) => source }),
  /** `excel_number` → `angka Excel (15 digit)` in Indonesian; the code itself in English. */
  word: message({ id: (code: string) => ID[code] ?? code, en: (code) => code }),
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
