/**
 * The importer's writes, at the store: each field of a record lands in its own column (the insert spells
 * the fields out for speed, so a field out of order must show here), and a bulk load's smaller page cache
 * is given back.
 */
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { insertBatch } from '../src/store/batches.js';
import { openDatabase } from '../src/store/database.js';
import { markNiksDamaged, RECORD_FIELDS, recordWriter, shrinkCacheForBulkLoad, type NewRecord } from '../src/store/records.js';
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

const pad2 = (n: number) => String(n).padStart(2, '0');

/** A record with a 16-digit NIK, its cell written as is or formatted, and facts that agree with it or not. */
const nikRecord = fc
  .record({
    region: fc.stringMatching(/^\d{6}$/),
    day: fc.integer({ min: 0, max: 99 }),
    month: fc.integer({ min: 1, max: 12 }),
    yy: fc.integer({ min: 0, max: 99 }),
    serial: fc.stringMatching(/^\d{4}$/),
    century: fc.constantFrom('19', '20'),
    cell: fc.constantFrom('same', 'spaced', 'apostrophe'),
    wrongRegion: fc.boolean(),
    wrongSex: fc.boolean(),
  })
  .map(({ region, day, month, yy, serial, century, cell, wrongRegion, wrongSex }): NewRecord => {
    const nik = `${region}${pad2(day)}${pad2(month)}${pad2(yy)}${serial}`;
    const sex = day % 100 >= 40 ? 'F' : 'M';
    return {
      line: 2, nik, nik_status: 'valid', nik_reason: null, nik_hint: null,
      nik_raw: cell === 'same' ? nik : cell === 'spaced' ? `${nik.slice(0, 6)} ${nik.slice(6)}` : `'${nik}`,
      name_raw: 'SITI', name: 'Siti', name_key: 'SITI', name_phonetic: 'SITI', wave: 1, status: null, visit_date: null,
      phone: null, purpose: null, regency: null, extra: null,
      region: wrongRegion ? '127101' : region,
      birth_date: `${century}${pad2(yy)}-${pad2(month)}-${pad2(day % 40)}`,
      sex: wrongSex ? (sex === 'F' ? 'M' : 'F') : sex,
    };
  });

describe('what a valid NIK gives is stored once (schema 11)', () => {
  const readBack = (db: ReturnType<typeof openDatabase>) =>
    db.prepare(`SELECT ${RECORD_FIELDS.join(', ')} FROM records ORDER BY id`).all();

  it('reads every record back as written, whatever its NIK cell and facts (property)', () => {
    fc.assert(
      fc.property(fc.array(nikRecord, { minLength: 1, maxLength: 40 }), (records) => {
        const { db, batchId } = freshDb();
        const writer = recordWriter(db, batchId, 'central');
        records.forEach((r, i) => writer.record({ ...r, line: i + 2 }));
        writer.flush();
        expect(readBack(db)).toEqual(records.map((r, i) => ({ ...r, line: i + 2 })));
        db.close();
      }),
      { numRuns: 60, seed: 14 },
    );
  });

  it('keeps nothing of a plain valid record but its NIK; keeps what the NIK does not give', () => {
    const { db, batchId } = freshDb();
    const writer = recordWriter(db, batchId, 'central');
    const plain = { ...distinct(0), nik_status: 'valid', nik: '1271015001900003', nik_raw: '1271015001900003', region: '127101', birth_date: '1990-01-10', sex: 'F' } as NewRecord;
    writer.record(plain);
    writer.record({ ...plain, nik: '1271011001050003', nik_raw: '1271 0110 0105 0003', birth_date: '2005-01-10', sex: 'M' });
    writer.record({ ...plain, nik: null, nik_status: 'invalid' });
    writer.flush();
    expect(db.prepare('SELECT nik_raw_kept, region_kept, birth_date_kept, sex_kept FROM records ORDER BY id').raw().all()).toEqual([
      [null, null, null, null],
      ['1271 0110 0105 0003', null, '2005-01-10', null],
      ['1271015001900003', '127101', '1990-01-10', 'F'],
    ]);
    db.close();
  });

  it('a NIK re-read as damaged keeps its cell, region, birth date and sex', () => {
    const { db, batchId } = freshDb();
    const writer = recordWriter(db, batchId, 'central');
    writer.record({ ...distinct(0), nik_status: 'valid', nik: '1271015001900000', nik_raw: '1271015001900000', region: '127101', birth_date: '1990-01-10', sex: 'F' } as NewRecord);
    writer.flush();
    const id = Number(db.prepare('SELECT id FROM records').pluck().get());
    expect(markNiksDamaged(db, [{ id, reason: 'excel_rounded', hint: '127101500190000' }])).toBe(1);
    expect(db.prepare('SELECT nik, nik_status, nik_raw, region, birth_date, sex FROM records').get()).toEqual({
      nik: null, nik_status: 'damaged', nik_raw: '1271015001900000', region: '127101', birth_date: '1990-01-10', sex: 'F',
    });
    db.close();
  });

  it('refuses a record with a NIK but without what the NIK gives', () => {
    const { db, batchId } = freshDb();
    const writer = recordWriter(db, batchId, 'central');
    expect(() => writer.record({ ...distinct(0), nik: '1271015001900003', nik_raw: '1271015001900003', region: null } as NewRecord)).toThrow(/lacks what the NIK gives/);
    db.close();
  });
});

describe('the zero endings a writer counts', () => {
  it('are what the batch holds: valid NIKs and serial-0000 ones, and of them those ending in 0 or without a NIK (property)', () => {
    const record = fc.record({
      nik: fc.option(fc.stringMatching(/^\d{16}$/), { nil: null }),
      reason: fc.constantFrom(null, 'serial_zero', 'wrong_length', 'scientific_notation'),
    });
    fc.assert(
      fc.property(fc.array(record, { maxLength: 80 }), (rows) => {
        const { db, batchId } = freshDb();
        const writer = recordWriter(db, batchId, 'central');
        const base = { ...distinct(0), nik_raw: 'x', region: 'r', birth_date: 'b', sex: 'M' } as NewRecord;
        rows.forEach((r, i) => writer.record({ ...base, line: i + 2, nik: r.nik, nik_status: r.nik === null ? 'invalid' : 'valid', nik_reason: r.nik === null ? (r.reason as NewRecord['nik_reason']) : null }));
        writer.flush();
        const stored = db
          .prepare(
            `SELECT count(*) AS total, coalesce(sum(nik IS NULL OR substr(nik, 16, 1) = '0'), 0) AS endingInZero
               FROM records WHERE batch_id = ? AND (nik IS NOT NULL OR nik_reason = 'serial_zero')`,
          )
          .get(batchId);
        expect(writer.zeros()).toEqual(stored);
        db.close();
      }),
      { numRuns: 40, seed: 16 },
    );
  });
});
