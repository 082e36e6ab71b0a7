/** What the single error handler says, and the texts of the error classes of src/errors.ts. */
import { message } from '../lang.js';

export const errors = {
  interrupted: message({ id: 'dihentikan', en: 'interrupted' }),
  interruptedFile: message({
    id: (file: string) => `dihentikan: tidak ada isi ${file} yang disimpan`,
    en: (file) => `interrupted: nothing of ${file} was kept`,
  }),
  diskFull: message({
    id: 'disk penuh; perubahan yang sedang ditulis dibatalkan, database tetap seperti sebelum perubahan itu. Kosongkan sebagian ruang disk, lalu jalankan perintah itu lagi.',
    en: 'the disk is full; the change being written was rolled back, and the database is as it was before it. Free some space and run the command again.',
  }),
  busy: message({
    id: 'database sedang dipakai: prakerja lain sedang menulis ke dalamnya. Coba lagi setelah selesai.',
    en: 'the database is busy: another prakerja is writing to it. Try again when it has finished.',
  }),
  readOnly: message({
    id: 'database hanya bisa dibaca. Periksa izin berkasnya atau pilih --db yang lain.',
    en: 'the database is read-only. Check the file permissions or choose another --db.',
  }),
  unexpected: message({
    id: (detail: string) => `kesalahan tak terduga: ${detail}`,
    en: (detail) => `unexpected error: ${detail}`,
  }),
  reportBug: message({
    id: 'Jalankan lagi dengan PRAKERJA_DEBUG=1 untuk rinciannya, lalu laporkan bersama perintah yang Anda jalankan.',
    en: 'Run again with PRAKERJA_DEBUG=1 for details, and report it with the command you ran.',
  }),
  neverFinished: message({
    id: 'berhenti sebelum selesai: pembacaan sebuah berkas tidak pernah tuntas (workbook rusak?). Tidak ada isi berkas itu yang disimpan; berkas yang selesai sebelumnya tetap tersimpan. Buka berkas itu di Excel atau LibreOffice lalu simpan ulang, atau ekspor sebagai CSV.',
    en: 'stopped before finishing: reading a file never completed (a damaged workbook?). Nothing of that file was kept; files finished before it were. Open it in Excel or LibreOffice and save it again, or export it as CSV.',
  }),
  emptyKey: message({
    id: 'kunci enkripsi kosong. Isi PRAKERJA_KEY dengan kuncinya, atau hapus variabel itu untuk memakai database tanpa enkripsi.',
    en: 'the encryption key is empty. Set PRAKERJA_KEY to the key, or unset it to use an unencrypted database.',
  }),
};
