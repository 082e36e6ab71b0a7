/** `prakerja explain`: why two records were (or were not) taken for one person. */
import { message } from '../lang.js';

/** The blocking rules of resolve/blocking.ts, by their stored names (`links.blocking`). */
type BlockingRuleName = 'nik_region_date' | 'nik_date_serial' | 'nik_region_serial_name' | 'nik_group_swap' | 'name_region' | 'name' | 'phone' | 'list_serial_wave' | 'list_scientific_wave';

const BLOCKING_ID: Record<BlockingRuleName, string> = {
  nik_region_date: 'wilayah dan tanggal lahir yang sama di NIK',
  nik_date_serial: 'tanggal lahir dan nomor urut yang sama di NIK',
  nik_region_serial_name: 'wilayah dan nomor urut yang sama di NIK, dan nama yang bunyinya sama',
  nik_group_swap: 'NIK yang hanya berbeda karena dua angka tertukar di batas kelompok angka',
  name_region: 'kabupaten/kota yang sama dan nama yang bunyinya sama',
  name: 'nama yang bunyinya sama',
  phone: 'nomor HP yang sama',
  list_serial_wave: 'wilayah dan nomor urut yang sama di NIK dengan satu angka tanggal lahir berbeda, gelombang yang sama dan huruf awal nama yang sama, antara dua baris daftar',
  list_scientific_wave: 'enam angka awal NIK yang sama (satu NIK tertulis dalam notasi ilmiah), gelombang yang sama dan huruf awal nama yang sama, antara dua baris daftar',
};

const BLOCKING_EN: Record<BlockingRuleName, string> = {
  nik_region_date: 'the same region and birth date in the NIK',
  nik_date_serial: 'the same birth date and serial in the NIK',
  nik_region_serial_name: 'the same region and serial in the NIK, and a name that sounds the same',
  nik_group_swap: 'NIKs that differ by two digits swapped across a group boundary',
  name_region: 'the same regency and a name that sounds the same',
  name: 'a name that sounds the same',
  phone: 'the same phone number',
  list_serial_wave: 'the same region and serial in the NIK with one birth-date digit off, the same wave and the same first letter of the name, between two list rows',
  list_scientific_wave: 'the same first six digits of the NIK (one written in scientific notation), the same wave and the same first letter of the name, between two list rows',
};

/** How a record joined its person (`records.match`), in words. */
type MatchName = 'single' | 'exact_nik' | 'model' | 'review';
const MATCH_ID: Record<MatchName, string> = { single: 'sendiri', exact_nik: 'NIK sama', model: 'cocok menurut bukti', review: 'keputusan pemeriksa' };
const MATCH_EN: Record<MatchName, string> = { single: 'alone', exact_nik: 'same NIK', model: 'matched on the evidence', review: 'decided in review' };

export const explain = {
  /** The tag after a record in `explain`: how it joined its person, in words of the language. */
  matchTag: message({ id: (match: MatchName) => MATCH_ID[match], en: (match) => MATCH_EN[match] }),
  /** The match column of `export records` and the review file: Indonesian words; English keeps the stored codes, which scripts read. */
  matchWord: message({ id: (match: MatchName) => MATCH_ID[match], en: (match) => match }),
  /** How a blocking rule brings two records together. */
  blockingRule: message({ id: (rule: BlockingRuleName) => BLOCKING_ID[rule], en: (rule) => BLOCKING_EN[rule] }),
  /** The line under a link saying how its two records came to be compared (the rule's code is in `--json`: `blocking`). */
  comparedBecause: message({
    id: (meaning: string) => `dibandingkan karena: ${meaning}`,
    en: (meaning) => `compared because: ${meaning}`,
  }),

  description: message({
    id: 'tampilkan mengapa sebuah data dicocokkan (atau tidak): orangnya, data yang tertaut, dan buktinya',
    en: 'show why a record was (or was not) matched: its person, the linked records, and the evidence',
  }),
  argTarget: message({
    id: 'NIK 16 digit (lengkap, atau disamarkan seperti 127101******0003 bila hanya cocok dengan satu NIK), atau nama berkas dan nomor baris seperti di Excel (buku-tamu.csv:12)',
    en: 'a 16-digit NIK (in full, or masked like 127101******0003 when that fits one NIK only), or a file name and line number as in Excel (walkin.csv:12)',
  }),
  optShowNik: message({ id: 'tampilkan NIK lengkap', en: 'show NIKs in full' }),
  notResolved: message({ id: 'Belum dicocokkan (jalankan `prakerja resolve`).', en: 'Not resolved yet (run `prakerja resolve`).' }),
  person: message({
    id: (p: { id: number; records: number }) => `Orang ${p.id}: ${p.records} data`,
    en: (p) => `Person ${p.id}: ${p.records} record${p.records === 1 ? '' : 's'}`,
  }),
  record: message({
    id: (p: { place: string; name: string; source: string; wave: number | null; nik: string | null; problem: string | null }) =>
      `${p.place} ${p.name} (${p.source}${p.wave === null ? '' : `, gelombang ${p.wave}`}, ${p.nik === null ? (p.problem ?? 'NIK kosong') : `NIK ${p.nik}${p.problem === null ? '' : ` — ${p.problem}`}`})`,
    // A record without a NIK says so once ("no NIK", the word for its state), not "NIK none — no NIK".
    en: (p) => `${p.place} ${p.name} (${p.source}${p.wave === null ? '' : `, wave ${p.wave}`}, ${p.nik === null ? (p.problem ?? 'no NIK') : `NIK ${p.nik}${p.problem === null ? '' : ` — ${p.problem}`}`})`,
  }),
  noLinks: message({
    id: 'Tidak ada tautan: tidak ada data lain yang cukup mirip untuk dibandingkan lebih rinci.',
    en: 'No links: no other record was similar enough to compare in detail.',
  }),
  total: message({ id: 'jumlah', en: 'total' }),
  weightsNote: message({
    id: '(bobot adalah pangkat dua: +10 ≈ 1000 kali lebih mungkin satu orang)',
    en: '(weights are powers of two: +10 ≈ 1000 times likelier one person)',
  }),
  onePerson: message({ id: (pct: string) => `→ ${pct} satu orang`, en: (pct) => `→ ${pct} one person` }),
  /** The field names of the evidence lines (`nik`, `name`, …), as the weights table shows them. */
  field: message({ id: (field: string) => FIELDS_ID[field] ?? field, en: (field) => field }),
  throughOthers: message({
    id: 'orang yang sama lewat tautan lain; pasangan ini sendiri belum meyakinkan',
    en: 'same person through the other links; this pair alone was not conclusive',
  }),
  verdictConflict: message({
    id: 'KONFLIK: NIK sama dengan nama lain — tidak digabung; periksa mana yang benar',
    en: 'CONFLICT: the same NIK with a different name — not merged; check which is right',
  }),
  verdictExactNik: message({ id: 'orang yang sama: NIK valid yang sama dan nama yang cocok', en: 'same person: the same valid NIK and a compatible name' }),
  verdictReviewYes: message({ id: 'orang yang sama: diputuskan saat pemeriksaan (review)', en: 'same person: decided in review' }),
  verdictReviewNo: message({ id: 'bukan orang yang sama: diputuskan saat pemeriksaan (review)', en: 'not the same person: decided in review' }),
  verdictMatch: message({ id: 'orang yang sama: bukti di bawah cukup untuk dicocokkan', en: 'same person: the evidence below adds up to a match' }),
  verdictPossible: message({
    id: 'mungkin sama: tidak digabung, masuk daftar pemeriksaan (prakerja review export)',
    en: 'possible match: not merged, listed for review (prakerja review export)',
  }),
  /**
   * Why a pair the evidence calls one person was not merged: the clustering guard (store/resolve.ts
   * REFUSED_BY), with the NIKs of the two persons when that is the reason. Said in explain and in the review file.
   */
  refusedBecause: message({
    id: (p: { by: 'nik' | 'kept_apart' | 'one_word' | 'given_name'; left: string; right: string }) =>
      p.by === 'nik'
        ? `tidak digabung karena: kedua orang memegang NIK berbeda (${p.left} dan ${p.right}), dan tidak ada NIK yang hanya satu ketikan dari semua NIK lainnya: satu orang punya satu NIK`
        : p.by === 'one_word'
          ? 'tidak digabung karena: di bawah satu NIK, nama yang satu hanya satu kata dari nama yang lain: bisa pemegang NIK yang namanya ditulis dengan gelar di tempat satu kata, bisa juga kerabat yang memakai kata itu'
          : p.by === 'given_name'
            ? 'tidak digabung karena: di bawah satu NIK, kedua nama berbeda di satu nama depan, dan kedua ejaan itu sama-sama nama yang dipakai banyak orang (DWI / DEWI): bisa salah ketik nama pemegang NIK, bisa juga kerabat dengan nama keluarga yang sama'
            : 'tidak digabung karena: salah satu orang memegang data yang harus tetap terpisah dari data orang yang lain (konflik NIK, atau keputusan N saat pemeriksaan)',
    en: (p) =>
      p.by === 'nik'
        ? `not merged because: the persons hold different NIKs (${p.left} and ${p.right}), and no NIK is one keystroke from all the others: one person has one NIK`
        : p.by === 'one_word'
          ? "not merged because: under one NIK, one name is a single word of the other: the NIK's holder written with a title in place of a word, or a relative who shares that word"
          : p.by === 'given_name'
            ? "not merged because: under one NIK, the names differ in one given name, and both spellings are names many people bear (DWI / DEWI): a typo in the holder's name, or a relative with the same family name"
            : "not merged because: one of the persons holds a record that must stay apart from a record of the other (a NIK conflict, or a reviewer's N)",
  }),
  prior: message({
    id: (level: string) => `sebelum dibandingkan, kira-kira ${level.replace(/^1 in /, '1 dari ')} pasang data adalah satu orang`,
    en: (level) => `before comparing, about ${level} pairs of records are one person`,
  }),
  purposeRare: message({
    id: (purpose: string) => `keperluan kunjungan "${purpose}": terlalu jarang ditulis bersama NIK untuk berarti apa-apa`,
    en: (purpose) => `visit purpose "${purpose}": written too rarely with a NIK to say anything`,
  }),
  purposeShares: message({
    id: (p: { purpose: string; m: string; u: string }) => `keperluan kunjungan "${p.purpose}": ${p.m} dari kunjungan penerima terdaftar, ${p.u} dari kunjungan lain`,
    en: (p) => `visit purpose "${p.purpose}": ${p.m} of listed recipients' visits, ${p.u} of other visits`,
  }),
  /** The meaning of each comparison level, by field and level (resolve/comparison.ts). */
  level: message({ id: (p: LevelArg) => levelText(LEVELS_ID, p), en: (p) => levelText(LEVELS_EN, p) }),
  /** The same for a level read back from a file or an older database, which may be any text. */
  levelWords: message({
    id: (p: { field: keyof Levels; level: string }) => wordsOf(LEVELS_ID, p),
    en: (p) => wordsOf(LEVELS_EN, p),
  }),

  // finding the record to explain
  rejectedAtLine: message({
    id: (p: { file: string; line: number; reason: string; message: string; batch: number }) =>
      `baris ${p.line} dari ${p.file} tidak diimpor: ditolak (${p.reason}: ${p.message}). Baris yang ditolak: prakerja rejects --batch ${p.batch}`,
    en: (p) => `line ${p.line} of ${p.file} was not imported: rejected (${p.reason}: ${p.message}). The rejected rows: prakerja rejects --batch ${p.batch}`,
  }),
  noRecordAtLine: message({
    id: (p: { file: string; line: number }) =>
      `tidak ada data dari ${p.file} di baris ${p.line}. Periksa nama berkasnya (seperti di \`prakerja status\`) dan nomor barisnya di Excel.`,
    en: (p) => `no record from ${p.file} at line ${p.line}. Check the file name (as in \`prakerja status\`) and the line number in Excel.`,
  }),
  notATarget: message({
    id: (target: string) =>
      `${target} bukan NIK 16 digit dan bukan BERKAS:BARIS. Beri nama berkas dan nomor barisnya seperti di Excel (prakerja explain buku-tamu.csv:12), atau NIK lengkapnya.`,
    en: (target) => `${target} is neither a 16-digit NIK nor FILE:LINE. Give the file name and its line number as in Excel (prakerja explain walkin.csv:12), or the full NIK.`,
  }),
  noSuchNik: message({
    id: (nik: string) => `tidak ada data dengan NIK ${nik}. Periksa angkanya, atau jelaskan sebuah baris dengan BERKAS:BARIS (misalnya buku-tamu.csv:12).`,
    en: (nik) => `no record has NIK ${nik}. Check the digits, or explain a row by FILE:LINE (e.g. walkin.csv:12).`,
  }),
  maskedAmbiguous: message({
    id: (p: { nik: string; count: number; places: string }) =>
      `NIK yang disamarkan ${p.nik} cocok dengan ${p.count} NIK berbeda. Sebutkan salah satu barisnya (${p.places}) atau NIK lengkapnya.`,
    en: (p) => `the masked NIK ${p.nik} fits ${p.count} different NIKs. Give one of their rows (${p.places}) or the full NIK.`,
  }),
};

const FIELDS_ID: Record<string, string> = { prior: 'awal', nik: 'nik', name: 'nama', phone: 'hp', wave: 'gel', purpose: 'keperluan' };

/**
 * The comparison levels of resolve/comparison.ts, spelt again here (this module imports nothing): explain
 * passes the resolver's own level types, so a level added there and not here does not compile.
 */
interface Levels {
  nik: 'exact' | 'one_edit' | 'one_edit_serial' | 'one_edit_impossible' | 'rounded' | 'damaged_long' | 'damaged_short' | 'facts_agree' | 'missing' | 'different';
  name: 'exact' | 'reordered' | 'jw95' | 'jw88' | 'initials' | 'phonetic' | 'contained' | 'different';
  phone: 'exact' | 'missing' | 'different';
  wave: 'same' | 'missing' | 'different';
}
type LevelArg = { [F in keyof Levels]: { field: F; level: Levels[F] } }[keyof Levels];
type LevelTable = { [F in keyof Levels]: Record<Levels[F], string> };

/** A stored link of an older prakerja may carry a level this one no longer has: then the level itself. */
function levelText(table: LevelTable, p: LevelArg): string {
  switch (p.field) {
    case 'nik':
      return table.nik[p.level] ?? p.level;
    case 'name':
      return table.name[p.level] ?? p.level;
    case 'phone':
      return table.phone[p.level] ?? p.level;
    case 'wave':
      return table.wave[p.level] ?? p.level;
  }
}

function wordsOf(table: LevelTable, p: { field: keyof Levels; level: string }): string {
  const words: Record<string, string> = table[p.field];
  return words[p.level] ?? `${p.field} ${p.level}`;
}

const LEVELS_EN: LevelTable = {
  nik: {
    exact: 'the same NIK',
    one_edit: 'NIKs one keystroke apart in the region or birth date: someone born a day or a kecamatan away has such a NIK as often',
    one_edit_serial: 'NIKs one keystroke apart in the serial number, or with two digits swapped: seldom two people',
    one_edit_impossible: 'a NIK that cannot exist is one keystroke from the other (a digit mistyped, two digits swapped or one left out): a typo of it',
    rounded: 'one NIK is the other with its last digit rounded off by Excel',
    damaged_long:
      'a NIK damaged by Excel (15 digits kept, or scientific notation) can be the other: the other is one of the NIKs it can have been rounded from',
    damaged_short: 'a NIK damaged by Excel (scientific notation) agrees with the other in the few digits it still has',
    facts_agree: 'birth date and sex from the NIKs agree',
    missing: 'one side has no NIK: no evidence either way',
    different: 'different NIKs',
  },
  name: {
    exact: 'the same name',
    reordered: 'the same names in another order',
    jw95: 'names spelt almost the same (one small typo)',
    jw88: 'names spelt similarly',
    initials: 'names agree except where one has an initial (M. / Muhammad)',
    phonetic: 'names sound the same',
    contained: 'every word of one name is in the other (a middle name left out, a title left in, or two words written as one)',
    different: 'different names',
  },
  phone: { exact: 'the same phone number', missing: 'no phone number on one side', different: 'different phone numbers' },
  wave: {
    same: 'the same wave in the central and the provincial list',
    missing: 'no wave to compare',
    different: 'different waves in the central and the provincial list',
  },
};

const LEVELS_ID: LevelTable = {
  nik: {
    exact: 'NIK sama',
    one_edit: 'NIK berbeda satu ketikan pada kode wilayah atau tanggal lahir: orang yang lahir sehari atau satu kecamatan berbeda pun sering punya NIK seperti itu',
    one_edit_serial: 'NIK berbeda satu ketikan pada nomor urut, atau dua angka tertukar: jarang dua orang',
    one_edit_impossible: 'NIK yang tidak mungkin ada berbeda satu ketikan dari NIK lainnya (satu angka salah ketik, dua angka tertukar, atau satu angka hilang): salah ketik dari NIK itu',
    rounded: 'NIK yang satu adalah NIK lainnya dengan angka terakhir dibulatkan Excel',
    damaged_long:
      'NIK yang dirusak Excel (tinggal 15 digit, atau notasi ilmiah) bisa jadi NIK yang lain: NIK lain itu salah satu NIK asal pembulatannya',
    damaged_short: 'NIK yang dirusak Excel (notasi ilmiah) cocok dengan NIK lainnya pada sedikit angka yang masih tersisa',
    facts_agree: 'tanggal lahir dan jenis kelamin dari kedua NIK cocok',
    missing: 'salah satu tidak punya NIK: bukan bukti ke arah mana pun',
    different: 'NIK berbeda',
  },
  name: {
    exact: 'nama sama',
    reordered: 'nama sama dengan urutan lain',
    jw95: 'ejaan nama hampir sama (satu salah ketik kecil)',
    jw88: 'ejaan nama mirip',
    initials: 'nama sama kecuali salah satu memakai singkatan (M. / Muhammad)',
    phonetic: 'bunyi nama sama',
    contained: 'setiap kata dari nama yang satu ada di nama yang lain (nama tengah tidak ditulis, gelar ikut tertulis, atau dua kata ditulis menyatu)',
    different: 'nama berbeda',
  },
  phone: { exact: 'nomor HP sama', missing: 'salah satu tanpa nomor HP', different: 'nomor HP berbeda' },
  wave: {
    same: 'gelombang sama di daftar pusat dan daftar provinsi',
    missing: 'tidak ada gelombang untuk dibandingkan',
    different: 'gelombang berbeda di daftar pusat dan daftar provinsi',
  },
};
