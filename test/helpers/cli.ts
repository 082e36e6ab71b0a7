/** Runs the CLI in-process, as a person would type it, and captures what it prints. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { run } from '../../src/cli/main.js';
import { currentLang, setLang } from '../../src/i18n/index.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * English unless `env` says otherwise (`{ PRAKERJA_LANG: 'id' }`; `''` means unset: the default, Indonesian):
 * most tests assert behaviour and read the English text; the Indonesian texts have their own assertions.
 */
export async function runCli(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  // A command sets the language for its run; the test's own language (English, test/helpers/setup-lang.ts)
  // is given back after it, so a core function called next reads English whatever the run asked for.
  const before = currentLang();
  try {
    const code = await run(args, {
      stdout: (t) => void (stdout += t),
      stderr: (t) => void (stderr += t),
      env: { PRAKERJA_LANG: 'en', ...env },
      isTTY: false,
    });
    return { code, stdout, stderr };
  } finally {
    setLang(before);
  }
}

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A fresh temporary folder, removed after the test. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'prakerja-test-'));
  dirs.push(dir);
  return dir;
}

/** The repository's fixtures folder. */
export const FIXTURES = new URL('../../fixtures/', import.meta.url).pathname;
