/**
 * Synthetic persons with realistic Indonesian names, sex, birth date, NIK and home region.
 *
 * A person is a pure function of (seed, index, kind) plus one stored number — the NIK serial, which must be
 * unique among people sharing the same 12-digit NIK prefix. So the population keeps only 3 bytes per person
 * (serial + kind) and a compact counter table, and any person can be regenerated on demand by index: that is
 * what lets the dataset writer stream millions of rows in bounded memory.
 */
import { UsageError } from '../errors.js';
import { regionByCode, regionsAt, type Region } from '../normalise/regions.js';
import { flavourMixOf, makeName, type Flavour, type Sex } from './name-pools.js';
import { Rng, deriveSeed, mix32, seedOf } from './random.js';

export type { Flavour, Sex } from './name-pools.js';

/** Why a person exists: a programme recipient, a walk-in visitor who never is one, or a NIK borrower. */
export type PersonKind = 'recipient' | 'visitor' | 'impostor';

export interface BirthDate {
  year: number;
  month: number;
  day: number;
}

export interface Person {
  /** 0-based index in the population. */
  index: number;
  /** Stable id used in truth.csv, e.g. `P17`. */
  id: string;
  kind: PersonKind;
  /** Canonical name: modern spelling, upper case, single spaces. */
  name: string;
  sex: Sex;
  birth: BirthDate;
  /** 16 digits, always a string. */
  nik: string;
  /** 6-digit kecamatan code where the NIK was issued (its first 6 digits). */
  nikDistrict: string;
  /** 6-digit kecamatan where the person lives now (differs from nikDistrict for people who moved). */
  homeDistrict: string;
  /** 4-digit kab/kota of homeDistrict. */
  homeRegency: string;
  flavour: Flavour;
}

const KIND_CODE: Record<PersonKind, number> = { recipient: 1, visitor: 2, impostor: 3 };
const KIND_OF: readonly PersonKind[] = ['recipient', 'recipient', 'visitor', 'impostor'];

/** Birth dates cover ages 18–60 in 2020, the programme's first year. */
const FIRST_BIRTH_UTC = Date.UTC(1960, 0, 1);
const LAST_BIRTH_UTC = Date.UTC(2002, 11, 31);
const DAY_MS = 86_400_000;
const DAYS = (LAST_BIRTH_UTC - FIRST_BIRTH_UTC) / DAY_MS + 1;

let dayTable: { year: Uint16Array; month: Uint8Array; day: Uint8Array } | undefined;
function days(): { year: Uint16Array; month: Uint8Array; day: Uint8Array } {
  if (dayTable) return dayTable;
  const year = new Uint16Array(DAYS);
  const month = new Uint8Array(DAYS);
  const day = new Uint8Array(DAYS);
  for (let i = 0; i < DAYS; i++) {
    const d = new Date(FIRST_BIRTH_UTC + i * DAY_MS);
    year[i] = d.getUTCFullYear();
    month[i] = d.getUTCMonth() + 1;
    day[i] = d.getUTCDate();
  }
  dayTable = { year, month, day };
  return dayTable;
}

const PHONE_PREFIXES = ['0811', '0812', '0813', '0821', '0822', '0852', '0853', '0813', '0857', '0878', '0896', '0838'];

/** Where people's NIKs were issued, by kind: share in the office kab/kota, the rest of its province, elsewhere. */
const LOCALITY: Record<PersonKind, { office: number; province: number }> = {
  recipient: { office: 0.6, province: 0.37 },
  visitor: { office: 0.85, province: 0.12 },
  impostor: { office: 0.85, province: 0.12 },
};

const PAD2 = Array.from({ length: 100 }, (_, n) => String(n).padStart(2, '0'));
const pad2 = (n: number): string => PAD2[n] ?? String(n);
let pad4Table: string[] | undefined;
function pad4(n: number): string {
  pad4Table ??= Array.from({ length: 10_000 }, (_, i) => String(i).padStart(4, '0'));
  return pad4Table[n] ?? String(n);
}

export interface PopulationOptions {
  seed: number | string;
  /**
   * 4-digit kab/kota code of the office whose residents dominate, e.g. `1271` (Kota Medan); or a 2-digit
   * province code (a provincial Disnaker), whose residents are spread over all its kab/kota.
   */
  officeRegion: string;
  /** Expected number of persons, to size the tables up front (they grow if needed). */
  expected?: number;
  /**
   * Share of NIK prefixes (kecamatan, birth date, sex) whose first serial is drawn from 1–9000 rather than
   * near 0001, as in a registry that already holds many people of that prefix; default 0. Serials ending in
   * 95–99 are what Excel's rounding to 15 digits carries into the 14th digit (…4395 → …4400).
   */
  wideSerials?: number;
}

export class Population {
  readonly officeRegion: Region;
  private readonly seed: number;
  private readonly rng = new Rng(0);
  private readonly districts: Region[];
  private readonly officeDistricts: number[];
  private readonly provinceDistricts: number[];
  private readonly homeProvinceDistricts: number[];
  /** Per district index: its kab/kota code (one string instance each, so Map lookups hash it once). */
  private readonly regencyOf: string[];
  private readonly flavourOf: Array<ReturnType<typeof flavourMixOf>>;
  private serials: Uint16Array;
  private kinds: Uint8Array;
  private count = 0;
  // Open-addressing table of [NIK prefix key, highest serial given so far] pairs: one cache line per lookup.
  private table: Int32Array;
  private used = 0;
  private readonly wideSerials: number;

  constructor(options: PopulationOptions) {
    const office = regionByCode(options.officeRegion);
    if (!office || (office.level !== 'regency' && office.level !== 'province')) {
      throw new UsageError(
        `Unknown office region "${options.officeRegion}": give a 4-digit kab/kota code such as 1271 (Kota Medan), or a 2-digit province code such as 12 (a provincial office).`,
      );
    }
    this.officeRegion = office;
    this.seed = seedOf(options.seed);
    this.wideSerials = options.wideSerials ?? 0;
    this.districts = regionsAt('district');
    this.regencyOf = this.districts.map((d) => d.code.slice(0, 4));
    this.flavourOf = this.regencyOf.map((code) => flavourMixOf(code));
    const provinceCode = office.code.slice(0, 2);
    const current = (i: number): boolean => this.districts[i]?.legacy === false;
    const all = this.districts.map((_, i) => i);
    this.officeDistricts = all.filter((i) => this.districts[i]?.code.startsWith(office.code) && current(i));
    // A provincial office's own area is its whole province: "the rest of its province" is then the same kecamatan.
    this.provinceDistricts = all.filter(
      (i) =>
        this.districts[i]?.code.startsWith(provinceCode) && (office.level === 'province' || !this.districts[i]?.code.startsWith(office.code)),
    );
    this.homeProvinceDistricts = all.filter((i) => this.districts[i]?.code.startsWith(provinceCode) && current(i));
    if (this.officeDistricts.length === 0) {
      throw new Error(`Kab/kota ${office.code} (${office.name}) has no kecamatan in the reference data.`);
    }
    if (this.provinceDistricts.length === 0) this.provinceDistricts = this.officeDistricts;

    const expected = Math.max(1024, options.expected ?? 1024);
    this.serials = new Uint16Array(expected);
    this.kinds = new Uint8Array(expected);
    // Linear probing stays short up to 3/4 full; 8 bytes a slot, so ~10 bytes per person.
    let capacity = 1024;
    while (capacity * 0.7 < expected) capacity *= 2;
    this.table = new Int32Array(capacity * 2).fill(-1);
  }

  /** How many persons exist so far. */
  get size(): number {
    return this.count;
  }

  /** Make a new person of this kind, with a NIK no other person has. */
  create(kind: PersonKind): Person {
    const index = this.count;
    if (index >= this.serials.length) {
      const serials = new Uint16Array(this.serials.length * 2);
      serials.set(this.serials);
      this.serials = serials;
      const kinds = new Uint8Array(this.kinds.length * 2);
      kinds.set(this.kinds);
      this.kinds = kinds;
    }
    this.count++;
    this.kinds[index] = KIND_CODE[kind];
    const drawn = this.draw(index, kind);
    const serial = this.nextSerial((drawn.districtIndex * 2 + (drawn.sex === 'P' ? 1 : 0)) * DAYS + drawn.dayIndex);
    this.serials[index] = serial;
    return this.build(index, kind, drawn, serial);
  }

  /** Regenerate the person at this index (identical to what `create` returned). */
  get(index: number): Person {
    if (index < 0 || index >= this.count) throw new Error(`No person with index ${index}`);
    const kind = KIND_OF[this.kinds[index] ?? 0] ?? 'recipient';
    return this.build(index, kind, this.draw(index, kind), this.serials[index] ?? 1);
  }

  /** The person's mobile number as they write it, e.g. `081234567890` (drawn apart: only walk-ins need it). */
  phoneOf(person: Person): string {
    const rng = this.rng.reseed(deriveSeed(this.seed ^ 0x5bd1e995, person.index));
    return rng.pick(PHONE_PREFIXES) + rng.digits(rng.next() < 0.7 ? 8 : 7);
  }

  private draw(index: number, kind: PersonKind) {
    const rng = this.rng.reseed(deriveSeed(this.seed, index));
    const sex: Sex = rng.next() < 0.5 ? 'L' : 'P';
    const dayIndex = Math.floor(rng.next() * DAYS);
    const where = LOCALITY[kind];
    const u = rng.next();
    let districtIndex: number;
    let national = false;
    if (u < where.office) districtIndex = rng.pick(this.officeDistricts);
    else if (u < where.office + where.province) districtIndex = rng.pick(this.provinceDistricts);
    else {
      districtIndex = rng.int(0, this.districts.length - 1);
      national = true;
    }
    const nikDistrict = this.districts[districtIndex];
    if (!nikDistrict) throw new Error('district table is empty');
    // People from elsewhere, old codes, and 3% of the rest now live somewhere else in the office's province.
    let homeIndex = districtIndex;
    const moved = rng.next() < 0.03;
    if (national || nikDistrict.legacy || moved) {
      homeIndex = rng.pick(rng.next() < 0.6 ? this.officeDistricts : this.homeProvinceDistricts);
    }
    const home = this.districts[homeIndex] ?? nikDistrict;
    const homeRegency = this.regencyOf[homeIndex] ?? home.code.slice(0, 4);
    const mix = this.flavourOf[districtIndex];
    const flavour = mix ? rng.weighted(mix) : 'muslim';
    const name = makeName(rng, flavour, sex, days().year[dayIndex] ?? 1990);
    return { sex, dayIndex, districtIndex, nikDistrict, home, homeRegency, flavour, name };
  }

  private build(index: number, kind: PersonKind, d: ReturnType<Population['draw']>, serial: number): Person {
    const t = days();
    const year = t.year[d.dayIndex] ?? 1990;
    const month = t.month[d.dayIndex] ?? 1;
    const day = t.day[d.dayIndex] ?? 1;
    const nik =
      d.nikDistrict.code + pad2(d.sex === 'P' ? day + 40 : day) + pad2(month) + pad2(year % 100) + pad4(serial);
    return {
      index,
      id: `P${index + 1}`,
      kind,
      name: d.name,
      sex: d.sex,
      birth: { year, month, day },
      nik,
      nikDistrict: d.nikDistrict.code,
      homeDistrict: d.home.code,
      homeRegency: d.homeRegency,
      flavour: d.flavour,
    };
  }

  private nextSerial(key: number): number {
    if (this.used * 8 >= this.table.length * 3) this.grow();
    const table = this.table;
    const mask = (table.length >>> 1) - 1;
    let slot = mix32(key) & mask;
    for (;;) {
      const k = table[slot * 2];
      if (k === key) {
        // Skip a few serials: the registry holds many more people than the data set does.
        const n = (table[slot * 2 + 1] ?? 0) + 1 + Math.floor(this.rng.next() * 4);
        if (n > 9999) throw new Error('NIK serials exhausted for one prefix: use fewer persons per region');
        table[slot * 2 + 1] = n;
        return n;
      }
      if (k === -1) {
        // The extra draw only when asked for: the default data sets stay byte-identical.
        const wide = this.wideSerials > 0 && this.rng.next() < this.wideSerials;
        const n = wide ? 1 + Math.floor(this.rng.next() * 9000) : this.rng.next() < 0.6 ? 1 : 2 + Math.floor(this.rng.next() * this.rng.next() * 40);
        table[slot * 2] = key;
        table[slot * 2 + 1] = n;
        this.used++;
        return n;
      }
      slot = (slot + 1) & mask;
    }
  }

  private grow(): void {
    const old = this.table;
    const table = new Int32Array(old.length * 2).fill(-1);
    const mask = (table.length >>> 1) - 1;
    for (let i = 0; i < old.length; i += 2) {
      const key = old[i] ?? -1;
      if (key === -1) continue;
      let slot = mix32(key) & mask;
      while (table[slot * 2] !== -1) slot = (slot + 1) & mask;
      table[slot * 2] = key;
      table[slot * 2 + 1] = old[i + 1] ?? 0;
    }
    this.table = table;
  }
}

/**
 * True when a string is a structurally valid NIK: 16 digits, a known kecamatan code (current or legacy),
 * day 1–31 or 41–71 valid for the month (29 Feb only in years divisible by 4), month 1–12, serial ≥ 0001.
 * A local check for the generator and its evaluator; the product's own parser lives in src/normalise/nik.ts.
 *
 * @example
 * nikLooksValid('1271054508900001'); // true: a woman born 5 Aug 1990 in Kota Medan
 */
export function nikLooksValid(nik: string): boolean {
  if (!/^\d{16}$/.test(nik)) return false;
  const region = regionByCode(nik.slice(0, 6));
  if (!region || region.level !== 'district') return false;
  let day = Number(nik.slice(6, 8));
  const month = Number(nik.slice(8, 10));
  const yy = Number(nik.slice(10, 12));
  if (day > 40) day -= 40;
  if (month < 1 || month > 12 || day < 1) return false;
  const monthDays = [31, yy % 4 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  if (day > monthDays) return false;
  return nik.slice(12) !== '0000';
}
