/**
 * Name pools by regional "flavour" and birth cohort, in the modern (EYD) spelling the Dukcapil registry uses,
 * upper case.
 *
 * Calibrated against what Dukcapil published of e-KTP names (2024): the commonest name of each sex is held by
 * about 0.15% (SUTRISNO) to 0.26% (NURHAYATI) of that sex's card holders, and the ten commonest together by
 * about 1%. So a few names are shared by many different people, as in real lists, while most full names —
 * above all the two- and three-word names of people born from the 1980s on — belong to few. The first entries
 * of each list are drawn more often (`skewedPick`). `test/generate.test.ts` checks the shares.
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

/**
 * The ten commonest names on e-KTP cards, by sex, with their holders (Ditjen Dukcapil, SIAK 2024, as reported
 * in the press: SUTRISNO 144,497 · SLAMET 115,354 · … for men; NURHAYATI 254,922 for women, whose other
 * counts were not published, so they get a falling share here). They are names of the older generations.
 */
const VERY_COMMON: Record<Sex, WeightedTable<string>> = {
  L: weightedTable([
    ['SUTRISNO', 144_497],
    ['SLAMET', 115_354],
    ['MULYADI', 111_685],
    ['HERMAN', 101_990],
    ['SUPARDI', 93_202],
    ['ISMAIL', 89_732],
    ['SUPRIYANTO', 87_929],
    ['WAHYUDI', 85_502],
    ['JUNAIDI', 85_375],
    ['SUPARMAN', 84_749],
  ]),
  P: weightedTable([
    ['NURHAYATI', 254_922],
    ['SULASTRI', 180_000],
    ['SUMIATI', 160_000],
    ['SRI WAHYUNI', 150_000],
    ['SUMARNI', 140_000],
    ['SUNARTI', 130_000],
    ['SITI AMINAH', 125_000],
    ['AMINAH', 120_000],
    ['ERNAWATI', 115_000],
    ['KARTINI', 110_000],
  ]),
};
/**
 * How often a traditional name is one of those ten. The ten together are about 1% of each sex's card holders
 * (≈1.0 M of ≈100 M men); traditional names are about half of this population's names, hence 2%.
 */
const VERY_COMMON_SHARE = 0.02;

const MUSLIM_FIRST: Record<Sex, readonly string[]> = {
  L: words(`MUHAMMAD AHMAD ABDUL RAHMAT FAJAR RIZKI ARIF HENDRA RIZAL FIRMAN YUSUF IKHSAN ILHAM HAFIZ ZULKIFLI
    SYAIFUL NASRUL AMIRUDDIN BAHRUL FAISAL HASAN HUSAIN JAMALUDDIN KHAIRUL LUKMAN MUSTAFA NAJMUDIN RIDHO SALMAN
    TAUFIK UMAR ZAINAL ALI HAMZAH IMRAN IDRIS SYAMSUL ANWAR AMIN BURHAN`),
  P: words(`SITI NUR NURUL DEWI PUTRI FITRI INDAH RINA YULIANA AISYAH RAHMAWATI NOVI ANISA ZAHRA KHAIRUNNISA
    FATIMAH HALIMAH JAMILAH MARYAM NURLAILA RAHMA SALMA SYARIFAH UMMI WARDAH ZAINAB LAILA HASANAH MUNAWAROH
    NAFISAH RABIATUL SAIDAH KHADIJAH HUSNUL AINUN NADIA ULFA MUTIA`),
};
const MUSLIM_SECOND: Record<Sex, readonly string[]> = {
  L: words(`RIZKI FAUZI HIDAYAT IQBAL RIDWAN RAHMAN HAKIM RAMADHAN SYAHPUTRA FIRDAUS SAPUTRA ALFARIZI KURNIAWAN
    HAKIKI AZIZ ASHARI BAHTIAR FADLI GHOZALI HUSNI JAMIL KARIM LATIF MAHMUD NASUTION QADRI RASYID SALIM
    SYUKRI THOHIR ZAKARIA ANSHORI AMRULLAH FATHONI HAMDANI MAULANA SUBHAN ZUHRI`),
  P: words(`AMINAH HIDAYAH FATIMAH RAHMAWATI AISYAH KHADIJAH NURHALIZA SAFITRI LESTARI ANGGRAINI HANDAYANI
    WULANDARI ZUBAIDAH MARDIAH SHOLIHAH HAMIDAH JANNAH KAMILAH LATIFAH MASITAH NURJANAH QOMARIAH RAHMAH
    SALAMAH SYAFIRA UMAYAH ZAHRO AZIZAH FADILAH HABIBAH MAGHFIROH MUTMAINAH NAJWA RAUDHAH`),
};

const JAVANESE_MONO: Record<Sex, readonly string[]> = {
  L: words(`SUPRIYADI SUGIANTO WAHYUDI SLAMET HARTONO SUYANTO PURNOMO SUKIRMAN JUMADI SUGENG PONIMAN
    SUWARNO SARIMIN TUKIMAN PAIMIN SUNARDI SUPRAPTO SUDARNO SUMARDI SUHARTO MARYONO KASMIN SURATMAN SUPENO
    TARMIJI WAGIMAN SUGIONO SUWANDI PARJO GIYANTO SUROSO MUJIONO SANTOSO KASIYO SUPRIYONO NGADIMAN
    SUKARDI PAIJO SUMADI SUDIRMAN TUGIMAN KARYONO SUPANGAT WARSITO MISNAN SARDI SUKIMIN TEGUH`),
  P: words(`SUHARTINI SUPARMI SRI ENDANG WIWIK NINIK SUWARNI SUKINEM TUMINAH PARTINI SUMIYATI SUPRIHATIN
    SUTARMI KASIYEM SARINAH SUYATMI MURNI WARSINI SRIYANI TUKINEM SUMINAH SUPINAH JUMIATI SUTINAH PAINEM
    SUMIRAH KARSINI RUSMINI SITI TRI SUMARSIH SUPARTI WAGINAH SURATMI TUMIRAN SUMIYEM KATIYEM SUPIYAH
    MARSINAH SAMINAH SUPRAPTI NGATINAH SUWARTI SRINATUN JUMINTEN SUKIYEM RUBIYEM SUTIYEM PARMI WARTINI`),
};
const JAVANESE_FIRST: Record<Sex, readonly string[]> = {
  L: words(`AGUS BUDI EKO JOKO BAMBANG HERI DWI TRI ARI YUDI TEGUH BAYU ADI WAHYU SRI HADI SIGIT DANANG
    HARI IWAN TOTOK GUNAWAN YOGA SETYO ANTON BAGUS ARIS EDI RUDI DIDIK`),
  P: words(`SRI DWI TRI ENDANG PUJI RATNA DEWI YUNI ERNI TITIK WAHYU RETNO SETYO ANIK UMI KRIS WIDYA NANIK
    LILIK YAYUK ENDAH SUSI TUTIK WINARTI RINI`),
};
const JAVANESE_SECOND: Record<Sex, readonly string[]> = {
  L: words(`SETIAWAN PRASETYO SANTOSO WIBOWO SUSANTO NUGROHO PURNOMO HARYANTO KURNIAWAN SUSILO UTOMO CAHYONO
    WIDODO SUSENO SAPUTRO HARTONO RAHARJO SUHARTONO WIJAYANTO SURYONO SETIADI PRAYITNO SUMARNO HANDOKO
    WALUYO PRANOTO ISWANTO SULISTYO`),
  P: words(`WAHYUNI ASTUTI RAHAYU LESTARI HANDAYANI PURWANTI SETYOWATI WULANDARI KUSUMAWATI NINGSIH SUSANTI
    SULISTYOWATI MULYANI HARYATI SUPRAPTI WIDAYATI LESTARININGSIH SUSILOWATI RAHMAWATI SUGIARTI INDRAWATI
    PURWANINGSIH SETYANINGSIH`),
};

const SUNDANESE_FIRST: Record<Sex, readonly string[]> = {
  L: words(`ASEP UJANG CECEP DEDE DADANG YAYAN AGUS JAJANG ENDANG DEDI ADE YUSUP OMAN ACENG ENGKOS DADAN
    IWAN KOKO MAMAT NANANG OTONG ROHMAT UDIN WAWAN ENJANG DENI HENDI`),
  P: words(`EUIS NENG IMAS CUCU ENTIN DEDE ELIS YAYAH NINING ENOK CICIH TUTI ANI IIS LILIS OOM POPON
    RINA TATI YATI EEN ENIH IDA NENI`),
};
const SUNDANESE_SECOND: Record<Sex, readonly string[]> = {
  L: words(`SUNANDAR SUPRIATNA HIDAYAT KURNIAWAN RUSTANDI SOPIAN SUHENDAR GUNAWAN SETIADI MULYANA SUTISNA
    SAEPUDIN NURJAMAN KUSNADI SUPARMAN HERMAWAN JUANDA SUHERMAN RUHIMAT SUDRAJAT KOSASIH SOMANTRI`),
  P: words(`ROHAYATI NURHAYATI YULIANTI KOMALASARI SUMIATI KURNIASIH MULYANI RUKMANA SUGIARTI HERLINA JUBAEDAH
    SUMARNI NURAENI ROHMAH MARYATI HASANAH KARTIKA WIDANINGSIH SUKAESIH NURLELA`),
};

const MADURESE_FIRST: Record<Sex, readonly string[]> = {
  L: words('MOH MUHAMMAD ABDUL AHMAD MOHAMMAD SUHAIRI MARSUKI HOLIL JUMALI SAMSUDIN MATRAWI BUHARI SUKRI HOSNAN'),
  P: words('SITI NUR HOLIFAH SAMSIYAH MAISAROH SUNIYAH RAHMA HALIMAH SUNAMI SUMAIYAH ROHANI MARYAM'),
};
const MADURESE_SECOND: Record<Sex, readonly string[]> = {
  L: words('HOLIL ROSYID SALEH HASAN SAMSUL FAUZI JAKFAR MUKHLIS ZAINAL HAFID HOSEN SUBAIRI ABDULLAH MASRUR'),
  P: words('FATIMAH AMINAH JAMILAH KHOTIJAH HALIMAH ROFIAH ZAINAB MUTMAINAH SUNIYAH HOSNIYAH MASRUROH'),
};

const BATAK_CHRISTIAN_FIRST: Record<Sex, readonly string[]> = {
  L: words(`JOHANNES BOSTON PARLINDUNGAN HOTMAN MARULI RUDI FERRY DAVID SAHAT JONNER ROY ANDREAS DANIEL RICKY
    BINSAR TUMPAL MANGATAS POLTAK DOLI HENRY JOSUA SAMUEL TIMBUL RAJA PARULIAN LAMHOT`),
  P: words(`MARIA ROSMAULI DUMARIA HOTMARIA LASMARIA RIA MARTA ROSA YANTI DEBORA LESTARI NOVITA SRI MELATI
    TIURMA NURMAIDA RUTH ESTER LAMRIA SONTI MAYA ROSDIANA ERNA`),
};
const BATAK_MUSLIM_FIRST: Record<Sex, readonly string[]> = {
  L: words('MUHAMMAD AHMAD ABDUL RAHMAT SYAHRIAL ZULKARNAIN FAISAL IRWAN ALI KHAIRUL AMRAN SORIPADA PANGIHUTAN'),
  P: words('NURHAYATI SITI NUR ROSMIDAH SYAHFITRI DEWI ASLAMIAH MAIMUNAH NURHALIMAH ROSMAWATI KHOLIDAH'),
};
const MARGA_TOBA = words(
  'SIMANJUNTAK SIAHAAN PANJAITAN SITORUS HUTAGALUNG SINAGA SIMATUPANG TAMPUBOLON PANGARIBUAN MANURUNG SIHOMBING SILALAHI PASARIBU SITUMORANG GULTOM NAPITUPULU HUTAPEA SIREGAR SIMAMORA SIAGIAN HUTABARAT SIANTURI MARPAUNG SIMBOLON',
);
const MARGA_KARO_SIMALUNGUN = words('GINTING SEMBIRING TARIGAN SITEPU KABAN PURBA SARAGIH DAMANIK SARAGI SINAGA PERANGINANGIN BANGUN');
const MARGA_MANDAILING = words(
  'NASUTION LUBIS HARAHAP SIREGAR DAULAY RANGKUTI HASIBUAN PULUNGAN BATUBARA RITONGA MATONDANG PARINDURI TANJUNG',
);

const MINANG: Record<Sex, readonly string[]> = {
  L: words('YUSRIZAL AFRIZAL DESRIZAL NOFRIZAL ZULFAHMI RAHMAT DEDI ANDI FIRDAUS ERIZON SYAFRIL HENDRI JONI YONDRI ZULHENDRI'),
  P: words('ERMAWATI YELMI YULIA FITRI RIKA DESMAWATI NOVITA YUSNIDAR ELFI MISNAWATI ROSNELI SUSI YENI ELVI DARNIATI'),
};
const MINANG_SECOND: Record<Sex, readonly string[]> = {
  L: words('SAPUTRA PUTRA SYAHPUTRA HIDAYAT CHANIAGO KOTO PILIANG TANJUNG SIKUMBANG JAMBAK GUCI'),
  P: words('SARI YANTI WATI NINGSIH PUTRI HANDAYANI DEWI MARLINA'),
};

const BALI_ORDER: Record<Sex, readonly string[]> = {
  L: words('WAYAN MADE NYOMAN KETUT GEDE PUTU KADEK KOMANG'),
  P: words('WAYAN MADE NYOMAN KETUT PUTU KADEK KOMANG LUH'),
};
const BALI_NAME: Record<Sex, readonly string[]> = {
  L: words(`SUARDANA ARTAWAN WIRAWAN SUDARSANA ADNYANA MERTA SUDIRTA ARIANA SUKARDANA WIRATAMA SUPARTA
    ARDANA DARMAWAN SUARTANA GUNAWAN MAHENDRA SANJAYA WIDIANA SUASTIKA PARWATA`),
  P: words(`ARIANI SUARTINI WIDIASTUTI SUKARNI PURNAMI ARYANI SRIASIH SUDARMINI DEWI ASTITI SUARMINI
    WIDIANTARI PUSPAWATI SRIWAHYUNI MARHAENI SUCIPTAWATI ARDANI SUDIANTARI`),
};

const EASTERN_FIRST: Record<Sex, readonly string[]> = {
  L: words(`YOHANES FRANSISKUS MARTHEN YOSEF PETRUS MARKUS OKTOVIANUS YULIUS MIKAEL STEFANUS ARNOLD
    ROBERTUS ALOYSIUS BERNARDUS KORNELIS NIKOLAS SAMUEL YAKOBUS DOMINIKUS AGUSTINUS`),
  P: words(`MARIA AGUSTINA YULIANA MARTHA FRANSISKA ELISABETH MAGDALENA YOHANA MERLIN DORKAS
    KATARINA VERONIKA YOSEFINA BERNADETA SARLOTA YUSTINA FILOMENA SEPRIANA`),
};
const EASTERN_FAMILY = words(
  'LAKE BENU TANONE LEWIER WATTIMENA PATTIRUHU RUMBIAK WENDA KOGOYA MANDACAN SUMAMPOUW WALANDOUW LUMINGKEWAS RUNTUWENE TAMBAYONG NDOEN SERAN KOLO TEFA LAY DAPA NAHAK LEKI MAU',
);

/**
 * The two- and three-word names of people born from the 1980s on, common to every Muslim and Javanese-
 * speaking region: a far larger space than the old one-word names, so few people share one exactly.
 */
const MODERN_FIRST: Record<Sex, readonly string[]> = {
  L: words(`RIZKY ADITYA DIMAS BAYU FAJAR ANDRI RENDI YOGA ILHAM ARIF DANI FIKRI GILANG HENDRA IRFAN KEVIN
    LUTFI NANDA RAMA REZA RIAN SANDI TAUFIK WAHYU YUDHA ANGGA BAGUS DEDY EKO FERDI GALIH HARIS IKHSAN JEFRI
    KRISNA LUKMAN MAULANA NOVAL OKTA PANJI RAFI RIZAL SATRIA TEGAR VICKY WIRA YOGI ZAKI ALDI ARDI BIMA
    CANDRA DENI ERIK FAHMI GUNTUR INDRA AGUNG RIDHO FAISAL DANU`),
  P: words(`PUTRI DEWI AYU INDAH NADIA DINDA RISKA SELVI ANISA FITRI NOVI RINA SINTA TIARA WULAN YULIA AMELIA
    ANGGI CITRA DIAH ELSA FEBRI GITA HANA INTAN JIHAN KARTIKA LINDA MEGA NABILA OKTAVIA PUSPA RATNA SARI
    VINA WIDYA YUNITA ZAHRA ALYA BELLA DEVI ELISA FARAH HESTI IKA MAYA NOVITA RAHMA SALSA TASYA YUNI NURUL
    SITI EVI DELLA RANI WINDA`),
};
const MODERN_MIDDLE: Record<Sex, readonly string[]> = {
  L: words(`ADITYA PUTRA EKA DWI ARYA BAGAS RAHMAT NUR AJI BUDI CAHYA DIAN FAJAR HARI IMAM JAYA KURNIA MAHENDRA
    NUGROHO PRASETYO RAMADHAN SURYA TRI WIBISONO YUSUF AGUNG ANDIKA BINTANG DARMA FIRDAUS HADI ILHAM
    KHOIRUL MUHAMMAD RAFLI SETYA TAUFIQ`),
  P: words(`AYU DWI NUR SRI EKA TRI PUTRI DEWI INDAH KARTIKA MAYA PUSPITA RAHAYU SEKAR DIAN FITRI AINI RATNA
    MELATI NOVIA AMALIA CAHYA DESI FEBRIANA INTAN KHOIRUN LAILATUL MUTIARA NAWANG RIZKI SHINTA TRIA WIDYA`),
};
const MODERN_LAST: Record<Sex, readonly string[]> = {
  L: words(`PRATAMA SAPUTRA NUGRAHA PERDANA WIJAYA KUSUMA RAMADHAN FIRMANSYAH HIDAYAT SETIAWAN KURNIAWAN
    SANTOSO WIBOWO GUNAWAN HERMAWAN IRAWAN SETIADI SUSANTO PURNAMA MAULANA ALFARIZI HAKIM SYAHPUTRA
    ARDIANSYAH HIDAYATULLAH PRASETYA ADITAMA WARDANA PANGESTU SAMUDRA ANUGRAH PAMUNGKAS ABDILLAH MAHARDIKA
    SUGANDA SUHENDRA PRAYOGA RAHARJO SETIAJI NUGROHO FAUZI RIZALDI SEPTIAN KURNIA SAPUTRO`),
  P: words(`LESTARI PRATIWI RAHMAWATI WULANDARI SAFITRI ANGGRAINI PERMATASARI PUSPITASARI KUSUMAWATI HANDAYANI
    NOVITASARI OKTAVIANI MAHARANI WIDIASTUTI RAMADHANI FEBRIANTI APRILIA YULIANTI SUSANTI PURNAMASARI
    AGUSTINA SARI MAULIDA NURJANAH FADILAH SAFIRA AULIA AMALIA RAHMADANI ARIANTI SEPTIANI NINGRUM
    KURNIASARI MELINDA PUSPITA WIDYASARI ANDRIANI HIDAYATI FITRIANI MARLINA`),
};

/** The share of a birth cohort with a modern name (the rest carry their region's traditional kind). */
function modernShare(birthYear: number): number {
  if (birthYear >= 1990) return 0.8;
  if (birthYear >= 1980) return 0.5;
  if (birthYear >= 1970) return 0.2;
  return 0.05;
}

/**
 * Pick from a list, favouring its first entries (the i-th of n with probability ≈ (i+1)^(2/3) − i^(2/3) over
 * n^(2/3)), so popular names are popular without one name taking a tenth of a region.
 */
function skewedPick(rng: Rng, items: readonly string[]): string {
  const r = rng.next();
  const i = Math.floor(r * Math.sqrt(r) * items.length);
  return items[i] ?? rng.pick(items);
}

/** A modern name: first + last, first + middle + last, or first + middle, with no word repeated. */
function modernName(rng: Rng, sex: Sex): string {
  const first = skewedPick(rng, MODERN_FIRST[sex]);
  const middle = skewedPick(rng, MODERN_MIDDLE[sex]);
  const last = skewedPick(rng, MODERN_LAST[sex]);
  const shape = rng.next();
  if (shape < 0.5 || middle === first || middle === last) return first === last ? first : `${first} ${last}`;
  return shape < 0.85 ? `${first} ${middle} ${last}` : `${first} ${middle}`;
}

/** A full name (modern spelling, upper case, single spaces) of the given flavour, sex and birth year. */
export function makeName(rng: Rng, flavour: Flavour, sex: Sex, birthYear: number): string {
  const modern = rng.chance(modernShare(birthYear));
  switch (flavour) {
    case 'muslim':
    case 'minang':
    case 'javanese':
    case 'sundanese':
    case 'madurese': {
      if (modern) {
        // Some Muslim parents still put MUHAMMAD (or SITI, NUR) in front of a modern name.
        const name = modernName(rng, sex);
        if (flavour !== 'javanese' && rng.chance(0.12)) return `${sex === 'L' ? 'MUHAMMAD' : rng.pick(['SITI', 'NUR'])} ${name}`;
        return name;
      }
      if (rng.chance(VERY_COMMON_SHARE)) return rng.weighted(VERY_COMMON[sex]);
      return traditionalName(rng, flavour, sex);
    }
    case 'batak': {
      const muslim = rng.chance(0.35);
      if (muslim) {
        const first = modern ? skewedPick(rng, MODERN_FIRST[sex]) : skewedPick(rng, BATAK_MUSLIM_FIRST[sex]);
        const middle = rng.chance(0.5) ? ` ${rng.pick(MUSLIM_SECOND[sex])}` : '';
        return `${first}${middle} ${rng.pick(MARGA_MANDAILING)}`;
      }
      const marga = rng.chance(0.7) ? rng.pick(MARGA_TOBA) : rng.pick(MARGA_KARO_SIMALUNGUN);
      const first = modern ? skewedPick(rng, MODERN_FIRST[sex]) : skewedPick(rng, BATAK_CHRISTIAN_FIRST[sex]);
      return rng.chance(0.3) ? `${first} ${rng.pick(BATAK_CHRISTIAN_FIRST[sex])} ${marga}` : `${first} ${marga}`;
    }
    case 'balinese': {
      const prefix = sex === 'L' ? 'I' : 'NI';
      // Birth-order names are shared by a quarter of Bali each; the personal names after them are many.
      const order = skewedPick(rng, BALI_ORDER[sex]);
      const personal = rng.chance(0.6) ? `${rng.pick(MODERN_MIDDLE[sex])} ${rng.pick(BALI_NAME[sex])}` : rng.pick(BALI_NAME[sex]);
      const name = `${prefix} ${order} ${personal}`;
      return modern && rng.chance(0.5) ? `${name} ${skewedPick(rng, MODERN_LAST[sex])}` : name;
    }
    case 'eastern': {
      const first = skewedPick(rng, EASTERN_FIRST[sex]);
      const second = modern && rng.chance(0.5) ? ` ${skewedPick(rng, MODERN_FIRST[sex])}` : '';
      return `${first}${second} ${rng.pick(EASTERN_FAMILY)}`;
    }
  }
}

/** The older names of each region: Javanese one-word names, Sundanese, Madurese, Minang and Arabic ones. */
function traditionalName(rng: Rng, flavour: 'muslim' | 'minang' | 'javanese' | 'sundanese' | 'madurese', sex: Sex): string {
  switch (flavour) {
    case 'javanese':
      // One-word names come from a vocabulary of thousands; this short list stands in for it, drawn evenly.
      if (rng.chance(0.35)) return rng.pick(JAVANESE_MONO[sex]);
      return `${skewedPick(rng, JAVANESE_FIRST[sex])} ${skewedPick(rng, JAVANESE_SECOND[sex])}`;
    case 'sundanese': {
      const first = skewedPick(rng, SUNDANESE_FIRST[sex]);
      return rng.chance(0.15) ? first : `${first} ${skewedPick(rng, SUNDANESE_SECOND[sex])}`;
    }
    case 'madurese':
      return `${skewedPick(rng, MADURESE_FIRST[sex])} ${skewedPick(rng, MADURESE_SECOND[sex])}`;
    case 'minang':
      if (rng.chance(0.6)) {
        const first = skewedPick(rng, MINANG[sex]);
        return rng.chance(0.5) ? first : `${first} ${skewedPick(rng, MINANG_SECOND[sex])}`;
      }
      break;
    case 'muslim':
      break;
  }
  const first = skewedPick(rng, MUSLIM_FIRST[sex]);
  let second = skewedPick(rng, MUSLIM_SECOND[sex]);
  if (second === first) second = rng.pick(MUSLIM_SECOND[sex]);
  return rng.chance(0.25) ? `${first} ${second} ${rng.pick(MUSLIM_SECOND[sex])}` : `${first} ${second}`;
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
