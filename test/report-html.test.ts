import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCli } from './helpers/cli.js';
import { loadFixture, makeFixture, type Fixture } from './helpers/report-fixture.js';
import { expectedKecamatanRows, expectedMonthlyRows, expectedWaveRows } from './helpers/report-truth.js';

const CHROMIUM = '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
// Without these flags Chromium waits for the network this machine does not have.
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

let dir = '';
let db = '';
let fx: Fixture;
let page = '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'prakerja-report-html-'));
  db = join(dir, 'p.sqlite');
  // A 2020-like year: waves 1–11, the desk open from April.
  fx = makeFixture({ waves: 11, perWave: 90, visitorsOnly: 60, seed: 2020, months: ['2020-04', '2020-05', '2020-06', '2020-07', '2020-08', '2020-09', '2020-10', '2020-11'] });
  await loadFixture(fx, dir, db);
  page = join(dir, 'rekap.html');
  const r = await runCli(['--db', db, 'report', 'all', '--age-at', '2020-07-01', '--out', page], { PRAKERJA_LANG: 'id' });
  if (r.code !== 0) throw new Error(r.stderr);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('HTML report', () => {
  test('one self-contained page: no script, no external resource, every number escaped into tables', () => {
    const html = readFileSync(page, 'utf8');
    expect(html).not.toMatch(/<script|<link|\bsrc=|\bhref=|@import|url\(/i);
    expect(html).toContain('@media print');
    expect(html.match(/<svg /g)).toHaveLength(3);
    const total = expectedWaveRows(fx, '2020-07-01').reduce((n, w) => n + w.recipients, 0);
    expect(html).toContain(`<tr class="total"><td>Jumlah</td><td class="num">${total.toLocaleString('id-ID')}</td>`);
    expect(statSync(page).mode & 0o077).not.toBe(0);
  });

  test.skipIf(!haveChromium)(`renders in headless Chromium: a bar per wave, month and kecamatan; screenshot and PDF${haveChromium ? '' : ' (skipped: /usr/bin/chromium is not installed; apt-get install chromium)'}`, async () => {
    let browser: Browser | undefined;
    try {
      browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
      const tab = await browser.newPage({ viewport: { width: 1300, height: 900 } });
      const requests: string[] = [];
      tab.on('request', (req) => requests.push(req.url()));
      await tab.goto(pathToFileURL(page).href);

      expect(await tab.locator('svg').count()).toBe(3);
      expect(await tab.locator('#chart-waves rect.bar').count()).toBe(fx.waves.length);
      expect(await tab.locator('#chart-waves circle.share-dot').count()).toBe(fx.waves.length);
      expect(await tab.locator('#chart-monthly rect.bar').count()).toBe(expectedMonthlyRows(fx).length);
      expect(await tab.locator('#chart-area rect.bar').count()).toBe(expectedKecamatanRows(fx, null).length);
      // Bars are drawn to scale: the tallest bar is the wave with the most recipients.
      const heights = await tab.locator('#chart-waves rect.bar').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));
      const recipients = expectedWaveRows(fx, '2020-07-01').map((w) => w.recipients);
      expect(heights.indexOf(Math.max(...heights))).toBe(recipients.indexOf(Math.max(...recipients)));
      expect(Math.min(...heights)).toBeGreaterThan(0);
      expect(await tab.locator('#waves tbody tr').count()).toBe(fx.waves.length + 1);
      expect(requests).toEqual([pathToFileURL(page).href]);

      const shot = join(dir, 'rekap.png');
      await tab.screenshot({ path: shot, fullPage: true });
      expect(readFileSync(shot).subarray(1, 4).toString()).toBe('PNG');
      if (process.env.PRAKERJA_SCREENSHOT) copyFileSync(shot, resolve(process.env.PRAKERJA_SCREENSHOT));
      const pdf = await tab.pdf({ format: 'A4', landscape: true });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    } finally {
      await browser?.close();
    }
  }, 60_000);
});
