/** Opening, creating and upgrading the database file (store/database.ts). */
import { message } from '../lang.js';

export const database = {
  missing: message({
    id: (path: string) => `belum ada database di ${path}. Jalankan dulu \`prakerja import\` atau \`prakerja init\`, atau arahkan --db ke berkas yang sudah ada.`,
    en: (path) => `no database at ${path}. Run \`prakerja import\` or \`prakerja init\` first, or point --db at an existing file.`,
  }),
  noFolder: message({
    id: (p: { path: string; folder: string }) => `${p.path} tidak bisa dibuat: folder ${p.folder} tidak ada. Buat dulu foldernya atau pilih --db yang lain.`,
    en: (p) => `cannot create ${p.path}: the folder ${p.folder} does not exist. Create it first or choose another --db.`,
  }),
  cannotCreate: message({ id: (p: { path: string; code: string }) => `${p.path} tidak bisa dibuat: ${p.code}.`, en: (p) => `cannot create ${p.path}: ${p.code}.` }),
  notAFile: message({
    id: (path: string) => `${path} bukan berkas biasa (perangkat, pipa atau soket). Beri --db nama sebuah berkas database.`,
    en: (path) => `${path} is not a regular file (a device, a pipe or a socket). Give --db the name of a database file.`,
  }),
  emptyFlag: message({
    id: '--db kosong: berikan berkas database, misalnya --db prakerja.sqlite (atau tanpa --db untuk ./prakerja.sqlite).',
    en: '--db is empty: give the database file, e.g. --db prakerja.sqlite (or leave --db out for ./prakerja.sqlite).',
  }),
  emptyEnv: message({
    id: 'PRAKERJA_DB kosong: isi dengan berkas database, atau hapus variabel itu untuk ./prakerja.sqlite.',
    en: 'PRAKERJA_DB is empty: set it to the database file, or unset it for ./prakerja.sqlite.',
  }),
  isFolder: message({
    id: (path: string) => `${path} adalah folder, bukan berkas database. Beri --db sebuah nama berkas.`,
    en: (path) => `${path} is a folder, not a database file. Give --db a file name.`,
  }),
  notADatabase: message({
    id: (path: string) =>
      `${path} tidak bisa dibuka: bukan database, atau terenkripsi. Bila terenkripsi, beri kuncinya di PRAKERJA_KEY (atau --key); bila tidak, periksa bahwa --db menunjuk berkas database prakerja.`,
    en: (path) =>
      `cannot open ${path}: it is not a database, or it is encrypted. If it is encrypted, give its key in PRAKERJA_KEY (or --key); otherwise check that --db names a prakerja database file.`,
  }),
  wrongKey: message({
    id: (path: string) =>
      `${path} tidak bisa dibuka dengan kunci itu: kuncinya salah, atau berkasnya bukan database prakerja terenkripsi (berkas yang dibuat tanpa kunci tetap tidak terenkripsi).`,
    en: (path) =>
      `cannot open ${path} with the key given: the key is wrong, or the file is not an encrypted prakerja database (a file created without a key stays unencrypted).`,
  }),
  cannotOpen: message({
    id: (p: { path: string; detail: string }) => `${p.path} tidak bisa dibuka sebagai database prakerja: ${p.detail}. Periksa bahwa --db menunjuk berkas database prakerja.`,
    en: (p) => `cannot open ${p.path} as a prakerja database: ${p.detail}. Check that --db names a prakerja database file.`,
  }),
  cannotPrepare: message({
    id: (p: { path: string; detail: string }) => `${p.path} tidak bisa dibuka sebagai database prakerja: ${p.detail}.`,
    en: (p) => `cannot open ${p.path} as a prakerja database: ${p.detail}.`,
  }),
  noCipher: message({
    id: (detail: string) =>
      `enkripsi memerlukan paket better-sqlite3-multiple-ciphers, yang tidak bisa dimuat (${detail}). Pasang dengan \`npm install better-sqlite3-multiple-ciphers\`, atau jalankan tanpa PRAKERJA_KEY/--key.`,
    en: (detail) =>
      `encryption needs the package better-sqlite3-multiple-ciphers, which could not be loaded (${detail}). Install it with \`npm install better-sqlite3-multiple-ciphers\`, or run without PRAKERJA_KEY/--key.`,
  }),
  readOnly: message({
    id: (p: { path: string; folder: string }) =>
      `tidak bisa menulis ke ${p.path}: berkas itu (atau foldernya ${p.folder}) hanya bisa dibaca oleh pengguna ini. Periksa izinnya, atau salin berkasnya ke tempat yang bisa ditulisi dan arahkan --db ke salinan itu.`,
    en: (p) =>
      `cannot write to ${p.path}: it (or its folder ${p.folder}) is read-only for this user. Check the permissions, or copy the file somewhere writable and point --db at the copy.`,
  }),
  locked: message({
    id: (p: { path: string; seconds: number }) =>
      `${p.path} dikunci oleh prakerja lain yang sudah menulis lebih dari ${p.seconds} detik. Coba lagi setelah selesai, atau tunggu lebih lama dengan PRAKERJA_LOCK_WAIT=DETIK.`,
    en: (p) =>
      `${p.path} is locked by another prakerja that has been writing for over ${p.seconds} seconds. Try again when it has finished, or wait longer with PRAKERJA_LOCK_WAIT=SECONDS.`,
  }),
  newer: message({
    id: (p: { path: string; version: number; latest: number }) =>
      `${p.path} ditulis oleh prakerja yang lebih baru (skema ${p.version}, versi ini hanya mengenal ${p.latest}). Perbarui prakerja untuk membukanya; berkasnya tidak diubah.`,
    en: (p) => `${p.path} was written by a newer prakerja (schema ${p.version}, this one knows ${p.latest}). Upgrade prakerja to open it; the file was left unchanged.`,
  }),
  foreign: message({
    id: (path: string) => `${path} adalah database SQLite milik program lain, bukan database prakerja. Pilih --db yang lain.`,
    en: (path) => `${path} is an SQLite database of some other program, not a prakerja database. Choose another --db.`,
  }),
};
