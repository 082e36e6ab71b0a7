/** One self-contained HTML page: the tables with their charts, inline CSS and SVG, prints cleanly to PDF. */
import { barChartSvg, escapeHtml } from './charts.js';
import { signatureLines, type FileHeader } from './header-block.js';
import { labelsFor } from './labels.js';
import type { CellValue, ColumnKind, ReportTable } from './report.js';

/** The header block's facts (office, date made, signature); each section adds what it covers and its notes. */
export type HtmlOptions = FileHeader;

const CSS = `
:root { --ink: #1f2933; --muted: #616e7c; --bar: #2f6fb0; --share: #d9822b; --line: #d9dee4; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, "Segoe UI", Roboto, Arial, sans-serif; color: var(--ink); margin: 0 auto; padding: 24px; max-width: 1280px; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 17px; margin: 32px 0 8px; border-bottom: 2px solid var(--bar); padding-bottom: 4px; }
.meta { color: var(--muted); margin: 0 0 16px; }
figure.chart { margin: 8px 0 16px; }
figcaption { font-weight: 600; margin-bottom: 4px; }
.legend { margin: 0 0 4px; color: var(--muted); font-size: 12px; }
.key { display: inline-block; width: 12px; height: 12px; vertical-align: -1px; margin: 0 4px 0 10px; }
.bar-key { background: var(--bar); } .share-key { background: var(--share); border-radius: 6px; }
svg .bar { fill: var(--bar); } svg .grid { stroke: var(--line); } svg .baseline { stroke: var(--muted); }
svg .axis, svg .value { font-size: 11px; fill: var(--muted); } svg .share-axis { fill: var(--share); }
svg .share { fill: none; stroke: var(--share); stroke-width: 2; } svg .share-dot { fill: var(--share); }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; font-size: 12.5px; width: 100%; }
th, td { border: 1px solid var(--line); padding: 4px 6px; }
th { background: #eef2f7; text-align: left; vertical-align: bottom; font-size: 11.5px; }
td.date { white-space: nowrap; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.total td { font-weight: 700; background: #f6f8fa; }
tbody tr:nth-child(even) td { background: #fafbfc; }
ul.notes { color: var(--muted); font-size: 12px; padding-left: 18px; }
.coverage { color: var(--muted); margin: -4px 0 8px; }
.signature { margin: 40px 0 0 auto; width: 320px; text-align: center; break-inside: avoid; }
.signature p { margin: 0; min-height: 1.45em; }
.signature .name { font-weight: 700; text-decoration: underline; }
@media print {
  body { padding: 0; max-width: none; font-size: 11px; }
  section { break-inside: avoid-page; } h2 { break-after: avoid; } tr { break-inside: avoid; }
  th, tr.total td, tbody tr:nth-child(even) td { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .table-wrap { overflow: visible; }
}
@page { size: A4 landscape; margin: 12mm; }
`;

/**
 * The page. Numbers are formatted for the language (1.234 in Indonesian, 1,234 in English), shares as
 * percentages; every text is escaped.
 *
 * @example writeHtml([waveRecapTable(w, 'id'), monthlyRecapTable(m, 'id')], { lang: 'id', office: 'Kota Medan (1271)', generated: '2024-05-01 08:00' })
 */
export function writeHtml(tables: readonly ReportTable[], options: HtmlOptions): string {
  const L = labelsFor(options.lang);
  const locale = options.lang === 'id' ? 'id-ID' : 'en-US';
  const int = (n: number) => n.toLocaleString(locale, { maximumFractionDigits: 0 });
  const pct = (n: number) => `${(n * 100).toLocaleString(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 })}%`;
  const cell = (v: CellValue, kind: ColumnKind) => {
    // An unknown count reads '–' (the notes say why), not an empty cell that passes for 0.
    if (v === null) return kind === 'int' || kind === 'share' ? '<td class="num">–</td>' : '<td></td>';
    if (typeof v === 'number') return `<td class="num">${kind === 'share' ? pct(v) : int(v)}</td>`;
    return `<td${kind === 'date' ? ' class="date"' : ''}>${escapeHtml(v)}</td>`;
  };
  const sections = tables.map((t) => {
    const kinds = t.columns.map((c) => c.kind);
    const row = (cells: readonly CellValue[], cls = '') => `<tr${cls ? ` class="${cls}"` : ''}>${cells.map((v, i) => cell(v, kinds[i] ?? 'text')).join('')}</tr>`;
    return `<section id="${escapeHtml(t.id)}">
<h2>${escapeHtml(t.title)}</h2>
${t.coverage ? `<p class="coverage">${escapeHtml(L.coverage)}: ${escapeHtml(t.coverage)}</p>` : ''}
${t.chart && t.chart.categories.length > 0 ? barChartSvg(t.chart, int) : ''}
<div class="table-wrap"><table>
<thead><tr>${t.columns.map((c) => `<th>${escapeHtml(c.label)}</th>`).join('')}</tr></thead>
<tbody>${t.rows.map((r) => row(r)).join('\n')}${t.total ? `\n${row(t.total, 'total')}` : ''}</tbody>
</table></div>
${t.notes.length > 0 ? `<ul class="notes">${t.notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ul>` : ''}
</section>`;
  });
  return `<!doctype html>
<html lang="${options.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(L.page_title)}</title>
<style>${CSS}</style>
</head>
<body>
<h1>${escapeHtml(L.page_title)}</h1>
<p class="meta">${escapeHtml(L.office)}: ${escapeHtml(options.office ?? L.office_unset)} · ${escapeHtml(L.generated)}: ${escapeHtml(options.generated)}</p>
${sections.join('\n')}
${signatureHtml(options)}
</body>
</html>
`;
}

/** The signature block, right-aligned under the tables; nothing when none was set. */
function signatureHtml(options: HtmlOptions): string {
  const lines = signatureLines(options);
  if (lines.length === 0) return '';
  const name = options.signature?.name ?? '';
  return `<div class="signature">${lines.map((l) => `<p${l === name && l !== '' ? ' class="name"' : ''}>${escapeHtml(l)}</p>`).join('')}</div>`;
}
