/**
 * The importer's writes, at the store: each field of a record lands in its own column (the insert spells
 * the fields out for speed, so a field out of order must show here), and a bulk load's smaller page cache
 * is given back.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { insertBatch } from '../src/store/batches.js';
import { openDatabase } from '../src/store/database.js';
import { RECORD_FIELDS, recordWriter, shrinkCacheForBulkLoad, type NewRecord } from '../src/store/records.js';
import { tempDir } from './helpers/cli.js';

function freshDb() {
  const db = openDatabase(join(tempDir(), 'data.sqlite'), { create: true });
  const batchId = insertBatch(db, {
    source: 'central', file_name: 'a.csv', file_path: '/a.csv', sha256: 'x', wave: 1, format: 'csv',
    encoding: 'utf8', delimiter: ',', sheet: null, header_line: 1, columns: '{}', imported_at: '2026-12-01T00:00:00Z',
  });
  return { db, batchId };
}

/** A record whose every text field holds its own name and row number, so that any two fields swapped show. */
function distinct(i: number): NewRecord {
  const text = Object.fromEntries(RECORD_FIELDS.map((f) => [f, `${f}#${i}`]));
  return { ...text, line: i + 2, wave: i + 100, nik_status: 'invalid', sex: i % 2 === 0 ? 'M' : 'F' } as unknown as NewRecord;
}

describe('recordWriter', () => {
  it.each([1, 32, 40, 70])('writes %i records with each field in its own column, in order', (n) => {
    const { db, batchId } = freshDb();
    const writer = recordWriter(db, batchId, 'central');
    const written = Array.from({ length: n }, (_, i) => distinct(i));
    for (const r of written) writer.record(r);
    writer.flush();
    const stored = db.prepare(`SELECT batch_id, source, ${RECORD_FIELDS.join(', ')} FROM records ORDER BY id`).all();
    expect(stored).toEqual(written.map((r) => ({ batch_id: batchId, source: 'central', ...Object.fromEntries(RECORD_FIELDS.map((f) => [f, r[f]])) })));
    db.close();
  });
});

describe('shrinkCacheForBulkLoad', () => {
  it('sets a smaller page cache and gives the one before back', () => {
    const { db } = freshDb();
    const before = db.pragma('cache_size', { simple: true });
    const restore = shrinkCacheForBulkLoad(db);
    expect(db.pragma('cache_size', { simple: true })).toBe(-4096);
    restore();
    expect(db.pragma('cache_size', { simple: true })).toBe(before);
    db.close();
  });
});
