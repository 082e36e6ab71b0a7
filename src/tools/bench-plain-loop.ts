/**
 * The baseline the import is compared with: csv-parse + one prepared INSERT in one transaction, no
 * validation, no normalisation. `node dist/tools/bench-plain-loop.js FILE DB`
 */
import { createReadStream } from 'node:fs';
import Database from 'better-sqlite3';
import { parse } from 'csv-parse';

const [file, dbPath] = process.argv.slice(2);
if (!file || !dbPath) throw new Error('usage: bench-plain-loop FILE DB');
const db = new Database(dbPath);
db.pragma('journal_mode = WAL');
db.exec('CREATE TABLE t (nik TEXT, nama TEXT, gelombang TEXT, status TEXT)');
const insert = db.prepare('INSERT INTO t VALUES (?, ?, ?, ?)');
db.exec('BEGIN');
let rows = 0;
for await (const record of createReadStream(file).pipe(parse({ from_line: 2, relax_column_count: true }))) {
  const r = record as string[];
  insert.run(r[0], r[1], r[2], r[3]);
  rows++;
}
db.exec('COMMIT');
db.close();
console.log(rows);
