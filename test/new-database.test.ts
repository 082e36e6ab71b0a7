/** A command that fails on its input before writing leaves no new database behind. */
import { copyFileSync, existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discardIfUnused, openDatabase } from '../src/store/database.js';
import { FIXTURES, runCli, tempDir } from './helpers/cli.js';

describe('a new database a failed import wrote nothing to', () => {
  it('is not left behind when the file is missing, and the output says so', async () => {
    const dir = tempDir();
    const db = join(dir, 'p.sqlite');
    const r = await runCli(['--db', db, 'import', join(dir, 'missing.csv'), '--source', 'central', '--wave', '1']);
    expect(r.code).toBe(1);
    expect(readdirSync(dir)).toEqual([]);
    expect(r.stdout).toContain(`The new database ${db} was not kept: nothing was written to it.\n`);
    const id = await runCli(['--db', db, 'import', join(dir, 'missing.csv'), '--source', 'central', '--wave', '1'], { PRAKERJA_LANG: 'id' });
    expect(id.stdout).toContain(`Database baru ${db} tidak disimpan: tidak ada yang ditulis ke dalamnya.\n`);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('is not left behind when the file has no NIK or name column', async () => {
    const dir = tempDir();
    const db = join(dir, 'p.sqlite');
    const file = join(dir, 'x.csv');
    writeFileSync(file, 'a,b\n1,2\n');
    const r = await runCli(['--db', db, 'import', file, '--source', 'walkin']);
    expect(r.code).toBe(1);
    expect(readdirSync(dir)).toEqual(['x.csv']);
  });

  it('is kept when one file of the run was imported, and an existing database is never removed', async () => {
    const dir = tempDir();
    const db = join(dir, 'p.sqlite');
    const good = join(dir, 'buku-tamu-2020.csv');
    copyFileSync(join(FIXTURES, 'buku-tamu-2020.csv'), good);
    const r = await runCli(['--db', db, 'import', good, join(dir, 'missing.csv'), '--source', 'walkin']);
    expect(r.code).toBe(1);
    expect(existsSync(db)).toBe(true);
    expect(r.stdout).not.toContain('was not kept');
    const empty = join(dir, 'empty.sqlite');
    expect((await runCli(['--db', empty, 'init'])).code).toBe(2);
    expect(existsSync(empty)).toBe(false);
    expect((await runCli(['--db', empty, 'init', '--region', '1271'])).code).toBe(0);
    expect((await runCli(['--db', empty, 'import', join(dir, 'missing.csv'), '--source', 'walkin'])).code).toBe(1);
    expect(existsSync(empty)).toBe(true);
  });

  it('is kept while another connection has it open (an overlapping run may be about to write)', () => {
    const dir = tempDir();
    const path = join(dir, 'p.sqlite');
    const mine = openDatabase(path, { create: true });
    const theirs = openDatabase(path, { lockWaitMs: 0 });
    expect(discardIfUnused(mine, path)).toBe(false);
    expect(existsSync(path)).toBe(true);
    theirs.close();
    expect(discardIfUnused(mine, path)).toBe(true);
    expect(readdirSync(dir)).toEqual([]);
  });
});
