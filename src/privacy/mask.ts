/**
 * Masking of NIKs inside free text (messages, raw rejected cells, file summaries): what the terminal, logs
 * and reports show unless the user asks for `--show-nik`.
 */
import { maskNik } from '../normalise/nik.js';

/**
 * How a stored NIK (or its raw text) is shown: in full only when asked (`--show-nik`), masked otherwise.
 * @example displayNik('1271015001900003', false) // '127101******0003'
 */
export function displayNik(nik: string | null, showNik: boolean | undefined): string | null {
  if (nik === null || nik === '') return null;
  return showNik ? nik : maskNik(nik);
}

/**
 * Masks every run of 12 or more digits, whatever spaces, dots, apostrophes or dashes sit between them: it
 * may be a NIK, whole or mangled. Shorter numbers (waves, line numbers, years, phone fragments) stay.
 * @example maskNikLike('line 4: 1271015001900003 is listed twice') // 'line 4: 127101******0003 is listed twice'
 */
export function maskNikLike(text: string): string {
  return text.replace(/\d[\d .'-]{10,}\d/g, (run) => {
    const digits = run.replace(/\D/g, '');
    return digits.length >= 12 ? maskNik(digits) : run;
  });
}
