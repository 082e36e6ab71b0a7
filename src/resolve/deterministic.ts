/**
 * The deterministic pass: the same valid NIK is one person when the names are compatible (`exact_nik`,
 * certain). When they are not, the model weighs the name evidence beside the NIK: a name whose words all lie
 * within the other's (`contained`: a middle name left out, a title mistyped or put in place of a word, words
 * joined) is a weak disagreement, and the pair is one person when the model scores it at the match
 * threshold or above (`exact_nik` too, with the model's probability). One word of a name alone against the
 * full name (HJ. WULANDARI / EKO RUDI WULANDARI) is the holder as often as a relative: a possible match, for
 * review, neither merged nor kept apart, unless the two are a central row and its provincial copy of the
 * same wave, or wrote the same phone number too. Any other name is a conflict
 * (`same_nik_other_name`: reported, never merged, not even through a third record): someone else writing
 * the holder's NIK, typically a relative, who shares the family name or a first name but has a word of
 * their own, so that whole-name similarity (MUHAMMAD RIZKI / MUHAMMAD FAUZI: Jaro-Winkler 0.90) is no
 * evidence here. Within a NIK, records are grouped by name against the first record of each group.
 *
 * Measured on the generator (20k + 5k, seed 1, with borrowed identities and the name corruptions of issue
 * 12): conflicts went from 306 to 82, those in truth one person from 231 to 8; none of the 79 borrowed rows
 * was merged into its holder, and all 74 whose NIK was read intact are listed as conflicts.
 */
import { compareName, compareRecords, nameWithin, namesCompatible, otherGivenName, type Levels, type ResolveRecord } from './comparison.js';
import { KeyGroups } from './groups.js';
import type { PendingLink } from './pending.js';
import { scorePair, type ModelParameters, type NameFrequencies } from './scoring.js';

/**
 * Whether one of two records under one NIK is a guest-book row whose one-word name was written after a title
 * that the NIK's sex may bear (ResolveRecord.titled), and the word a given name of that sex: nine in ten of
 * the list's names bearing it are of the NIK's sex, so not a family name both sexes bear (a marga, SITUMORANG).
 */
function titledVisit(a: ResolveRecord | undefined, b: ResolveRecord, freqs: NameFrequencies): boolean {
  const sex = b.sex ?? a?.sex ?? null;
  if (sex === null) return false;
  return [a, b].some(
    (x) => x?.source === 'walkin' && x.titled != null && (x.titled === 'any' || x.titled === sex) && (freqs.wordSexShare(x.nameKey, sex) ?? 0) >= 0.9,
  );
}

export interface DeterministicResult {
  links: PendingLink[];
  /** Pairs in conflict: never one person, not even through a third record. */
  cannotLink: [number, number][];
}

/**
 * @example deterministicPass(records, freqs, DEFAULT_PARAMETERS).links // exact_nik and conflict links
 */
export function deterministicPass(
  records: readonly ResolveRecord[],
  freqs: NameFrequencies,
  params: ModelParameters,
): DeterministicResult {
  const links: PendingLink[] = [];
  const cannotLink: [number, number][] = [];
  // Records of one NIK grouped over typed arrays (groups.ts), not a Map of a million NIKs: memory.
  new KeyGroups(records.length).each(
    (i) => {
      const nik = records[i]?.nik;
      return nik ? nik : null;
    },
    (list) => {
      const groups: number[] = [];
      // Records merged into a group by the weak-name rules below (YUNI LESTARININGSIH, the provincial copy of
      // a central LESTARININGSIH): a later record whose name agrees with one of them joins it, since it is
      // the holder's name too. Without this a visit writing the copy's very name met only the one word.
      const merged: number[] = [];
      // A word borne by at least 20 names of the list and 1 in 5,000: a given name in its own right.
      const isName = (word: string): boolean => freqs.wordCount(word) >= Math.max(20, freqs.size / 5000);
      for (const i of list) {
        const r = records[i];
        if (!r) continue;
        let joined = false;
        for (const g of merged.length === 0 ? groups : [...groups, ...merged]) {
          const rep = records[g];
          if (!rep) continue;
          const name = compareName(rep.nameKey, r.nameKey, rep.namePhonetic, r.namePhonetic);
          if (namesCompatible(name, rep.nameKey, r.nameKey) && !otherGivenName(rep.nameKey, r.nameKey, isName)) {
            const levels: Levels = { nik: 'exact', name, phone: 'missing' };
            const probability = scorePair(levels, r.nameKey, freqs, params).probability;
            links.push({ l: g, r: i, kind: 'match', rule: 'exact_nik', blocking: null, levels, probability, weight: Infinity });
            joined = true;
            break;
          }
        }
        if (joined) continue;
        const scored = groups.map((g) => {
          const rep = records[g];
          const levels = rep ? compareRecords(rep, r) : null;
          // Contained is the level only where the names compare as different; a jw88 spelling can hold it too.
          let within: 'words' | 'one word' | 'given name' | null = levels === null || rep === undefined ? null : levels.name === 'contained' ? 'words' : nameWithin(rep.nameKey, r.nameKey);
          // Names that agree but for one given name, each spelling a name of its own: for review. Only those the
          // name rules would take for the holder; names they already keep apart stay conflicts.
          if (levels && rep && otherGivenName(rep.nameKey, r.nameKey, isName) && (within === 'words' || namesCompatible(levels.name, rep.nameKey, r.nameKey))) {
            within = 'given name';
          }
          return { g, levels, within, probability: levels ? scorePair(levels, r.nameKey, freqs, params, null, r.wave).probability : 0 };
        });
        // One word of the name alone is the holder when the two rows are the central list's and the provincial
        // copy's with the same wave (a relative writes the holder's NIK at the desk, the province copies the
        // list; a wave agrees only between those two lists), or when they wrote the same phone number too: a
        // relative at the desk gives their own. Two full names sharing only the family name stay a conflict
        // even there: a central row under another's NIK in the holder's wave (KEVIN DAULAY under PUTRI
        // DAULAY's, 100k seed 7) looks just so.
        // So is a guest-book row that wrote the one word after a title, in place of the word it left out
        // (H. ROSYID under SAMSUDIN ROSYID's NIK), when the title is one the NIK's sex bears (H., Drs. a man's,
        // Hj., Dra. a woman's; Dr., Ir. anyone's): a relative writes their own given name, and one of the other
        // sex with the family name and a title (HJ. ROSYID) stays for review. Only the visitor's title counts:
        // a list row written so (HJ. WULANDARI) against a full name at the desk (EKO RUDI WULANDARI, the
        // generator's 100k set) is a relative as often. The model cannot weigh this (it reads the one word
        // against the full name as different names, p 0.85–0.99): on the issue-12 variant at 20k all 10 such
        // visits were the holder. The word must be a given name of the NIK's sex (wordSexShare ≥ 0.9): a
        // relative of the same sex with the family name writes it so too (HJ. SITUMORANG under LESTARI
        // SITUMORANG's NIK, the generator's 300k set), and a family name is borne by both sexes.
        // Two given names a letter apart (DWI WIDYA / DEWI WIDYA) are a relative's at the desk as often as a
        // typo, but between a central row and its provincial copy of the same wave the copy is the row.
        const holder = scored.find((s) => {
          if (s.levels && s.within === 'given name') return s.levels.wave === 'same' && s.probability >= params.matchThreshold;
          if (!s.levels || s.within !== 'words' && s.within !== 'one word') return false;
          if (s.within === 'one word' && titledVisit(records[s.g], r, freqs)) return true;
          if (s.probability < params.matchThreshold) return false;
          if (s.within === 'words') return true;
          return s.levels.wave === 'same' || s.levels.phone === 'exact';
        });
        if (holder?.levels) {
          links.push({ l: holder.g, r: i, kind: 'match', rule: 'exact_nik', blocking: null, levels: holder.levels, probability: holder.probability, weight: Infinity });
          merged.push(i);
          continue;
        }
        for (const { g, levels, within, probability } of scored) {
          if (!levels) continue;
          // One word of the name alone is for review: neither merged nor kept apart for good.
          if (within === 'one word' || within === 'given name') {
            const refused = within === 'one word' ? 'one_word' : 'given_name';
            links.push({ l: g, r: i, kind: 'possible', rule: 'same_nik_other_name', blocking: null, levels, probability, weight: 0, refused });
            continue;
          }
          links.push({ l: g, r: i, kind: 'conflict', rule: 'same_nik_other_name', blocking: null, levels, probability, weight: 0 });
          cannotLink.push([g, i]);
        }
        groups.push(i);
      }
    },
  );
  return { links, cannotLink };
}
