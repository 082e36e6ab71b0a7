/**
 * The review queue a person can finish: why a strong pair was not merged (the clustering guard, in words, in
 * `explain` and in the review file), every reason in plain words, the pairs that decide whether a walk-in
 * visitor counts as a recipient first, and the queue as an `.xlsx` with a Y/N drop-down that `review apply`
 * reads back after a real spreadsheet program saved it.
 */
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from './helpers/cli.js';
import { convert, hasSoffice, warnIfNoSoffice } from './helpers/libreoffice.js';

warnIfNoSoffice('review-queue.test.ts');

// Two listed holders of one rare name with unrelated NIKs; the guest book has each of them with their NIK and
// the same phone, and a third visit with that phone and no NIK: it is >99.99% both of them, and the clustering
// refuses the second join (one person has one NIK). Dewi visited without a NIK: her pair decides whether she
// counts as a recipient. BUDI SANTOSO / AGUS SALIM share a NIK: a conflict between two listed rows. The third
// visit against each listed Yosefina by name alone is below the possible threshold: two listed persons hold
// the name, so it is neither of them more than ~30% (it is in the queue through the phone instead). The two
// refused links between the Yosefinas' persons (visits 1–3 and 3–2) are one decision: the queue lists the
// likelier.
const CENTRAL = `NIK,NAMA,GELOMBANG
1271012208880004,YOSEFINA BERNADETA LAKE,3
1371054507910012,YOSEFINA BERNADETA LAKE,4
1271011203850001,BUDI SANTOSO,3
1271011203850001,AGUS SALIM,3
1271014507920002,Hj. Dewi Kartika Lestari,4
`;
const WALKIN = `Tanggal,Nama,NIK,No HP
2024-05-01,Yosefina Bernadeta Lake,1271012208880004,0812345678
2024-05-02,Yosefina Bernadeta Lake,1371054507910012,0812345678
2024-05-03,Yosefina Bernadeta Lake,,0812345678
2024-05-04,Dewi Kartika Lestari,,0812999999
`;

async function setup(): Promise<{ dir: string; db: string }> {
  const dir = tempDir();
  const db = join(dir, 'p.sqlite');
  writeFileSync(join(dir, 'central.csv'), CENTRAL);
  writeFileSync(join(dir, 'walkin.csv'), WALKIN);
  expect((await runCli(['--db', db, 'init', '--region', '1271'])).code).toBe(0);
  expect((await runCli(['--db', db, 'import', join(dir, 'central.csv'), '--source', 'central'])).code).toBe(0);
  expect((await runCli(['--db', db, 'import', join(dir, 'walkin.csv'), '--source', 'walkin'])).code).toBe(0);
  return { dir, db };
}

function query<T>(db: string, sql: string): T[] {
  const conn = new Database(db, { readonly: true });
  try {
    return conn.prepare<[], T>(sql).all();
  } finally {
    conn.close();
  }
}

const personOf = (db: string, file: string, line: number): number | null =>
  query<{ p: number | null }>(db, `SELECT r.person_id AS p FROM records_resolved r JOIN batches b ON b.id = r.batch_id WHERE b.file_name = '${file}' AND r.line = ${line}`)[0]?.p ?? null;

const csvRows = (file: string): string[] => readFileSync(file, 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n');

describe('a strong pair the clustering refused', () => {
  it('is stored with the guard that refused it, and explain says it in words (both languages)', async () => {
    const { db } = await setup();
    const refused = query<{ l: string; r: string; refused: string | null }>(
      db,
      `SELECT bl.file_name || ':' || rl.line AS l, br.file_name || ':' || rr.line AS r, k.refused FROM links k
         JOIN records rl ON rl.id = k.record_l JOIN batches bl ON bl.id = rl.batch_id
         JOIN records rr ON rr.id = k.record_r JOIN batches br ON br.id = rr.batch_id
        WHERE k.refused IS NOT NULL ORDER BY k.id`,
    );
    expect(refused.map((x) => `${x.l} ${x.r} ${x.refused}`).sort()).toEqual(['walkin.csv:2 walkin.csv:3 nik', 'walkin.csv:3 walkin.csv:4 nik']);
    // Other links carry none: only a refused link has a guard.
    expect(query<{ n: number }>(db, `SELECT count(*) AS n FROM links WHERE refused IS NULL AND kind <> 'possible'`)[0]?.n).toBeGreaterThan(0);

    const en = await runCli(['--db', db, 'explain', 'walkin.csv:4']);
    expect(en.code).toBe(0);
    expect(en.stdout).toContain(
      'not merged because: the persons hold different NIKs (127101******0004 and 137105******0012), and no NIK is one keystroke from all the others: one person has one NIK',
    );
    const id = await runCli(['--db', db, 'explain', 'walkin.csv:4'], { PRAKERJA_LANG: 'id' });
    expect(id.code).toBe(0);
    expect(id.stdout).toContain(
      'tidak digabung karena: kedua orang memegang NIK berbeda (127101******0004 dan 137105******0012), dan tidak ada NIK yang hanya satu ketikan dari semua NIK lainnya: satu orang punya satu NIK',
    );
    const json = JSON.parse((await runCli(['--db', db, '--json', 'explain', 'walkin.csv:4'])).stdout) as { links: { refused: string | null }[] };
    expect(json.links.map((l) => l.refused).filter((r) => r !== null)).toEqual(['nik', 'nik']);
  });
  it("a pair kept apart by a reviewer's N through a third record says so (kept_apart)", async () => {
    const { dir, db } = await setup();
    const file = join(dir, 'review.csv');
    await runCli(['--db', db, 'review', 'export', file]);
    const rows = csvRows(file);
    // Dewi's pair (first row): "different people".
    writeFileSync(file, `${rows[0]}\r\n${rows[1]}N\r\n`);
    expect((await runCli(['--db', db, 'review', 'apply', file])).code).toBe(0);
    // She comes again, now with the listed Dewi's NIK and her phone: one record close to both sides of the N.
    writeFileSync(join(dir, 'walkin-2.csv'), 'Tanggal,Nama,NIK,No HP\n2024-06-01,Dewi Kartika Lestari,1271014507920002,0812999999\n');
    expect((await runCli(['--db', db, 'import', join(dir, 'walkin-2.csv'), '--source', 'walkin'])).code).toBe(0);
    expect(personOf(db, 'walkin.csv', 5)).not.toBe(personOf(db, 'central.csv', 6));
    expect(query<{ n: number }>(db, `SELECT count(*) AS n FROM links WHERE refused = 'kept_apart'`)[0]?.n).toBe(1);
    const en = await runCli(['--db', db, 'explain', 'walkin-2.csv:2']);
    expect(en.code).toBe(0);
    expect(en.stdout).toContain("not merged because: one of the persons holds a record that must stay apart from a record of the other (a NIK conflict, or a reviewer's N)");
  });
});

describe('one word of a name alone under one NIK', () => {
  it('is a possible match, and explain and the review file say why it was not merged (both languages)', async () => {
    const dir = tempDir();
    const db = join(dir, 'p.sqlite');
    writeFileSync(join(dir, 'central.csv'), 'NIK,NAMA,GELOMBANG\n1271011203850001,RIZKI SARAGHI,3\n');
    writeFileSync(join(dir, 'walkin.csv'), 'Tanggal,Nama,NIK,No HP\n2024-05-01,Saragih,1271011203850001,0812345678\n');
    expect((await runCli(['--db', db, 'init', '--region', '1271'])).code).toBe(0);
    expect((await runCli(['--db', db, 'import', join(dir, 'central.csv'), '--source', 'central'])).code).toBe(0);
    expect((await runCli(['--db', db, 'import', join(dir, 'walkin.csv'), '--source', 'walkin'])).code).toBe(0);
    expect(personOf(db, 'walkin.csv', 2)).not.toBe(personOf(db, 'central.csv', 2));
    const en = await runCli(['--db', db, 'explain', 'walkin.csv:2']);
    expect(en.stdout).toContain('not merged because: under one NIK, one name is a single word of the other');
    const id = await runCli(['--db', db, 'explain', 'walkin.csv:2'], { PRAKERJA_LANG: 'id' });
    expect(id.stdout).toContain('tidak digabung karena: di bawah satu NIK, nama yang satu hanya satu kata dari nama yang lain');
    const file = join(dir, 'review.csv');
    expect((await runCli(['--db', db, 'review', 'export', file])).code).toBe(0);
    const rows = csvRows(file);
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatch(/^possible,.*not merged because: under one NIK, one name is a single word of the other/);
  });
});

describe('review export (CSV)', () => {
  it('puts the pair that decides a visitor first, says how many decisions settle how many persons, in plain words', async () => {
    const { dir, db } = await setup();
    const file = join(dir, 'review.csv');
    const ex = await runCli(['--db', db, 'review', 'export', file]);
    expect(ex.code).toBe(0);
    expect(ex.stdout).toBe(
      `Wrote 2 possible matches and 1 conflict to ${file}.\n` +
        '1 decision settles whether 1 walk-in visitor counts as a recipient (listed first); the other 2 decisions concern 4 persons (whether some of them are in truth one person).\n' +
        `Fill the decision column with Y (same person) or N (different people), save the file, then: prakerja review apply ${file}\n`,
    );
    const rows = csvRows(file);
    expect(rows[0]).toBe('kind,probability,decides,why,file_l,line_l,source_l,nik_l,name_l,wave_l,file_r,line_r,source_r,nik_r,name_r,wave_r,decision');
    expect(rows).toHaveLength(4);
    // Dewi's pair first: it decides whether a walk-in visitor counts as a recipient.
    expect(rows[1]).toMatch(/^possible,0\.\d+,whether a walk-in visitor counts as a recipient,the same name,central\.csv,6,central,.*,walkin\.csv,5,walkin,/);
    for (const row of rows.slice(2)) expect(row).toContain(',whether two records are one person,');
    // The refused pairs say why they were not merged; no coded level is left.
    expect(rows.join('\n')).toContain('not merged because: the persons hold different NIKs (137105******0012 and 127101******0004)');
    expect(rows.join('\n')).not.toMatch(/\b(exact|jw95|jw88|damaged_short|one_edit|different)\b(?! NIK| names| phone| waves| people)/);
    expect(rows.find((r) => r.startsWith('conflict'))).toContain(',the same NIK; different names,');

    const idFile = join(dir, 'periksa.csv');
    const exId = await runCli(['--db', db, 'review', 'export', idFile], { PRAKERJA_LANG: 'id' });
    expect(exId.code).toBe(0);
    expect(exId.stdout).toContain('1 keputusan menentukan apakah 1 pengunjung buku tamu terhitung penerima (didaftar paling atas); 2 keputusan lainnya menyangkut 4 orang (apakah sebagian dari mereka sebenarnya satu orang).');
    expect(csvRows(idFile)[0]).toBe('Jenis,Peluang,Menentukan,Alasan,Berkas 1,Baris 1,Sumber 1,NIK 1,Nama 1,Gelombang 1,Berkas 2,Baris 2,Sumber 2,NIK 2,Nama 2,Gelombang 2,Keputusan (Y/N)');
    expect(csvRows(idFile)[1]).toMatch(/^mungkin sama,0\.\d+,apakah pengunjung buku tamu terhitung penerima,nama sama,central\.csv,6,/);
  });
});

describe('review export and apply (XLSX)', () => {
  it('writes a workbook 0600 with a Y/N drop-down, both records side by side and the summary', async () => {
    const { dir, db } = await setup();
    const file = join(dir, 'periksa.xlsx');
    const ex = await runCli(['--db', db, 'review', 'export', file]);
    expect(ex.code).toBe(0);
    expect(ex.stdout).toContain(`Wrote 2 possible matches and 1 conflict to ${file}.`);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0];
    if (!ws) throw new Error('no sheet');
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(['kind', 'probability', 'decides', 'why', 'file_l', 'line_l', 'source_l', 'nik_l', 'name_l', 'wave_l', 'file_r', 'line_r', 'source_r', 'nik_r', 'name_r', 'wave_r', 'decision']);
    expect(ws.rowCount).toBe(4);
    for (let r = 2; r <= 4; r++) {
      expect(ws.getCell(r, 17).dataValidation).toMatchObject({ type: 'list', allowBlank: true, formulae: ['"Y,N"'] });
    }
    expect(ws.getCell(2, 5).value).toBe('central.csv');
    expect(ws.getCell(2, 11).value).toBe('walkin.csv');
    const summary = wb.worksheets[1];
    expect(summary?.getCell(1, 1).value).toBe('1 decision settles whether 1 walk-in visitor counts as a recipient (listed first); the other 2 decisions concern 4 persons (whether some of them are in truth one person).');
  });

  it.skipIf(!hasSoffice)('applies the workbook after LibreOffice saved it: decisions stored, persons rebuilt', { timeout: 240_000 }, async () => {
    const { dir, db } = await setup();
    const file = join(dir, 'periksa.xlsx');
    expect((await runCli(['--db', db, 'review', 'export', file], { PRAKERJA_LANG: 'id' })).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0];
    if (!ws) throw new Error('no sheet');
    // Dewi's pair (first) is one person; the conflict is two people; the rest left for later.
    ws.getCell(2, 17).value = 'Y';
    for (let r = 3; r <= ws.rowCount; r++) if (ws.getCell(r, 1).value === 'konflik') ws.getCell(r, 17).value = 'N';
    const filled = join(dir, 'filled', 'periksa.xlsx');
    mkdirSync(join(dir, 'filled'));
    await wb.xlsx.writeFile(filled);
    const saved = convert(filled, 'xlsx', join(dir, 'saved'), join(dir, 'profile'));
    // LibreOffice wrote a workbook of its own, and kept the drop-down and the answers.
    expect(readFileSync(saved).equals(readFileSync(filled))).toBe(false);
    const relo = new ExcelJS.Workbook();
    await relo.xlsx.readFile(saved);
    expect(relo.worksheets[0]?.getCell(2, 17).value).toBe('Y');
    const kept = relo.worksheets[0]?.getCell(3, 17).dataValidation;
    expect(kept?.type).toBe('list');
    expect(kept?.formulae?.[0]).toBe('"Y,N"');

    expect(personOf(db, 'walkin.csv', 5)).not.toBe(personOf(db, 'central.csv', 6));
    const ap = await runCli(['--db', db, 'review', 'apply', saved], { PRAKERJA_LANG: 'id' });
    expect(ap.stderr).toBe('');
    expect(ap.code).toBe(0);
    expect(ap.stdout).toMatch(/^Disimpan 1 keputusan "orang yang sama" dan 1 keputusan "orang berbeda"; 1 baris belum diputuskan\./);
    const decisions = query<{ decision: string; review_file: string }>(db, 'SELECT decision, review_file FROM decisions ORDER BY decision');
    expect(decisions).toEqual([
      { decision: 'N', review_file: 'periksa.xlsx' },
      { decision: 'Y', review_file: 'periksa.xlsx' },
    ]);
    expect(personOf(db, 'walkin.csv', 5)).toBe(personOf(db, 'central.csv', 6));
    expect(personOf(db, 'central.csv', 4)).not.toBe(personOf(db, 'central.csv', 5));
    // The conflict answered N stays out of the queue's decisions; the queue now holds the one undecided pair.
    const again = JSON.parse((await runCli(['--db', db, '--json', 'review', 'export', join(dir, 'again.csv')])).stdout) as { possible: number; conflicts: number };
    expect(again).toMatchObject({ possible: 1 });
  });

  it('a bad decision in a workbook is named by its sheet row, and nothing is stored (exit 1)', async () => {
    const { dir, db } = await setup();
    const file = join(dir, 'periksa.xlsx');
    await runCli(['--db', db, 'review', 'export', file]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0];
    if (!ws) throw new Error('no sheet');
    ws.getCell(3, 17).value = 'MAYBE';
    await wb.xlsx.writeFile(file);
    const ap = await runCli(['--db', db, 'review', 'apply', file]);
    expect(ap.code).toBe(1);
    expect(ap.stderr).toContain('line 3: decision "MAYBE" is not Y or N');
    expect(query<{ n: number }>(db, 'SELECT count(*) AS n FROM decisions')[0]?.n).toBe(0);
  });

  it('a workbook that is not a review file is refused with what to use instead, not a --map hint (exit 1)', async () => {
    const { dir, db } = await setup();
    const file = join(dir, 'lain.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').addRow(['foo', 'bar']);
    await wb.xlsx.writeFile(file);
    const ap = await runCli(['--db', db, 'review', 'apply', file], { PRAKERJA_LANG: 'id' });
    expect(ap.code).toBe(1);
    expect(ap.stderr).toBe(
      `prakerja: ${file}: tidak punya kolom Berkas 1, Baris 1, NIK 1, Nama 1, Berkas 2, Baris 2, Keputusan (Y/N). Pakai berkas yang ditulis \`prakerja review export\`, lengkap dengan baris judul kolomnya.\n`,
    );
    expect(query<{ n: number }>(db, 'SELECT count(*) AS n FROM decisions')[0]?.n).toBe(0);
  });
});
