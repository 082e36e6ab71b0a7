/**
 * What an import says about the integrity of a file (and its size limits, ingest/limits.ts): quotes that swallow rows, a NIK out of place, a
 * `--map` or `--source` that does not fit the file, a re-saved or re-sent copy, dates a spreadsheet swapped.
 */
import { message } from '../lang.js';

export const ingest = {
  runawayQuote: message({
    id: (p: { first: number; last: number }) =>
      `tanda kutip yang dibuka di baris ${p.first} baru ditutup di baris ${p.last} dan menelan baris di antaranya (ada " yang salah tempat?); baris ${p.first}–${p.last} tidak diimpor. Perbaiki tanda kutipnya, lalu impor berkas yang sudah diperbaiki dengan --replaces dan nomor batch berkas ini (prakerja status)`,
    en: (p) =>
      `a quote opened on line ${p.first} closes only on line ${p.last}, taking in the rows between (a stray "?); lines ${p.first}–${p.last} not imported. Fix the quote, then import the fixed file with --replaces and the batch number of this file (prakerja status)`,
  }),
  unclosedQuote: message({
    id: (p: { first: number; last: number }) =>
      `tanda kutip pembuka di baris ${p.first} tidak pernah ditutup; baris ${p.first}–${p.last} tidak diimpor. Perbaiki tanda kutipnya, lalu impor berkas yang sudah diperbaiki dengan --replaces dan nomor batch berkas ini (prakerja status)`,
    en: (p) => `an opening quote on line ${p.first} is never closed; lines ${p.first}–${p.last} not imported. Fix the quote, then import the fixed file with --replaces and the batch number of this file (prakerja status)`,
  }),
  nikAboveHeader: message({
    id: (headerLine: number) =>
      `baris di atas judul kolom (baris ${headerLine}) berisi NIK: baris data yang salah tempat? Pindahkan ke bawah judul kolom, lalu impor berkas yang sudah diperbaiki dengan --replaces dan nomor batch berkas ini (prakerja status)`,
    en: (headerLine) => `row above the header (line ${headerLine}) holds a NIK: a data row out of place? Move it below the header, then import the fixed file with --replaces and the batch number of this file (prakerja status)`,
  }),
  mapMalformed: message({
    id: (p: { value: string; fields: string }) =>
      `--map ${p.value}: tulis JUDUL=FIELD, dengan FIELD salah satu dari ${p.fields} atau ignore. Contoh: --map "No Identitas=nik".`,
    en: (p) => `--map ${p.value}: expected HEADER=FIELD, where FIELD is one of ${p.fields} or ignore. Example: --map "No Identitas=nik".`,
  }),
  mapUnknownColumn: message({
    id: (p: { map: string; column: string; file: string; headers: string }) =>
      `--map ${JSON.stringify(p.map)}: ${p.file} tidak punya kolom ${JSON.stringify(p.column)}; kolomnya: ${p.headers}. Periksa ejaannya pada baris judul kolom.`,
    en: (p) => `--map ${JSON.stringify(p.map)}: ${p.file} has no column ${JSON.stringify(p.column)}; its columns are ${p.headers}. Check the spelling against the header row.`,
  }),
  waveColumnInWalkin: message({
    id: (p: { column: string; batch: number }) =>
      `kolom ${JSON.stringify(p.column)} berisi gelombang, yang tidak ada di buku tamu. Bila ini daftar penerima, hapus batch ini (prakerja purge --batch ${p.batch}) lalu impor dengan --source central (atau province).`,
    en: (p) =>
      `column ${JSON.stringify(p.column)} holds waves, which a guest book does not have. If this is a recipient list, remove it (prakerja purge --batch ${p.batch}) and import it with --source central (or province).`,
  }),
  guestBookAsList: message({
    id: (columns: string) =>
      `tidak punya kolom Gelombang dan tampaknya buku tamu (kolom ${columns}): impor dengan --source walkin. Bila ini daftar penerima, sebutkan gelombangnya dengan --wave N (misalnya --wave 3), atau tunjuk kolomnya dengan --map "Kolom=wave".`,
    en: (columns) =>
      `has no Gelombang column and looks like a guest book (columns ${columns}): import it with --source walkin. If it is a recipient list, say which wave the whole file is with --wave N (e.g. --wave 3), or name the column with --map "Kolom=wave".`,
  }),
  tooLong: message({
    id: (what: 'line' | 'cell') =>
      what === 'line'
        ? 'baris lebih panjang dari 1 MiB (1.048.576 karakter), batas yang tidak pernah dibutuhkan daftar sungguhan; baris tidak diimpor'
        : 'sebuah sel lebih panjang dari 32 KiB (32.768 karakter), batas yang tidak pernah dibutuhkan daftar sungguhan; baris tidak diimpor',
    en: (what) =>
      what === 'line'
        ? 'the line is longer than 1 MiB (1,048,576 characters), a limit no real list needs; row not imported'
        : 'a cell is longer than 32 KiB (32,768 characters), a limit no real list needs; row not imported',
  }),
  tagTooLong: message({
    id: 'workbook berisi tag XML lebih dari 1 MiB; ini bukan ekspor daftar yang wajar. Buka di Excel lalu simpan ulang, atau ekspor sebagai CSV.',
    en: 'the workbook holds an XML tag of more than 1 MiB; this is not a normal list export. Open it in Excel and save it again, or export it as CSV.',
  }),
  notKept: message({
    id: (p: { size: string; more: boolean }) => `[${p.more ? 'lebih dari ' : ''}${p.size} ${p.more ? 'byte' : 'karakter'} tidak disimpan]`,
    en: (p) => `[${p.more ? 'more than ' : ''}${p.size} ${p.more ? 'bytes' : 'characters'} not kept]`,
  }),
  notRegular: message({
    id: 'bukan berkas biasa (perangkat, pipe atau socket): prakerja hanya membaca berkas yang tersimpan di disk. Simpan datanya sebagai berkas dulu.',
    en: 'is not a regular file (a device, a pipe or a socket): prakerja only reads files saved on disk. Save the data as a file first.',
  }),
  sameRows: message({
    id: (p: { file: string; batch: number; original: string }) =>
      `${p.file}: baris-barisnya sama dengan batch ${p.batch} (${p.original}), hanya disimpan ulang dengan byte lain; tidak ada yang dikerjakan. Pakai --force untuk mengimpornya lagi.`,
    en: (p) => `${p.file}: the same rows as batch ${p.batch} (${p.original}), saved again with other bytes; nothing to do. Use --force to import it again.`,
  }),
  otherSource: message({
    id: (p: { batch: number; had: string; given: string }) =>
      `sudah diimpor sebagai batch ${p.batch} dengan --source ${p.had}, bukan ${p.given}. Bila asalnya salah: prakerja purge --batch ${p.batch}, lalu impor lagi dengan --source ${p.given}.`,
    en: (p) => `already imported as batch ${p.batch} with --source ${p.had}, not ${p.given}. If that source is wrong: prakerja purge --batch ${p.batch}, then import again with --source ${p.given}.`,
  }),
  resent: message({
    /** `source` in words of the language (t.reasons.source); `column` the recap's rows column as labelled in it. */
    id: (p: { found: number; rows: number; percent: number; batch: number; file: string; source: string; waves: string; newBatch: number; column: string }) =>
      `${p.found} dari ${p.rows} barisnya (${p.percent}%) ber-NIK sama dengan batch ${p.batch} (${p.file}, ${p.source}, gelombang ${p.waves}): daftar yang dikirim ulang? Rekap menghitung orangnya sekali, tetapi barisnya dua kali ("${p.column}"). Simpan satu saja: prakerja purge --batch ${p.batch} (menyimpan yang baru) atau prakerja purge --batch ${p.newBatch} (menyimpan yang lama); lain kali --replaces ${p.batch} melakukannya sekaligus saat impor.`,
    en: (p) =>
      `${p.found} of its ${p.rows} rows (${p.percent}%) have the NIKs of batch ${p.batch} (${p.file}, ${p.source}, wave ${p.waves}): a list sent again? Recaps count its persons once but its rows twice ("${p.column}"). Keep one: prakerja purge --batch ${p.batch} (keeps the new one) or prakerja purge --batch ${p.newBatch} (keeps the earlier); next time, --replaces ${p.batch} does it in the same import.`,
  }),
  /** The same warning from `import --dry-run`: the batch the import would create has no number yet. */
  resentDryRun: message({
    id: (p: { found: number; rows: number; percent: number; batch: number; file: string; source: string; waves: string; column: string }) =>
      `${p.found} dari ${p.rows} barisnya (${p.percent}%) ber-NIK sama dengan batch ${p.batch} (${p.file}, ${p.source}, gelombang ${p.waves}): daftar yang dikirim ulang? Rekap akan menghitung orangnya sekali, tetapi barisnya dua kali ("${p.column}"). Simpan satu saja: impor dengan --replaces ${p.batch} (menyimpan yang baru), atau jangan diimpor (menyimpan yang lama).`,
    en: (p) =>
      `${p.found} of its ${p.rows} rows (${p.percent}%) have the NIKs of batch ${p.batch} (${p.file}, ${p.source}, wave ${p.waves}): a list sent again? Recaps would count its persons once but its rows twice ("${p.column}"). Keep one: import it with --replaces ${p.batch} (keeps the new one), or leave it out (keeps the earlier).`,
  }),
  replaced: message({
    id: (p: { batch: number; file: string; records: string }) => `  menggantikan batch ${p.batch} (${p.file}, ${p.records} data), yang dihapus dalam transaksi yang sama`,
    en: (p) => `  replaces batch ${p.batch} (${p.file}, ${p.records} records), deleted in the same transaction`,
  }),
  replacesOtherSource: message({
    id: (p: { batch: number; file: string; was: string; now: string; flag: string }) =>
      `--replaces ${p.batch}: batch ${p.batch} (${p.file}) adalah ${p.was}, sedangkan berkas ini diimpor sebagai ${p.now}. Sebuah batch hanya dapat diganti dengan berkas dari sumber yang sama: impor berkas ini dengan --source ${p.flag} bila memang penggantinya, atau tanpa --replaces bila bukan (dan hapus batch ${p.batch} dengan prakerja purge --batch ${p.batch} bila batch itu keliru). Tidak ada yang diubah.`,
    en: (p) =>
      `--replaces ${p.batch}: batch ${p.batch} (${p.file}) is ${p.was}, and this file is imported as ${p.now}. A batch can only be replaced by a file of its own source: import this file with --source ${p.flag} if it is the replacement, or without --replaces if it is not (and delete batch ${p.batch} with prakerja purge --batch ${p.batch} if that batch is wrong). Nothing was changed.`,
  }),
  replacesOneFile: message({
    id: (count: number) => `--replaces hanya untuk satu berkas (diberikan ${count}): impor berkas pengganti itu sendirian.`,
    en: (count) => `--replaces takes one file (${count} given): import the replacing file on its own.`,
  }),
  optReplaces: message({
    id: 'hapus batch ini (salinan lama daftar yang sama) dalam transaksi yang sama dengan impor',
    en: 'delete this batch (an earlier copy of the same list) in the same transaction as the import',
  }),
  datesSwapped: message({
    id: (p: { count: number; from: string; to: string; lines: string }) =>
      `${p.count} tanggal jatuh di luar tanggal-tanggal lain berkas ini (${p.from} – ${p.to}) bila dibaca hari dulu, dan di dalamnya bila dibaca bulan dulu: hari dan bulan tertukar oleh spreadsheet berpengaturan AS? (baris ${p.lines}). Tanggal disimpan seperti terbaca; bila memang tertukar, impor lagi dengan --force --date-order mdy`,
    en: (p) =>
      `${p.count} dates fall outside the other dates of the file (${p.from} – ${p.to}) read day first, and inside them read month first: day and month swapped by a spreadsheet set to US order? (lines ${p.lines}). Stored as read; if they are swapped, import it again with --force --date-order mdy`,
  }),
  datesMonthFirst: message({
    id: (p: { count: number; example: string; lines: string }) =>
      `${p.count} tanggal hanya terbaca bila bulan dulu (baris ${p.lines}), seperti ${p.example}: ditulis oleh spreadsheet berpengaturan AS? Maka hari dan bulan semua tanggal angka berkas ini tertukar: impor lagi dengan --force --date-order mdy`,
    en: (p) =>
      `${p.count} dates can be read only month first (lines ${p.lines}), like ${p.example}: written by a spreadsheet set to US order? Then day and month of every numeric date of this file are swapped: import it again with --force --date-order mdy`,
  }),
  datesUnreadable: message({
    id: (p: { count: number; sample: string }) => `tanggal yang tidak terbaca: ${p.count} (${p.sample}); kunjungannya disimpan tanpa tanggal, dan didaftar oleh prakerja rejects`,
    en: (p) => `dates that cannot be read: ${p.count} (${p.sample}); the visits are kept without a date, and listed by prakerja rejects`,
  }),
  lineText: message({ id: (p: { line: number; text: string }) => `baris ${p.line} ${p.text}`, en: (p) => `line ${p.line} ${p.text}` }),
  optDateOrder: message({
    id: 'tanggal angka dibaca hari dulu (dmy, bawaan) atau bulan dulu (mdy: berkas yang lewat spreadsheet berpengaturan AS)',
    en: 'read numeric dates day first (dmy, the default) or month first (mdy: a file that went through a spreadsheet set to US order)',
  }),
  keptDateUnreadable: message({
    id: 'tanggal kunjungan tidak terbaca; disimpan tanpa tanggal',
    en: 'the visit date cannot be read; kept without a date',
  }),
  keptHeading: message({
    id: 'Diimpor, dengan tanggal yang tidak terbaca (dihitung sebagai "tanpa tanggal" di rekap bulanan):',
    en: 'Imported, with a date that cannot be read (counted as "no date" in the monthly recap):',
  }),
  utf8InAnsi: message({
    id: (p: { count: number; lines: string }) =>
      `${p.count} baris yang ditulis dalam UTF-8 di dalam berkas Windows-1252 ini (baris ${p.lines}) dibaca sebagai UTF-8, bukan sebagai huruf rusak (JOSÃ‰ → JOSÉ)`,
    en: (p) =>
      `${p.count} ${p.count === 1 ? 'row' : 'rows'} written in UTF-8 inside this Windows-1252 file (line${p.count === 1 ? '' : 's'} ${p.lines}) ${p.count === 1 ? 'was' : 'were'} read as UTF-8, not as mojibake (JOSÃ‰ → JOSÉ)`,
  }),
  rejectLines: message({
    id: (p: { line: number; last: number; message: string }) => `    baris ${p.line}–${p.last}: ${p.message}`,
    en: (p) => `    lines ${p.line}–${p.last}: ${p.message}`,
  }),
};
