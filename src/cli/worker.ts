/**
 * The thread a command runs in when prakerja is started from the command line (see bin.ts): the same
 * `run()` the tests call in-process, with the main thread's interrupt flag and its terminal.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { useInterruptBuffer } from '../interrupt.js';
import { armTestHooks } from '../test-hooks.js';
import { processIo } from './io.js';
import { run } from './main.js';

export interface WorkerInput {
  args: string[];
  interrupts: SharedArrayBuffer;
  /** The main thread's stdout and stderr are terminals (a worker's own streams never are). */
  isTTY: boolean;
  /** Arm the test hooks (src/test-hooks.ts): only the test suite's entry point asks. */
  testHooks: boolean;
}

const input = workerData as WorkerInput;
useInterruptBuffer(input.interrupts);
if (input.testHooks) armTestHooks();
const code = await run(input.args, { ...processIo(), isTTY: input.isTTY });
parentPort?.postMessage(code);
