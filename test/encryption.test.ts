/**
 * Encryption at rest with PRAKERJA_KEY / --key (SQLite3 Multiple Ciphers). The driver is an opt-in install
 * (`npm install better-sqlite3-multiple-ciphers`; .ci/run installs it): without it these tests are skipped,
 * saying why.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from './helpers/cli.js';

const available = (() => {
  try {
    createRequire(import.meta.url)('better-sqlite3-multiple-ciphers');
    return true;
  } catch {
    return false;
  }
})();

if (!available) {
  console.warn(
    'encryption tests skipped: better-sqlite3-multiple-ciphers is not installed (an opt-in install: npm install better-sqlite3-multiple-ciphers)',
  );
}

const NIK = '1271015001900003';

describe.skipIf(!available)('encryption at rest', () => {
  function setup(): { db: string; csv: string } {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.csv'), `NIK,Nama,Gelombang\n${NIK},SITI AMINAH,3\n`);
    return { db: join(dir, 'secret.sqlite'), csv: join(dir, 'a.csv') };
  }

  it('PRAKERJA_KEY: the file holds no NIK, no name and no SQLite header; the key opens it again', async () => {
    const s = setup();
    const env = { PRAKERJA_KEY: 'kunci rahasia dinas' };
    const r = await runCli(['--db', s.db, 'import', s.csv, '--source', 'central'], env);
    expect(r.code, r.stderr).toBe(0);
    const bytes = readFileSync(s.db).toString('latin1');
    expect(bytes).not.toContain(NIK);
    expect(bytes).not.toContain('SITI AMINAH');
    expect(bytes.startsWith('SQLite format 3')).toBe(false);
    expect(statSync(s.db).mode & 0o777).toBe(0o600);
    const status = await runCli(['--db', s.db, '--json', 'status'], env);
    expect(status.code, status.stderr).toBe(0);
    expect((JSON.parse(status.stdout) as { records: number }).records).toBe(1);
    // Plain SQLite cannot read it.
    expect(() => new Database(s.db, { readonly: true }).pragma('user_version')).toThrow(/not a database/);
  });

  it('without the key, or with a wrong one: a clear message, exit 1', async () => {
    const s = setup();
    await runCli(['--db', s.db, '--key', 'benar', 'import', s.csv, '--source', 'central']);
    const none = await runCli(['--db', s.db, 'status']);
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/or it is encrypted\. If it is encrypted, give its key in PRAKERJA_KEY/);
    const wrong = await runCli(['--db', s.db, 'status'], { PRAKERJA_KEY: 'salah' });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/the key is wrong/);
    expect((await runCli(['--db', s.db, '--key', 'benar', 'status'])).code).toBe(0);
  });

  it('an empty PRAKERJA_KEY is a usage error, not a silently unencrypted database', async () => {
    const s = setup();
    const r = await runCli(['--db', s.db, 'import', s.csv, '--source', 'central'], { PRAKERJA_KEY: '' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/the encryption key is empty/);
  });
});
