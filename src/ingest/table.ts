/**
 * The one interface every input format is read through: a header found somewhere near the top, then the
 * rows below it, each with the physical line (CSV) or row number (XLSX) a person can find in the file.
 */
import { t } from '../i18n/index.js';
import { open } from 'node:fs/promises';
import { InputError } from '../errors.js';
import { openCsv, readWholeCsv } from './csv.js';
import { assertRegularFile } from './limits.js';
import type { ColumnOverrides } from './columns.js';

export interface TableOptions {
  /** Override encoding detection: utf8, utf16le, windows-1252 … (any name iconv-lite knows). */
  encoding?: string;
  /** Override delimiter detection. */
  delimiter?: string;
  /** XLSX: sheet name or 1-based number; first sheet by default. */
  sheet?: string;
  /** `--map header=field`: columns the synonyms do not recognise. */
  map?: ColumnOverrides;
  /** XLSX: how long a sheet may produce nothing once its bytes are read before it counts as damaged (ms). */
  stallMs?: number;
  /** The error when no header is found, for a caller that knows what the file should be (a review file). */
  noHeader?: () => InputError;
}

export interface SourceRow {
  /** 1-based line (CSV) or sheet row (XLSX) where the row starts. */
  line: number;
  cells: string[];
  /** XLSX only: which cells Excel stored as numbers (a 16-digit NIK cannot survive that). */
  numeric?: boolean[];
  /** Set when csv-parse could not read the row at all: its explanation; cells are then what was salvaged. */
  error?: string;
  /**
   * The line belongs to a quoted cell opened on line `first` that swallowed the rows up to `last`
   * (`runaway`) or never closed (`last` is the file's last line); cells hold the line's text.
   */
  unclosedQuote?: { first: number; last: number; runaway: boolean };
  /** CSV: a row of a Windows-1252 file written in UTF-8, whose cells were read as UTF-8 (else mojibake). */
  utf8InAnsi?: true;
  /** CSV: physical lines the row spans, when a quoted cell holds line breaks (more than one). */
  lines?: number;
  /** Set when the row went over a size limit (ingest/limits.ts); its cells are then what was kept of it. */
  oversize?: 'line' | 'cell';
}

/** A row above the header: a title or blank line, skipped; or a data row out of place (`data`), rejected. */
export type SkippedRow = { line: number; reason: 'title' | 'blank' } | { line: number; reason: 'data'; cells: string[] };

export interface Table {
  format: 'csv' | 'xlsx';
  encoding: string | null;
  delimiter: string | null;
  sheet: string | null;
  header: string[];
  headerLine: number;
  /** Rows above the header: titles and blank lines. */
  above: SkippedRow[];
  /** The rows below the header, a chunk at a time (all a CSV read of the file gave at once): what the importer reads. */
  chunks: AsyncIterable<SourceRow[]>;
  /** The same rows one by one, for small files: a table is read through `chunks` or `rows`, not both. */
  rows: AsyncIterable<SourceRow>;
  /** Releases the file when the rows are not read to the end (an XLSX is open from the start). */
  close(): void;
}

/** Looks at the first bytes and opens the file with the reader for its format. */
export async function openTable(path: string, options: TableOptions = {}): Promise<Table> {
  assertRegularFile(path);
  const head = await readHead(path, 65_536);
  if (head.length === 0) {
    throw new InputError(t.reading.empty(), path);
  }
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) {
    // An OpenDocument file is a zip whose first entry, stored, is `mimetype`: its type follows the name.
    if (head.subarray(30, 38).toString('latin1') === 'mimetype' && head.subarray(38, 84).toString('latin1').startsWith('application/vnd.oasis.opendocument')) {
      throw new InputError(t.reading.ods(), path);
    }
    const { openXlsx } = await import('./xlsx.js');
    return openXlsx(path, options);
  }
  if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) {
    throw new InputError(t.reading.oldXls(), path);
  }
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') throw new InputError(t.reading.pdf(), path);
  return openCsv(path, head, options);
}

export async function readHead(path: string, bytes: number): Promise<Buffer> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError(t.reading.noSuchFile(), path);
    if (code === 'EISDIR') throw new InputError(t.reading.isFolder(), path);
    if (code === 'EACCES') throw new InputError(t.reading.denied(), path);
    throw new InputError(t.reading.cannotOpen(code ?? String(error)), path);
  }
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** A small file read whole: its header row (with its line) and every row below it, with its line. */
export interface WholeTable {
  format: 'csv' | 'xlsx';
  header: string[];
  headerLine: number;
  rows: { line: number; cells: string[] }[];
}

/**
 * A small file (a filled-in review file) read whole, CSV or XLSX by its first bytes. A CSV's first row is its
 * header, read as `readWholeCsv` reads it (encoding, BOM, delimiter); a workbook's header is found as an
 * import finds it (`map` names the columns that mark it), and its rows keep their sheet row numbers.
 *
 * @example (await readWholeTable('periksa.xlsx', map)).rows[0] // { line: 2, cells: ['mungkin sama', …] }
 */
export async function readWholeTable(path: string, map?: ColumnOverrides, noHeader?: () => InputError): Promise<WholeTable> {
  assertRegularFile(path);
  const head = await readHead(path, 4);
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) {
    const table = await openTable(path, { map, noHeader });
    const rows: { line: number; cells: string[] }[] = [];
    try {
      for await (const row of table.rows) rows.push({ line: row.line, cells: row.cells });
    } finally {
      table.close();
    }
    return { format: 'xlsx', header: table.header, headerLine: table.headerLine, rows };
  }
  const [header = [], ...rest] = readWholeCsv(path);
  return { format: 'csv', header, headerLine: 1, rows: rest.map((cells, i) => ({ line: i + 2, cells })) };
}
