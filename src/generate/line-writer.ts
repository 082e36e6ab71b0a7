/**
 * Buffered line output to a file with back-pressure: the generator builds small strings, this batches them
 * into ~64 KB chunks and waits for the disk when the stream asks it to. Memory stays bounded whatever the
 * number of rows.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';

const CHUNK = 1 << 18;

export class LineWriter {
  private readonly stream: WriteStream;
  private buffer = '';
  private failure: Error | undefined;
  /** Physical lines written so far (the next line written is `lines + 1`). */
  lines = 0;

  constructor(
    readonly path: string,
    private readonly eol: '\n' | '\r\n' = '\n',
    bom = false,
  ) {
    this.stream = createWriteStream(path, { highWaterMark: 1 << 20 });
    this.stream.on('error', (error) => {
      this.failure = error;
    });
    if (bom) this.buffer = '\uFEFF';
  }

  /** Append one line (without its line ending) and return its 1-based line number. */
  line(text: string): number {
    this.buffer += text + this.eol;
    return ++this.lines;
  }

  /** True when enough is buffered that the caller should `await flush()`. */
  get full(): boolean {
    return this.buffer.length >= CHUNK;
  }

  async flush(): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.buffer.length === 0) return;
    const chunk = this.buffer;
    this.buffer = '';
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
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
