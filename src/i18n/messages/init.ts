/** `prakerja init --region`: which kab/kota or province the office serves. */
import { message } from '../lang.js';

export const initText = {
  description: message({
    id: 'catat kab/kota (atau provinsi) yang dilayani kantor ini, dan siapa yang menandatangani berkas rekapnya',
    en: 'record which kab/kota (or province) this office serves, and who signs its recap files',
  }),
  optRegion: message({ id: 'kode wilayah (1271, 12.71, 12) atau nama ("Kota Medan")', en: 'region code (1271, 12.71, 12) or name ("Kota Medan")' }),
  level: message({ id: (level: 'province' | 'regency') => (level === 'province' ? 'provinsi' : 'kab/kota'), en: (level) => (level === 'province' ? 'province' : 'kab/kota') }),
  officeRegion: message({
    id: (p: { name: string; code: string; level: string }) => `Wilayah kantor: ${p.name} (${p.code}, ${p.level})`,
    en: (p) => `Office region: ${p.name} (${p.code}, ${p.level})`,
  }),
  changed: message({
    id: (p: { from: string; to: string; records: string }) =>
      `Wilayah kantor diganti dari ${p.from} menjadi ${p.to}. Yang berubah: kolom "Warga wilayah" di rekap gelombang dan rekap per kecamatan kini dihitung untuk ${p.to}. Yang tidak berubah: ${p.records} data yang tersimpan dan pencocokannya.`,
    en: (p) =>
      `Office region changed from ${p.from} to ${p.to}. What changes: the "Residents" column of the wave recap and the per-kecamatan recap now count for ${p.to}. What does not: the ${p.records} stored records and their matching.`,
  }),
  badCode: message({
    id: (code: string) => `--region ${code}: bukan kode provinsi (2 digit) atau kab/kota (4 digit). Contoh: --region 1271 untuk Kota Medan.`,
    en: (code) => `--region ${code}: not a province (2 digits) or kab/kota (4 digits) code. Example: --region 1271 for Kota Medan.`,
  }),
  noName: message({
    id: (name: string) => `--region ${name}: tidak ada provinsi atau kab/kota dengan nama itu. Coba pakai kodenya, misalnya --region 1271.`,
    en: (name) => `--region ${name}: no province or kab/kota has that name. Try the code, e.g. --region 1271.`,
  }),
  didYouMean: message({
    id: (p: { name: string; suggestions: string }) => `--region ${p.name}: tidak ada provinsi atau kab/kota dengan nama itu. Mungkin maksudnya: ${p.suggestions}?`,
    en: (p) => `--region ${p.name}: no province or kab/kota has that name. Did you mean: ${p.suggestions}?`,
  }),
  ambiguous: message({
    id: (p: { name: string; count: number; list: string }) => `--region ${p.name} bisa berarti ${p.count} wilayah: ${p.list}. Beri kodenya atau nama lengkapnya.`,
    en: (p) => `--region ${p.name} could be ${p.count} regions: ${p.list}. Give the code or the full name.`,
  }),
  or: message({ id: 'atau', en: 'or' }),
};
