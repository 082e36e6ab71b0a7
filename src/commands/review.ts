/**
 * `prakerja review export FILE.csv` / `prakerja review apply FILE.csv`: possible matches and conflicts go to
 * staff as a spreadsheet, both records side by side and an empty `decision` column; Y (same person) or N
 * (different people) come back and are stored, keyed on the files' content hashes and line numbers so that
 * they survive re-imports, and every later resolve respects them.
 */
import { basename, extname } from 'node:path';
import { InputError, UsageError } from '../errors.js';
import { currentLang, inLang, t } from '../i18n/index.js';
import { foldHeader, type Field } from '../ingest/columns.js';
import { readWholeTable } from '../ingest/table.js';
import type { Db } from '../store/database.js';
import { inTransaction } from '../store/transaction.js';
import { personSources, recordKeys, recordsById, reviewLinks, saveDecision, type RecordView } from '../store/resolve.js';
import { writeOutputFile } from '../store/output-files.js';
import { evidenceWords, refusalWords } from './explain.js';
import { resolveAfterReview, resolvePending, type ResolveResult } from '../resolve/index.js';
import { displayNik } from '../privacy/mask.js';
import { writeCsvFile } from './csv-out.js';

export const REVIEW_COLUMNS = [
  'kind', 'probability', 'decides', 'why',
  'file_l', 'line_l', 'source_l', 'nik_l', 'name_l', 'wave_l',
  'file_r', 'line_r', 'source_r', 'nik_r', 'name_r', 'wave_r',
  'decision',
] as const;

export interface ReviewExportOptions {
  showNik?: boolean;
  signal?: AbortSignal;
}

export interface ReviewExportResult {
  file: string;
  format: 'csv' | 'xlsx';
  possible: number;
  conflicts: number;
  /** Pairs whose decision says whether a walk-in visitor counts as a recipient (listed first), and those visitors. */
  recipientPairs: number;
  visitors: number;
  /** The other pairs, and the persons they touch. */
  otherPairs: number;
  persons: number;
  /** Records matched into persons before the queue was read: an earlier run had left them without one. */
  pendingResolved: number;
}

/**
 * The review file's format, by its name: `.xlsx` or `.csv` (any case); another name is a usage error,
 * callable before the database is opened.
 * @example reviewFileFormat('periksa.XLSX') // 'xlsx'
 */
export function reviewFileFormat(path: string): 'csv' | 'xlsx' {
  const ext = extname(path).toLowerCase();
  if (ext === '.xlsx' || ext === '.csv') return ext === '.xlsx' ? 'xlsx' : 'csv';
  throw new UsageError(t.review.badFileName(path));
}

/**
 * Writes the review queue to `path`: an `.xlsx` (a Y/N drop-down in the decision column, the summary on a
 * second sheet) or a `.csv` (any other name is a usage error, see reviewFileFormat). Pairs that decide whether a walk-in visitor counts as a
 * recipient come first; each row says what its decision changes and why the pair is in doubt, in words.
 *
 * @example await exportReview(db, 'periksa.xlsx') // { format: 'xlsx', possible: 12, conflicts: 3, recipientPairs: 5, … }
 */
export async function exportReview(db: Db, path: string, options: ReviewExportOptions = {}): Promise<ReviewExportResult> {
  const format = reviewFileFormat(path);
  // As a report does: records an interrupted import (or --no-resolve) left without a person are matched
  // first, or the queue would lack their pairs and its counts be those of a state no other command shows.
  const pending = resolvePending(db, options.signal);
  // Only what needs a decision (store/resolve.ts TO_REVIEW): the same count the import and status print.
  const links = reviewLinks(db);
  const records = new Map(recordsById(db, [...new Set(links.flatMap((l) => [l.record_l, l.record_r]))]).map((r) => [r.id, r]));
  const nikOf = (r: RecordView): string | null => displayNik(r.nik ?? r.nik_raw, options.showNik);
  const pairs = links.flatMap((link) => {
    const l = records.get(link.record_l);
    const r = records.get(link.record_r);
    return l && r ? [{ link, l, r }] : [];
  });
  const sources = personSources(db, [...new Set(pairs.flatMap((p) => [p.l.person_id, p.r.person_id]).filter((p): p is number => p !== null))]);
  const queue = orderQueue(
    pairs.map((p) => ({ l: p.l.person_id, r: p.r.person_id, records: p })),
    sources,
  );
  const because = refusalWords(db, pairs.map((p) => ({ refused: p.link.refused, left: p.l.person_id, right: p.r.person_id })), options.showNik === true);

  const rows: (string | number | null)[][] = queue.pairs.map(({ pair: { records: { link, l, r } }, decides }) => [
    t.review.kind(link.kind === 'conflict' ? 'conflict' : 'possible'),
    link.probability === null ? null : Math.round(link.probability * 1000) / 1000,
    t.review.decides(decides),
    [because({ refused: link.refused, left: l.person_id, right: r.person_id }), ...evidenceWords(link.levels)].filter((w) => w !== null).join('; '),
    l.file, l.line, t.reasons.source(l.source), nikOf(l), l.name, l.wave,
    r.file, r.line, t.reasons.source(r.source), nikOf(r), r.name, r.wave,
    '',
  ]);
  const result: ReviewExportResult = {
    file: path,
    format,
    possible: pairs.filter((p) => p.link.kind !== 'conflict').length,
    conflicts: pairs.filter((p) => p.link.kind === 'conflict').length,
    ...queue.counts,
    pendingResolved: pending.pending,
  };
  // Both records of each pair, with names and NIKs: personal. English headers are the machine names.
  const header = currentLang() === 'en' ? REVIEW_COLUMNS : t.review.columns();
  if (result.format === 'xlsx') {
    // Loaded only here: exceljs costs every other command about 30 MB of memory when loaded up front.
    const { writeChoiceXlsx } = await import('../report/write-xlsx.js');
    const bytes = await writeChoiceXlsx(
      { name: t.review.pairsSheet(), header, rows, choiceColumn: REVIEW_COLUMNS.indexOf('decision'), choices: ['Y', 'N'] },
      { name: t.review.summarySheet(), lines: [settlesText(result)] },
    );
    writeOutputFile(path, bytes, { personal: true });
  } else {
    writeCsvFile(path, header, rows, { personal: true });
  }
  return result;
}

/** A pair in the review queue, by the persons of its two records (null: a record with no person yet). */
export interface QueuePair {
  l: number | null;
  r: number | null;
}

export interface OrderedQueue<P extends QueuePair> {
  pairs: { pair: P; decides: 'recipient' | 'person' }[];
  counts: Pick<ReviewExportResult, 'recipientPairs' | 'visitors' | 'otherPairs' | 'persons'>;
}

/**
 * The review queue ordered by what a decision changes. First the pairs between a visitor found in no list (a
 * walk-in person without a central or provincial row) and a listed person: their decision says whether the
 * visitor counts as a recipient. A visitor's candidates stand together (one Y settles the visitor), visitors
 * in the order of their likeliest pair. Then every other pair. `pairs` come in the store's order (possible
 * matches before conflicts, likelier first), which each group keeps. Pure.
 *
 * @example orderQueue([{ l: 20, r: 21 }, { l: 1, r: 10 }], persons).pairs.map((p) => p.decides) // ['recipient', 'person']
 */
export function orderQueue<P extends QueuePair>(pairs: readonly P[], persons: ReadonlyMap<number, { walkin: boolean; listed: boolean }>): OrderedQueue<P> {
  const visitorOnly = (p: number | null): p is number => p !== null && persons.get(p)?.walkin === true && persons.get(p)?.listed !== true;
  const listed = (p: number | null): boolean => p !== null && persons.get(p)?.listed === true;
  /** The visitor a pair decides about, or null. */
  const visitorOf = (q: QueuePair): number | null => (visitorOnly(q.l) && listed(q.r) ? q.l : visitorOnly(q.r) && listed(q.l) ? q.r : null);
  const firstAt = new Map<number, number>();
  const decided = pairs.map((pair, index) => {
    const visitor = visitorOf(pair);
    if (visitor !== null && !firstAt.has(visitor)) firstAt.set(visitor, index);
    return { pair, index, visitor };
  });
  const first = decided.filter((d) => d.visitor !== null).sort((a, b) => (firstAt.get(a.visitor ?? -1) ?? 0) - (firstAt.get(b.visitor ?? -1) ?? 0) || a.index - b.index);
  const rest = decided.filter((d) => d.visitor === null);
  const touched = new Set<number>();
  let unresolved = 0;
  for (const { pair } of rest) for (const p of [pair.l, pair.r]) if (p === null) unresolved++;
    else touched.add(p);
  return {
    pairs: [...first.map((d) => ({ pair: d.pair, decides: 'recipient' as const })), ...rest.map((d) => ({ pair: d.pair, decides: 'person' as const }))],
    counts: { recipientPairs: first.length, visitors: firstAt.size, otherPairs: rest.length, persons: touched.size + unresolved },
  };
}

/** What the queue's decisions settle, in words: the export's summary line and the workbook's summary sheet. */
export function settlesText(r: Pick<ReviewExportResult, 'recipientPairs' | 'visitors' | 'otherPairs' | 'persons'>): string {
  return t.review.settles({ recipientPairs: r.recipientPairs, visitors: r.visitors, otherPairs: r.otherPairs, persons: r.persons });
}

export interface ReviewApplyResult {
  file: string;
  same: number;
  different: number;
  /** Rows left without a decision. */
  undecided: number;
  resolve: ResolveResult;
}

const YES = new Set(['Y', 'YA', 'YES', 'SAMA']);
const NO = new Set(['N', 'TIDAK', 'NO', 'BEDA']);

/**
 * Reads a filled-in review file, checks every row, stores the decisions and resolves again.
 * All problems of the file are reported together, with their line numbers; nothing is stored if any.
 *
 * @example applyReview(db, 'periksa.csv') // { same: 10, different: 2, undecided: 3, … }
 */
export async function applyReview(db: Db, path: string): Promise<ReviewApplyResult> {
  // The file's headers as prakerja wrote them, in either language: the Indonesian ones map to the machine names.
  const indonesian = inLang('id', () => t.review.columns());
  const machine = new Map<string, string>(REVIEW_COLUMNS.map((c, i) => [(indonesian[i] ?? c).toLowerCase(), c]));
  // A workbook's header row is found as an import finds one: by its NIK and name columns, in either language.
  const marks = new Map<string, Field>();
  for (const [i, c] of REVIEW_COLUMNS.entries()) {
    const field = c === 'nik_l' ? 'nik' : c === 'name_l' ? 'name' : null;
    if (field) for (const h of [c, indonesian[i] ?? c]) marks.set(foldHeader(h), field);
  }
  const shownColumns = (names: readonly string[]): string =>
    (currentLang() === 'en' ? names : names.map((n) => indonesian[REVIEW_COLUMNS.findIndex((c) => c === n)] ?? n)).join(', ');
  const needed = ['file_l', 'line_l', 'file_r', 'line_r', 'decision'];
  const table = await readWholeTable(path, marks, () =>
    new InputError(t.review.missingColumns(shownColumns(REVIEW_COLUMNS.filter((c) => needed.includes(c) || marks.has(foldHeader(c))))), path),
  );
  const header = table.header.map((h) => h.replace(/^\uFEFF/, '').trim().toLowerCase()).map((h) => machine.get(h) ?? h);
  const col = (name: string): number => header.indexOf(name);
  const missing = needed.filter((n) => col(n) < 0);
  if (missing.length > 0) throw new InputError(t.review.missingColumns(shownColumns(missing)), path, table.headerLine);
  const problems: string[] = [];
  /** The lines with a problem (a row can have two), and the records the decided rows name, found or not. */
  const badLines = new Set<number>();
  const named = new Map<string, boolean>();
  const decisions: { keyL: RecordKey; keyR: RecordKey; decision: 'Y' | 'N'; line: number }[] = [];
  /** The first line that decided each pair, to catch one pair marked both Y and N. */
  const decidedAt = new Map<string, { line: number; decision: 'Y' | 'N' }>();
  let undecided = 0;
  for (const { line, cells: row } of table.rows) {
    const cell = (name: string): string => (row[col(name)] ?? '').trim().replace(/^'/, '');
    if (row.every((c) => c.trim() === '')) continue;
    const answer = cell('decision').toUpperCase();
    if (answer === '') {
      undecided++;
      continue;
    }
    const decision = YES.has(answer) ? 'Y' : NO.has(answer) ? 'N' : null;
    if (decision === null) {
      problems.push(t.review.badDecision({ line, value: JSON.stringify(cell('decision')) }));
      badLines.add(line);
      continue;
    }
    const keyL = keyOf(db, cell('file_l'), cell('line_l'));
    const keyR = keyOf(db, cell('file_r'), cell('line_r'));
    for (const [side, key] of [['l', keyL], ['r', keyR]] as const) {
      named.set(`${cell(`file_${side}`)}:${cell(`line_${side}`)}`, !('problem' in key && key.missing));
      if ('problem' in key) {
        problems.push(t.review.rowProblem({ line, problem: key.problem }));
        badLines.add(line);
      }
    }
    if ('problem' in keyL || 'problem' in keyR) continue;
    const pair = [`${keyL.sha}:${keyL.line}`, `${keyR.sha}:${keyR.line}`].sort().join(' ');
    const earlier = decidedAt.get(pair);
    if (earlier && earlier.decision !== decision) {
      problems.push(t.files.reviewYesAndNo({ first: earlier.line, second: line, a: earlier.decision, b: decision }));
      continue;
    }
    if (!earlier) decidedAt.set(pair, { line, decision });
    decisions.push({ keyL, keyR, decision, line });
  }
  // Not one of the records the file names is here: the file is of another database, said once.
  if (named.size > 0 && [...named.values()].every((found) => !found)) {
    throw new InputError(t.review.otherDatabase({ records: named.size, db: db.name }), path);
  }
  if (problems.length > 0) {
    throw new InputError(t.review.unusable({ count: badLines.size, problems: problems.join('\n  ') }), path);
  }
  const now = new Date().toISOString();
  // The decisions and the persons rebuilt from them together: an interrupt (or a full disk) leaves neither.
  const resolve = inTransaction(
    db,
    () => {
      for (const d of decisions) {
        // One orientation per pair, so a later file with the sides swapped updates the same decision.
        const [a, b] = d.keyL.sha < d.keyR.sha || (d.keyL.sha === d.keyR.sha && d.keyL.line <= d.keyR.line) ? [d.keyL, d.keyR] : [d.keyR, d.keyL];
        saveDecision(db, { sha_l: a.sha, line_l: a.line, sha_r: b.sha, line_r: b.line, decision: d.decision, review_file: basename(path) }, now);
      }
      // Under the stored statistics, as after an import: a decision changes only the components of its two
      // records, so only those are resolved again (full, relearning, when an import's resolve would be).
      return resolveAfterReview(db, decisions.flatMap((d) => [d.keyL.id, d.keyR.id]));
    },
    { immediate: true },
  );
  return {
    file: path,
    same: decisions.filter((d) => d.decision === 'Y').length,
    different: decisions.filter((d) => d.decision === 'N').length,
    undecided,
    resolve,
  };
}

/** A record as a decision names it (its batch's sha256 and its line), and its id now. */
type RecordKey = { sha: string; line: number; id: number };

/** Why a row's record cannot be used; `missing` when the database has no record at that file and line. */
type KeyProblem = { problem: string; missing: boolean };

function keyOf(db: Db, file: string, lineText: string): RecordKey | KeyProblem {
  if (!/^\d+$/.test(lineText)) return { problem: t.review.notANumber(JSON.stringify(lineText)), missing: false };
  const line = Number(lineText);
  const found = recordKeys(db, file, line);
  const only = found[0];
  if (only === undefined) return { problem: t.review.noRecord({ file, line }), missing: true };
  if (found.length > 1) return { problem: t.review.importedTwice({ file, line }), missing: false };
  return { sha: only.sha256, line, id: only.id };
}
