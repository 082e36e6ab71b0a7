/**
 * `--source` takes the Indonesian words the output uses (pusat, provinsi, buku tamu) as well as the codes,
 * in import and purge alike; an unknown word is a usage error (exit 2) listing the accepted words, in the
 * catalogue's wording; `--json` keeps the English codes.
 */
import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, runCli, tempDir } from './helpers/cli.js';

const ID = { PRAKERJA_LANG: 'id' };

function fixtures(dir: string): Record<'central' | 'province' | 'walkin', string> {
  const files = { central: 'penerima-gel3-pusat.xlsx', province: 'rekap-provinsi-sumut.csv', walkin: 'buku-tamu-2020.csv' } as const;
  for (const f of Object.values(files)) copyFileSync(join(FIXTURES, f), join(dir, f));
  return { central: join(dir, files.central), province: join(dir, files.province), walkin: join(dir, files.walkin) };
}

describe('--source in Indonesian words', () => {
  it('import takes pusat, provinsi and bukutamu for central, province and walkin; --json says the codes', async () => {
    const dir = tempDir();
    const db = join(dir, 'p.sqlite');
    const f = fixtures(dir);
    for (const [file, word] of [
      [f.central, 'pusat'],
      [f.province, 'Provinsi'],
      [f.walkin, 'bukutamu'],
    ] as const) {
      const r = await runCli(['--db', db, '--json', 'import', file, '--source', word], ID);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
    }
    const status = await runCli(['--db', db, '--json', 'status'], ID);
    const batches = (JSON.parse(status.stdout) as { batches: { source: string }[] }).batches;
    expect(batches.map((b) => b.source)).toEqual(['central', 'province', 'walkin']);
  });

  it('import takes "buku tamu" and buku-tamu as the output writes it', async () => {
    const dir = tempDir();
    const db = join(dir, 'p.sqlite');
    const f = fixtures(dir);
    const r = await runCli(['--db', db, '--json', 'import', f.walkin, '--source', 'buku tamu', '--no-resolve']);
    expect(r.code).toBe(0);
    const s = await runCli(['--db', db, 'import', f.walkin, '--source', 'buku-tamu', '--force', '--dry-run']);
    expect(s.code).toBe(0);
    const status = await runCli(['--db', db, '--json', 'status']);
    expect((JSON.parse(status.stdout) as { batches: { source: string }[] }).batches.map((b) => b.source)).toEqual(['walkin']);
  });

  it('import takes the names status and explain write (daftar pusat, rekap provinsi, guest book, central list)', async () => {
    const dir = tempDir();
    const db = join(dir, 'p.sqlite');
    const f = fixtures(dir);
    for (const [file, word] of [
      [f.central, 'Daftar Pusat'],
      [f.province, 'rekap  provinsi'],
      [f.walkin, 'guest book'],
    ] as const) {
      const r = await runCli(['--db', db, '--json', 'import', file, '--source', word, '--no-resolve'], ID);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
    }
    for (const [word, source] of [['central list', 'central'], ['provincial list', 'province'], ['guestbook', 'walkin']] as const) {
      const r = await runCli(['--db', db, '--json', 'purge', '--source', word, '--dry-run']);
      expect((JSON.parse(r.stdout) as { batches: { source: string }[] }).batches.map((b) => b.source)).toEqual([source]);
    }
    const status = await runCli(['--db', db, '--json', 'status'], ID);
    expect((JSON.parse(status.stdout) as { batches: { source: string }[] }).batches.map((b) => b.source)).toEqual(['central', 'province', 'walkin']);
  });

  it('an unknown source word is a usage error listing the accepted words, both languages, and creates nothing', async () => {
    const dir = tempDir();
    const db = join(dir, 'p.sqlite');
    const f = fixtures(dir);
    const id = await runCli(['--db', db, 'import', f.central, '--source', 'daerah'], ID);
    expect(id.code).toBe(2);
    expect(id.stderr).toContain('--source daerah: asal itu tidak dikenal. Pilih pusat (atau central), provinsi (atau province), buku tamu (atau bukutamu, walkin).');
    expect(id.stderr).not.toContain('Allowed choices');
    const en = await runCli(['--db', db, 'import', f.central, '--source', 'daerah']);
    expect(en.code).toBe(2);
    expect(en.stderr).toContain('--source daerah: not a source. Give central (pusat), province (provinsi) or walkin (buku tamu, bukutamu).');
    expect(existsSync(db)).toBe(false);
  });

  it('purge takes the same words, and refuses an unknown one in the same wording', async () => {
    const dir = tempDir();
    const db = join(dir, 'p.sqlite');
    const f = fixtures(dir);
    await runCli(['--db', db, 'import', f.central, '--source', 'central']);
    await runCli(['--db', db, 'import', f.walkin, '--source', 'walkin']);
    const dry = await runCli(['--db', db, '--json', 'purge', '--source', 'bukutamu', '--dry-run'], ID);
    expect(dry.code).toBe(0);
    const result = JSON.parse(dry.stdout) as { batches: { source: string }[] };
    expect(result.batches.map((b) => b.source)).toEqual(['walkin']);
    const pusat = await runCli(['--db', db, '--json', 'purge', '--source', 'PUSAT', '--dry-run']);
    expect((JSON.parse(pusat.stdout) as { batches: { source: string }[] }).batches.map((b) => b.source)).toEqual(['central']);
    const bad = await runCli(['--db', db, 'purge', '--source', 'loket'], ID);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--source loket: asal itu tidak dikenal. Pilih pusat (atau central), provinsi (atau province), buku tamu (atau bukutamu, walkin).');
    const badEn = await runCli(['--db', db, 'purge', '--source', 'loket']);
    expect(badEn.code).toBe(2);
    expect(badEn.stderr).toContain('--source loket: not a source. Give central (pusat), province (provinsi) or walkin (buku tamu, bukutamu).');
  });

  it('the help of import and purge says the accepted words in both languages', async () => {
    for (const command of ['import', 'purge']) {
      // Commander wraps the help at 80 columns: read it as one line.
      const id = (await runCli([command, '--help'], ID)).stdout.replace(/\s+/g, ' ');
      expect(id).toMatch(/pusat \(atau central\)[^]*provinsi \(atau province\)[^]*buku tamu \(atau bukutamu, walkin\)/);
      const en = (await runCli([command, '--help'])).stdout.replace(/\s+/g, ' ');
      expect(en).toMatch(/central \(pusat\)[^]*province \(provinsi\)[^]*walkin \(buku tamu, bukutamu\)/);
    }
  });
});
