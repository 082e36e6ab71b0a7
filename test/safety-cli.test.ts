/**
 * Scripting contract and clear failures, in-process: exit codes, --json, --quiet, no colour off a terminal,
 * NIKs masked in messages, and one-line messages for the ways a database path goes wrong.
 */
import { chmodSync, copyFileSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { handleError } from '../src/cli/errors.js';
import { EXIT } from '../src/cli/exit-codes.js';
import { run } from '../src/cli/main.js';
import { importFiles } from '../src/commands/import.js';
import { openDatabase } from '../src/store/database.js';
import { runCli, tempDir } from './helpers/cli.js';
import { ensureBuilt, projectReachableByOthers, runBin } from './helpers/process.js';

const NIK_A = '1271015001900003';
const NIK_B = '1271010101900002';
const GOOD = `NIK,Nama,Gelombang\n${NIK_A},SITI AMINAH,3\n${NIK_B},BUDI SANTOSO,3\n`;
const WITH_REJECT = `${GOOD}${'1271010202900004'},,3\n`;

function setup(files: Record<string, string>): { dir: string; db: string; path: (name: string) => string } {
  const dir = tempDir();
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return { dir, db: join(dir, 'data.sqlite'), path: (name) => join(dir, name) };
}

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const oneLine = (text: string) => text.trimEnd().split('\n').length === 1 && !/\n\s+at /.test(text);

describe('exit codes', () => {
  it.each([
    ['0: imported', ['import', 'good.csv', '--source', 'central'], EXIT.ok],
    ['0: rejects without --strict', ['import', 'reject.csv', '--source', 'central'], EXIT.ok],
    ['3: --strict and a row was rejected', ['import', 'reject.csv', '--source', 'central', '--strict'], EXIT.rejected],
    ['0: --strict and nothing rejected', ['import', 'good.csv', '--source', 'central', '--strict'], EXIT.ok],
    ['1: a file cannot be read', ['import', 'missing.csv', '--source', 'central'], EXIT.failure],
    ['1: one bad file among good ones in a folder', ['import', 'folder', '--source', 'central'], EXIT.failure],
    ['2: unknown option', ['import', 'good.csv', '--source', 'central', '--frobnicate'], EXIT.usage],
    ['2: --source missing', ['import', 'good.csv'], EXIT.usage],
    ['2: bad --source', ['import', 'good.csv', '--source', 'kecamatan'], EXIT.usage],
    ['2: bad --wave', ['import', 'good.csv', '--source', 'central', '--wave', 'tiga'], EXIT.usage],
    ['2: unknown command', ['importt'], EXIT.usage],
    ['2: purge with no condition', ['purge'], EXIT.usage],
  ] as const)('%s', async (_, args, code) => {
    const s = setup({ 'good.csv': GOOD, 'reject.csv': WITH_REJECT });
    mkdirSync(s.path('folder'));
    writeFileSync(join(s.path('folder'), 'a.csv'), GOOD);
    writeFileSync(join(s.path('folder'), 'b.csv'), 'just,a,title\n');
    const resolved = args.map((a) => (a.endsWith('.csv') || a === 'folder' ? s.path(a) : a));
    const r = await runCli(['--db', s.db, ...resolved]);
    expect(r.code, r.stderr).toBe(code);
    if (code !== EXIT.ok) expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('the exit code table is the documented one', () => {
    expect(EXIT).toEqual({ ok: 0, failure: 1, usage: 2, rejected: 3, interrupted: 130, terminated: 143 });
  });
});

describe('import DIR for cron', () => {
  it('imports every CSV of a folder once, skips by sha256 on the next run, one summary line per file, one exit code', async () => {
    const s = setup({});
    mkdirSync(s.path('masuk'));
    writeFileSync(join(s.path('masuk'), 'gel-1.csv'), GOOD);
    writeFileSync(join(s.path('masuk'), 'gel-2.csv'), WITH_REJECT);
    writeFileSync(join(s.path('masuk'), 'catatan.docx'), 'not a list');
    const first = await runCli(['--db', s.db, '--json', 'import', s.path('masuk'), '--source', 'central']);
    expect(first.code).toBe(0);
    const one = JSON.parse(first.stdout) as { files: { file: string; outcome: string; read: number; imported: number; rejected: number; skipped: number }[] };
    expect(one.files.map((f) => [f.file.split('/').pop(), f.outcome, f.imported, f.rejected])).toEqual([
      ['gel-1.csv', 'imported', 2, 0],
      ['gel-2.csv', 'imported', 2, 1],
    ]);
    for (const f of one.files) expect(f.imported + f.rejected + f.skipped).toBe(f.read);
    // A copy under another name is the same bytes: skipped too.
    copyFileSync(join(s.path('masuk'), 'gel-1.csv'), join(s.path('masuk'), 'gel-1 (copy).csv'));
    const second = await runCli(['--db', s.db, 'import', s.path('masuk'), '--source', 'central', '--strict']);
    expect(second.code).toBe(0);
    expect(second.stdout.match(/already imported as batch/g)).toHaveLength(3);
    const db = new Database(s.db, { readonly: true });
    expect(db.prepare('SELECT count(*) FROM records').pluck().get()).toBe(4);
    db.close();
  });
});

describe('--json on every command that reports', () => {
  it.each([
    ['init', ['init', '--region', '1271']],
    ['import', ['import', 'good.csv', '--source', 'central']],
    ['status', ['status']],
    ['rejects', ['rejects']],
    ['purge', ['purge', '--source', 'walkin', '--dry-run']],
  ])('%s --json prints one JSON document and nothing else', async (_, args) => {
    const s = setup({ 'good.csv': GOOD });
    await runCli(['--db', s.db, 'import', s.path('good.csv'), '--source', 'central']);
    const r = await runCli(['--db', s.db, '--json', ...args.map((a) => (a.endsWith('.csv') ? s.path(a) : a))]);
    expect(r.code, r.stderr).toBe(0);
    expect(() => JSON.parse(r.stdout) as unknown).not.toThrow();
    expect(r.stderr).toBe('');
  });
});

describe('--quiet, colours and spinners', () => {
  it('--quiet prints nothing on success and only the error on failure', async () => {
    const s = setup({ 'good.csv': GOOD });
    const ok = await runCli(['--db', s.db, '-q', 'import', s.path('good.csv'), '--source', 'central']);
    expect([ok.code, ok.stdout, ok.stderr]).toEqual([0, '', '']);
    const bad = await runCli(['--db', s.db, '-q', 'import', s.path('nope.csv'), '--source', 'central']);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/nope\.csv: no such file/);
  });

  async function atTerminal(env: NodeJS.ProcessEnv, args: string[]): Promise<{ out: string; spinner: string }> {
    const s = setup({ 'reject.csv': WITH_REJECT });
    let out = '';
    let spinner = '';
    const stream = Object.assign(
      new Writable({
        write(chunk: Buffer, _enc, done) {
          spinner += chunk.toString();
          done();
        },
      }),
      { isTTY: true, columns: 80, cursorTo: () => true, clearLine: () => true, moveCursor: () => true },
    );
    await run(['--db', s.db, ...args, 'import', s.path('reject.csv'), '--source', 'central'], {
      stdout: (t) => void (out += t),
      stderr: (t) => void (out += t),
      env,
      isTTY: true,
      spinnerStream: stream,
    });
    return { out, spinner };
  }

  it('at a terminal: colours and a spinner (the control for the tests below)', async () => {
    const r = await atTerminal({}, []);
    expect(r.out).toContain('\u001b[');
    expect(r.spinner).not.toBe('');
  });

  it.each([
    ['NO_COLOR', { NO_COLOR: '1' }, []],
    ['--no-color', {}, ['--no-color', '--quiet']],
    ['--json', {}, ['--json']],
  ] as const)('with %s: no escape codes, no spinner', async (_, env, args) => {
    const r = await atTerminal({ ...env }, [...args]);
    expect(r.out).not.toContain('\u001b[');
    expect(r.spinner).toBe('');
  });

  it('not at a terminal: no escape codes', async () => {
    const s = setup({ 'reject.csv': WITH_REJECT });
    const r = await runCli(['--db', s.db, 'import', s.path('reject.csv'), '--source', 'central']);
    expect(r.stdout).not.toContain('\u001b[');
  });
});

describe('NIKs in messages', () => {
  it('a NIK quoted by an error message is masked', async () => {
    const s = setup({ 'noheader.csv': `${NIK_A};SITI AMINAH;3\n${NIK_B};BUDI;3\n` });
    const r = await runCli(['--db', s.db, 'import', s.path('noheader.csv'), '--source', 'central']);
    expect(r.code).toBe(1);
    const all = r.stdout + r.stderr;
    expect(all).toContain('127101******0003');
    expect(all).not.toContain(NIK_A);
    const json = await runCli(['--db', s.db, '--json', 'import', s.path('noheader.csv'), '--source', 'central']);
    expect(json.stdout).not.toContain(NIK_A);
  });

  it('a NIK in the name column is masked in the import summary, its JSON and the rejects listing', async () => {
    const s = setup({ 'swapped.csv': `NIK,Nama,Gelombang\nSITI AMINAH,${NIK_A},3\n` });
    const r = await runCli(['--db', s.db, 'import', s.path('swapped.csv'), '--source', 'central']);
    expect(r.stdout).toContain('127101******0003');
    const json = await runCli(['--db', s.db, '--json', 'import', s.path('swapped.csv'), '--source', 'central', '--force']);
    const listing = await runCli(['--db', s.db, 'rejects']);
    const listingJson = await runCli(['--db', s.db, '--json', 'rejects']);
    for (const out of [r, json, listing, listingJson]) expect(out.stdout + out.stderr).not.toContain(NIK_A);
    expect((await runCli(['--db', s.db, 'rejects', '--show-nik'])).stdout).toContain(NIK_A);
  });

  it('handleError masks NIKs in any error it prints', () => {
    let err = '';
    const code = handleError(new Error(`UNIQUE failed for ${NIK_A}`), { stdout: () => {}, stderr: (t) => void (err += t), env: {}, isTTY: false });
    expect(code).toBe(1);
    expect(err).not.toContain(NIK_A);
    expect(err).toContain('127101******0003');
  });

  it('rejects are masked unless --show-nik', async () => {
    const s = setup({ 'reject.csv': WITH_REJECT });
    await runCli(['--db', s.db, 'import', s.path('reject.csv'), '--source', 'central']);
    expect((await runCli(['--db', s.db, 'rejects'])).stdout).not.toContain('1271010202900004');
    expect((await runCli(['--db', s.db, 'rejects', '--show-nik'])).stdout).toContain('1271010202900004');
  });
});

describe('database paths that go wrong: one clear line, exit 1', () => {
  it('a folder that does not exist', async () => {
    const s = setup({ 'good.csv': GOOD });
    const r = await runCli(['--db', join(s.dir, 'no', 'such', 'data.sqlite'), 'import', s.path('good.csv'), '--source', 'central']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/folder .* does not exist/);
    expect(oneLine(r.stderr)).toBe(true);
  });

  it('a file that is not a database', async () => {
    const s = setup({ 'good.csv': GOOD, 'notes.sqlite': 'shopping list: rice, eggs, and a lot more text to make it look like a file\n'.repeat(20) });
    const before = sha(s.path('notes.sqlite'));
    const r = await runCli(['--db', s.path('notes.sqlite'), 'import', s.path('good.csv'), '--source', 'central']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cannot open .*notes\.sqlite: it is not a database, or it is encrypted\./);
    expect(oneLine(r.stderr)).toBe(true);
    expect(sha(s.path('notes.sqlite'))).toBe(before);
  });

  it("another program's SQLite database is refused, not migrated into", async () => {
    const s = setup({ 'good.csv': GOOD });
    const other = new Database(s.path('other.db'));
    other.exec('CREATE TABLE contacts (name TEXT)');
    other.close();
    const before = sha(s.path('other.db'));
    const r = await runCli(['--db', s.path('other.db'), 'import', s.path('good.csv'), '--source', 'central']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/some other program, not a prakerja database/);
    expect(sha(s.path('other.db'))).toBe(before);
  });

  it('an empty --db or PRAKERJA_DB is said to be empty, not read as the current folder (exit 2)', async () => {
    const s = setup({ 'good.csv': GOOD });
    for (const args of [['status'], ['import', s.path('good.csv'), '--source', 'central', '--wave', '1'], ['purge', '--batch', '1']]) {
      const r = await runCli(['--db', '', ...args]);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe('prakerja: --db is empty: give the database file, e.g. --db prakerja.sqlite (or leave --db out for ./prakerja.sqlite).\n');
    }
    const env = await runCli(['status'], { PRAKERJA_DB: ' ' });
    expect(env.code).toBe(2);
    expect(env.stderr).toBe('prakerja: PRAKERJA_DB is empty: set it to the database file, or unset it for ./prakerja.sqlite.\n');
    const id = await runCli(['--db', '', 'status'], { PRAKERJA_LANG: 'id' });
    expect(id.stderr).toBe('prakerja: --db kosong: berikan berkas database, misalnya --db prakerja.sqlite (atau tanpa --db untuk ./prakerja.sqlite).\n');
    expect(readdirSync(s.dir)).toEqual(['good.csv']);
  });

  it('a folder given as the database', async () => {
    const s = setup({ 'good.csv': GOOD });
    const r = await runCli(['--db', s.dir, 'status']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/is a folder, not a database file/);
  });

  it('a socket, pipe or device given as the database is refused before SQLite opens it (it would leave a -journal beside it)', async () => {
    // Found walking the CLI: `--db /dev/null` left /dev/null-journal. A socket stands for every special file
    // here (opening a FIFO could block; the suite never aims at /dev).
    const s = setup({});
    const socket = s.path('p.sqlite');
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(socket, resolve));
    try {
      const r = await runCli(['--db', socket, 'status']);
      expect(r.code).toBe(1);
      expect(r.stderr).toBe(`prakerja: ${socket} is not a regular file (a device, a pipe or a socket). Give --db the name of a database file.\n`);
      const id = await runCli(['--db', socket, 'import', s.path('x.csv'), '--source', 'central'], { PRAKERJA_LANG: 'id' });
      expect(id.stderr).toBe(`prakerja: ${socket} bukan berkas biasa (perangkat, pipa atau soket). Beri --db nama sebuah berkas database.\n`);
      expect(readdirSync(s.dir)).toEqual(['p.sqlite']);
    } finally {
      server.close();
    }
  });

  it('a read-only database (a real process as an unprivileged user)', async (ctx) => {
    // As root the child must run as `nobody`, who cannot start the program from inside a private folder.
    if (process.getuid?.() === 0 && !projectReachableByOthers()) {
      ctx.skip('the project lies in a folder that other users cannot enter (e.g. mktemp -d), so `nobody` cannot run it');
    }
    ensureBuilt();
    const s = setup({ 'good.csv': GOOD, 'more.csv': `NIK,Nama,Gelombang\n${'1271014101900005'},ANI,4\n` });
    await runCli(['--db', s.db, 'import', s.path('good.csv'), '--source', 'central']);
    // root ignores permission bits, so as root the child runs as `nobody`, who may read the file but not
    // write it; anyone else gets a file and folder without write permission.
    const root = process.getuid?.() === 0;
    const fileMode = root ? 0o644 : 0o444;
    chmodSync(s.path('more.csv'), 0o644);
    chmodSync(s.db, fileMode);
    chmodSync(s.dir, root ? 0o755 : 0o555);
    const before = sha(s.db);
    try {
      const r = await runBin(['--db', s.db, 'import', s.path('more.csv'), '--source', 'central'], {}, root ? { uid: 65_534, gid: 65_534 } : {});
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/read-only for this user/);
      expect(oneLine(r.stderr)).toBe(true);
      expect(sha(s.db)).toBe(before);
      expect(statSync(s.db).mode & 0o777).toBe(fileMode);
    } finally {
      chmodSync(s.dir, 0o700);
    }
  });

  it('disk full (simulated with PRAGMA max_page_count): the file is rolled back, the message says what to do', async () => {
    const s = setup({});
    const rows = Array.from({ length: 5_000 }, (_, i) => `${String(1271010101900001 + i)},WARGA NOMOR ${i},1`).join('\n');
    writeFileSync(s.path('big.csv'), `NIK,Nama,Gelombang\n${rows}\n`);
    writeFileSync(s.path('small.csv'), GOOD);
    const db = openDatabase(s.db, { create: true });
    await importFiles(db, { files: [s.path('small.csv')], source: 'central' });
    // SQLite's own limit on the file's pages: writes past it fail with SQLITE_FULL, as on a full disk.
    const pages = Number(db.pragma('page_count', { simple: true }));
    db.pragma(`max_page_count = ${pages + 2}`);
    const error = await importFiles(db, { files: [s.path('big.csv')], source: 'central' }).then(
      () => null,
      (e: unknown) => e,
    );
    expect((error as Error | null)?.message).toMatch(/the disk is full while importing .*big\.csv: nothing of it was kept\. Files imported before it stay imported/);
    expect(db.inTransaction).toBe(false);
    expect(db.prepare('SELECT count(*) FROM batches').pluck().get()).toBe(1);
    expect(db.prepare('SELECT count(*) FROM records').pluck().get()).toBe(2);
    db.close();
    let err = '';
    expect(handleError(error, { stdout: () => {}, stderr: (t) => void (err += t), env: {}, isTTY: false })).toBe(1);
    expect(err).toMatch(/^prakerja: the disk is full while importing .*big\.csv: nothing of it was kept\./);
    expect(oneLine(err)).toBe(true);
  });
});
