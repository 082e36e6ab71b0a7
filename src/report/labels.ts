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
  files: 'Berkas',
  rows: 'Baris data (semua berkas)',
  repeated_rows: 'Baris dari berkas ulang',
  recipients: 'Penerima',
  residents: 'Warga wilayah',
  revoked: 'Dicabut',
  duplicate_rows: 'Baris ganda dalam berkas',
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
  uncertain: 'Tidak dapat dipastikan',
  visits_without_nik: 'Kunjungan tanpa NIK valid',
  no_date: '(tanpa tanggal)',
  until: 's.d.',
  // detail list
  last_visit: 'Kunjungan terakhir',
  name: 'Nama',
  nik: 'NIK',
  nik_status: 'Status NIK',
  phone: 'No. HP',
  source: 'Sumber (berkas:baris)',
  standing: 'Keterangan',
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
  coverage: 'Cakupan',
  notes: 'Catatan',
  office: 'Wilayah kantor',
  office_unset: 'belum diatur (jalankan `prakerja init --region KODE`)',
  wave_word: 'Gelombang',
  note_persons:
    'Penerima = orang berbeda dalam daftar pusat gelombang itu, dari semua berkasnya (baris yang sama-sama milik satu orang dihitung sekali).',
  note_rows:
    'Baris data = baris semua berkas gelombang itu; baris ganda dalam berkas = baris lebih dari satu per orang dalam satu berkas; baris dari berkas ulang = baris orang yang sudah terhitung dari berkas lain gelombang yang sama (daftar yang dikirim lagi). Baris data = penerima + baris ganda + baris berkas ulang.',
  note_no_status: (waves: string) => `Dicabut tidak diketahui (kosong) untuk gelombang ${waves}: daftarnya tidak punya kolom status.`,
  note_part_status: (wave: number, n: number) =>
    `Gelombang ${wave}: ${n} penerima hanya ada di berkas tanpa kolom status; angka Dicabut tidak mencakup mereka.`,
  note_assisted_persons: (n: number) =>
    `Dibantu di loket, tiap orang sekali: ${n} orang berbeda di gelombang yang ditampilkan (baris Jumlah menghitung orang yang ada di dua gelombang dua kali).`,
  note_monthly_distinct: (d: { persons: number; recipients: number; not_yet: number; uncertain: number }) =>
    `Tiap orang sekali untuk seluruh periode: ${d.persons} orang, ${d.recipients} sudah penerima, ${d.not_yet} belum penerima, ${d.uncertain} tidak dapat dipastikan (baris Jumlah menjumlahkan bulan).`,
  note_residents: 'Warga wilayah = penerima yang NIK-nya diterbitkan di wilayah kantor (kode wilayah NIK).',
  note_assisted: 'Dibantu di loket = penerima yang juga tercatat di buku tamu loket; persentase dari penerima gelombang itu.',
  note_age: (how: string) => `Umur dihitung dari tanggal lahir pada NIK, pada tanggal acuan: ${how}.`,
  age_year_end: (waves: string) => `31 Desember tahun gelombang itu berjalan (gelombang ${waves})`,
  age_first_import: (waves: string) => `tanggal daftarnya pertama kali diimpor (gelombang ${waves}: tahunnya tidak diketahui; pakai --age-at)`,
  age_fixed: (d: string) => `${d} untuk semua gelombang (--age-at)`,
  note_total: 'Baris Jumlah menjumlahkan baris gelombang: orang yang menerima di dua gelombang dihitung dua kali.',
  note_nik:
    'NIK tidak valid termasuk NIK kosong; NIK rusak = rusak oleh Excel atau salah ketik (ditandai, tidak diperbaiki); NIK tidak valid dan NIK rusak menghitung baris semua berkas. NIK konflik = NIK berbeda yang tercatat dengan nama yang tidak cocok (prakerja review menghitung pasangan baris, jadi satu NIK bisa menjadi beberapa konflik di sana).',
  note_monthly:
    'Sudah penerima = pengunjung yang tercatat di daftar pusat atau provinsi gelombang mana pun; belum penerima = pengunjung yang identitasnya diketahui (NIK valid) tetapi tidak ada di daftar mana pun; tidak dapat dipastikan = pengunjung tanpa NIK valid yang tidak cocok dengan siapa pun di daftar.',
  standing_not_yet: 'belum penerima',
  standing_uncertain: 'tidak dapat dipastikan (tanpa NIK valid)',
  note_detail: 'Daftar ini berisi data pribadi (UU 27/2022): simpan dan bagikan seperlunya.',
  all_waves: 'Semua gelombang',
  note_province_only: (waves: readonly { wave: number; persons: number }[]) =>
    `Daftar provinsi memuat orang yang tidak ada di daftar pusat gelombang yang sama: ${waves.map((w) => `gelombang ${w.wave}: ${w.persons} orang`).join(', ')}. Tabel ini menghitung daftar pusat saja, jadi mereka tidak termasuk di sini; rekap bulanan menghitung mereka sebagai penerima.`,
  empty_no_central: 'Belum ada daftar pusat yang diimpor; rekap ini dihitung dari daftar pusat: impor dengan --source central.',
  empty_waves_not_listed: (asked: string, held: string) => `Gelombang ${asked} tidak ada di daftar pusat yang diimpor; yang ada: gelombang ${held}.`,
  empty_no_walkin: 'Belum ada buku tamu yang diimpor: impor dengan --source walkin.',
  empty_month: (month: string, held: string) => `Tidak ada kunjungan pada ${month}; buku tamu memuat kunjungan ${held}.`,
  empty_month_undated: (month: string) => `Tidak ada kunjungan pada ${month}; kunjungan di buku tamu tidak bertanggal.`,
  empty_province_only: (waves: readonly { wave: number; persons: number }[]) =>
    `Belum ada daftar pusat untuk gelombang yang dipilih; rekap ini dihitung dari daftar pusat. Daftar provinsi memuat ${waves.map((w) => `gelombang ${w.wave}: ${w.persons} orang`).join(', ')}: impor daftar pusatnya dengan --source central, atau lihat rekap bulanan.`,
  note_area_province_only: (n: number) =>
    `${n} orang di wilayah ini hanya ada di daftar provinsi (tidak di daftar pusat gelombang yang sama) dan tidak termasuk di tabel ini, yang menghitung daftar pusat saja.`,
  note_area_no_status: 'Dicabut kosong = tidak diketahui: daftar yang dipakai untuk wilayah itu tidak punya kolom status.',
  note_area: 'Penerima dikelompokkan menurut kode wilayah pada NIK (tempat NIK diterbitkan).',
  note_area_assisted:
    'Dibantu di loket = penerima yang juga tercatat di buku tamu loket; persentase dari penerima wilayah itu. Tiap orang dihitung sekali, walaupun menerima di dua gelombang (maka jumlahnya bisa lebih kecil dari Warga wilayah di rekap gelombang).',
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
  files: 'Files',
  rows: 'Rows (all files)',
  repeated_rows: 'Rows from files sent again',
  recipients: 'Recipients',
  residents: 'Residents',
  revoked: 'Revoked',
  duplicate_rows: 'Duplicate rows within a file',
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
  uncertain: 'Cannot be determined',
  visits_without_nik: 'Visits without valid NIK',
  no_date: '(no date)',
  until: 'to',
  last_visit: 'Last visit',
  name: 'Name',
  nik: 'NIK',
  nik_status: 'NIK status',
  phone: 'Phone',
  source: 'Source (file:line)',
  standing: 'Standing',
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
  coverage: 'Covers',
  notes: 'Notes',
  office: 'Office region',
  office_unset: 'not set (run `prakerja init --region CODE`)',
  wave_word: 'Wave',
  note_persons:
    'Recipients = distinct persons in the wave\'s central list, over all its files (rows of one person count once).',
  note_rows:
    'Rows = the rows of all the wave\'s files; duplicate rows within a file = rows beyond one per person in one file; rows from files sent again = rows of persons already counted from another file of the same wave. Rows = recipients + duplicate rows + rows from files sent again.',
  note_no_status: (waves: string) => `Revoked is unknown (empty) for wave ${waves}: its list has no status column.`,
  note_part_status: (wave: number, n: number) =>
    `Wave ${wave}: ${n} recipients are only in files without a status column; the revoked count does not cover them.`,
  note_assisted_persons: (n: number) =>
    `Assisted at the desk, each person once: ${n} different persons over the waves shown (the total row counts a person in two waves twice).`,
  note_monthly_distinct: (d: { persons: number; recipients: number; not_yet: number; uncertain: number }) =>
    `Each person once over the whole period: ${d.persons} persons, ${d.recipients} recipients, ${d.not_yet} not (yet) recipients, ${d.uncertain} cannot be determined (the total row adds up months).`,
  note_residents: 'Residents = recipients whose NIK was issued in the office\'s region (the NIK\'s region code).',
  note_assisted: 'Assisted at desk = recipients who are also in the walk-in guest book; the share is of the wave\'s recipients.',
  note_age: (how: string) => `Age is computed from the birth date in the NIK, at the reference date: ${how}.`,
  age_year_end: (waves: string) => `31 December of the year the wave ran (wave ${waves})`,
  age_first_import: (waves: string) => `the day its list was first imported (wave ${waves}: its year is not known; use --age-at)`,
  age_fixed: (d: string) => `${d} for every wave (--age-at)`,
  note_total: 'The total row adds up the wave rows: a person who received the card in two waves counts twice.',
  note_nik:
    'Invalid NIKs include missing ones; damaged NIKs were mangled by Excel or mistyped (flagged, never repaired); both count the rows of all files. NIK conflicts = distinct NIKs listed under incompatible names (prakerja review counts pairs of rows, so one NIK can be several conflicts there).',
  note_monthly:
    'Recipients = visitors found in the central or provincial list of any wave; not (yet) recipients = visitors whose identity is known (a valid NIK) but who are on no list; cannot be determined = visitors without a valid NIK who matched nobody on the lists.',
  standing_not_yet: 'not (yet) a recipient',
  standing_uncertain: 'cannot be determined (no valid NIK)',
  note_detail: 'This list holds personal data (UU 27/2022): keep and share it only as needed.',
  all_waves: 'All waves',
  note_province_only: (waves: readonly { wave: number; persons: number }[]) =>
    `Provincial lists hold persons the central list of the same wave does not: ${waves.map((w) => `wave ${w.wave}: ${w.persons} ${w.persons === 1 ? 'person' : 'persons'}`).join(', ')}. This table counts the central lists only, so they are not in it; the monthly recap counts them as recipients.`,
  empty_no_central: 'No central list has been imported yet; this recap counts the central lists: import one with --source central.',
  empty_waves_not_listed: (asked, held) => {
    const many = (text: string) => /[,-]/.test(text);
    return `${many(asked) ? `Waves ${asked} are` : `Wave ${asked} is`} in no imported central list; the lists hold ${many(held) ? 'waves' : 'wave'} ${held}.`;
  },
  empty_no_walkin: 'No guest book has been imported yet: import one with --source walkin.',
  empty_month: (month, held) => `No visits in ${month}; the guest book holds visits of ${held}.`,
  empty_month_undated: (month) => `No visits in ${month}; the visits in the guest book have no date.`,
  empty_province_only: (waves: readonly { wave: number; persons: number }[]) =>
    `No central list of the waves chosen yet; this recap counts the central lists. Provincial lists hold ${waves.map((w) => `wave ${w.wave}: ${w.persons} ${w.persons === 1 ? 'person' : 'persons'}`).join(', ')}: import the central list with --source central, or see the monthly recap.`,
  note_area_province_only: (n: number) =>
    `${n} ${n === 1 ? 'person' : 'persons'} of this region ${n === 1 ? 'is' : 'are'} only on a provincial list (not on the central list of the same wave) and not in this table, which counts the central lists only.`,
  note_area_no_status: 'An empty revoked cell is unknown: the lists behind that area have no status column.',
  note_area: 'Recipients are grouped by the region code in their NIK (where the NIK was issued).',
  note_area_assisted:
    "Assisted at desk = recipients who are also in the walk-in guest book; the share is of the area's recipients. Each person counts once, even one who received the card in two waves (so the total can be below the wave recap's residents).",
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
