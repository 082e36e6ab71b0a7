import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * The one-way data flow, enforced: each folder of src/ may import only the folders listed for it (README,
 * "Development"). `errors.ts` and `i18n/` are leaves that every layer may use. SQL and better-sqlite3 stay
 * in store/; chalk and ora (the terminal) in cli/. test/architecture.test.ts proves the rules bite.
 */
const FOLDERS = ['errors', 'i18n', 'ingest', 'normalise', 'privacy', 'store', 'resolve', 'report', 'commands', 'cli', 'generate', 'tools'];
const LEAVES = ['errors', 'i18n'];
const MAY_IMPORT = {
  errors: ['i18n'],
  i18n: [],
  ingest: [...LEAVES],
  normalise: [...LEAVES, 'ingest'],
  privacy: [...LEAVES, 'normalise'],
  store: [...LEAVES, 'ingest', 'normalise'],
  resolve: [...LEAVES, 'ingest', 'normalise', 'store'],
  report: [...LEAVES, 'ingest', 'normalise', 'privacy', 'store'],
  commands: [...LEAVES, 'ingest', 'normalise', 'privacy', 'store', 'resolve', 'report'],
  cli: [...LEAVES, 'ingest', 'normalise', 'privacy', 'store', 'resolve', 'report', 'commands'],
  // Development code (not in the package): the generator stands on the pure layers only.
  generate: [...LEAVES, 'ingest', 'normalise'],
};

const sqlStart = '^\\s*(SELECT|INSERT|UPDATE|DELETE|CREATE|DROP|ALTER|BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE|PRAGMA|VACUUM|WITH)\\b';
const SQL_ONLY_IN_STORE = [
  { selector: `Literal[value=/${sqlStart}/]`, message: 'SQL lives in src/store/ only: add a store function and call it.' },
  { selector: `TemplateElement[value.raw=/${sqlStart}/]`, message: 'SQL lives in src/store/ only: add a store function and call it.' },
  {
    selector: 'CallExpression[callee.property.name=/^(prepare|pragma|transaction)$/]',
    message: 'The database is used in src/store/ only (transactions: store/transaction.ts).',
  },
];

function boundaries(folder) {
  const allowed = MAY_IMPORT[folder];
  const forbidden = FOLDERS.filter((f) => f !== folder && !allowed.includes(f));
  const files = folder === 'errors' ? ['src/errors.ts'] : [`src/${folder}/**/*.ts`];
  const paths = [];
  if (folder !== 'store') paths.push({ name: 'better-sqlite3', message: 'better-sqlite3 is used in src/store/ only.' });
  if (folder !== 'cli') {
    for (const name of ['chalk', 'ora']) paths.push({ name, message: `${name} is for the terminal: src/cli/ only. Core code returns data or throws.` });
  }
  return {
    files,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths,
          patterns: [
            {
              // src/errors.ts sits beside the folders (`./store/…`); files in a folder reach them with `../`.
              regex: `^${folder === 'errors' ? '\\./' : '(\\.\\./)+'}(${forbidden.join('|')})(/|\\.js$)`,
              message: `src/${folder === 'errors' ? 'errors.ts' : folder} may import only ${allowed.length > 0 ? allowed.join(', ') : 'nothing of the project'}: data flows one way (ingest → normalise → store → resolve → report → commands → cli).`,
            },
          ],
        },
      ],
      ...(folder === 'store' ? {} : { 'no-restricted-syntax': ['error', ...SQL_ONLY_IN_STORE] }),
    },
  };
}

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'src/normalise/wilayah-data.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
  ...Object.keys(MAY_IMPORT).map(boundaries),
  {
    // Only the CLI layer and the dev tools talk to the terminal.
    files: ['src/cli/**', 'src/tools/**', 'bin/**', 'test/**'],
    rules: { 'no-console': 'off' },
  },
);
