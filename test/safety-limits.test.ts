/**
 * Issue 16, item 6: no input makes an import hold hundreds of megabytes or hang. Over-long lines and cells
 * are rejected with the limit in the message, in a process whose heap is capped far below their size; what
 * is not a regular file is refused before it is read.
 */
import { execFileSync } from 'node:child_process';
import { createWriteStream, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import type { Transform } from 'node:stream';
import Database from 'better-sqlite3';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { capLines, capXmlText, LINE_CUT, TOO_LONG } from '../src/ingest/limits.js';
import { runCli, tempDir } from './helpers/cli.js';
import { ensureBuilt, runBin, startBin, validNik } from './helpers/process.js';
import { writeTinyXlsx } from './helpers/tiny-xlsx.js';

beforeAll(() => ensureBuilt(), 120_000);

const started: { kill: () => boolean }[] = [];
afterEach(() => {
  for (const c of started.splice(0)) c.kill();
});

function stored(db: string): { records: number; longestName: number; rejects: { line: number; reason: string; message: string }[] } {
  const conn = new Database(db, { readonly: true });
  try {
    return {
      records: Number(conn.prepare('SELECT count(*) FROM records').pluck().get()),
      longestName: Number(conn.prepare('SELECT coalesce(max(length(name_raw)), 0) FROM records').pluck().get()),
      rejects: conn.prepare<[], { line: number; reason: string; message: string }>('SELECT line, reason, message FROM rejects ORDER BY line').all(),
    };
  } finally {
    conn.close();
  }
}

function rawOfReject(db: string, line: number): string {
  const conn = new Database(db, { readonly: true });
  try {
    return String(conn.prepare('SELECT raw FROM rejects WHERE line = ?').pluck().get(line));
  } finally {
    conn.close();
  }
}

/** A heap far smaller than the over-long input: the old reader dies of it (rc 134). */
const SMALL_HEAP = { NODE_OPTIONS: '--max-old-space-size=96', PRAKERJA_LANG: 'en' };

describe('size limits (issue 16.6)', () => {
  it('a CSV line of 150 MB is rejected with the limit, in a 96 MB heap; the rows around it are imported', async () => {
    const dir = tempDir();
    const file = join(dir, 'besar.csv');
    const out = createWriteStream(file);
    out.write(`NIK,Nama,Gelombang\n${validNik(1)},SITI AMINAH,1\n${validNik(2)},`);
    const mb = 'A'.repeat(1 << 20);
    for (let i = 0; i < 150; i++) if (!out.write(mb)) await once(out, 'drain');
    out.end(`,1\n${validNik(3)},BUDI SANTOSO,1\n`);
    await once(out, 'finish');
    const db = join(dir, 'data.sqlite');
    const r = await runBin(['--db', db, 'import', file, '--source', 'central', '--no-resolve'], SMALL_HEAP);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/3 rows: imported 2, rejected 1/);
    const s = stored(db);
    expect(s.records).toBe(2);
    expect(s.rejects).toEqual([{ line: 3, reason: 'too_long', message: expect.stringContaining('longer than 1 MiB') }]);
    // The start of the line is kept in the reject, so its NIK can still be found.
    expect(rawOfReject(db, 3)).toContain(validNik(2));
  }, 120_000);

  it('a cell of 100 KB in a short file is rejected, not stored as a name', async () => {
    const dir = tempDir();
    const file = join(dir, 'sel.csv');
    writeFileSync(file, `NIK,Nama,Gelombang\n${validNik(1)},${'B'.repeat(100_000)},1\n${validNik(2)},ANI,1\n`);
    const db = join(dir, 'data.sqlite');
    const r = await runCli(['--db', db, 'import', file, '--source', 'central', '--no-resolve']);
    expect(r.code, r.stderr).toBe(0);
    const s = stored(db);
    expect([s.records, s.longestName]).toEqual([1, 3]);
    expect(s.rejects.map((j) => [j.line, j.reason])).toEqual([[2, 'too_long']]);
    expect(s.rejects[0]?.message).toContain('longer than 32 KiB');
    expect(JSON.parse(rawOfReject(db, 2))).toEqual([validNik(1), '[100000 characters not kept]', '1']);
  });

  it('an XLSX with a 100 MiB shared string is read in a 96 MB heap; the row using it is rejected', async () => {
    const dir = tempDir();
    const file = join(dir, 'besar.xlsx');
    writeTinyXlsx(file, [
      ['NIK', 'Nama', 'Gelombang'],
      [validNik(1), 'SITI AMINAH', '1'],
      [validNik(2), 'C'.repeat(100 << 20), '1'],
      [validNik(3), 'BUDI SANTOSO', '1'],
    ]);
    const db = join(dir, 'data.sqlite');
    const r = await runBin(['--db', db, 'import', file, '--source', 'central', '--no-resolve'], SMALL_HEAP);
    expect(r.code, r.stderr).toBe(0);
    const s = stored(db);
    expect([s.records, s.longestName]).toEqual([2, 12]);
    expect(s.rejects.map((j) => [j.line, j.reason])).toEqual([[3, 'too_long']]);
    expect(JSON.parse(rawOfReject(db, 3))).toEqual([validNik(2), '[more than 32768 bytes not kept]', '1']);
  }, 120_000);
});

describe('not a regular file (issue 16.6)', () => {
  it.each([
    ['/dev/zero', () => '/dev/zero'],
    [
      'a FIFO named .csv',
      () => {
        const fifo = join(tempDir(), 'daftar.csv');
        execFileSync('mkfifo', [fifo]);
        return fifo;
      },
    ],
  ])('%s is refused at once with a clear message, exit 1', async (_name, make) => {
    const file = make();
    const db = join(tempDir(), 'data.sqlite');
    const child = startBin(['--db', db, 'import', file, '--source', 'central', '--wave', '1'], { PRAKERJA_LANG: 'en' });
    started.push(child);
    const r = await child.result;
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toContain('is not a regular file');
  }, 20_000);
});

describe('the stream filters behind the limits', () => {
  async function through(stream: Transform, chunks: (string | Buffer)[]): Promise<string> {
    const out: string[] = [];
    stream.on('data', (d: Buffer | string) => out.push(d.toString()));
    for (const c of chunks) stream.write(c);
    stream.end();
    await once(stream, 'end');
    return out.join('');
  }

  it.each([
    ['short lines pass unchanged', ['a,b\nc,d\n'], 'a,b\nc,d\n'],
    ['a long line becomes the stand-in and its start, its line break kept', ['a\n', 'x'.repeat(30), '\nb\n'], `a\n${LINE_CUT}${'x'.repeat(20)}\nb\n`],
    ['quotes in the kept start are dropped', ['"n,', 'x'.repeat(30), '\n'], `${LINE_CUT}n,${'x'.repeat(17)}\n`],
    ['split over chunks, held until it ends', ['ab', 'c\nd'], 'abc\nd'],
    ['a long last line without a break', ['a\n', 'y'.repeat(40)], `a\n${LINE_CUT}${'y'.repeat(20)}`],
  ])('capLines: %s', async (_name, chunks, expected) => {
    expect(await through(capLines(20), chunks)).toBe(expected);
  });

  it.each([
    ['text under the limit passes unchanged', ['<t>abc</t>'], '<t>abc</t>'],
    ['a long text node becomes the stand-in', ['<si><t>', 'z'.repeat(50), '</t></si>'], `<si><t>${TOO_LONG}</t></si>`],
    ['split tags and text pass unchanged', ['<c r="A', '1"><v>12', '3</v></c>'], '<c r="A1"><v>123</v></c>'],
  ])('capXmlText: %s', async (_name, chunks, expected) => {
    expect(await through(capXmlText(() => new Error('tag'), 20, 100), chunks.map((c) => Buffer.from(c)))).toBe(expected);
  });

  it('capXmlText: a tag over the limit fails the stream', async () => {
    const stream = capXmlText(() => new Error('tag too long'), 20, 100);
    const failed = once(stream, 'error');
    stream.write(Buffer.from(`<c ${'a'.repeat(200)}`));
    expect(String(((await failed) as unknown[])[0])).toContain('tag too long');
  });
});
