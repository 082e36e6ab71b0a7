/**
 * The CSV records of a decoded stream, exactly as csv-parse gives them for the importer's options, read
 * faster where the file is plain. csv-parse looks at every character through a general state machine (any
 * quote, escape, comment, trim or column option) and spent 1.2-1.5 s of CPU on a 1 M-row list, more than all
 * of SQLite's `.import`. A recipient list is lines of cells, now and then a cell in quotes (a name with a
 * comma): such a line is cut with indexOf here. From the first line that is anything else (a quote inside a
 * cell, a quoted cell running on to the next line, a quote left open) to the end of the file, csv-parse
 * itself reads, from that line on, so every irregular case (reject, line numbers, relaxed quotes) is its.
 * test/ingest-csv-fast.test.ts checks the records, their raw text and the skipped rows against csv-parse
 * on random CSV cut into random chunks.
 */
import { Transform, type TransformCallback } from 'node:stream';
import { parse, type Options } from 'csv-parse';

/** What the importer's csv-parse hands out per record (`raw: true`). */
export interface CsvRecord {
  record: string[];
  raw: string;
}

/** A row csv-parse skipped: its error (line counted from the start of the stream) and raw text. */
export type OnSkip = (error: { lines?: number; message: string; code?: string } | undefined, raw?: string) => void;

export interface FastCsvOptions {
  delimiter: string;
  onSkip: OnSkip;
}

const LF = 10;
const CR = 13;
const QUOTE = 34;

/** A line this reader leaves to csv-parse. */
const IRREGULAR = null;

/**
 * The cells of text[from..end) (one line, without its line end), or null when the line is not plain: a
 * quote anywhere but around a whole cell, or a quoted cell not closed on the line.
 */
function plainCells(text: string, from: number, end: number, delimiter: string): string[] | typeof IRREGULAR {
  const cells: string[] = [];
  let i = from;
  for (;;) {
    if (text.charCodeAt(i) === QUOTE && i < end) {
      // "…" with "" for a quote inside, closed right before a delimiter or the line end.
      let value = '';
      let j = i + 1;
      for (;;) {
        const q = text.indexOf('"', j);
        if (q < 0 || q >= end) return IRREGULAR;
        if (q + 1 < end && text.charCodeAt(q + 1) === QUOTE) {
          value += text.slice(j, q + 1);
          j = q + 2;
          continue;
        }
        value += text.slice(j, q);
        cells.push(value);
        if (q + 1 === end) return cells;
        if (!text.startsWith(delimiter, q + 1)) return IRREGULAR;
        i = q + 1 + delimiter.length;
        break;
      }
      continue;
    }
    const d = text.indexOf(delimiter, i);
    const stop = d < 0 || d >= end ? end : d;
    const q = text.indexOf('"', i);
    if (q >= 0 && q < stop) return IRREGULAR;
    cells.push(text.slice(i, stop));
    if (stop === end) return cells;
    i = stop + delimiter.length;
  }
}

/**
 * A Transform from decoded text to csv-parse's `{ record, raw }` objects for `{ delimiter, record_delimiter:
 * CRLF | LF | CR, relax_quotes, relax_column_count, skip_records_with_error, raw }`.
 */
export function csvRecords(options: FastCsvOptions, parserOptions: Options): Transform {
  const { delimiter } = options;
  // A delimiter that is itself a quote or a line end: csv-parse alone knows what that means.
  const fast = delimiter !== '' && !/["\r\n]/.test(delimiter);
  let held = '';
  /** Physical lines handed out so far: csv-parse, taking over, counts its lines from there. */
  let lines = 0;
  let parser: Transform | null = null;
  let failed = false;

  const takeOver = (stream: Transform): Transform => {
    const inner = parse({
      ...parserOptions,
      on_skip: (error: { lines?: number; message: string; code?: string } | undefined, raw?: string) => {
        options.onSkip(error === undefined ? undefined : Object.assign(error, { lines: (error.lines ?? 0) + lines }), raw);
      },
    });
    // Held back while the reader is behind (resumed in read() below), as csv-parse in the pipe would be.
    inner.on('data', (record: CsvRecord) => {
      if (!stream.push(record)) inner.pause();
    });
    inner.on('error', (error: Error) => {
      failed = true;
      stream.destroy(error);
    });
    return inner;
  };

  /** Hands out the plain lines of text; returns where the unread rest starts (a line end not yet seen, or the first irregular line). */
  const readLines = (stream: Transform, text: string, final: boolean): { rest: number; irregular: boolean } => {
    let pos = 0;
    let lf = text.indexOf('\n');
    let cr = text.indexOf('\r');
    while (pos < text.length) {
      if (lf >= 0 && lf < pos) lf = text.indexOf('\n', pos);
      if (cr >= 0 && cr < pos) cr = text.indexOf('\r', pos);
      let end = lf < 0 ? cr : cr < 0 ? lf : Math.min(lf, cr);
      let width = 1;
      if (end < 0) {
        if (!final) return { rest: pos, irregular: false };
        end = text.length;
        width = 0;
      } else if (text.charCodeAt(end) === CR) {
        // CR LF is one line end; a CR last in the chunk may be the first half of one.
        if (end + 1 === text.length && !final) return { rest: pos, irregular: false };
        if (text.charCodeAt(end + 1) === LF) width = 2;
      }
      // csv-parse's raw text of a record ends with the first character of its line end. Made a string of its
      // own (a slice joined to its line end is copied when first read), and the cells are cut from it: a cell
      // cut from the chunk itself would be a view that keeps the whole chunk alive as long as the row lives,
      // and chunks outliving young-generation collections peaked an import of 1 M rows 45 MB higher.
      const raw = width === 0 ? text.slice(pos, end) : text.slice(pos, end) + text.charAt(end);
      const cells = plainCells(raw, 0, end - pos, delimiter);
      if (cells === IRREGULAR) return { rest: pos, irregular: true };
      stream.push({ record: cells, raw });
      lines++;
      pos = end + width;
    }
    return { rest: pos, irregular: false };
  };

  return new Transform({
    writableObjectMode: false,
    decodeStrings: false,
    readableObjectMode: true,
    transform(this: Transform, chunk: string | Buffer, _encoding: BufferEncoding, done: TransformCallback) {
      const piece = typeof chunk === 'string' ? chunk : chunk.toString('utf8');
      if (parser !== null) {
        parser.write(piece, () => done());
        return;
      }
      const text = held + piece;
      const { rest, irregular } = fast ? readLines(this, text, false) : { rest: 0, irregular: true };
      if (!irregular) {
        held = text.slice(rest);
        done();
        return;
      }
      held = '';
      parser = takeOver(this);
      parser.write(text.slice(rest), () => done());
    },
    flush(this: Transform, done: TransformCallback) {
      if (parser === null) {
        const { rest, irregular } = fast ? readLines(this, held, true) : { rest: 0, irregular: true };
        if (!irregular) {
          done();
          return;
        }
        parser = takeOver(this);
        parser.write(held.slice(rest));
        held = '';
      }
      const inner = parser;
      inner.on('end', () => {
        if (!failed) done();
      });
      inner.end();
    },
    read(this: Transform, size: number) {
      if (parser?.isPaused()) parser.resume();
      Transform.prototype._read.call(this, size);
    },
    destroy(this: Transform, error: Error | null, done: (error: Error | null) => void) {
      parser?.destroy();
      done(error);
    },
  });
}
