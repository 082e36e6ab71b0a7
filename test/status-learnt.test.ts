/**
 * After an incremental import the persons rest on statistics learnt earlier: `status` says when they were
 * learnt, from how many records, and how many records came since and were matched with them unchanged.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from './helpers/cli.js';
import { writeRecipientCsv } from './helpers/process.js';

describe('status: the statistics the persons were matched with', () => {
  it('says when they were learnt and how many records were matched with them since, in both languages and in --json', async () => {
    const dir = tempDir();
    const db = join(dir, 'p.sqlite');
    const first = join(dir, 'gel1.csv');
    const more = join(dir, 'gel1-tambahan.csv');
    await writeRecipientCsv(first, 200);
    await writeRecipientCsv(more, 5, 200);
    expect((await runCli(['--db', db, 'import', first, '--source', 'central'])).code).toBe(0);
    const full = JSON.parse((await runCli(['--db', db, '--json', 'status'])).stdout) as { learnt: { records: number; recordsSince: number } | null };
    expect(full.learnt).toMatchObject({ records: 200, recordsSince: 0 });

    const inc = await runCli(['--db', db, '--json', 'import', more, '--source', 'central']);
    expect((JSON.parse(inc.stdout) as { resolve: { mode: string } }).resolve.mode).toBe('incremental');
    const after = JSON.parse((await runCli(['--db', db, '--json', 'status'])).stdout) as { learnt: { at: string; records: number; recordsSince: number } };
    expect(after.learnt).toMatchObject({ records: 200, recordsSince: 5 });
    expect(after.learnt.at).toMatch(/^\d{4}-\d{2}-\d{2}T/);

    const id = (await runCli(['--db', db, 'status'], { PRAKERJA_LANG: 'id' })).stdout;
    expect(id).toMatch(/Bobot pencocokan .* dipelajari \d{4}-\d{2}-\d{2} \d{2}:\d{2} \(waktu setempat[^)]*\) dari 200 data; 5 data yang diimpor sejak itu dicocokkan dengan bobot yang sama\./);
    const en = (await runCli(['--db', db, 'status'])).stdout;
    expect(en).toContain('from 200 records; the 5 records imported since were matched with them, unchanged.');

    // A full resolve learns them again, from every record.
    expect((await runCli(['--db', db, 'resolve'])).code).toBe(0);
    const relearnt = JSON.parse((await runCli(['--db', db, '--json', 'status'])).stdout) as typeof after;
    expect(relearnt.learnt).toMatchObject({ records: 205, recordsSince: 0 });
  });

  it('does not count records waiting to be matched (import --no-resolve, an interrupted import) as matched with them, and says they wait', async () => {
    const dir = tempDir();
    const db = join(dir, 'p.sqlite');
    const first = join(dir, 'gel1.csv');
    const more = join(dir, 'gel1-tambahan.csv');
    const later = join(dir, 'gel1-susulan.csv');
    await writeRecipientCsv(first, 200);
    await writeRecipientCsv(more, 5, 200);
    await writeRecipientCsv(later, 3, 205);
    expect((await runCli(['--db', db, 'import', first, '--source', 'central'])).code).toBe(0);
    expect((await runCli(['--db', db, 'import', more, '--source', 'central'])).code).toBe(0);
    expect((await runCli(['--db', db, 'import', later, '--source', 'central', '--no-resolve'])).code).toBe(0);
    const waiting = JSON.parse((await runCli(['--db', db, '--json', 'status'])).stdout) as { unmatched: number; learnt: { records: number; recordsSince: number } };
    expect(waiting.unmatched).toBe(3);
    expect(waiting.learnt).toMatchObject({ records: 200, recordsSince: 5 });
    const en = (await runCli(['--db', db, 'status'])).stdout;
    expect(en).toContain('from 200 records; the 5 records imported since were matched with them, unchanged.');
    expect(en).toContain('3 records are not matched into persons yet');
    const id = (await runCli(['--db', db, 'status'], { PRAKERJA_LANG: 'id' })).stdout;
    expect(id).toContain('3 data belum dicocokkan menjadi orang');

    // The next report matches them (incrementally): nothing waits any more, and all 8 were matched with the same statistics.
    expect((await runCli(['--db', db, 'report', 'waves'])).code).toBe(0);
    const done = JSON.parse((await runCli(['--db', db, '--json', 'status'])).stdout) as typeof waiting;
    expect(done.unmatched).toBe(0);
    expect(done.learnt).toMatchObject({ records: 200, recordsSince: 8 });
    expect((await runCli(['--db', db, 'status'])).stdout).not.toContain('not matched into persons yet');
  });
});
