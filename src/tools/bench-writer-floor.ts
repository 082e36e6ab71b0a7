/**
 * The import's writer alone: the rows of a file read and normalised first (not timed), then only what the
 * import does to store them, timed: one batch row, the record INSERTs (store/records.ts recordWriter, the
 * schema's columns), the index builds after the bulk load, the COMMIT. The floor a faster reader or
 * normaliser could not go below. `node dist/tools/bench-writer-floor.js FILE DB` prints JSON.
 */
import { basename, resolve } from 'node:path';
import { mapColumns } from '../ingest/columns.js';
import { openTable } from '../ingest/table.js';
import { normaliseRow, type NormalRecord } from '../normalise/record.js';
import { insertBatch } from '../store/batches.js';
import { openDatabase } from '../store/database.js';
import { recordWriter, shrinkCacheForBulkLoad, suspendRecordIndexes } from '../store/records.js';
import { inAsyncTransaction } from '../store/transaction.js';

const [file, dbPath] = process.argv.slice(2);
if (!file || !dbPath) throw new Error('usage: bench-writer-floor FILE DB');

const table = await openTable(file);
const columns = mapColumns(table.header);
const ctx = { columns, headerLength: table.header.length, wave: null };
const records: NormalRecord[] = [];
for await (const chunk of table.chunks) {
  for (const row of chunk) {
    const outcome = normaliseRow(row, ctx);
    if (outcome.kind === 'record') records.push(outcome.record);
  }
}
table.close();

/** CPU (user + system) and wall seconds since `from`. */
function since(from: { cpu: NodeJS.CpuUsage; wall: bigint }): { cpu: number; wall: number } {
  const cpu = process.cpuUsage(from.cpu);
  return { cpu: (cpu.user + cpu.system) / 1e6, wall: Number(process.hrtime.bigint() - from.wall) / 1e9 };
}
const now = () => ({ cpu: process.cpuUsage(), wall: process.hrtime.bigint() });

const db = openDatabase(dbPath, { create: true });
const start = now();
let insert = { cpu: 0, wall: 0 };
let indexes = { cpu: 0, wall: 0 };
let beforeCommit = now();
await inAsyncTransaction(db, async () => {
  const batchId = insertBatch(db, {
    source: 'central', file_name: basename(file), file_path: resolve(file), sha256: 'floor', wave: null, format: table.format,
    encoding: table.encoding, delimiter: table.delimiter, sheet: null, header_line: table.headerLine, columns: '{}', imported_at: new Date().toISOString(),
  });
  const restoreCache = shrinkCacheForBulkLoad(db);
  const restoreIndexes = suspendRecordIndexes(db);
  const writer = recordWriter(db, batchId, 'central');
  for (const r of records) writer.record(r);
  writer.flush();
  insert = since(start);
  const atIndexes = now();
  restoreIndexes();
  indexes = since(atIndexes);
  restoreCache();
  beforeCommit = now();
  await Promise.resolve();
});
const commit = since(beforeCommit);
const total = since(start);
db.close();
console.log(JSON.stringify({ rows: records.length, insert, indexes, commit, total }));
