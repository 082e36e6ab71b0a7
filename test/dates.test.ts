import { describe, expect, it } from 'vitest';
import { fromExcelSerial, parseVisitDate } from '../src/normalise/dates.js';

describe('parseVisitDate', () => {
  it.each([
    // Day before month, always (Indonesian usage).
    ['05/08/2020', '2020-08-05'],
    ['5/8/2020', '2020-08-05'],
    ['05-08-2020', '2020-08-05'],
    ['5.8.2020', '2020-08-05'],
    ['05/08/20', '2020-08-05'],
    ['2020-08-05', '2020-08-05'],
    ['2020/08/05', '2020-08-05'],
    ['2020-08-05T09:30:00', '2020-08-05'],
    ['2020-08-05 09:30', '2020-08-05'],
    ['05/08/2020 10:30', '2020-08-05'],
    ['5 Mei 2020 pukul 10.30 WIB', '2020-05-05'],
    // Indonesian month names, long and short, and the older spellings.
    ['5 Mei 2020', '2020-05-05'],
    ['05 MEI 2020', '2020-05-05'],
    ['05-Agu-2020', '2020-08-05'],
    ['5 Agustus 2020', '2020-08-05'],
    ['5 Agt 2020', '2020-08-05'],
    ['5 Ags. 2020', '2020-08-05'],
    ['1 Pebruari 2021', '2021-02-01'],
    ['30 Nopember 2020', '2020-11-30'],
    ['17 Okt 2020', '2020-10-17'],
    ['31 Des 2020', '2020-12-31'],
    ['5-Aug-2020', '2020-08-05'],
    // Day names in front.
    ['Rabu, 5 Agustus 2020', '2020-08-05'],
    ["Jum'at, 7 Agustus 2020", '2020-08-07'],
    ['Jum’at 7/8/2020', '2020-08-07'],
    ['Senin 03-08-2020', '2020-08-03'],
    ['Minggu, 2020-08-09', '2020-08-09'],
    // Excel serial numbers (a date cell that lost its format on the way to CSV).
    ['44048', '2020-08-05'],
    ['44048.5', '2020-08-05'],
    ['43831', '2020-01-01'],
    // Leap days.
    ['29/02/2020', '2020-02-29'],
  ])('%s → %s', (raw, expected) => {
    expect(parseVisitDate(raw)).toBe(expected);
  });

  it.each([
    ['', 'empty'],
    ['kemarin', 'a word'],
    ['31/02/2020', 'no such day'],
    ['29/02/2021', 'not a leap year'],
    ['05/13/2020', 'month 13: never read month-first'],
    ['5 Mbe 2020', 'unknown month'],
    ['12345', 'a serial long before 1990'],
    ['1271015001900003', 'a NIK in the date column'],
    ['2020-00-10', 'month 0'],
  ])('%s is not a date (%s)', (raw) => {
    expect(parseVisitDate(raw)).toBeNull();
  });
});

describe('fromExcelSerial', () => {
  it.each([
    [43831, '2020-01-01'],
    [44048, '2020-08-05'],
    [44196, '2020-12-31'],
    [32874, '1990-01-01'],
  ])('%d → %s', (serial, expected) => {
    expect(fromExcelSerial(serial)).toBe(expected);
  });

  it('refuses serials outside 1990–2089 and non-numbers', () => {
    expect(fromExcelSerial(100)).toBeNull();
    expect(fromExcelSerial(80000)).toBeNull();
    expect(fromExcelSerial(Number.NaN)).toBeNull();
  });
});
