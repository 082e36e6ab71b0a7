/**
 * Every test file starts in English, as runCli does: most tests assert behaviour and read the English text,
 * whether they call the CLI or a core function. Indonesian texts are asserted with `{ PRAKERJA_LANG: 'id' }`
 * or `inLang('id', …)`.
 */
import { setLang } from '../../src/i18n/index.js';

setLang('en');
