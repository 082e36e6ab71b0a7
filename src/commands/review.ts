/**
 * `prakerja review export FILE.csv` / `prakerja review apply FILE.csv`: possible matches and conflicts go to
 * staff as a spreadsheet, both records side by side and an empty `decision` column; Y (same person) or N
 * (different people) come back and are stored, keyed on the files' content hashes and line numbers so that
 * they survive re-imports, and every later resolve respects them.
 */
import { basename, extname } from 'node:path';
import { InputError } from '../errors.js';
import { currentLang, inLang, t } from '../i18n/index.js';
import { foldHeader, type Field } from '../ingest/columns.js';
import { readWholeTable } from '../ingest/table.js';
import type { Db } from '../store/database.js';
import { inTransaction } from '../store/transaction.js';
import { personSources, recordKeys, recordsById, reviewLinks, saveDecision, type RecordView } from '../store/resolve.js';
import { writeOutputFile } from '../store/output-files.js';
import { writeChoiceXlsx } from '../report/write-xlsx.js';
import { evidenceWords, refusalWords } from './explain.js';
import { resolveRecords, type ResolveResult } from '../resolve/index.js';
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
}

/**
 * Writes the review queue to `path`: an `.xlsx` (a Y/N drop-down in the decision column, the summary on a
 * second sheet) or, for any other name, a CSV. Pairs that decide whether a walk-in visitor counts as a
 * recipient come first; each row says what its decision changes and why the pair is in doubt, in words.
 *
 * @example await exportReview(db, 'periksa.xlsx') // { format: 'xlsx', possible: 12, conflicts: 3, recipientPairs: 5, … }
 */
export async function exportReview(db: Db, path: string, options: ReviewExportOptions = {}): Promise<ReviewExportResult> {
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
  /** A person seen at the desk and in no list: a visitor not (yet) counted as a recipient. */
  const visitorOnly = (person: number | null): boolean => person !== null && sources.get(person)?.walkin === true && sources.get(person)?.listed !== true;
  const listed = (person: number | null): boolean => person !== null && sources.get(person)?.listed === true;
  const decidesVisitor = (p: { l: RecordView; r: RecordView }): boolean =>
    (visitorOnly(p.l.person_id) && listed(p.r.person_id)) || (visitorOnly(p.r.person_id) && listed(p.l.person_id));
  // Stable: within each group the store's order (conflicts after possible matches, likelier first) stays.
  const first = pairs.filter(decidesVisitor);
  const rest = pairs.filter((p) => !decidesVisitor(p));
  const visitors = new Set(first.flatMap((p) => [p.l.person_id, p.r.person_id].filter(visitorOnly)));
  const persons = new Set(rest.flatMap((p) => [p.l.person_id ?? -p.l.id, p.r.person_id ?? -p.r.id]));
  const because = refusalWords(db, pairs.map((p) => ({ refused: p.link.refused, left: p.l.person_id, right: p.r.person_id })), options.showNik === true);

  const rows: (string | number | null)[][] = [...first, ...rest].map(({ link, l, r }) => [
    t.review.kind(link.kind === 'conflict' ? 'conflict' : 'possible'),
    link.probability === null ? null : Math.round(link.probability * 1000) / 1000,
    t.review.decides(decidesVisitor({ l, r }) ? 'recipient' : 'person'),
    [because({ refused: link.refused, left: l.person_id, right: r.person_id }), ...evidenceWords(link.levels)].filter((w) => w !== null).join('; '),
    l.file, l.line, l.source, nikOf(l), l.name, l.wave,
    r.file, r.line, r.source, nikOf(r), r.name, r.wave,
    '',
  ]);
  const result: ReviewExportResult = {
    file: path,
    format: extname(path).toLowerCase() === '.xlsx' ? 'xlsx' : 'csv',
    possible: pairs.filter((p) => p.link.kind !== 'conflict').length,
    conflicts: pairs.filter((p) => p.link.kind === 'conflict').length,
    recipientPairs: first.length,
    visitors: visitors.size,
    otherPairs: rest.length,
    persons: persons.size,
  };
  // Both records of each pair, with names and NIKs: personal. English headers are the machine names.
  const header = currentLang() === 'en' ? REVIEW_COLUMNS : t.review.columns();
  if (result.format === 'xlsx') {
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
  const decisions: { keyL: { sha: string; line: number }; keyR: { sha: string; line: number }; decision: 'Y' | 'N'; line: number }[] = [];
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
      continue;
    }
    const keyL = keyOf(db, cell('file_l'), cell('line_l'));
    const keyR = keyOf(db, cell('file_r'), cell('line_r'));
    if (typeof keyL === 'string') problems.push(t.review.rowProblem({ line, problem: keyL }));
    if (typeof keyR === 'string') problems.push(t.review.rowProblem({ line, problem: keyR }));
    if (typeof keyL === 'string' || typeof keyR === 'string') continue;
    const pair = [`${keyL.sha}:${keyL.line}`, `${keyR.sha}:${keyR.line}`].sort().join(' ');
    const earlier = decidedAt.get(pair);
    if (earlier && earlier.decision !== decision) {
      problems.push(t.files.reviewYesAndNo({ first: earlier.line, second: line, a: earlier.decision, b: decision }));
      continue;
    }
    if (!earlier) decidedAt.set(pair, { line, decision });
    decisions.push({ keyL, keyR, decision, line });
  }
  if (problems.length > 0) {
    throw new InputError(t.review.unusable({ count: problems.length, problems: problems.join('\n  ') }), path);
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
      return resolveRecords(db, { mode: 'full' });
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

function keyOf(db: Db, file: string, lineText: string): { sha: string; line: number } | string {
  if (!/^\d+$/.test(lineText)) return t.review.notANumber(JSON.stringify(lineText));
  const line = Number(lineText);
  const found = recordKeys(db, file, line);
  if (found.length === 0) return t.review.noRecord({ file, line });
  if (found.length > 1) return t.review.importedTwice({ file, line });
  const only = found[0];
  return only ? { sha: only.sha256, line } : 'no record';
}
