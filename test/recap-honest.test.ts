/**
 * Issue 11: the recap an office signs. Unknown is not zero (a list without a status column), the same
 * persons in two files of one wave are counted once with the rows labelled, visitors split into "belum
 * penerima" and "tidak dapat dipastikan", and every recap file carries the header and signature blocks.
 * Everything through the real CLI and the real resolver.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { runCli, tempDir } from './helpers/cli.js';

/** Valid NIKs of kecamatan 127101 (Kota Medan): born 1990–1994, men and women. */
const NIK = {
  andi: '1271011203900011',
  budi: '1271010507910012',
  citra: '1271015508920013',
  dewi: '1271016109930014',
  eko: '1271012010940015',
  fajar: '1271010102950016',
  gita: '1271014403960017',
  visitor: '1271011506970018',
};

function files(dir: string) {
  // Wave 7: the centre's list without a status column.
  const wave7 = join(dir, 'gel7.csv');
  writeFileSync(wave7, ['NIK,NAMA', `${NIK.andi},ANDI SIREGAR`, `${NIK.budi},BUDI NASUTION`, `${NIK.citra},CITRA LUBIS`, ''].join('\r\n'));
  // Wave 8 with a status column, and the same list sent again as another file: other layout, other bytes.
  const wave8 = join(dir, 'gel8.csv');
  writeFileSync(
    wave8,
    ['NIK,NAMA,STATUS', `${NIK.dewi},DEWI HARAHAP,PENERIMA`, `${NIK.eko},EKO GINTING,DICABUT`, `${NIK.fajar},FAJAR TARIGAN,PENERIMA`, `${NIK.fajar},FAJAR TARIGAN,PENERIMA`, ''].join('\r\n'),
  );
  const wave8again = join(dir, 'gel8-lagi.csv');
  writeFileSync(wave8again, ['No;Nama Lengkap;No KTP;Keterangan', `1;Dewi Harahap;${NIK.dewi};Penerima`, `2;Eko Ginting;${NIK.eko};Dicabut`, `3;Fajar Tarigan;${NIK.fajar};Penerima`, ''].join('\r\n'));
  // The guest book: a recipient, a visitor with a valid NIK on no list, a visitor without any NIK.
  const book = join(dir, 'tamu.csv');
  writeFileSync(
    book,
    [
      'Tanggal,Nama,NIK,No HP',
      `03/06/2020,Andi Siregar,${NIK.andi},081200000001`,
      `04/06/2020,Hasan Basri Pohan,${NIK.visitor},081200000002`,
      '05/06/2020,Yohana Pardede Sitompul,,081200000003',
      '',
    ].join('\r\n'),
  );
  return { wave7, wave8, wave8again, book };
}

async function loaded() {
  const dir = tempDir();
  const db = join(dir, 'p.sqlite');
  const f = files(dir);
  // Indonesian, as an office reads it (the helper's default is English).
  const cli = (...args: string[]) => runCli(['--db', db, ...args], { PRAKERJA_LANG: 'id' });
  for (const args of [
    ['init', '--region', '1271'],
    ['import', f.wave7, '--source', 'central', '--wave', '7'],
    ['import', f.wave8, '--source', 'central', '--wave', '8'],
    ['import', f.wave8again, '--source', 'central', '--wave', '8'],
    ['import', f.book, '--source', 'walkin'],
  ]) {
    const r = await cli(...args);
    expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
  }
  return { dir, db, cli };
}

interface WaveRow {
  wave: number;
  files: number;
  rows: number;
  recipients: number;
  revoked: number | null;
  duplicate_rows: number;
  repeated_rows: number;
}

describe('unknown is not zero: a list without a status column', () => {
  test('Dicabut is null in --json, "–" on the terminal, empty in CSV and XLSX, and a note names the wave', async () => {
    const { dir, cli } = await loaded();
    const json = await cli('--json', 'report', 'waves');
    expect(json.code).toBe(0);
    const out = JSON.parse(json.stdout) as { waves: { rows: WaveRow[]; total: { revoked: number | null } } };
    expect(out.waves.rows.map((r) => [r.wave, r.revoked])).toEqual([[7, null], [8, 1]]);
    // A total with an unknown term is unknown too.
    expect(out.waves.total.revoked).toBeNull();

    const term = await cli('report', 'waves');
    expect(term.code).toBe(0);
    expect(term.stdout).toMatch(/^7\s+3\s+3\s+–\s/m);
    expect(term.stdout.replace(/\s+/g, ' ')).toContain('Dicabut tidak diketahui (kosong) untuk gelombang 7: daftarnya tidak punya kolom status.');

    const csv = join(dir, 'g.csv');
    expect((await cli('report', 'waves', '--out', csv, '--bare')).code).toBe(0);
    const lines = readFileSync(csv, 'utf8').slice(1).split('\r\n');
    expect(lines[1]?.split(',').slice(0, 4)).toEqual(['7', '3', '3', '']);
    expect(lines[2]?.split(',').slice(0, 4)).toEqual(['8', '3', '3', '1']);

    const xlsx = join(dir, 'g.xlsx');
    expect((await cli('report', 'waves', '--out', xlsx, '--bare')).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    expect(wb.worksheets[0]?.getCell('D2').value ?? null).toBeNull();
    expect(wb.worksheets[0]?.getCell('D3').value).toBe(1);

    const html = join(dir, 'g.html');
    expect((await cli('report', 'waves', '--out', html)).code).toBe(0);
    expect(readFileSync(html, 'utf8')).toMatch(/<tr><td class="num">7<\/td><td class="num">3<\/td><td class="num">3<\/td><td class="num">–<\/td>/);
  });

  test('the kecamatan recap shows the same unknown', async () => {
    const { cli } = await loaded();
    const r = await cli('--json', 'report', 'kecamatan', '--wave', '7');
    const out = JSON.parse(r.stdout) as { kecamatan: { rows: { code: string; revoked: number | null }[]; total: { revoked: number | null } } };
    expect(out.kecamatan.rows.find((k) => k.code === '127101')?.revoked).toBeNull();
    expect(out.kecamatan.total.revoked).toBeNull();
    const eight = JSON.parse((await cli('--json', 'report', 'kecamatan', '--wave', '8')).stdout) as typeof out;
    expect(eight.kecamatan.total.revoked).toBe(1);
  });
});

describe('the same persons in two files of one wave', () => {
  test('count persons once; rows say which file they come from', async () => {
    const { cli } = await loaded();
    const out = JSON.parse((await cli('--json', 'report', 'waves', '--wave', '8')).stdout) as { waves: { rows: WaveRow[] } };
    // 4 rows + 3 rows; Fajar twice in the first file.
    expect(out.waves.rows[0]).toMatchObject({ wave: 8, files: 2, rows: 7, recipients: 3, duplicate_rows: 1, repeated_rows: 3, revoked: 1 });
    const term = await cli('report', 'waves');
    expect(term.stdout).toContain('Baris data (semua berkas)');
    expect(term.stdout).toContain('Baris ganda dalam berkas');
    expect(term.stdout).toContain('Baris dari berkas ulang');
  });
});

describe('belum penerima and tidak dapat dipastikan', () => {
  test('a visitor with a valid NIK on no list is belum penerima; one without a NIK cannot be determined', async () => {
    const { dir, cli } = await loaded();
    const r = await cli('--json', 'report', 'monthly', '--detail');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as {
      monthly: { rows: { month: string; persons: number; recipients: number; not_yet: number; uncertain: number }[]; detail: { name: string; standing: string }[] };
    };
    expect(out.monthly.rows).toMatchObject([{ month: '2020-06', persons: 3, recipients: 1, not_yet: 1, uncertain: 1 }]);
    expect(out.monthly.detail.map((d) => [d.name, d.standing]).sort()).toEqual([
      ['Hasan Basri Pohan', 'not_yet'],
      ['Yohana Pardede Sitompul', 'uncertain'],
    ]);
    const term = await cli('report', 'monthly');
    expect(term.stdout).toMatch(/Belum penerima\s+Tidak dapat dipastikan/);
    expect(term.stdout).toMatch(/^2020-06\s+3\s+3\s+1\s+7 \(1\)\s+1\s+1$/m);

    const out2 = join(dir, 'rekap');
    expect((await cli('report', 'monthly', '--detail', '--out-dir', out2)).code).toBe(0);
    const detail = readFileSync(join(out2, 'rekap-bulanan-belum-penerima.csv'), 'utf8');
    expect(detail).toMatch(/Hasan Basri Pohan,.*,belum penerima\r\n/);
    expect(detail).toMatch(/Yohana Pardede Sitompul,.*,tidak dapat dipastikan \(tanpa NIK valid\)\r\n/);
  });
});

describe('the files sent upward carry a header block and a signature', () => {
  const NOW = ['--lang', 'id'];

  test('init --kepala … sets the signature once; CSV, XLSX and HTML all carry it and the header block', async () => {
    const { dir, cli } = await loaded();
    const init = await cli('init', '--kepala', 'Drs. H. Ahmad Lubis', '--nip', '196805121994031002', '--jabatan', 'Kepala Dinas Tenaga Kerja', '--kota', 'Medan');
    expect(init).toMatchObject({ code: 0, stderr: '' });
    expect(init.stdout).toBe('Tanda tangan rekap: Kepala Dinas Tenaga Kerja, Drs. H. Ahmad Lubis, NIP 196805121994031002, Medan\n');

    const csv = join(dir, 'rekap.csv');
    expect((await cli('report', 'waves', ...NOW, '--out', csv, '--delimiter', ';')).code).toBe(0);
    const text = readFileSync(csv, 'utf8');
    const lines = text.slice(1).split('\r\n');
    expect(lines[0]).toBe('Rekap Penerima Kartu Prakerja per Gelombang');
    expect(lines[1]).toBe('Wilayah kantor;Kota Medan (1271)');
    expect(lines[2]).toBe('Cakupan;Gelombang 7-8');
    expect(lines[3]).toMatch(/^Dibuat;\d{4}-\d\d-\d\d \d\d:\d\d \(waktu setempat, UTC([+-]\d+(:\d\d)?)?\)$/);
    expect(lines[4]).toMatch(/^Catatan;Penerima = orang berbeda/);
    // How a program finds the table: the line after the first empty line, up to the next empty line.
    const start = lines.indexOf('') + 1;
    const end = lines.indexOf('', start);
    expect(lines[start]).toMatch(/^Gelombang;Penerima;Warga wilayah;Dicabut;Berkas;/);
    expect(lines.slice(start + 1, end).map((l) => l.split(';')[0])).toEqual(['7', '8', 'Jumlah']);
    const sign = lines.slice(end + 1);
    expect(sign[0]).toMatch(/^Medan, \d{1,2} (Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember) \d{4}$/);
    expect(sign.slice(1)).toEqual(['Kepala Dinas Tenaga Kerja', '', '', 'Drs. H. Ahmad Lubis', 'NIP 196805121994031002', '']);

    const xlsx = join(dir, 'rekap.xlsx');
    expect((await cli('report', 'all', '--out', xlsx)).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const ws = wb.getWorksheet('Per gelombang');
    if (!ws) throw new Error('no wave sheet');
    expect(ws.getCell('A1').value).toBe('Rekap Penerima Kartu Prakerja per Gelombang');
    expect([ws.getCell('A2').value, ws.getCell('B2').value]).toEqual(['Wilayah kantor', 'Kota Medan (1271)']);
    expect([ws.getCell('A3').value, ws.getCell('B3').value]).toEqual(['Cakupan', 'Gelombang 7-8']);
    const headerRow = ws.views[0]?.state === 'frozen' ? (ws.views[0].ySplit ?? 0) : 0;
    expect(ws.getRow(headerRow).getCell(1).value).toBe('Gelombang');
    expect(ws.getRow(headerRow - 1).getCell(1).value ?? null).toBeNull();
    expect(ws.getRow(headerRow + 1).getCell(1).value).toBe(7);
    const cells: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => void cells.push(String(c.value))));
    expect(cells).toContain('Drs. H. Ahmad Lubis');
    expect(cells).toContain('NIP 196805121994031002');
    expect(cells).toContain('Cakupan');

    const html = join(dir, 'rekap.html');
    expect((await cli('report', 'all', '--out', html)).code).toBe(0);
    const page = readFileSync(html, 'utf8');
    expect(page).toContain('<p class="coverage">Cakupan: Gelombang 7-8</p>');
    expect(page).toContain('<p class="coverage">Cakupan: Bulan 2020-06</p>');
    expect(page).toMatch(/<div class="signature"><p>Medan, \d{1,2} \w+ \d{4}<\/p><p>Kepala Dinas Tenaga Kerja<\/p><p><\/p><p><\/p><p class="name">Drs. H. Ahmad Lubis<\/p><p>NIP 196805121994031002<\/p><\/div>/);
  });

  test('--bare writes only the table; init without a name is a usage error', async () => {
    const { dir, cli } = await loaded();
    const csv = join(dir, 'bare.csv');
    expect((await cli('report', 'waves', '--out', csv, '--bare')).code).toBe(0);
    expect(readFileSync(csv, 'utf8').startsWith('\uFEFFGelombang,Penerima,')).toBe(true);
    const bad = await cli('init', '--nip', '1968');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('tambahkan --kepala "Nama"');
    const none = await cli('init');
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('--region');
  });
});
