/**
 * The two list blocks through the resolve after an import (resolve/incremental.ts): a provincial row
 * imported into a resolved central list meets the central row it copies, as a full resolve pairs them.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFiles } from '../src/commands/import.js';
import { openDatabase } from '../src/store/database.js';
import { query } from './helpers/db.js';
import { validNik } from './helpers/process.js';

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'prakerja-list-blocks-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A central list of 60 rows of wave 1 with these rows among them. */
function centralList(rows: [string, string][]): string {
  const file = join(dir, `pusat-${Math.random().toString(36).slice(2)}.csv`);
  const filler = Array.from({ length: 60 }, (_, i): [string, string] => [validNik(i + 500), `ORANG ${'ABCDEFGHIJKLMNOPQRSTUVWXYZ'[i % 26] ?? ''}${i} LAIN${i}`]);
  writeFileSync(file, `NIK,Nama\n${[...rows, ...filler].map(([n, name]) => `${n},${name}`).join('\n')}\n`);
  return file;
}

function personOf(db: string, name: string): number[] {
  return query<{ person_id: number }>(db, `SELECT person_id FROM records_resolved WHERE name_key = '${name}'`).map((r) => r.person_id);
}

async function importBoth(central: [string, string], copy: [string, string]): Promise<{ db: string; mode: string | undefined }> {
  const path = join(dir, `${Math.random().toString(36).slice(2)}.sqlite`);
  const db = openDatabase(path, { create: true });
  try {
    expect((await importFiles(db, { files: [centralList([central])], source: 'central', wave: 1 })).ok).toBe(true);
    const province = join(dir, `provinsi-${Math.random().toString(36).slice(2)}.csv`);
    writeFileSync(province, `NIK,Nama\n${copy[0]},${copy[1]}\n`);
    const r = await importFiles(db, { files: [province], source: 'province', wave: 1 });
    expect(r.ok).toBe(true);
    return { db: path, mode: r.resolve?.mode };
  } finally {
    db.close();
  }
}

describe('a provincial row imported after its central list is resolved', () => {
  it('in scientific notation, a name mistyped: found by its range', async () => {
    const { db, mode } = await importBoth(['1271072701690008', 'HUSAIN FAUZI HAKIKI'], ['1.27107E+15', 'HUASIN FAUZI HAKIKI']);
    expect(mode).toBe('incremental');
    const [a, b] = [...personOf(db, 'HUSAIN FAUZI HAKIKI'), ...personOf(db, 'HUASIN FAUZI HAKIKI')];
    expect(a).toBeDefined();
    expect(a).toBe(b);
  });

  it('a birth-date digit and a name mistyped: found as the NIKs one keystroke away', async () => {
    const { db, mode } = await importBoth(['1271206210660003', 'NURLAILA SYAFIRA'], ['1271206610660003', 'NURLAILX SYAFIRA']);
    expect(mode).toBe('incremental');
    const [a, b] = [...personOf(db, 'NURLAILA SYAFIRA'), ...personOf(db, 'NURLAILX SYAFIRA')];
    expect(a).toBeDefined();
    expect(a).toBe(b);
  });
});
