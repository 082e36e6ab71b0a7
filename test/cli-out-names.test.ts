/**
 * The name of an output file chooses its format (`report --out`): a name the command cannot write in is a
 * usage error before anything is opened, not a CSV under an `.xlsx` or `.doc` name that Excel then calls
 * damaged.
 */
import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, runCli, tempDir } from './helpers/cli.js';

async function bookDb(): Promise<{ dir: string; db: string }> {
  const dir = tempDir();
  const db = join(dir, 'p.sqlite');
  copyFileSync(join(FIXTURES, 'penerima-gel3-pusat.xlsx'), join(dir, 'penerima-gel3-pusat.xlsx'));
  copyFileSync(join(FIXTURES, 'buku-tamu-2020.csv'), join(dir, 'buku-tamu-2020.csv'));
  await runCli(['--db', db, 'import', join(dir, 'penerima-gel3-pusat.xlsx'), '--source', 'central']);
  await runCli(['--db', db, 'import', join(dir, 'buku-tamu-2020.csv'), '--source', 'walkin']);
  return { dir, db };
}

describe('export records --out', () => {
  it('writes CSV only: another ending is a usage error (exit 2), nothing written, both languages', async () => {
    const { dir, db } = await bookDb();
    for (const name of ['orang.xlsx', 'orang.txt', 'orang']) {
      const out = join(dir, name);
      const en = await runCli(['--db', db, 'export', 'records', '--out', out]);
      expect(en).toMatchObject({ code: 2, stdout: '' });
      expect(en.stderr).toBe(`prakerja: --out ${out}: the records export is written as CSV; give a file name ending in .csv (e.g. orang.csv).\n`);
      expect(existsSync(out)).toBe(false);
    }
    const id = await runCli(['--db', db, 'export', 'records', '--out', join(dir, 'orang.xlsx')], { PRAKERJA_LANG: 'id' });
    expect(id.code).toBe(2);
    expect(id.stderr).toBe(`prakerja: --out ${join(dir, 'orang.xlsx')}: ekspor data ditulis sebagai CSV; beri nama berkas berakhiran .csv (misalnya orang.csv).\n`);
    // Any case of .csv is CSV.
    const upper = await runCli(['--db', db, 'export', 'records', '--out', join(dir, 'ORANG.CSV')]);
    expect(upper.code).toBe(0);
    expect(existsSync(join(dir, 'ORANG.CSV'))).toBe(true);
  });

  it('says so before looking for a database, and leaves none behind', async () => {
    const dir = tempDir();
    const db = join(dir, 'none.sqlite');
    const r = await runCli(['--db', db, 'export', 'records', '--out', join(dir, 'orang.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('the records export is written as CSV');
    expect(existsSync(db)).toBe(false);
  });
});

describe('review export FILE', () => {
  it('writes .xlsx or .csv: another ending is a usage error (exit 2), nothing written, both languages', async () => {
    const { dir, db } = await bookDb();
    const doc = join(dir, 'periksa.doc');
    const en = await runCli(['--db', db, 'review', 'export', doc]);
    expect(en).toMatchObject({ code: 2, stdout: '' });
    expect(en.stderr).toBe(`prakerja: ${doc}: the review file is written as .xlsx (with a Y/N drop-down in the decision column) or .csv; give a name ending in one of them (e.g. periksa.xlsx).\n`);
    expect(existsSync(doc)).toBe(false);
    const id = await runCli(['--db', db, 'review', 'export', doc], { PRAKERJA_LANG: 'id' });
    expect(id.code).toBe(2);
    expect(id.stderr).toBe(`prakerja: ${doc}: berkas periksa ditulis sebagai .xlsx (dengan pilihan Y/N di kolom Keputusan) atau .csv; beri nama berakhiran salah satunya (misalnya periksa.xlsx).\n`);
    for (const name of ['periksa.csv', 'periksa.XLSX']) {
      const ok = await runCli(['--db', db, 'review', 'export', join(dir, name)]);
      expect(ok.code).toBe(0);
      expect(existsSync(join(dir, name))).toBe(true);
    }
  });
});
