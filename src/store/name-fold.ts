/**
 * Name keys are computed at import (normalise/names.ts) and stored; a resolve compares the stored keys. When
 * the folding changes, a database imported before holds keys that a fresh import of the same files would not
 * give. `refoldStoredNames` reads those names again, once per database, when it is opened for writing.
 */
import { normaliseName } from '../normalise/names.js';
import type { Db } from './database.js';
import { getSetting, setSetting } from './settings.js';
import { inTransaction } from './transaction.js';

/**
 * The folding the stored keys were computed with, and what changed since the one before, to find the rows it
 * changes: 2 reads the old spelling's TJ inside a word as TY (ADITJA → ADITYA, it was ADICA).
 */
export const NAME_FOLD = '2';
const CHANGED_SINCE_LAST = "name_raw LIKE '%tj%'"; // LIKE is case-blind for ASCII

/**
 * Folds again the stored names whose key the current folding would give otherwise, and drops the learnt
 * statistics if any changed (they counted the old keys; the next resolve learns them again). Returns how many
 * records changed. Does nothing once the database is marked as folded so.
 *
 * @example refoldStoredNames(db) // 3: three names written ADITJA got the key ADITYA
 */
export function refoldStoredNames(db: Db): number {
  if (getSetting(db, 'name_fold') === NAME_FOLD) return 0;
  return inTransaction(
    db,
    () => {
      if (getSetting(db, 'name_fold') === NAME_FOLD) return 0;
      const rows = db
        .prepare<[], { id: number; name_raw: string; name_key: string; name_phonetic: string }>(
          `SELECT id, name_raw, name_key, name_phonetic FROM records WHERE ${CHANGED_SINCE_LAST}`,
        )
        .all();
      const update = db.prepare<[string, string, number]>('UPDATE records SET name_key = ?, name_phonetic = ? WHERE id = ?');
      let changed = 0;
      for (const row of rows) {
        const name = normaliseName(row.name_raw);
        if (name.key === row.name_key && name.phonetic === row.name_phonetic) continue;
        update.run(name.key, name.phonetic, row.id);
        changed++;
      }
      if (changed > 0) db.prepare('DELETE FROM resolve_snapshot').run();
      setSetting(db, 'name_fold', NAME_FOLD);
      return changed;
    },
    { immediate: true },
  );
}
