/**
 * The Indonesian texts of the catalogue hold no English words: every message is rendered in Indonesian with
 * stand-in parameters and searched for words an English text would use. Command names (`prakerja resolve`),
 * flags, codes in backticks or quotes and the --map field names are the user's own input and stay.
 */
import { describe, expect, it } from 'vitest';
import { inLang, t } from '../src/i18n/index.js';

/** A parameter that is anything a message asks of it (a number, a list, an object) and prints as nothing. */
function standIn(): unknown {
  const target = function () {};
  const proxy: unknown = new Proxy(target, {
    get: (_t, key) => (key === Symbol.toPrimitive ? () => '' : key === 'length' ? 0 : proxy),
    apply: () => proxy,
  });
  return proxy;
}

function rendered(): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  for (const [area, messages] of Object.entries(t)) {
    for (const [key, value] of Object.entries(messages)) {
      if (typeof value !== 'function') continue;
      const say = value as (...args: unknown[]) => unknown;
      let text: unknown;
      try {
        text = inLang('id', () => say(standIn(), standIn(), standIn()));
      } catch {
        continue;
      }
      for (const line of Array.isArray(text) ? text : [text]) if (typeof line === 'string') out.push({ name: `${area}.${key}`, text: line });
    }
  }
  return out;
}

const ENGLISH = /\b(record|records|row|rows|file|files|wave|waves|link|links|person|persons|the|of|with|and|not|is|are)\b/;

describe('the Indonesian catalogue', () => {
  const texts = rendered();

  it('renders most messages with stand-in parameters', () => {
    expect(texts.length).toBeGreaterThan(300);
  });

  it('holds no English words', () => {
    const english = texts
      .map(({ name, text }) => ({
        name,
        text: text
          .replace(/`[^`]*`|"[^"]*"|--[\w-]+(=\w+)?|prakerja \w+( \w+)?|[\w=]+=(nik|name|wave)\b|write-ahead log/g, '')
          .replace(/\b(impor, )?resolve atau report\b/g, ''),
      }))
      .filter(({ text }) => ENGLISH.test(text))
      .map(({ name, text }) => `${name}: ${text}`);
    expect(english).toEqual([]);
  });
});
