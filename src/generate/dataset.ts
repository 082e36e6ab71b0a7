/**
 * Write a realistic, messy, seeded data set with its ground truth:
 *
 * - `central.csv`  — the Manajemen Pelaksana export: `NIK,NAMA,GELOMBANG,STATUS,KAB_KOTA`, LF, no title rows;
 *                    rows in wave order, with duplicates and rows that carry someone else's NIK.
 * - `province.csv` — the provincial consolidation: `No;No KTP;Nama Lengkap;Gel;Kabupaten/Kota`, `;`, CRLF,
 *                    three title rows above the header and a `JUMLAH` footer; a sample of the same recipients,
 *                    mangled more.
 * - `walkin.csv`   — the guest book: `Tanggal,Nama,NIK,No HP,Keperluan`, UTF-8 BOM, CRLF, one title row;
 *                    chronological, repeat visitors, recipients (before and after their wave) and others.
 * - `truth.csv`    — `file,line,person`: for every data row of the three files, its 1-based physical line
 *                    and the id of the person it really is. Title, header and footer lines have no truth row.
 * - `persons.csv`  — `person,kind,name`: every person's true (uncorrupted) name, for ceiling analyses
 *                    (`ceiling.ts`); a resolver never sees it.
 * - `borrowed.csv` — `file,line,holder`: every row written with another person's NIK (a central row under
 *                    someone else's name, a relative in the guest book), and the person the NIK belongs to.
 *
 * Everything follows from the seed: the same options give byte-identical files.
 */
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { regionByCode } from '../normalise/regions.js';
import { DEFAULT_RATES, corruptName, corruptNik, type CorruptionStats, type Rates } from './corrupt.js';
import { LineWriter, csvField } from './line-writer.js';
import { Population, type Person } from './population.js';
import { Rng, deriveSeed, permutation, seedOf, weightedTable } from './random.js';

export interface DatasetOptions {
  /** Directory to write into (created if missing; existing files of the same names are replaced). */
  outDir: string;
  seed: number | string;
  /** Data rows in central.csv. */
  central: number;
  /** Data rows in walkin.csv. */
  walkin: number;
  /** Data rows in province.csv; default 30% of `central`. */
  province?: number;
  /** Number of waves (gelombang); default 11, as in 2020. */
  waves?: number;
  /** 4-digit kab/kota code of the office, or a 2-digit province code; default `1271` (Kota Medan). */
  officeRegion?: string;
  rates?: Partial<Rates>;
  /** Share of NIK prefixes with serials far from 0001 (see `PopulationOptions.wideSerials`); default 0. */
  wideSerials?: number;
}

/**
 * Named variants of the generated data, to measure the resolver on more than one distribution:
 * - `default`: Kota Medan's desk (Batak, Malay, Javanese names), 30% of guest-book rows without a NIK,
 *   15% without a phone.
 * - `issue-12`: the independent set issue 12 measured on, as far as it was described: another name
 *   distribution (Kota Surabaya's desk: mostly Javanese and Madurese names), 20% of guest-book rows
 *   without a NIK, and most visitors giving the same phone every visit (5% without one).
 */
export const DATASET_VARIANTS = {
  default: { officeRegion: '1271', rates: {} },
  'issue-12': { officeRegion: '3578', rates: { walkinNikMissing: 0.2, walkinPhoneMissing: 0.05 } },
} as const satisfies Record<string, { officeRegion: string; rates: Partial<Rates> }>;

export type DatasetVariant = keyof typeof DATASET_VARIANTS;

export interface DatasetFile {
  path: string;
  /** Data rows (each has one truth row). */
  rows: number;
  /** Physical lines, including title, header and footer lines. */
  lines: number;
}

export interface DatasetResult {
  outDir: string;
  files: { central: DatasetFile; province: DatasetFile; walkin: DatasetFile; truth: DatasetFile; persons: DatasetFile; borrowed: DatasetFile };
  persons: { total: number; recipients: number; visitors: number; impostors: number };
  /** How many times each corruption was applied, over all three files. */
  corruptions: CorruptionStats;
}

const DAY_MS = 86_400_000;
/** Wave 1 was announced on 11 April 2020; later waves follow every two weeks here. */
const WAVE1_UTC = Date.UTC(2020, 3, 11);
const WAVE_SPACING_DAYS = 14;

const PURPOSES = weightedTable([
  ['Pendaftaran Kartu Prakerja', 0.35],
  ['Cek status penerimaan', 0.2],
  ['Lupa password / email', 0.1],
  ['Konsultasi pelatihan', 0.1],
  ['Pencairan insentif', 0.1],
  ['Verifikasi NIK', 0.05],
  ['Informasi lowongan kerja', 0.1],
]);
/** What someone who is not (yet) a recipient comes for. */
const PURPOSES_NOT_RECIPIENT = weightedTable([
  ['Pendaftaran Kartu Prakerja', 0.5],
  ['Cek status penerimaan', 0.2],
  ['Lupa password / email', 0.1],
  ['Verifikasi NIK', 0.1],
  ['Informasi lowongan kerja', 0.1],
]);
/** What a future recipient comes for before their wave, and what a recipient comes for after it. */
const PURPOSES_BEFORE = weightedTable([
  ['Pendaftaran Kartu Prakerja', 0.6],
  ['Cek status penerimaan', 0.25],
  ['Verifikasi NIK', 0.15],
]);
const PURPOSES_AFTER = weightedTable([
  ['Konsultasi pelatihan', 0.35],
  ['Pencairan insentif', 0.35],
  ['Lupa password / email', 0.2],
  ['Cek status penerimaan', 0.1],
]);

function wholeNumber(name: string, value: number | undefined, min: number): number {
  if (value === undefined || !Number.isInteger(value) || value < min) {
    throw new UsageError(`${name} must be a whole number of at least ${min}, got ${String(value)}.`);
  }
  return value;
}

/** A growable list of 32-bit integers (person indices), 4 bytes each. */
class IntList {
  private data = new Int32Array(1024);
  length = 0;
  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new Int32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }
  at(i: number): number {
    const value = this.data[i];
    if (value === undefined || i >= this.length) throw new Error(`IntList index ${i} out of range`);
    return value;
  }
}

/**
 * Generate the four files into `options.outDir`.
 *
 * @example
 * const result = await generateDataset({ outDir: 'tmp/demo', seed: 1, central: 10_000, walkin: 1_000 });
 * result.files.truth.path; // 'tmp/demo/truth.csv'
 */
export async function generateDataset(options: DatasetOptions): Promise<DatasetResult> {
  const centralRows = wholeNumber('central', options.central, 0);
  const walkinRows = wholeNumber('walkin', options.walkin, 0);
  const provinceRows = wholeNumber('province', options.province ?? Math.round(centralRows * 0.3), 0);
  const waves = wholeNumber('waves', options.waves ?? 11, 1);
  const rates: Rates = { ...DEFAULT_RATES, ...options.rates };
  for (const [key, value] of Object.entries(rates)) {
    if (typeof value !== 'number' || !(value >= 0)) throw new UsageError(`rate ${key} must be a number >= 0.`);
  }
  if (provinceRows > 0 && centralRows === 0) {
    throw new UsageError('province rows are a sample of central recipients: give central > 0 or province 0.');
  }

  const seed = seedOf(options.seed);
  const population = new Population({
    seed,
    officeRegion: options.officeRegion ?? '1271',
    expected: centralRows + walkinRows,
    wideSerials: options.wideSerials,
  });
  const office = population.officeRegion;
  const outDir = resolve(options.outDir);
  await mkdir(outDir, { recursive: true });

  const stats: CorruptionStats = {};
  const truth = new LineWriter(join(outDir, 'truth.csv'));
  truth.line('file,line,person');
  // Rows under another person's NIK: a few per thousand, kept in memory to be written at the end.
  const borrowed: string[] = [];
  let borrowedRows = 0;
  /** The names of relatives who took a recipient's family name (persons.csv must show the name they use). */
  const renamed = new Map<number, string>();

  const regencyNames = new Map<string, string>();
  const regencyNamesUpper = new Map<string, string>();
  const regencyName = (code: string): string => {
    let name = regencyNames.get(code);
    if (name === undefined) {
      name = regionByCode(code)?.name ?? code;
      regencyNamesUpper.set(code, name.toUpperCase());
      regencyNames.set(code, name);
    }
    return name;
  };

  const regencyNameUpper = (code: string): string => {
    regencyName(code);
    return regencyNamesUpper.get(code) ?? code;
  };

  // ---- central.csv ----
  const recipients = new IntList();
  const waveStart: number[] = [0]; // waveStart[w - 1] = position in `recipients` of wave w's first person
  let impostors = 0;
  const central = new LineWriter(join(outDir, 'central.csv'));
  {
    const rng = new Rng(deriveSeed(seed, 1));
    central.line('NIK,NAMA,GELOMBANG,STATUS,KAB_KOTA');
    for (let j = 0; j < centralRows; j++) {
      const wave = 1 + Math.floor((j * waves) / centralRows);
      while (waveStart.length < wave) waveStart.push(recipients.length);
      const u = rng.next();
      let person: Person;
      let nik: string;
      let holder: Person | null = null;
      if (recipients.length > 0 && u < rates.centralDuplicate) {
        person = population.get(recipients.at(rng.int(0, recipients.length - 1)));
        nik = person.nik;
      } else if (recipients.length > 0 && u < rates.centralDuplicate + rates.sameNikOtherName) {
        holder = population.get(recipients.at(rng.int(0, recipients.length - 1)));
        nik = holder.nik;
        person = population.create('impostor');
        impostors++;
      } else {
        person = population.create('recipient');
        recipients.push(person.index);
        nik = person.nik;
      }
      const line = central.line(
        `${csvField(corruptNik(rng, nik, rates, 1, 0, stats), ',')},${csvField(
          corruptName(rng, person.name, person.sex, rates, 1, stats),
          ',',
        )},${wave},${rng.next() < rates.revoked ? 'DICABUT' : 'PENERIMA'},${regencyNameUpper(person.homeRegency)}`,
      );
      truth.line(`central.csv,${line},${person.id}`);
      if (holder) borrowed.push(`central.csv,${line},${holder.id}`);
      if (central.full) await central.flush();
      if (truth.full) await truth.flush();
    }
    while (waveStart.length < waves) waveStart.push(recipients.length);
  }
  await central.close();

  /** The wave of the recipient at this position of `recipients`. */
  const waveOf = (position: number): number => {
    let lo = 0;
    let hi = waveStart.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if ((waveStart[mid] ?? 0) <= position) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };

  // ---- province.csv ----
  const province = new LineWriter(join(outDir, 'province.csv'), '\r\n');
  {
    const rng = new Rng(deriveSeed(seed, 2));
    const factor = rates.provinceFactor;
    const provinceName = regionByCode(office.code.slice(0, 2))?.name ?? office.code.slice(0, 2);
    province.line('DAFTAR PENERIMA KARTU PRAKERJA;;;;');
    province.line(`PROVINSI ${provinceName.toUpperCase()};;;;`);
    province.line(';;;;');
    province.line('No;No KTP;Nama Lengkap;Gel;Kabupaten/Kota');
    // A sample of distinct recipients (a pseudo-random permutation, no memory), with a few repeated rows.
    const sample = permutation(recipients.length, deriveSeed(seed, 4));
    for (let j = 0; j < provinceRows; j++) {
      const repeat = j > 0 && rng.next() < rates.centralDuplicate * factor;
      const position = sample((repeat ? rng.int(0, j - 1) : j) % recipients.length);
      const person = population.get(recipients.at(position));
      let place = regencyName(person.homeRegency);
      const style = rng.next();
      if (style < 0.3) place = place.toUpperCase();
      else if (style < 0.4) place = place.replace(/^Kabupaten /, 'Kab. ');
      else if (style < 0.45) place = place.replace(/^(Kabupaten|Kota) /, '');
      const line = province.line(
        `${j + 1};${csvField(corruptNik(rng, person.nik, rates, factor, 0, stats), ';')};${csvField(
          corruptName(rng, person.name, person.sex, rates, factor, stats),
          ';',
        )};${waveOf(position)};${csvField(place, ';')}`,
      );
      truth.line(`province.csv,${line},${person.id}`);
      if (province.full) await province.flush();
      if (truth.full) await truth.flush();
    }
    province.line(`JUMLAH;;${provinceRows} orang;;`);
  }
  await province.close();

  // ---- walkin.csv ----
  const walkin = new LineWriter(join(outDir, 'walkin.csv'), '\r\n', true);
  let visitors = 0;
  {
    const rng = new Rng(deriveSeed(seed, 3));
    const factor = rates.walkinFactor;
    // Working days from a month before wave 1 to three months after the last wave.
    const workDays: number[] = [];
    const lastWaveUtc = WAVE1_UTC + (waves - 1) * WAVE_SPACING_DAYS * DAY_MS;
    for (let t = WAVE1_UTC - 30 * DAY_MS; t <= lastWaveUtc + 90 * DAY_MS; t += DAY_MS) {
      const weekday = new Date(t).getUTCDay();
      if (weekday !== 0 && weekday !== 6) workDays.push(t);
    }
    const dayText = workDays.map((t) => {
      const d = new Date(t);
      const dd = String(d.getUTCDate()).padStart(2, '0');
      const mm = String(d.getUTCMonth() + 1).padStart(2, '0');
      return `${dd}/${mm}/${d.getUTCFullYear()}`;
    });
    // Recent visitors who may come back: a bounded ring, so memory stays constant.
    const ring = new Int32Array(4096);
    let ringSize = 0;
    let ringNext = 0;
    const remember = (index: number): void => {
      ring[ringNext] = index;
      ringNext = (ringNext + 1) % ring.length;
      ringSize = Math.min(ringSize + 1, ring.length);
    };

    walkin.line(`BUKU TAMU LAYANAN KARTU PRAKERJA - DINAS TENAGA KERJA ${office.name.toUpperCase()},,,,`);
    walkin.line('Tanggal,Nama,NIK,No HP,Keperluan');
    for (let j = 0; j < walkinRows; j++) {
      const day = Math.floor((j * dayText.length) / walkinRows);
      const date = dayText[day] ?? '';
      let person: Person;
      let nik: string;
      let holder: Person | null = null;
      let purposes = PURPOSES;
      if (ringSize > 0 && rng.next() < rates.walkinRepeat) {
        person = population.get(ring[rng.int(0, ringSize - 1)] ?? 0);
        nik = person.nik;
      } else if (recipients.length > 0 && rng.next() < rates.walkinBorrowed) {
        // A relative of a (local) recipient, writing the recipient's NIK: a borrowed identity.
        holder = population.get(recipients.at(rng.int(0, recipients.length - 1)));
        for (let tries = 0; tries < 4 && !holder.homeRegency.startsWith(office.code) && rng.next() > 0.15; tries++) {
          holder = population.get(recipients.at(rng.int(0, recipients.length - 1)));
        }
        nik = holder.nik;
        person = population.create('impostor');
        impostors++;
        purposes = PURPOSES_NOT_RECIPIENT;
        const own = person.name.split(' ');
        const family = holder.name.split(' ');
        if (own.length >= 2 && family.length >= 2 && rng.next() < 0.5) {
          own[own.length - 1] = family[family.length - 1] ?? '';
          renamed.set(person.index, own.join(' '));
        }
      } else if (recipients.length > 0 && rng.next() < rates.walkinRecipient) {
        // Residents of the office's own kab/kota come to its desk far more than people from elsewhere.
        let position = rng.int(0, recipients.length - 1);
        person = population.get(recipients.at(position));
        for (let tries = 0; tries < 4 && !person.homeRegency.startsWith(office.code) && rng.next() > 0.15; tries++) {
          position = rng.int(0, recipients.length - 1);
          person = population.get(recipients.at(position));
        }
        nik = person.nik;
        remember(person.index);
        // Visit dates span the whole programme, so about half of these visits come before the wave.
        const waveUtc = WAVE1_UTC + (waveOf(position) - 1) * WAVE_SPACING_DAYS * DAY_MS;
        purposes = (workDays[day] ?? 0) < waveUtc ? PURPOSES_BEFORE : PURPOSES_AFTER;
      } else if (recipients.length > 0 && rng.next() < rates.sameNikOtherName) {
        holder = population.get(recipients.at(rng.int(0, recipients.length - 1)));
        nik = holder.nik;
        person = population.create('impostor');
        impostors++;
        purposes = PURPOSES_NOT_RECIPIENT;
      } else {
        person = population.create('visitor');
        purposes = PURPOSES_NOT_RECIPIENT;
        visitors++;
        nik = person.nik;
        remember(person.index);
      }
      const name = renamed.get(person.index) ?? person.name;
      const p = rng.next();
      const missing = rates.walkinPhoneMissing;
      const phone = p < missing ? '' : p < missing + 0.1 ? `+62${population.phoneOf(person).slice(1)}` : population.phoneOf(person);
      const line = walkin.line(
        `${date},${csvField(corruptName(rng, name, person.sex, rates, factor, stats), ',')},${csvField(
          // Who borrows a NIK writes it: a borrowed row is never one without a NIK.
          corruptNik(rng, nik, rates, factor, holder ? 0 : rates.walkinNikMissing, stats),
          ',',
        )},${phone},${rng.weighted(purposes)}`,
      );
      truth.line(`walkin.csv,${line},${person.id}`);
      if (holder) borrowed.push(`walkin.csv,${line},${holder.id}`);
      if (walkin.full) await walkin.flush();
      if (truth.full) await truth.flush();
    }
  }
  await walkin.close();
  await truth.close();

  const persons = new LineWriter(join(outDir, 'persons.csv'));
  persons.line('person,kind,name');
  for (let i = 0; i < population.size; i++) {
    const person = population.get(i);
    persons.line(`${person.id},${person.kind},${csvField(renamed.get(i) ?? person.name, ',')}`);
    if (persons.full) await persons.flush();
  }
  await persons.close();

  const borrowedFile = new LineWriter(join(outDir, 'borrowed.csv'));
  borrowedFile.line('file,line,holder');
  for (const row of borrowed) {
    borrowedFile.line(row);
    borrowedRows++;
    if (borrowedFile.full) await borrowedFile.flush();
  }
  await borrowedFile.close();

  const file = (writer: LineWriter, rows: number): DatasetFile => ({ path: writer.path, rows, lines: writer.lines });
  return {
    outDir,
    files: {
      central: file(central, centralRows),
      province: file(province, provinceRows),
      walkin: file(walkin, walkinRows),
      truth: file(truth, centralRows + provinceRows + walkinRows),
      persons: file(persons, population.size),
      borrowed: file(borrowedFile, borrowedRows),
    },
    persons: { total: population.size, recipients: recipients.length, visitors, impostors },
    corruptions: stats,
  };
}
