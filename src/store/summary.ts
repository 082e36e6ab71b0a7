import type { SourceKind } from './batches.js';
import type { Db } from './database.js';

export interface SourceWaveCount {
  source: SourceKind;
  wave: number | null;
  records: number;
  valid: number;
  invalid: number;
  damaged: number;
  missing: number;
}

/** Records per source and wave, with their NIK quality. */
export function countsBySourceWave(db: Db): SourceWaveCount[] {
  return db
    .prepare<[], SourceWaveCount>(
      `SELECT source, wave, count(*) AS records,
              sum(nik_status = 'valid') AS valid, sum(nik_status = 'invalid') AS invalid,
              sum(nik_status = 'damaged') AS damaged, sum(nik_status = 'missing') AS missing
         FROM records GROUP BY source, wave ORDER BY source, wave`,
    )
    .all();
}

/** Imported rows whose NIK is not valid, by reason. */
export function countsByNikReason(db: Db): { reason: string; records: number }[] {
  return db
    .prepare<[], { reason: string; records: number }>(
      `SELECT coalesce(nik_reason, nik_status) AS reason, count(*) AS records
         FROM records WHERE nik_status <> 'valid' GROUP BY 1 ORDER BY 2 DESC`,
    )
    .all();
}

export function countRejects(db: Db): number {
  return db.prepare<[], { n: number }>('SELECT count(*) AS n FROM rejects').get()?.n ?? 0;
}

export interface RejectListing {
  batch_id: number;
  file_name: string;
  line: number;
  reason: string;
  /** NULL for a reject stored before schema version 10. */
  params: string | null;
  message: string;
  raw: string;
}

/** Rejected rows, optionally of one batch, in file and line order. */
export function listRejects(db: Db, batchId?: number): RejectListing[] {
  return db
    .prepare<{ batch: number | null }, RejectListing>(
      `SELECT r.batch_id, b.file_name, r.line, r.reason, r.params, r.message, r.raw
         FROM rejects r JOIN batches b ON b.id = r.batch_id
        WHERE @batch IS NULL OR r.batch_id = @batch
        ORDER BY r.batch_id, r.line`,
    )
    .all({ batch: batchId ?? null });
}

/** The rejected rows of a file name at one line (one per batch of that name), latest batch first. */
export function rejectsAtFileLine(db: Db, fileName: string, line: number): RejectListing[] {
  return db
    .prepare<{ file: string; line: number }, RejectListing>(
      `SELECT r.batch_id, b.file_name, r.line, r.reason, r.params, r.message, r.raw
         FROM rejects r JOIN batches b ON b.id = r.batch_id
        WHERE b.file_name = @file AND r.line = @line
        ORDER BY r.batch_id DESC`,
    )
    .all({ file: fileName, line });
}

/** Imported rows whose date cell could not be read (flag `date_unreadable`), with that cell's text. */
export function listDateProblems(db: Db, batchId?: number): { batch_id: number; file_name: string; line: number; text: string }[] {
  return db
    .prepare<{ batch: number | null }, { batch_id: number; file_name: string; line: number; text: string }>(
      `SELECT r.batch_id, b.file_name, r.line, coalesce(json_extract(r.extra, '$.date'), '') AS text
         FROM records r JOIN batches b ON b.id = r.batch_id
        WHERE (@batch IS NULL OR r.batch_id = @batch)
          AND r.extra IS NOT NULL AND json_valid(r.extra)
          AND EXISTS (SELECT 1 FROM json_each(r.extra, '$.flags') WHERE value = 'date_unreadable')
        ORDER BY r.batch_id, r.line`,
    )
    .all({ batch: batchId ?? null });
}

/** The waves each batch's records carry, as `3` or `3,4`: a file's Gelombang column may hold several. */
export function wavesByBatch(db: Db): Map<number, string> {
  const rows = db
    .prepare<[], { batch_id: number; waves: string | null }>(
      `SELECT batch_id, group_concat(wave, ',') AS waves
         FROM (SELECT DISTINCT batch_id, wave FROM records WHERE wave IS NOT NULL ORDER BY batch_id, wave)
        GROUP BY batch_id`,
    )
    .all();
  return new Map(rows.map((r) => [r.batch_id, r.waves ?? '']));
}
