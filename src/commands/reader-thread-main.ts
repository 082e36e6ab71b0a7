/**
 * The reading thread of a large CSV import (reader-thread.ts): opens the file, reads and normalises its rows
 * and posts them to the import's thread a batch at a time, waiting while READ_AHEAD batches are unwritten.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { InputError } from '../errors.js';
import { setLang } from '../i18n/index.js';
import { checkInterrupt, useInterruptBuffer } from '../interrupt.js';
import { armTestHooks, testPause, testThreadDeath } from '../test-hooks.js';
import type { Field } from '../ingest/columns.js';
import { openTable } from '../ingest/table.js';
import { readRows } from './import-rows.js';
import { READ_AHEAD, type ReaderInput, type ReaderMessage } from './reader-thread.js';

const input = workerData as ReaderInput;
const port = parentPort;
if (port === null) throw new Error('reader-thread-main runs as a worker thread');
useInterruptBuffer(input.interrupts);
setLang(input.lang);
if (input.testHooks) armTestHooks();

const say = (m: ReaderMessage) => port.postMessage(m);
let unwritten = 0;
let written: (() => void) | null = null;
port.on('message', () => {
  unwritten--;
  written?.();
});
// The port stays open after the end: the import's thread ends this thread once it has the totals.

try {
  const table = await openTable(input.file, { encoding: input.table.encoding, delimiter: input.table.delimiter, map: new Map(input.table.map as [string, Field | 'ignore'][]) });
  try {
    say({ kind: 'start', header: table.header, headerLine: table.headerLine });
    const read = await readRows(
      table,
      input.ctx,
      async (batch) => {
        say({ kind: 'batch', values: JSON.stringify(batch.values), rejects: batch.rejects, read: batch.read });
        unwritten++;
        testThreadDeath('reader-thread');
        testPause('reader-batch');
        while (unwritten >= READ_AHEAD) await new Promise<void>((resolve) => (written = resolve));
        written = null;
      },
      () => checkInterrupt(undefined, input.file),
    );
    say({ kind: 'end', read });
  } finally {
    table.close();
  }
} catch (error) {
  const e = error instanceof Error ? error : new Error(String(error));
  say({ kind: 'failed', input: e instanceof InputError, message: e.message, ...(e instanceof InputError ? { file: e.file, line: e.line } : {}) });
}
