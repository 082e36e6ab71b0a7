/** `prakerja resolve` and the matching summary that import prints after each import. */
import { message } from '../lang.js';

export const resolveText = {
  description: message({
    id: 'cocokkan ulang semua data menjadi orang (import sudah melakukannya sendiri untuk data baru)',
    en: 'match all records into persons again (import does this for new records by itself)',
  }),
  summary: message({
    id: (p: { resolved: string; mode: 'full' | 'incremental'; records: string; persons: string }) =>
      `Pencocokan ${p.resolved} data (${p.mode === 'full' ? 'menyeluruh' : 'bertahap'}): ${p.records} data adalah ${p.persons} orang.`,
    en: (p) => `Resolved ${p.resolved} record${p.resolved === '1' ? '' : 's'} (${p.mode}): ${p.records} records are ${p.persons} persons.`,
  }),
  links: message({
    id: (p: { match: string; possible: string; conflict: string }) =>
      `  tautan: ${p.match} cocok, ${p.possible} mungkin sama, ${p.conflict} konflik (NIK sama, nama lain)`,
    en: (p) => `  links: ${p.match} matched, ${p.possible} possible, ${p.conflict} conflicts (same NIK, other name)`,
  }),
  walkinRecipients: message({
    id: (n: string) => `  pengunjung loket yang ada di daftar penerima: ${n}`,
    en: (n) => `  walk-in visitors found in the recipient lists: ${n}`,
  }),
  duplicatePersons: message({
    id: (n: string) => `  orang yang tercantum dua kali dalam satu gelombang daftar pusat: ${n}`,
    en: (n) => `  persons listed twice in one wave of the central list: ${n}`,
  }),
  toReview: message({
    id: '  untuk memeriksa kemungkinan sama dan konflik: prakerja review export periksa.csv',
    en: '  to check possible matches and conflicts: prakerja review export periksa.csv',
  }),
};
