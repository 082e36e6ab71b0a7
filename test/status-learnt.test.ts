/**
 * After an incremental import the persons rest on statistics learnt earlier: `status` says when they were
 * learnt, from how many records, and how many records came since and were matched with them unchanged.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from './helpers/cli.js';
import { validNik, writeRecipientCsv } from './helpers/process.js';
import { query } from './helpers/db.js';

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

  it('says when a guest book\'s visit purposes were relearnt after the rest, from how many visits, in both languages and in --json', async () => {
    const dir = tempDir();
    const db = join(dir, 'p.sqlite');
    const list = join(dir, 'gel1.csv');
    const book = join(dir, 'tamu.csv');
    await writeRecipientCsv(list, 12_000);
    const purposes = ['Pendaftaran', 'Cek status', 'Informasi lowongan'];
    // 1,100 visits: past a tenth of SOURCE_FLOOR (10,000) for the book, under a tenth of the 12,000 records.
    const rows = Array.from({ length: 1_100 }, (_, i) => `01/03/2021,WARGA TAMU ${i},${i % 3 === 0 ? validNik(i * 7) : ''},${purposes[i % 3] ?? ''}`);
    writeFileSync(book, `Tanggal,Nama,NIK,Keperluan\n${rows.join('\n')}\n`);
    expect((await runCli(['--db', db, 'import', list, '--source', 'central'])).code).toBe(0);
    const before = JSON.parse((await runCli(['--db', db, '--json', 'status'])).stdout) as { learnt: { purposes: unknown } };
    expect(before.learnt.purposes).toBeNull();
    expect((await runCli(['--db', db, 'status'])).stdout).not.toContain('Visit purposes');

    const imported = JSON.parse((await runCli(['--db', db, '--json', 'import', book, '--source', 'walkin'])).stdout) as { resolve: { mode: string; purposes: { walkin: number } | null } };
    expect(imported.resolve).toMatchObject({ mode: 'incremental', purposes: { walkin: 1_100 } });
    const after = JSON.parse((await runCli(['--db', db, '--json', 'status'])).stdout) as {
      learnt: { at: string; records: number; recordsSince: number; purposes: { at: string | null; records: number } | null };
    };
    expect(after.learnt).toMatchObject({ records: 12_000, recordsSince: 1_100, purposes: { records: 1_100 } });
    const at = after.learnt.purposes?.at ?? '';
    expect(at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(at >= after.learnt.at).toBe(true);

    const en = (await runCli(['--db', db, 'status'])).stdout;
    expect(en).toContain('from 12,000 records; the 1,100 records imported since were matched with them, unchanged but for the visit purposes. `prakerja resolve` learns them again from all records.\n');
    expect(en).toMatch(/\n {2}visit purposes relearnt \d{4}-\d{2}-\d{2} \d{2}:\d{2} \(local time[^)]*\) from the 1,100 guest-book records, as the guest book grew\.\n/);
    const id = (await runCli(['--db', db, 'status'], { PRAKERJA_LANG: 'id' })).stdout;
    expect(id).toContain('dari 12.000 data; 1.100 data yang diimpor sejak itu dicocokkan dengan bobot yang sama, kecuali keperluan kunjungan. `prakerja resolve` mempelajarinya lagi dari semua data.\n');
    expect(id).toMatch(/\n {2}keperluan kunjungan dipelajari ulang \d{4}-\d{2}-\d{2} \d{2}:\d{2} \(waktu setempat[^)]*\) dari 1\.100 data buku tamu, karena buku tamu bertambah\.\n/);

    // Relearnt by an older build (no time stored): said, with its time unknown, not left out.
    const sources = JSON.parse(query<{ sources: string }>(db, 'SELECT sources FROM resolve_snapshot')[0]?.sources ?? '{}') as Record<string, unknown>;
    delete sources.purposes_learnt_at;
    const conn = new Database(db);
    conn.prepare('UPDATE resolve_snapshot SET sources = ?').run(JSON.stringify(sources));
    conn.close();
    const old = JSON.parse((await runCli(['--db', db, '--json', 'status'])).stdout) as typeof after;
    expect(old.learnt.purposes).toEqual({ at: null, records: 1_100 });
    expect((await runCli(['--db', db, 'status'])).stdout).toContain('  visit purposes relearnt later (when was not recorded) from the 1,100 guest-book records');

    // A full resolve learns everything again: nothing was relearnt after it.
    expect((await runCli(['--db', db, 'resolve'])).code).toBe(0);
    const full = JSON.parse((await runCli(['--db', db, '--json', 'status'])).stdout) as typeof after;
    expect(full.learnt).toMatchObject({ records: 13_100, recordsSince: 0, purposes: null });
  }, 60_000);
});
