/**
 * Excel's serial day numbers, the one conversion both readers use: an XLSX cell formatted as a date, and a
 * guest-book cell that arrived as a bare serial (`44048`) in a CSV.
 */

/** Excel's day 0 is 1899-12-30 (its 1900 leap-year bug included). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
/** 9999-12-31, Excel's last day. */
const LAST_SERIAL = 2_958_465;

/**
 * The moment an Excel serial stands for, in UTC (the fraction is the time of day), or null outside
 * Excel's range.
 * @example excelSerialToUtc(44048)?.toISOString() // '2020-08-05T00:00:00.000Z'
 */
export function excelSerialToUtc(serial: number): Date | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > LAST_SERIAL) return null;
  return new Date(EXCEL_EPOCH + Math.round(serial * 86_400_000));
}

/**
 * `YYYY-MM-DD`, with ` HH:MM` or ` HH:MM:SS` only when there is a time: how a date cell reads as text.
 * exceljs builds dates in UTC from the serial, so they are read back in UTC.
 * @example utcDateText(new Date(Date.UTC(2020, 7, 5, 10, 30))) // '2020-08-05 10:30'
 */
export function utcDateText(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  const iso = date.toISOString();
  const time = iso.slice(11, 19);
  if (time === '00:00:00') return iso.slice(0, 10);
  return `${iso.slice(0, 10)} ${time.endsWith(':00') ? time.slice(0, 5) : time}`;
}
