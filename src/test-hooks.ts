/**
 * Points where the process tests stop a real prakerja, so that they kill or signal it at a chosen moment
 * instead of racing a timer, or make it fail as on a full disk.
 *
 * They do nothing until `armTestHooks()` is called in the thread that runs the command: the suite's entry
 * point (test/helpers/prakerja-test-bin.mjs, which passes `testHooks` to cli/bin.ts `main`) and its
 * in-process setup (test/helpers/setup-hooks.ts) do; the shipped bin/prakerja never does, so the
 * PRAKERJA_TEST_* variables in a user's environment change nothing.
 *
 * PRAKERJA_TEST_PAUSE=POINT or POINT:N pauses at the N-th time (default the first) the code passes POINT:
 * it writes `prakerja-test: paused at POINT` to standard error (the one line core code ever writes, and
 * only for tests) and blocks the thread, as a long synchronous step would, for up to 60 seconds or until a
 * signal arrives (the work then goes on to its next check for interrupts). With PRAKERJA_TEST_PAUSE_STUCK=1
 * it ignores signals too, as a long native call (CREATE INDEX, VACUUM) does: only a second Ctrl-C stops it.
 */
import { writeSync } from 'node:fs';
import { waitForInterrupt } from './interrupt.js';

const hits = new Map<string, number>();
let armed = false;

/** Lets the hooks below act on their PRAKERJA_TEST_* variables, in this thread. Tests only. */
export function armTestHooks(): void {
  armed = true;
}

/**
 * A test setting from `env` (PRAKERJA_TEST_CHECKPOINT_WAIT_MS), or undefined unless the hooks are armed.
 * @example testSetting(ctx.io.env, 'PRAKERJA_TEST_CHECKPOINT_WAIT_MS') // '50' in a test, undefined shipped
 */
export function testSetting(env: NodeJS.ProcessEnv, name: `PRAKERJA_TEST_${string}`): string | undefined {
  return armed ? env[name] : undefined;
}

export function testPause(point: string): void {
  if (!armed) return;
  const wanted = process.env.PRAKERJA_TEST_PAUSE;
  if (!wanted) return;
  const [name, nth] = wanted.split(':');
  if (name !== point) return;
  const hit = (hits.get(point) ?? 0) + 1;
  hits.set(point, hit);
  if (hit !== Number(nth ?? 1)) return;
  writeSync(2, `prakerja-test: paused at ${point}\n`);
  if (process.env.PRAKERJA_TEST_PAUSE_STUCK === '1') Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000);
  else waitForInterrupt(60_000);
}

/**
 * PRAKERJA_TEST_FAULT=POINT makes the code at POINT fail as SQLite does on a full disk (SQLITE_FULL), so a
 * test can show what a full disk at that step leaves and says. Only when armed.
 */
export function testFault(point: string): void {
  if (!armed || process.env.PRAKERJA_TEST_FAULT !== point) return;
  throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
}
