/**
 * What only real processes can show: two prakerja runs on one database at once, SIGKILL in the middle of a
 * large import, Ctrl-C. Each test asserts the database afterwards: integrity, and whole batches or none.
 */
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, ROOT, runBin, startBin, validNik, writeRecipientCsv } from './helpers/process.js';
import { tempDir } from './helpers/cli.js';

const BIG_ROWS = 200_000;
let shared: string;
let big: string;

beforeAll(async () => {
  ensureBuilt();
  shared = mkdtempSync(join(tmpdir(), 'prakerja-proc-'));
  big = join(shared, 'penerima-besar.csv');
  await writeRecipientCsv(big, BIG_ROWS);
}, 120_000);

afterAll(() => rmSync(shared, { recursive: true, force: true }));

interface DbFacts {
  integrity: string;
  batches: { id: number; rows_imported: number }[];
  records: number;
  recordsPerBatch: Map<number, number>;
}

function inspect(path: string): DbFacts {
  const db = new Database(path, { readonly: true });
  try {
    const integrity = String(db.pragma('integrity_check', { simple: true }));
    const batches = db.prepare<[], { id: number; rows_imported: number }>('SELECT id, rows_imported FROM batches ORDER BY id').all();
    const records = Number(db.prepare('SELECT count(*) FROM records').pluck().get());
    const per = db.prepare<[], { batch_id: number; n: number }>('SELECT batch_id, count(*) AS n FROM records GROUP BY batch_id').all();
    return { integrity, batches, records, recordsPerBatch: new Map(per.map((r) => [r.batch_id, r.n])) };
  } finally {
    db.close();
  }
}

/** Every batch row has exactly the records it says it imported: no half batch anywhere. */
function expectWholeBatches(facts: DbFacts): void {
  expect(facts.integrity).toBe('ok');
  for (const b of facts.batches) expect(facts.recordsPerBatch.get(b.id) ?? 0).toBe(b.rows_imported);
  expect([...facts.recordsPerBatch.keys()].every((id) => facts.batches.some((b) => b.id === id))).toBe(true);
}

/**
 * Waits until `condition` holds, however slow the machine: no time limit, only the child's own end (then the
 * moment waited for can no longer come).
 */
async function waitFor(condition: () => boolean, what: string, child: ChildProcess): Promise<void> {
  for (;;) {
    if (condition()) return;
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the process ended before ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Overlapping runs in these tests wait for each other as long as it takes (a busy machine is slow, not wrong). */
const WAIT_FOR_LOCK = { PRAKERJA_LOCK_WAIT: '3600' };

/**
 * The importing process has opened the database (WAL mode makes the -shm file appear; `init` before it
 * closed cleanly and removed its own), so its signal handlers, installed before that, are in place.
 */
function opened(db: string): boolean {
  return existsSync(`${db}-shm`);
}

describe('two prakerja processes on one database at once', () => {
  it('both imports of different files finish, into a database neither had created yet; no row lost', async () => {
    const dir = tempDir();
    const db = join(dir, 'data.sqlite');
    const a = join(dir, 'gel-1.csv');
    const b = join(dir, 'gel-2.csv');
    // Large enough that the two runs overlap, small enough not to keep a busy machine for long.
    await writeRecipientCsv(a, 5_000, 0);
    await writeRecipientCsv(b, 5_000, 500_000);
    const [ra, rb] = await Promise.all([
      runBin(['--db', db, 'import', a, '--source', 'central'], WAIT_FOR_LOCK),
      runBin(['--db', db, 'import', b, '--source', 'central'], WAIT_FOR_LOCK),
    ]);
    expect([ra.code, rb.code, ra.stderr, rb.stderr]).toEqual([0, 0, '', '']);
    const facts = inspect(db);
    expectWholeBatches(facts);
    expect(facts.batches).toHaveLength(2);
    expect(facts.records).toBe(10_000);
    expect(statSync(db).mode & 0o777).toBe(0o600);
  });

  it('the same file imported by two processes at once is imported once; the other run says it was already there', async () => {
    const dir = tempDir();
    const db = join(dir, 'data.sqlite');
    const a = join(dir, 'gel-1.csv');
    await writeRecipientCsv(a, 5_000);
    const runs = await Promise.all([
      runBin(['--db', db, '--json', 'import', a, '--source', 'central'], WAIT_FOR_LOCK),
      runBin(['--db', db, '--json', 'import', a, '--source', 'central'], WAIT_FOR_LOCK),
    ]);
    expect(runs.map((r) => r.code)).toEqual([0, 0]);
    const outcomes = runs.map((r) => (JSON.parse(r.stdout) as { files: { outcome: string }[] }).files[0]?.outcome).sort();
    expect(outcomes).toEqual(['imported', 'unchanged']);
    const facts = inspect(db);
    expectWholeBatches(facts);
    expect(facts.records).toBe(5_000);
  });
});

describe('waiting for the write lock (PRAKERJA_LOCK_WAIT)', () => {
  it('a run that cannot get the lock in the time given exits 1 saying the database is busy, then imports once it is free', async () => {
    const dir = tempDir();
    const db = join(dir, 'data.sqlite');
    const a = join(dir, 'gel-1.csv');
    await writeRecipientCsv(a, 10);
    expect((await runBin(['--db', db, 'init', '--region', '1271'])).code).toBe(0);
    // This test holds the write lock for as long as the other run lives: no race, whatever the machine.
    const holder = new Database(db);
    holder.exec('BEGIN IMMEDIATE');
    try {
      const r = await runBin(['--db', db, 'import', a, '--source', 'central'], { PRAKERJA_LOCK_WAIT: '0.2' });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('busy');
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
    expect(inspect(db).records).toBe(0);
    expect((await runBin(['--db', db, 'import', a, '--source', 'central'])).code).toBe(0);
    expect(inspect(db).records).toBe(10);
  });

  it('a value that is not a number of seconds is a usage error', async () => {
    const r = await runBin(['--db', join(tempDir(), 'x.sqlite'), 'status'], { PRAKERJA_LOCK_WAIT: 'lama' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('PRAKERJA_LOCK_WAIT=lama: give the seconds to wait');
  });
});

describe('killed in the middle of a large import', () => {
  it(`SIGKILL at random points of a ${BIG_ROWS.toLocaleString('en-US')}-row import leaves the whole batch or none, and a re-run imports it`, async () => {
    const dir = tempDir();
    const db = join(dir, 'data.sqlite');
    // A fixed seed: different points each kill, the same points each run of the suite.
    let seed = 20_240_601;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    for (let k = 0; k < 3; k++) {
      const child = startBin(['--db', db, 'import', big, '--source', 'central']);
      await waitFor(() => existsSync(db), 'the database file', child);
      await new Promise((r) => setTimeout(r, Math.floor(random() * 2_500)));
      child.kill('SIGKILL');
      const result = await child.result;
      const facts = inspect(db);
      expectWholeBatches(facts);
      // Killed before COMMIT: nothing; a machine fast enough to finish first: everything.
      expect([0, BIG_ROWS]).toContain(facts.records);
      if (result.signal !== 'SIGKILL') expect(result.code).toBe(0);
      if (facts.records === BIG_ROWS) break;
    }
    // Matching 200,000 records proves nothing here (the kills above may land in it); the import is the point.
    const rerun = await runBin(['--db', db, '--json', 'import', big, '--source', 'central', '--no-resolve']);
    expect(rerun.code).toBe(0);
    const facts = inspect(db);
    expectWholeBatches(facts);
    expect(facts.batches).toHaveLength(1);
    expect(facts.records).toBe(BIG_ROWS);
  }, 180_000);
});

describe('Ctrl-C', () => {
  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('%s during an import rolls the file back, says so, and exits %i', async (signal, code) => {
    const dir = tempDir();
    const db = join(dir, 'data.sqlite');
    // The schema first, by a run that has finished: the -shm file that appears next is the import's.
    expect((await runBin(['--db', db, 'init', '--region', '1271'])).code).toBe(0);
    const child = startBin(['--db', db, 'import', big, '--source', 'central']);
    await waitFor(() => opened(db), 'the import to open the database', child);
    child.kill(signal);
    const result = await child.result;
    expect(result.code).toBe(code);
    expect(result.stderr).toBe(`prakerja: stopping at the next safe point; what is being written is rolled back. Press Ctrl-C again to stop at once.\nprakerja: interrupted: nothing of ${big} was kept\n`);
    const facts = inspect(db);
    expectWholeBatches(facts);
    expect(facts.batches).toHaveLength(0);
    expect(facts.records).toBe(0);
  }, 120_000);
});

describe('output into a pipe that closes early', () => {
  it('`prakerja rejects | head -1` ends quietly: no EPIPE stack trace', async () => {
    const dir = tempDir();
    const db = join(dir, 'data.sqlite');
    const csv = join(dir, 'a.csv');
    // 3,000 rows without a name: a listing far larger than a pipe's 64 KiB buffer.
    writeFileSync(csv, `NIK,Nama,Gelombang\n${Array.from({ length: 3_000 }, (_, i) => `${validNik(i)},,1`).join('\n')}\n`);
    expect((await runBin(['--db', db, '--quiet', 'import', csv, '--source', 'central'])).code).toBe(0);
    const child = startBin(['--db', db, 'rejects']);
    // Close the reading end before the listing is written, as `head` does once it has its lines.
    child.stdout?.destroy();
    const result = await child.result;
    expect(result.stderr).not.toMatch(/EPIPE|\n\s+at /);
    expect(result.code).toBe(0);
  });
});

describe('a damaged workbook that once made the reader hang', () => {
  // test/data/damaged-deflate-hang.xlsx: an exceljs workbook with one byte of sheet1.xml's deflate data
  // flipped. exceljs's own one-pass zip reader never settled on it (Node alone exited silently with code 13);
  // reading parts through the central directory, zlib reports the damage at once.
  it('ends with exit 1 and a message, and keeps nothing of it', async () => {
    const dir = tempDir();
    const db = join(dir, 'data.sqlite');
    const r = await runBin(['--db', db, 'import', join(ROOT, 'test/data/damaged-deflate-hang.xlsx'), '--source', 'central', '--wave', '1']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('damaged-deflate-hang.xlsx: this workbook is damaged: its packed data cannot be unpacked.');
    expect(r.stdout).toContain('Nothing from this file was imported.');
    // Nothing kept, not even the database this run created for it.
    expect(existsSync(db)).toBe(false);
  });
});
