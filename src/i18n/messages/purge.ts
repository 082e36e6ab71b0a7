/** `prakerja purge`: its help, its table and summary, its usage errors. What a stopped purge left is recovery.ts. */
import { counted, message } from '../lang.js';

export const purgeText = {
  description: message({
    id: 'hapus batch yang diimpor beserta data, baris ditolak dan tautannya, lalu padatkan berkas database (aturan retensi)',
    en: 'delete imported batches with their records, rejects and links, then compact the file (retention rules)',
  }),
  optBatch: message({ id: 'batch ini (lihat `prakerja status`)', en: 'this batch (see `prakerja status`)' }),
  optBefore: message({ id: 'batch yang diimpor sebelum hari ini (tanggal waktu setempat)', en: 'batches imported before this day (local time)' }),
  /** `choices`: the words --source takes (reasons.sourceChoices). */
  optSource: message({ id: (choices: string) => `batch dari asal ini: ${choices}`, en: (choices) => `batches from this source: ${choices}` }),
  optDryRun: message({ id: 'tampilkan apa yang akan dihapus; tidak menghapus apa pun', en: 'list what would be deleted; delete nothing' }),
  combine: message({
    id: 'Syarat-syaratnya digabung: --source bukutamu --before 2025-01-01 menghapus buku tamu yang diimpor sebelum 2025.',
    en: 'The conditions combine: --source walkin --before 2025-01-01 deletes walk-in logs imported before 2025.',
  }),
  noMatch: message({ id: 'Tidak ada batch yang cocok; tidak ada yang dihapus.', en: 'No batch matches; nothing was deleted.' }),
  columns: message({
    id: (importedAt: string) => ['batch', 'sumber', 'berkas', importedAt, 'data', 'ditolak'],
    en: (importedAt) => ['batch', 'source', 'file', importedAt, 'records', 'rejected'],
  }),
  what: message({
    id: (p: { batches: string; records: string; rejects: string; links: string }) => `${p.batches} batch: ${p.records} data, ${p.rejects} baris ditolak, ${p.links} tautan`,
    en: (p) => `${counted(p.batches, 'batch', 'batches')}: ${counted(p.records, 'record')}, ${counted(p.rejects, 'rejected row')}, ${counted(p.links, 'link')}`,
  }),
  dryRun: message({
    id: (what: string) => `Uji coba: akan menghapus ${what}. Tidak ada yang dihapus.`,
    en: (what) => `Dry run: would delete ${what}. Nothing was deleted.`,
  }),
  sizes: message({
    id: (p: { before: string; after: string }) => ` Ukuran berkas dari ${p.before} menjadi ${p.after} byte.`,
    en: (p) => ` The file went from ${p.before} to ${p.after} bytes.`,
  }),
  deletedNotCompacted: message({
    id: (what: string) => `Dihapus ${what}; berkasnya belum dipadatkan (lihat di atas).`,
    en: (what) => `Deleted ${what}; the file is not compacted yet (see above).`,
  }),
  deleted: message({
    id: (p: { what: string; sizes: string }) => `Dihapus ${p.what}, dan database dipadatkan.${p.sizes}`,
    en: (p) => `Deleted ${p.what}, and compacted the database.${p.sizes}`,
  }),
  backups: message({
    id: 'Salinan yang dibuat sebelum pembaruan skema masih berisi data lama; hapus bila aturan retensi mencakupnya:',
    en: 'Copies made before schema upgrades still hold the old data; delete them if the retention rule covers them:',
  }),
  sayWhat: message({
    id: 'sebutkan apa yang dihapus: --batch NOMOR, --before TTTT-BB-HH atau --source pusat|provinsi|bukutamu (boleh digabung). Contoh: prakerja purge --before 2025-01-01 --dry-run',
    en: 'say what to purge: --batch ID, --before YYYY-MM-DD or --source central|province|walkin (they combine). Example: prakerja purge --before 2025-01-01 --dry-run',
  }),
  badBefore: message({
    id: (value: string) => `--before ${value}: tulis tanggal sebagai TTTT-BB-HH, misalnya --before 2025-01-01.`,
    en: (value) => `--before ${value}: give a date as YYYY-MM-DD, e.g. --before 2025-01-01.`,
  }),
};
