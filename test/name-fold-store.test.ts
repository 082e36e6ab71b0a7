/**
 * Name keys are computed at import and stored. When the folding of names changes (normalise/names.ts: the
 * old spelling's TJ inside a word now reads as TY, ADITJA → ADITYA, no longer ADICA), a database imported
 * before holds keys no fresh import would give: opening it for writing folds those names again, once, and
 * drops the learnt statistics, which counted the old keys, so the next resolve learns them anew.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normaliseName } from '../src/normalise/names.js';
import { insertBatch } from '../src/store/batches.js';
import { openDatabase } from '../src/store/database.js';
import { RECORD_FIELDS, recordWriter, type NewRecord } from '../src/store/records.js';
import { saveSnapshot } from '../src/store/resolve.js';
import { tempDir } from './helpers/cli.js';

function record(line: number, nameRaw: string, key: string, phonetic: string): NewRecord {
  const empty = Object.fromEntries(RECORD_FIELDS.map((f) => [f, null]));
  return { ...empty, line, nik_status: 'missing', name_raw: nameRaw, name: nameRaw, name_key: key, name_phonetic: phonetic } as unknown as NewRecord;
}

/** A database as the previous version left it: ADITJA stored under the key ADICA, statistics learnt. */
function oldDatabase(aditja = { key: 'ADICA PRATAMA', phonetic: 'ATIKA PRATAMA' }): string {
  const path = join(tempDir(), 'old.sqlite');
  const db = openDatabase(path, { create: true });
  const batchId = insertBatch(db, {
    source: 'walkin', file_name: 'a.csv', file_path: '/a.csv', sha256: 'x', wave: null, format: 'csv',
    encoding: 'utf8', delimiter: ',', sheet: null, header_line: 1, columns: '{}', imported_at: '2026-12-01T00:00:00Z',
  });
  const writer = recordWriter(db, batchId, 'walkin');
  writer.record(record(2, 'Aditja Pratama', aditja.key, aditja.phonetic));
  writer.record(record(3, 'Tjahja Kusuma', 'CAHYA KUSUMA', normaliseName('Tjahja Kusuma').phonetic));
  writer.record(record(4, 'Budi Santoso', 'BUDI SANTOSO', 'stored as it was'));
  writer.flush();
  saveSnapshot(db, { learnt_at: '2026-12-01T00:00:00Z', records: 3, sources: '{}', frequencies: '{}', capped: '{}', keyed_through: 3, keyed_count: 3 });
  db.prepare("DELETE FROM settings WHERE key = 'name_fold'").run();
  db.close();
  return path;
}

const stored = (path: string) => {
  const db = openDatabase(path, { readonly: true });
  const rows = db.prepare('SELECT line, name_key, name_phonetic FROM records ORDER BY line').all() as { line: number; name_key: string; name_phonetic: string }[];
  const snapshots = (db.prepare('SELECT count(*) AS n FROM resolve_snapshot').get() as { n: number }).n;
  db.close();
  return { rows, snapshots };
};

describe('stored name keys of an older folding', () => {
  it('are folded again when the database is opened for writing, and the learnt statistics dropped', () => {
    const path = oldDatabase();
    openDatabase(path).close();
    const { rows, snapshots } = stored(path);
    const aditya = normaliseName('Aditja Pratama');
    expect(aditya.key).toBe('ADITYA PRATAMA');
    expect(rows).toEqual([
      { line: 2, name_key: aditya.key, name_phonetic: aditya.phonetic },
      // Its key did not change, and a name without TJ is not read again at all.
      { line: 3, name_key: 'CAHYA KUSUMA', name_phonetic: normaliseName('Tjahja Kusuma').phonetic },
      { line: 4, name_key: 'BUDI SANTOSO', name_phonetic: 'stored as it was' },
    ]);
    expect(snapshots).toBe(0);
  });

  it('are left alone by a read-only open, and folded only once', () => {
    const path = oldDatabase();
    openDatabase(path, { readonly: true }).close();
    expect(stored(path).rows[0]?.name_key).toBe('ADICA PRATAMA');
    expect(stored(path).snapshots).toBe(1);
    openDatabase(path).close();
    // Folded, and marked so: a key written by hand afterwards stays, as does a snapshot learnt since.
    const db = openDatabase(path);
    db.prepare("UPDATE records SET name_key = 'HAND' WHERE line = 2").run();
    saveSnapshot(db, { learnt_at: '2026-12-02T00:00:00Z', records: 3, sources: '{}', frequencies: '{}', capped: '{}', keyed_through: 3, keyed_count: 3 });
    db.close();
    openDatabase(path).close();
    expect(stored(path).rows[0]?.name_key).toBe('HAND');
    expect(stored(path).snapshots).toBe(1);
  });

  it('keeps the statistics when no stored key changes', () => {
    const path = oldDatabase(normaliseName('Aditja Pratama'));
    openDatabase(path).close();
    expect(stored(path).rows[0]?.name_key).toBe('ADITYA PRATAMA');
    expect(stored(path).snapshots).toBe(1);
  });
});
