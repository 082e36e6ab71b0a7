import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { frontTitleSex, isInitialCompatible, isMisspeltVariant, modernSpelling, normaliseName, phoneticToken } from '../src/normalise/names.js';
import { oldSpelling } from '../src/generate/corrupt.js';

describe('normaliseName: titles, display and key', () => {
  it.each([
    // raw, display, key, titles
    ['  siti   aminah  ', 'Siti Aminah', 'SITI AMINAH', []],
    ["K.H. Ma'ruf Amin", "K.H. Ma'ruf Amin", 'MARUF AMIN', ['K.H']],
    ['h ahmad dahlan spd', 'H. Ahmad Dahlan, S.Pd.', 'AHMAD DAHLAN', ['H', 'S.PD']],
    ['H. Ahmad Dahlan, S.Pd.', 'H. Ahmad Dahlan, S.Pd.', 'AHMAD DAHLAN', ['H', 'S.PD']],
    ['HJ.SITI AMINAH,S.PD.I', 'Hj. Siti Aminah, S.Pd.I.', 'SITI AMINAH', ['HJ', 'S.PD.I']],
    ['Hajjah Nurhayati', 'Hajjah Nurhayati', 'NURHAYATI', ['HJ']],
    ['HAJI ABDUL SOMAD', 'Haji Abdul Somad', 'ABDUL SOMAD', ['H']],
    ['BUDI, S.E., M.M.', 'Budi, S.E., M.M.', 'BUDI', ['S.E', 'M.M']],
    ['BUDI SANTOSO SE', 'Budi Santoso, S.E.', 'BUDI SANTOSO', ['S.E']],
    ['Budi Santoso,SH', 'Budi Santoso, S.H.', 'BUDI SANTOSO', ['S.H']],
    ['RINA WATI AMD', 'Rina Wati, A.Md.', 'RINA WATI', ['A.MD']],
    ['Rina Amd.Kep', 'Rina, A.Md.Kep.', 'RINA', ['A.MD.KEP']],
    ['DEWI LESTARI SPd', 'Dewi Lestari, S.Pd.', 'DEWI LESTARI', ['S.PD']],
    ['Drs.H.Ahmad Dahlan', 'Drs. H. Ahmad Dahlan', 'AHMAD DAHLAN', ['DRS', 'H']],
    ['DRA SRI MULYANI', 'Dra. Sri Mulyani', 'SRI MULYANI', ['DRA']],
    ['Prof. Dr. Ir. H. Bambang Sutrisno, M.Sc., Ph.D.', 'Prof. Dr. Ir. H. Bambang Sutrisno, M.Sc., Ph.D.',
      'BAMBANG SUTRISNO', ['PROF', 'DR', 'IR', 'H', 'M.SC', 'PH.D']],
    ['dr. Siti Fadilah, Sp.A', 'dr. Siti Fadilah, Sp.A.', 'SITI FADILAH', ['DR', 'SP.A']],
    ['Dr.H. Ahmad Yani', 'Dr. H. Ahmad Yani', 'AHMAD YANI', ['DR', 'H']], // Dr. + H., not drh.
    ['drh. Wayan Sudarma', 'drh. Wayan Sudarma', 'WAYAN SUDARMA', ['DRH']],
    ['Ns. Putu Ayu, S.Kep.', 'Ns. Putu Ayu, S.Kep.', 'PUTU AYU', ['NS', 'S.KEP']],
    ['Siti Rahma S.Sos., M.Si.', 'Siti Rahma, S.Sos., M.Si.', 'SITI RAHMA', ['S.SOS', 'M.SI']],
    ['AGUS SALIM S.Kom', 'Agus Salim, S.Kom.', 'AGUS SALIM', ['S.KOM']],
    ['Yusuf Mansur ST', 'Yusuf Mansur, S.T.', 'YUSUF MANSUR', ['S.T']],
    ['IBU SRI WAHYUNI', 'Ibu Sri Wahyuni', 'SRI WAHYUNI', ['IBU']],
    ['Bpk. Slamet Riyadi', 'Bpk. Slamet Riyadi', 'SLAMET RIYADI', ['BPK']],
    ['NY. KARTINI', 'Ny. Kartini', 'KARTINI', ['NY']],
    ['Sri Handayani, A.Ma.Pd', 'Sri Handayani, A.Ma.Pd.', 'SRI HANDAYANI', ['A.MA.PD']],
    // Short forms that are also names or initials stay unless a dot or comma marks them as degrees.
    ['BUDI MA', 'Budi Ma', 'BUDI MA', []],
    ['BUDI, MA', 'Budi, M.A.', 'BUDI', ['M.A']],
    ['Budi M.A.', 'Budi, M.A.', 'BUDI', ['M.A']],
    ['Budi S Pd', 'Budi S Pd', 'BUDI S PD', []],
    // Titles only at the edges, and never the last piece of the name.
    ['Ahmad Haji Dahlan', 'Ahmad Haji Dahlan', 'AHMAD HAJI DAHLAN', []],
    ['H. Sutrisno', 'H. Sutrisno', 'SUTRISNO', ['H']],
    ['Ibu', 'Ibu', 'IBU', []],
    ['HAJI', 'Haji', 'HAJI', []],
    // Noise.
    ['', '', '', []],
    ['   ', '', '', []],
    ['-', '', '', []],
    ['081234567890', '', '', []],
    ['Siti Aminah 2', 'Siti Aminah', 'SITI AMINAH', []],
    ['SITI AMINAH (ALM)', 'Siti Aminah Alm', 'SITI AMINAH ALM', []],
    ['AMINAH, SITI', 'Aminah, Siti', 'AMINAH SITI', []],
  ])('%j', (raw, display, key, titles) => {
    const n = normaliseName(raw);
    expect(n.display).toBe(display);
    expect(n.key).toBe(key);
    expect(n.titles).toEqual(titles);
    expect(n.tokens).toEqual(key === '' ? [] : key.split(' '));
  });
});

describe('normaliseName: characters', () => {
  it.each([
    ['José Rizal', 'José Rizal', 'JOSE RIZAL'],
    ['RENÉ SIREGAR', 'René Siregar', 'RENE SIREGAR'],
    ['Ma\u2019ruf', 'Ma\u2019ruf', 'MARUF'],
    ["JUM'AT", "Jum'at", 'JUMAT'],
    ['Siti-Aminah', 'Siti-Aminah', 'SITI AMINAH'],
    ['siti\u00a0aminah', 'Siti Aminah', 'SITI AMINAH'],
    ['\ufeffSITI AMINAH', 'Siti Aminah', 'SITI AMINAH'],
    ['SITI\tAMINAH\r\n', 'Siti Aminah', 'SITI AMINAH'],
  ])('%j', (raw, display, key) => {
    const n = normaliseName(raw);
    expect(n.display).toBe(display);
    expect(n.key).toBe(key);
  });
});

describe('normaliseName: variants', () => {
  it.each([
    ['Muhammad Rizki', 'MUHAMMAD RIZKI', [false, false]],
    ['MUHAMAD RIZKI', 'MUHAMMAD RIZKI', [false, false]],
    ['Mohammad Hatta', 'MUHAMMAD HATTA', [false, false]],
    ['MOHAMAD HATTA', 'MUHAMMAD HATTA', [false, false]],
    ['Mochammad Ridwan', 'MUHAMMAD RIDWAN', [false, false]],
    ['MOCHAMAD RIDWAN', 'MUHAMMAD RIDWAN', [false, false]],
    ['Muhammed Arif', 'MUHAMMAD ARIF', [false, false]],
    ['MOH. NUH', 'MUHAMMAD NUH', [false, false]],
    ['Moch. Yamin', 'MUHAMMAD YAMIN', [false, false]],
    ['MUH. AKBAR', 'MUHAMMAD AKBAR', [false, false]],
    ['MHD ILHAM', 'MUHAMMAD ILHAM', [false, false]],
    ['Md. Syarif', 'MUHAMMAD SYARIF', [false, false]],
    ['MOEHAMMAD SALEH', 'MUHAMMAD SALEH', [false, false]],
    ['M. RIZKI', 'MUHAMMAD RIZKI', [true, false]],
    ['M.RIZKI', 'MUHAMMAD RIZKI', [true, false]],
    ['H. M. Jusuf Kalla', 'MUHAMMAD JUSUF KALLA', [true, false, false]],
    ['ANDI M. AKBAR', 'ANDI M AKBAR', [false, true, false]], // M later in a name may be any M-name
    ['Abdul Rahman', 'ABDUL RAHMAN', [false, false]],
    ['ABD. RAHMAN', 'ABDUL RAHMAN', [false, false]],
    ['Abdoel Moeis', 'ABDUL MUIS', [false, false]],
    ['A. RAHMAN', 'A RAHMAN', [true, false]],
    ['Nur Hayati', 'NUR HAYATI', [false, false]],
    ['NOER HAJATI', 'NUR HAJATI', [false, false]], // no old mark inside HAJATI: its j stays
    ['NOOR AINI', 'NUR AINI', [false, false]],
    ['Nurul Huda', 'NURUL HUDA', [false, false]],
    ['Sitti Nurbaya', 'SITI NURBAYA', [false, false]],
    ['St. Aisyah', 'SITI AISYAH', [false, false]],
  ])('%j', (raw, key, initials) => {
    const n = normaliseName(raw);
    expect(n.key).toBe(key);
    expect(n.initials).toEqual(initials);
  });
});

describe('isMisspeltVariant', () => {
  it.each([
    ['MOHH', 'MUHAMMAD', true], // MOH, a letter doubled
    ['MOJ', 'MUHAMMAD', true], // MOH, a letter wrong
    ['HMD', 'MUHAMMAD', true], // MHD, two letters swapped
    ['AZD', 'ABDUL', true], // ABD
    ['NOCR', 'NUR', true], // NOER
    ['MUHAMMAD', 'MUHAMMAD', true], // a spelling of its own
    ['RIZKI', 'MUHAMMAD', false],
    ['AGUS', 'ABDUL', false],
    ['M', 'MUHAMMAD', false], // one letter is an initial, not a misspelling
    ['MOHH', 'RIZKI', false], // RIZKI has no variant spellings
  ] as const)('%s → %s: %s', (token, folded, expected) => {
    expect(isMisspeltVariant(token, folded)).toBe(expected);
  });
});

describe('modernSpelling', () => {
  it.each([
    ['SOEKARNO', 'SUKARNO'],
    ['SOEDJONO', 'SUJONO'],
    ['DJOJO', 'JOYO'], // dj marks the token old, so the remaining j is y
    ['DJAJA', 'JAYA'],
    ['TJAHJO', 'CAHYO'],
    ['JOESOEF', 'YUSUF'],
    ['SJAHRIR', 'SYAHRIR'],
    ['CHAIRUL', 'KHAIRUL'],
    ['NJOMAN', 'NYOMAN'],
    ['SOENJOTO', 'SUNYOTO'],
    ['JOKO', 'JOKO'], // modern j
    ['JAYA', 'JAYA'],
    ['PANJI', 'PANJI'], // modern n + j
    ['ANJANI', 'ANJANI'],
    ['RAJA', 'RAJA'],
    // TJ is C at the start of a word, after N and before a consonant (TJAHJA, PANTJA, RITJKY); elsewhere it
    // is T + the old J for Y (ADITJA, SETJO, SULISTJO), which the generator's names hold 35 times as often.
    ['TJAHJA', 'CAHYA'],
    ['PANTJA', 'PANCA'],
    ['RITJKY', 'RICKY'],
    ['ADITJA', 'ADITYA'],
    ['PRASETJO', 'PRASETYO'],
    ['SOELISTJOWATI', 'SULISTYOWATI'],
    ['SETJANINGSIH', 'SETYANINGSIH'],
  ])('%s → %s', (token, modern) => {
    expect(modernSpelling(token)).toBe(modern);
  });

  it('reads the old spelling of every generated name with C or a consonant Y as that name, but medial C before a vowel', () => {
    // The generator's old spelling writes C as TJ and a consonant Y as J (corrupt.ts oldSpelling).
    for (const modern of ['CAHYONO', 'CANDRA', 'CITRA', 'ADITYA', 'PRASETYO', 'SETYOWATI', 'SULISTYO', 'SETYA', 'VICKY', 'RICKY']) {
      expect(normaliseName(oldSpelling(modern)).key, modern).toBe(modern);
    }
    // The one reading left wrong, and rare in names: C between vowels (MANDACAN → MANDATJAN → MANDATYAN).
    expect(modernSpelling(oldSpelling('MANDACAN'))).toBe('MANDATYAN');
  });

  it('folds old spelling inside normaliseName, token by token', () => {
    expect(normaliseName('Soeharto Djojohadikoesoemo').key).toBe('SUHARTO JOYOHADIKUSUMO');
    expect(normaliseName('SOEHARTO JOKO').key).toBe('SUHARTO JOKO');
  });
});

describe('phonetic key', () => {
  it.each([
    ['SYAHRUL', 'SAHRUL'],
    ['KHAIRUL', 'HAIRUL'],
    ['CHAIRUL', 'HAIRUL'],
    ['FITRIYANI', 'FITRIANI'],
    ['ZULKIFLI', 'ZULKIPLI'],
    ['RIZKY', 'RISKI'],
    ['RIZKI', 'RIZQI'],
    ['YUSUF', 'YUSUP'],
    ['ACHMAD', 'AHMAD'],
    ['MOEHAMMAD', 'MUHAMAD'],
    ['RAMADHAN', 'RAMADAN'],
    ['FATHUL', 'FATKHUL'],
    ['AMINAH', 'AMINA'],
    ['ABDULLAH', 'ABDULAH'],
    ['DZIKRI', 'ZIKRI'],
    ['NOVITA', 'NOFITA'],
  ])('%s and %s share a code', (a, b) => {
    expect(normaliseName(a).phonetic).toBe(normaliseName(b).phonetic);
  });

  it.each([
    ['SITI', 'SETIA'],
    ['JOKO', 'YOKO'],
    ['SUTRISNO', 'SUTRISNA'],
    ['DEWI', 'DEVI'],
  ])('%s and %s stay apart', (a, b) => {
    expect(normaliseName(a).phonetic).not.toBe(normaliseName(b).phonetic);
  });

  it('codes each token, in order', () => {
    expect(normaliseName('Muhammad Rizky Fitriyani').phonetic).toBe('MUHAMAT RISKI PITRIANI');
    expect(phoneticToken('')).toBe('');
  });
});

describe('isInitialCompatible', () => {
  it.each([
    ['M. RIZKI', 'MUHAMMAD RIZKI', true],
    ['M. Rizki', 'Mahmud Rizki', true],
    ['A. RAHMAN', 'ABDUL RAHMAN', true],
    ['ABDUL RAHMAN', 'A. Rahman', true],
    ['S. Aminah', 'Siti Aminah', true],
    ['A. RAHMAN', 'BUDI RAHMAN', false],
    ['A. RAHMAN', 'ABDUL RAHMAN HAKIM', false],
    ['A. B.', 'Andi Budi', false], // initials alone are no evidence
    ['SITI AMINAH', 'SITI AMINAH', true],
    ['', '', false],
  ])('%j ~ %j → %s', (a, b, expected) => {
    expect(isInitialCompatible(normaliseName(a), normaliseName(b))).toBe(expected);
  });
});

describe('normaliseName: invariants', () => {
  const KEY = /^(?:[A-Z]+(?: [A-Z]+)*)?$/;

  it('never throws, and the key is always A–Z words with single spaces', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (raw) => {
        const n = normaliseName(raw);
        expect(n.key).toMatch(KEY);
        expect(n.tokens).toEqual(n.key === '' ? [] : n.key.split(' '));
        expect(n.initials).toHaveLength(n.tokens.length);
        expect(n.phonetic.split(' ')).toHaveLength(n.tokens.length || 1);
        expect(n.display).toBe(n.display.trim());
        expect(n.display).not.toMatch(/\s{2}/);
      }),
      { numRuns: 2000 },
    );
  });

  it('is stable: normalising the display again gives the same key', () => {
    const part = fc.constantFrom(
      'H.', 'Hj', 'Dr.', 'Siti', 'Aminah', 'M.', 'Muh.', 'Rizki', 'Abd.', 'Rahman', 'S.Pd.', ',', 'SE', 'Djojo',
      "Ma'ruf", 'Noer', 'A.Md.', 'M.M.', 'Sutrisno', '-', 'José',
    );
    fc.assert(
      fc.property(fc.array(part, { maxLength: 8 }), (parts) => {
        const first = normaliseName(parts.join(' '));
        const again = normaliseName(first.display);
        expect(again.key).toBe(first.key);
        expect(again.titles).toEqual(first.titles);
      }),
      { numRuns: 2000 },
    );
  });

  it('ignores case and spacing', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (raw) => {
        expect(normaliseName(`  ${raw.toUpperCase()} `).key).toBe(normaliseName(raw.toUpperCase()).key);
      }),
    );
  });
});

describe('frontTitleSex', () => {
  it.each([
    ['H. Rosyid', 'M'],
    ['Hj.  Astuti', 'F'],
    ['DRA. SAFIRA', 'F'],
    ['Drs. Kurniawan', 'M'],
    ['Dr. Widiastuti', 'any'],
    ['IR. WIDYA', 'any'],
    ['Wulandari, S.E.', null],
    ['Rosyid', null],
    ['', null],
  ] as const)('reads %s as %s', (raw, sex) => {
    expect(frontTitleSex(raw)).toBe(sex);
  });
});
