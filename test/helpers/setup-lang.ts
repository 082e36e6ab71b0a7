/**
 * Every test starts in English, as runCli does: most tests assert behaviour and read the English text,
 * whether they call the CLI or a core function. Indonesian texts are asserted with `{ PRAKERJA_LANG: 'id' }`
 * or `inLang('id', …)`. Set before each test, not once per file: a command run in-process sets the language
 * for its run, and a test that ran one in Indonesian must not leave the next test reading Indonesian (the
 * disk-full test read Indonesian once the read-only test before it was skipped).
 */
import { beforeEach } from 'vitest';
import { setLang } from '../../src/i18n/index.js';

setLang('en');
beforeEach(() => setLang('en'));
