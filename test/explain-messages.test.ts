/** `prakerja explain` in both languages, and a NIK given as prakerja prints it (masked). */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, runCli } from './helpers/cli.js';

const ID = { PRAKERJA_LANG: 'id' };
let db = '';
// One database for the file (tempDir() folders go after each test).
const dir = mkdtempSync(join(tmpdir(), 'prakerja-explain-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeAll(async () => {
  db = join(dir, 'p.sqlite');
  for (const f of ['penerima-gel3-pusat.xlsx', 'rekap-provinsi-sumut.csv', 'buku-tamu-2020.csv']) copyFileSync(join(FIXTURES, f), join(dir, f));
  // Two people whose NIKs differ only in the masked middle digits (a woman and a man born the same day).
  writeFileSync(join(dir, 'kembar.csv'), 'NIK,Nama\n1271016505850009,RINA MARLINA\n1271012505850009,AGUS SALIM\n');
  await runCli(['--db', db, 'init', '--region', '1271']);
  await runCli(['--db', db, 'import', join(dir, 'penerima-gel3-pusat.xlsx'), '--source', 'central']);
  await runCli(['--db', db, 'import', join(dir, 'rekap-provinsi-sumut.csv'), '--source', 'province']);
  await runCli(['--db', db, 'import', join(dir, 'buku-tamu-2020.csv'), '--source', 'walkin']);
  await runCli(['--db', db, 'import', join(dir, 'kembar.csv'), '--source', 'central', '--wave', '4']);
});

describe('prakerja explain', () => {
  it('is Indonesian by default: the person, its records, the verdict and the evidence', async () => {
    const r = await runCli(['--db', db, 'explain', 'penerima-gel3-pusat.xlsx:5'], ID);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Orang 1: 3 data\n  penerima-gel3-pusat.xlsx:5 Siti Aminah (daftar pusat, gelombang 3, NIK 127101******0003)  [NIK sama >99.99%]\n');
    expect(r.stdout).not.toContain('exact_nik');
    expect(r.stdout).toContain('orang yang sama: NIK valid yang sama dan nama yang cocok\n');
    expect(r.stdout).toMatch(/awal\s+sebelum dibandingkan, kira-kira 1 dari \d+ pasang data adalah satu orang\s+-\d/);
    expect(r.stdout).toMatch(/nik\s+NIK sama\s+\+\d/);
    expect(r.stdout).toMatch(/jumlah\s+\(bobot adalah pangkat dua: \+10 ≈ 1000 kali lebih mungkin satu orang\)\s+\+[\d.]+ {2}→ >99\.99% satu orang/);
    const damaged = await runCli(['--db', db, 'explain', 'penerima-gel3-pusat.xlsx:7'], ID);
    expect(damaged.stdout).toContain('NIK 127102******0000 — angka Excel (15 digit))');
  });

  it('says how each record joined its person in words, both languages; --json keeps the codes', async () => {
    const CODES = /\[(single|exact_nik|model|review)\b|blocking rule|aturan blocking|nik_region_date|name_region/;
    const id = await runCli(['--db', db, 'explain', 'penerima-gel3-pusat.xlsx:7'], ID);
    expect(id.stdout).toMatch(/penerima-gel3-pusat\.xlsx:7 Muhammad Rizki \([^)]*\)\) {2}\[cocok menurut bukti >99\.99%\]\n/);
    expect(id.stdout).toMatch(/\n {4}dibandingkan karena: [^\n(]+\n/);
    expect(id.stdout).not.toMatch(CODES);
    const en = await runCli(['--db', db, 'explain', 'penerima-gel3-pusat.xlsx:7']);
    expect(en.stdout).toMatch(/penerima-gel3-pusat\.xlsx:7 Muhammad Rizki \([^)]*\)\) {2}\[matched on the evidence >99\.99%\]\n/);
    expect(en.stdout).toMatch(/\n {4}compared because: [^\n(]+\n/);
    expect(en.stdout).not.toMatch(CODES);
    const json = JSON.parse((await runCli(['--db', db, '--json', 'explain', 'penerima-gel3-pusat.xlsx:7'], ID)).stdout) as {
      persons: { records: { match: string | null }[] }[];
      links: { blocking: string | null }[];
    };
    expect(json.persons[0]?.records.map((r) => r.match)).toContain('model');
    expect(json.links.some((l) => l.blocking !== null && /^[a-z_]+$/.test(l.blocking))).toBe(true);
  });

  it('is English with --lang en', async () => {
    const r = await runCli(['--db', db, 'explain', 'penerima-gel3-pusat.xlsx:5']);
    expect(r.stdout).toContain('Person 1: 3 records\n  penerima-gel3-pusat.xlsx:5 Siti Aminah (central list, wave 3, NIK 127101******0003)  [same NIK >99.99%]\n');
    expect(r.stdout).toContain('same person: the same valid NIK and a compatible name\n');
    expect(r.stdout).toMatch(/total\s+\(weights are powers of two: \+10 ≈ 1000 times likelier one person\)\s+\+[\d.]+ {2}→ >99\.99% one person/);
  });

  it('accepts a masked NIK, as prakerja prints it, when it fits one NIK', async () => {
    const masked = await runCli(['--db', db, 'explain', '127101******0003'], ID);
    const full = await runCli(['--db', db, 'explain', '1271015001900003'], ID);
    expect(masked.code).toBe(0);
    expect(masked.stdout).toBe(full.stdout);
    expect(masked.stdout).toContain('Orang 1: 3 data');
  });

  it('a masked NIK that fits two NIKs offers their rows or the full NIK (exit 2)', async () => {
    const id = await runCli(['--db', db, 'explain', '127101******0009'], ID);
    expect(id).toMatchObject({ code: 2, stdout: '' });
    expect(id.stderr).toBe('prakerja: NIK yang disamarkan 127101******0009 cocok dengan 2 NIK berbeda. Sebutkan salah satu barisnya (kembar.csv:2, kembar.csv:3) atau NIK lengkapnya.\n');
    const en = await runCli(['--db', db, 'explain', '127101******0009']);
    expect(en.stderr).toBe('prakerja: the masked NIK 127101******0009 fits 2 different NIKs. Give one of their rows (kembar.csv:2, kembar.csv:3) or the full NIK.\n');
  });

  it('what it cannot find suggests FILE:LINE or the full NIK (exit 2)', async () => {
    const none = await runCli(['--db', db, 'explain', '127101******0099'], ID);
    expect(none.code).toBe(2);
    expect(none.stderr).toBe('prakerja: tidak ada data dengan NIK 127101******0099. Periksa angkanya, atau jelaskan sebuah baris dengan BERKAS:BARIS (misalnya buku-tamu.csv:12).\n');
    const bad = await runCli(['--db', db, 'explain', 'siti'], ID);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('prakerja: "siti" bukan NIK 16 digit dan bukan BERKAS:BARIS. Beri nama berkas dan nomor barisnya seperti di Excel (prakerja explain buku-tamu.csv:12), atau NIK lengkapnya.\n');
    const line = await runCli(['--db', db, 'explain', 'buku-tamu-2020.csv:999']);
    expect(line.code).toBe(2);
    expect(line.stderr).toContain('no record from buku-tamu-2020.csv at line 999. Check the file name');
  });

  it('a rejected line says it was rejected and why, not "check the file name" (exit 2)', async () => {
    const id = await runCli(['--db', db, 'explain', 'buku-tamu-2020.csv:17'], ID);
    expect(id.code).toBe(2);
    // In the reader's language, though the import ran in English (beforeAll).
    expect(id.stderr).toBe('prakerja: baris 17 dari buku-tamu-2020.csv tidak diimpor: ditolak (tanpa nama: baris tanpa nama). Baris yang ditolak: prakerja rejects --batch 3\n');
    const en = await runCli(['--db', db, 'explain', 'buku-tamu-2020.csv:17']);
    expect(en.stderr).toBe('prakerja: line 17 of buku-tamu-2020.csv was not imported: rejected (no name: row has no name). The rejected rows: prakerja rejects --batch 3\n');
  });
});

describe('prakerja explain on a record waiting to be matched', () => {
  it('matches records left without a person first (import --no-resolve), as report and review export do, and answers', async () => {
    const here = mkdtempSync(join(tmpdir(), 'prakerja-explain-pending-'));
    try {
      const p = join(here, 'p.sqlite');
      writeFileSync(join(here, 'pusat.csv'), 'NIK,NAMA,GELOMBANG\n1271011203850001,BUDI SANTOSO,3\n1271011203850002,AGUS SALIM,3\n');
      writeFileSync(join(here, 'tamu.csv'), 'Tanggal,Nama,NIK,Keperluan\n01/03/2021,Budi Santoso,1271011203850001,Pendaftaran\n');
      expect((await runCli(['--db', p, 'import', join(here, 'pusat.csv'), '--source', 'central'])).code).toBe(0);
      expect((await runCli(['--db', p, 'import', join(here, 'tamu.csv'), '--source', 'walkin', '--no-resolve'])).code).toBe(0);
      const r = await runCli(['--db', p, 'explain', 'tamu.csv:2']);
      expect(r.code).toBe(0);
      expect(r.stderr).toContain('1 records had not been matched into persons yet');
      expect(r.stdout).not.toContain('Not resolved yet');
      expect(r.stdout).toMatch(/^Person \d+: 2 records\n/);
      expect(r.stdout).toContain('tamu.csv:2 Budi Santoso (guest book');
      expect(r.stdout).toContain('pusat.csv:2 Budi Santoso (central list');
      const json = JSON.parse((await runCli(['--db', p, '--json', 'status'])).stdout) as { unmatched: number };
      expect(json.unmatched).toBe(0);
      // Nothing waits any more: a second explain matches nothing and says nothing of it.
      const again = await runCli(['--db', p, '--json', 'explain', 'tamu.csv:2']);
      expect(again.stderr).toBe('');
      expect((JSON.parse(again.stdout) as { pendingResolved: number }).pendingResolved).toBe(0);
    } finally {
      rmSync(here, { recursive: true, force: true });
    }
  });
});
