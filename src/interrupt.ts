/**
 * SIGINT/SIGTERM as a flag in shared memory, so that long synchronous work (an index build, resolve, purge)
 * can see it between steps. Signal handlers run only when a thread's event loop turns, which synchronous
 * work never lets happen; so the command runs in a worker thread (src/cli/worker.ts) while the main thread
 * (src/cli/bin.ts) only waits and handles signals: it sets this flag the moment a signal arrives, and the
 * worker's next `checkInterrupt()` throws an InterruptedError, which rolls back what was being written.
 * A leaf module like errors.ts: every layer may call `checkInterrupt()`.
 */
import { InterruptedError } from './errors.js';

export type StopSignal = 'SIGINT' | 'SIGTERM';

const CODES: Record<StopSignal, number> = { SIGINT: 2, SIGTERM: 15 };

let flag = new Int32Array(new SharedArrayBuffer(4));

/** The buffer to hand to a worker, so both threads see one flag. */
export function interruptBuffer(): SharedArrayBuffer {
  return flag.buffer as SharedArrayBuffer;
}

/** In the worker: use the main thread's flag. */
export function useInterruptBuffer(buffer: SharedArrayBuffer): void {
  flag = new Int32Array(buffer);
}

/** Records a signal (the first one wins) and wakes anything waiting on the flag (a test pause). */
export function requestInterrupt(signal: StopSignal): void {
  Atomics.compareExchange(flag, 0, 0, CODES[signal]);
  Atomics.notify(flag, 0);
}

export function pendingInterrupt(): StopSignal | null {
  const code = Atomics.load(flag, 0);
  return code === 0 ? null : code === CODES.SIGTERM ? 'SIGTERM' : 'SIGINT';
}

/**
 * Throws an InterruptedError when a signal has arrived (or `signal`, the caller's own AbortSignal, was
 * aborted). Cheap (one atomic read): call it between the steps of any long piece of work.
 * @example for (const row of rows) { checkInterrupt(); … }
 */
export function checkInterrupt(signal?: AbortSignal, file?: string): void {
  const stop = signal?.aborted ? (signal.reason === 'SIGTERM' ? 'SIGTERM' : 'SIGINT') : pendingInterrupt();
  if (stop) throw new InterruptedError(file, undefined, stop);
}

/** Blocks the thread until a signal arrives or `ms` pass (a test pause standing in for long synchronous work). */
export function waitForInterrupt(ms: number): void {
  Atomics.wait(flag, 0, 0, ms);
}
