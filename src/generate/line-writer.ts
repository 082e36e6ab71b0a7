/**
 * Buffered line output to a file with back-pressure: the generator builds small strings, this batches them
 * into ~64 KB chunks and waits for the disk when the stream asks it to. Memory stays bounded whatever the
 * number of rows.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';

const CHUNK = 1 << 20;
/** Lines joined into one string before encoding: few native calls, and short-lived strings only. */
const BATCH = 256;

export class LineWriter {
  private readonly stream: WriteStream;
  private readonly eol: string;
  // One long string of all lines would keep every line alive as a rope node until the flush (slow GC);
  // one Buffer.write per line is dominated by call overhead. So: batches of lines, encoded into a chunk.
  private batch = '';
  private batched = 0;
  private chunk = Buffer.allocUnsafe(CHUNK);
  private used = 0;
  private ready: Buffer[] = [];
  private failure: Error | undefined;
  /** Physical lines written so far (the next line written is `lines + 1`). */
  lines = 0;

  constructor(
    readonly path: string,
    eol: '\n' | '\r\n' = '\n',
    bom = false,
  ) {
    this.eol = eol;
    this.stream = createWriteStream(path, { highWaterMark: CHUNK });
    this.stream.on('error', (error) => {
      this.failure = error;
    });
    if (bom) this.batch = '\uFEFF';
  }

  /** Append one line (without its line ending) and return its 1-based line number. */
  line(text: string): number {
    this.batch += text + this.eol;
    if (++this.batched >= BATCH) this.encode();
    return ++this.lines;
  }

  private encode(): void {
    const text = this.batch;
    this.batch = '';
    this.batched = 0;
    if (Buffer.byteLength(text, 'utf8') > CHUNK - this.used) {
      this.ready.push(this.chunk.subarray(0, this.used));
      this.chunk = Buffer.allocUnsafe(Math.max(CHUNK, Buffer.byteLength(text, 'utf8')));
      this.used = 0;
    }
    this.used += this.chunk.write(text, this.used, 'utf8');
  }

  /** True when a chunk is ready and the caller should `await flush()`. */
  get full(): boolean {
    return this.ready.length > 0;
  }

  async flush(): Promise<void> {
    if (this.failure) throw this.failure;
    let ok = true;
    for (const buffer of this.ready) if (buffer.length > 0) ok = this.stream.write(buffer) && ok;
    this.ready = [];
    if (!ok) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    this.encode();
    this.ready.push(this.chunk.subarray(0, this.used));
    this.used = 0;
    await this.flush();
    this.stream.end();
    await finished(this.stream);
    if (this.failure) throw this.failure;
  }
}

const NEEDS_QUOTES: Record<string, RegExp> = { ',': /[",\r\n]/, ';': /[";\r\n]/, '\t': /["\t\r\n]/ };

/** One CSV field: quoted only when it holds the delimiter, a quote or a line break. */
export function csvField(value: string, delimiter: ',' | ';' | '\t'): string {
  return NEEDS_QUOTES[delimiter]?.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
