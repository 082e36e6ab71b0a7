/**
 * Why a row was not imported, as its reason code and the values its message needs. That is what the
 * database keeps (`rejects.reason`, `rejects.params`); the sentence is made when the reject is read, in the
 * reader's language, so a list imported by an Indonesian office reads in English with `--lang en`.
 */
import { t } from '../i18n/index.js';

export type RejectDetail =
  /** A line or a cell over the size limits of ingest/limits.ts. */
  | { reason: 'too_long'; what: 'line' | 'cell' }
  /** A quote opened on line `first` that closes only on `last` (`runaway`) or never (`last` = end of file). */
  | { reason: 'unclosed_quote'; first: number; last: number; runaway: boolean }
  /** A row csv-parse gave up on; `error` is its (English) explanation. */
  | { reason: 'unparseable'; error: string }
  /** A row above the header (on `headerLine`) that holds a NIK. */
  | { reason: 'above_header'; headerLine: number }
  | { reason: 'field_count'; fields: number; header: number }
  /** `name` is the cell as it stood: '' when empty, else a name of no letters once titles are removed. */
  | { reason: 'missing_name'; name: string };

export type RejectReason = RejectDetail['reason'];

/** The sentence for a reject, in the current language. */
export function rejectMessage(d: RejectDetail): string {
  switch (d.reason) {
    case 'too_long':
      return t.ingest.tooLong(d.what);
    case 'unclosed_quote':
      return d.runaway ? t.ingest.runawayQuote(d) : t.ingest.unclosedQuote(d);
    case 'unparseable':
      return t.import.rowUnparseable(d.error);
    case 'above_header':
      return t.ingest.nikAboveHeader(d.headerLine);
    case 'field_count':
      return t.import.rowFieldCount(d);
    case 'missing_name':
      return d.name === '' ? t.import.rowNoName() : t.import.rowNameNoLetters(JSON.stringify(d.name));
  }
}

/** The parameters to store beside the reason: a JSON object of everything but the reason. */
export function rejectParams(d: RejectDetail): string {
  const { reason: _reason, ...params } = d;
  return JSON.stringify(params);
}

/**
 * A stored reason and parameters back into a detail; undefined when the parameters are missing (a row
 * stored before the schema had them, whose stored text is then shown) or do not fit the reason.
 */
export function readRejectDetail(reason: string, params: string | null): RejectDetail | undefined {
  if (params === null) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(params);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
  const p = new Map(Object.entries(parsed));
  const num = (key: string) => {
    const v = p.get(key);
    return typeof v === 'number' && Number.isInteger(v) ? v : undefined;
  };
  const str = (key: string) => {
    const v = p.get(key);
    return typeof v === 'string' ? v : undefined;
  };
  switch (reason) {
    case 'too_long': {
      const what = str('what');
      return what === 'line' || what === 'cell' ? { reason, what } : undefined;
    }
    case 'unclosed_quote': {
      const first = num('first');
      const last = num('last');
      const runaway = p.get('runaway');
      return first !== undefined && last !== undefined && typeof runaway === 'boolean' ? { reason, first, last, runaway } : undefined;
    }
    case 'unparseable': {
      const error = str('error');
      return error === undefined ? undefined : { reason, error };
    }
    case 'above_header': {
      const headerLine = num('headerLine');
      return headerLine === undefined ? undefined : { reason, headerLine };
    }
    case 'field_count': {
      const fields = num('fields');
      const header = num('header');
      return fields === undefined || header === undefined ? undefined : { reason, fields, header };
    }
    case 'missing_name': {
      const name = str('name');
      return name === undefined ? undefined : { reason, name };
    }
    default:
      return undefined;
  }
}

/** A stored reject's message in the current language; for one stored without parameters, its stored text. */
export function storedRejectMessage(reason: string, params: string | null, stored: string): string {
  const detail = readRejectDetail(reason, params);
  return detail === undefined ? stored : rejectMessage(detail);
}
