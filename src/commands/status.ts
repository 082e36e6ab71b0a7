/** `prakerja status`: what the database holds. */
import { listBatches, type BatchRow } from '../store/batches.js';
import type { Db } from '../store/database.js';
import { countRejects, countsByNikReason, countsBySourceWave, wavesByBatch, type SourceWaveCount } from '../store/summary.js';
import { officeRegion, type OfficeRegion } from '../store/settings.js';
import { personCountsSql, type PersonCounts } from '../store/reports.js';
import { countUnresolved } from '../store/records.js';
import { reviewCounts, snapshotLearnt } from '../store/resolve.js';
import { purposesRelearnt } from '../resolve/incremental.js';

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
  /**
   * Records not matched into persons yet (an import interrupted after its commit, or `--no-resolve`): the
   * next import, resolve or report matches them. Until then `matching.persons` counts each as one person.
   */
  unmatched: number;
  /** Persons and pairs to review: the same counts the import and resolve summaries print. */
  matching: PersonCounts & { possible: number; conflicts: number };
  /**
   * The matching statistics (name frequencies, the prior, wave and visit-purpose shares) the persons were
   * matched with: learnt by the last full resolve from `records` records, at `at` (ISO, UTC); the imports
   * since (`recordsSince` records, not counting the `unmatched` ones) were matched with them, frozen, but for
   * `purposes`: the visit purposes a guest book's growth relearnt later, when (`at`, ISO; null when an older
   * build relearnt them without storing the time) and from how many guest-book records. Null before any resolve.
   */
  learnt: { at: string; records: number; recordsSince: number; purposes: { at: string | null; records: number } | null } | null;
}

export function databaseStatus(db: Db): StatusResult {
  const bySourceWave = countsBySourceWave(db);
  const waves = wavesByBatch(db);
  const records = bySourceWave.reduce((n, r) => n + r.records, 0);
  const unmatched = countUnresolved(db);
  return {
    region: officeRegion(db),
    batches: listBatches(db).map(({ id, source, file_name, wave, imported_at, rows_read, rows_imported, rows_rejected, rows_skipped }) => ({
      id, source, file_name, wave, waves: waves.get(id) ?? '', imported_at, rows_read, rows_imported, rows_rejected, rows_skipped,
    })),
    bySourceWave,
    nikProblems: countsByNikReason(db),
    records,
    rejects: countRejects(db),
    unmatched,
    matching: { ...personCountsSql(db), ...reviewCounts(db) },
    learnt: learntState(db, records - unmatched),
  };
}

/** `matched`: the records with a person. Those without one came after the last full resolve (it matches all). */
function learntState(db: Db, matched: number): StatusResult['learnt'] {
  const s = snapshotLearnt(db);
  return s ? { at: s.learnt_at, records: s.records, recordsSince: Math.max(0, matched - s.records), purposes: purposesRelearnt(s) } : null;
}
