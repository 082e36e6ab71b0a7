/** `status` and `rejects` in both languages; a batch that does not exist; import times in local time, labelled. */
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { localMinute, utcOffsetLabel } from '../src/normalise/dates.js';
import { FIXTURES, runCli, tempDir } from './helpers/cli.js';

const ID = { PRAKERJA_LANG: 'id' };

async function walkinDb(): Promise<{ db: string; file: string }> {
  const dir = tempDir();
  const db = join(dir, 'p.sqlite');
  const file = join(dir, 'buku-tamu-2020.csv');
  copyFileSync(join(FIXTURES, 'buku-tamu-2020.csv'), file);
  await runCli(['--db', db, 'init', '--region', '1271']);
  await runCli(['--db', db, 'import', file, '--source', 'walkin']);
  return { db, file };
}

describe('prakerja status', () => {
  it('is Indonesian by default, with import times in local time and the zone in the header', async () => {
    const { db } = await walkinDb();
    const r = await runCli(['--db', db, 'status'], ID);
    expect(r.code).toBe(0);
    const stored = new Database(db, { readonly: true }).prepare<[], { imported_at: string }>('SELECT imported_at FROM batches').get();
    const at = new Date(stored?.imported_at ?? '');
    expect(r.stdout).toContain('Wilayah kantor: Kota Medan (1271)\n');
    expect(r.stdout).toContain('Berkas yang diimpor\n');
    expect(r.stdout).toMatch(new RegExp(`batch\\s+sumber\\s+berkas\\s+gelombang\\s+diimpor \\(waktu setempat, ${utcOffsetLabel(at).replace('+', '\\+')}\\)\\s+baris\\s+data\\s+ditolak\\s+dilewati`));
    expect(r.stdout).toContain(localMinute(at));
    expect(r.stdout).toContain('Data per sumber dan gelombang\n');
    expect(r.stdout).toMatch(/sumber\s+gelombang\s+data\s+NIK valid\s+tidak valid\s+rusak\s+kosong/);
    expect(r.stdout).toContain('Data dengan masalah NIK (disimpan, ditandai)\n');
    expect(r.stdout).toMatch(/NIK kosong\s+1\n/);
    expect(r.stdout).toContain('\n12 data, 1 baris ditolak.\n');
  });

  it('is English with --lang en, with the same local-time convention', async () => {
    const { db } = await walkinDb();
    const r = await runCli(['--db', db, 'status', '--lang', 'en']);
    expect(r.stdout).toContain('Office region: Kota Medan (1271)\n');
    expect(r.stdout).toMatch(/batch\s+source\s+file\s+waves\s+imported \(local time, UTC[^)]*\)\s+rows\s+records\s+rejected\s+skipped/);
    expect(r.stdout).toMatch(/\nno NIK\s+1\n/);
    expect(r.stdout).toContain('\n12 records, 1 rejected row.\n');
  });

  it('says how to start when nothing is imported', async () => {
    const dir = tempDir();
    const db = join(dir, 'p.sqlite');
    await runCli(['--db', db, 'init', '--region', '1271']);
    const r = await runCli(['--db', db, 'status'], ID);
    expect(r.stdout).toContain('Belum ada berkas yang diimpor. Mulai dengan: prakerja import BERKAS --source central --wave N\n');
  });
});

describe('prakerja rejects', () => {
  it('lists the rejected rows with Indonesian headers and reasons by default', async () => {
    const { db } = await walkinDb();
    const r = await runCli(['--db', db, 'rejects'], ID);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^berkas\s+baris\s+alasan\s+keterangan\s+isi baris\n/);
    // The import ran in English: the message is put into words when read.
    expect(r.stdout).toMatch(/buku-tamu-2020\.csv\s+17\s+tanpa nama\s+baris tanpa nama/);
    const en = await runCli(['--db', db, 'rejects', '--lang', 'en']);
    expect(en.stdout).toMatch(/^file\s+line\s+reason\s+message\s+row\n/);
    expect(en.stdout).toMatch(/buku-tamu-2020\.csv\s+17\s+no name\s+row has no name/);
  });

  it('a batch that does not exist is said so, with the batches there are (exit 2)', async () => {
    const { db } = await walkinDb();
    const id = await runCli(['--db', db, 'rejects', '--batch', '99'], ID);
    expect(id).toMatchObject({ code: 2, stdout: '' });
    expect(id.stderr).toBe('prakerja: --batch 99: batch 99 tidak ada. Batch yang ada: 1. `prakerja status` menampilkan daftarnya.\n');
    const en = await runCli(['--db', db, 'rejects', '--batch', '99']);
    expect(en.code).toBe(2);
    expect(en.stderr).toBe('prakerja: --batch 99: there is no batch 99. The batches are: 1. `prakerja status` lists them.\n');
    const json = await runCli(['--db', db, '--json', 'rejects', '--batch', '99']);
    expect(json).toMatchObject({ code: 2, stdout: '' });
  });

  it('a batch without rejects says so for that batch', async () => {
    const dir = tempDir();
    const db = join(dir, 'p.sqlite');
    const file = join(dir, 'penerima-gel3-pusat.xlsx');
    copyFileSync(join(FIXTURES, 'penerima-gel3-pusat.xlsx'), file);
    await runCli(['--db', db, 'init', '--region', '1271']);
    await runCli(['--db', db, 'import', file, '--source', 'central']);
    expect((await runCli(['--db', db, 'rejects', '--batch', '1'], ID)).stdout).toBe('Tidak ada baris yang ditolak di batch 1.\n');
    expect((await runCli(['--db', db, 'rejects'])).stdout).toBe('No rejected rows.\n');
  });
});
