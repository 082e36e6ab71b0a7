/**
 * Two imports overlapping (a cron job and a person at the desk): the resolve after the one must not compute
 * from a state the other changes before it writes. An incremental resolve that read the records, then let
 * another import commit and resolve them (its records included), then wrote what it had computed, deleted
 * that other import's links to the stored persons it touched: 92 links fewer than a full resolve under the
 * same statistics, and 2 pairs missing from the review queue. It now holds the write lock from its first read
 * to its last write, so the other import waits for it (here told to wait only a second, so that it gives up).
 * A full resolve overlapping an import did the same (1 person and 4 review pairs other than a full resolve
 * of the end state), and holds the lock likewise.
 */
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveRecords } from '../src/resolve/run.js';
import { openDatabase } from '../src/store/database.js';
import { tempDir } from './helpers/cli.js';
import { query } from './helpers/db.js';
import { ensureBuilt, runBin, startBin, stderrLine, validNik, writeRecipientCsv } from './helpers/process.js';

/** A guest book of the persons `from`..`from + n` of writeRecipientCsv's list, visiting in `month`. */
function book(path: string, from: number, n: number, month: number): void {
  const lines = Array.from({ length: n }, (_, i) => `0${(i % 9) + 1}/0${month}/2021,WARGA TAMU ${from + i},${validNik(from + i)},,Pendaftaran Kartu Prakerja`);
  writeFileSync(path, `Tanggal,Nama,NIK,No HP,Keperluan\n${lines.join('\n')}\n`);
}

const links = (db: string) => query<{ k: string }>(db, "SELECT record_l || '-' || record_r || ' ' || kind AS k FROM links ORDER BY record_l, record_r").map((r) => r.k);
const persons = (db: string) => query<{ id: number; person_id: number | null }>(db, 'SELECT id, person_id FROM records_resolved ORDER BY id');

describe('two imports at once', () => {
  it.each([
    ['incremental', []],
    ['full (import --full)', ['--full']],
  ])('the resolve after one (%s) holds the write lock from its reading to its writing: the other waits, and the end state is a full resolve\'s', async (_kind, extra) => {
    ensureBuilt();
    const dir = tempDir();
    const db = join(dir, 'p.sqlite');
    const central = join(dir, 'pusat.csv');
    await writeRecipientCsv(central, 2000);
    const [a, b] = [join(dir, 'tamu-a.csv'), join(dir, 'tamu-b.csv')];
    // Both books hold the same 40 persons: each one's records link to the other's and to the central list.
    book(a, 100, 40, 3);
    book(b, 100, 40, 4);
    expect((await runBin(['--db', db, 'import', central, '--source', 'central'])).code).toBe(0);

    const first = startBin(['--db', db, 'import', a, '--source', 'walkin', ...extra], { PRAKERJA_TEST_PAUSE: 'resolve-write' });
    await stderrLine(first, /paused at resolve-write/);
    // While the first has read and computed but not written, the second cannot commit (it gives up after 1 s).
    const second = await runBin(['--db', db, 'import', b, '--source', 'walkin'], { PRAKERJA_LOCK_WAIT: '1' });
    expect(second.code).not.toBe(0);
    expect(second.stderr).toContain('the database is busy');
    first.kill('SIGINT');
    expect((await first.result).code).toBe(130);
    // The first's records wait to be matched; the second, run again, matches both books.
    const again = await runBin(['--db', db, '--json', 'import', b, '--source', 'walkin']);
    expect(again.code).toBe(0);
    expect((JSON.parse(again.stdout) as { pendingBefore: number; resolve: { mode: string } })).toMatchObject({ pendingBefore: 40, resolve: { mode: 'incremental' } });

    const copy = join(dir, 'copy.sqlite');
    copyFileSync(db, copy);
    const full = openDatabase(copy);
    resolveRecords(full, { frozen: true });
    full.close();
    expect(links(db).length).toBeGreaterThan(80);
    expect(links(db)).toEqual(links(copy));
    expect(persons(db)).toEqual(persons(copy));
    // A hang guard: five CLI processes, two of them resolving 2,000 records, took 135 s at load average 15.
  }, 600_000);
});
