/** Inline SVG bar charts for the HTML report: no script, no network, sharp in print. */
import type { ChartSpec } from './report.js';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A round gridline step (1, 2 or 5 times a power of ten) giving at most `lines` steps up to `max`. */
function niceAxis(max: number, lines: number): { top: number; step: number } {
  if (max <= 0) return { top: 1, step: 1 };
  const raw = max / lines;
  const p = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * p).find((v) => v >= raw) ?? 10 * p;
  return { top: Math.ceil(max / step) * step, step: Math.max(1, step) };
}

/**
 * One bar per category (`rect.bar`, with a `<title>` for hover), an axis with four gridlines, and when
 * the chart has a share, a line with a dot per category on a 0–100 % scale at the right.
 */
export function barChartSvg(chart: ChartSpec, format: (n: number) => string): string {
  return chart.horizontal ? horizontal(chart, format) : vertical(chart, format);
}

function vertical(chart: ChartSpec, format: (n: number) => string): string {
  const n = chart.categories.length;
  const W = 760, H = 300, left = 56, right = chart.share ? 48 : 16, top = 16, bottom = 44;
  const plotW = W - left - right, plotH = H - top - bottom;
  const { top: max, step } = niceAxis(Math.max(0, ...chart.values), 4);
  const slot = plotW / Math.max(1, n);
  const barW = Math.max(2, Math.min(48, slot * 0.7));
  const y = (v: number) => top + plotH - (v / max) * plotH;
  const parts: string[] = [];
  for (let v = 0; v <= max; v += step) {
    parts.push(`<line class="grid" x1="${left}" x2="${W - right}" y1="${y(v)}" y2="${y(v)}"/>`);
    parts.push(`<text class="axis" x="${left - 6}" y="${y(v) + 4}" text-anchor="end">${escapeHtml(format(v))}</text>`);
  }
  // The share has its own scale, 0–100 %, labelled on the right.
  if (chart.share) {
    for (const s of [0, 0.5, 1]) parts.push(`<text class="axis share-axis" x="${W - right + 6}" y="${top + plotH - s * plotH + 4}">${s * 100}%</text>`);
  }
  const every = Math.max(1, Math.ceil(n / 24));
  chart.categories.forEach((cat, i) => {
    const v = chart.values[i] ?? 0;
    const x = left + slot * i + (slot - barW) / 2;
    parts.push(
      `<rect class="bar" x="${x.toFixed(1)}" y="${y(v).toFixed(1)}" width="${barW.toFixed(1)}" height="${(top + plotH - y(v)).toFixed(1)}"><title>${escapeHtml(`${cat}: ${format(v)}`)}</title></rect>`,
    );
    if (i % every === 0) parts.push(`<text class="axis" x="${(x + barW / 2).toFixed(1)}" y="${H - bottom + 16}" text-anchor="middle">${escapeHtml(cat)}</text>`);
  });
  if (chart.share) {
    const pts = chart.share.values
      .map((s, i) => (s === null ? null : [left + slot * i + slot / 2, top + plotH - s * plotH] as const))
      .filter((p): p is readonly [number, number] => p !== null);
    if (pts.length > 1) parts.push(`<polyline class="share" points="${pts.map(([a, b]) => `${a.toFixed(1)},${b.toFixed(1)}`).join(' ')}"/>`);
    for (const [a, b] of pts) parts.push(`<circle class="share-dot" cx="${a.toFixed(1)}" cy="${b.toFixed(1)}" r="3.5"/>`);
  }
  parts.push(`<line class="baseline" x1="${left}" x2="${W - right}" y1="${top + plotH}" y2="${top + plotH}"/>`);
  return svg(chart, W, H, parts);
}

function horizontal(chart: ChartSpec, format: (n: number) => string): string {
  const n = chart.categories.length;
  const rowH = 20, left = 170, right = 120, top = 8;
  const W = 760, H = top + rowH * Math.max(1, n) + 8;
  const plotW = W - left - right;
  const { top: max } = niceAxis(Math.max(0, ...chart.values), 4);
  const parts: string[] = [];
  chart.categories.forEach((cat, i) => {
    const v = chart.values[i] ?? 0;
    const y = top + rowH * i;
    const w = (v / max) * plotW;
    const s = chart.share?.values[i];
    const shareText = s === null || s === undefined ? '' : ` · ${(s * 100).toFixed(1)}%`;
    parts.push(`<text class="axis" x="${left - 6}" y="${y + 14}" text-anchor="end">${escapeHtml(cat)}</text>`);
    parts.push(`<rect class="bar" x="${left}" y="${y + 3}" width="${w.toFixed(1)}" height="${rowH - 6}"><title>${escapeHtml(`${cat}: ${format(v)}`)}</title></rect>`);
    parts.push(`<text class="value" x="${(left + w + 4).toFixed(1)}" y="${y + 14}">${escapeHtml(format(v) + shareText)}</text>`);
  });
  return svg(chart, W, H, parts);
}

function svg(chart: ChartSpec, W: number, H: number, parts: string[]): string {
  const legend = chart.share
    ? `<p class="legend"><span class="key bar-key"></span>${escapeHtml(chart.valueLabel)} <span class="key share-key"></span>${escapeHtml(chart.share.label)}</p>`
    : '';
  return `<figure class="chart"><figcaption>${escapeHtml(chart.title)}</figcaption>${legend}<svg id="${escapeHtml(chart.id)}" viewBox="0 0 ${W} ${H}" width="100%" role="img" aria-label="${escapeHtml(chart.title)}" xmlns="http://www.w3.org/2000/svg">${parts.join('')}</svg></figure>`;
}
