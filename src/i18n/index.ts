/**
 * Everything a person reads, in Bahasa Indonesia (the default) and English (`--lang en`, `PRAKERJA_LANG=en`).
 * A leaf module like src/errors.ts: every layer may import it; it imports nothing of the project.
 *
 * How to add a message:
 * 1. Pick the area file in src/i18n/messages/ (import.ts, report.ts, errors.ts, cli.ts, …) or add one, and add
 *    it to `t` below.
 * 2. Add an entry with both texts side by side; the `en` text takes the parameters the `id` text declares:
 *        alreadyImported: message({
 *          id: (p: { file: string; batch: number }) => `${p.file}: sudah diimpor sebagai batch ${p.batch}`,
 *          en: (p) => `${p.file}: already imported as batch ${p.batch}`,
 *        }),
 *        nothing: message({ id: 'Tidak ada baris yang ditolak.', en: 'No rejected rows.' }),
 *    A missing language, or an `en` that reads a parameter `id` does not declare, is a compile error.
 * 3. Use it: `import { t } from '../i18n/index.js'` then `t.import.alreadyImported({ file, batch: 3 })`,
 *    `t.rejects.nothing()`. The text comes in the current language, which the CLI sets once per command.
 *
 * Words an office uses: berkas (file), baris (row), gelombang (wave), penerima (recipient), dicabut (revoked),
 * buku tamu / loket (walk-in guest book / desk), NIK tidak valid, NIK rusak, impor. Formal but plain.
 * `--json` keys and values stay English: they are for scripts.
 */
import { cli } from './messages/cli.js';
import { database } from './messages/database.js';
import { demo } from './messages/demo.js';
import { errors } from './messages/errors.js';
import { explain } from './messages/explain.js';
import { files } from './messages/files.js';
import { ingest } from './messages/ingest.js';
import { recap } from './messages/recap.js';
import { purgeState, recovery } from './messages/recovery.js';
import { importText } from './messages/import.js';
import { initText } from './messages/init.js';
import { reasons } from './messages/reasons.js';
import { purgeText } from './messages/purge.js';
import { reading } from './messages/reading.js';
import { reportText } from './messages/report.js';
import { resolveText } from './messages/resolve.js';
import { exportText, reviewText } from './messages/review.js';
import { rejectsText, statusText } from './messages/status.js';

export { REPORT_ALIASES } from './messages/report.js';
export { currentLang, inLang, LANGS, message, parseLang, setLang, type Lang, type Message, type Text, type Texts } from './lang.js';

export const t = {
  cli,
  database,
  demo,
  errors,
  explain,
  files,
  ingest,
  recap,
  recovery,
  import: importText,
  init: initText,
  reasons,
  purge: purgeText,
  reading,
  report: reportText,
  resolve: resolveText,
  review: reviewText,
  export: exportText,
  purgeState,
  rejects: rejectsText,
  status: statusText,
};
