/** `prakerja status`: what the database holds. */
import { listBatches, type BatchRow } from '../store/batches.js';
import type { Db } from '../store/database.js';
import { countRejects, countsByNikReason, countsBySourceWave, type SourceWaveCount } from '../store/summary.js';
import { officeRegion, type OfficeRegion } from './init.js';

export interface StatusResult {
  region: OfficeRegion | null;
  batches: Pick<BatchRow, 'id' | 'source' | 'file_name' | 'wave' | 'imported_at' | 'rows_read' | 'rows_imported' | 'rows_rejected' | 'rows_skipped'>[];
  bySourceWave: SourceWaveCount[];
  nikProblems: { reason: string; records: number }[];
  records: number;
  rejects: number;
}

export function databaseStatus(db: Db): StatusResult {
  const bySourceWave = countsBySourceWave(db);
  return {
    region: officeRegion(db),
    batches: listBatches(db).map(({ id, source, file_name, wave, imported_at, rows_read, rows_imported, rows_rejected, rows_skipped }) => ({
      id, source, file_name, wave, imported_at, rows_read, rows_imported, rows_rejected, rows_skipped,
    })),
    bySourceWave,
    nikProblems: countsByNikReason(db),
    records: bySourceWave.reduce((n, r) => n + r.records, 0),
    rejects: countRejects(db),
  };
}
