import { describe, expect, it } from 'vitest';
import { linkCeiling, pairCeiling, type WalkinRow } from '../src/generate/ceiling.js';
import type { RawRecord, TruthRow } from '../src/generate/evaluate.js';

/**
 * A hand-built data set: the pair ceiling joins a true person's rows by the evidence they share, and counts
 * the pairs inside each joined part.
 */
function dataset(): { truth: TruthRow[]; records: RawRecord[]; walkins: WalkinRow[]; names: Map<string, string> } {
  const truth: TruthRow[] = [];
  const records: RawRecord[] = [];
  const walkins: WalkinRow[] = [];
  const central = (line: number, person: string, nik: string): void => {
    truth.push({ file: 'central.csv', line, person });
    records.push({ file: 'central.csv', line, source: 'central', nik });
  };
  const visit = (line: number, person: string, nik: string, phone: string, purpose = 'Cek status penerimaan'): void => {
    truth.push({ file: 'walkin.csv', line, person });
    records.push({ file: 'walkin.csv', line, source: 'walkin', nik });
    walkins.push({ line, hasNik: nik !== '', phone, purpose });
  };
  // A: list row, a visit with the NIK damaged, a visit without NIK but the phone of the first visit: 3 pairs.
  central(2, 'A', '1271015001900003');
  visit(3, 'A', '1,27102E+15', '081234567890');
  visit(4, 'A', '', '+6281234567890');
  // B: list row and a visit without NIK or phone: joined only when the name is rare enough.
  central(3, 'B', '1271015001900011');
  visit(5, 'B', '', '');
  // C: a visitor who is no recipient, two visits without NIK, different phones: again only by name.
  visit(6, 'C', '', '081111111111', 'Informasi lowongan kerja');
  visit(7, 'C', '', '082222222222', 'Informasi lowongan kerja');
  // D: a list row and a province-like second list row, both with NIKs: 1 pair.
  central(4, 'D', '1271015001900021');
  central(5, 'D', "'1271015001900021");
  // Many other visitors, so the book is large and a purpose tells little.
  for (let i = 0; i < 200; i++) visit(100 + i, `V${i}`, '', '', i % 2 === 0 ? 'Cek status penerimaan' : 'Informasi lowongan kerja');
  const names = new Map([
    ['A', 'ADI SAPUTRA'],
    ['B', 'BUDI'],
    ['C', 'CITRA'],
    ['D', 'DEWI'],
  ]);
  return { truth, records, walkins, names };
}

describe('pairCeiling', () => {
  it('joins rows by a NIK on both, by a shared phone, and by a rare enough name', () => {
    const { truth, records, walkins, names } = dataset();
    const common = pairCeiling({ truth, records, walkins, names, nameFrequency: () => 0.01, threshold: 0.995 });
    // True pairs: A 3, B 1, C 1, D 1.
    expect(common.truePairs).toBe(6);
    // A's three rows (NIK + phone), D's two: 4 pairs. B and C have only a common name.
    expect(common.reachable).toBe(4);
    expect(common.unreachable).toEqual({ bookList: 1, bookBook: 1, other: 0 });
    expect(common.recall).toBeCloseTo(4 / 6, 10);
    expect(common.f1).toBeCloseTo((2 * (4 / 6)) / (1 + 4 / 6), 10);

    const rare = pairCeiling({ truth, records, walkins, names, nameFrequency: () => 1e-9, threshold: 0.995 });
    expect(rare.reachable).toBe(6);
    expect(rare.recall).toBe(1);
  });

  it('does not join two rows of one person that share nothing but both lack a NIK and a phone', () => {
    const truth: TruthRow[] = [
      { file: 'walkin.csv', line: 3, person: 'X' },
      { file: 'walkin.csv', line: 4, person: 'X' },
    ];
    const records: RawRecord[] = truth.map((t) => ({ ...t, source: 'walkin', nik: '' }));
    const walkins: WalkinRow[] = truth.map((t) => ({ line: t.line, hasNik: false, phone: '', purpose: 'x' }));
    // Two rows in a book of two: the other row with this name can only be the same person, unless the name is
    // common; at frequency 0.5 the other row is the same person with probability 1/(1 + 0·0.5) = 1.
    const names = new Map([['X', 'SITI']]);
    expect(pairCeiling({ truth, records, walkins, names, nameFrequency: () => 0.5, threshold: 0.995 }).reachable).toBe(1);
    // In a book of 10,000 rows, a name one in a hundred bears is no evidence.
    const many: WalkinRow[] = [...walkins, ...Array.from({ length: 9998 }, (_, i) => ({ line: 10 + i, hasNik: false, phone: '', purpose: 'x' }))];
    expect(pairCeiling({ truth, records, walkins: many, names, nameFrequency: () => 0.01, threshold: 0.995 }).reachable).toBe(0);
  });
});

describe('linkCeiling: a NIK in scientific notation', () => {
  /**
   * One recipient DWI PURWANTI whose visit wrote `3.57824E+15`: the range of her kecamatan's NIKs. Whether
   * that visit can be linked at all depends on how many of the desk's public share the name within the range.
   */
  function book(listedInRange: number): { truth: TruthRow[]; records: RawRecord[]; walkins: WalkinRow[]; names: Map<string, string> } {
    const truth: TruthRow[] = [];
    const records: RawRecord[] = [];
    const names = new Map<string, string>();
    for (let i = 0; i < listedInRange; i++) {
      truth.push({ file: 'central.csv', line: 2 + i, person: `L${i}` });
      records.push({ file: 'central.csv', line: 2 + i, source: 'central', nik: `357824${String(1000000001 + i * 10)}` });
      names.set(`L${i}`, 'DWI PURWANTI');
    }
    truth.push({ file: 'walkin.csv', line: 3, person: 'L0' });
    records.push({ file: 'walkin.csv', line: 3, source: 'walkin', nik: '3.57824E+15' });
    const walkins: WalkinRow[] = [{ line: 3, hasNik: true, nik: '3.57824E+15', phone: '', purpose: 'Pencairan insentif' }];
    // Enough other rows with that purpose, half of them recipients', so that p = 1/2.
    for (let i = 0; i < 100; i++) {
      const person = i % 2 === 0 ? `L${i % listedInRange}` : `V${i}`;
      truth.push({ file: 'walkin.csv', line: 10 + i, person });
      walkins.push({ line: 10 + i, hasNik: false, nik: '', phone: '', purpose: 'Pencairan insentif' });
    }
    return { truth, records, walkins, names };
  }

  it('counts the visit only when the name within the range singles out the holder, and says how many it left out', () => {
    const wide = book(5);
    // One in 2,500 of the public is DWI PURWANTI, one in 30 lives in the range: 5 holders there, 1 in 75,000 strangers.
    const told: [number, string, boolean][] = [];
    const common = linkCeiling({ ...wide, nameFrequency: () => 4e-4, rangeShare: () => 1 / 30, threshold: 0.995, onRow: (line, found, wide) => told.push([line, found, wide]) });
    // Every recipient's visit told once: the damaged one as too wide, the others without a NIK as not found.
    expect(told.find(([line]) => line === 3)).toEqual([3, 'unreachable', true]);
    expect(told).toHaveLength(common.trulyLinked);
    expect(common.withNik).toBe(0);
    expect(common.nikTooWide).toBe(1);
    expect(common.recall).toBeLessThan(common.recallAnyNik);
    expect(common.withNik + common.byPhone + common.byName + common.unreachable).toBe(common.trulyLinked);

    const alone = book(1);
    const rare = linkCeiling({ ...alone, nameFrequency: () => 1e-7, rangeShare: () => 1 / 30, threshold: 0.995 });
    expect(rare.withNik).toBe(1);
    expect(rare.nikTooWide).toBe(0);
  });

  it('weighs a whole NIK at the desk by the range when the list shows the holder\'s NIK only in scientific notation', () => {
    // The list wrote DWI PURWANTI's NIK as `3.57824E+15`; her visit wrote it whole.
    const listWide = (listedInRange: number, province: boolean): ReturnType<typeof book> => {
      const b = book(listedInRange);
      const row = b.records.find((r) => r.file === 'central.csv' && r.line === 2);
      const visit = b.records.find((r) => r.file === 'walkin.csv' && r.line === 3);
      if (row) row.nik = '3.57824E+15';
      if (visit) visit.nik = '3578241000000001';
      b.walkins[0] = { line: 3, hasNik: true, nik: '3578241000000001', phone: '', purpose: 'Pencairan insentif' };
      if (province) {
        b.truth.push({ file: 'province.csv', line: 5, person: 'L0' });
        b.records.push({ file: 'province.csv', line: 5, source: 'province', nik: '3578241000000001' });
      }
      return b;
    };
    const common = linkCeiling({ ...listWide(5, false), nameFrequency: () => 4e-4, rangeShare: () => 1 / 30, threshold: 0.995 });
    expect(common.withNik).toBe(0);
    expect(common.nikTooWide).toBe(1);
    expect(common.listNikTooWide).toBe(1);
    expect(common.recall).toBeLessThan(common.recallAnyNik);
    // The provincial copy kept the NIK whole: the visit finds that row, and the copy the holder.
    const copied = linkCeiling({ ...listWide(5, true), nameFrequency: () => 4e-4, rangeShare: () => 1 / 30, threshold: 0.995 });
    expect(copied.withNik).toBe(1);
    expect(copied.listNikTooWide).toBe(0);
    // A name rare in the range still singles her out.
    const rare = linkCeiling({ ...listWide(1, false), nameFrequency: () => 1e-7, rangeShare: () => 1 / 30, threshold: 0.995 });
    expect(rare.withNik).toBe(1);
  });

  it('counts every written NIK as before when it is told nothing of the public\'s ranges', () => {
    const c = linkCeiling({ ...book(5), nameFrequency: () => 4e-4, threshold: 0.995 });
    expect(c.withNik).toBe(1);
    expect(c.recall).toBe(c.recallAnyNik);
  });
});
