/** `prakerja explain`: why two records were (or were not) taken for one person. */
import { message } from '../lang.js';

/** The blocking rules of resolve/blocking.ts, by their stored names (`links.blocking`). */
type BlockingRuleName = 'nik_region_date' | 'nik_date_serial' | 'nik_region_serial_name' | 'nik_group_swap' | 'name_region' | 'name' | 'phone';

const BLOCKING_ID: Record<BlockingRuleName, string> = {
  nik_region_date: 'wilayah dan tanggal lahir yang sama di NIK',
  nik_date_serial: 'tanggal lahir dan nomor urut yang sama di NIK',
  nik_region_serial_name: 'wilayah dan nomor urut yang sama di NIK, dan nama yang bunyinya sama',
  nik_group_swap: 'NIK yang hanya berbeda karena dua angka tertukar di batas kelompok angka',
  name_region: 'kabupaten/kota yang sama dan nama yang bunyinya sama',
  name: 'nama yang bunyinya sama',
  phone: 'nomor HP yang sama',
};

const BLOCKING_EN: Record<BlockingRuleName, string> = {
  nik_region_date: 'the same region and birth date in the NIK',
  nik_date_serial: 'the same birth date and serial in the NIK',
  nik_region_serial_name: 'the same region and serial in the NIK, and a name that sounds the same',
  nik_group_swap: 'NIKs that differ by two digits swapped across a group boundary',
  name_region: 'the same regency and a name that sounds the same',
  name: 'a name that sounds the same',
  phone: 'the same phone number',
};

export const explain = {
  /** How a blocking rule brings two records together. */
  blockingRule: message({ id: (rule: BlockingRuleName) => BLOCKING_ID[rule], en: (rule) => BLOCKING_EN[rule] }),
  /** The line under a link saying how its two records came to be compared. */
  comparedBecause: message({
    id: (p: { meaning: string; rule: string }) => `dibandingkan karena: ${p.meaning} (aturan blocking ${p.rule})`,
    en: (p) => `compared because: ${p.meaning} (blocking rule ${p.rule})`,
  }),
};
