/**
 * `prakerja review export FILE.csv` / `prakerja review apply FILE.csv`: possible matches and conflicts go to
 * staff as a spreadsheet, both records side by side and an empty `decision` column; Y (same person) or N
 * (different people) come back and are stored, keyed on the files' content hashes and line numbers so that
 * they survive re-imports, and every later resolve respects them.
 */
import { basename } from 'node:path';
import { InputError } from '../errors.js';
import { currentLang, inLang, t } from '../i18n/index.js';
import { readWholeCsv } from '../ingest/csv.js';
import type { Db } from '../store/database.js';
import { inTransaction } from '../store/transaction.js';
import { recordKeys, recordsById, reviewLinks, saveDecision, type RecordView } from '../store/resolve.js';
import { resolveRecords, type ResolveResult } from '../resolve/index.js';
import { displayNik } from '../privacy/mask.js';
import { writeCsvFile } from './csv-out.js';

export const REVIEW_COLUMNS = [
  'kind', 'probability', 'why',
  'file_l', 'line_l', 'source_l', 'nik_l', 'name_l', 'wave_l',
  'file_r', 'line_r', 'source_r', 'nik_r', 'name_r', 'wave_r',
  'decision',
] as const;

export interface ReviewExportOptions {
  showNik?: boolean;
}

export interface ReviewExportResult {
  file: string;
  possible: number;
  conflicts: number;
}

/**
 * @example exportReview(db, 'periksa.csv') // { file: 'periksa.csv', possible: 12, conflicts: 3 }
 */
export function exportReview(db: Db, path: string, options: ReviewExportOptions = {}): ReviewExportResult {
  // Only what needs a decision (store/resolve.ts TO_REVIEW): the same count the import and status print.
  const links = reviewLinks(db);
  const records = new Map(recordsById(db, [...new Set(links.flatMap((l) => [l.record_l, l.record_r]))]).map((r) => [r.id, r]));
  const nikOf = (r: RecordView): string | null => displayNik(r.nik ?? r.nik_raw, options.showNik);
  let possible = 0;
  let conflicts = 0;
  const rows: (string | number | null)[][] = [];
  for (const link of links) {
    const l = records.get(link.record_l);
    const r = records.get(link.record_r);
    if (!l || !r) continue;
    if (link.kind === 'conflict') conflicts++;
    else possible++;
    rows.push([
      t.review.kind(link.kind === 'conflict' ? 'conflict' : 'possible'),
      link.probability === null ? null : Math.round(link.probability * 1000) / 1000,
      whyOf(link.levels),
      l.file, l.line, l.source, nikOf(l), l.name, l.wave,
      r.file, r.line, r.source, nikOf(r), r.name, r.wave,
      '',
    ]);
  }
  // Both records of each pair, with names and NIKs: personal. English headers are the machine names.
  writeCsvFile(path, currentLang() === 'en' ? REVIEW_COLUMNS : t.review.columns(), rows, { personal: true });
  return { file: path, possible, conflicts };
}

function whyOf(levels: string): string {
  const parsed: unknown = JSON.parse(levels);
  if (!Array.isArray(parsed)) return '';
  return parsed
    .filter((t): t is { field: string; level: string } => typeof t === 'object' && t !== null && 'field' in t && 'level' in t)
    .filter((t) => t.field !== 'prior' && t.level !== 'missing')
    .map((term) => (currentLang() === 'en' ? `${term.field} ${term.level}` : whyWords(term)))
    .join(currentLang() === 'en' ? ', ' : '; ');
}

/** A compared field's level in words (`nik one_edit` → `NIK berbeda satu ketikan …`), or as coded when unknown. */
function whyWords(term: { field: string; level: string }): string {
  const { field, level } = term;
  switch (field) {
    case 'nik':
    case 'name':
    case 'phone':
    case 'wave':
      return t.explain.levelWords({ field, level });
    case 'purpose':
      return t.review.whyPurpose(level);
    default:
      return `${field} ${level}`;
  }
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
export function applyReview(db: Db, path: string): ReviewApplyResult {
  const rows = readWholeCsv(path);
  // The file's headers as prakerja wrote them, in either language: the Indonesian ones map to the machine names.
  const indonesian = inLang('id', () => t.review.columns());
  const machine = new Map<string, string>(REVIEW_COLUMNS.map((c, i) => [(indonesian[i] ?? c).toLowerCase(), c]));
  const header = (rows[0] ?? []).map((h) => h.replace(/^\uFEFF/, '').trim().toLowerCase()).map((h) => machine.get(h) ?? h);
  const col = (name: string): number => header.indexOf(name);
  const needed = ['file_l', 'line_l', 'file_r', 'line_r', 'decision'];
  const missing = needed.filter((n) => col(n) < 0);
  if (missing.length > 0) {
    const shown = currentLang() === 'en' ? missing : missing.map((n) => indonesian[REVIEW_COLUMNS.findIndex((c) => c === n)] ?? n);
    throw new InputError(t.review.missingColumns(shown.join(', ')), path, 1);
  }
  const problems: string[] = [];
  const decisions: { keyL: { sha: string; line: number }; keyR: { sha: string; line: number }; decision: 'Y' | 'N'; line: number }[] = [];
  /** The first line that decided each pair, to catch one pair marked both Y and N. */
  const decidedAt = new Map<string, { line: number; decision: 'Y' | 'N' }>();
  let undecided = 0;
  for (let i = 1; i < rows.length; i++) {
    const row = rows[i] ?? [];
    const line = i + 1;
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
