/**
 * Real child processes of the built binary, for what only a real process shows: signals, kills, two
 * writers at once. `npm test` builds before vitest; ensureBuilt() rebuilds only when src is newer than dist.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { once } from 'node:events';

export const ROOT = new URL('../../', import.meta.url).pathname;
/** What users run, with the test hooks unarmed. */
const SHIPPED_BIN = join(ROOT, 'bin/prakerja');
/** The same program with the test hooks of src/test-hooks.ts armed (PRAKERJA_TEST_PAUSE, _FAULT, …). */
const TEST_BIN = join(ROOT, 'test/helpers/prakerja-test-bin.mjs');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

export function ensureBuilt(): void {
  const main = join(ROOT, 'dist/cli/main.js');
  if (existsSync(main) && statSync(main).mtimeMs >= newestMtime(join(ROOT, 'src'))) return;
  execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' });
}

export interface ProcessResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface StartOptions {
  uid?: number;
  gid?: number;
  /** Run bin/prakerja itself, whose test hooks are not armed, instead of the suite's entry point. */
  shipped?: boolean;
}

/**
 * Starts prakerja ARGS with no colour and no terminal, in English unless `env` sets PRAKERJA_LANG: the
 * suite's entry point, which is bin/prakerja with the test hooks armed, unless `shipped`.
 */
export function startBin(args: readonly string[], env: NodeJS.ProcessEnv = {}, options: StartOptions = {}): ChildProcess & { result: Promise<ProcessResult> } {
  const { shipped, ...as } = options;
  const child = spawn(process.execPath, [shipped ? SHIPPED_BIN : TEST_BIN, ...args], {
    ...as,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: '1', PRAKERJA_LANG: 'en', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const result = once(child, 'close').then(([code, signal]) => ({
    code: code as number | null,
    signal: signal as NodeJS.Signals | null,
    stdout,
    stderr,
  }));
  return Object.assign(child, { result });
}

/**
 * Whether a user who is neither the owner nor in the group of the project's folders (such as `nobody`) can
 * reach the project: every folder above it must let others through. A clone inside a `mktemp -d` folder
 * (mode 0700) does not.
 */
export function projectReachableByOthers(): boolean {
  for (let dir = ROOT.replace(/\/$/, ''); ; dir = dirname(dir)) {
    if ((statSync(dir).mode & 0o001) === 0) return false;
    if (dirname(dir) === dir) return true;
  }
}

export function runBin(args: readonly string[], env: NodeJS.ProcessEnv = {}, options: StartOptions = {}): Promise<ProcessResult> {
  return startBin(args, env, options).result;
}

/** The i-th of a series of distinct, valid NIKs of Kota Medan (1271), as a string. */
export function validNik(i: number): string {
  const day = (i % 28) + 1 + (i % 2 === 0 ? 0 : 40);
  const month = (Math.floor(i / 28) % 12) + 1;
  const year = 70 + (Math.floor(i / 336) % 30);
  const serial = Math.floor(i / 10_080) + 1;
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  return `127101${pad(day, 2)}${pad(month, 2)}${pad(year, 2)}${pad(serial, 4)}`;
}

/** Writes a central list of `rows` recipients (NIK, Nama, Gelombang), streamed so 200k rows stay cheap. */
export async function writeRecipientCsv(path: string, rows: number, offset = 0): Promise<void> {
  const out = createWriteStream(path);
  out.write('NIK,Nama,Gelombang\n');
  for (let i = 0; i < rows; i++) {
    const n = i + offset;
    const line = `${validNik(n)},WARGA ${letters(n)},${(n % 5) + 1}\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

function letters(n: number): string {
  let s = '';
  let k = n;
  do {
    s += String.fromCharCode(65 + (k % 26));
    k = Math.floor(k / 26);
  } while (k > 0);
  return s;
}

/**
 * Resolves when the child has written a line matching `pattern` to standard error (a test pause point or a
 * message), so a test acts on an event, never on a timer. Rejects if the child ends first.
 */
export function stderrLine(child: ChildProcess & { result: Promise<ProcessResult> }, pattern: RegExp): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const onData = (d: Buffer) => {
      seen += d.toString();
      if (pattern.test(seen)) {
        child.stderr?.off('data', onData);
        resolve();
      }
    };
    child.stderr?.on('data', onData);
    void child.result.then((r) => reject(new Error(`the process ended (code ${r.code}, signal ${r.signal}) before printing ${pattern}: ${r.stderr}`)));
  });
}
