/**
 * Whether a new list holds the persons of an earlier one: the NIKs of its rows looked up among the
 * earlier batch's, a spreadsheet's 15-digit copy of a NIK (`excel_number`, `excel_rounded`) counting as
 * the NIKs it can stand for. Pure: the importer answers the lookups from the store, so that neither list's
 * NIKs are held in memory (a list of 1 M rows sent again: 275 MB peak when both were).
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

/** The NIK reasons of a spreadsheet's 15-digit copy of a NIK. */
export const EXCEL_COPY_REASONS = ['excel_number', 'excel_rounded'] as const;

/** What `rowsFoundBy` asks about the two batches (the importer answers from the store). */
export interface ResentLookup {
  /** Rows of the newer batch whose valid NIK the earlier batch holds as a valid NIK. */
  sharedValid(): number;
  /** The newer batch's valid NIKs that the earlier batch does not hold as valid NIKs, one per row. */
  unsharedValid(): Iterable<string>;
  /** The raw cells of the newer batch's 15-digit copies (EXCEL_COPY_REASONS, no valid NIK), one per row. */
  newerCopies(): Iterable<string>;
  /** The same of the earlier batch. */
  earlierCopies(): Iterable<string>;
  /** Whether the earlier batch holds a valid NIK from `low` to `high` (16-digit strings, inclusive). */
  earlierHasValidBetween(low: string, high: string): boolean;
}

/**
 * How many of the newer batch's rows have a NIK that the earlier batch holds: the same valid NIK, or a
 * valid NIK and a spreadsheet's copy it rounds (or truncates) to (a NIK ending in 0 is its own copy), or
 * two such copies with the same digits. A NIK in scientific notation stands for ten billion NIKs and proves
 * nothing; a row without a NIK is not found.
 *
 * @example rowsFoundBy(lookupOf(newer, earlier)) // test/integrity-units.test.ts builds one over arrays
 */
export function rowsFoundBy(lookup: ResentLookup): number {
  const copies = new Set<string>();
  for (const raw of lookup.earlierCopies()) copies.add(canonicaliseNik(raw));
  let found = lookup.sharedValid();
  if (copies.size > 0) {
    for (const nik of lookup.unsharedValid()) if (excelCopies(nik).some((copy) => copies.has(copy))) found++;
  }
  for (const raw of lookup.newerCopies()) {
    const digits = canonicaliseNik(raw);
    const from = copiedFrom(digits);
    if (copies.has(digits) || lookup.earlierHasValidBetween(digits, digits) || (from !== null && lookup.earlierHasValidBetween(from.low, from.high))) found++;
  }
  return found;
}

/**
 * The valid NIKs whose spreadsheet copies (`excelCopies`) include `digits`: those truncated to it
 * (…01–…09 of its first 15 digits) and those rounded up to it (…5–…9 of the 15 digits below), one range;
 * null when `digits` can be no copy (a copy is 16 digits ending in 0).
 *
 * @example copiedFrom('1271011203904400') // { low: '1271011203904395', high: '1271011203904409' }
 */
export function copiedFrom(digits: string): { low: string; high: string } | null {
  if (!/^\d{15}0$/.test(digits)) return null;
  const prefix = digits.slice(0, 15);
  const below = BigInt(prefix) - 1n;
  return { low: below < 0n ? digits : `${String(below).padStart(15, '0')}5`, high: `${prefix}9` };
}
