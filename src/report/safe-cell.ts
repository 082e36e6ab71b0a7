/**
 * Spreadsheet formula injection: a cell that starts with `=`, `+`, `-`, `@`, tab or carriage return can be
 * run as a formula by Excel or LibreOffice when a CSV or XLSX is opened. Such text gets a leading
 * apostrophe, which both programs show as plain text. Shared by every export (reports, review lists).
 */
const DANGEROUS = /^[=+\-@\t\r]/;

/**
 * The text made safe to put in a spreadsheet cell; other text is returned unchanged.
 * @example safeCell('=HYPERLINK("http://x")') // "'=HYPERLINK(\"http://x\")"
 * @example safeCell('SITI AMINAH') // 'SITI AMINAH'
 */
export function safeCell(text: string): string {
  return DANGEROUS.test(text) ? `'${text}` : text;
}
