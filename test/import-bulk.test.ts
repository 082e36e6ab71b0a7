import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from './helpers/cli.js';

function indexesOfRecords(db: string): string[] {
  const conn = new Database(db, { readonly: true });
  try {
    return conn
      .prepare<[], { name: string }>(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'records' AND sql IS NOT NULL ORDER BY name`)
      .all()
      .map((r) => r.name);
  } finally {
    conn.close();
  }
}

/** A file large enough (> 2 MB) that the importer builds the records indexes after the rows. */
function bigFile(dir: string, rows: number): string {
  const lines = ['NIK,Nama,Gelombang'];
  for (let i = 1; i <= rows; i++) lines.push(`127101120385${String(i % 9999 || 1).padStart(4, '0')},ORANG NOMOR ${i} DARI KOTA MEDAN,${(i % 11) + 1}`);
  const path = join(dir, 'big.csv');
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

describe('bulk import', () => {
  it('stores every row of a large file and rebuilds the indexes it suspended', async () => {
    const dir = tempDir();
    const db = join(dir, 'p.sqlite');
    const before = await runCli(['--db', db, 'init', '--region', '1271']);
    expect(before.code).toBe(0);
    const expected = indexesOfRecords(db);
    expect(expected.length).toBeGreaterThanOrEqual(2);
    const r = await runCli(['--db', db, '--json', 'import', bigFile(dir, 60_001), '--source', 'central']);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { files: { imported: number }[] }).files[0]?.imported).toBe(60_001);
    expect(indexesOfRecords(db)).toEqual(expected);
    const conn = new Database(db, { readonly: true });
    const lines = conn.prepare('SELECT count(*) AS n, min(line) AS lo, max(line) AS hi FROM records').get();
    conn.close();
    expect(lines).toEqual({ n: 60_001, lo: 2, hi: 60_002 });
  });
});
