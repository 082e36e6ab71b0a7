/**
 * A quote that is opened and never closed (or closed many lines later) must not swallow rows while the
 * counts still add up (issue 16 item 2): every physical line below the header is imported, skipped or
 * rejected, and a runaway quote's lines are rejected one by one, each with its own text.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { FIXTURES, runCli, tempDir } from './helpers/cli.js';

interface Summary {
  read: number;
  imported: number;
  rejected: number;
  skipped: number;
  rejectedBy: Record<string, number>;
  skippedBy: Record<string, number>;
}

async function importJson(db: string, file: string, ...args: string[]): Promise<{ code: number; f: Summary; stdout: string }> {
  const r = await runCli(['--db', db, '--json', 'import', file, ...args]);
  const f = (JSON.parse(r.stdout) as { files: Summary[] }).files[0];
  if (!f) throw new Error(r.stdout + r.stderr);
  return { code: r.code, f, stdout: r.stdout };
}

function rejects(db: string): { line: number; reason: string; message: string; raw: string }[] {
  const conn = new Database(db, { readonly: true });
  try {
    return conn.prepare('SELECT line, reason, message, raw FROM rejects ORDER BY line').all() as never;
  } finally {
    conn.close();
  }
}

function storedText(db: string): string {
  const conn = new Database(db, { readonly: true });
  try {
    const records = conn.prepare('SELECT nik_raw, name_raw, extra FROM records').all();
    const raws = conn.prepare('SELECT raw FROM rejects').all();
    return JSON.stringify([records, raws]);
  } finally {
    conn.close();
  }
}

describe('a runaway quote is rejected line by line, with each line kept', () => {
  it('an opening quote never closed (the issue sed case): 12 lines below the header, every NIK kept', async () => {
    const dir = tempDir();
    const db = join(dir, 'p.sqlite');
    const text = readFileSync(join(FIXTURES, 'penerima-gel4-pusat.csv'), 'utf8').replace('S.E.",4', 'S.E.,4');
    const file = join(dir, 'gel4.csv');
    writeFileSync(file, text);
    const { code, f } = await importJson(db, file, '--source', 'central');
    expect(code).toBe(0);
    expect(f).toMatchObject({ read: 12, imported: 8, rejected: 4, skipped: 0, rejectedBy: { unclosed_quote: 4 } });
    const stored = rejects(db);
    expect(stored.map((r) => r.line)).toEqual([10, 11, 12, 13]);
    expect(stored[0]?.message).toContain('an opening quote on line 10 is never closed; lines 10–13 not imported');
    expect(JSON.parse(stored[1]?.raw ?? '[]')).toEqual(['3275026711970002,WULAN SARI,4,penerima,KOTA BEKASI']);
    const kept = storedText(db);
    for (const nik of text.match(/\d{16}/g) ?? []) expect(kept).toContain(nik);
  });

  it("the reject's advice, followed, leaves the fixed list once: --replaces the batch, not --force", async () => {
    const dir = tempDir();
    const db = join(dir, 'p.sqlite');
    const good = readFileSync(join(FIXTURES, 'penerima-gel4-pusat.csv'), 'utf8');
    const file = join(dir, 'gel4.csv');
    writeFileSync(file, good.replace('S.E.",4', 'S.E.,4'));
    const { f } = await importJson(db, file, '--source', 'central');
    expect(f.imported).toBe(8);
    const advice = rejects(db)[0]?.message ?? '';
    // --force replaces only a batch with the same bytes or rows; the fixed file has neither, so it was added
    // beside the 8 rows already in (20 rows of a 12-row list).
    expect(advice).not.toContain('--force');
    expect(advice).toContain('with --replaces and the batch number of this file (prakerja status)');
    // The same advice for a data row above the header, fixed by moving it.
    const above = join(dir, 'above.csv');
    writeFileSync(above, `1271015001900003,SITI AMINAH,3\nNIK,Nama,Gelombang\n1271106207950001,SITI AMINAH,3\n`);
    const a = await runCli(['--db', join(dir, 'a.sqlite'), 'import', above, '--source', 'central']);
    expect(a.stdout).toContain('Move it below the header, then import the fixed file with --replaces and the batch number of this file');
    expect(a.stdout).not.toContain('--force');
    writeFileSync(file, good);
    const again = await importJson(db, file, '--source', 'central', '--replaces', '1');
    expect(again.code).toBe(0);
    const conn = new Database(db, { readonly: true });
    try {
      expect(conn.prepare('SELECT count(*) AS n FROM records').get()).toEqual({ n: 12 });
      expect(conn.prepare('SELECT count(*) AS n FROM batches').get()).toEqual({ n: 1 });
    } finally {
      conn.close();
    }
  });

  it('a stray quote closed many lines later: the lines between are rejected one by one', async () => {
    const dir = tempDir();
    const db = join(dir, 'p.sqlite');
    const rows = Array.from({ length: 20 }, (_, i) => `12710150019000${String(i + 10)},ORANG ${i},3`);
    rows[4] = `1271015001900014,"ORANG 4,3`;
    rows[9] = `1271015001900019,ORANG" 9,3`;
    const file = join(dir, 'gel3.csv');
    writeFileSync(file, `NIK,Nama,Gelombang\r\n${rows.join('\r\n')}\r\n`);
    const r = await runCli(['--db', db, 'import', file, '--source', 'central']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('20 rows: imported 14, rejected 6, skipped 0');
    // The terminal says it once for the lines it shows.
    expect(r.stdout).toContain('lines 6–10: a quote opened on line 6 closes only on line 11');
    expect(r.stdout.match(/a quote opened on line 6/g)).toHaveLength(1);
    const stored = rejects(db);
    expect(stored.map((x) => x.line)).toEqual([6, 7, 8, 9, 10, 11]);
    expect(stored.every((x) => x.reason === 'unclosed_quote')).toBe(true);
    expect(JSON.parse(stored[2]?.raw ?? '[]')).toEqual([rows[6]]);
    const strict = await runCli(['--db', join(dir, 'q.sqlite'), 'import', file, '--source', 'central', '--strict']);
    expect(strict.code).toBe(3);
  });

  it('a CRLF row in an LF file is one line: later line numbers stay right, and a quote left open after it keeps its NIK', async () => {
    const dir = tempDir();
    const db = join(dir, 'p.sqlite');
    // Line 2 ends in CRLF (pasted from another file) in a file of LF lines.
    const file = join(dir, 'campur.csv');
    writeFileSync(file, 'NIK,Nama,Gelombang\n1271015001900003,SITI AMINAH,3\r\n1271106207950001,"SITI\nAMINAH",3\n1271021503980002,BUDI,3\n');
    const { f } = await importJson(db, file, '--source', 'central');
    expect(f).toMatchObject({ read: 4, imported: 3, rejected: 0, skipped: 1, skippedBy: { continuation: 1 } });
    const conn = new Database(db, { readonly: true });
    try {
      expect(conn.prepare('SELECT line FROM records ORDER BY line').pluck().all()).toEqual([2, 3, 5]);
    } finally {
      conn.close();
    }
    // The fuzz case that found it: the row after the CRLF one opens a quote that never closes.
    const open = join(dir, 'terbuka.csv');
    writeFileSync(open, '\nNIK,Nama\n ,  ,"""     ", \r\n,"Désirée Ñ,1271015001900003\n=cmd|cal');
    const db2 = join(dir, 'q.sqlite');
    const r = await importJson(db2, open, '--source', 'central', '--wave', '1');
    expect(r.f.imported + r.f.rejected + r.f.skipped).toBe(r.f.read);
    expect(rejects(db2).map((x) => x.line)).toEqual([3, 4, 5]);
    expect(storedText(db2)).toContain('1271015001900003');
  });

  it('a stray CR before the header does not make CR the only line end: a NIK on a CRLF line is kept', async () => {
    // The fuzz case that found it: csv-parse took the first line end it met (a lone CR) as the only one.
    const dir = tempDir();
    const file = join(dir, 'cr.csv');
    writeFileSync(file, '\rNIK,Nama\r\n\r\n1271015001900003,"');
    const db = join(dir, 'p.sqlite');
    const r = await importJson(db, file, '--source', 'central', '--wave', '1');
    expect(r.f.imported + r.f.rejected + r.f.skipped).toBe(r.f.read);
    expect(rejects(db).map((x) => [x.line, x.reason])).toEqual([[4, 'unclosed_quote']]);
    expect(storedText(db)).toContain('1271015001900003');
  });

  it('a line break typed inside a cell is one row, its second line counted as a continuation', async () => {
    const dir = tempDir();
    const db = join(dir, 'p.sqlite');
    const { code, f } = await importJson(db, join(FIXTURES, 'buku-tamu-2020.csv'), '--source', 'walkin');
    expect(code).toBe(0);
    const lines = readFileSync(join(FIXTURES, 'buku-tamu-2020.csv'), 'utf8').split('\n').filter((l) => l !== '').length;
    // Every physical line but the header is accounted for.
    expect(f.read).toBe(lines - 1);
    expect(f.imported + f.rejected + f.skipped).toBe(f.read);
    expect(f.skippedBy.continuation).toBe(1);
    expect(f.imported).toBe(12);
  });
});
