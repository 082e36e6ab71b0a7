/**
 * `drained`, the loop csv.ts takes parsed records with, in chunks: every object in order, and a stream that fails or
 * stops early ends it with an error, never as a silently short file.
 */
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { drained } from '../src/ingest/csv.js';

async function collect(stream: Readable): Promise<{ items: number[]; error: string | null }> {
  const items: number[] = [];
  try {
    for await (const chunk of drained<number>(stream)) {
      expect(chunk.length).toBeGreaterThan(0);
      items.push(...chunk);
      // The consumer gives the event loop a turn per chunk, as the importer does between chunks.
      await new Promise((resolve) => setImmediate(resolve));
    }
  } catch (error) {
    return { items, error: (error as Error).message };
  }
  return { items, error: null };
}

/** A stream of 1..n pushed in bursts (as csv-parse pushes a chunk's records at once), then `end`. */
function burst(n: number, end: (s: Readable) => void): Readable {
  let next = 1;
  return new Readable({
    objectMode: true,
    read() {
      if (next > n) return end(this);
      for (let i = 0; i < 7 && next <= n; i++) this.push(next++);
    },
  });
}

describe('drained', () => {
  it('hands out every object in order, across many bursts', async () => {
    const r = await collect(burst(1000, (s) => s.push(null)));
    expect(r).toEqual({ items: Array.from({ length: 1000 }, (_, i) => i + 1), error: null });
  });

  it('hands out what the stream holds ready as one array, at most 4,096 objects a time', async () => {
    const stream = new Readable({ objectMode: true, read() {} });
    for (let i = 1; i <= 5000; i++) stream.push(i);
    stream.push(null);
    const sizes: number[] = [];
    const items: number[] = [];
    for await (const chunk of drained<number>(stream)) {
      sizes.push(chunk.length);
      items.push(...chunk);
    }
    expect(sizes).toEqual([4096, 904]);
    expect(items).toEqual(Array.from({ length: 5000 }, (_, i) => i + 1));
  });

  it('an empty stream: nothing, no error', async () => {
    expect(await collect(burst(0, (s) => s.push(null)))).toEqual({ items: [], error: null });
  });

  it('a stream that errors while an item is out: the items before, then that error', async () => {
    const r = await collect(burst(50, (s) => s.destroy(new Error('disk went away'))));
    expect(r.items).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(r.error).toBe('disk went away');
  });

  it('a stream destroyed without an error before its end: an error, not a short read', async () => {
    const r = await collect(burst(20, (s) => s.destroy()));
    expect(r.items).toHaveLength(20);
    expect(r.error).toBe('premature close');
  });
});
