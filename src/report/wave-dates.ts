/**
 * When each wave (gelombang) ran, as far as the tool knows it: the age reference date of a wave's recap
 * defaults to 31 December of that year, so ages describe the recipients in the year they were accepted,
 * not on the day someone happened to import the list.
 *
 * Known: waves 1–11 ran in 2020 (Perpres 36/2020, the 5.5 M recipients of 2020) and waves 12–22 in 2021
 * (wave 22 was the recovery wave of October 2021). Later waves are not in this table: their recap uses the
 * day their list was first imported, and the table's note says so.
 */
const YEARS: readonly { from: number; to: number; year: number }[] = [
  { from: 1, to: 11, year: 2020 },
  { from: 12, to: 22, year: 2021 },
];

/** The year wave `wave` ran, or null when the tool does not know it. */
export function waveYear(wave: number): number | null {
  return YEARS.find((y) => wave >= y.from && wave <= y.to)?.year ?? null;
}

export type AgeBasis = 'fixed' | 'wave_year_end' | 'first_import';

/**
 * The age reference date of a wave: `ageAt` when given, else 31 December of the wave's year, else the day
 * its list was first imported.
 *
 * @example waveRefDate(3, '2026-11-30', undefined) // { date: '2020-12-31', basis: 'wave_year_end' }
 */
export function waveRefDate(wave: number, firstImport: string, ageAt: string | undefined): { date: string; basis: AgeBasis } {
  if (ageAt !== undefined) return { date: ageAt, basis: 'fixed' };
  const year = waveYear(wave);
  return year === null ? { date: firstImport, basis: 'first_import' } : { date: `${year}-12-31`, basis: 'wave_year_end' };
}
