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
  /** Rows not yet hashed: one update per ~64 KiB, not two per row (the same bytes, so the same digest). */
  private pending = '';

  add(cells: readonly string[]): void {
    let end = cells.length;
    while (end > 0 && (cells[end - 1] ?? '').trim() === '') end--;
    if (end === 0) return;
    let row = '';
    for (let i = 0; i < end; i++) {
      const cell = cells[i] ?? '';
      const text = (cell.indexOf('\r') < 0 ? cell : cell.replace(/\r\n?/g, '\n')).trim();
      row += i === 0 ? text : `\u001f${text}`;
    }
    this.pending += `${row}\u001e`;
    if (this.pending.length >= 65_536) {
      this.hash.update(this.pending);
      this.pending = '';
    }
  }

  digest(): string {
    this.hash.update(this.pending);
    this.pending = '';
    return this.hash.digest('hex');
  }
}
