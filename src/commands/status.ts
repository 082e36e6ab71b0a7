/** `prakerja status`: what the database holds. */
import { listBatches, type BatchRow } from '../store/batches.js';
import type { Db } from '../store/database.js';
import { countRejects, countsByNikReason, countsBySourceWave, wavesByBatch, type SourceWaveCount } from '../store/summary.js';
import { officeRegion, type OfficeRegion } from '../store/settings.js';
import { personCountsSql, type PersonCounts } from '../store/reports.js';
import { reviewCounts, snapshotLearnt } from '../store/resolve.js';

export interface StatusResult {
  region: OfficeRegion | null;
  batches: (Pick<BatchRow, 'id' | 'source' | 'file_name' | 'wave' | 'imported_at' | 'rows_read' | 'rows_imported' | 'rows_rejected' | 'rows_skipped'> & {
    /** The waves its records carry (`3,4`), whether from `--wave` or a Gelombang column. */
    waves: string;
  })[];
  bySourceWave: SourceWaveCount[];
  nikProblems: { reason: string; records: number }[];
  records: number;
  rejects: number;
  /** Persons and pairs to review: the same counts the import and resolve summaries print. */
  matching: PersonCounts & { possible: number; conflicts: number };
  /**
   * The matching statistics (name frequencies, the prior, wave and visit-purpose shares) the persons were
   * matched with: learnt by the last full resolve from `records` records, at `at` (ISO, UTC); the imports
   * since (`recordsSince` records) were matched with them, frozen. Null before any resolve.
   */
  learnt: { at: string; records: number; recordsSince: number } | null;
}

export function databaseStatus(db: Db): StatusResult {
  const bySourceWave = countsBySourceWave(db);
  const waves = wavesByBatch(db);
  return {
    region: officeRegion(db),
    batches: listBatches(db).map(({ id, source, file_name, wave, imported_at, rows_read, rows_imported, rows_rejected, rows_skipped }) => ({
      id, source, file_name, wave, waves: waves.get(id) ?? '', imported_at, rows_read, rows_imported, rows_rejected, rows_skipped,
    })),
    bySourceWave,
    nikProblems: countsByNikReason(db),
    records: bySourceWave.reduce((n, r) => n + r.records, 0),
    rejects: countRejects(db),
    matching: { ...personCountsSql(db), ...reviewCounts(db) },
    learnt: learntState(db, bySourceWave.reduce((n, r) => n + r.records, 0)),
  };
}

function learntState(db: Db, records: number): StatusResult['learnt'] {
  const s = snapshotLearnt(db);
  return s ? { at: s.learnt_at, records: s.records, recordsSince: Math.max(0, records - s.records) } : null;
}
