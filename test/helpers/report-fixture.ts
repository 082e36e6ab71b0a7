/**
 * A seeded, made-up office's data for the report tests: the ground truth (persons, their NIKs, waves,
 * copies, revocations, visits) and the files a real office would import. `loadFixture` imports the files
 * through the real CLI and then assigns person_id from the truth with plain SQL, as the resolver would.
 * No real person's data: names are combined from common Indonesian names, NIK serials are random.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { districtsOf } from '../../src/normalise/regions.js';
import { runCli } from './cli.js';

export type NikKind = 'valid' | 'invalid' | 'damaged' | 'missing';

export interface Truth {
  /** person_id the test assigns; `unresolved` persons keep person_id NULL. */
  id: number;
  name: string;
  nikKind: NikKind;
  /** The valid NIK, when nikKind is 'valid'. */
  nik: string | null;
  /** What the file says in the NIK column. */
  nikCell: string;
  region: string | null;
  sex: 'M' | 'F' | null;
  birth: string | null;
  /** wave → number of rows of this person in that wave's central list. */
  copies: Map<number, number>;
  /** Waves in which this person is listed as dicabut. */
  revoked: Set<number>;
  /** Visit dates at the desk, 'YYYY-MM-DD' or null for a row without a date. */
  visits: (string | null)[];
  /** Whether the walk-in rows carry the NIK (else the NIK cell is blank). */
  visitWithNik: boolean;
  phone: string;
  unresolved: boolean;
}

export interface Fixture {
  office: string;
  waves: number[];
  persons: Truth[];
  /** Pairs of person ids sharing one valid NIK under different names, in one wave. */
  conflicts: { wave: number; a: number; b: number }[];
}

export interface FixtureSize {
  waves: number;
  /** Recipients per wave on average; each wave gets between half and one and a half times as many. */
  perWave: number;
  /** Desk visitors who never appear in a central list. */
  visitorsOnly: number;
  seed: number;
  /** Months of the walk-in log: 'YYYY-MM'. */
  months: string[];
}

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST_M = ['AHMAD', 'BUDI', 'DEDI', 'EKO', 'FAJAR', 'HENDRA', 'IRWAN', 'JOKO', 'RIZKY', 'SURYA', 'TAUFIK', 'YUSUF', 'AGUS', 'BAMBANG', 'DANI'];
const FIRST_F = ['SITI', 'DEWI', 'FITRI', 'INDAH', 'LESTARI', 'NUR', 'PUTRI', 'RINA', 'SRI', 'WULAN', 'YULIA', 'AYU', 'MAYA', 'RATNA', 'TUTI'];
const LAST = ['SIREGAR', 'NASUTION', 'LUBIS', 'HARAHAP', 'SIMANJUNTAK', 'PANJAITAN', 'SARAGIH', 'GINTING', 'TARIGAN', 'HASIBUAN', 'PURBA', 'DAMANIK', 'SEMBIRING', 'SINAGA', 'PANGARIBUAN', 'AMINAH', 'RAHAYU', 'SANTOSO', 'WIJAYA', 'PRATAMA'];

/** Builds the ground truth: deterministic for a seed. */
export function makeFixture(size: FixtureSize): Fixture {
  const rand = rng(size.seed);
  const pick = <T>(xs: readonly T[]): T => {
    const x = xs[Math.floor(rand() * xs.length)];
    if (x === undefined) throw new Error('pick from an empty list');
    return x;
  };
  const office = '1271';
  const local = districtsOf(office).map((d) => d.code);
  const elsewhere = [...districtsOf('1275'), ...districtsOf('1207')].map((d) => d.code);
  const usedNames = new Set<string>();
  const usedNiks = new Set<string>();
  const persons: Truth[] = [];
  const waves = Array.from({ length: size.waves }, (_, i) => i + 1);

  const newPerson = (): Truth => {
    const sex = rand() < 0.52 ? 'F' : 'M';
    let name = '';
    do name = `${pick(sex === 'F' ? FIRST_F : FIRST_M)} ${pick(LAST)}${rand() < 0.3 ? ` ${pick(LAST)}` : ''}`;
    while (usedNames.has(name));
    usedNames.add(name);
    // Most recipients of a kab/kota list live there; a province list brings neighbours too.
    const region = rand() < 0.7 ? pick(local) : pick(elsewhere);
    const year = 1962 + Math.floor(rand() * 43);
    const month = 1 + Math.floor(rand() * 12);
    const day = 1 + Math.floor(rand() * 28);
    let nik = '';
    do {
      const serial = String(1 + Math.floor(rand() * 9998)).padStart(4, '0');
      nik = `${region}${String(day + (sex === 'F' ? 40 : 0)).padStart(2, '0')}${String(month).padStart(2, '0')}${String(year % 100).padStart(2, '0')}${serial}`;
    } while (usedNiks.has(nik));
    usedNiks.add(nik);
    const p: Truth = {
      id: persons.length + 1,
      name,
      nikKind: 'valid',
      nik,
      nikCell: nik,
      region,
      sex,
      birth: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      copies: new Map(),
      revoked: new Set(),
      visits: [],
      visitWithNik: rand() < 0.8,
      phone: `0812${String(Math.floor(rand() * 1e8)).padStart(8, '0')}`,
      unresolved: false,
    };
    const r = rand();
    if (r < 0.04) spoil(p, 'invalid');
    else if (r < 0.07) spoil(p, 'damaged');
    persons.push(p);
    return p;
  };
  const spoil = (p: Truth, kind: 'invalid' | 'damaged') => {
    const nik = p.nik ?? '';
    p.nikKind = kind;
    // invalid: a digit dropped (15 digits); damaged: Excel's scientific notation.
    p.nikCell = kind === 'invalid' ? nik.slice(0, 15) : `${nik.slice(0, 1)}.${nik.slice(1, 6)}E+15`;
    p.nik = null;
    p.region = null;
    p.sex = null;
    p.birth = null;
    p.visitWithNik = false;
  };
  const visitDate = () => {
    const m = pick(size.months);
    return `${m}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`;
  };

  for (const wave of waves) {
    const count = Math.round(size.perWave * (0.5 + rand()));
    for (let i = 0; i < count; i += 1) {
      const p = newPerson();
      p.copies.set(wave, rand() < 0.06 ? 2 : 1);
      if (rand() < 0.08) p.revoked.add(wave);
      if (rand() < 0.15) for (let v = rand() < 0.2 ? 2 : 1; v > 0; v -= 1) p.visits.push(visitDate());
    }
  }
  // A person revoked in one wave and accepted again in a later one.
  const again = persons.find((p) => p.revoked.size > 0 && p.nikKind === 'valid' && !p.copies.has(waves.length));
  if (again && waves.length > 1) again.copies.set(waves.length, 1);
  // Two different persons under one NIK in the last wave: a conflict.
  const conflicts: Fixture['conflicts'] = [];
  const host = persons.find((p) => p.copies.has(waves.length) && p.nikKind === 'valid' && p.revoked.size === 0 && p.copies.size === 1);
  if (host) {
    const twin = newPerson();
    Object.assign(twin, { nikKind: 'valid', nik: host.nik, nikCell: host.nikCell, region: host.region, sex: host.sex, birth: host.birth, visits: [] });
    twin.copies.set(waves.length, 1);
    conflicts.push({ wave: waves.length, a: host.id, b: twin.id });
  }
  for (let i = 0; i < size.visitorsOnly; i += 1) {
    const p = newPerson();
    for (let v = rand() < 0.25 ? 2 : 1; v > 0; v -= 1) p.visits.push(visitDate());
  }
  // A visitor without a NIK the resolver could not match, and a guest-book row without a date.
  const lone = newPerson();
  Object.assign(lone, { visitWithNik: false, unresolved: true, visits: [pick(size.months) + '-15'] });
  const undated = persons.find((p) => p.visits.length > 0 && p.copies.size === 0);
  undated?.visits.push(null);
  return { office, waves, persons, conflicts };
}

const csvLine = (cells: readonly string[]) => cells.map((c) => (/[;"\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(';');

interface FileRows {
  file: string;
  /** Line number → person id (null for unresolved). */
  lines: Map<number, number | null>;
}

/** Writes the central list of each wave and the guest book; returns which person is on which line. */
export function writeFixtureFiles(fx: Fixture, dir: string): { central: Map<number, FileRows>; walkin: FileRows } {
  const central = new Map<number, FileRows>();
  for (const wave of fx.waves) {
    const lines = new Map<number, number | null>();
    const out = [csvLine(['NO', 'NIK', 'NAMA', 'STATUS'])];
    for (const p of fx.persons) {
      for (let c = 0; c < (p.copies.get(wave) ?? 0); c += 1) {
        out.push(csvLine([String(out.length), p.nikCell, p.name, p.revoked.has(wave) ? 'DICABUT' : 'PENERIMA']));
        lines.set(out.length, p.id);
      }
    }
    const file = join(dir, `penerima-gelombang-${wave}.csv`);
    writeFileSync(file, `${out.join('\r\n')}\r\n`);
    central.set(wave, { file, lines });
  }
  const lines = new Map<number, number | null>();
  const out = [csvLine(['Tanggal', 'Nama', 'NIK', 'No HP'])];
  for (const p of fx.persons) {
    for (const d of p.visits) {
      const date = d === null ? '' : `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
      out.push(csvLine([date, p.name, p.visitWithNik && p.nik ? p.nik : '', p.phone]));
      // The resolver gives a visitor it matched to nobody a person of its own; NULL would mean "never resolved",
      // which every report now finishes (matches) before counting.
      lines.set(out.length, p.id);
    }
  }
  const file = join(dir, 'buku-tamu.csv');
  writeFileSync(file, `${out.join('\r\n')}\r\n`);
  return { central, walkin: { file, lines } };
}

/** Imports the files with the real CLI, then sets person_id and conflict links from the truth. */
export async function loadFixture(fx: Fixture, dir: string, db: string): Promise<void> {
  const files = writeFixtureFiles(fx, dir);
  const ok = async (args: string[]) => {
    const r = await runCli(['--db', db, ...args]);
    if (r.code !== 0) throw new Error(`prakerja ${args.join(' ')} failed: ${r.stderr}`);
  };
  await ok(['init', '--region', fx.office]);
  // --no-resolve: persons and conflicts come from the truth below, not from the resolver.
  for (const [wave, f] of files.central) await ok(['import', f.file, '--source', 'central', '--wave', String(wave), '--no-resolve']);
  await ok(['import', files.walkin.file, '--source', 'walkin', '--no-resolve']);

  const sql = new Database(db);
  try {
    const setPerson = sql.prepare(
      'INSERT INTO record_persons (record_id, person_id) SELECT id, ? FROM records WHERE batch_id = ? AND line = ? ON CONFLICT (record_id) DO UPDATE SET person_id = excluded.person_id',
    );
    const nameAt = sql.prepare<[number, number], { name_raw: string }>('SELECT name_raw FROM records WHERE batch_id = ? AND line = ?');
    const byId = new Map(fx.persons.map((p) => [p.id, p]));
    sql.transaction(() => {
      for (const f of [...files.central.values(), files.walkin]) {
        const batch = sql.prepare<[string], { id: number }>('SELECT id FROM batches WHERE file_name = ?').get(f.file.split('/').pop() ?? '');
        if (!batch) throw new Error(`no batch for ${f.file}`);
        for (const [line, pid] of f.lines) {
          const stored = nameAt.get(batch.id, line);
          if (!stored) throw new Error(`${f.file}:${line} was not imported`);
          if (pid === null) continue;
          if (stored.name_raw !== byId.get(pid)?.name) throw new Error(`${f.file}:${line} holds ${stored.name_raw}, expected person ${pid}`);
          setPerson.run(pid, batch.id, line);
        }
      }
      const recordOf = sql.prepare<[number, number], { id: number }>(
        "SELECT r.id FROM records_resolved r WHERE r.person_id = ? AND r.wave = ? AND r.source = 'central' LIMIT 1",
      );
      for (const c of fx.conflicts) {
        const l = recordOf.get(c.a, c.wave);
        const r = recordOf.get(c.b, c.wave);
        if (!l || !r) throw new Error('conflict records missing');
        sql.prepare("INSERT INTO links (record_l, record_r, kind, rule, levels) VALUES (?, ?, 'conflict', 'exact_nik', '{}')").run(l.id, r.id);
      }
    })();
  } finally {
    sql.close();
  }
}
