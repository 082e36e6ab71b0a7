/**
 * CSV/TSV reading: encoding and delimiter detected from the first 64 KiB, the header row found below any
 * title rows, then a constant-memory stream of rows with the line each starts on. Parsing is csv-parse's,
 * with plain lines cut by csv-fast.ts (the same records, faster).
 */
import { createReadStream, readFileSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { parse as parseSync } from 'csv-parse/sync';
import { InputError, UsageError } from '../errors.js';
import { t } from '../i18n/index.js';
import { csvRecords, type OnSkip } from './csv-fast.js';
import { utf8Inside1252, bomLength, decode, decodeStream, detectEncoding, isKnownEncoding, looksBinary } from './encoding.js';
import { findHeader, HEADER_SEARCH_ROWS, noHeaderError, type HeadRow } from './header.js';
import { assertRegularFile, capLines, keptCells, oversizeOf } from './limits.js';
import { tableRows } from './chunks.js';
import type { SourceRow, Table, TableOptions } from './table.js';

const DELIMITERS = [',', ';', '\t', '|'] as const;

export async function openCsv(path: string, head: Buffer, options: TableOptions): Promise<Table> {
  if (options.delimiter !== undefined && [...options.delimiter].length !== 1) {
    throw new UsageError(t.reading.badDelimiter(JSON.stringify(options.delimiter)));
  }
  const detected = detectEncoding(head);
  const encoding = options.encoding ?? detected.encoding;
  if (!isKnownEncoding(encoding)) {
    throw new InputError(t.reading.unknownEncoding(JSON.stringify(encoding)), path);
  }
  if (!options.encoding && looksBinary(head, encoding)) {
    throw new InputError(t.reading.binary(), path);
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
    const how = t.reading.csvHow({ encoding, delimiter: JSON.stringify(delimiter === '\t' ? 'tab' : delimiter) });
    throw options.noHeader?.() ?? noHeaderError(path, sample, how, options.map);
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
    ...tableRows(streamRows(path, { encoding, bom, delimiter, firstLine: headerRow.line + 1, headerFields: headerRow.cells.filter((c) => c.trim() !== '').length, repairUtf8: !options.encoding && encoding === 'windows-1252' })),
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
      record_delimiter: LINE_ENDS,
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

/**
 * Every line end a spreadsheet writes, longest first. Left to itself csv-parse takes the first one it meets
 * as the only one: a file starting with a stray CR then reads its CRLF lines as one cell each, and a NIK on
 * such a line was skipped as the continuation of a cell (found by the fuzz property).
 */
const LINE_ENDS = ['\r\n', '\n', '\r'];

interface StreamOptions {
  encoding: string;
  bom: number;
  delimiter: string;
  firstLine: number;
  /** Filled header cells: a line holding that many fields is a row, even inside a quoted cell. */
  headerFields: number;
  /** Detected (not given) Windows-1252: cells that are really UTF-8 are read as UTF-8. */
  repairUtf8: boolean;
}

/**
 * Bytes read at a time. csv-parse turns a whole chunk into records at once and they wait in its buffer to be
 * taken one by one: with 1 MiB chunks ~22,000 rows were always waiting, lived long enough for V8 to move
 * them to the old generation, and an import of 1 M rows peaked 38 MB higher and spent 1 s more CPU in GC.
 */
const READ_CHUNK = 64 << 10;

/**
 * The rows of the file below the header, handed out a chunk at a time: every row parsed from one read of the
 * file comes in one array, so the importer waits once per chunk (~1,400 rows of a list), not once per row.
 */
async function* streamRows(path: string, o: StreamOptions): AsyncGenerator<SourceRow[]> {
  const file = createReadStream(path, { start: o.bom, highWaterMark: READ_CHUNK });
  const errors: { line: number; message: string; raw: string }[] = [];
  let unclosed = false;
  const onSkip: OnSkip = (error, raw) => {
    // An opening quote still open at the end of the file: csv-parse gives no text; the lines are read again below.
    if (error?.code === 'CSV_QUOTE_NOT_CLOSED') unclosed = true;
    else errors.push({ line: error?.lines ?? 0, message: error?.message ?? 'unreadable row', raw: raw ?? '' });
  };
  // csv-parse's records; plain lines are cut by csvRecords itself, until the first line that is not plain.
  const parser = csvRecords(
    { delimiter: o.delimiter, onSkip },
    {
      delimiter: o.delimiter,
      record_delimiter: LINE_ENDS,
      relax_quotes: true,
      relax_column_count: true,
      skip_records_with_error: true,
      // Each record's text as it stands in the file: a runaway quote's lines are rejected with it.
      raw: true,
    },
  );
  file.on('error', (error: Error) => parser.destroy(error));
  // Decoded, then every line over the limit dropped as it streams past (a 150 MB line never sits in memory).
  const decoder = decodeStream(o.encoding);
  const capped = capLines();
  decoder.on('error', (error: Error) => parser.destroy(error));
  file.pipe(decoder).pipe(capped).pipe(parser);
  let previousEnd = 0;
  // A row csv-parse had to give up on ends where its error says; it sits before the record that follows.
  const broken = (out: SourceRow[]): void => {
    for (let e = errors.shift(); e; e = errors.shift()) {
      const line = previousEnd + 1;
      previousEnd = Math.max(previousEnd + 1, e.line);
      if (line >= o.firstLine) out.push({ line, cells: e.raw ? [e.raw] : [], error: e.message });
    }
  };
  try {
    for await (const records of drained<{ record: string[]; raw: string }>(parser)) {
      const out: SourceRow[] = [];
      for (const { record, raw } of records) {
        if (errors.length > 0) broken(out);
        const line = previousEnd + 1;
        const lines = linesSpanned(record);
        previousEnd += lines;
        if (line < o.firstLine) continue;
        const oversize = oversizeOf(record);
        if (oversize) {
          const cells = keptCells(record);
          out.push(lines > 1 ? { line, cells, oversize, lines } : { line, cells, oversize });
          continue;
        }
        if (lines > 1 && isRunawayQuote(record, o.delimiter, o.headerFields)) {
          const unclosedQuote = { first: line, last: previousEnd, runaway: true };
          physicalLines(raw).forEach((text, i) => out.push({ line: line + i, cells: [text], unclosedQuote }));
          continue;
        }
        const cells = o.repairUtf8 ? asUtf8Where(record) : null;
        const row: SourceRow = lines > 1 ? { line, cells: cells ?? record, lines } : { line, cells: cells ?? record };
        if (cells !== null) row.utf8InAnsi = true;
        out.push(row);
      }
      if (out.length > 0) yield out;
    }
    const last: SourceRow[] = [];
    broken(last);
    if (last.length > 0) yield last;
  } catch (error) {
    throw new InputError(t.reading.cannotRead((error as Error).message), path, previousEnd + 1);
  } finally {
    file.destroy();
  }
  if (unclosed) {
    // Bounded like any other chunk: the tail may be most of a large file.
    let tail: SourceRow[] = [];
    for await (const row of unclosedTail(path, o, Math.max(previousEnd, o.firstLine - 1))) {
      tail.push(row);
      if (tail.length === CHUNK_ROWS) {
        yield tail;
        tail = [];
      }
    }
    if (tail.length > 0) yield tail;
  }
}

/** The most objects `drained` hands out in one array. */
const CHUNK_ROWS = 4096;

/**
 * A stream's objects in arrays of what it holds ready (at most CHUNK_ROWS), taken from its buffer in a loop
 * and waited for once per chunk of the file: its own async iterator costs a promise per record (0.2 s of CPU
 * per million rows), and so did handing them out one by one from here.
 * @example for await (const records of drained<{ record: string[] }>(parser)) for (const { record } of records) …
 */
export async function* drained<T>(stream: Readable): AsyncGenerator<T[]> {
  // Listened to all along, not only while waiting: an error may come while a chunk is being handed out.
  let failure: unknown = null;
  const onError = (error: unknown) => (failure ??= error);
  stream.on('error', onError);
  try {
    for (;;) {
      let items: T[] = [];
      for (let item = stream.read() as T | null; item !== null; item = stream.read() as T | null) {
        items.push(item);
        if (items.length === CHUNK_ROWS) {
          yield items;
          items = [];
        }
      }
      if (items.length > 0) yield items;
      const error = failure ?? stream.errored;
      if (error) throw error;
      if (stream.readableEnded) return;
      // Ended before its end without an error: as the stream's own iterator does, not a silent short file.
      if (stream.destroyed) throw new Error('premature close');
      await new Promise<void>((resolve) => {
        const events = ['readable', 'end', 'error', 'close'] as const;
        const wake = () => {
          for (const e of events) stream.off(e, wake);
          resolve();
        };
        for (const e of events) stream.on(e, wake);
      });
    }
  } finally {
    // Left early (the reader stopped, an interrupt): the stream is done with, as its own iterator does it.
    if (!stream.readableEnded) stream.destroy();
    stream.off('error', onError);
  }
}

/** The cells again when some were UTF-8 read as Windows-1252 (mojibake), else null. */
function asUtf8Where(record: readonly string[]): string[] | null {
  let fixed: string[] | null = null;
  for (let i = 0; i < record.length; i++) {
    const repaired = utf8Inside1252(record[i] ?? '');
    if (repaired === null) continue;
    fixed ??= [...record];
    fixed[i] = repaired;
  }
  return fixed;
}

/** The text of each physical line of a record, without its line ends. */
function physicalLines(raw: string): string[] {
  const lines = raw.split(/\r\n|\n|\r/);
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/**
 * True when a quoted cell has swallowed rows: after a line break, its text holds a row's worth of
 * delimiters (the header's fields less one) or a 16-digit run. A line break typed inside a cell (Alt+Enter
 * in Excel) holds neither. Only the cell's own text counts, not the fields after it on the last line.
 */
export function isRunawayQuote(record: readonly string[], delimiter: string, headerFields: number): boolean {
  const wanted = Math.max(1, headerFields - 1);
  return record.some((cell) => {
    if (cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) return false;
    return cell
      .split(/\r\n|\n|\r/)
      .slice(1)
      .some((text) => /\d{16}/.test(text) || text.split(delimiter).length - 1 >= wanted);
  });
}

/**
 * The lines from an opening quote that is never closed to the end of the file, each as a reject with its
 * text. Read again from the file (csv-parse keeps nothing of them), twice: once to count them for the
 * reject's message, once to hand them out, so memory stays bounded however long the tail.
 */
async function* unclosedTail(path: string, o: StreamOptions, before: number): AsyncGenerator<SourceRow> {
  let last = before;
  for await (const { line } of fileLines(path, o)) last = line;
  const unclosedQuote = { first: before + 1, last, runaway: false };
  for await (const { line, text } of fileLines(path, o)) {
    if (line > before) yield { line, cells: [text], unclosedQuote };
  }
}

/** The file's physical lines, decoded, with their numbers. */
async function* fileLines(path: string, o: StreamOptions): AsyncGenerator<{ line: number; text: string }> {
  const file = createReadStream(path, { start: o.bom, highWaterMark: READ_CHUNK });
  const text: AsyncIterable<string | Buffer> = o.encoding === 'utf8' ? file.setEncoding('utf8') : file.pipe(decodeStream(o.encoding));
  let line = 0;
  let rest = '';
  try {
    for await (const chunk of text) {
      const pieces = (rest + String(chunk)).split(/\r\n|\n|\r(?!$)/);
      rest = pieces.pop() ?? '';
      for (const piece of pieces) yield { line: ++line, text: piece };
    }
    if (rest.endsWith('\r')) rest = rest.slice(0, -1);
    if (rest !== '') yield { line: ++line, text: rest };
  } finally {
    file.destroy();
  }
}

/**
 * How many physical lines a record spans: one, plus the line breaks inside its quoted fields. Counted here
 * because csv-parse's own line counter counts a CRLF inside a quoted field as two lines. A CR that ends the
 * last cell is the first half of the record's own CRLF in a file of LF lines (a row pasted from another
 * file): csv-parse ends the record at the LF and leaves the CR in the cell; it is no line of its own.
 */
export function linesSpanned(record: readonly string[]): number {
  let lines = 1;
  for (let k = 0; k < record.length; k++) {
    const cell = record[k] ?? '';
    if (cell.length === 0 || (cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0)) continue;
    const end = k === record.length - 1 && cell.charCodeAt(cell.length - 1) === 13 ? cell.length - 1 : cell.length;
    for (let i = 0; i < end; i++) {
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
  assertRegularFile(path);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new InputError(t.reading.cannotRead((error as NodeJS.ErrnoException).code ?? String(error)), path);
  }
  const { encoding, bom } = detectEncoding(bytes.subarray(0, 65_536));
  const text = decode(bytes.subarray(bom), encoding);
  try {
    return parseSync(text, { delimiter: detectDelimiter(text), relax_column_count: true, skip_empty_lines: false });
  } catch (error) {
    throw new InputError(t.reading.notCsv((error as Error).message), path);
  }
}
