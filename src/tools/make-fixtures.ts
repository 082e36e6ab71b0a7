/**
 * Writes fixtures/: small, real-looking files of every kind a Dinas office receives, all about ONE cast of
 * 40 invented people, so that imports, matching and recaps over them mean something. Deterministic: run it
 * again (`npm run build && npm run fixtures`) and the bytes are the same.
 *
 * Also writes fixtures/truth.csv — file, line, person — for every data row: which invented person a row is
 * about, whatever the row did to the name or NIK.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { parseNik } from '../normalise/nik.js';
import { regionByCode } from '../normalise/regions.js';

interface Person {
  id: string;
  name: string;
  sex: 'M' | 'F';
  /** YYYY-MM-DD */
  birth: string;
  /** 6-digit kecamatan code where the NIK was issued. */
  district: string;
  serial: number;
}

/** The cast. Names are invented; region codes are real (most in Kota Medan, 1271). */
export const CAST: readonly Person[] = [
  { id: 'P01', name: 'SITI AMINAH', sex: 'F', birth: '1990-01-10', district: '127101', serial: 3 },
  { id: 'P02', name: 'SITI AMINAH', sex: 'F', birth: '1995-07-22', district: '127110', serial: 1 },
  { id: 'P03', name: 'MUHAMMAD RIZKI', sex: 'M', birth: '1998-03-15', district: '127102', serial: 2 },
  { id: 'P04', name: "MA'RUF HIDAYAT", sex: 'M', birth: '1993-11-02', district: '127104', serial: 1 },
  { id: 'P05', name: 'ANDRÉS SIMANJUNTAK', sex: 'M', birth: '1996-04-08', district: '127117', serial: 4 },
  { id: 'P06', name: 'NI MADE SUKMAWATÍ', sex: 'F', birth: '1997-09-19', district: '517101', serial: 2 },
  { id: 'P07', name: 'RAHMAT HIDAYAT', sex: 'M', birth: '1991-05-30', district: '127103', serial: 7 },
  { id: 'P08', name: 'NURHAYATI', sex: 'F', birth: '1988-12-01', district: '127105', serial: 5 },
  { id: 'P09', name: 'SUTRISNO', sex: 'M', birth: '1985-02-14', district: '127106', serial: 1 },
  { id: 'P10', name: 'DEWI LESTARI', sex: 'F', birth: '1999-06-25', district: '127107', serial: 8 },
  { id: 'P11', name: 'DJOKO PRASETYO', sex: 'M', birth: '1987-08-17', district: '127108', serial: 3 },
  { id: 'P12', name: 'TJANDRA WIJAYA', sex: 'M', birth: '1994-10-05', district: '127109', serial: 2 },
  { id: 'P13', name: 'RINA MARLINA SIREGAR', sex: 'F', birth: '2000-02-29', district: '127111', serial: 1 },
  { id: 'P14', name: 'AHMAD FAUZI NASUTION', sex: 'M', birth: '1992-07-07', district: '127112', serial: 6 },
  { id: 'P15', name: 'YUSNIAR LUBIS', sex: 'F', birth: '1989-03-21', district: '127113', serial: 2 },
  { id: 'P16', name: 'BUDI SANTOSO', sex: 'M', birth: '1990-09-09', district: '127114', serial: 9 },
  { id: 'P17', name: 'FITRI HANDAYANI', sex: 'F', birth: '1996-12-31', district: '127115', serial: 4 },
  { id: 'P18', name: 'ABDUL RAHMAN HARAHAP', sex: 'M', birth: '1986-04-18', district: '127116', serial: 1 },
  { id: 'P19', name: 'NOER AZIZAH', sex: 'F', birth: '1993-01-27', district: '127118', serial: 3 },
  { id: 'P20', name: 'IRWAN SYAHPUTRA', sex: 'M', birth: '1997-05-12', district: '127119', serial: 5 },
  { id: 'P21', name: 'LISNAWATI GINTING', sex: 'F', birth: '1995-08-08', district: '127120', serial: 2 },
  { id: 'P22', name: 'HENDRA GUNAWAN TAMBUNAN', sex: 'M', birth: '1984-11-11', district: '127121', serial: 1 },
  { id: 'P23', name: 'PUTRI AYU NINGSIH', sex: 'F', birth: '2001-03-03', district: '127101', serial: 12 },
  { id: 'P24', name: 'MUHAMMAD ILHAM', sex: 'M', birth: '1999-10-10', district: '127102', serial: 6 },
  { id: 'P25', name: 'SRI WAHYUNI', sex: 'F', birth: '1990-04-04', district: '127501', serial: 3 },
  { id: 'P26', name: 'JOKO SUSILO', sex: 'M', birth: '1983-06-06', district: '127502', serial: 2 },
  { id: 'P27', name: 'ROSMAWATI BR. SEMBIRING', sex: 'F', birth: '1992-02-02', district: '120702', serial: 4 },
  { id: 'P28', name: 'ARIF BUDIMAN', sex: 'M', birth: '1994-09-23', district: '120701', serial: 1 },
  // Issued in Kab. Merauke before the 2022 Papua split: the legacy 9101 prefix is still valid.
  { id: 'P29', name: 'YOHANES KOGOYA', sex: 'M', birth: '1991-07-14', district: '910101', serial: 2 },
  { id: 'P30', name: 'DIAN PERMATASARI', sex: 'F', birth: '1998-08-19', district: '317101', serial: 7 },
  { id: 'P31', name: 'AGUS KURNIAWAN', sex: 'M', birth: '1988-01-31', district: '327501', serial: 3 },
  { id: 'P32', name: 'WULAN SARI', sex: 'F', birth: '1997-11-27', district: '327502', serial: 2 },
  { id: 'P33', name: 'MOH. KHOIRUL ANAM', sex: 'M', birth: '1995-05-05', district: '352801', serial: 1 },
  { id: 'P34', name: 'SITI KHODIJAH', sex: 'F', birth: '1993-03-13', district: '337501', serial: 4 },
  { id: 'P35', name: 'M. FIKRI HAIKAL', sex: 'M', birth: '2002-01-17', district: '127103', serial: 2 },
  { id: 'P36', name: 'ELVI SUSANTI', sex: 'F', birth: '1996-06-16', district: '127104', serial: 9 },
  { id: 'P37', name: 'RIDWAN LUBIS', sex: 'M', birth: '1989-09-29', district: '127105', serial: 3 },
  { id: 'P38', name: 'INDAH PERMATA SARI', sex: 'F', birth: '2000-12-12', district: '127106', serial: 1 },
  { id: 'P39', name: 'ZULKIFLI BATUBARA', sex: 'M', birth: '1985-10-20', district: '127107', serial: 2 },
  { id: 'P40', name: 'TRI WAHYUNINGSIH', sex: 'F', birth: '1991-04-26', district: '127108', serial: 5 },
];

/** `PP KK CC DDMMYY SSSS`, day + 40 for women. */
export function nikOf(p: Person): string {
  const [y = '', m = '', d = ''] = p.birth.split('-');
  const day = Number(d) + (p.sex === 'F' ? 40 : 0);
  return `${p.district}${String(day).padStart(2, '0')}${m}${y.slice(2)}${String(p.serial).padStart(4, '0')}`;
}

function person(id: string): Person {
  const p = CAST.find((c) => c.id === id);
  if (!p) throw new Error(`no person ${id} in the cast`);
  return p;
}
const nik = (id: string) => nikOf(person(id));
const name = (id: string) => person(id).name;

/** What Excel keeps of a 16-digit number: 15 significant digits, the last one rounded away. */
function excelNumber(digits: string): number {
  return Number(((BigInt(digits) + 5n) / 10n) * 10n);
}

/** A row to write, and which person it is about (none for titles, headers, footers, blanks). */
interface Line {
  cells: string[];
  person?: string;
}

interface Truth {
  file: string;
  line: number;
  person: string;
}

/** CSV text the way Excel writes it (quotes only where needed), and the line each row starts on. */
function csvText(file: string, rows: readonly Line[], delimiter: string, eol: string, truth: Truth[]): string {
  let line = 1;
  const out: string[] = [];
  for (const row of rows) {
    if (row.person) truth.push({ file, line, person: row.person });
    const text = row.cells
      .map((c) => (c.includes(delimiter) || c.includes('"') || c.includes('\n') || c.includes('\r') ? `"${c.replaceAll('"', '""')}"` : c))
      .join(delimiter);
    out.push(text);
    line += 1 + (text.match(/\r\n|\n|\r/g)?.length ?? 0);
  }
  return out.join(eol) + eol;
}

// ---------------------------------------------------------------------------------------------------------
// 1. Central list, wave 3, as an Excel workbook: title rows, NIK cells some typed as text, some as numbers.

/** The cast members on the wave-3 list whose NIK cell someone typed as a number. */
const NUMERIC_NIK = new Set(['P03', 'P07', 'P11', 'P15', 'P19', 'P21']);

async function centralXlsx(truth: Truth[]): Promise<Buffer> {
  const file = 'penerima-gel3-pusat.xlsx';
  const wb = new ExcelJS.Workbook();
  const fixed = new Date(Date.UTC(2020, 7, 31, 8, 0, 0));
  wb.creator = 'Manajemen Pelaksana Prakerja';
  wb.lastModifiedBy = 'Manajemen Pelaksana Prakerja';
  wb.created = fixed;
  wb.modified = fixed;

  const ws = wb.addWorksheet('Gel 3');
  ws.getCell('A1').value = 'DAFTAR PENERIMA KARTU PRAKERJA GELOMBANG 3';
  ws.mergeCells('A1:F1');
  ws.getCell('A2').value = 'PROVINSI SUMATERA UTARA';
  ws.mergeCells('A2:F2');
  // Row 3 is left empty, as in the real exports: it is not in the file at all.
  ws.getRow(4).values = ['No', 'NIK', 'Nama Lengkap', 'Gelombang', 'Kab/Kota', 'Status'];
  const ids = Array.from({ length: 22 }, (_, i) => `P${String(i + 1).padStart(2, '0')}`);
  ids.forEach((id, i) => {
    const r = 5 + i;
    const row = ws.getRow(r);
    // The running number is a formula, as people make it: its cached result is what counts.
    row.getCell(1).value = i === 0 ? 1 : { formula: `A${r - 1}+1`, result: i + 1 };
    row.getCell(2).value = NUMERIC_NIK.has(id) ? excelNumber(nik(id)) : nik(id);
    const display = id === 'P08' ? `Hj. ${name(id)}` : id === 'P09' ? `Drs. ${name(id)}` : name(id);
    // One name has a bold surname: rich text in the file, plain text once read.
    row.getCell(3).value = id === 'P05' ? { richText: [{ text: 'ANDRÉS ' }, { text: 'SIMANJUNTAK', font: { bold: true } }] } : display;
    row.getCell(4).value = 3;
    row.getCell(5).value = 'KOTA MEDAN';
    row.getCell(6).value = id === 'P16' ? 'Dicabut' : 'Penerima';
    truth.push({ file, line: r, person: id });
  });
  const footer = 5 + ids.length;
  ws.getCell(`A${footer}`).value = 'JUMLAH';
  ws.mergeCells(`A${footer}:C${footer}`);
  ws.getCell(`D${footer}`).value = { formula: `COUNT(D5:D${footer - 1})`, result: ids.length };
  ws.getColumn(2).width = 20;
  ws.getColumn(3).width = 30;

  // A second sheet, for --sheet: a late addition to wave 4, header on the first row.
  const late = wb.addWorksheet('Gel 4 susulan');
  late.getRow(1).values = ['NIK', 'Nama', 'Gel'];
  for (const [i, id] of ['P23', 'P24'].entries()) {
    late.getRow(2 + i).values = [nik(id), name(id), 4];
    truth.push({ file: `${file}#Gel 4 susulan`, line: 2 + i, person: id });
  }
  return fixZipTimes(Buffer.from(await wb.xlsx.writeBuffer()));
}

/**
 * Zip entries carry the time they were written; set every one to the same instant so the workbook's bytes
 * do not change from one run to the next. Walks the central directory (from the end-of-directory record).
 */
function fixZipTimes(zip: Buffer): Buffer {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('not a zip file');
  const entries = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  // 2020-08-31 08:00:00 in MS-DOS form.
  const dosTime = (8 << 11) | (0 << 5) | 0;
  const dosDate = ((2020 - 1980) << 9) | (8 << 5) | 31;
  for (let i = 0; i < entries; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error('bad central directory');
    zip.writeUInt16LE(dosTime, at + 12);
    zip.writeUInt16LE(dosDate, at + 14);
    const local = zip.readUInt32LE(at + 42);
    zip.writeUInt16LE(dosTime, local + 10);
    zip.writeUInt16LE(dosDate, local + 12);
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return zip;
}

// ---------------------------------------------------------------------------------------------------------
// 2. Province consolidation: Windows-1252, `;`, CRLF, title rows, mangled NIKs, JUMLAH and a signature block.

function provinceCsv(truth: Truth[]): Buffer {
  const file = 'rekap-provinsi-sumut.csv';
  const blank = { cells: ['', '', '', '', '', ''] };
  const title = (t: string) => ({ cells: [t, '', '', '', '', ''] });
  const sign = (t: string) => ({ cells: ['', '', '', '', t, ''] });
  const p2 = nik('P02');
  const p14 = nik('P14');
  const p28 = nik('P28');
  let n = 0;
  const row = (id: string, nikText: string, nameText: string, wave: string, regency: string, note = 'Penerima'): Line => ({
    cells: [String(++n), nikText, nameText, wave, regency, note],
    person: id,
  });
  const rows: Line[] = [
    title('REKAPITULASI PENERIMA KARTU PRAKERJA'),
    title('DINAS TENAGA KERJA PROVINSI SUMATERA UTARA'),
    title('GELOMBANG 3 DAN 4 - KEADAAN 31 AGUSTUS 2020'),
    blank,
    { cells: ['NO.', 'NO. KTP', 'NAMA PENERIMA', 'GEL', 'KAB/KOTA', 'KETERANGAN'] },
    row('P01', `'${nik('P01')}`, 'SITI AMINAH', '3', 'KOTA MEDAN'),
    row('P02', `${p2.slice(0, 2)}.${p2.slice(2, 4)}.${p2.slice(4, 6)}.${p2.slice(6, 12)}.${p2.slice(12)}`, 'Siti Aminah', '3', 'KOTA MEDAN'),
    // Scientific notation from an Indonesian-locale Excel (decimal comma) and from an English one.
    row('P03', '1,27102E+15', 'M. RIZKI', '3', 'KOTA MEDAN'),
    row('P04', nik('P04'), "MA'RUF HIDAYAT", '3', 'KOTA MEDAN'),
    row('P05', nik('P05'), 'ANDRÉS SIMANJUNTAK', '3', 'KOTA MEDAN'),
    row('P06', nik('P06'), 'NI MADE SUKMAWATÍ', '3', 'KOTA MEDAN'),
    row('P07', '1.27103E+15', 'RAHMAT HIDAYAT, S.KOM', '3', 'KOTA MEDAN'),
    row('P10', nik('P10'), 'Dewi  Lestari', '3', 'KOTA MEDAN'),
    row('P13', nik('P13'), 'RINA MARLINA SIREGAR', '3', 'KOTA MEDAN'),
    row('P16', nik('P16'), 'BUDI SANTOSO', '3', 'KOTA MEDAN', 'Dicabut'),
    blank,
    // A digit dropped.
    row('P14', p14.slice(0, 9) + p14.slice(10), 'AHMAD FAUZI NASUTION', '3', 'KOTA MEDAN'),
    row('P23', nik('P23'), 'PUTRI AYU NINGSIH', 'Gel. 4', 'KOTA MEDAN'),
    row('P24', nik('P24'), 'MUHAMMAD ILHAM', '4', 'KOTA MEDAN'),
    row('P25', nik('P25'), 'SRI WAHYUNI', '4', 'KOTA BINJAI'),
    row('P26', nik('P26'), 'JOKO SUSILO', '4', 'KOTA BINJAI'),
    row('P27', nik('P27'), 'ROSMAWATI BR. SEMBIRING', '4', 'KAB. DELI SERDANG'),
    // Two digits of the birth month swapped (09 → 90): an impossible date.
    row('P28', p28.slice(0, 8) + p28[9] + p28[8] + p28.slice(10), 'ARIF BUDIMAN', '4', 'KAB. DELI SERDANG'),
    { cells: ['JUMLAH', '', '17', '', '', ''] },
    blank,
    sign('Medan, 31 Agustus 2020'),
    sign('Mengetahui,'),
    sign('Kepala Dinas Tenaga Kerja Provinsi Sumatera Utara'),
    blank,
    blank,
    sign('( Drs. H. ZAINAL ARIFIN, M.Si )'),
    sign('NIP. 19680412 199403 1 005'),
  ];
  return iconv.encode(csvText(file, rows, ';', '\r\n', truth), 'windows-1252');
}

// ---------------------------------------------------------------------------------------------------------
// 3. Central list, wave 4, CSV in UTF-8 with a BOM (Excel's "CSV UTF-8"), header on the first line.

function centralCsv(truth: Truth[]): Buffer {
  const file = 'penerima-gel4-pusat.csv';
  const ids = ['P23', 'P24', 'P25', 'P26', 'P27', 'P28', 'P29', 'P30', 'P31', 'P32', 'P33', 'P34'];
  const rows: Line[] = [
    { cells: ['nik', 'nama_penerima', 'gelombang', 'status', 'kab_kota'] },
    ...ids.map((id) => ({
      cells: [nik(id), id === 'P31' ? `${name(id)}, S.E.` : name(id), '4', 'penerima', regencyName(person(id).district)],
      person: id,
    })),
  ];
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csvText(file, rows, ',', '\r\n', truth), 'utf8')]);
}

function regencyName(district: string): string {
  return regionByCode(district.slice(0, 4))?.name.toUpperCase() ?? district.slice(0, 4);
}

// ---------------------------------------------------------------------------------------------------------
// 4. Walk-in guest book: mixed date formats, missing and mistyped NIKs, titles, a note over two lines.

function walkinCsv(truth: Truth[]): Buffer {
  const file = 'buku-tamu-2020.csv';
  const p37 = nik('P37');
  const p40 = nik('P40');
  let n = 0;
  const visit = (id: string, date: string, nameText: string, nikText: string, phone: string, purpose: string): Line => ({
    cells: [String(++n), date, nameText, nikText, phone, purpose],
    person: id,
  });
  const rows: Line[] = [
    { cells: ['BUKU TAMU LAYANAN KARTU PRAKERJA', '', '', '', '', ''] },
    { cells: ['DINAS TENAGA KERJA KOTA MEDAN', '', '', '', '', ''] },
    { cells: ['', '', '', '', '', ''] },
    { cells: ['No', 'Hari/Tanggal', 'Nama Tamu', 'NIK', 'No. HP', 'Keperluan'] },
    visit('P01', 'Selasa, 5 Mei 2020', 'Siti Aminah', nik('P01'), '0812-6000-1111', 'Daftar Prakerja'),
    visit('P12', '05/05/2020', 'TJANDRA WIJAYA', '', '+62 813 7000 2222', 'Tanya syarat'),
    visit('P35', '12-05-2020', 'M. Fikri Haikal', nik('P35'), '081370003333', 'Daftar Prakerja'),
    visit('P36', '2020-06-02', 'Elvi Susanti, S.Pd.', nik('P36'), '0852 7000 4444', 'Daftar Prakerja'),
    visit('P08', '5 Juni 2020', 'Hj. Nurhayati', nik('P08'), '', 'Cek status'),
    // The last digit mistyped: still a well-formed NIK, of nobody.
    visit('P37', '05-Agu-2020', 'H. Ridwan Lubis', `${p37.slice(0, 15)}8`, '081260005555', 'Daftar Prakerja'),
    // An Excel serial number: the date cell lost its format before the CSV export.
    visit('P38', '44048', 'Indah Permata Sari', nik('P38'), '081260006666', 'Daftar Prakerja'),
    visit('P39', 'Rabu, 5 Agustus 2020', 'ZULKIFLI BATUBARA', nik('P39'), '081260007777', 'Daftar ulang\nlupa email dan kata sandi'),
    visit('P40', '6/8/2020', 'Tri Wahyuningsih', p40.slice(0, 15), '', 'Daftar Prakerja'),
    visit('P05', 'kemarin', 'Andrés Simanjuntak', nik('P05'), '081260008888', 'Tanya pelatihan'),
    { cells: ['', '', '', '', '', ''] },
    // Someone wrote the NIK and forgot the name: rejected, with its line.
    visit('P23', '7 Agustus 2020', '', nik('P23'), '', 'Cek status'),
    visit('P03', '10/08/2020', 'Muhammad Rizki', `${nik('P03')} `, '081260009999', 'Cek status'),
    visit('P24', '2020-08-11', 'Muh. Ilham, S.Pd', nik('P24'), '', 'Cek status'),
    { cells: ['JUMLAH TAMU', '', '13 orang', '', '', ''] },
  ];
  return Buffer.from(csvText(file, rows, ',', '\n', truth), 'utf8');
}

// ---------------------------------------------------------------------------------------------------------
// 5. Excel's "Unicode text": UTF-16LE with a BOM, tab-separated, CRLF.

function unicodeText(truth: Truth[]): Buffer {
  const file = 'penerima-gel5-unicode.txt';
  const ids = ['P35', 'P36', 'P38', 'P39', 'P09', 'P17', 'P06'];
  const rows: Line[] = [
    { cells: ['Daftar Penerima Kartu Prakerja Gelombang 5', '', '', ''] },
    { cells: ['No', 'NIK', 'Nama', 'Gelombang'] },
    ...ids.map((id, i) => ({ cells: [String(i + 1), nik(id), id === 'P09' ? `Drs. ${name(id)}` : name(id), '5'], person: id })),
  ];
  return Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(csvText(file, rows, '\t', '\r\n', truth), 'utf16le')]);
}

// ---------------------------------------------------------------------------------------------------------

export async function makeFixtures(dir: string): Promise<string[]> {
  for (const p of CAST) {
    const parsed = parseNik(nikOf(p), { refYear: 2025 });
    if (parsed.status !== 'valid') throw new Error(`${p.id}: NIK ${nikOf(p)} is not valid (${parsed.status})`);
  }
  mkdirSync(dir, { recursive: true });
  const truth: Truth[] = [];
  const files: [string, Buffer][] = [
    ['penerima-gel3-pusat.xlsx', await centralXlsx(truth)],
    ['rekap-provinsi-sumut.csv', provinceCsv(truth)],
    ['penerima-gel4-pusat.csv', centralCsv(truth)],
    ['buku-tamu-2020.csv', walkinCsv(truth)],
    ['penerima-gel5-unicode.txt', unicodeText(truth)],
  ];
  for (const [file, bytes] of files) writeFileSync(join(dir, file), bytes);
  const truthText = ['file,line,person', ...truth.map((t) => `${t.file},${t.line},${t.person}`)].join('\n') + '\n';
  writeFileSync(join(dir, 'truth.csv'), truthText);
  const cast = ['person,name,sex,birth_date,nik', ...CAST.map((p) => `${p.id},${p.name},${p.sex},${p.birth},${nikOf(p)}`)];
  writeFileSync(join(dir, 'cast.csv'), `${cast.join('\n')}\n`);
  return [...files.map(([f]) => f), 'truth.csv', 'cast.csv'];
}

const isMain = process.argv[1] !== undefined && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isMain) {
  const dir = process.argv[2] ?? 'fixtures';
  const written = await makeFixtures(dir);
  console.log(`wrote ${written.length} files to ${dir}/: ${written.join(', ')}`);
}
