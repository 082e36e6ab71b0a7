/** Finishing what an interrupted run left: records without a person, a purge not compacted; disk full after a commit. */
import { message } from '../lang.js';

export const recovery = {
  stopping: message({
    id: 'menghentikan di titik aman berikutnya; apa yang sedang ditulis dibatalkan. Tekan Ctrl-C sekali lagi untuk berhenti seketika.',
    en: 'stopping at the next safe point; what is being written is rolled back. Press Ctrl-C again to stop at once.',
  }),
  stoppedAtOnce: message({
    id: 'berhenti seketika. Database tetap seperti pada penyimpanan (commit) terakhirnya; yang sedang ditulis tidak disimpan.',
    en: 'stopped at once. The database stays as of its last commit; what was being written is not kept.',
  }),
  interruptedResolve: message({
    id: 'dihentikan saat mencocokkan: pencocokan dibatalkan, orang dan tautan tetap seperti sebelumnya. Jalankan `prakerja resolve` lagi.',
    en: 'interrupted while matching: the matching was rolled back, persons and links are as they were before. Run `prakerja resolve` again.',
  }),
  interruptedPurge: message({
    id: 'dihentikan: purge dibatalkan sebelum menghapus apa pun; semua batch masih ada.',
    en: 'interrupted: the purge was rolled back before it deleted anything; every batch is still there.',
  }),
  interruptedCompaction: message({
    id: 'dihentikan saat memadatkan berkas: batch sudah dihapus, tetapi berkas belum dipadatkan. Jalankan `prakerja purge` lagi (perintah yang sama) untuk menyelesaikannya.',
    en: 'interrupted while compacting: the batches are deleted, but the file is not compacted yet. Run `prakerja purge` again (the same command) to finish.',
  }),
  pendingResolved: message({
    id: (n: string) =>
      `${n} data belum dicocokkan menjadi orang (proses sebelumnya terhenti setelah menyimpan, atau diimpor dengan --no-resolve); sekarang sudah dicocokkan.`,
    en: (n) => `${n} records had not been matched into persons yet (an earlier run stopped after saving them, or they were imported with --no-resolve); they are matched now.`,
  }),
  diskFullDuringImport: message({
    id: (file: string) =>
      `disk penuh saat mengimpor ${file}: tidak ada isinya yang disimpan. Berkas yang selesai diimpor sebelumnya tetap tersimpan dan akan dicocokkan pada impor, resolve atau report berikutnya. Kosongkan sebagian ruang disk, lalu jalankan lagi.`,
    en: (file) =>
      `the disk is full while importing ${file}: nothing of it was kept. Files imported before it stay imported and are matched by the next import, resolve or report. Free some space and run again.`,
  }),
  diskFullAfterImport: message({
    id: (n: string) =>
      `disk penuh saat mencocokkan: ${n} data yang baru diimpor TETAP tersimpan, tetapi belum dicocokkan menjadi orang. Kosongkan sebagian ruang disk, lalu jalankan \`prakerja resolve\` (impor atau report berikutnya juga menyelesaikannya).`,
    en: (n) =>
      `the disk is full while matching: the ${n} records just imported ARE kept, but not yet matched into persons. Free some space, then run \`prakerja resolve\` (the next import or report finishes it too).`,
  }),
  interruptedAfterImport: message({
    id: (n: string) =>
      `dihentikan saat mencocokkan: ${n} data yang baru diimpor tetap tersimpan, belum dicocokkan menjadi orang; impor, resolve atau report berikutnya menyelesaikannya.`,
    en: (n) => `interrupted while matching: the ${n} records just imported are kept, not yet matched into persons; the next import, resolve or report finishes it.`,
  }),
};

export const purgeState = {
  earlierStarted: message({
    id: (batches: string) => `Purge sebelumnya untuk batch ${batches} terhenti sebelum menghapus apa pun; saat itu tidak ada yang dihapus.`,
    en: (batches) => `An earlier purge of batch ${batches} was stopped before it deleted anything; nothing had been deleted then.`,
  }),
  earlierDeleted: message({
    id: (batches: string) => `Purge sebelumnya sudah menghapus batch ${batches} tetapi belum selesai memadatkan berkas; sekarang dipadatkan.`,
    en: (batches) => `An earlier purge deleted batch ${batches} but did not finish compacting the file; compacting it now.`,
  }),
  verified: message({
    id: (n: string) => `Tidak ada satu pun dari ${n} NIK yang dihapus tersisa di berkas database maupun di write-ahead log-nya.`,
    en: (n) => `None of the ${n} purged NIKs is left in the file or its write-ahead log.`,
  }),
  /** After a purge whose NIKs are all held by batches that stay (the same persons in another list). */
  nothingOnlyThere: message({
    id: 'Setiap NIK batch yang dihapus juga ada di batch yang tetap disimpan, jadi NIK itu tetap ada di berkas database.',
    en: 'Every NIK of the purged batches is also in a batch that stays, so it stays in the file.',
  }),
  incomplete: message({
    id: (p: { left: string; total: string; main: string; wal: string }) =>
      `batch sudah dihapus dan tidak tampil lagi di perintah mana pun, tetapi ${p.left} dari ${p.total} NIK yang dihapus masih ada di berkas database (${p.main}) atau di write-ahead log (${p.wal}), atau log itu belum bisa dikosongkan: proses lain sedang membuka database (report yang lama, backup?), jadi berkas belum bisa dipadatkan. Tutup proses itu, lalu jalankan \`prakerja purge\` lagi (misalnya perintah yang sama) untuk menyelesaikannya.`,
    en: (p) =>
      `the batches are deleted and no command shows them, but ${p.left} of the ${p.total} purged NIKs are still in the database file (${p.main}) or the write-ahead log (${p.wal}), or the log could not be emptied: another process has the database open (a long report, a backup?), so the file could not be compacted. Close it, then run \`prakerja purge\` again (the same command will do) to finish.`,
  }),
};
