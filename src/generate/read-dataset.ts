/**
 * Read back what the generator wrote (and what `prakerja export records` writes) for the evaluator.
 * These readers know the generator's own layouts; they are not the product's importer.
 */
import { createReadStream, existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { WalkinRow } from './ceiling.js';
import type { BorrowedRow, PredictedRow, RawRecord, TruthRow } from './evaluate.js';

interface Layout {
  file: string;
  source: string;
  delimiter: string;
  /** 0-based column of the NIK. */
  nikColumn: number;
  /** 1-based physical line of the header. */
  headerLine: number;
}

const LAYOUTS: readonly Layout[] = [
  { file: 'central.csv', source: 'central', delimiter: ',', nikColumn: 0, headerLine: 1 },
  { file: 'province.csv', source: 'province', delimiter: ';', nikColumn: 1, headerLine: 4 },
  { file: 'walkin.csv', source: 'walkin', delimiter: ',', nikColumn: 2, headerLine: 2 },
];

/**
 * Split one CSV line: fields may be quoted with `"` (doubled inside). Records never span lines in these
 * files, which is what lets the readers go line by line — several times faster than a general CSV parser.
 */
export function splitCsvLine(line: string, delimiter: string): string[] {
  if (!line.includes('"')) return line.split(delimiter);
  const cells: string[] = [];
  let i = 0;
  for (;;) {
    let cell = '';
    if (line[i] === '"') {
      i++;
      for (;;) {
        const quote = line.indexOf('"', i);
        if (quote < 0) {
          cell += line.slice(i);
          i = line.length;
          break;
        }
        cell += line.slice(i, quote);
        i = quote + 1;
        if (line[i] !== '"') break;
        cell += '"';
        i++;
      }
    }
    const next = line.indexOf(delimiter, i);
    cells.push(cell + (next < 0 ? line.slice(i) : line.slice(i, next)));
    if (next < 0) return cells;
    i = next + delimiter.length;
  }
}

async function* rows(path: string, delimiter: string, fromLine: number): AsyncGenerator<{ line: number; cells: string[] }> {
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  let line = 0;
  for await (const raw of lines) {
    line++;
    if (line < fromLine) continue;
    const text = line === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    yield { line, cells: splitCsvLine(text, delimiter) };
  }
}

/** The data rows of a generated data set with their raw NIK cells (title, header and footer rows skipped). */
export async function readRawRecords(outDir: string): Promise<RawRecord[]> {
  const out: RawRecord[] = [];
  for (const layout of LAYOUTS) {
    for await (const { line, cells } of rows(join(outDir, layout.file), layout.delimiter, layout.headerLine + 1)) {
      if (cells[0] === 'JUMLAH') continue;
      out.push({ file: layout.file, line, source: layout.source, nik: cells[layout.nikColumn] ?? '' });
    }
  }
  return out;
}

/** Read `truth.csv` (`file,line,person`). */
export async function readTruth(path: string): Promise<TruthRow[]> {
  const out: TruthRow[] = [];
  for await (const { cells } of rows(path, ',', 2)) {
    out.push({ file: cells[0] ?? '', line: Number(cells[1]), person: cells[2] ?? '' });
  }
  return out;
}

/** Read a records export with a header naming at least `file`, `line` and `person_id` (and maybe `source`). */
export async function readPredicted(path: string): Promise<PredictedRow[]> {
  const out: PredictedRow[] = [];
  let columns: Map<string, number> | undefined;
  for await (const { line, cells } of rows(path, ',', 1)) {
    if (!columns) {
      columns = new Map(cells.map((name, i) => [name.trim().toLowerCase(), i]));
      for (const needed of ['file', 'line', 'person_id']) {
        if (!columns.has(needed)) throw new Error(`${path}:${line}: no "${needed}" column in the header.`);
      }
      continue;
    }
    const cell = (name: string): string | undefined => {
      const i = columns?.get(name);
      return i === undefined ? undefined : cells[i];
    };
    const source = cell('source');
    out.push({
      file: cell('file') ?? '',
      line: Number(cell('line')),
      person_id: cell('person_id') ?? '',
      ...(source ? { source } : {}),
    });
  }
  return out;
}

/** The guest-book rows of a generated data set, as the ceiling oracle reads them (`Tanggal,Nama,NIK,No HP,Keperluan`). */
export async function readWalkinRows(outDir: string): Promise<WalkinRow[]> {
  const layout = LAYOUTS.find((l) => l.source === 'walkin');
  if (!layout) throw new Error('no walk-in layout');
  const out: WalkinRow[] = [];
  for await (const { line, cells } of rows(join(outDir, layout.file), layout.delimiter, layout.headerLine + 1)) {
    const nik = cells[layout.nikColumn] ?? '';
    out.push({ line, hasNik: nik.trim() !== '', nik, phone: cells[layout.nikColumn + 1] ?? '', purpose: cells[layout.nikColumn + 2] ?? '' });
  }
  return out;
}

/** Read `persons.csv` (`person,kind,name`): person id → true name. */
export async function readPersonNames(path: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for await (const { cells } of rows(path, ',', 2)) out.set(cells[0] ?? '', cells[2] ?? '');
  return out;
}

/** Read `borrowed.csv` (`file,line,holder`); an older data set without one has no borrowed rows listed. */
export async function readBorrowed(path: string): Promise<BorrowedRow[]> {
  const out: BorrowedRow[] = [];
  if (!existsSync(path)) return out;
  for await (const { cells } of rows(path, ',', 2)) out.push({ file: cells[0] ?? '', line: Number(cells[1]), holder: cells[2] ?? '' });
  return out;
}
