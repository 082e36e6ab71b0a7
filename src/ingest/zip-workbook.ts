/**
 * exceljs's streaming workbook reader, fed through the zip's central directory instead of one pass over it.
 *
 * Why: exceljs 4.4.0 walks the archive in a single streaming pass, and when it is slow to take an entry (it
 * parks each sheet in a temporary file until the shared strings arrive) the pass can end early and drop
 * the entries still to come — the shared strings, the workbook part, later sheets (exceljs issue #3064,
 * open). Our fixture failed one read in 20–200 with "Cannot read properties of undefined (reading
 * 'sheets')", and a sheet passed over could leave an uncaught ENOENT behind when its temporary file was
 * deleted before it was opened. Reading the central directory (yauzl) gives each part its own stream, in
 * the order the sheets need: relationships, workbook, shared strings, styles, then the sheets one by one
 * and only when asked for. Nothing goes through temporary files, and nothing can be dropped.
 *
 * It drives exceljs's own part parsers (`_parseRels`, `_parseWorkbook`, `_parseSharedStrings`,
 * `_parseStyles`, `_parseWorksheet`), so cells, dates and styles are read exactly as before; those methods
 * are internal, which is why exceljs is pinned to 4.4.x and `test/ingest-xlsx.test.ts` reads real workbooks.
 */
import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import yauzl from 'yauzl';
import { t } from '../i18n/index.js';
import { capXmlText } from './limits.js';

type ParseEvent = { eventType: string; value: unknown };

/** The internal part parsers of exceljs's WorkbookReader (4.4.x) that this reader calls. */
interface PartParsers {
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<ParseEvent>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseWorksheet(iterator: AsyncIterable<unknown>, sheetNo: string): Generator<ParseEvent>;
}

/** An open archive: its entries by name, and a stream for any of them. */
export interface ZipArchive {
  names: ReadonlySet<string>;
  open(name: string): Promise<Readable>;
  close(): void;
}

/** What made a workbook's zip unreadable where the zip library gives no error of its own; told in the user's language by xlsx.ts. */
export class BrokenZipError extends Error {
  constructor(
    readonly kind: 'not_whole' | 'no_part' | 'damaged',
    readonly part?: string,
  ) {
    super(part === undefined ? kind : `${kind}: ${part}`);
  }
}

/**
 * Opens a zip by its central directory.
 * @example const zip = await openZip('penerima.xlsx'); const part = await zip.open('xl/workbook.xml');
 */
export function openZip(path: string): Promise<ZipArchive> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false }, (error, zip) => {
      if (error || !zip) {
        reject(error ?? new BrokenZipError('not_whole'));
        return;
      }
      const entries = new Map<string, yauzl.Entry>();
      zip.on('entry', (entry: yauzl.Entry) => {
        entries.set(entry.fileName, entry);
        zip.readEntry();
      });
      zip.once('error', (e: Error) => {
        zip.close();
        reject(e);
      });
      zip.once('end', () => {
        // From here on a read error reaches the part's own stream, where the reader reports it; the archive
        // object repeating it must not become an uncaught exception.
        zip.on('error', () => undefined);
        const streams = new Set<Readable>();
        resolve({
          names: new Set(entries.keys()),
          open: (name) =>
            new Promise((ok, fail) => {
              const entry = entries.get(name);
              if (!entry) {
                fail(new BrokenZipError('no_part', name));
                return;
              }
              zip.openReadStream(entry, (e, stream) => {
                if (e || !stream) {
                  fail(e ?? new BrokenZipError('damaged', name));
                  return;
                }
                streams.add(stream);
                stream.once('close', () => streams.delete(stream));
                ok(stream);
              });
            }),
          close: () => {
            for (const s of streams) s.destroy();
            zip.close();
          },
        });
      });
      zip.readEntry();
    });
  });
}

const SHEET = /^xl\/worksheets\/sheet(\d+)\.xml$/;

/** A part's bytes with over-long text nodes replaced, and an over-long tag an error (on the part's stream). */
function capped(part: Readable): Readable {
  const out = capXmlText(() => new Error(t.ingest.tagTooLong()));
  part.once('error', (error: Error) => out.destroy(error));
  return part.pipe(out);
}

/**
 * A WorkbookReader whose parts come from the central directory. Iterate it as exceljs's reader: it yields
 * one WorksheetReader per sheet, in sheet-file order, each opened only when the previous one is passed.
 * `onSheetStream` sees each sheet's raw stream (to watch for stalls).
 */
export class DirectoryWorkbookReader extends ExcelJS.stream.xlsx.WorkbookReader {
  constructor(
    private readonly zip: ZipArchive,
    options: Partial<ExcelJS.stream.xlsx.WorkbookStreamReaderOptions>,
    private readonly onSheetStream: (stream: Readable) => void = () => undefined,
  ) {
    // The input is never read: parse() below takes the parts from the archive.
    super(undefined as unknown as string, options);
  }

  override async *parse(): AsyncIterableIterator<ParseEvent> {
    const parsers = this as unknown as PartParsers;
    const part = async (name: string): Promise<Readable | null> => (this.zip.names.has(name) ? this.zip.open(name) : null);
    const rels = await part('xl/_rels/workbook.xml.rels');
    if (rels) await parsers._parseRels(rels);
    const book = await part('xl/workbook.xml');
    if (book) await parsers._parseWorkbook(book);
    const strings = await part('xl/sharedStrings.xml');
    // Text over the cell limit (a 400 MiB shared string) is dropped as it streams past: see ingest/limits.ts.
    if (strings) yield* parsers._parseSharedStrings(capped(strings));
    const styles = await part('xl/styles.xml');
    if (styles) await parsers._parseStyles(styles);
    const sheets = [...this.zip.names]
      .map((name) => ({ name, no: SHEET.exec(name)?.[1] }))
      .filter((s): s is { name: string; no: string } => s.no !== undefined)
      .sort((a, b) => Number(a.no) - Number(b.no));
    for (const sheet of sheets) {
      const stream = await this.zip.open(sheet.name);
      this.onSheetStream(stream);
      yield* parsers._parseWorksheet(capped(stream), sheet.no);
      // Passed over, or read to the end: either way this sheet's stream is done with.
      stream.destroy();
    }
  }
}
