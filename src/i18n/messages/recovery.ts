/** Finishing what an interrupted run left: records without a person, a purge not compacted; disk full after a commit. */
import { message } from '../lang.js';

export const recovery = {
  pendingResolved: message({
    id: (n: string) =>
      `${n} record belum dicocokkan menjadi orang (proses sebelumnya terhenti setelah menyimpan, atau diimpor dengan --no-resolve); sekarang sudah dicocokkan.`,
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
      `disk penuh saat mencocokkan: ${n} record yang baru diimpor TETAP tersimpan, tetapi belum dicocokkan menjadi orang. Kosongkan sebagian ruang disk, lalu jalankan \`prakerja resolve\` (impor atau report berikutnya juga menyelesaikannya).`,
    en: (n) =>
      `the disk is full while matching: the ${n} records just imported ARE kept, but not yet matched into persons. Free some space, then run \`prakerja resolve\` (the next import or report finishes it too).`,
  }),
  interruptedAfterImport: message({
    id: (n: string) =>
      `dihentikan saat mencocokkan: ${n} record yang baru diimpor tetap tersimpan, belum dicocokkan menjadi orang; impor, resolve atau report berikutnya menyelesaikannya.`,
    en: (n) => `interrupted while matching: the ${n} records just imported are kept, not yet matched into persons; the next import, resolve or report finishes it.`,
  }),
};
