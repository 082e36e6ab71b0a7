/**
 * `prakerja explain NIK|FILE:LINE`: the person a record was resolved to, every record of that person, and
 * every link that touches them, with the comparison levels and their weights in plain words.
 */
import { UsageError } from '../errors.js';
import { t } from '../i18n/index.js';
import { canonicaliseNik, excelCopies, maskNik, type NikReason, type NikStatus } from '../normalise/nik.js';
import { storedRejectMessage } from '../normalise/reject.js';
import { displayNik, maskNikLike } from '../privacy/mask.js';
import type { Db } from '../store/database.js';
import {
  linksOf,
  personNiks,
  recordsByFileLine,
  recordsById,
  recordsByNik,
  recordsByNikEnds,
  recordsOfPerson,
  type BlockingRule,
  type LinkKind,
  type LinkRule,
  type RecordMatch,
  type RecordView,
  type RefusedBy,
} from '../store/resolve.js';
import { resolvePending } from '../resolve/index.js';
import type { FieldLevel, WeightTerm } from '../resolve/scoring.js';
import type { SourceKind } from '../store/batches.js';
import { rejectsAtFileLine } from '../store/summary.js';

export interface ExplainOptions {
  showNik?: boolean;
  signal?: AbortSignal;
}

export interface ExplainedRecord {
  id: number;
  file: string;
  line: number;
  source: SourceKind;
  nik: string | null;
  /** Why the NIK is not valid (`excel_number`, `wrong_length`, …), or its status when there is no reason. */
  nikStatus: NikReason | NikStatus;
  name: string;
  wave: number | null;
  personId: number | null;
  match: RecordMatch | null;
  score: number | null;
}

export type ExplainedTerm = FieldLevel & {
  /** Plain-words meaning of the level. */
  meaning: string;
  weight: number;
};

export interface ExplainedLink {
  left: ExplainedRecord;
  right: ExplainedRecord;
  kind: LinkKind;
  rule: LinkRule;
  /** Plain-words meaning of kind and rule. */
  verdict: string;
  /** The blocking rule that brought the pair to be compared; null when none did (same NIK, review, links stored before schema 3). */
  blocking: BlockingRule | null;
  /** Plain-words meaning of the blocking rule. */
  foundBy: string | null;
  weight: number | null;
  probability: number | null;
  terms: ExplainedTerm[];
  /** The clustering guard that kept this pair apart although the evidence matched it; null when none did. */
  refused: RefusedBy | null;
  /** That guard in plain words (with the two persons' NIKs); null when none refused it. */
  notMergedBecause: string | null;
}

export interface ExplainResult {
  target: string;
  /** The records the target names (several when a NIK appears in several rows). */
  matched: ExplainedRecord[];
  persons: { personId: number | null; records: ExplainedRecord[] }[];
  links: ExplainedLink[];
  /** Records matched into persons before the answer was read: an earlier run had left them without one. */
  pendingResolved: number;
}

/**
 * @example explain(db, 'walkin.csv:12').links[0].terms // [{ field: 'prior', … }, { field: 'nik', level: 'one_edit', … }, …]
 */
export function explain(db: Db, target: string, options: ExplainOptions = {}): ExplainResult {
  // As a report and review export do: records an interrupted import (or --no-resolve) left without a person
  // are matched first, so that a record waiting to be matched is explained, never "not resolved yet".
  // The target is looked up first, so that a wrong one is said before anything is matched.
  findTarget(db, target);
  const pending = resolvePending(db, options.signal);
  const matched = findTarget(db, target);
  const view = (r: RecordView): ExplainedRecord => describeRecord(r, options.showNik === true);
  const personIds = [...new Set(matched.map((r) => r.person_id))];
  const persons = personIds.map((p) => ({
    personId: p,
    records: (p === null ? matched.filter((r) => r.person_id === null) : recordsOfPerson(db, p)).map(view),
  }));
  const ids = [...new Set(persons.flatMap((p) => p.records.map((r) => r.id)))];
  const links = linksOf(db, ids);
  const other = recordsById(db, [...new Set(links.flatMap((l) => [l.record_l, l.record_r]))]);
  const byId = new Map(other.map((r) => [r.id, view(r)]));
  const refusal = refusalWords(db, links.flatMap((l) => {
    const left = byId.get(l.record_l);
    const right = byId.get(l.record_r);
    return left && right ? [{ refused: l.refused, left: left.personId, right: right.personId }] : [];
  }), options.showNik === true);
  return {
    // The target may be a NIK, or a file name that holds one.
    target: options.showNik ? target : maskNikLike(target),
    matched: matched.map(view),
    persons,
    links: links.flatMap((l) => {
      const left = byId.get(l.record_l);
      const right = byId.get(l.record_r);
      if (!left || !right) return [];
      return [
        {
          left,
          right,
          kind: l.kind,
          rule: l.rule,
          verdict:
            l.kind === 'possible' && left.personId !== null && left.personId === right.personId
              ? t.explain.throughOthers()
              : verdictOf(l.kind, l.rule),
          blocking: l.blocking,
          foundBy: l.blocking === null ? null : t.explain.blockingRule(l.blocking),
          weight: l.weight,
          probability: l.probability,
          terms: parseTerms(l.levels),
          refused: l.refused,
          notMergedBecause: refusal({ refused: l.refused, left: left.personId, right: right.personId }),
        },
      ];
    }),
    pendingResolved: pending.pending,
  };
}

function findTarget(db: Db, target: string): RecordView[] {
  const fileLine = /^(.+):(\d+)$/.exec(target);
  if (fileLine) {
    const file = fileLine[1] ?? '';
    const line = Number(fileLine[2]);
    const name = file.split(/[\\/]/).pop() ?? file;
    const found = recordsByFileLine(db, name, line);
    if (found.length === 0) {
      // A line the import rejected is in the database too, as a reject: say so rather than "check the name".
      const [rejected] = rejectsAtFileLine(db, name, line);
      if (rejected) {
        const reason = t.reasons.word(rejected.reason);
        throw new UsageError(t.explain.rejectedAtLine({ file: name, line, reason, message: maskNikLike(storedRejectMessage(rejected.reason, rejected.params, rejected.message)), batch: rejected.batch_id }));
      }
      throw new UsageError(t.explain.noRecordAtLine({ file, line }));
    }
    return found;
  }
  // A NIK as prakerja itself prints it (127101******0003): fine when it fits one NIK only.
  const masked = /^\s*(\d{6})\*{6}(\d{4})\s*$/.exec(target);
  if (masked) return byMaskedNik(db, masked[1] ?? '', masked[2] ?? '');
  const nik = canonicaliseNik(target);
  if (!/^\d{16}$/.test(nik)) throw new UsageError(t.explain.notATarget(JSON.stringify(maskNikLike(target))));
  return byNik(db, nik);
}

/** Its rows as a spreadsheet rounded them (…4395 → …4400) are rows of this NIK too, as matching reads them. */
function byNik(db: Db, nik: string): RecordView[] {
  const found = recordsByNik(db, nik, excelCopies(nik));
  if (found.length === 0) throw new UsageError(t.explain.noSuchNik(maskNik(nik)));
  return found;
}

function byMaskedNik(db: Db, prefix: string, suffix: string): RecordView[] {
  const masked = `${prefix}******${suffix}`;
  const found = recordsByNikEnds(db, prefix, suffix);
  const niks = [...new Set(found.flatMap((r) => (r.nik === null ? [] : [r.nik])))];
  const [only] = niks;
  if (only === undefined) throw new UsageError(t.explain.noSuchNik(masked));
  if (niks.length > 1) {
    const places = niks.map((nik) => found.find((r) => r.nik === nik)).flatMap((r) => (r ? [`${maskNikLike(r.file)}:${r.line}`] : []));
    throw new UsageError(t.explain.maskedAmbiguous({ nik: masked, count: niks.length, places: places.slice(0, 5).join(', ') }));
  }
  return byNik(db, only);
}

function describeRecord(r: RecordView, showNik: boolean): ExplainedRecord {
  return {
    id: r.id,
    file: showNik ? r.file : maskNikLike(r.file),
    line: r.line,
    source: r.source,
    nik: displayNik(r.nik ?? r.nik_raw, showNik),
    nikStatus: r.nik_reason ?? r.nik_status,
    name: r.name,
    wave: r.wave,
    personId: r.person_id,
    match: r.match,
    score: r.score,
  };
}

function verdictOf(kind: LinkKind, rule: LinkRule): string {
  if (kind === 'conflict') return t.explain.verdictConflict();
  if (rule === 'exact_nik') return t.explain.verdictExactNik();
  if (rule === 'review') return t.explain.verdictReviewYes();
  if (rule === 'review_no') return t.explain.verdictReviewNo();
  if (kind === 'match') return t.explain.verdictMatch();
  return t.explain.verdictPossible();
}

/** A stored link's guard and the persons of its two records, as `refusalWords` reads them. */
export interface RefusedPair {
  refused: RefusedBy | null;
  left: number | null;
  right: number | null;
}

/**
 * Why the clustering kept each pair apart, in plain words (with the NIKs of its two persons, masked unless
 * `showNik`): the one wording explain and the review file use. Reads the NIKs of all the pairs' persons at
 * once; returns the sentence for a pair, or null when no guard refused it.
 *
 * @example refusalWords(db, pairs, false)(pairs[0]) // 'not merged because: the persons hold different NIKs (127101******0004 and …'
 */
export function refusalWords(db: Db, pairs: readonly RefusedPair[], showNik: boolean): (pair: RefusedPair) => string | null {
  const persons = [...new Set(pairs.flatMap((p) => (p.refused === 'nik' ? [p.left, p.right] : [])).filter((p): p is number => p !== null))];
  const niks = personNiks(db, persons);
  const shown = (person: number | null): string =>
    (person === null ? [] : (niks.get(person) ?? [])).map((n) => displayNik(n, showNik) ?? n).join(', ') || '—';
  return (pair) => (pair.refused === null ? null : t.explain.refusedBecause({ by: pair.refused, left: shown(pair.left), right: shown(pair.right) }));
}

/**
 * The compared fields of a stored link in plain words, as explain words each evidence line (the before-
 * comparing prior and the fields one side lacks left out): the review file's reason.
 *
 * @example evidenceWords(link.levels) // ['NIK sama', 'nama berbeda']
 */
export function evidenceWords(levels: string): string[] {
  return parseTerms(levels)
    .filter((term) => term.field !== 'prior' && term.level !== 'missing' && !(term.field === 'purpose' && term.weight === 0))
    .map((term) => term.meaning);
}

function isTerm(x: unknown): x is WeightTerm {
  return typeof x === 'object' && x !== null && 'field' in x && 'level' in x && 'weight' in x;
}

function parseTerms(levels: string): ExplainedTerm[] {
  const parsed: unknown = JSON.parse(levels);
  if (!Array.isArray(parsed)) return [];
  // The stored m and u are not shown: only the level, its meaning and its weight.
  return parsed.filter(isTerm).map((term) => {
    const { m: _m, u: _u, ...shown } = term;
    return { ...shown, meaning: meaningOf(term) };
  });
}

const percent = (x: number): string => `${x >= 0.1 ? Math.round(x * 100) : (x * 100).toPrecision(1)}%`;

function meaningOf(term: WeightTerm): string {
  switch (term.field) {
    case 'prior':
      return t.explain.prior(term.level);
    case 'purpose':
      if (term.m === null || term.u === null) return t.explain.purposeRare(term.level);
      return t.explain.purposeShares({ purpose: term.level, m: percent(term.m), u: percent(term.u) });
    default:
      return t.explain.level(term);
  }
}
