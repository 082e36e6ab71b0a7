/**
 * Personal data: every file that holds NIKs is 0600 whatever the umask; NIKs are masked in text; CSV cells
 * cannot become formulas; `purge` really removes a batch's data from the file.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importFiles } from '../src/commands/import.js';
import { maskNikLike } from '../src/privacy/mask.js';
import { safeCell } from '../src/report/safe-cell.js';
import { openDatabase } from '../src/store/database.js';
import { openOutputFile, writeOutputFile } from '../src/store/output-files.js';
import { runCli, tempDir } from './helpers/cli.js';
import { count } from './helpers/db.js';

const mode = (path: string) => statSync(path).mode & 0o777;

describe('files with NIKs are private (0600), even under umask 000', () => {
  let saved = 0;
  beforeEach(() => {
    saved = process.umask(0);
  });
  afterEach(() => {
    process.umask(saved);
  });

  it('the database and its -wal and -shm files', async () => {
    const dir = tempDir();
    const path = join(dir, 'data.sqlite');
    writeFileSync(join(dir, 'a.csv'), 'NIK,Nama,Gelombang\n1271015001900003,SITI AMINAH,3\n');
    const db = openDatabase(path, { create: true });
    await importFiles(db, { files: [join(dir, 'a.csv')], source: 'central' });
    // While a connection is open the WAL files exist; SQLite gives them the database file's mode.
    expect([mode(path), mode(`${path}-wal`), mode(`${path}-shm`)]).toEqual([0o600, 0o600, 0o600]);
    db.close();
  });

  it('the database created by the CLI', async () => {
    const dir = tempDir();
    const r = await runCli(['--db', join(dir, 'x.sqlite'), 'init', '--region', '1271']);
    expect(r.code, r.stderr).toBe(0);
    expect(mode(join(dir, 'x.sqlite'))).toBe(0o600);
  });

  it('writeOutputFile: new files, and existing files that were looser', () => {
    const dir = tempDir();
    writeOutputFile(join(dir, 'new.csv'), 'nik\n1271015001900003\n', { personal: true });
    writeFileSync(join(dir, 'old.csv'), 'old', { mode: 0o644 });
    writeOutputFile(join(dir, 'old.csv'), 'nik\n1271015001900003\n', { personal: true });
    expect([mode(join(dir, 'new.csv')), mode(join(dir, 'old.csv'))]).toEqual([0o600, 0o600]);
    expect(readFileSync(join(dir, 'old.csv'), 'utf8')).toBe('nik\n1271015001900003\n');
  });

  it('openOutputFile: nothing under the final name until commit, and abort leaves the old file', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'export.csv'), 'old', { mode: 0o666 });
    const out = openOutputFile(join(dir, 'export.csv'), { personal: true });
    out.write('nik\n');
    expect(readFileSync(join(dir, 'export.csv'), 'utf8')).toBe('old');
    out.abort();
    expect(readFileSync(join(dir, 'export.csv'), 'utf8')).toBe('old');
    const again = openOutputFile(join(dir, 'export.csv'), { personal: true });
    again.write('nik\n1271015001900003\n');
    again.commit();
    expect(mode(join(dir, 'export.csv'))).toBe(0o600);
    expect(readFileSync(join(dir, 'export.csv'), 'utf8')).toBe('nik\n1271015001900003\n');
  });

  it('writeOutputFile into a missing folder, or onto a folder, says so', () => {
    const dir = tempDir();
    expect(() => writeOutputFile(join(dir, 'no', 'x.csv'), '', { personal: true })).toThrow(/the folder .*no does not exist/);
    expect(() => writeOutputFile(dir, '', { personal: true })).toThrow(/it is a folder/);
  });
});

describe('temp files a killed writer left', () => {
  it('are removed by the next write of the same file when their process is gone, kept while it lives', () => {
    const dir = tempDir();
    const dead = spawnSync(process.execPath, ['-e', '0']).pid;
    expect(dead).toBeGreaterThan(0);
    const abandoned = join(dir, `.orang.csv.${dead}.AbCd_12.tmp`);
    const live = join(dir, `.orang.csv.${process.pid}.EfGh-34.tmp`);
    const other = join(dir, `.lain.csv.${dead}.AbCd_12.tmp`);
    for (const f of [abandoned, live, other]) writeFileSync(f, 'nik\n1271015001900003\n', { mode: 0o600 });
    writeOutputFile(join(dir, 'orang.csv'), 'nik\n', { personal: true });
    expect([existsSync(abandoned), existsSync(live), existsSync(other)]).toEqual([false, true, true]);
    expect(readFileSync(join(dir, 'orang.csv'), 'utf8')).toBe('nik\n');
  });
});

describe('masking NIKs inside text', () => {
  it.each([
    ['1271015001900003', '127101******0003'],
    ['NIK 1271015001900003 dan 3275014101850012', 'NIK 127101******0003 dan 327501******0012'],
    ['1271 0150 0190 0003', '127101******0003'],
    ['12.71.01.500190.0003', '127101******0003'],
    ["'1271015001900003", "'127101******0003"],
    ['127101500190000', '127101******000'],
    ['08123456789', '08123456789'],
    ['3.27512E+15', '3.27512E+15'],
    ['gelombang 3, baris 1200, tahun 2024', 'gelombang 3, baris 1200, tahun 2024'],
  ])('%s → %s', (text, masked) => {
    expect(maskNikLike(text)).toBe(masked);
  });
});

describe('CSV cells cannot become formulas', () => {
  it.each([
    ['=HYPERLINK("http://x","klik")', `'=HYPERLINK("http://x","klik")`],
    ['+62 812 3456', "'+62 812 3456"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['-2+3', "'-2+3"],
    ['\t=1', "'\t=1"],
    ['-5', "'-5"],
    ['+3,5', "'+3,5"],
    ['SITI AMINAH', 'SITI AMINAH'],
    ['1271015001900003', '1271015001900003'],
  ])('%s', (cell, safe) => {
    expect(safeCell(cell)).toBe(safe);
  });
});

describe('prakerja purge', () => {
  const NIK_W1 = '1271015001900003';
  const NIK_W2 = '1271010101900002';
  const NIK_WALK = '1271014101900005';

  async function threeBatches(): Promise<{ dir: string; db: string }> {
    const dir = tempDir();
    const db = join(dir, 'data.sqlite');
    writeFileSync(join(dir, 'gel-1.csv'), `NIK,Nama,Gelombang\n${NIK_W1},SITI AMINAH,1\n${NIK_W2.slice(0, 10)},BUDI,1\n9999,,1\n`);
    writeFileSync(join(dir, 'gel-2.csv'), `NIK,Nama,Gelombang\n${NIK_W2},BUDI SANTOSO,2\n`);
    writeFileSync(join(dir, 'tamu.csv'), `NIK,Nama\n${NIK_WALK},ANI SURYANI\n`);
    for (const [file, source] of [['gel-1.csv', 'central'], ['gel-2.csv', 'central'], ['tamu.csv', 'walkin']] as const) {
      const r = await runCli(['--db', db, 'import', join(dir, file), '--source', source]);
      expect(r.code, r.stderr).toBe(0);
    }
    // A link between a record of batch 1 and one of batch 2, as the resolver would leave.
    const conn = new Database(db);
    conn
      .prepare(
        `INSERT INTO links (record_l, record_r, kind, rule, levels)
         SELECT (SELECT min(id) FROM records WHERE batch_id = 1), (SELECT min(id) FROM records WHERE batch_id = 2), 'possible', 'test', '{}'`,
      )
      .run();
    conn.prepare("UPDATE batches SET imported_at = '2024-03-01T08:00:00.000Z' WHERE id = 1").run();
    conn.close();
    return { dir, db };
  }


  /** Every byte the database keeps on disk: the file and, if any, its write-ahead log. */
  function bytesOnDisk(db: string): string {
    return [db, `${db}-wal`].filter(existsSync).map((p) => readFileSync(p).toString('latin1')).join('');
  }

  it('rebuilds persons afterwards: a visitor matched only through a purged list is no longer matched', async () => {
    const dir = tempDir();
    const db = join(dir, 'data.sqlite');
    writeFileSync(join(dir, 'gel-1.csv'), `NIK,Nama,Gelombang\n${NIK_W1},SITI AMINAH,1\n`);
    writeFileSync(join(dir, 'tamu.csv'), `NIK,Nama\n${NIK_W1},Siti Aminah\n`);
    expect((await runCli(['--db', db, 'import', join(dir, 'gel-1.csv'), '--source', 'central'])).code).toBe(0);
    expect((await runCli(['--db', db, 'import', join(dir, 'tamu.csv'), '--source', 'walkin'])).code).toBe(0);
    const walkinMatch = () => {
      const conn = new Database(db, { readonly: true });
      try {
        return conn.prepare(`SELECT match FROM records_resolved WHERE source = 'walkin'`).pluck().get();
      } finally {
        conn.close();
      }
    };
    expect(walkinMatch()).toBe('exact_nik');
    expect((await runCli(['--db', db, 'purge', '--batch', '1'])).code).toBe(0);
    expect(walkinMatch()).toBe('single');
  });

  it('--batch deletes its records, rejects and links, compacts, and the NIKs are gone from the file', async () => {
    const { db } = await threeBatches();
    expect(bytesOnDisk(db)).toContain(NIK_W1);
    const r = await runCli(['--db', db, '--json', 'purge', '--batch', '1']);
    expect(r.code, r.stderr).toBe(0);
    const result = JSON.parse(r.stdout) as { dryRun: boolean; batches: { id: number }[]; records: number; rejects: number; links: number; bytesAfter: number };
    expect(result).toMatchObject({ dryRun: false, records: 2, rejects: 1, links: 1 });
    expect(result.batches.map((b) => b.id)).toEqual([1]);
    expect(count(db, 'SELECT count(*) FROM batches')).toBe(2);
    expect(count(db, 'SELECT count(*) FROM records WHERE batch_id = 1')).toBe(0);
    expect(count(db, 'SELECT count(*) FROM rejects')).toBe(0);
    expect(count(db, 'SELECT count(*) FROM links')).toBe(0);
    expect(count(db, 'SELECT count(*) FROM records')).toBe(2);
    expect(bytesOnDisk(db)).not.toContain(NIK_W1);
    expect(bytesOnDisk(db)).toContain(NIK_WALK);
  });

  it('lists the pre-upgrade backup copies it did not touch', async () => {
    const { db } = await threeBatches();
    writeFileSync(`${db}.v1.bak`, 'old copy', { mode: 0o600 });
    writeFileSync(`${db}.notes`, 'unrelated');
    const r = await runCli(['--db', db, 'purge', '--batch', '2']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`Copies made before schema upgrades still hold the old data; delete them if the retention rule covers them:\n  ${db}.v1.bak\n`);
    expect(r.stdout).not.toContain('.notes');
  });

  it('--dry-run lists and deletes nothing', async () => {
    const { db } = await threeBatches();
    const r = await runCli(['--db', db, 'purge', '--source', 'central', '--dry-run']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Dry run: would delete 2 batches: 3 records, 1 rejected row, 1 link\. Nothing was deleted\./);
    expect(count(db, 'SELECT count(*) FROM records')).toBe(4);
    expect(count(db, 'SELECT count(*) FROM links')).toBe(1);
  });

  it('--before and --source select by import date and kind, and combine', async () => {
    const { db } = await threeBatches();
    const none = await runCli(['--db', db, 'purge', '--source', 'walkin', '--before', '2025-01-01']);
    expect(none.stdout).toBe('No batch matches; nothing was deleted.\n');
    const before = await runCli(['--db', db, '--json', 'purge', '--before', '2025-01-01']);
    expect((JSON.parse(before.stdout) as { batches: { id: number }[] }).batches.map((b) => b.id)).toEqual([1]);
    const walkin = await runCli(['--db', db, 'purge', '--source', 'walkin']);
    expect(walkin.stdout).toMatch(/Deleted 1 batch: 1 record, 0 rejected rows, 0 links, and compacted the database\./);
    expect(count(db, 'SELECT group_concat(id) FROM batches')).toBe(2);
  });

  it.each([
    [['purge'], /say what to purge/],
    [['purge', '--before', '2025-13-01'], /give a date as YYYY-MM-DD/],
    [['purge', '--before', '1/1/2025'], /give a date as YYYY-MM-DD/],
    [['purge', '--source', 'kecamatan'], /not a source\. Give central \(pusat\), province \(provinsi\) or walkin \(buku tamu, bukutamu\)/],
    [['purge', '--batch', 'x'], /give a batch number/],
  ])('%j is a usage error', async (args, message) => {
    const { db } = await threeBatches();
    const r = await runCli(['--db', db, ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(count(db, 'SELECT count(*) FROM records')).toBe(4);
  });
});
