/**
 * Sizes no real list needs, so that no input can make an import hold hundreds of megabytes: a line (CSV) of
 * more than 1 MiB, a cell of more than 32 KiB, an XML tag (XLSX) of more than 1 MiB. A row over a limit is
 * rejected with the limit in its message (`too_long`); memory stays bounded by the limits, whatever the
 * file: the over-long part is dropped while it streams past, never held.
 */
import { statSync } from 'node:fs';
import { Transform, type TransformCallback } from 'node:stream';
import { InputError } from '../errors.js';
import { t } from '../i18n/index.js';

/** Characters of one physical CSV line (names, NIKs and a few columns are well under 1 KiB). */
export const LINE_LIMIT = 1 << 20;
/** Characters of one cell (CSV) or bytes of one text node (XLSX). */
export const CELL_LIMIT = 32 << 10;
/** Bytes of one XML tag with its attributes (XLSX). */
export const TAG_LIMIT = 1 << 20;

/** Stands in for a cell (XLSX text) that was over its limit: no quote, no delimiter, valid XML text. */
export const TOO_LONG = '\u2060PRAKERJA_TOO_LONG\u2060';
/** Starts a CSV line that was over its limit; the first characters of the line follow it. */
export const LINE_CUT = '\u2060PRAKERJA_LINE_TOO_LONG\u2060';
/** Characters of an over-long line kept (in its reject), so the NIK at its start can still be found. */
const LINE_START_KEPT = 1000;

/** Which limit a row went over, if any. */
export type Oversize = 'line' | 'cell';

/** Whether a row (its cells) went over a limit: a line cut, a dropped cell, or a cell over the cell limit. */
export function oversizeOf(cells: readonly string[]): Oversize | undefined {
  if (cells[0]?.startsWith(LINE_CUT)) return 'line';
  let total = 0;
  for (const cell of cells) {
    if (cell.length > CELL_LIMIT || cell.includes(TOO_LONG)) return 'cell';
    total += cell.length;
  }
  return total > LINE_LIMIT ? 'line' : undefined;
}

/**
 * What an over-long row's reject keeps of it: the cells under the limits (a NIK beside a huge cell), the
 * start of a cut line, and in place of each dropped cell how much was not kept.
 * @example keptCells(['1271015001900003', 'B'.repeat(100_000)]) // ['1271015001900003', '[100000 characters not kept]']
 */
export function keptCells(cells: readonly string[]): string[] {
  return cells.map((cell, i) => {
    if (i === 0 && cell.startsWith(LINE_CUT)) return cell.slice(LINE_CUT.length);
    if (cell.includes(TOO_LONG)) return t.ingest.notKept({ size: String(CELL_LIMIT), more: true });
    if (cell.length > CELL_LIMIT) return t.ingest.notKept({ size: String(cell.length), more: false });
    return cell.length > LINE_START_KEPT ? cell.slice(0, LINE_START_KEPT) : cell;
  });
}

/**
 * Decoded CSV text in, the same text out, except that a line longer than LINE_LIMIT becomes LINE_CUT and its
 * first characters without quotes (and its line break, so line numbers still count). Holds at most one
 * partial line of LINE_LIMIT characters.
 */
export function capLines(limit = LINE_LIMIT): Transform {
  let held = '';
  let dropping = false;
  let start = '';
  const cut = (line: string) => `${LINE_CUT}${line.slice(0, Math.min(limit, LINE_START_KEPT)).replace(/["\r\n]/g, '')}`;
  return new Transform({
    decodeStrings: false,
    encoding: 'utf8',
    transform(chunk: string | Buffer, _encoding: BufferEncoding, done: TransformCallback) {
      const text = held + (typeof chunk === 'string' ? chunk : chunk.toString('utf8'));
      held = '';
      let out = '';
      let pos = 0;
      if (dropping) {
        const nl = text.indexOf('\n');
        if (nl === -1) return done();
        out += `${start}\n`;
        dropping = false;
        pos = nl + 1;
      }
      let from = pos;
      for (let nl = text.indexOf('\n', pos); nl !== -1; nl = text.indexOf('\n', pos)) {
        if (nl + 1 - pos > limit) {
          out += `${text.slice(from, pos)}${cut(text.slice(pos, nl))}\n`;
          from = nl + 1;
        }
        pos = nl + 1;
      }
      out += text.slice(from, pos);
      const tail = text.slice(pos);
      if (tail.length > limit) {
        dropping = true;
        start = cut(tail);
      } else held = tail;
      done(null, out);
    },
    flush(done: TransformCallback) {
      done(null, dropping ? start : held);
    },
  });
}

const LT = 0x3c;
const GT = 0x3e;
const TOO_LONG_BYTES = Buffer.from(TOO_LONG, 'utf8');

/**
 * XML bytes (a workbook part) in, the same bytes out, except that a text node longer than CELL_LIMIT bytes
 * (a 400 MiB shared string, a 100 MiB cell) becomes TOO_LONG, so the cells that show it are rejected. A text
 * node is held until it ends (at most CELL_LIMIT bytes); a tag longer than TAG_LIMIT fails the stream.
 */
export function capXmlText(onTooLongTag: () => Error, cellLimit = CELL_LIMIT, tagLimit = TAG_LIMIT): Transform {
  let inText = false;
  let held: Buffer[] = [];
  let heldBytes = 0;
  let dropping = false;
  let tagBytes = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
      const out: Buffer[] = [];
      let pos = 0;
      while (pos < chunk.length) {
        if (inText) {
          const lt = chunk.indexOf(LT, pos);
          const end = lt === -1 ? chunk.length : lt;
          if (!dropping) {
            if (heldBytes + end - pos > cellLimit) {
              dropping = true;
              held = [];
              heldBytes = 0;
            } else if (end > pos) {
              held.push(chunk.subarray(pos, end));
              heldBytes += end - pos;
            }
          }
          if (lt === -1) break;
          out.push(...(dropping ? [TOO_LONG_BYTES] : held));
          held = [];
          heldBytes = 0;
          dropping = false;
          inText = false;
          pos = lt;
        } else {
          const gt = chunk.indexOf(GT, pos);
          const end = gt === -1 ? chunk.length : gt + 1;
          tagBytes += end - pos;
          if (tagBytes > tagLimit) return done(onTooLongTag());
          out.push(chunk.subarray(pos, end));
          if (gt === -1) break;
          inText = true;
          tagBytes = 0;
          pos = end;
        }
      }
      done(null, Buffer.concat(out));
    },
    flush(done: TransformCallback) {
      done(null, dropping ? TOO_LONG_BYTES : Buffer.concat(held));
    },
  });
}

/**
 * Refuses, before anything opens it, what is not a regular file: reading /dev/zero or /dev/urandom never
 * ends, and opening a FIFO waits for a writer forever. A missing file is left for the open to report.
 * @example assertRegularFile('/dev/zero') // throws InputError: is not a regular file …
 */
export function assertRegularFile(path: string): void {
  let info;
  try {
    info = statSync(path);
  } catch {
    return;
  }
  if (!info.isFile() && !info.isDirectory()) throw new InputError(t.ingest.notRegular(), path);
}

