import { UsageError } from '../errors.js';
import { t } from '../i18n/index.js';
import type { SourceKind } from '../store/batches.js';

/**
 * The words `--source` takes: the codes, the words the files write the sources in (`pusat`, `provinsi`,
 * `buku tamu`), the names the screen shows (`daftar pusat`, `rekap provinsi`; `central list`, `provincial
 * list`, `guest book`), and the spellings a person types for the one with a space.
 */
const SOURCE_WORDS: Readonly<Record<string, SourceKind>> = {
  central: 'central',
  pusat: 'central',
  'daftar pusat': 'central',
  'central list': 'central',
  province: 'province',
  provinsi: 'province',
  'rekap provinsi': 'province',
  'provincial list': 'province',
  walkin: 'walkin',
  'walk-in': 'walkin',
  'buku tamu': 'walkin',
  bukutamu: 'walkin',
  'buku-tamu': 'walkin',
  buku_tamu: 'walkin',
  'guest book': 'walkin',
  guestbook: 'walkin',
};

/**
 * The source a `--source` value names, whatever its case and spaces; an unknown word is a usage error listing
 * the accepted words.
 * @example parseSourceWord('Pusat') // 'central'
 * @example parseSourceWord('buku tamu') // 'walkin'
 */
export function parseSourceWord(text: string): SourceKind {
  const source = SOURCE_WORDS[text.trim().toLowerCase().replace(/\s+/g, ' ')];
  if (source === undefined) throw new UsageError(t.reasons.badSource(text));
  return source;
}
