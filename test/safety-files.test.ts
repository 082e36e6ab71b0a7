/**
 * Issue 16, items 1 and 8: every file prakerja writes goes through one writer (exclusive random temp file,
 * atomic rename, a symlink at the final name replaced and never followed); the smaller privacy points.
 */
import { chmodSync, existsSync, lstatSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from './helpers/cli.js';
import { ensureBuilt, startBin, stderrLine, validNik } from './helpers/process.js';

const mode = (path: string) => lstatSync(path).mode & 0o777;
const NIK = '1271015001900003';

async function smallDb(rows = 6): Promise<{ dir: string; db: string }> {
  const dir = tempDir();
  const db = join(dir, 'data.sqlite');
  const lines = ['NIK,Nama,Gelombang', `${NIK},SITI AMINAH,3`, `${NIK},SITI AMINA,3`, `${NIK},BUDI SANTOSO,3`];
  for (let i = 0; i < rows - 3; i++) lines.push(`${validNik(i + 10)},WARGA NOMOR ${i},3`);
  writeFileSync(join(dir, 'gel3.csv'), `${lines.join('\n')}\n`);
  writeFileSync(join(dir, 'tamu.csv'), `Tanggal,Nama,NIK\n2024-05-01,Siti Aminah,\n2024-05-02,Budi Santoso,\n`);
  expect((await runCli(['--db', db, 'import', join(dir, 'gel3.csv'), '--source', 'central'])).code).toBe(0);
  expect((await runCli(['--db', db, 'import', join(dir, 'tamu.csv'), '--source', 'walkin'])).code).toBe(0);
  return { dir, db };
}

describe('a symlink planted at the final name is replaced, never followed (issue 16.1)', () => {
  const outputs: [string, string, (db: string, out: string) => string[]][] = [
    ['export records --show-nik', 'orang.csv', (db, out) => ['--db', db, 'export', 'records', '--show-nik', '--out', out]],
    ['review export --show-nik', 'orang.csv', (db, out) => ['--db', db, 'review', 'export', out, '--show-nik']],
    ['report monthly --detail --out FILE.xlsx', 'orang.xlsx', (db, out) => ['--db', db, 'report', 'monthly', '--detail', '--show-nik', '--out', out]],
  ];
  it.each(outputs)('%s', async (_name, name, args) => {
    const { dir, db } = await smallDb();
    const loot = join(dir, 'loot.csv');
    writeFileSync(loot, 'attacker file\n', { mode: 0o666 });
    const out = join(dir, name);
    symlinkSync(loot, out);
    const r = await runCli(args(db, out));
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(loot, 'utf8')).toBe('attacker file\n');
    expect(lstatSync(out).isSymbolicLink()).toBe(false);
    expect(mode(out)).toBe(0o600);
    expect(readFileSync(out, 'utf8').length).toBeGreaterThan(20);
  });
});

describe('a device, pipe or socket at the final name is refused, never replaced', () => {
  // Run as root, rename() replaced /dev/null itself with the export (found walking the CLI). The suite
  // never aims at /dev: a FIFO of its own, and a symlink to one, stand for every special file.
  it.each([
    ['a FIFO', (dir: string) => {
      const fifo = join(dir, 'orang.csv');
      execFileSync('mkfifo', [fifo]);
      return { out: fifo, special: fifo };
    }],
    ['a symlink to a FIFO', (dir: string) => {
      const fifo = join(dir, 'pipa');
      execFileSync('mkfifo', [fifo]);
      symlinkSync(fifo, join(dir, 'orang.csv'));
      return { out: join(dir, 'orang.csv'), special: fifo };
    }],
  ])('%s: exit 1, says so, and leaves it as it was', async (_name, make) => {
    const { dir, db } = await smallDb();
    const { out, special } = make(dir);
    const before = readdirSync(dir).sort();
    for (const args of [['export', 'records', '--out', out], ['review', 'export', out], ['report', 'waves', '--out', out]]) {
      const r = await runCli(['--db', db, ...args]);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr).toBe(`prakerja: cannot write ${out}: it is not a regular file (a device, a pipe or a socket), and writing would replace it. Give the name of a file.\n`);
      expect(lstatSync(special).isFIFO()).toBe(true);
      expect(readdirSync(dir).sort()).toEqual(before);
    }
    const id = await runCli(['--db', db, 'export', 'records', '--out', out], { PRAKERJA_LANG: 'id' });
    expect(id.stderr).toBe(`prakerja: tidak dapat menulis ${out}: itu bukan berkas biasa (perangkat, pipa atau soket), dan menulisnya akan menggantikannya. Berikan nama sebuah berkas.\n`);
  });
});

describe('predictable temp names cannot be hijacked (issue 16.1)', () => {
  it('symlinks planted at .NAME.<pid>.tmp and .NAME.tmp leave their victims alone', async () => {
    const { dir, db } = await smallDb();
    const out = join(dir, 'rekap');
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, 'victim\n');
    const names = ['rekap-bulanan.csv', 'rekap-bulanan-belum-penerima.csv'];
    expect((await runCli(['--db', db, 'report', 'monthly', '--detail', '--out-dir', out])).code).toBe(0);
    for (const name of names) {
      for (const pid of [process.pid, process.pid + 1, 1]) symlinkSync(victim, join(out, `.${name}.${pid}.tmp`));
      symlinkSync(victim, join(out, `.${name}.tmp`));
    }
    const r = await runCli(['--db', db, 'report', 'monthly', '--detail', '--out-dir', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(victim, 'utf8')).toBe('victim\n');
    for (const name of names) expect(lstatSync(join(out, name)).isFile()).toBe(true);
    expect(mode(join(out, 'rekap-bulanan-belum-penerima.csv'))).toBe(0o600);
  });
});

describe('a killed export leaves the earlier complete file (issue 16.1, a real process)', () => {
  it('SIGKILL in the middle of `export records --out` keeps the earlier export whole', async () => {
    ensureBuilt();
    const { dir, db } = await smallDb(4_000);
    const out = join(dir, 'orang.csv');
    expect((await runCli(['--db', db, 'export', 'records', '--out', out])).code).toBe(0);
    const earlier = readFileSync(out, 'utf8');
    expect(earlier.split('\r\n').length).toBeGreaterThan(4_000);
    // A different export (full NIKs), stopped after its second chunk has gone to disk.
    const child = startBin(['--db', db, 'export', 'records', '--show-nik', '--out', out], { PRAKERJA_TEST_PAUSE: 'output-write:2' });
    await stderrLine(child, /paused at output-write/);
    child.kill('SIGKILL');
    expect((await child.result).signal).toBe('SIGKILL');
    expect(readFileSync(out, 'utf8')).toBe(earlier);
    // What it left is its own private temp file, not a part of the final name.
    const left = readdirSync(dir).filter((n) => n.startsWith('.orang.csv.'));
    expect(left).toHaveLength(1);
    expect(mode(join(dir, left[0] ?? ''))).toBe(0o600);
    // The next write of that file removes what the killed run left (its process is gone): no stray copy of
    // full NIKs stays behind in the folder.
    expect((await runCli(['--db', db, 'export', 'records', '--out', out])).code).toBe(0);
    expect(readdirSync(dir).filter((n) => n.startsWith('.orang.csv.'))).toEqual([]);
  }, 60_000);
});

describe('smaller points (issue 16.8)', () => {
  it('an existing 0644 database is made 0600, and says so; its -wal and -shm are 0600', async () => {
    const { db } = await smallDb();
    chmodSync(db, 0o644);
    for (const f of [`${db}-wal`, `${db}-shm`]) rmSync(f, { force: true });
    const r = await runCli(['--db', db, 'status']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/was readable by other users.*0600/);
    expect(mode(db)).toBe(0o600);
    const conn = new Database(db);
    conn.pragma('journal_mode = WAL');
    conn.exec('CREATE TABLE IF NOT EXISTS t(x)');
    expect([mode(`${db}-wal`), mode(`${db}-shm`)]).toEqual([0o600, 0o600]);
    conn.close();
  });

  it('review apply with the same pair marked Y and N refuses, naming both lines', async () => {
    const { dir, db } = await smallDb();
    const file = join(dir, 'periksa.csv');
    expect((await runCli(['--db', db, 'review', 'export', file])).code).toBe(0);
    const lines = readFileSync(file, 'utf8').replace(/^\uFEFF/, '').split('\r\n').filter(Boolean);
    expect(lines.length).toBeGreaterThanOrEqual(2);
    const header = lines[0] ?? '';
    const pair = lines[1] ?? '';
    writeFileSync(file, `${header}\r\n${pair.replace(/,$/, ',Y')}\r\n${pair.replace(/,$/, ',N')}\r\n`);
    const r = await runCli(['--db', db, 'review', 'apply', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/lines? 2 and 3/);
    const conn = new Database(db, { readonly: true });
    expect(conn.prepare('SELECT count(*) FROM decisions').pluck().get()).toBe(0);
    conn.close();
  });

  it.each([
    ['export records', (out: string) => ['export', 'records', '--out', out]],
    ['review export', (out: string) => ['review', 'export', out]],
    ['report waves', (out: string) => ['report', 'waves', '--out', out]],
  ])('%s into a missing folder, or onto a folder: a clear message and exit 1', async (_name, args) => {
    const { dir, db } = await smallDb();
    const missing = await runCli(['--db', db, ...args(join(dir, 'tidak-ada', 'x.csv'))]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/the folder .*tidak-ada does not exist/);
    expect(missing.stderr).not.toMatch(/unexpected/);
    const folder = join(dir, 'sebuah-folder.csv');
    rmSync(folder, { recursive: true, force: true });
    await import('node:fs').then((fs) => fs.mkdirSync(folder));
    const onFolder = await runCli(['--db', db, ...args(folder)]);
    expect(onFolder.code).toBe(1);
    expect(onFolder.stderr).toMatch(/is a folder/);
    expect(onFolder.stderr).not.toMatch(/unexpected/);
  });

  it('--json explain NIK does not echo the full NIK in target', async () => {
    const { db } = await smallDb();
    const r = await runCli(['--db', db, '--json', 'explain', NIK]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toContain(NIK);
    expect(JSON.parse(r.stdout).target).toBe('127101******0003');
  });

  it('a file name holding a NIK is printed masked', async () => {
    const dir = tempDir();
    const db = join(dir, 'data.sqlite');
    const file = join(dir, `surat-${NIK}.csv`);
    writeFileSync(file, 'NIK,Nama,Gelombang\n1271011203850001,BUDI,3\n');
    const r = await runCli(['--db', db, 'import', file, '--source', 'central']);
    expect(r.code, r.stderr).toBe(0);
    const status = await runCli(['--db', db, 'status']);
    const explain = await runCli(['--db', db, 'explain', '1271011203850001']);
    for (const out of [r.stdout, status.stdout, explain.stdout]) {
      expect(out).not.toContain(NIK);
      expect(out).toContain('127101******0003');
    }
    expect(existsSync(file)).toBe(true);
  });
});
