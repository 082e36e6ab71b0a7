/**
 * `prakerja explain NIK|FILE:LINE`: the person a record was resolved to, every record of that person, and
 * every link that touches them, with the comparison levels and their weights in plain words.
 */
import { UsageError } from '../errors.js';
import { t } from '../i18n/index.js';
import { canonicaliseNik, excelCopies, maskNik, type NikReason, type NikStatus } from '../normalise/nik.js';
import { displayNik, maskNikLike } from '../privacy/mask.js';
import type { Db } from '../store/database.js';
import {
  linksOf,
  recordsByFileLine,
  recordsById,
  recordsByNik,
  recordsOfPerson,
  type BlockingRule,
  type LinkKind,
  type LinkRule,
  type RecordMatch,
  type RecordView,
} from '../store/resolve.js';
import type { NameLevel, NikLevel, PhoneLevel, WaveLevel } from '../resolve/comparison.js';
import type { FieldLevel, WeightTerm } from '../resolve/scoring.js';
import type { SourceKind } from '../store/batches.js';

export interface ExplainOptions {
  showNik?: boolean;
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
}

export interface ExplainResult {
  target: string;
  /** The records the target names (several when a NIK appears in several rows). */
  matched: ExplainedRecord[];
  persons: { personId: number | null; records: ExplainedRecord[] }[];
  links: ExplainedLink[];
}

/** Every level of every compared field, in plain words: a new level does not compile without its meaning. */
const MEANINGS: { nik: Record<NikLevel, string>; name: Record<NameLevel, string>; phone: Record<PhoneLevel, string>; wave: Record<WaveLevel, string> } = {
  nik: {
    exact: 'the same NIK',
    one_edit: 'NIKs one keystroke apart (a digit mistyped, two digits swapped or one left out)',
    rounded: 'one NIK is the other with its last digit rounded off by Excel',
    damaged_long:
      'a NIK damaged by Excel (15 digits kept, or scientific notation) can be the other: the other is one of the NIKs it can have been rounded from',
    damaged_short: 'a NIK damaged by Excel (scientific notation) agrees with the other in the few digits it still has',
    facts_agree: 'birth date and sex from the NIKs agree',
    missing: 'one side has no NIK: no evidence either way',
    different: 'different NIKs',
  },
  name: {
    exact: 'the same name',
    reordered: 'the same names in another order',
    jw95: 'names spelt almost the same (one small typo)',
    jw88: 'names spelt similarly',
    initials: 'names agree except where one has an initial (M. / Muhammad)',
    phonetic: 'names sound the same',
    different: 'different names',
  },
  phone: {
    exact: 'the same phone number',
    missing: 'no phone number on one side',
    different: 'different phone numbers',
  },
  wave: {
    same: 'the same wave in the central and the provincial list',
    missing: 'no wave to compare',
    different: 'different waves in the central and the provincial list',
  },
};

/**
 * @example explain(db, 'walkin.csv:12').links[0].terms // [{ field: 'prior', … }, { field: 'nik', level: 'one_edit', … }, …]
 */
export function explain(db: Db, target: string, options: ExplainOptions = {}): ExplainResult {
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
              ? 'same person through the other links; this pair alone was not conclusive'
              : verdictOf(l.kind, l.rule),
          blocking: l.blocking,
          foundBy: l.blocking === null ? null : t.explain.blockingRule(l.blocking),
          weight: l.weight,
          probability: l.probability,
          terms: parseTerms(l.levels),
        },
      ];
    }),
  };
}

function findTarget(db: Db, target: string): RecordView[] {
  const fileLine = /^(.+):(\d+)$/.exec(target);
  if (fileLine) {
    const file = fileLine[1] ?? '';
    const line = Number(fileLine[2]);
    const found = recordsByFileLine(db, file.split(/[\\/]/).pop() ?? file, line);
    if (found.length === 0) {
      throw new UsageError(`no record from ${file} at line ${line}. Check the file name (as in \`prakerja status\`) and the line number in Excel.`);
    }
    return found;
  }
  const nik = canonicaliseNik(target);
  if (!/^\d{16}$/.test(nik)) {
    throw new UsageError(`${JSON.stringify(target)} is neither a 16-digit NIK nor FILE:LINE. Examples: prakerja explain 1271015001900003, prakerja explain walkin.csv:12`);
  }
  // Its rows as a spreadsheet rounded them (…4395 → …4400) are rows of this NIK too, as matching reads them.
  const found = recordsByNik(db, nik, excelCopies(nik));
  if (found.length === 0) throw new UsageError(`no record has NIK ${maskNik(nik)}. Check the digits, or explain a row by FILE:LINE.`);
  return found;
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
  if (kind === 'conflict') return 'CONFLICT: the same NIK with a different name — not merged; check which is right';
  if (rule === 'exact_nik') return 'same person: the same valid NIK and a compatible name';
  if (rule === 'review') return 'same person: decided in review';
  if (rule === 'review_no') return 'not the same person: decided in review';
  if (kind === 'match') return 'same person: the evidence below adds up to a match';
  return 'possible match: not merged, listed for review (prakerja review export)';
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

function meaningOf(t: WeightTerm): string {
  if (t.field === 'prior') return `before comparing, about ${t.level} pairs of records are one person`;
  if (t.field === 'purpose') {
    if (t.m === null || t.u === null) return `visit purpose "${t.level}": written too rarely with a NIK to say anything`;
    return `visit purpose "${t.level}": ${percent(t.m)} of listed recipients' visits, ${percent(t.u)} of other visits`;
  }
  // Links stored by an older prakerja may carry a level this one no longer has: then the level itself.
  switch (t.field) {
    case 'nik':
      return MEANINGS.nik[t.level] ?? t.level;
    case 'name':
      return MEANINGS.name[t.level] ?? t.level;
    case 'phone':
      return MEANINGS.phone[t.level] ?? t.level;
    case 'wave':
      return MEANINGS.wave[t.level] ?? t.level;
  }
}
