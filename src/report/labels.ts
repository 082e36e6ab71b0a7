/**
 * Headers, titles and notes of the reports: Indonesian by default (the files go to Indonesian officials),
 * English with `--lang en`.
 */
import type { Lang } from '../i18n/index.js';

export type { Lang };

const ID = {
  // wave recap
  wave: 'Gelombang',
  ref_date: 'Tanggal acuan umur',
  rows: 'Baris data',
  recipients: 'Penerima',
  residents: 'Warga wilayah',
  revoked: 'Dicabut',
  duplicate_rows: 'Baris ganda',
  nik_invalid: 'NIK tidak valid',
  nik_damaged: 'NIK rusak',
  conflicts: 'NIK konflik',
  assisted: 'Dibantu di loket',
  assisted_share: 'Dibantu (%)',
  women: 'Perempuan',
  men: 'Laki-laki',
  age_lt25: 'Umur <25',
  age_25_34: 'Umur 25-34',
  age_35_44: 'Umur 35-44',
  age_45_54: 'Umur 45-54',
  age_55plus: 'Umur 55+',
  age_unknown: 'Umur tidak diketahui',
  // monthly recap
  month: 'Bulan',
  visits: 'Kunjungan',
  persons: 'Orang',
  recipient_persons: 'Sudah penerima',
  recipient_waves: 'Gelombang (orang)',
  not_yet: 'Belum penerima',
  visits_without_nik: 'Kunjungan tanpa NIK valid',
  no_date: '(tanpa tanggal)',
  // detail list
  last_visit: 'Kunjungan terakhir',
  name: 'Nama',
  nik: 'NIK',
  nik_status: 'Status NIK',
  phone: 'No. HP',
  source: 'Sumber (file:baris)',
  // area recap
  code: 'Kode',
  kecamatan: 'Kecamatan',
  kabkota: 'Kab/Kota',
  unknown_area: '(kode tidak dikenal)',
  total: 'Jumlah',
  // titles
  title_waves: 'Rekap Penerima Kartu Prakerja per Gelombang',
  title_monthly: 'Rekap Kunjungan Loket per Bulan',
  title_detail: 'Pengunjung Loket yang Belum Menjadi Penerima',
  title_kecamatan: 'Rekap Penerima per Kecamatan',
  title_kabkota: 'Rekap Penerima per Kab/Kota',
  sheet_waves: 'Per gelombang',
  sheet_monthly: 'Per bulan',
  sheet_detail: 'Belum penerima',
  sheet_area: 'Per wilayah',
  chart_waves: 'Penerima dan persentase yang dibantu per gelombang',
  chart_monthly: 'Kunjungan loket per bulan',
  chart_area: 'Penerima per wilayah',
  page_title: 'Rekap Kartu Prakerja',
  generated: 'Dibuat',
  office: 'Wilayah kantor',
  office_unset: 'belum diatur (jalankan `prakerja init --region KODE`)',
  wave_word: 'Gelombang',
  note_persons:
    'Penerima = orang berbeda dalam daftar pusat gelombang itu (baris yang sama-sama milik satu orang dihitung sekali); baris ganda = baris data dikurangi penerima.',
  note_residents: 'Warga wilayah = penerima yang NIK-nya diterbitkan di wilayah kantor (kode wilayah NIK).',
  note_assisted: 'Dibantu di loket = penerima yang juga tercatat di buku tamu loket; persentase dari penerima gelombang itu.',
  note_age: (how: string) => `Umur dihitung dari tanggal lahir pada NIK, pada tanggal acuan: ${how}.`,
  age_default: 'tanggal daftar gelombang itu pertama kali diimpor',
  age_fixed: (d: string) => `${d} untuk semua gelombang (--age-at)`,
  note_total: 'Baris Jumlah menjumlahkan baris gelombang: orang yang menerima di dua gelombang dihitung dua kali.',
  note_nik: 'NIK tidak valid termasuk NIK kosong; NIK rusak = rusak oleh Excel atau salah ketik (ditandai, tidak diperbaiki).',
  note_monthly:
    'Sudah penerima = pengunjung yang tercatat di daftar pusat gelombang mana pun; pengunjung tanpa NIK yang belum dicocokkan dihitung sebagai belum penerima.',
  note_detail: 'Daftar ini berisi data pribadi (UU 27/2022): simpan dan bagikan seperlunya.',
  note_area: 'Penerima dikelompokkan menurut kode wilayah pada NIK (tempat NIK diterbitkan).',
  dash: '-',
  nik_valid: 'valid',
  nik_invalid_status: 'tidak valid',
  nik_damaged_status: 'rusak',
  nik_missing: 'kosong',
} as const;

type Labels = { [K in keyof typeof ID]: (typeof ID)[K] extends string ? string : (typeof ID)[K] };

const EN: Labels = {
  wave: 'Wave',
  ref_date: 'Age reference date',
  rows: 'Rows',
  recipients: 'Recipients',
  residents: 'Residents',
  revoked: 'Revoked',
  duplicate_rows: 'Duplicate rows',
  nik_invalid: 'Invalid NIKs',
  nik_damaged: 'Damaged NIKs',
  conflicts: 'NIK conflicts',
  assisted: 'Assisted at desk',
  assisted_share: 'Assisted (%)',
  women: 'Women',
  men: 'Men',
  age_lt25: 'Age <25',
  age_25_34: 'Age 25-34',
  age_35_44: 'Age 35-44',
  age_45_54: 'Age 45-54',
  age_55plus: 'Age 55+',
  age_unknown: 'Age unknown',
  month: 'Month',
  visits: 'Visits',
  persons: 'Persons',
  recipient_persons: 'Recipients',
  recipient_waves: 'Waves (persons)',
  not_yet: 'Not (yet) recipients',
  visits_without_nik: 'Visits without valid NIK',
  no_date: '(no date)',
  last_visit: 'Last visit',
  name: 'Name',
  nik: 'NIK',
  nik_status: 'NIK status',
  phone: 'Phone',
  source: 'Source (file:line)',
  code: 'Code',
  kecamatan: 'Kecamatan',
  kabkota: 'Kab/Kota',
  unknown_area: '(unknown code)',
  total: 'Total',
  title_waves: 'Kartu Prakerja recipients per wave',
  title_monthly: 'Walk-in desk visits per month',
  title_detail: 'Desk visitors who are not (yet) recipients',
  title_kecamatan: 'Recipients per kecamatan',
  title_kabkota: 'Recipients per kab/kota',
  sheet_waves: 'Per wave',
  sheet_monthly: 'Per month',
  sheet_detail: 'Not yet recipients',
  sheet_area: 'Per area',
  chart_waves: 'Recipients and assisted share per wave',
  chart_monthly: 'Desk visits per month',
  chart_area: 'Recipients per area',
  page_title: 'Kartu Prakerja recap',
  generated: 'Generated',
  office: 'Office region',
  office_unset: 'not set (run `prakerja init --region CODE`)',
  wave_word: 'Wave',
  note_persons:
    'Recipients = distinct persons in the wave\'s central list (rows of one person count once); duplicate rows = rows minus recipients.',
  note_residents: 'Residents = recipients whose NIK was issued in the office\'s region (the NIK\'s region code).',
  note_assisted: 'Assisted at desk = recipients who are also in the walk-in guest book; the share is of the wave\'s recipients.',
  note_age: (how: string) => `Age is computed from the birth date in the NIK, at the reference date: ${how}.`,
  age_default: 'the day the wave\'s list was first imported',
  age_fixed: (d: string) => `${d} for every wave (--age-at)`,
  note_total: 'The total row adds up the wave rows: a person who received the card in two waves counts twice.',
  note_nik: 'Invalid NIKs include missing ones; damaged NIKs were mangled by Excel or mistyped (flagged, never repaired).',
  note_monthly:
    'Recipients = visitors found in the central list of any wave; visitors without a NIK who have not been matched count as not (yet) recipients.',
  note_detail: 'This list holds personal data (UU 27/2022): keep and share it only as needed.',
  note_area: 'Recipients are grouped by the region code in their NIK (where the NIK was issued).',
  dash: '-',
  nik_valid: 'valid',
  nik_invalid_status: 'invalid',
  nik_damaged_status: 'damaged',
  nik_missing: 'missing',
};

export type LabelSet = Labels;

/** A stored nik_status ('valid', 'invalid', 'damaged', 'missing') in words of the language. */
export function nikStatusLabel(status: string, lang: Lang): string {
  const L = labelsFor(lang);
  const words: Record<string, string> = { valid: L.nik_valid, invalid: L.nik_invalid_status, damaged: L.nik_damaged_status, missing: L.nik_missing };
  return words[status] ?? status;
}

/** The label set of a language. */
export function labelsFor(lang: Lang): LabelSet {
  return lang === 'en' ? EN : ID;
}
