/**
 * The folder boundaries of eslint.config.js bite: each snippet below breaks one, as a file at the given path
 * would, and ESLint (its Node API, the project's own config) must say so. `npm run lint` then proves none
 * remain in src/.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`);
}

describe('folder boundaries (eslint.config.js)', () => {
  it.each([
    ['src/ingest/bad.ts', "import { openDatabase } from '../store/database.js';\nexport const x = openDatabase;\n", /src\/ingest may import only errors, i18n/],
    ['src/normalise/bad.ts', "import { resolveRecords } from '../resolve/index.js';\nexport const x = resolveRecords;\n", /src\/normalise may import only/],
    ['src/report/bad.ts', "import { officeRegion } from '../commands/init.js';\nexport const x = officeRegion;\n", /src\/report may import only/],
    ['src/resolve/bad.ts', "import { run } from '../cli/main.js';\nexport const x = run;\n", /src\/resolve may import only/],
    ['src/resolve/bad2.ts', "import { waveRecap } from '../report/wave-recap.js';\nexport const x = waveRecap;\n", /src\/resolve may import only/],
    ['src/i18n/bad.ts', "import { UsageError } from '../errors.js';\nexport const x = UsageError;\n", /src\/i18n may import only nothing of the project/],
    ['src/errors.ts', "import { maskNik } from './normalise/nik.js';\nexport const x = maskNik;\n", /src\/errors.ts may import only i18n/],
    ['src/resolve/bad3.ts', "import Database from 'better-sqlite3';\nexport const x = Database;\n", /better-sqlite3 is used in src\/store\/ only/],
    ['src/report/bad2.ts', "import chalk from 'chalk';\nexport const x = chalk;\n", /chalk is for the terminal/],
    ['src/commands/bad.ts', "import type { Db } from '../store/database.js';\nexport const n = (db: Db) => db.prepare('SELECT count(*) FROM records').get();\n", /The database is used in src\/store\/ only/],
    ['src/commands/bad2.ts', "export const SQL = `DELETE FROM records WHERE id = ?`;\n", /SQL lives in src\/store\/ only/],
    ['src/report/bad3.ts', "export const SQL = 'SELECT 1';\n", /SQL lives in src\/store\/ only/],
  ])('%s: %s is refused', async (file, code, expected) => {
    const found = await problems(file, code);
    expect(found.some((p) => expected.test(p)), found.join('\n')).toBe(true);
  });

  it.each([
    ['src/store/ok.ts', "import Database from 'better-sqlite3';\nexport const x = Database;\nexport const SQL = 'SELECT 1';\n"],
    ['src/resolve/ok.ts', "import { resolveRows } from '../store/resolve.js';\nimport { t } from '../i18n/index.js';\nexport const x = [resolveRows, t];\n"],
    ['src/report/ok.ts', "import { UsageError } from '../errors.js';\nexport const x = UsageError;\n"],
    ['src/cli/commands/ok.ts', "import chalk from 'chalk';\nimport { explain } from '../../commands/explain.js';\nexport const x = [chalk, explain];\n"],
    ['src/commands/ok.ts', "export const words = 'Select the file; update it';\n"],
    ['src/store/ok2.ts', "import { resolveRows } from './resolve.js';\nexport const x = resolveRows;\n"],
  ])('%s: allowed imports pass', async (file, code) => {
    expect(await problems(file, code)).toEqual([]);
  });
});
