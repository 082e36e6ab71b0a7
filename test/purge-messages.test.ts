/** `prakerja purge` says what it would delete, and what is missing from its command line, in both languages. */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { FIXTURES, runCli, tempDir } from './helpers/cli.js';

const ID = { PRAKERJA_LANG: 'id' };

describe('prakerja purge messages', () => {
  it('a dry run lists the batch and says nothing was deleted', async () => {
    const dir = tempDir();
    const db = join(dir, 'p.sqlite');
    copyFileSync(join(FIXTURES, 'buku-tamu-2020.csv'), join(dir, 'buku-tamu-2020.csv'));
    await runCli(['--db', db, 'init', '--region', '1271']);
    await runCli(['--db', db, 'import', join(dir, 'buku-tamu-2020.csv'), '--source', 'walkin']);
    const id = await runCli(['--db', db, 'purge', '--batch', '1', '--dry-run'], ID);
    expect(id.code).toBe(0);
    expect(id.stdout).toMatch(/^batch\s+sumber\s+berkas\s+diimpor \(waktu setempat, UTC[^)]*\)\s+data\s+ditolak\n/);
    expect(id.stdout).toContain('\nUji coba: akan menghapus 1 batch: 12 data, 1 baris ditolak, 0 tautan. Tidak ada yang dihapus.\n');
    const en = await runCli(['--db', db, 'purge', '--batch', '1', '--dry-run']);
    expect(en.stdout).toContain('\nDry run: would delete 1 batch: 12 records, 1 rejected row, 0 links. Nothing was deleted.\n');
    const none = await runCli(['--db', db, 'purge', '--source', 'central'], ID);
    expect(none.stdout).toBe('Tidak ada batch yang cocok; tidak ada yang dihapus.\n');
  });

  it('a batch whose every NIK another batch also holds: says so, not "none of the 0 purged NIKs is left"', async () => {
    const dir = tempDir();
    const db = join(dir, 'p.sqlite');
    copyFileSync(join(FIXTURES, 'penerima-gel4-pusat.csv'), join(dir, 'gel4.csv'));
    // The same persons in a second list: purging it leaves their NIKs in the first, rightly.
    const list = readFileSync(join(FIXTURES, 'penerima-gel4-pusat.csv'), 'utf8').trimEnd().split('\r\n');
    writeFileSync(join(dir, 'gel4-lagi.csv'), `${list.slice(0, -1).join('\r\n')}\r\n`);
    await runCli(['--db', db, 'import', join(dir, 'gel4.csv'), '--source', 'central']);
    await runCli(['--db', db, 'import', join(dir, 'gel4-lagi.csv'), '--source', 'central']);
    const en = await runCli(['--db', db, 'purge', '--batch', '2']);
    expect(en.code).toBe(0);
    expect(en.stdout).not.toContain('none of the 0 purged NIKs');
    // A line of its own: a sentence, starting with a capital.
    expect(en.stdout).toContain('\nEvery NIK of the purged batches is also in a batch that stays, so it stays in the file.\n');
    const id = await runCli(['--db', db, 'purge', '--batch', '1'], ID);
    expect(id.stdout).toContain('\nTidak ada satu pun dari 12 NIK yang dihapus tersisa di berkas database maupun di write-ahead log-nya.\n');
  });

  it('an unknown batch number is a usage error naming the batches there are (exit 2), as `rejects --batch` says', async () => {
    const dir = tempDir();
    const db = join(dir, 'p.sqlite');
    copyFileSync(join(FIXTURES, 'buku-tamu-2020.csv'), join(dir, 'buku-tamu-2020.csv'));
    await runCli(['--db', db, 'import', join(dir, 'buku-tamu-2020.csv'), '--source', 'walkin']);
    for (const dryRun of [[], ['--dry-run']]) {
      const en = await runCli(['--db', db, 'purge', '--batch', '99', ...dryRun]);
      expect(en.code).toBe(2);
      expect(en.stdout).toBe('');
      expect(en.stderr).toBe('prakerja: --batch 99: there is no batch 99. The batches are: 1. `prakerja status` lists them.\n');
      expect(en.stderr).toBe((await runCli(['--db', db, 'rejects', '--batch', '99'])).stderr);
    }
    const id = await runCli(['--db', db, 'purge', '--batch', '99'], ID);
    expect(id.code).toBe(2);
    expect(id.stderr).toBe('prakerja: --batch 99: batch 99 tidak ada. Batch yang ada: 1. `prakerja status` menampilkan daftarnya.\n');
    // A batch that exists but not with the other condition: nothing matched, as before.
    const none = await runCli(['--db', db, 'purge', '--batch', '1', '--source', 'central']);
    expect(none.code).toBe(0);
    expect(none.stdout).toBe('No batch matches; nothing was deleted.\n');
  });

  it('without a condition says what to give (exit 2)', async () => {
    const db = join(tempDir(), 'p.sqlite');
    const id = await runCli(['--db', db, 'purge'], ID);
    expect(id.code).toBe(2);
    expect(id.stderr).toBe(
      'prakerja: sebutkan apa yang dihapus: --batch NOMOR, --before TTTT-BB-HH atau --source pusat|provinsi|bukutamu (boleh digabung). Contoh: prakerja purge --before 2025-01-01 --dry-run\n',
    );
    const en = await runCli(['--db', db, 'purge', '--before', '2025-13-01']);
    expect(en).toMatchObject({ code: 2, stderr: 'prakerja: --before 2025-13-01: give a date as YYYY-MM-DD, e.g. --before 2025-01-01.\n' });
  });
});

describe('purge --before is a day of the office clock', () => {
  it('a list imported at 03:00 WIB on 1 January is not "before 2025-01-01", though it is 31 December in UTC', async () => {
    const tz = process.env.TZ;
    process.env.TZ = 'Asia/Jakarta';
    try {
      const dir = tempDir();
      const db = join(dir, 'p.sqlite');
      copyFileSync(join(FIXTURES, 'penerima-gel4-pusat.csv'), join(dir, 'gel4.csv'));
      copyFileSync(join(FIXTURES, 'buku-tamu-2020.csv'), join(dir, 'tamu.csv'));
      await runCli(['--db', db, 'import', join(dir, 'gel4.csv'), '--source', 'central']);
      await runCli(['--db', db, 'import', join(dir, 'tamu.csv'), '--source', 'walkin']);
      const conn = new Database(db);
      // 20:00 UTC on 31 December is 03:00 on 1 January in Medan; 16:00 UTC is 23:00 on 31 December.
      conn.prepare("UPDATE batches SET imported_at = '2024-12-31T20:00:00.000Z' WHERE id = 1").run();
      conn.prepare("UPDATE batches SET imported_at = '2024-12-31T16:00:00.000Z' WHERE id = 2").run();
      conn.close();
      const r = await runCli(['--db', db, '--json', 'purge', '--before', '2025-01-01', '--dry-run']);
      expect(r.code, r.stderr).toBe(0);
      const out = JSON.parse(r.stdout) as { batches: { id: number }[] };
      expect(out.batches.map((b) => b.id)).toEqual([2]);
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
  });
});
