/**
 * What every report is to the writers: typed columns, rows of plain values, an optional total row and
 * chart. Each report module builds one from its typed rows; the CSV, XLSX, HTML and terminal writers only
 * read this.
 */
export type CellValue = string | number | null;

/** `share` values are fractions (0.25 = 25 %); `nik` columns hold NIKs (masked unless asked otherwise). */
export type ColumnKind = 'text' | 'int' | 'share' | 'date' | 'nik';

export interface Column {
  key: string;
  label: string;
  kind: ColumnKind;
}

/** A bar chart: one bar per category, optionally a share (0..1) drawn as a line over the bars. */
export interface ChartSpec {
  id: string;
  title: string;
  categories: string[];
  values: number[];
  valueLabel: string;
  share?: { label: string; values: (number | null)[] };
  /** Horizontal bars suit long category names (kecamatan). */
  horizontal?: boolean;
}

export interface ReportTable {
  /** Stable identifier, also the XLSX sheet's key: 'waves', 'monthly', 'monthly-detail', 'kecamatan'. */
  id: string;
  /** File name without extension for `--out-dir`, e.g. 'rekap-gelombang'. */
  fileStem: string;
  /** Short name for an XLSX sheet (at most 31 characters). */
  sheetName: string;
  title: string;
  /** What the table covers, for the header block of its file: 'Gelombang 1-4', 'Bulan 2024-01 s.d. 2024-03'. */
  coverage: string;
  /** Lines that say how the numbers were counted. */
  notes: string[];
  /** What to say instead of the general "no data" when the table has no rows for a known reason. */
  empty?: string;
  columns: Column[];
  rows: CellValue[][];
  total: CellValue[] | null;
  /** The table lists NIKs of persons: files holding it are created readable by the owner only. */
  personal: boolean;
  chart?: ChartSpec;
}

/** a ÷ b, or null when b is 0 (a share of nothing is not 0 %). */
export function share(a: number, b: number | null): number | null {
  return b ? a / b : null;
}

/**
 * Whole numbers as short ranges: [1, 2, 3, 5, 7, 8] → '1-3, 5, 7-8'.
 *
 * @example rangesText([1, 2, 3, 5]) // '1-3, 5'
 */
export function rangesText(values: readonly number[]): string {
  const sorted = [...new Set(values)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === (sorted[j] ?? 0) + 1) j++;
    parts.push(j === i ? String(sorted[i]) : `${sorted[i]}-${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(', ');
}
