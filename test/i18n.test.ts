import { describe, expect, it } from 'vitest';
import { languageOf } from '../src/cli/main.js';
import { currentLang, inLang, message, t } from '../src/i18n/index.js';
import { runCli } from './helpers/cli.js';

describe('message catalogue', () => {
  const entries = Object.entries(t).flatMap(([area, messages]) => Object.entries(messages).map(([key, m]) => [`${area}.${key}`, m] as const));

  it('has messages', () => {
    expect(entries.length).toBeGreaterThan(10);
  });

  it.each(entries)('%s has an Indonesian and an English text of the same shape', (_key, m) => {
    const { id, en } = m.texts;
    expect(typeof id).toBe(typeof en);
    if (typeof id === 'string' && typeof en === 'string') {
      expect(id.trim()).not.toBe('');
      expect(en.trim()).not.toBe('');
    } else if (Array.isArray(id) && Array.isArray(en)) {
      expect(id).toHaveLength(en.length);
      expect([...id, ...en].every((w) => typeof w === 'string' && w.trim() !== '')).toBe(true);
    } else {
      expect(typeof id).toBe('function');
      expect(id.length).toBe(en.length);
    }
  });

  it('gives the text of the current language, and inLang switches it for a while', () => {
    const m = message({ id: (p: { n: number }) => `${p.n} baris`, en: (p) => `${p.n} rows` });
    expect(inLang('id', () => m({ n: 3 }))).toBe('3 baris');
    expect(inLang('en', () => m({ n: 3 }))).toBe('3 rows');
    const before = currentLang();
    expect(() => inLang('en', () => { throw new Error('x'); })).toThrow('x');
    expect(currentLang()).toBe(before);
  });
});

describe('choosing the language', () => {
  it.each([
    [['status'], {}, 'id'],
    [['status'], { PRAKERJA_LANG: 'en' }, 'en'],
    [['status'], { PRAKERJA_LANG: ' EN ' }, 'en'],
    [['status'], { PRAKERJA_LANG: '' }, 'id'],
    [['--lang', 'en', 'status'], {}, 'en'],
    [['report', 'waves', '--lang=en'], { PRAKERJA_LANG: 'id' }, 'en'],
    [['--lang', 'id', 'status'], { PRAKERJA_LANG: 'en' }, 'id'],
    [['import', '--', '--lang', 'en'], {}, 'id'],
  ] as const)('%j with %j → %s', (args, env, lang) => {
    expect(languageOf(args, env)).toBe(lang);
  });

  it('is Indonesian by default: help titles, descriptions and commander words', async () => {
    const r = await runCli(['--help'], { PRAKERJA_LANG: '' });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Cara pakai: prakerja \[opsi\] \[perintah\]\n/);
    expect(r.stdout).toContain('Opsi:\n');
    expect(r.stdout).toContain('Perintah:\n');
    expect(r.stdout).toContain('tampilkan bantuan perintah ini');
    expect(r.stdout).toContain('Daftar penerima Kartu Prakerja untuk Dinas Tenaga Kerja');
  });

  it('is English with --lang en, and with PRAKERJA_LANG=en', async () => {
    for (const [args, env] of [
      [['--lang', 'en', '--help'], { PRAKERJA_LANG: '' }],
      [['--help'], { PRAKERJA_LANG: 'en' }],
    ] as const) {
      const r = await runCli(args, env);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^Usage: prakerja \[options\] \[command\]\n/);
      expect(r.stdout).toContain('Kartu Prakerja recipient lists for regional labour offices');
      expect(r.stdout).toContain('display help for command');
    }
  });

  it('refuses a language it does not have, in words of the other setting (exit 2)', async () => {
    const flag = await runCli(['--lang', 'fr', 'status'], { PRAKERJA_LANG: '' });
    expect(flag).toMatchObject({ code: 2, stdout: '' });
    expect(flag.stderr).toBe('prakerja: --lang fr: pilih id (Bahasa Indonesia) atau en (English).\n');
    const env = await runCli(['status'], { PRAKERJA_LANG: 'fr' });
    expect(env.code).toBe(2);
    expect(env.stderr).toBe('prakerja: PRAKERJA_LANG=fr: pilih id (Bahasa Indonesia) atau en (English).\n');
    const en = await runCli(['--lang=de', 'status'], { PRAKERJA_LANG: 'en' });
    expect(en.stderr).toBe('prakerja: --lang de: choose id (Indonesian) or en (English).\n');
  });

  it("translates commander's usage errors", async () => {
    const id = await runCli(['status', '--nope'], { PRAKERJA_LANG: 'id' });
    expect(id.code).toBe(2);
    expect(id.stderr).toContain("kesalahan: opsi '--nope' tidak dikenal");
    expect(id.stderr).toContain('\n(cara pemakaiannya: prakerja status --help)\n');
    const en = await runCli(['status', '--nope']);
    expect(en.code).toBe(2);
    expect(en.stderr).toContain("error: unknown option '--nope'");
    expect(en.stderr).toContain('\n(how to use it: prakerja status --help)\n');
    // The command that was wrong is the one named, subcommands too; the program's own for a wrong command.
    expect((await runCli(['review', 'export', 'x.csv', '--nope'])).stderr).toContain('(how to use it: prakerja review export --help)');
    expect((await runCli(['statu'])).stderr).toContain('(how to use it: prakerja --help)');
    const cmd = await runCli(['statu'], { PRAKERJA_LANG: 'id' });
    expect(cmd.code).toBe(2);
    expect(cmd.stderr).toContain("kesalahan: perintah 'statu' tidak dikenal\n(Mungkin maksudnya status?)");
  });
});
