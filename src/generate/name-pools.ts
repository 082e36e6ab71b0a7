/**
 * Name pools by regional "flavour", in the modern (EYD) spelling the Dukcapil registry uses, upper case.
 * The first entries of each list are drawn more often (see `skewedPick` in population.ts), so a few names —
 * SITI AMINAH, MUHAMMAD RIZKI, SRI WAHYUNI — are shared by many different people, as they are in real lists.
 */
import type { Rng } from './random.js';
import { weightedTable, type WeightedTable } from './random.js';

export type Flavour =
  | 'javanese'
  | 'sundanese'
  | 'madurese'
  | 'muslim'
  | 'batak'
  | 'minang'
  | 'balinese'
  | 'eastern';

export type Sex = 'L' | 'P';

const words = (s: string): readonly string[] => s.trim().split(/\s+/);

/** Whole names so common that many unrelated people carry them exactly. */
const VERY_COMMON: Record<Sex, readonly string[]> = {
  L: words('MUHAMMAD_RIZKI AHMAD_FAUZI RAHMAT_HIDAYAT MUHAMMAD_IQBAL AGUS_SETIAWAN MUHAMMAD_RIDWAN ABDUL_RAHMAN').map(
    (n) => n.replace('_', ' '),
  ),
  P: words('SITI_AMINAH NUR_HIDAYAH SRI_WAHYUNI SITI_NURHALIZA DEWI_LESTARI SITI_FATIMAH NURUL_HIDAYAH').map((n) =>
    n.replace('_', ' '),
  ),
};

const MUSLIM_FIRST: Record<Sex, readonly string[]> = {
  L: words('MUHAMMAD AHMAD ABDUL RAHMAT FAJAR RIZKI ARIF HENDRA RIZAL FIRMAN YUSUF IKHSAN ILHAM HAFIZ ZULKIFLI'),
  P: words('SITI NUR NURUL DEWI PUTRI FITRI INDAH RINA YULIANA AISYAH RAHMAWATI NOVI ANISA ZAHRA KHAIRUNNISA'),
};
const MUSLIM_SECOND: Record<Sex, readonly string[]> = {
  L: words(
    'RIZKI FAUZI HIDAYAT IQBAL RIDWAN RAHMAN HAKIM RAMADHAN SYAHPUTRA FIRDAUS SAPUTRA ALFARIZI KURNIAWAN HAKIKI AZIZ',
  ),
  P: words(
    'AMINAH HIDAYAH FATIMAH RAHMAWATI AISYAH KHADIJAH NURHALIZA SAFITRI LESTARI ANGGRAINI HANDAYANI WULANDARI ZUBAIDAH',
  ),
};

const JAVANESE_MONO: Record<Sex, readonly string[]> = {
  L: words('SUTRISNO SUPRIYADI SUGIANTO WAHYUDI SLAMET HARTONO SUYANTO PURNOMO SUPARMAN SUKIRMAN JUMADI SUGENG'),
  P: words('SUMARNI SUHARTINI SUPARMI SUMIATI SRI ENDANG WIWIK NINIK SUWARNI SUKINEM TUMINAH PARTINI'),
};
const JAVANESE_FIRST: Record<Sex, readonly string[]> = {
  L: words('AGUS BUDI EKO JOKO BAMBANG HERI DWI TRI ARI YUDI TEGUH BAYU ADI WAHYU'),
  P: words('SRI DWI TRI ENDANG PUJI RATNA DEWI YUNI ERNI TITIK WAHYU RETNO SETYO'),
};
const JAVANESE_SECOND: Record<Sex, readonly string[]> = {
  L: words('SETIAWAN PRASETYO SANTOSO WIBOWO SUSANTO NUGROHO PURNOMO HARYANTO KURNIAWAN SUSILO UTOMO CAHYONO'),
  P: words('WAHYUNI ASTUTI RAHAYU LESTARI HANDAYANI PURWANTI SETYOWATI WULANDARI KUSUMAWATI NINGSIH SUSANTI'),
};

const SUNDANESE_FIRST: Record<Sex, readonly string[]> = {
  L: words('ASEP UJANG CECEP DEDE DADANG YAYAN AGUS JAJANG ENDANG DEDI ADE YUSUP OMAN'),
  P: words('EUIS NENG IMAS CUCU ENTIN DEDE ELIS YAYAH NINING ENOK CICIH TUTI ANI'),
};
const SUNDANESE_SECOND: Record<Sex, readonly string[]> = {
  L: words('SUNANDAR SUPRIATNA HIDAYAT KURNIAWAN RUSTANDI SOPIAN SUHENDAR GUNAWAN SETIADI MULYANA SUTISNA'),
  P: words('ROHAYATI NURHAYATI YULIANTI KOMALASARI SUMIATI KURNIASIH MULYANI RUKMANA SUGIARTI HERLINA JUBAEDAH'),
};

const MADURESE_FIRST: Record<Sex, readonly string[]> = {
  L: words('MOH MUHAMMAD ABDUL AHMAD MOHAMMAD SUHAIRI MARSUKI HOLIL JUMALI'),
  P: words('SITI NUR HOLIFAH SAMSIYAH MAISAROH SUNIYAH RAHMA'),
};
const MADURESE_SECOND: Record<Sex, readonly string[]> = {
  L: words('HOLIL ROSYID SALEH HASAN SAMSUL FAUZI JAKFAR MUKHLIS ZAINAL HAFID'),
  P: words('FATIMAH AMINAH JAMILAH KHOTIJAH HALIMAH ROFIAH ZAINAB MUTMAINAH'),
};

const BATAK_CHRISTIAN_FIRST: Record<Sex, readonly string[]> = {
  L: words('JOHANNES BOSTON PARLINDUNGAN HOTMAN MARULI RUDI FERRY DAVID SAHAT JONNER ROY ANDREAS DANIEL RICKY'),
  P: words('MARIA ROSMAULI DUMARIA HOTMARIA LASMARIA RIA MARTA ROSA YANTI DEBORA LESTARI NOVITA SRI'),
};
const BATAK_MUSLIM_FIRST: Record<Sex, readonly string[]> = {
  L: words('MUHAMMAD AHMAD ABDUL RAHMAT SYAHRIAL ZULKARNAIN FAISAL IRWAN ALI'),
  P: words('NURHAYATI SITI NUR ROSMIDAH SYAHFITRI DEWI ASLAMIAH MAIMUNAH'),
};
const MARGA_TOBA = words(
  'SIMANJUNTAK SIAHAAN PANJAITAN SITORUS HUTAGALUNG SINAGA SIMATUPANG TAMPUBOLON PANGARIBUAN MANURUNG SIHOMBING SILALAHI PASARIBU SITUMORANG GULTOM NAPITUPULU HUTAPEA SIREGAR',
);
const MARGA_KARO_SIMALUNGUN = words('GINTING SEMBIRING TARIGAN SITEPU KABAN PURBA SARAGIH DAMANIK SARAGI SINAGA');
const MARGA_MANDAILING = words(
  'NASUTION LUBIS HARAHAP SIREGAR DAULAY RANGKUTI HASIBUAN PULUNGAN BATUBARA RITONGA MATONDANG',
);

const MINANG: Record<Sex, readonly string[]> = {
  L: words('YUSRIZAL AFRIZAL DESRIZAL NOFRIZAL ZULFAHMI RAHMAT DEDI ANDI FIRDAUS ERIZON SYAFRIL HENDRI'),
  P: words('ERMAWATI YELMI YULIA FITRI RIKA DESMAWATI NOVITA YUSNIDAR ELFI MISNAWATI ROSNELI SUSI'),
};
const MINANG_SECOND: Record<Sex, readonly string[]> = {
  L: words('SAPUTRA PUTRA SYAHPUTRA HIDAYAT CHANIAGO KOTO PILIANG TANJUNG'),
  P: words('SARI YANTI WATI NINGSIH PUTRI HANDAYANI'),
};

const BALI_ORDER: Record<Sex, readonly string[]> = {
  L: words('WAYAN MADE NYOMAN KETUT GEDE PUTU KADEK KOMANG'),
  P: words('WAYAN MADE NYOMAN KETUT PUTU KADEK KOMANG LUH'),
};
const BALI_NAME: Record<Sex, readonly string[]> = {
  L: words('SUARDANA ARTAWAN WIRAWAN SUDARSANA ADNYANA MERTA SUDIRTA ARIANA SUKARDANA WIRATAMA'),
  P: words('ARIANI SUARTINI WIDIASTUTI SUKARNI PURNAMI ARYANI SRIASIH SUDARMINI DEWI ASTITI'),
};

const EASTERN_FIRST: Record<Sex, readonly string[]> = {
  L: words('YOHANES FRANSISKUS MARTHEN YOSEF PETRUS MARKUS OKTOVIANUS YULIUS MIKAEL STEFANUS ARNOLD'),
  P: words('MARIA AGUSTINA YULIANA MARTHA FRANSISKA ELISABETH MAGDALENA YOHANA MERLIN DORKAS'),
};
const EASTERN_FAMILY = words(
  'LAKE BENU TANONE LEWIER WATTIMENA PATTIRUHU RUMBIAK WENDA KOGOYA MANDACAN SUMAMPOUW WALANDOUW LUMINGKEWAS RUNTUWENE TAMBAYONG NDOEN SERAN',
);

/**
 * Pick from a list, favouring its first entries (roughly Zipf-like), so popular names are really popular.
 */
function skewedPick(rng: Rng, items: readonly string[]): string {
  const r = rng.next();
  const i = Math.floor(r * r * items.length);
  return items[i] ?? rng.pick(items);
}

/** A full name (modern spelling, upper case, single spaces) of the given flavour and sex. */
export function makeName(rng: Rng, flavour: Flavour, sex: Sex): string {
  switch (flavour) {
    case 'muslim':
    case 'minang': {
      if (rng.chance(flavour === 'muslim' ? 0.12 : 0.04)) return skewedPick(rng, VERY_COMMON[sex]);
      if (flavour === 'minang' && rng.chance(0.6)) {
        const first = skewedPick(rng, MINANG[sex]);
        return rng.chance(0.5) ? first : `${first} ${skewedPick(rng, MINANG_SECOND[sex])}`;
      }
      const first = skewedPick(rng, MUSLIM_FIRST[sex]);
      let second = skewedPick(rng, MUSLIM_SECOND[sex]);
      if (second === first) second = rng.pick(MUSLIM_SECOND[sex]);
      return rng.chance(0.2) ? `${first} ${second} ${rng.pick(MUSLIM_SECOND[sex])}` : `${first} ${second}`;
    }
    case 'javanese': {
      if (rng.chance(0.05)) return skewedPick(rng, VERY_COMMON[sex]);
      if (rng.chance(0.4)) return skewedPick(rng, JAVANESE_MONO[sex]);
      return `${skewedPick(rng, JAVANESE_FIRST[sex])} ${skewedPick(rng, JAVANESE_SECOND[sex])}`;
    }
    case 'sundanese': {
      if (rng.chance(0.05)) return skewedPick(rng, VERY_COMMON[sex]);
      const first = skewedPick(rng, SUNDANESE_FIRST[sex]);
      return rng.chance(0.15) ? first : `${first} ${skewedPick(rng, SUNDANESE_SECOND[sex])}`;
    }
    case 'madurese': {
      if (rng.chance(0.08)) return skewedPick(rng, VERY_COMMON[sex]);
      return `${skewedPick(rng, MADURESE_FIRST[sex])} ${skewedPick(rng, MADURESE_SECOND[sex])}`;
    }
    case 'batak': {
      const muslim = rng.chance(0.35);
      if (muslim) {
        const first = skewedPick(rng, BATAK_MUSLIM_FIRST[sex]);
        const middle = rng.chance(0.5) ? ` ${rng.pick(MUSLIM_SECOND[sex])}` : '';
        return `${first}${middle} ${rng.pick(MARGA_MANDAILING)}`;
      }
      const marga = rng.chance(0.7) ? rng.pick(MARGA_TOBA) : rng.pick(MARGA_KARO_SIMALUNGUN);
      const first = skewedPick(rng, BATAK_CHRISTIAN_FIRST[sex]);
      return rng.chance(0.25) ? `${first} ${rng.pick(BATAK_CHRISTIAN_FIRST[sex])} ${marga}` : `${first} ${marga}`;
    }
    case 'balinese': {
      const prefix = sex === 'L' ? 'I' : 'NI';
      return `${prefix} ${skewedPick(rng, BALI_ORDER[sex])} ${skewedPick(rng, BALI_NAME[sex])}`;
    }
    case 'eastern': {
      const first = skewedPick(rng, EASTERN_FIRST[sex]);
      return `${first} ${rng.pick(EASTERN_FAMILY)}`;
    }
  }
}

type FlavourMix = WeightedTable<Flavour>;
const mix = (entries: Array<readonly [Flavour, number]>): FlavourMix => weightedTable(entries);

const SUMATRA_MALAY = mix([
  ['muslim', 0.55],
  ['javanese', 0.35],
  ['minang', 0.1],
]);
const JAVA_CENTRAL = mix([
  ['javanese', 0.85],
  ['muslim', 0.15],
]);
const SUNDA = mix([
  ['sundanese', 0.7],
  ['muslim', 0.15],
  ['javanese', 0.15],
]);
const KALIMANTAN = mix([
  ['muslim', 0.5],
  ['javanese', 0.35],
  ['eastern', 0.15],
]);
const SULAWESI = mix([
  ['muslim', 0.8],
  ['javanese', 0.1],
  ['eastern', 0.1],
]);
const PAPUA = mix([
  ['eastern', 0.8],
  ['javanese', 0.1],
  ['muslim', 0.1],
]);

const BY_PROVINCE: Record<string, FlavourMix> = {
  '11': mix([
    ['muslim', 0.9],
    ['javanese', 0.1],
  ]),
  '12': mix([
    ['batak', 0.45],
    ['muslim', 0.3],
    ['javanese', 0.2],
    ['minang', 0.05],
  ]),
  '13': mix([
    ['minang', 0.8],
    ['muslim', 0.1],
    ['batak', 0.05],
    ['javanese', 0.05],
  ]),
  '14': SUMATRA_MALAY,
  '15': SUMATRA_MALAY,
  '16': SUMATRA_MALAY,
  '17': SUMATRA_MALAY,
  '18': mix([
    ['javanese', 0.6],
    ['muslim', 0.35],
    ['sundanese', 0.05],
  ]),
  '19': SUMATRA_MALAY,
  '21': SUMATRA_MALAY,
  '31': mix([
    ['muslim', 0.35],
    ['javanese', 0.35],
    ['sundanese', 0.2],
    ['batak', 0.1],
  ]),
  '32': SUNDA,
  '33': JAVA_CENTRAL,
  '34': JAVA_CENTRAL,
  '35': mix([
    ['javanese', 0.7],
    ['madurese', 0.2],
    ['muslim', 0.1],
  ]),
  '36': SUNDA,
  '51': mix([
    ['balinese', 0.9],
    ['javanese', 0.1],
  ]),
  '52': mix([
    ['muslim', 0.8],
    ['balinese', 0.1],
    ['javanese', 0.1],
  ]),
  '53': mix([
    ['eastern', 0.9],
    ['muslim', 0.1],
  ]),
  '61': KALIMANTAN,
  '62': KALIMANTAN,
  '63': KALIMANTAN,
  '64': KALIMANTAN,
  '65': KALIMANTAN,
  '71': mix([
    ['eastern', 0.85],
    ['muslim', 0.15],
  ]),
  '72': SULAWESI,
  '73': SULAWESI,
  '74': SULAWESI,
  '75': SULAWESI,
  '76': SULAWESI,
  '81': mix([
    ['eastern', 0.6],
    ['muslim', 0.4],
  ]),
  '82': mix([
    ['muslim', 0.6],
    ['eastern', 0.4],
  ]),
};

const MADURA = mix([
  ['madurese', 0.9],
  ['muslim', 0.1],
]);
const DEFAULT_MIX = mix([
  ['muslim', 0.7],
  ['javanese', 0.3],
]);

/** The mix of name flavours for people whose NIK was issued in this kab/kota (4-digit code). */
export function flavourMixOf(regency: string): FlavourMix {
  // Bangkalan, Sampang, Pamekasan, Sumenep: the island of Madura.
  if (regency >= '3526' && regency <= '3529') return MADURA;
  const province = regency.slice(0, 2);
  if (province.startsWith('9')) return PAPUA;
  return BY_PROVINCE[province] ?? DEFAULT_MIX;
}
