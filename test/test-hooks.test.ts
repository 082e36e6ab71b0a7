/**
 * The fault-injection hooks (src/test-hooks.ts) ship in dist/ because core code calls them, but the shipped
 * `bin/prakerja` never arms them: a PRAKERJA_TEST_* variable in a user's environment changes nothing. Only
 * the suite's own entry point (test/helpers/prakerja-test-bin.mjs, not in the package) arms them.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from './helpers/cli.js';
import { ensureBuilt, runBin, validNik } from './helpers/process.js';

beforeAll(() => ensureBuilt(), 120_000);

function list(dir: string): string {
  const file = join(dir, 'gel1.csv');
  writeFileSync(file, `NIK,Nama,Gelombang\n${[0, 1, 2].map((i) => `${validNik(i)},WARGA NOMOR ${i},1`).join('\n')}\n`);
  return file;
}

describe('PRAKERJA_TEST_* in the environment of the shipped prakerja', () => {
  it('a fault asked for is not injected: the import succeeds', async () => {
    const dir = tempDir();
    const r = await runBin(['--db', join(dir, 'p.sqlite'), 'import', list(dir), '--source', 'central'], { PRAKERJA_TEST_FAULT: 'resolve-write' }, { shipped: true });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
  }, 60_000);

  it('a pause asked for does not pause', async () => {
    const dir = tempDir();
    const r = await runBin(['--db', join(dir, 'p.sqlite'), 'import', list(dir), '--source', 'central'], { PRAKERJA_TEST_PAUSE: 'resolve-write' }, { shipped: true });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('prakerja-test');
  }, 60_000);

  it('the suite\'s entry point does arm them (so the two tests above prove something)', async () => {
    const dir = tempDir();
    const r = await runBin(['--db', join(dir, 'p.sqlite'), 'import', list(dir), '--source', 'central'], { PRAKERJA_TEST_FAULT: 'resolve-write' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('the disk is full while matching');
  }, 60_000);
});
