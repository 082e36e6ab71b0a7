/**
 * The header block an official *rekap* carries above its table (title, office, what it covers, when it was
 * made, how its numbers are counted) and the signature block below it. Every file writer (CSV, XLSX,
 * HTML) takes its lines from here, so the three formats say the same thing.
 */
import type { Signature } from '../store/settings.js';
import { labelsFor, type Lang } from './labels.js';
import type { ReportTable } from './report.js';

export interface FileHeader {
  lang: Lang;
  /** 'Kota Medan (1271)', or null before `prakerja init --region`. */
  office: string | null;
  /** When the file was made, 'YYYY-MM-DD HH:MM' (passed in so tests can pin it). */
  generated: string;
  /** The day written in the signature block, 'YYYY-MM-DD'. */
  day: string;
  signature: Signature | null;
}

/** Label–value lines under the title: office, coverage, date made, then one line per note. */
export function headerLines(table: ReportTable, header: FileHeader): [string, string][] {
  const L = labelsFor(header.lang);
  const lines: [string, string][] = [[L.office, header.office ?? L.office_unset]];
  if (table.coverage) lines.push([L.coverage, table.coverage]);
  lines.push([L.generated, header.generated]);
  table.notes.forEach((note, i) => lines.push([i === 0 ? L.notes : '', note]));
  return lines;
}

/**
 * The signature block: 'Medan, 1 Desember 2026', the position, room to sign, the name, the NIP. Empty
 * when no signature was set with `prakerja init --kepala`.
 */
export function signatureLines(header: FileHeader): string[] {
  const s = header.signature;
  if (!s) return [];
  const date = longDate(header.day, header.lang);
  return [s.city ? `${s.city}, ${date}` : date, ...(s.position ? [s.position] : []), '', '', s.name, ...(s.nip ? [`NIP ${s.nip}`] : [])];
}

const MONTHS: Record<Lang, readonly string[]> = {
  id: ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/** '2026-12-01' → '1 Desember 2026'. */
export function longDate(day: string, lang: Lang): string {
  const [y, m, d] = day.split('-').map(Number);
  return `${d ?? ''} ${MONTHS[lang][(m ?? 1) - 1] ?? ''} ${y ?? ''}`;
}
