import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseStatus, parseWave } from '../src/normalise/record.js';

describe('wave and status cells', () => {
  it('reads a wave of digits alone as the pattern does', () => {
    const pattern = (text: string): number | null => {
      const m = /^(?:gel(?:ombang)?\.?\s*(?:ke[-\s]*)?)?(\d{1,3})(?:\.0+)?$/i.exec(text.trim());
      if (!m) return null;
      const n = Number(m[1]);
      return n >= 1 ? n : null;
    };
    fc.assert(
      fc.property(fc.oneof(fc.stringMatching(/^\d{0,5}$/), fc.stringMatching(/^[ \dGgel.]{0,6}$/)), (text) => {
        expect(parseWave(text)).toBe(pattern(text));
      }),
    );
    expect(parseWave('0')).toBeNull();
    expect(parseWave('007')).toBe(7);
    expect(parseWave('1000')).toBeNull();
  });

  it('reads a status the same however often it is asked and however many others came between', () => {
    const words = ['PENERIMA', 'penerima', 'Dicabut', 'TIDAK AKTIF', 'aktif', '', 'lain', 'PENERIMA BANSOS LAINNYA', 'x'];
    const first = words.map(parseStatus);
    expect(first).toEqual(['penerima', 'penerima', 'dicabut', 'dicabut', 'penerima', null, null, 'penerima', null]);
    // Past the bound of what it keeps: the answers stay.
    for (let i = 0; i < 2_500; i++) parseStatus(`status ${i}`);
    expect(words.map(parseStatus)).toEqual(first);
  });
});
