/** `prakerja resolve` and the matching summary that import prints after each import. */
import { counted, message } from '../lang.js';

export const resolveText = {
  description: message({
    id: 'cocokkan ulang semua data menjadi orang (import sudah melakukannya sendiri untuk data baru)',
    en: 'match all records into persons again (import does this for new records by itself)',
  }),
  optParts: message({
    id: 'cocokkan per bagian berisi paling banyak sekian data, bagian yang tidak mungkin berbagi orang (hasilnya sama; hemat memori hanya bila komponen terbesar kecil; bawaan: tidak dibagi)',
    en: 'resolve in parts of at most this many records, parts that cannot share a person (the same result; saves memory only when the largest component is small; default: whole)',
  }),
  badParts: message({
    id: (v: string) => `--parts harus bilangan bulat positif (jumlah data per bagian), bukan "${v}". Contoh: --parts 500000`,
    en: (v) => `--parts must be a positive whole number (records per part), not "${v}". For example: --parts 500000`,
  }),
  summary: message({
    id: (p: { resolved: string; mode: 'full' | 'incremental'; records: string; persons: string }) =>
      `Pencocokan ${p.resolved} data (${p.mode === 'full' ? 'menyeluruh' : 'bertahap: data baru atau yang diputuskan dan orang yang dapat bergabung dengannya'}): ${p.records} data adalah ${p.persons} orang.`,
    en: (p) =>
      `Resolved ${p.resolved} record${p.resolved === '1' ? '' : 's'} (${p.mode === 'full' ? 'full' : 'incremental: the new or decided records and the persons they can join'}): ${counted(p.records, 'record')} ${p.records === '1' ? 'is' : 'are'} ${counted(p.persons, 'person')}.`,
  }),
  links: message({
    id: (p: { match: string; possible: string; conflict: string }) =>
      `  tautan yang ditemukan kali ini: ${p.match} cocok, ${p.possible} mungkin sama, ${p.conflict} konflik (NIK sama, nama lain)`,
    en: (p) => `  links found in this run: ${p.match} matched, ${p.possible} possible, ${counted(p.conflict, 'conflict')} (same NIK, other name)`,
  }),
  purposesRelearnt: message({
    id: (p: { walkin: string; rematched: string }) =>
      `  tujuan kunjungan dipelajari ulang dari ${p.walkin} data buku tamu (buku tamu bertambah); ${p.rematched} kunjungan sebelumnya dicocokkan ulang dengan bobot barunya`,
    en: (p) => `  visit purposes relearnt from ${p.walkin} guest-book records (the guest book grew); ${p.rematched} earlier visits matched again under their new weights`,
  }),
  reviewState: message({
    id: (p: { possible: string; conflicts: string }) => `  perlu diperiksa: ${p.possible} kemungkinan sama, ${p.conflicts} konflik`,
    en: (p) => `  to review: ${counted(p.possible, 'possible match', 'possible matches')}, ${counted(p.conflicts, 'conflict')}`,
  }),
  walkinRecipients: message({
    id: (n: string) => `  pengunjung loket yang ada di daftar pusat atau provinsi: ${n} orang (masing-masing sekali)`,
    en: (n) => `  walk-in visitors found in the central or provincial lists: ${counted(n, 'person')} (each once)`,
  }),
  duplicatePersons: message({
    id: (n: string) => `  orang yang tercantum dua kali dalam satu berkas satu gelombang daftar pusat: ${n}`,
    en: (n) => `  persons listed twice in one file of a wave of the central list: ${n}`,
  }),
  inResentLists: message({
    id: (n: string) => `  orang yang ada di dua berkas satu gelombang (daftar dikirim lagi; dihitung sekali di rekap): ${n}`,
    en: (n) => `  persons found in two files of one wave (a list sent again; counted once in the recaps): ${n}`,
  }),
  toReview: message({
    id: '  untuk memeriksa kemungkinan sama dan konflik: prakerja review export periksa.csv',
    en: '  to check possible matches and conflicts: prakerja review export periksa.csv',
  }),
};
