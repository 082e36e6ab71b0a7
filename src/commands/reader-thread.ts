/**
 * A large CSV is read in a thread of its own: that thread reads, parses and normalises the rows
 * (import-rows.ts `readRows`) and hands them over packed, a batch at a time, while the import's thread only
 * writes them. Two cores then share an import that kept one busy. At most READ_AHEAD batches wait between
 * the two, so memory stays bounded however large the file.
 *
 * A workbook (XLSX) and a CSV under READER_THREAD_MIN_BYTES are read in the import's thread by the same
 * `readRows`, batch for batch: a thread costs a few milliseconds and megabytes to start. So is any file
 * when no core is free (`coreToSpare`): the two threads then share the one core the import had, and the
 * handing over (JSON both ways, a third heap to collect) is only cost. Measured on the 1 M list at load
 * average 10-13 on 2 cores, alternating, medians of 3: 56.5 s wall and 17.7 s CPU in one thread, 60.6 s
 * and 23.4 s with the reading thread.
 *
 * The writer keeps its one transaction for the file: if the reading thread fails or dies, the writer throws
 * and the file's transaction is rolled back, so nothing of the file is stored.
 */
import { existsSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { InputError } from '../errors.js';
import { currentLang, t, type Lang } from '../i18n/index.js';
import { interruptBuffer } from '../interrupt.js';
import { testHooksArmed } from '../test-hooks.js';
import type { ColumnOverrides } from '../ingest/columns.js';
import type { Table, TableOptions } from '../ingest/table.js';
import type { RejectRow } from '../store/records.js';
import type { ReadContext, RowBatch, RowsRead } from './import-rows.js';

/** Batches read ahead of the writer, at most. */
export const READ_AHEAD = 3;

/** A CSV file at least this large (bytes) is read in a thread of its own; a smaller one is not worth the thread. */
export const READER_THREAD_MIN_BYTES = 1 << 20;

/**
 * The reading thread's memory: its heap holds a few batches and the reader's buffers (about 14 MB live: at
 * a 12 MB cap it runs out, at 16-20 MB it collects most of the time). A small young generation keeps its
 * share of the process's peak RSS small (issue 14: ≤ 150 MB at 1 M and 5 M rows). Measured at 5 M rows,
 * one run each under load: this 147.8 MB; an old generation capped at 32 MB also 147.8 MB (less between
 * peaks, but little room for a large guest book's date check); a 4 MB young generation and 64 MB 155.8 MB.
 */
const READER_LIMITS = { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 128 };

/** What the import's thread tells the reading thread when it starts it. */
export interface ReaderInput {
  file: string;
  table: Pick<TableOptions, 'encoding' | 'delimiter'> & { map: [string, string][] };
  ctx: ReadContext;
  lang: Lang;
  interrupts: SharedArrayBuffer;
  testHooks: boolean;
}

/** What the reading thread says: its header first, then batches (their records as JSON), then the totals. */
export type ReaderMessage =
  | { kind: 'start'; header: string[]; headerLine: number }
  | { kind: 'batch'; values: string; rejects: RejectRow[]; read: number }
  | { kind: 'end'; read: RowsRead }
  | { kind: 'failed'; input: boolean; message: string; file?: string; line?: number };

const ENTRY = new URL('./reader-thread-main.js', import.meta.url);

/**
 * True when this file is read in a thread of its own: a CSV of at least `minBytes` (READER_THREAD_MIN_BYTES),
 * when a core is free for it and the thread's code is there to run (it is not when the sources run
 * untranspiled, as under the test runner in-process).
 */
export function readsInThread(table: Table, bytes: number, minBytes?: number): boolean {
  if (table.format !== 'csv' || bytes < (minBytes ?? READER_THREAD_MIN_BYTES) || !existsSync(fileURLToPath(ENTRY))) return false;
  // A threshold given (the suite's) takes the thread whatever the machine is doing.
  return minBytes !== undefined || coreToSpare();
}

/** Idle cores, by the 1-minute load average, below which the reading thread is not started. */
const SPARE_CORES = 0.5;

/** True when another core is free for the reading thread: more than one core, not all of them busy. */
export function coreToSpare(cores = availableParallelism(), load = loadavg()[0] ?? 0): boolean {
  return cores > 1 && cores - load >= SPARE_CORES;
}

/**
 * Reads `file` in a thread of its own, handing each batch to `write` (in this thread) as it comes. `check`
 * is called between batches (interrupts); when it or `write` throws, the thread is stopped and the error
 * goes on. The table opened here gave the header and columns; the thread opens the file again to read it.
 */
export async function readInThread(
  file: string,
  table: Table,
  options: TableOptions & { map?: ColumnOverrides },
  ctx: ReadContext,
  write: (batch: RowBatch) => void,
  check: () => void,
): Promise<RowsRead> {
  const input: ReaderInput = {
    file,
    table: { encoding: options.encoding, delimiter: options.delimiter, map: [...(options.map ?? new Map())] },
    ctx,
    lang: currentLang(),
    interrupts: interruptBuffer(),
    testHooks: testHooksArmed(),
  };
  const worker = new Worker(ENTRY, { workerData: input, resourceLimits: READER_LIMITS });
  const queue: (ReaderMessage | { kind: 'died'; detail: string })[] = [];
  let wake: (() => void) | null = null;
  const push = (m: (typeof queue)[number]) => {
    queue.push(m);
    wake?.();
  };
  worker.on('message', (m: ReaderMessage) => push(m));
  worker.on('error', (error: Error) => push({ kind: 'died', detail: error.message }));
  worker.on('exit', (code: number) => push({ kind: 'died', detail: t.errors.threadExit(String(code)) }));
  try {
    for (;;) {
      let m = queue.shift();
      while (m === undefined) {
        await new Promise<void>((resolve) => (wake = resolve));
        wake = null;
        m = queue.shift();
      }
      check();
      if (m.kind === 'start') {
        if (m.headerLine !== table.headerLine || m.header.join('\0') !== table.header.join('\0')) throw new InputError(t.reading.changedWhileRead(), file);
      } else if (m.kind === 'batch') {
        write({ values: JSON.parse(m.values) as unknown[], rejects: m.rejects, read: m.read });
        worker.postMessage('ack');
      } else if (m.kind === 'end') {
        return m.read;
      } else if (m.kind === 'failed') {
        throw m.input ? new InputError(m.message, m.file ?? file, m.line) : new InputError(t.reading.readerStopped(m.message), file);
      } else {
        throw new InputError(t.reading.readerStopped(m.detail), file);
      }
    }
  } finally {
    worker.removeAllListeners();
    await worker.terminate();
  }
}
