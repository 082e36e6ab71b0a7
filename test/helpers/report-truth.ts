/**
 * The reports' numbers computed straight from the fixture's ground truth, in plain TypeScript: no SQL, no
 * code shared with src/report. The tests compare the reports with these.
 */
import { districtsOf } from '../../src/normalise/regions.js';
import type { Fixture, Truth } from './report-fixture.js';

export function ageAt(birth: string, ref: string): number {
  const [by = 0, bm = 0, bd = 0] = birth.split('-').map(Number);
  const [ry = 0, rm = 0, rd = 0] = ref.split('-').map(Number);
  return ry - by - (rm < bm || (rm === bm && rd < bd) ? 1 : 0);
}

const assisted = (p: Truth) => p.visits.length > 0 && !p.unresolved;

export function expectedWaveRows(fx: Fixture, ref: string) {
  return fx.waves.map((wave) => {
    const ps = fx.persons.filter((p) => p.copies.has(wave));
    const rows = ps.reduce((n, p) => n + (p.copies.get(wave) ?? 0), 0);
    const band = (lo: number, hi: number) => ps.filter((p) => p.birth !== null && ageAt(p.birth, ref) >= lo && ageAt(p.birth, ref) <= hi).length;
    const help = ps.filter(assisted).length;
    return {
      wave,
      ref_date: ref,
      // One file per wave in the fixture: nothing repeated from another file, every status known.
      files: 1,
      rows,
      recipients: ps.length,
      residents: ps.filter((p) => p.region?.startsWith(fx.office)).length,
      revoked: ps.filter((p) => p.revoked.has(wave)).length,
      status_unknown: 0,
      duplicate_rows: rows - ps.length,
      repeated_rows: 0,
      nik_invalid: ps.filter((p) => p.nikKind === 'invalid' || p.nikKind === 'missing').reduce((n, p) => n + (p.copies.get(wave) ?? 0), 0),
      nik_damaged: ps.filter((p) => p.nikKind === 'damaged').reduce((n, p) => n + (p.copies.get(wave) ?? 0), 0),
      conflicts: fx.conflicts.filter((c) => c.wave === wave).length,
      assisted: help,
      assisted_share: ps.length > 0 ? help / ps.length : null,
      women: ps.filter((p) => p.sex === 'F').length,
      men: ps.filter((p) => p.sex === 'M').length,
      age_lt25: band(0, 24),
      age_25_34: band(25, 34),
      age_35_44: band(35, 44),
      age_45_54: band(45, 54),
      age_55plus: band(55, 200),
      age_unknown: ps.filter((p) => p.birth === null).length,
    };
  });
}

const monthOf = (d: string | null) => (d === null ? null : d.slice(0, 7));
const isRecipient = (p: Truth) => p.copies.size > 0 && !p.unresolved;

export function expectedMonthlyRows(fx: Fixture) {
  const months = [...new Set(fx.persons.flatMap((p) => p.visits.map(monthOf)))].sort((a, b) =>
    a === null ? 1 : b === null ? -1 : a.localeCompare(b),
  );
  return months.map((month) => {
    const visitors = fx.persons.filter((p) => p.visits.some((d) => monthOf(d) === month));
    const visits = fx.persons.reduce((n, p) => n + p.visits.filter((d) => monthOf(d) === month).length, 0);
    // Persons: resolved ones once; an unresolved visitor's each row is a person of its own.
    const persons = visitors.reduce((n, p) => n + (p.unresolved ? p.visits.filter((d) => monthOf(d) === month).length : 1), 0);
    const recipients = visitors.filter(isRecipient);
    // Identity known: the visitor wrote a valid NIK (a recipient's is known from the list anyway).
    const known = (p: Truth) => p.visitWithNik && p.nik !== null;
    const others = visitors.filter((p) => !isRecipient(p));
    const count = (ps: Truth[]) => ps.reduce((n, p) => n + (p.unresolved ? p.visits.filter((d) => monthOf(d) === month).length : 1), 0);
    const waves = new Map<number, number>();
    for (const p of recipients) for (const w of p.copies.keys()) waves.set(w, (waves.get(w) ?? 0) + 1);
    return {
      month,
      visits,
      persons,
      recipients: recipients.length,
      recipient_waves: [...waves].sort((a, b) => a[0] - b[0]).map(([wave, n]) => ({ wave, persons: n })),
      not_yet: count(others.filter(known)),
      uncertain: count(others.filter((p) => !known(p))),
      visits_without_nik: fx.persons.reduce((n, p) => n + (p.visitWithNik && p.nik ? 0 : p.visits.filter((d) => monthOf(d) === month).length), 0),
    };
  });
}

export function expectedNotYet(fx: Fixture, month: string) {
  return fx.persons
    .filter((p) => !isRecipient(p) && p.visits.some((d) => monthOf(d) === month))
    .map((p) => {
      const dates = p.visits.filter((d): d is string => monthOf(d) === month).sort();
      const nik = p.visitWithNik ? p.nik : null;
      return { name: p.name, visits: dates.length, last_visit: dates[dates.length - 1] ?? null, nik, standing: nik === null ? 'uncertain' : 'not_yet' };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

export function expectedKecamatanRows(fx: Fixture, wave: number | null) {
  const ps = fx.persons.filter((p) => (wave === null ? p.copies.size > 0 : p.copies.has(wave)) && p.region?.startsWith(fx.office));
  return districtsOf(fx.office)
    .filter((d) => !d.legacy)
    .map((d) => {
      const here = ps.filter((p) => p.region === d.code);
      const help = here.filter(assisted).length;
      return {
        code: d.code,
        name: d.name,
        recipients: here.length,
        revoked: here.filter((p) => (wave === null ? p.revoked.size > 0 : p.revoked.has(wave))).length,
        assisted: help,
        assisted_share: here.length > 0 ? help / here.length : null,
        women: here.filter((p) => p.sex === 'F').length,
        men: here.filter((p) => p.sex === 'M').length,
      };
    });
}
