/**
 * CSV/TSV reading: encoding and delimiter detected from the first 64 KiB, the header row found below any
 * title rows, then a constant-memory stream of rows with the line each starts on. Parsing is csv-parse's.
 */
import { createReadStream, readFileSync } from 'node:fs';
import { parse } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';
import { InputError, UsageError } from '../errors.js';
import { bomLength, decode, decodeStream, detectEncoding, isKnownEncoding, looksBinary } from './encoding.js';
import { findHeader, HEADER_SEARCH_ROWS, noHeaderError, type HeadRow } from './header.js';
import type { SourceRow, Table, TableOptions } from './table.js';

const DELIMITERS = [',', ';', '\t', '|'] as const;

export async function openCsv(path: string, head: Buffer, options: TableOptions): Promise<Table> {
  if (options.delimiter !== undefined && [...options.delimiter].length !== 1) {
    throw new UsageError(`--delimiter ${JSON.stringify(options.delimiter)}: give one character, e.g. --delimiter ";" or --delimiter tab.`);
  }
  const detected = detectEncoding(head);
  const encoding = options.encoding ?? detected.encoding;
  if (!isKnownEncoding(encoding)) {
    throw new InputError(`unknown encoding ${JSON.stringify(encoding)}. Try --encoding utf8, windows-1252 or utf16le.`, path);
  }
  if (!options.encoding && looksBinary(head, encoding)) {
    throw new InputError(
      'this does not look like a CSV or XLSX file (it holds binary data). Export the list from Excel as CSV or .xlsx.',
      path,
    );
  }
  // An explicit --encoding still drops the byte-order mark that goes with it (else it sticks to the first cell).
  const bom = options.encoding ? bomLength(head, encoding) : detected.bom;
  let text = decode(head.subarray(bom), encoding);
  // The sample may end in the middle of a row: keep whole lines only.
  if (head.length >= 65_536) text = text.slice(0, Math.max(text.lastIndexOf('\n'), 0));

  const delimiter = options.delimiter ?? detectDelimiter(text);
  const sample = parseSample(text, delimiter);
  const found = findHeader(sample, options.map);
  if (!found) {
    const how = `${encoding}, delimiter ${JSON.stringify(delimiter === '\t' ? 'tab' : delimiter)}`;
    throw noHeaderError(path, sample, how, options.map);
  }
  const { header: headerRow, above } = found;

  return {
    format: 'csv',
    encoding,
    delimiter,
    sheet: null,
    header: headerRow.cells.map((c) => c.trim()),
    headerLine: headerRow.line,
    above,
    rows: streamRows(path, { encoding, bom, delimiter, firstLine: headerRow.line + 1 }),
    // The file is opened only when the rows are read, and closed when they end.
    close: () => undefined,
  };
}

/**
 * Picks the delimiter that splits the most lines of the sample into the same number of fields: the header
 * and data rows agree on a count, while title rows and commas inside names do not.
 */
export function detectDelimiter(text: string): string {
  const lines = text.split(/\r?\n/, 60).filter((l) => l.trim() !== '');
  let best: string = ',';
  let bestScore = 0;
  for (const d of DELIMITERS) {
    const counts = new Map<number, number>();
    for (const line of lines) {
      const n = countOutsideQuotes(line, d);
      if (n > 0) counts.set(n, (counts.get(n) ?? 0) + 1);
    }
    for (const [fields, lineCount] of counts) {
      // Lines that agree, weighted a little by how many fields they make.
      const score = lineCount * 10 + Math.min(fields, 9);
      if (score > bestScore) {
        bestScore = score;
        best = d;
      }
    }
  }
  return best;
}

function countOutsideQuotes(line: string, d: string): number {
  let n = 0;
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === d && !quoted) n++;
  }
  return n;
}

function parseSample(text: string, delimiter: string): HeadRow[] {
  const rows: HeadRow[] = [];
  let previousEnd = 0;
  let records: string[][];
  try {
    records = parseSync(text, {
      delimiter,
      relax_quotes: true,
      relax_column_count: true,
      skip_records_with_error: true,
      to: HEADER_SEARCH_ROWS,
    });
  } catch {
    // A sample csv-parse cannot make sense of at all has no header either; the caller says so.
    return rows;
  }
  for (const record of records) {
    rows.push({ line: previousEnd + 1, cells: record });
    previousEnd += linesSpanned(record);
  }
  return rows;
}

interface StreamOptions {
  encoding: string;
  bom: number;
  delimiter: string;
  firstLine: number;
}

async function* streamRows(path: string, o: StreamOptions): AsyncGenerator<SourceRow> {
  const file = createReadStream(path, { start: o.bom, highWaterMark: 1 << 20 });
  const errors: { line: number; message: string; raw: string }[] = [];
  const parser = parse({
    delimiter: o.delimiter,
    relax_quotes: true,
    relax_column_count: true,
    skip_records_with_error: true,
    on_skip: (error: { lines?: number; message: string } | undefined, raw?: string) => {
      errors.push({ line: error?.lines ?? 0, message: error?.message ?? 'unreadable row', raw: raw ?? '' });
    },
  });
  file.on('error', (error: Error) => parser.destroy(error));
  if (o.encoding === 'utf8') {
    file.pipe(parser);
  } else {
    const decoder = decodeStream(o.encoding);
    decoder.on('error', (error: Error) => parser.destroy(error));
    file.pipe(decoder).pipe(parser);
  }
  let previousEnd = 0;
  // A row csv-parse had to give up on ends where its error says; it sits before the record that follows.
  const broken = function* (): Generator<SourceRow> {
    for (let e = errors.shift(); e; e = errors.shift()) {
      const line = previousEnd + 1;
      previousEnd = Math.max(previousEnd + 1, e.line);
      if (line >= o.firstLine) yield { line, cells: e.raw ? [e.raw] : [], error: e.message };
    }
  };
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      yield* broken();
      const line = previousEnd + 1;
      previousEnd += linesSpanned(record);
      if (line < o.firstLine) continue;
      yield { line, cells: record };
    }
    yield* broken();
  } catch (error) {
    throw new InputError(`cannot read the file: ${(error as Error).message}.`, path, previousEnd + 1);
  } finally {
    file.destroy();
  }
}

/**
 * How many physical lines a record spans: one, plus the line breaks inside its quoted fields. Counted here
 * because csv-parse's own line counter counts a CRLF inside a quoted field as two lines.
 */
export function linesSpanned(record: readonly string[]): number {
  let lines = 1;
  for (const cell of record) {
    if (cell.length === 0 || (cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0)) continue;
    for (let i = 0; i < cell.length; i++) {
      const c = cell.charCodeAt(i);
      if (c === 10 || (c === 13 && cell.charCodeAt(i + 1) !== 10)) lines++;
    }
  }
  return lines;
}

/**
 * A whole small CSV file (a filled-in review file) as rows of cells, read the way imports read: encoding and
 * byte-order mark from the first bytes, the delimiter from the lines (Excel in the Indonesian locale saves
 * with semicolons).
 *
 * @example readWholeCsv('periksa.csv')[0] // ['kind', 'probability', …, 'decision']
 */
export function readWholeCsv(path: string): string[][] {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new InputError(`cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)}).`, path);
  }
  const { encoding, bom } = detectEncoding(bytes.subarray(0, 65_536));
  const text = decode(bytes.subarray(bom), encoding);
  try {
    return parseSync(text, { delimiter: detectDelimiter(text), relax_column_count: true, skip_empty_lines: false });
  } catch (error) {
    throw new InputError(`cannot read it as CSV: ${(error as Error).message}. Save it from Excel as "CSV UTF-8".`, path);
  }
}
