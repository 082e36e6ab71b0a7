/** The recap files' own settings and options: the signature block set by `init`, bare data, the age date. */
import { message } from '../lang.js';

export const recap = {
  signatureSet: message({
    id: (p: { text: string }) => `Tanda tangan rekap: ${p.text}`,
    en: (p) => `Recap signature: ${p.text}`,
  }),
  initNothing: message({
    id: 'berikan --region (kab/kota atau provinsi kantor) dan/atau tanda tangan rekap: --kepala, --nip, --jabatan, --kota.',
    en: "give --region (the office's kab/kota or province) and/or the recap signature: --kepala, --nip, --jabatan, --kota.",
  }),
  signatureNeedsName: message({
    id: 'tanda tangan rekap perlu nama penandatangan: tambahkan --kepala "Nama".',
    en: 'the recap signature needs the signer\'s name: add --kepala "Nama".',
  }),
  optKepala: message({ id: 'blok tanda tangan rekap: nama penandatangan', en: "the recaps' signature block: the signer's name" }),
  optNip: message({ id: 'blok tanda tangan: NIP penandatangan', en: "signature block: the signer's NIP" }),
  optJabatan: message({
    id: 'blok tanda tangan: jabatan, mis. "Kepala Dinas Tenaga Kerja"',
    en: 'signature block: the position, e.g. "Kepala Dinas Tenaga Kerja"',
  }),
  optKota: message({ id: 'blok tanda tangan: kota sebelum tanggal ("Medan, 1 Desember 2026")', en: 'signature block: the city before the date ("Medan, 1 Desember 2026")' }),
  optBare: message({
    id: 'CSV/XLSX: hanya tabel (tanpa blok kepala di atas dan tanda tangan di bawah), untuk skrip',
    en: 'CSV/XLSX: only the table (no header block above it, no signature below), for scripts',
  }),
  optAgeAt: message({
    id: 'tanggal acuan umur untuk semua gelombang (bawaan: 31 Desember tahun gelombang; hari impor pertama untuk gelombang setelah 22)',
    en: "age reference date for every wave (default: 31 December of the wave's year; the first import day for waves after 22)",
  }),
};
