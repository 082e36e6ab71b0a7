/**
 * The language of everything a person reads, and the `message()` builder the catalogue is made of.
 * A leaf module: it imports nothing of the project, so every layer may use it.
 */

export type Lang = 'id' | 'en';
export const LANGS: readonly Lang[] = ['id', 'en'];

/** Indonesian unless the CLI says otherwise (`--lang en`, `PRAKERJA_LANG=en`); set once per command run. */
let current: Lang = 'id';

export function setLang(lang: Lang): void {
  current = lang;
}

export function currentLang(): Lang {
  return current;
}

/** `id`, `en` (any case, surrounding spaces ignored) → the language; anything else → undefined. */
export function parseLang(text: string): Lang | undefined {
  const wanted = text.trim().toLowerCase();
  return LANGS.find((l) => l === wanted);
}

/** Runs `fn` with another current language, then restores it (a report written in a language asked for). */
export function inLang<T>(lang: Lang, fn: () => T): T {
  const before = current;
  current = lang;
  try {
    return fn();
  } finally {
    current = before;
  }
}

/** The two texts of one message, side by side. Both are required: a missing one does not compile. */
export interface Texts<V> {
  readonly id: V;
  readonly en: V;
}

/** What a message gives: a sentence, or the column headers of a table. */
export type Text = string | readonly string[];

/** A message: call it (with its parameters, if any) to get the text in the current language. */
export type Message<A extends unknown[], R extends Text = string> = ((...args: A) => R) & {
  readonly texts: Texts<R> | Texts<(...args: A) => R>;
};

/**
 * One catalogue entry. The `id` text's parameter types are inferred and the `en` text must take the same:
 *
 * @example
 *   alreadyImported: message({
 *     id: (p: { file: string; batch: number }) => `${p.file}: sudah diimpor sebagai batch ${p.batch}`,
 *     en: (p) => `${p.file}: already imported as batch ${p.batch}`,
 *   }),
 *   nothingToDo: message({ id: 'Tidak ada yang perlu dikerjakan.', en: 'Nothing to do.' }),
 *   columns: message({ id: ['berkas', 'baris'], en: ['file', 'line'] }),
 */
export function message(texts: Texts<string>): Message<[], string>;
export function message(texts: Texts<readonly string[]>): Message<[], readonly string[]>;
export function message<A extends unknown[], R extends Text = string>(texts: Texts<(...args: A) => R>): Message<A, R>;
export function message<A extends unknown[]>(texts: Texts<Text> | Texts<(...args: A) => Text>): Message<A, Text> {
  const say = (...args: A): Text => {
    const text = texts[current];
    return typeof text === 'function' ? text(...args) : text;
  };
  return Object.assign(say, { texts });
}

/**
 * An English count with its noun, singular for one: the count as the message got it (a number, or a string
 * formatNumber made), so `1` and `'1'` are one and `'1,000'` is many. Indonesian nouns need no such help.
 * @example counted('1', 'row') // '1 row'
 * @example counted('12', 'batch', 'batches') // '12 batches'
 */
export function counted(n: string | number, one: string, many = `${one}s`): string {
  return `${n} ${String(n) === '1' ? one : many}`;
}
