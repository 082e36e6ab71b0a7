/** `prakerja status` and `prakerja rejects`: what the database holds, and the rows that were not imported. */
import { counted, message } from '../lang.js';

export const statusText = {
  description: message({
    id: 'tampilkan isi database: berkas yang diimpor, data per sumber dan gelombang, masalah NIK',
    en: 'show what the database holds: imported files, records per source and wave, NIK problems',
  }),
  officeRegion: message({ id: 'Wilayah kantor:', en: 'Office region:' }),
  regionUnset: message({ id: 'belum diatur — jalankan `prakerja init --region KODE`', en: 'not set — run `prakerja init --region CODE`' }),
  nothingImported: message({
    id: 'Belum ada berkas yang diimpor. Mulai dengan: prakerja import BERKAS --source central --wave N',
    en: 'No files imported yet. Start with: prakerja import FILE --source central --wave N',
  }),
  importedFiles: message({ id: 'Berkas yang diimpor', en: 'Imported files' }),
  /** Times shown to people are this computer's local time, labelled with its offset: `waktu setempat, UTC+7`. */
  localZone: message({ id: (offset: string) => `waktu setempat, ${offset}`, en: (offset) => `local time, ${offset}` }),
  importedAt: message({ id: (zone: string) => `diimpor (${zone})`, en: (zone) => `imported (${zone})` }),
  batchColumns: message({
    id: (importedAt: string) => ['batch', 'sumber', 'berkas', 'gelombang', importedAt, 'baris', 'data', 'ditolak', 'dilewati'],
    en: (importedAt) => ['batch', 'source', 'file', 'waves', importedAt, 'rows', 'records', 'rejected', 'skipped'],
  }),
  perSourceWave: message({ id: 'Data per sumber dan gelombang', en: 'Records per source and wave' }),
  sourceWaveColumns: message({
    id: ['sumber', 'gelombang', 'data', 'NIK valid', 'tidak valid', 'rusak', 'kosong'],
    en: ['source', 'wave', 'records', 'valid NIK', 'invalid', 'damaged', 'missing'],
  }),
  nikProblems: message({ id: 'Data dengan masalah NIK', en: 'Records with a NIK problem' }),
  persons: message({ id: (n: string) => `Orang: ${n} (hasil pencocokan)`, en: (n) => `Persons: ${n} (as matched)` }),
  unmatched: message({
    id: (n: string) =>
      `  ${n} data belum dicocokkan menjadi orang (impor yang terhenti setelah menyimpan, atau --no-resolve): di sini masing-masing dihitung sebagai satu orang; impor, resolve atau report berikutnya mencocokkannya.`,
    en: (n) =>
      `  ${n} records are not matched into persons yet (an import stopped after saving them, or --no-resolve): each counts as one person here; the next import, resolve or report matches them.`,
  }),
  /** `purposesLater`: a guest book's visit purposes were relearnt since (purposesRelearnt, on the next line). */
  learnt: message({
    id: (p: { at: string; records: string; since: number; sinceText: string; purposesLater: boolean }) =>
      `Bobot pencocokan (frekuensi nama, peluang awal, gelombang, keperluan kunjungan) dipelajari ${p.at} dari ${p.records} data` +
      (p.since > 0
        ? `; ${p.sinceText} data yang diimpor sejak itu dicocokkan dengan bobot yang sama${p.purposesLater ? ', kecuali keperluan kunjungan' : ''}. \`prakerja resolve\` mempelajarinya lagi dari semua data.`
        : '.'),
    en: (p) =>
      `Matching statistics (name frequencies, prior, waves, visit purposes) learnt ${p.at} from ${p.records} records` +
      (p.since > 0
        ? `; the ${p.sinceText} records imported since were matched with them, unchanged${p.purposesLater ? ' but for the visit purposes' : ''}. \`prakerja resolve\` learns them again from all records.`
        : '.'),
  }),
  /** `at`: local time and zone; null when the build that relearnt them stored no time. */
  purposesRelearnt: message({
    id: (p: { at: string | null; records: string }) =>
      `  keperluan kunjungan dipelajari ulang ${p.at ?? 'kemudian (waktunya tidak tercatat)'} dari ${p.records} data buku tamu, karena buku tamu bertambah.`,
    en: (p) => `  visit purposes relearnt ${p.at ?? 'later (when was not recorded)'} from the ${p.records} guest-book records, as the guest book grew.`,
  }),
  keptFlagged: message({ id: '(disimpan, ditandai)', en: '(kept, flagged)' }),
  nikProblemColumns: message({ id: ['alasan', 'data'], en: ['reason', 'records'] }),
  totals: message({
    id: (p: { records: string; rejects: string }) => `${p.records} data, ${p.rejects} baris ditolak.`,
    en: (p) => `${counted(p.records, 'record')}, ${counted(p.rejects, 'rejected row')}.`,
  }),
};

export const rejectsText = {
  description: message({
    id: 'daftar baris yang tidak diimpor, dengan berkas, baris dan alasannya (NIK disamarkan)',
    en: 'list the rows that were not imported, with file, line and reason (NIKs masked)',
  }),
  optBatch: message({ id: 'hanya batch ini (lihat `prakerja status`)', en: 'only this batch (see `prakerja status`)' }),
  optShowNik: message({ id: 'tampilkan NIK lengkap', en: 'show NIKs in full' }),
  /** `option` is the flag the number was typed after: `--batch`, `--replaces`. */
  badBatch: message({
    id: (p: { option: string; value: string }) => `${p.option} ${p.value}: beri nomor batch dari \`prakerja status\`.`,
    en: (p) => `${p.option} ${p.value}: give a batch number from \`prakerja status\`.`,
  }),
  noSuchBatch: message({
    id: (p: { option: string; batch: number; known: string }) => `${p.option} ${p.batch}: batch ${p.batch} tidak ada. Batch yang ada: ${p.known}. \`prakerja status\` menampilkan daftarnya.`,
    en: (p) => `${p.option} ${p.batch}: there is no batch ${p.batch}. The batches are: ${p.known}. \`prakerja status\` lists them.`,
  }),
  noBatches: message({ id: 'belum ada', en: 'none yet' }),
  none: message({ id: 'Tidak ada baris yang ditolak.', en: 'No rejected rows.' }),
  noneInBatch: message({ id: (batch: number) => `Tidak ada baris yang ditolak di batch ${batch}.`, en: (batch) => `No rejected rows in batch ${batch}.` }),
  columns: message({ id: ['berkas', 'baris', 'alasan', 'keterangan', 'isi baris'], en: ['file', 'line', 'reason', 'message', 'row'] }),
};
