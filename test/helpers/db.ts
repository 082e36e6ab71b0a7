/** Reading what a test's database holds, and writing a small input file: the helpers import tests share. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';

/** Every row a query returns, from a read-only connection closed at once. */
export function query<T>(db: string, sql: string): T[] {
  const conn = new Database(db, { readonly: true });
  try {
    return conn.prepare(sql).all() as T[];
  } finally {
    conn.close();
  }
}

/** The single number a query returns (`SELECT count(*) …`). */
export function count(db: string, sql: string): number {
  const conn = new Database(db, { readonly: true });
  try {
    return Number(conn.prepare(sql).pluck().get());
  } finally {
    conn.close();
  }
}

/** Writes `text` to `dir/name` and returns the path. */
export function writeText(dir: string, name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}
