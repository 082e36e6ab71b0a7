/**
 * XLSX reading with exceljs's streaming reader: rows come off the zip one at a time, so a province-wide
 * sheet takes no more memory than a small one (only the shared-string table is held, as the format needs).
 *
 * What the office sees in Excel is what a row's cells become: numbers as their digits (never `3.27512E+15`,
 * and flagged as numbers — a 16-digit NIK that Excel stored as a number has already lost its last digit),
 * dates as `YYYY-MM-DD`, formulas as their cached result, rich text as plain text.
 */
import { t } from '../i18n/index.js';
import type { Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import type { Cell, CellValue, Row } from 'exceljs';
import { InputError } from '../errors.js';
import { excelSerialToUtc, utcDateText } from './excel-dates.js';
import { findHeader, HEADER_SEARCH_ROWS, isHeaderRow, noHeaderError } from './header.js';
import { keptCells, oversizeOf } from './limits.js';
import { singleRows, tableRows } from './chunks.js';
import type { SourceRow, Table, TableOptions } from './table.js';
import { BrokenZipError, DirectoryWorkbookReader, openZip, type ZipArchive } from './zip-workbook.js';

type WorksheetReader = ExcelJS.stream.xlsx.WorksheetReader;

/** A sheet as listed in the workbook, in tab order. */
export interface SheetInfo {
  name: string;
  hidden: boolean;
}

/**
 * Opens a workbook and finds the header of the chosen sheet (`--sheet NAME|N`, else the first visible one).
 * @example const table = await openXlsx('penerima.xlsx', { sheet: 'Gel 3' }); for await (const row of table.rows) …
 */
/**
 * How long exceljs may go without producing a sheet or a row once the sheet's bytes have all been read. A
 * damaged deflate stream could make a reader wait forever without an error (found by fuzzing); a sound
 * workbook produces the next row within milliseconds of having its bytes. `TableOptions.stallMs` overrides
 * it (tests of damaged workbooks pass a small value rather than wait 5 s each).
 */
export const DEFAULT_STALL_MS = 5_000;

/** Watches a sheet's reading; `next()` settles as its iterator does, or rejects once reading has stalled. */
class StallGuard {
  private ended = false;

  constructor(
    private readonly path: string,
    private readonly stallMs: number,
  ) {}

  /** The sheet now being read: idle time counts once its raw stream has ended. */
  watch(stream: Readable): void {
    this.ended = false;
    stream.once('end', () => (this.ended = true));
  }

  next<T>(iterator: AsyncIterator<T>): Promise<IteratorResult<T>> {
    return new Promise((resolve, reject) => {
      let idle = 0;
      const tick = Math.max(1, Math.min(250, Math.floor(this.stallMs / 4)));
      const timer = setInterval(() => {
        idle = this.ended ? idle + tick : 0;
        if (idle >= this.stallMs) {
          clearInterval(timer);
          reject(new InputError(t.reading.workbookCut(), this.path));
        }
      }, 250);
      iterator.next().then(
        (value) => {
          clearInterval(timer);
          resolve(value);
        },
        (error: unknown) => {
          clearInterval(timer);
          reject(error instanceof Error ? error : new Error(String(error)));
        },
      );
    });
  }
}

export async function openXlsx(path: string, options: TableOptions): Promise<Table> {
  let zip: ZipArchive | undefined;
  try {
    zip = await openZip(path);
    return await openSheet(path, zip, options);
  } catch (error) {
    zip?.close();
    throw asInputError(error, path);
  }
}

async function openSheet(path: string, zip: ZipArchive, options: TableOptions): Promise<Table> {
  const guard = new StallGuard(path, options.stallMs ?? DEFAULT_STALL_MS);
  const reader = new DirectoryWorkbookReader(
    zip,
    {
      sharedStrings: 'cache',
      // Styles say which numbers are dates; hyperlinks and other parts are not needed.
      styles: 'cache',
      hyperlinks: 'ignore',
      worksheets: 'emit',
      entries: 'ignore',
    },
    (stream) => guard.watch(stream),
  );
  const sheets = reader[Symbol.asyncIterator]();
  let chosen: { sheet: WorksheetReader; name: string } | undefined;
  const emitted: string[] = [];
  for (let next = await guard.next(sheets); !next.done; next = await guard.next(sheets)) {
    const name = sheetName(next.value);
    emitted.push(name);
    // Sheets arrive in zip order; the workbook part (read before them) gives the tab order to choose by.
    const listed = listSheets(reader);
    const wanted = chooseSheet(listed.length > 0 ? listed : emitted.map((n) => ({ name: n, hidden: false })), options.sheet);
    if (wanted !== undefined && wanted.name === name) {
      chosen = { sheet: next.value, name };
      break;
    }
    // The tab list is known and names no such sheet: say so now rather than after reading every sheet.
    if (listed.length > 0 && wanted === undefined) break;
  }
  if (!chosen) {
    const listed = listSheets(reader);
    const all = listed.length > 0 ? listed : emitted.map((n) => ({ name: n, hidden: false }));
    throw sheetNotFound(path, all, options.sheet);
  }

  const rows = chosen.sheet[Symbol.asyncIterator]();
  const head: SourceRow[] = [];
  let previous = 0;
  for (let next = await guard.next(rows); !next.done; next = await guard.next(rows)) {
    const row = toSourceRow(next.value, previous);
    previous = row.line;
    head.push(row);
    if (head.length >= HEADER_SEARCH_ROWS || isHeaderRow(row.cells, options.map)) break;
  }
  const found = findHeader(head, options.map);
  if (!found) {
    await sheets.return(undefined);
    zip.close();
    throw options.noHeader?.() ?? noHeaderError(path, head, t.reading.sheetHow(JSON.stringify(chosen.name)), options.map);
  }
  return {
    format: 'xlsx',
    encoding: null,
    delimiter: null,
    sheet: chosen.name,
    header: found.header.cells.map((c) => c.trim()),
    headerLine: found.header.line,
    above: found.above,
    ...tableRows(singleRows(streamRows(path, zip, guard, head.slice(found.index + 1), rows, previous))),
    close: () => zip.close(),
  };
}

async function* streamRows(
  path: string,
  zip: ZipArchive,
  guard: StallGuard,
  buffered: SourceRow[],
  rows: AsyncIterator<Row>,
  last: number,
): AsyncGenerator<SourceRow> {
  let previous = last;
  try {
    yield* buffered;
    for (let next = await guard.next(rows); !next.done; next = await guard.next(rows)) {
      const row = toSourceRow(next.value, previous);
      previous = row.line;
      yield row;
    }
  } catch (error) {
    throw asInputError(error, path, previous + 1);
  } finally {
    // The rest of the workbook (other sheets) is not needed.
    zip.close();
  }
}

/** One sheet row → its row number and cells as text, with which cells held numbers. */
function toSourceRow(row: Row, previous: number): SourceRow {
  // A generator may leave out the row number (it is optional in the format): then it is the next row.
  const line = Number.isInteger(row.number) && row.number > 0 ? row.number : previous + 1;
  const cells: string[] = [];
  const numeric: boolean[] = [];
  row.eachCell({ includeEmpty: false }, (cell: Cell, column: number) => {
    const { text, isNumber } = cellText(cell.value, cell.numFmt);
    while (cells.length < column - 1) {
      cells.push('');
      numeric.push(false);
    }
    cells[column - 1] = text;
    numeric[column - 1] = isNumber;
  });
  const oversize = oversizeOf(cells);
  if (oversize) return { line, cells: keptCells(cells), oversize };
  return numeric.some(Boolean) ? { line, cells, numeric } : { line, cells };
}

/**
 * A cell's value as the text a person sees, and whether Excel stored it as a number.
 * @example cellText(3275120101900010, 'General') // { text: '3275120101900010', isNumber: true }
 */
export function cellText(value: CellValue, numFmt?: string): { text: string; isNumber: boolean } {
  if (value === null || value === undefined) return { text: '', isNumber: false };
  if (typeof value === 'number') {
    // A formula's date result arrives as a serial number; its format says it is a date.
    if (numFmt && isDateFormat(numFmt)) {
      const date = excelSerialToDate(value);
      if (date) return { text: date, isNumber: false };
    }
    return { text: numberText(value), isNumber: true };
  }
  if (typeof value === 'string') return { text: unescapeOoxml(value), isNumber: false };
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE', isNumber: false };
  if (value instanceof Date) return { text: utcDateText(value), isNumber: false };
  if ('richText' in value) return { text: unescapeOoxml(value.richText.map((r) => r.text ?? '').join('')), isNumber: false };
  if ('error' in value) return { text: String(value.error), isNumber: false };
  if ('formula' in value || 'sharedFormula' in value) {
    const result = value.result;
    if (result === undefined) return { text: '', isNumber: false };
    return cellText(result, numFmt);
  }
  if ('hyperlink' in value) return cellText(value.text, numFmt);
  return { text: '', isNumber: false };
}

/**
 * A number's digits with no exponent and no float noise: integers exactly as stored (`3275120101900010`),
 * fractions to Excel's 15 significant digits (`0.1 + 0.2` → `0.3`), as Excel shows them.
 * @example numberText(3.5) // '3.5'
 */
export function numberText(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Number.isInteger(n)) return BigInt(n).toString();
  const text = String(Number(n.toPrecision(15)));
  if (!/e/i.test(text)) return text;
  // Tiny fractions: String() would use an exponent.
  return n.toFixed(20).replace(/0+$/, '');
}

/** Excel's format codes that show a date: a y, m, d, h or s outside quotes and [colour]/[$-locale] brackets. */
function isDateFormat(format: string): boolean {
  const bare = format.replace(/\[[^\]]*\]/g, '').replace(/"[^"]*"/g, '').replace(/\\./g, '');
  return /[ymdhs]/i.test(bare) && !/^general$/i.test(bare.trim());
}

function excelSerialToDate(serial: number): string | null {
  const date = excelSerialToUtc(serial);
  return date === null ? null : utcDateText(date);
}

/** OOXML escapes characters XML cannot hold as `_xHHHH_` (a line break typed in a cell is `_x000D_`). */
function unescapeOoxml(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

function sheetName(sheet: WorksheetReader): string {
  return 'name' in sheet && typeof sheet.name === 'string' ? sheet.name : '';
}

/** The workbook's sheets in tab order, once its workbook part has been read. */
function listSheets(reader: ExcelJS.stream.xlsx.WorkbookReader): SheetInfo[] {
  const model: unknown = 'model' in reader ? reader.model : undefined;
  if (typeof model !== 'object' || model === null || !('sheets' in model) || !Array.isArray(model.sheets)) return [];
  const out: SheetInfo[] = [];
  for (const sheet of model.sheets as unknown[]) {
    if (typeof sheet === 'object' && sheet !== null && 'name' in sheet && typeof sheet.name === 'string') {
      const hidden = 'state' in sheet && (sheet.state === 'hidden' || sheet.state === 'veryHidden');
      out.push({ name: sheet.name, hidden });
    }
  }
  return out;
}

/**
 * Which sheet `--sheet` means: an exact name (case and outer spaces ignored), else a 1-based number in tab
 * order; without it, the first visible sheet (a hidden first sheet is usually a lookup table).
 * @example chooseSheet([{ name: 'Rekap', hidden: false }, { name: 'Gel 3', hidden: false }], '2')?.name // 'Gel 3'
 */
export function chooseSheet(sheets: readonly SheetInfo[], wanted: string | undefined): SheetInfo | undefined {
  if (wanted === undefined) return sheets.find((s) => !s.hidden) ?? sheets[0];
  const key = wanted.trim().toLowerCase();
  const byName = sheets.find((s) => s.name.trim().toLowerCase() === key);
  if (byName) return byName;
  if (/^\d+$/.test(key)) return sheets[Number(key) - 1];
  return undefined;
}

function sheetNotFound(path: string, sheets: readonly SheetInfo[], wanted: string | undefined): InputError {
  if (sheets.length === 0) {
    return new InputError(t.reading.noSheets(), path);
  }
  const list = sheets.map((s, i) => `${i + 1} ${JSON.stringify(s.name)}${s.hidden ? ` ${t.reading.hidden()}` : ''}`).join(', ');
  return new InputError(t.reading.noSuchSheet({ wanted: JSON.stringify(wanted ?? ''), list }), path);
}

/** exceljs and its zip reader throw plain errors on damaged files; the user needs a file-level message. */
function asInputError(error: unknown, path: string, line?: number): InputError {
  if (error instanceof InputError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new InputError(brokenWorkbook(error, message) ?? t.reading.badWorkbook(message), path, line);
}

/** yauzl's words for an archive that is not whole: no end record, offsets past the end, bad headers. */
const NOT_WHOLE = /central directory|not a zip|invalid comment length|local file header|zip64|multi-disk|overflows file bounds|invalid relative offset|unexpected eof/i;
/** zlib's and yauzl's words for a part that cannot be unpacked. */
const DAMAGED = /bytes in the stream|size mismatch|invalid (distance|block type|stored block|code lengths|literal|bit length)|too many length|unexpected end of file|incorrect header check/i;

/**
 * The known ways a workbook's zip breaks, as a catalogue sentence: the libraries' own English text would
 * otherwise stand inside an Indonesian one. Null for anything else (then said with the library's detail).
 */
function brokenWorkbook(error: unknown, message: string): string | null {
  if (error instanceof BrokenZipError) {
    if (error.kind === 'no_part' && error.part !== undefined) return t.reading.workbookNoPart(error.part);
    return error.kind === 'not_whole' ? t.reading.workbookNotWhole() : t.reading.workbookDamaged();
  }
  const code = (error as { code?: unknown } | null)?.code;
  if ((typeof code === 'string' && code.startsWith('Z_')) || DAMAGED.test(message)) return t.reading.workbookDamaged();
  if (NOT_WHOLE.test(message)) return t.reading.workbookNotWhole();
  return null;
}
