/**
 * Properties of CSV reading: every row below the header comes out once, on the line it starts on, whatever
 * the delimiter, encoding, titles, footers, blank rows and quoted line breaks; and no bytes at all make
 * reading throw anything but an InputError.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { InputError } from '../src/errors.js';
import { openTable } from '../src/ingest/table.js';
import { tempDir } from './helpers/cli.js';

const HEADER = ['No', 'NIK', 'Nama', 'Keterangan'];
/** Characters every encoding here can hold, the delimiters and quotes among them. */
const cellChar = fc.constantFrom(...'aZ09 ,;|\t"\'éíÉ-.'.split(''), '\n', '\r\n');
const cell = fc.array(cellChar, { maxLength: 8 }).map((cs) => cs.join(''));
const title = fc.array(fc.constantFrom(...'ABCDEFGHIJKLMNOPRSTU '.split('')), { minLength: 1, maxLength: 30 }).map((cs) => cs.join('').trim() || 'DAFTAR');

type Item = { kind: 'data'; cells: string[] } | { kind: 'blank' } | { kind: 'footer' };
const item: fc.Arbitrary<Item> = fc.oneof(
  { weight: 6, arbitrary: fc.array(cell, { minLength: 4, maxLength: 4 }).map((cells): Item => ({ kind: 'data', cells })) },
  { weight: 1, arbitrary: fc.constant<Item>({ kind: 'blank' }) },
  { weight: 1, arbitrary: fc.constant<Item>({ kind: 'footer' }) },
);

function quote(value: string, delimiter: string): string {
  return /[,;|\t"\r\n]/.test(value) || value.includes(delimiter) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** The reader's rule for a runaway quote, from its documentation: 3 delimiters (4 header fields less one) after a line break in a cell. */
function swallowsRows(cells: readonly string[], delimiter: string): boolean {
  return cells.some((c) => c.split(/\r\n|\n|\r/).slice(1).some((text) => text.split(delimiter).length - 1 >= HEADER.length - 1));
}

describe('CSV reading properties', () => {
  it('every row below the header is yielded exactly once, with the line it starts on', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(',', ';', '\t', '|'),
        fc.constantFrom('utf8', 'utf8-bom', 'utf16le', 'windows-1252'),
        fc.constantFrom('\n', '\r\n'),
        fc.array(fc.oneof(title, fc.constant('')), { maxLength: 4 }),
        fc.array(item, { maxLength: 25 }),
        async (delimiter, encoding, eol, titles, items) => {
          const lines: string[] = [];
          let line = 1;
          const push = (text: string) => {
            lines.push(text);
            const start = line;
            line += 1 + (text.match(/\r\n|\n|\r/g)?.length ?? 0);
            return start;
          };
          for (const t of titles) push(t);
          const headerLine = push(HEADER.join(delimiter));
          const expected: { line: number; cells: string[] }[] = [];
          for (const it of items) {
            if (it.kind === 'blank') expected.push({ line: push(''), cells: [''] });
            else if (it.kind === 'footer') expected.push({ line: push(['JUMLAH', '', '3', ''].join(delimiter)), cells: ['JUMLAH', '', '3', ''] });
            else {
              const row = it.cells.map((c) => quote(c, delimiter)).join(delimiter);
              const start = push(row);
              // A quoted cell that holds a row's worth of delimiters after a line break is read as a stray
              // quote that swallowed rows: each of its lines comes out alone, as its text.
              if (swallowsRows(it.cells, delimiter)) row.split(/\r\n|\n|\r/).forEach((text, i) => expected.push({ line: start + i, cells: [text] }));
              else expected.push({ line: start, cells: it.cells });
            }
          }
          const text = lines.join(eol) + eol;
          const bytes =
            encoding === 'utf8'
              ? Buffer.from(text, 'utf8')
              : encoding === 'utf8-bom'
                ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])
                : encoding === 'utf16le'
                  ? Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf16le')])
                  : iconv.encode(text, 'windows-1252');
          const file = join(tempDir(), 'p.csv');
          writeFileSync(file, bytes);
          // Quoted line breaks can make a short sample ambiguous; detection is checked elsewhere, so the
          // delimiter is given whenever a cell holds one.
          const ambiguous = items.some((i) => i.kind === 'data' && i.cells.some((c) => /[\r\n]/.test(c)));
          const table = await openTable(file, ambiguous ? { delimiter } : {});
          expect(table.headerLine).toBe(headerLine);
          expect(table.delimiter).toBe(delimiter);
          const got: { line: number; cells: string[] }[] = [];
          for await (const row of table.rows) got.push({ line: row.line, cells: row.cells });
          expect(got).toEqual(expected);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('arbitrary bytes never make opening or reading throw anything but an InputError', async () => {
    const prefix = fc.constantFrom(
      Buffer.alloc(0),
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from([0xff, 0xfe]),
      Buffer.from([0x50, 0x4b, 0x03, 0x04]),
      Buffer.from('NIK;Nama\n'),
      Buffer.from('NIK,Nama\n"'),
    );
    await fc.assert(
      fc.asyncProperty(prefix, fc.uint8Array({ maxLength: 600 }), async (head, body) => {
        const file = join(tempDir(), 'x.csv');
        writeFileSync(file, Buffer.concat([head, Buffer.from(body)]));
        try {
          const table = await openTable(file);
          for await (const row of table.rows) expect(row.line).toBeGreaterThan(table.headerLine);
        } catch (error) {
          if (!(error instanceof InputError)) throw error;
        }
      }),
      { numRuns: 200 },
    );
  });
});
