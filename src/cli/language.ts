/** The language of a run, read from its arguments and environment before anything else (bin.ts needs it too). */
import { UsageError } from '../errors.js';
import { inLang, parseLang, t, type Lang } from '../i18n/index.js';

/**
 * The language of this run: `--lang X` (or `--lang=X`) anywhere before `--`, else PRAKERJA_LANG, else
 * Indonesian. A value that is neither language is a usage error.
 */
export function languageOf(args: readonly string[], env: NodeJS.ProcessEnv): Lang {
  const fromEnv = env.PRAKERJA_LANG ?? '';
  const envLang = fromEnv === '' ? 'id' : parseLang(fromEnv);
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    if (arg === '--') break;
    const value = arg === '--lang' ? args[i + 1] : arg.startsWith('--lang=') ? arg.slice('--lang='.length) : undefined;
    if (value === undefined) continue;
    const lang = parseLang(value);
    // Said in the language of the environment, if that one is usable.
    if (!lang) throw new UsageError(inLang(envLang ?? 'id', () => t.cli.badLang(`--lang ${value}`)));
    return lang;
  }
  if (!envLang) throw new UsageError(t.cli.badLang(`PRAKERJA_LANG=${fromEnv}`));
  return envLang;
}
