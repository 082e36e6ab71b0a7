/**
 * A table's rows as the importer reads them, a chunk at a time, and the same rows one by one for readers
 * of small files. The chunks are the source: `rows` flattens them, so a table is read one way or the other.
 */
import type { SourceRow } from './table.js';

/** `chunks` and `rows` of one reading of a table: iterate one of them, once. */
export function tableRows(chunks: AsyncIterable<SourceRow[]>): { chunks: AsyncIterable<SourceRow[]>; rows: AsyncIterable<SourceRow> } {
  return {
    chunks,
    rows: {
      async *[Symbol.asyncIterator]() {
        for await (const chunk of chunks) yield* chunk;
      },
    },
  };
}

/** Rows read one at a time (an XLSX sheet), as chunks of one: the importer reads every table by chunks. */
export async function* singleRows(rows: AsyncIterable<SourceRow>): AsyncGenerator<SourceRow[]> {
  for await (const row of rows) yield [row];
}
