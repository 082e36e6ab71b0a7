import { statSync, writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { runCli, tempDir } from './helpers/cli.js';

const CENTRAL = `NIK,NAMA,GELOMBANG
1271015001900003,SITI AMINAH,3
1271011203850001,BUDI SANTOSO,3
1271011203850001,AGUS SALIM,3
1271014507920002,Hj. Dewi Kartika Lestari,4
1271012208880004,MUHAMMAD RIZKI RAMADHAN,4
1271012208880004,Muhammad Rizky Ramadhan,4
`;
const WALKIN = `Tanggal,Nama,NIK,No HP
2024-05-01,Siti Aminah,1271015001900030,0812345678
2024-05-02,Dewi Kartika Lestari,,0812999999
2024-05-03,M. Rizki Ramadhan,1271012208880004,
2024-05-04,Joko Susilo,,
`;

async function setup() {
  const dir = tempDir();
  const db = join(dir, 'p.sqlite');
  writeFileSync(join(dir, 'central.csv'), CENTRAL);
  writeFileSync(join(dir, 'walkin.csv'), WALKIN);
  const a = await runCli(['--db', db, 'import', join(dir, 'central.csv'), '--source', 'central']);
  const b = await runCli(['--db', db, 'import', join(dir, 'walkin.csv'), '--source', 'walkin']);
  expect(a.code).toBe(0);
  expect(b.code).toBe(0);
  return { dir, db, importOut: a.stdout + b.stdout };
}

/** The cells of one CSV line as `review export` writes it (quotes only around cells that need them). */
function parseCsvLine(line: string): string[] {
  return [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)].slice(0, -1).map((m) => (m[1] ?? '').replace(/^"(.*)"$/s, '$1').replace(/""/g, '"'));
}

function persons(db: string): Map<string, number | null> {
  const conn = new Database(db, { readonly: true });
  const rows = conn
    .prepare<[], { k: string; p: number | null }>(`SELECT b.file_name || ':' || r.line AS k, r.person_id AS p FROM records_resolved r JOIN batches b ON b.id = r.batch_id`)
    .all();
  conn.close();
  return new Map(rows.map((r) => [r.k, r.p]));
}

describe('resolve after import', () => {
  it('links the same NIK with compatible names, keeps same-NIK-other-name apart as a conflict, and reports it', async () => {
    const { db, importOut } = await setup();
    const p = persons(db);
    expect(p.get('central.csv:6')).toBe(p.get('central.csv:7')); // RIZKI / Rizky, same NIK
    expect(p.get('walkin.csv:4')).toBe(p.get('central.csv:6')); // M. Rizki, same NIK
    expect(p.get('central.csv:3')).not.toBe(p.get('central.csv:4')); // BUDI / AGUS share a NIK: conflict
    expect(importOut).toContain('1 conflict (same NIK, other name)');
    expect(p.get('walkin.csv:5')).not.toBe(null);
  });

  it('--no-resolve leaves records unresolved until `prakerja resolve`', async () => {
    const dir = tempDir();
    const db = join(dir, 'p.sqlite');
    writeFileSync(join(dir, 'central.csv'), CENTRAL);
    const r = await runCli(['--db', db, 'import', join(dir, 'central.csv'), '--source', 'central', '--no-resolve']);
    expect(r.stdout).not.toContain('Resolved');
    expect(persons(db).get('central.csv:2')).toBe(null);
    const res = await runCli(['--db', db, 'resolve']);
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/6 records are 5 persons/);
    expect(persons(db).get('central.csv:2')).not.toBe(null);
  });
});

/** The partition of records into persons, independent of the ids chosen. */
function partition(db: string): string[] {
  const groups = new Map<number | null, string[]>();
  for (const [k, p] of persons(db)) groups.set(p, [...(groups.get(p) ?? []), k]);
  return [...groups.values()].map((g) => g.sort().join(' ')).sort();
}

describe('incremental and full resolve', () => {
  it('gives the same persons whether records are resolved file by file or all at once', async () => {
    const { db } = await setup();
    const incremental = partition(db);
    await runCli(['--db', db, 'resolve']);
    expect(partition(db)).toEqual(incremental);
  });

  it('keeps a review decision when a file is imported again with --force', async () => {
    const { dir, db } = await setup();
    const file = join(dir, 'periksa.csv');
    await runCli(['--db', db, 'review', 'export', file]);
    const lines = readFileSync(file, 'utf8').slice(1).trim().split('\r\n');
    const i = lines.findIndex((l) => l.startsWith('conflict'));
    lines[i] = `${lines[i]}Y`;
    writeFileSync(file, lines.join('\r\n'));
    await runCli(['--db', db, 'review', 'apply', file]);
    const r = await runCli(['--db', db, 'import', join(dir, 'central.csv'), '--source', 'central', '--force']);
    expect(r.code).toBe(0);
    await runCli(['--db', db, 'resolve']);
    const p = persons(db);
    expect(p.get('central.csv:3')).toBe(p.get('central.csv:4'));
  });
});

describe('a NIK shown in scientific notation', () => {
  /** Whether a visitor with `nik` becomes one person with the central row whose NIK Excel showed as 1,27116E+15. */
  async function joins(nik: string): Promise<boolean> {
    const dir = tempDir();
    const db = join(dir, 'p.sqlite');
    writeFileSync(join(dir, 'central.csv'), 'NIK;NAMA;GELOMBANG\n1,27116E+15;BOSTON HOTMAN SIAHAAN;3\n');
    writeFileSync(join(dir, 'walkin.csv'), `Tanggal,Nama,NIK,No HP\n2024-05-01,Boston Hotman Siahaan,${nik},\n`);
    for (const [file, source] of [['central.csv', 'central'], ['walkin.csv', 'walkin']] as const) {
      expect((await runCli(['--db', db, 'import', join(dir, file), '--source', source])).code).toBe(0);
    }
    const p = persons(db);
    return p.get('walkin.csv:2') === p.get('central.csv:2');
  }

  it('joins a visitor whose NIK the display can stand for (1271155000000000 to 1271164999999999)', async () => {
    expect(await joins('1271160307610001')).toBe(true);
    expect(await joins('1271155507610001')).toBe(true);
  });

  it('keeps apart a visitor whose NIK shares the trusted digits 12711 but cannot have been shown so', async () => {
    expect(await joins('1271174512730001')).toBe(false);
  });
});

describe('export records', () => {
  it('writes one row per record with file, line, source, person_id, match, score and masked NIKs, mode 0600 with BOM', async () => {
    const { dir, db } = await setup();
    const out = join(dir, 'records.csv');
    const r = await runCli(['--db', db, 'export', 'records', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Wrote 10 records');
    const text = readFileSync(out, 'utf8');
    expect(text.startsWith('\uFEFFfile,line,source,person_id,match,score,nik')).toBe(true);
    expect(text).not.toContain('1271012208880004');
    expect(text).toContain('127101******0004');
    expect(text.trim().split('\r\n')).toHaveLength(11);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    expect(text).toMatch(/walkin\.csv,4,walkin,\d+,exact_nik,1,/);
  });

  it('tells two sheets of one workbook apart by the sheet column', async () => {
    const dir = tempDir();
    const db = join(dir, 'p.sqlite');
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Gel 3').addRows([['NIK', 'Nama', 'Gelombang'], ['1271015001900003', 'SITI AMINAH', 3]]);
    book.addWorksheet('Gel 4').addRows([['NIK', 'Nama', 'Gelombang'], ['1271011203850001', 'BUDI SANTOSO', 4]]);
    await book.xlsx.writeFile(join(dir, 'penerima.xlsx'));
    for (const sheet of ['Gel 3', 'Gel 4']) {
      expect((await runCli(['--db', db, 'import', join(dir, 'penerima.xlsx'), '--source', 'central', '--sheet', sheet])).code).toBe(0);
    }
    const r = await runCli(['--db', db, 'export', 'records', '--out', join(dir, 'r.csv')]);
    expect(r.code).toBe(0);
    const rows = readFileSync(join(dir, 'r.csv'), 'utf8').trim().split('\r\n');
    expect(rows[0]?.endsWith(',sex,sheet')).toBe(true);
    expect(rows.slice(1).map((row) => [row.split(',')[0], row.split(',')[1], row.split(',').at(-1)])).toEqual([
      ['penerima.xlsx', '2', 'Gel 3'],
      ['penerima.xlsx', '2', 'Gel 4'],
    ]);
  });
});

describe('explain', () => {
  it('explains by FILE:LINE in plain words, with weights and masked NIKs', async () => {
    const { db } = await setup();
    const r = await runCli(['--db', db, 'explain', 'walkin.csv:2']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('NIKs one keystroke apart');
    expect(r.stdout).toContain('the same name');
    expect(r.stdout).toMatch(/total .*one person/);
    expect(r.stdout).not.toContain('1271015001900003');
    // Which blocking rule brought the two records together (NIK …0030 against …0003: region and date agree).
    expect(r.stdout).toContain('compared because: the same region and birth date in the NIK\n');
    const id = await runCli(['--db', db, 'explain', 'walkin.csv:2'], { PRAKERJA_LANG: 'id' });
    expect(id.stdout).toContain('dibandingkan karena: wilayah dan tanggal lahir yang sama di NIK\n');
    const json = await runCli(['--db', db, '--json', 'explain', 'walkin.csv:2']);
    const links = (JSON.parse(json.stdout) as { links: { rule: string; blocking: string | null }[] }).links;
    expect(links.find((l) => l.rule === 'model')?.blocking).toBe('nik_region_date');
    expect(links.filter((l) => l.rule === 'exact_nik').every((l) => l.blocking === null)).toBe(true);
  });

  it('shows a conflict by NIK, and full NIKs only with --show-nik', async () => {
    const { db } = await setup();
    const r = await runCli(['--db', db, 'explain', '1271011203850001', '--show-nik']);
    expect(r.stdout).toContain('CONFLICT');
    expect(r.stdout).toContain('1271011203850001');
  });

  it('says what to do for an unknown target', async () => {
    const { db } = await setup();
    const r = await runCli(['--db', db, 'explain', 'walkin.csv:99']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no record from walkin.csv at line 99');
  });
});

describe('review', () => {
  it('exports pairs side by side with an empty decision column, and applying Y/N changes the persons', async () => {
    const { dir, db } = await setup();
    const file = join(dir, 'periksa.csv');
    const ex = await runCli(['--db', db, 'review', 'export', file]);
    expect(ex.code).toBe(0);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const text = readFileSync(file, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).trim().split('\r\n');
    expect(lines[0]).toBe('kind,probability,decides,why,file_l,line_l,source_l,nik_l,name_l,wave_l,file_r,line_r,source_r,nik_r,name_r,wave_r,decision');
    const conflict = lines.findIndex((l) => l.startsWith('conflict'));
    expect(conflict).toBeGreaterThan(0);
    // Say the conflict is one person after all (Y), as staff would in Excel.
    lines[conflict] = `${lines[conflict]}Y`;
    writeFileSync(file, `${lines.join('\r\n')}\r\n`);
    const before = persons(db);
    expect(before.get('central.csv:3')).not.toBe(before.get('central.csv:4'));
    const learnt = (): unknown => {
      const conn = new Database(db, { readonly: true });
      const row: unknown = conn.prepare('SELECT learnt_at, frequencies FROM resolve_snapshot').get();
      conn.close();
      return row;
    };
    const statistics = learnt();
    const ap = await runCli(['--db', db, 'review', 'apply', file]);
    expect(ap.code).toBe(0);
    expect(ap.stdout).toContain('Stored 1 "same person"');
    // Under the stored statistics, not relearnt: only the decided pair's persons are matched again.
    expect(ap.stdout).toContain('(incremental: the new or decided records and the persons they can join)');
    expect(learnt()).toEqual(statistics);
    const after = persons(db);
    expect(after.get('central.csv:3')).toBe(after.get('central.csv:4'));
  });

  it('reads a review file saved by Excel as "Unicode text" (UTF-16, tab-separated), as imports do', async () => {
    const { dir, db } = await setup();
    const file = join(dir, 'periksa.csv');
    await runCli(['--db', db, 'review', 'export', file]);
    const lines = readFileSync(file, 'utf8').slice(1).trim().split('\r\n');
    const conflict = lines.findIndex((l) => l.startsWith('conflict'));
    lines[conflict] = `${lines[conflict]}Y`;
    const tabs = lines.map((l) => parseCsvLine(l).join('\t')).join('\r\n');
    const saved = join(dir, 'periksa.txt');
    writeFileSync(saved, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${tabs}\r\n`, 'utf16le')]));
    const ap = await runCli(['--db', db, 'review', 'apply', saved]);
    expect(ap.stderr).toBe('');
    expect(ap.stdout).toContain('Stored 1 "same person"');
  });

  it('rejects a bad decision with its line number and stores nothing', async () => {
    const { dir, db } = await setup();
    const file = join(dir, 'periksa.csv');
    await runCli(['--db', db, 'review', 'export', file]);
    const lines = readFileSync(file, 'utf8').trim().split('\r\n');
    lines[1] = `${lines[1]}MAYBE`;
    writeFileSync(file, lines.join('\r\n'));
    const ap = await runCli(['--db', db, 'review', 'apply', file]);
    expect(ap.code).toBe(1);
    expect(ap.stderr).toContain('line 2: decision "MAYBE" is not Y or N');
    const conn = new Database(db, { readonly: true });
    expect(conn.prepare('SELECT count(*) AS n FROM decisions').get()).toEqual({ n: 0 });
    conn.close();
  });

  it('writes formula-looking names as text', async () => {
    const dir = tempDir();
    const db = join(dir, 'p.sqlite');
    writeFileSync(join(dir, 'central.csv'), 'NIK,NAMA,GELOMBANG\n1271011203850001,BUDI SANTOSO,3\n1271011203850001,=HYPERLINK("x"),3\n');
    await runCli(['--db', db, 'import', join(dir, 'central.csv'), '--source', 'central']);
    const file = join(dir, 'r.csv');
    await runCli(['--db', db, 'review', 'export', file]);
    const text = readFileSync(file, 'utf8');
    expect(text).not.toMatch(/,=HYPERLINK/);
  });
});

describe('visit purpose as evidence', () => {
  // 300 listed recipients; the guest book's visitors who wrote a NIK teach what each purpose means: 40 came
  // to collect an incentive (all listed), 40 asked about job vacancies (none listed).
  const nik = (serial: number, listed: boolean): string => `127101${listed ? '0101' : '0202'}90${String(serial).padStart(4, '0')}`;
  const FIRST = ['ADI', 'BAYU', 'CANDRA', 'DANI', 'EKO', 'FAJAR', 'GILANG', 'HENDRA', 'IRFAN', 'JOKO'];
  const LAST = Array.from({ length: 30 }, (_, i) => `NAMA${String.fromCharCode(65 + (i % 26))}${i}`);
  const listedName = (i: number): string => `${FIRST[i % 10]} ${LAST[Math.floor(i / 10)]}`;

  async function resolveWith(purpose: string) {
    const dir = tempDir();
    const db = join(dir, 'p.sqlite');
    const central = ['NIK,NAMA,GELOMBANG', ...Array.from({ length: 300 }, (_, i) => `${nik(i + 1, true)},${listedName(i)},1`), `${nik(301, true)},YOSEFINA BERNADETA LAKE,1`];
    const book = ['Tanggal,Nama,NIK,No HP,Keperluan'];
    for (let i = 0; i < 40; i++) book.push(`2024-05-01,${listedName(i)},${nik(i + 1, true)},,Pencairan insentif`);
    for (let i = 0; i < 40; i++) book.push(`2024-05-02,TAMU ${LAST[i % 30]} ${FIRST[i % 10]}X,${nik(i + 1, false)},,Informasi lowongan kerja`);
    book.push(`2024-05-03,Yosefina Bernadeta Lake,,,${purpose}`);
    writeFileSync(join(dir, 'central.csv'), central.join('\n') + '\n');
    writeFileSync(join(dir, 'walkin.csv'), book.join('\n') + '\n');
    expect((await runCli(['--db', db, 'import', join(dir, 'central.csv'), '--source', 'central'])).code).toBe(0);
    expect((await runCli(['--db', db, 'import', join(dir, 'walkin.csv'), '--source', 'walkin'])).code).toBe(0);
    const p = persons(db);
    const explained = await runCli(['--db', db, 'explain', `walkin.csv:${book.length}`]);
    return { linked: p.get(`walkin.csv:${book.length}`) === p.get(`central.csv:${central.length}`), explained: explained.stdout };
  }

  it('links a NIK-less visitor who came to collect an incentive to the only recipient of that name', async () => {
    const { linked, explained } = await resolveWith('Pencairan Insentif');
    expect(linked).toBe(true);
    expect(explained).toMatch(/visit purpose "pencairan insentif"/);
  });

  it('does not link the same name when the visit purpose is one non-recipients come for', async () => {
    expect((await resolveWith('Informasi lowongan kerja')).linked).toBe(false);
  });

  it('without a purpose, the name alone is not enough', async () => {
    expect((await resolveWith('')).linked).toBe(false);
  });
});
