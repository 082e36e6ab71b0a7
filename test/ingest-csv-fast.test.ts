/**
 * The CSV reader's fast path (ingest/csv-fast.ts) against csv-parse with the importer's options: on random
 * CSV cut into random chunks, the same records with the same raw text, and the same skipped rows with the
 * same line numbers. The text is drawn from the characters that matter (delimiters, quotes, CR, LF, spaces,
 * a BOM, a non-ASCII letter), both as anything at all and as rows of plain and quoted cells, where the fast
 * path reads most and hands over at the first irregular line.
 */
import { Readable } from 'node:stream';
import { parse, type Options } from 'csv-parse';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvRecords, type CsvRecord } from '../src/ingest/csv-fast.js';

const LINE_ENDS = ['\r\n', '\n', '\r'];
const optionsFor = (delimiter: string): Options => ({
  delimiter,
  record_delimiter: LINE_ENDS,
  relax_quotes: true,
  relax_column_count: true,
  skip_records_with_error: true,
  raw: true,
});

interface Read {
  records: CsvRecord[];
  skipped: { code?: string; lines?: number; raw?: string }[];
}

async function drain(stream: Readable): Promise<CsvRecord[]> {
  const out: CsvRecord[] = [];
  for await (const r of stream) out.push(r as CsvRecord);
  return out;
}

async function viaCsvParse(chunks: string[], delimiter: string): Promise<Read> {
  const skipped: Read['skipped'] = [];
  const onSkip = (e: { code?: string; lines?: number } | undefined, raw: string | undefined): undefined => {
    skipped.push({ code: e?.code, lines: e?.lines, raw });
    return undefined;
  };
  const parser = parse({ ...optionsFor(delimiter), on_skip: onSkip });
  const records = await drain(Readable.from(chunks, { objectMode: false }).pipe(parser));
  return { records, skipped };
}

async function viaFast(chunks: string[], delimiter: string): Promise<Read> {
  const skipped: Read['skipped'] = [];
  const fast = csvRecords({ delimiter, onSkip: (e, raw) => skipped.push({ code: e?.code, lines: e?.lines, raw }) }, optionsFor(delimiter));
  const records = await drain(Readable.from(chunks, { objectMode: false }).pipe(fast));
  return { records, skipped };
}

/** Text cut at random places (a CR LF may fall apart, a quoted cell may span chunks). */
const chunked = (text: fc.Arbitrary<string>) =>
  text.chain((t) =>
    fc.uniqueArray(fc.integer({ min: 1, max: Math.max(1, t.length - 1) }), { maxLength: 6 }).map((cuts) => {
      const at = [0, ...cuts.filter((c) => c < t.length).sort((a, b) => a - b), t.length];
      return at.slice(1).map((end, i) => t.slice(at[i], end)).filter((c) => c !== '');
    }),
  );

const anyText = fc.string({ unit: fc.constantFrom('a', 'b', ',', ';', '"', '\r', '\n', ' ', '\uFEFF', 'é'), maxLength: 60 });

const cell = fc.oneof(
  { weight: 5, arbitrary: fc.string({ unit: fc.constantFrom('a', 'B', '1', ' ', 'é'), maxLength: 6 }) },
  { weight: 2, arbitrary: fc.string({ unit: fc.constantFrom('a', ',', ';', '""', ' '), maxLength: 6 }).map((s) => `"${s}"`) },
  { weight: 1, arbitrary: fc.constantFrom('a"b', '"a"x', ' "a"', '"a\nb"', '"a\r\nb"', '"open', '"', '""', '"a"""') },
);
const rows = fc
  .array(fc.tuple(fc.array(cell, { minLength: 1, maxLength: 4 }), fc.constantFrom(...LINE_ENDS)), { maxLength: 12 })
  .chain((rs) => fc.boolean().map((lastEnd) => rs.map(([cells, end], i) => cells.join(',') + (i < rs.length - 1 || lastEnd ? end : '')).join('')));

describe('csvRecords: csv-parse, faster on plain lines', () => {
  it('gives csv-parse records, raw text and skipped rows for any text, however chunked (property)', async () => {
    await fc.assert(
      fc.asyncProperty(chunked(anyText), fc.constantFrom(',', ';'), async (chunks, delimiter) => {
        expect(await viaFast(chunks, delimiter)).toEqual(await viaCsvParse(chunks, delimiter));
      }),
      { numRuns: 400, seed: 14 },
    );
  });

  it('the same for rows of plain and quoted cells with now and then an irregular one (property)', async () => {
    await fc.assert(
      fc.asyncProperty(chunked(rows), async (chunks) => {
        expect(await viaFast(chunks, ',')).toEqual(await viaCsvParse(chunks, ','));
      }),
      { numRuns: 400, seed: 15 },
    );
  });

  it('reads a quoted cell with a comma and an escaped quote on the fast path, and hands the rest over at a line break inside quotes', async () => {
    const chunks = ['NIK,Nama\r\n1,"SITI, S.Pd."\r\n2,"A ""B"""\r\n', '3,"two\nlines"\n4,x\n'];
    const fast = await viaFast(chunks, ',');
    expect(fast.records.map((r) => r.record)).toEqual([['NIK', 'Nama'], ['1', 'SITI, S.Pd.'], ['2', 'A "B"'], ['3', 'two\nlines'], ['4', 'x']]);
    expect(fast).toEqual(await viaCsvParse(chunks, ','));
  });

  it('an unclosed quote after plain lines is skipped with the line csv-parse gives it', async () => {
    const chunks = ['a,b\nc,d\n"open,e\nf\n'];
    const fast = await viaFast(chunks, ',');
    expect(fast.skipped.map((s) => s.code)).toEqual(['CSV_QUOTE_NOT_CLOSED']);
    expect(fast).toEqual(await viaCsvParse(chunks, ','));
  });

  it.each([
    ['on plain lines', 'a,b\n'],
    ['after csv-parse took over', '"two\nlines",b\n'],
  ])('reads no further ahead than its reader takes records, %s', async (_, first) => {
    let given = 0;
    const source = new Readable({
      read() {
        given++;
        this.push(given === 1 ? first : given <= 1000 ? 'c,d\ne,f\n'.repeat(50) : null);
      },
    });
    const fast = csvRecords({ delimiter: ',', onSkip: () => undefined }, optionsFor(','));
    source.pipe(fast);
    await new Promise((resolve) => fast.once('readable', resolve));
    expect(fast.read()).not.toBeNull();
    // Let every stream run until it waits on the reader.
    for (let i = 0; i < 50; i++) await new Promise((resolve) => setImmediate(resolve));
    // Bounded by the streams' buffers (16 KiB of text, 16 records), not the 1,000 chunks there are.
    expect(given).toBeLessThan(200);
    source.destroy();
    fast.destroy();
  });

  it('leaves a delimiter that is a quote or a line end to csv-parse', async () => {
    for (const delimiter of ['"', '\n']) {
      const chunks = ['a"b\nc"d\n'];
      expect(await viaFast(chunks, delimiter)).toEqual(await viaCsvParse(chunks, delimiter));
    }
  });
});
