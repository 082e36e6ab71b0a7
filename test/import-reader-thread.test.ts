/**
 * Issue 14: a large CSV is read and normalised in a thread of its own while the import's thread writes
 * (src/commands/reader-thread.ts). Real processes: the thread exists only in the built program. The suite's
 * PRAKERJA_TEST_READER_MIN_BYTES takes that path for small files too, so that these files stay small.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { coreToSpare } from '../src/commands/reader-thread.js';
import { openDatabase } from '../src/store/database.js';
import { tempDir } from './helpers/cli.js';
import { count } from './helpers/db.js';
import { ensureBuilt, runBin, startBin, stderrLine, validNik, type ProcessResult } from './helpers/process.js';

beforeAll(() => ensureBuilt(), 120_000);

const THREAD = { PRAKERJA_TEST_READER_MIN_BYTES: '0' };
const NO_THREAD = { PRAKERJA_TEST_READER_MIN_BYTES: String(1e15) };

/**
 * A list of `rows` rows over several batches of the reading thread (1,024 records each), with every kind
 * of row: titles above the header, a data row above it, blank rows, rows without a name, a quoted cell over
 * two lines, a row with too many fields, invalid NIKs, a footer. Returns the file and its physical lines
 * but the header's: the lines an import reads and accounts for.
 */
function messyList(dir: string, rows: number): { file: string; lines: number } {
  const lines = ['DAFTAR PENERIMA KARTU PRAKERJA', `${validNik(999_999)},ORANG DI ATAS JUDUL,1`, '', 'NIK,Nama,Gelombang,Keterangan'];
  for (let i = 0; i < rows; i++) {
    if (i % 997 === 0) lines.push(',,,');
    else if (i % 1009 === 0) lines.push(`${validNik(i)},,1,`);
    else if (i % 1013 === 0) lines.push(`${validNik(i)},WARGA ${i},1,"catatan\nbaris kedua"`);
    else if (i % 1019 === 0) lines.push(`${validNik(i)},WARGA ${i},1,,lebih,banyak`);
    else if (i % 7 === 0) lines.push(`${validNik(i).slice(0, 15)},WARGA SALAH ${i},2,`);
    else lines.push(`${validNik(i)},WARGA NOMOR ${i},${(i % 3) + 1},`);
  }
  lines.push('JUMLAH,,,');
  const file = join(dir, 'daftar.csv');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return { file, lines: lines.join('\n').split('\n').length - 1 };
}

function rowsOf(db: string, sql: string): unknown[] {
  const conn = new Database(db, { readonly: true });
  try {
    return conn.prepare(sql).raw().all();
  } finally {
    conn.close();
  }
}

/** Every stored field of the records and rejects, and the batch's counts and fingerprint. */
function stored(db: string): unknown {
  return {
    records: rowsOf(db, 'SELECT * FROM records ORDER BY id'),
    rejects: rowsOf(db, 'SELECT * FROM rejects ORDER BY id'),
    batches: rowsOf(db, 'SELECT id, source, sha256, content_sha, columns, rows_read, rows_imported, rows_rejected, rows_skipped FROM batches ORDER BY id'),
  };
}

/** `import --json` without what differs between two runs (the time it took and when). */
function summaryOf(stdout: string): unknown {
  const out = JSON.parse(stdout) as { files: Record<string, unknown>[] };
  return out.files.map((f) => ({ ...f, file: null }));
}

/** A database holding one small batch (what it stores, to compare with after), and the messy list beside it. */
async function oneBatchThenMessy(): Promise<{ db: string; before: unknown; file: string; lines: number }> {
  const dir = tempDir();
  const db = join(dir, 'data.sqlite');
  const first = join(dir, 'kecil.csv');
  writeFileSync(first, `NIK,Nama,Gelombang\n${validNik(500_000)},SITI AMINAH,1\n`);
  expect((await runBin(['--db', db, 'import', first, '--source', 'central'])).code).toBe(0);
  return { db, before: stored(db), ...messyList(dir, 10_000) };
}

/** Imports `file` through the reading thread, paused at `pause` (POINT or POINT:N), and stops it there with `signal`. */
async function stopImportAt(db: string, file: string, pause: string, signal: NodeJS.Signals): Promise<ProcessResult> {
  const child = startBin(['--db', db, 'import', file, '--source', 'central'], { ...THREAD, PRAKERJA_TEST_PAUSE: pause });
  await stderrLine(child, new RegExp(`paused at ${pause.split(':')[0] ?? pause}`));
  child.kill(signal);
  return child.result;
}

describe('the reading thread of a large CSV import', () => {
  it('imports what one thread imports, every stored field alike, and accounts for every line', async () => {
    const dir = tempDir();
    const { file, lines } = messyList(dir, 10_000);
    const results: { summary: unknown; stored: unknown }[] = [];
    for (const env of [THREAD, NO_THREAD]) {
      const db = join(dir, `${results.length}.sqlite`);
      const r = await runBin(['--db', db, '--json', 'import', file, '--source', 'central', '--no-resolve'], env);
      expect(r.code, r.stderr).toBe(0);
      const [f] = JSON.parse(r.stdout).files as { read: number; imported: number; rejected: number; skipped: number }[];
      expect(f && f.read).toBe(lines);
      expect(f && f.imported + f.rejected + f.skipped).toBe(lines);
      expect(f && f.rejected).toBeGreaterThan(10);
      results.push({ summary: summaryOf(r.stdout), stored: stored(db) });
    }
    expect(results[0]).toEqual(results[1]);
  }, 120_000);

  it('runs in a thread of its own: it pauses there, and SIGTERM while it waits leaves the database as it was', async () => {
    const dir = tempDir();
    const db = join(dir, 'data.sqlite');
    openDatabase(db, { create: true }).close();
    const { file } = messyList(dir, 10_000);
    const r = await stopImportAt(db, file, 'reader-batch', 'SIGTERM');
    expect(r.code).toBe(143);
    expect(r.stderr).toContain(`interrupted: nothing of ${file} was kept`);
    expect([count(db, 'SELECT count(*) FROM batches'), count(db, 'SELECT count(*) FROM records'), count(db, 'SELECT count(*) FROM rejects')]).toEqual([0, 0, 0]);
  }, 120_000);

  it('SIGINT after the writer has written rows of the file: exit 130, the database unchanged, the next import works', async () => {
    const { db, before, file, lines } = await oneBatchThenMessy();
    const r = await stopImportAt(db, file, 'rows-written:2', 'SIGINT');
    expect(r.code).toBe(130);
    expect(r.stderr).toContain(`interrupted: nothing of ${file} was kept`);
    expect(stored(db)).toEqual(before);
    const again = await runBin(['--db', db, '--json', 'import', file, '--source', 'central', '--no-resolve'], THREAD);
    expect(again.code, again.stderr).toBe(0);
    expect((JSON.parse(again.stdout).files as { read: number }[])[0]?.read).toBe(lines);
  }, 120_000);

  it('a reading thread that dies mid-file leaves nothing of the file, says so, exits 1; the next import works', async () => {
    const { db, before, file, lines } = await oneBatchThenMessy();
    const r = await runBin(['--db', db, 'import', file, '--source', 'central'], { ...THREAD, PRAKERJA_TEST_FAULT: 'reader-thread' });
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toContain(`${file}: reading the file stopped part-way (the reading thread ended with code 70); nothing of this file was stored`);
    expect(r.stdout + r.stderr).not.toMatch(/at .*\.js:\d+/);
    expect(stored(db)).toEqual(before);
    const again = await runBin(['--db', db, '--json', 'import', file, '--source', 'central', '--no-resolve'], THREAD);
    expect(again.code, again.stderr).toBe(0);
    const [f] = JSON.parse(again.stdout).files as { read: number; imported: number }[];
    expect(f?.read).toBe(lines);
    expect(count(db, 'SELECT count(*) FROM records')).toBe(1 + (f?.imported ?? 0));
  }, 120_000);

  it('is started only when a core is free for it: on a machine whose cores are all busy it would only add its cost', () => {
    expect(coreToSpare(2, 0.2)).toBe(true);
    expect(coreToSpare(2, 1.4)).toBe(true);
    expect(coreToSpare(2, 1.6)).toBe(false);
    expect(coreToSpare(2, 12)).toBe(false);
    expect(coreToSpare(1, 0)).toBe(false);
    expect(coreToSpare(8, 6)).toBe(true);
  });
});
