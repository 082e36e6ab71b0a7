/** Output files and the database file: where they cannot be written, and changes made to their permissions. */
import { message } from '../lang.js';

export const files = {
  folderMissing: message({
    id: (p: { file: string; folder: string }) => `tidak dapat menulis ${p.file}: folder ${p.folder} tidak ada. Buat folder itu dulu, atau pilih nama berkas lain.`,
    en: (p) => `cannot write ${p.file}: the folder ${p.folder} does not exist. Create it first, or choose another file name.`,
  }),
  folderIsFile: message({
    id: (p: { file: string; folder: string }) => `tidak dapat menulis ${p.file}: ${p.folder} adalah berkas, bukan folder.`,
    en: (p) => `cannot write ${p.file}: ${p.folder} is a file, not a folder.`,
  }),
  targetIsFolder: message({
    id: (p: { file: string; example: string }) => `tidak dapat menulis ${p.file}: itu sebuah folder. Berikan nama berkas, misalnya ${p.example}.`,
    en: (p) => `cannot write ${p.file}: it is a folder. Give a file name, e.g. ${p.example}.`,
  }),
  targetIsSpecial: message({
    id: (file: string) =>
      `tidak dapat menulis ${file}: itu bukan berkas biasa (perangkat, pipa atau soket), dan menulisnya akan menggantikannya. Berikan nama sebuah berkas.`,
    en: (file) => `cannot write ${file}: it is not a regular file (a device, a pipe or a socket), and writing would replace it. Give the name of a file.`,
  }),
  diskFull: message({
    id: (file: string) => `tidak dapat menulis ${file}: disk penuh. Tidak ada yang ditulis dengan nama itu (berkas lama di sana tidak berubah); kosongkan sebagian ruang lalu jalankan lagi.`,
    en: (file) => `cannot write ${file}: the disk is full. Nothing was written under that name (an earlier file there is unchanged); free some space and run again.`,
  }),
  notWritable: message({
    id: (file: string) => `tidak dapat menulis ${file}: folder itu tidak dapat ditulisi oleh pengguna ini. Periksa izinnya atau pilih folder lain.`,
    en: (file) => `cannot write ${file}: the folder is not writable for this user. Check its permissions or choose another folder.`,
  }),
  cannotWrite: message({
    id: (p: { file: string; code: string }) => `tidak dapat menulis ${p.file}: ${p.code}.`,
    en: (p) => `cannot write ${p.file}: ${p.code}.`,
  }),
  madePrivate: message({
    id: (p: { file: string; mode: string }) => `${p.file} dapat dibaca pengguna lain (mode ${p.mode}); berkas itu berisi NIK, jadi sekarang dibuat 0600 (hanya pemiliknya).`,
    en: (p) => `${p.file} was readable by other users (mode ${p.mode}); it holds NIKs, so it is now 0600 (owner only).`,
  }),
  reviewYesAndNo: message({
    id: (p: { first: number; second: number; a: string; b: string }) =>
      `baris ${p.first} dan ${p.second}: pasangan yang sama ditandai ${p.a} di baris ${p.first} dan ${p.b} di baris ${p.second}; pilih satu jawaban`,
    en: (p) => `lines ${p.first} and ${p.second}: the same pair is marked ${p.a} on line ${p.first} and ${p.b} on line ${p.second}; keep one answer`,
  }),
};
