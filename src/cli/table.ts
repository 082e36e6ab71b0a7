/** Plain aligned text tables for the terminal. Numbers align right. */
import { currentLang } from '../i18n/index.js';

export type Cell = string | number | null | undefined;

export function formatTable(headers: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const text = rows.map((r) => r.map(cellText));
  const widths = headers.map((h, i) => Math.max(h.length, ...text.map((r) => (r[i] ?? '').length)));
  // '–' is an unknown count: it lines up with the numbers of its column.
  const numeric = headers.map((_, i) => rows.length > 0 && rows.every((r) => typeof r[i] === 'number' || r[i] == null || r[i] === '–'));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (numeric[i] ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...text.map(line)].join('\n') + '\n';
}

function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  return typeof cell === 'number' ? formatNumber(cell) : cell;
}

/** `1,234` and `0.50` in English, `1.234` and `0,50` in Indonesian. */
export function formatNumber(n: number): string {
  const locale = currentLang() === 'id' ? 'id-ID' : 'en-US';
  return n.toLocaleString(locale, Number.isInteger(n) ? {} : { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** `18.2` in English, `18,2` in Indonesian: a fixed number of decimals in the current language's form. */
export function formatDecimal(n: number, decimals: number): string {
  const locale = currentLang() === 'id' ? 'id-ID' : 'en-US';
  return n.toLocaleString(locale, { minimumFractionDigits: decimals, maximumFractionDigits: decimals, useGrouping: false });
}
