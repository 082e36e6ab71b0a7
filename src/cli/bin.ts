/**
 * The process prakerja runs as: the command itself runs in a worker thread (worker.ts), and this thread
 * only waits for it and handles signals. That is what makes Ctrl-C and SIGTERM work during the synchronous
 * phases (index build, resolve, purge), where no signal handler in the command's own thread could run:
 *
 * - the first SIGINT/SIGTERM sets the shared interrupt flag (src/interrupt.ts) at once; the command stops
 *   at its next check, rolls back what it was writing and exits 130 (SIGINT) or 143 (SIGTERM), saying so;
 * - a second one stops the process at once, even inside a long SQLite call; SQLite's write-ahead log then
 *   keeps the database as of its last commit.
 */
import { setFlagsFromString } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { inLang, t } from '../i18n/index.js';
import { interruptBuffer, requestInterrupt, type StopSignal } from '../interrupt.js';
import { EXIT } from './exit-codes.js';
import { languageOf } from './language.js';
import type { WorkerInput } from './worker.js';

/**
 * How far V8 lets the heap grow past what was live at its last full collection before it collects again.
 * Left to itself it allows about twice: a resolve holds every record in memory (~200 bytes each), so at 1.1 M
 * records the slack was ~250 MB of garbage on top of 260 MB live (peak RSS 724 MB). At 25 % the peak is
 * 551 MB, for a few more full collections (about 2 s of a 20 s resolve). With session 8's resolve, 25 % peaked at
 * 591-604 MB (five runs, the goal is 600), 22 % at 582-595 and 20 % at 576-582 for about 1-3 s more of a 31 s
 * resolve (2 December, 1.1 M, one build alternated). Set before the worker's heap exists, so it holds for the
 * whole command.
 */
export const HEAP_GROWING_PERCENT = 20;

export interface MainOptions {
  /**
   * Arm the test hooks (src/test-hooks.ts) in the command's thread. bin/prakerja never does; the test
   * suite's entry point (test/helpers/prakerja-test-bin.mjs, not shipped) does.
   */
  testHooks?: boolean;
}

export async function main(argv: readonly string[], options: MainOptions = {}): Promise<void> {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  const args = argv.slice(2);
  const input: WorkerInput = {
    args,
    interrupts: interruptBuffer(),
    isTTY: process.stdout.isTTY === true && process.stderr.isTTY === true,
    testHooks: options.testHooks === true,
  };
  const worker = new Worker(new URL('./worker.js', import.meta.url), { workerData: input });
  let signals = 0;
  const onSignal = (signal: StopSignal) => {
    signals++;
    if (signals === 1) {
      requestInterrupt(signal);
      process.stderr.write(`prakerja: ${say(args, () => t.recovery.stopping())}\n`);
      return;
    }
    process.stderr.write(`prakerja: ${say(args, () => t.recovery.stoppedAtOnce())}\n`);
    // Die of the signal itself (the shell sees 128 + its number) without waiting for the worker, which may be
    // inside a long SQLite call that nothing can interrupt.
    process.removeAllListeners(signal);
    process.kill(process.pid, signal);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  // `prakerja status | head`: the reader left, which is not an error of ours. Stop quietly, no stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
  let code: number | undefined;
  worker.on('message', (value: unknown) => {
    if (typeof value === 'number') code = value;
  });
  let crashed: unknown;
  worker.on('error', (error: unknown) => (crashed = error));
  await new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  process.off('SIGINT', onSignal);
  process.off('SIGTERM', onSignal);
  if (code !== undefined) {
    process.exitCode = code;
    return;
  }
  if (crashed !== undefined) {
    const message = crashed instanceof Error ? crashed.message : String(crashed);
    process.stderr.write(`prakerja: ${say(args, () => t.errors.unexpected(message))}\n${say(args, () => t.errors.reportBug())}\n`);
    if (process.env.PRAKERJA_DEBUG && crashed instanceof Error && crashed.stack) process.stderr.write(`${crashed.stack}\n`);
    process.exitCode = EXIT.failure;
    return;
  }
  // The worker ran out of things to do before the command finished: a reader that lost a promise (exceljs
  // on some damaged workbooks). An open transaction was never committed, so SQLite rolled it back.
  process.stderr.write(`prakerja: ${say(args, () => t.errors.neverFinished())}\n`);
  process.exitCode = EXIT.failure;
}

/** A message in the run's language (this thread has not parsed the command line; a bad --lang means Indonesian). */
function say(args: readonly string[], text: () => string): string {
  let lang: ReturnType<typeof languageOf> = 'id';
  try {
    lang = languageOf(args, process.env);
  } catch {
    // The worker reports the bad --lang itself.
  }
  return inLang(lang, text);
}
