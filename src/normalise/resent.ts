/**
 * Whether a new list holds the persons of an earlier one: the NIKs of its rows looked up among the
 * earlier batch's, a spreadsheet's 15-digit copy of a NIK (`excel_number`, `excel_rounded`) counting as
 * the NIKs it can stand for. Pure; the importer feeds it the two batches' NIK cells.
 */
import { canonicaliseNik, excelCopies } from './nik.js';

/** One stored row's NIK: the valid NIK, or the reason it is damaged and its raw text. */
export interface NikCell {
  nik: string | null;
  reason: string | null;
  raw: string | null;
}

/** The share of a new batch's rows found in an earlier batch from which it is called "sent again". */
export const RESENT_SHARE = 0.8;

const EXCEL_COPY = new Set(['excel_number', 'excel_rounded']);

/**
 * How many of `newer`'s rows have a NIK that `earlier` holds: the same valid NIK, or a valid NIK and a
 * spreadsheet's copy it rounds (or truncates) to (a NIK ending in 0 is its own copy), or two such copies
 * with the same digits. A NIK in
 * scientific notation stands for ten billion NIKs and proves nothing; a row without a NIK is not found.
 *
 * @example rowsFoundIn([{ nik: null, reason: 'excel_number', raw: '1271011203904400' }], [{ nik: '1271011203904395', reason: null, raw: null }]) // 1
 */
export function rowsFoundIn(newer: Iterable<NikCell>, earlier: Iterable<NikCell>): number {
  const valid = new Set<string>();
  const copiesOfValid = new Set<string>();
  const copies = new Set<string>();
  for (const c of earlier) {
    if (c.nik !== null) {
      valid.add(c.nik);
      for (const copy of excelCopies(c.nik)) copiesOfValid.add(copy);
    } else if (c.reason !== null && EXCEL_COPY.has(c.reason) && c.raw !== null) {
      copies.add(canonicaliseNik(c.raw));
    }
  }
  let found = 0;
  for (const c of newer) {
    if (c.nik !== null) {
      if (valid.has(c.nik) || excelCopies(c.nik).some((copy) => copies.has(copy))) found++;
    } else if (c.reason !== null && EXCEL_COPY.has(c.reason) && c.raw !== null) {
      const digits = canonicaliseNik(c.raw);
      if (copies.has(digits) || copiesOfValid.has(digits) || valid.has(digits)) found++;
    }
  }
  return found;
}
