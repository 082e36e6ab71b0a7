/**
 * A fingerprint of a file's rows as decoded, not of its bytes: the same list saved again with CRLF line
 * ends, a byte-order mark, another encoding, another delimiter or other quoting gives the same one.
 */
import { createHash, type Hash } from 'node:crypto';

/**
 * Hashes rows one by one: cells trimmed, line breaks inside a cell as `\n`, empty cells at the end of a row
 * dropped, rows with nothing left skipped (a re-save may add or drop blank lines and trailing delimiters).
 * @example const f = new RowFingerprint(); f.add(['NIK', 'Nama']); f.add(['1271…', 'SITI']); f.digest()
 */
export class RowFingerprint {
  private readonly hash: Hash = createHash('sha256');

  add(cells: readonly string[]): void {
    let end = cells.length;
    while (end > 0 && (cells[end - 1] ?? '').trim() === '') end--;
    if (end === 0) return;
    const parts: string[] = [];
    for (let i = 0; i < end; i++) parts.push((cells[i] ?? '').replace(/\r\n?/g, '\n').trim());
    this.hash.update(parts.join('\u001f'));
    this.hash.update('\u001e');
  }

  digest(): string {
    return this.hash.digest('hex');
  }
}
