/**
 * Text encodings of the files offices receive: UTF-8 with or without BOM, UTF-16 (Excel's "Unicode text")
 * and Windows-1252 (Excel's "CSV" on an Indonesian or English Windows). Decoding itself is iconv-lite's.
 */
import iconv from 'iconv-lite';

export interface DetectedEncoding {
  /** A name iconv-lite knows. */
  encoding: string;
  /** Bytes of byte-order mark to drop. */
  bom: number;
}

/** Decides the encoding from the first bytes of a file. */
export function detectEncoding(head: Buffer): DetectedEncoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf8', bom: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf16le', bom: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf16be', bom: 2 };
  // UTF-16 without a BOM: ASCII text has a NUL in every other byte.
  const sample = head.subarray(0, 512);
  let oddNuls = 0;
  let evenNuls = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] !== 0) continue;
    if (i % 2) oddNuls++;
    else evenNuls++;
  }
  if (sample.length >= 8 && oddNuls > sample.length / 4 && evenNuls === 0) return { encoding: 'utf16le', bom: 0 };
  if (sample.length >= 8 && evenNuls > sample.length / 4 && oddNuls === 0) return { encoding: 'utf16be', bom: 0 };
  return { encoding: isUtf8(head) ? 'utf8' : 'windows-1252', bom: 0 };
}

/** True when the bytes are valid UTF-8, allowing a multi-byte sequence cut off at the end of the sample. */
export function isUtf8(bytes: Buffer): boolean {
  let end = bytes.length;
  // Step back over a sequence the sample may have cut in half.
  for (let back = 1; back <= 3 && end - back >= 0; back++) {
    const b = bytes[end - back] ?? 0;
    if (b >= 0xc0) {
      end -= back;
      break;
    }
    if (b < 0x80) break;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}

/**
 * Bytes of byte-order mark at the start of `head` that belong to `encoding` (given with --encoding), so an
 * override such as `--encoding utf8` on a file with a BOM does not leave U+FEFF in the first cell.
 * @example bomLength(Buffer.from([0xef, 0xbb, 0xbf, 0x41]), 'UTF-8') // 3
 */
export function bomLength(head: Buffer, encoding: string): number {
  const name = encoding.toLowerCase().replace(/[^a-z0-9]/g, '');
  const detected = detectEncoding(head);
  if (detected.bom === 0) return 0;
  const family = name === 'ucs2' ? 'utf16le' : name;
  return family === detected.encoding || (family === 'utf16' && detected.encoding.startsWith('utf16')) ? detected.bom : 0;
}

export function isKnownEncoding(name: string): boolean {
  return iconv.encodingExists(name);
}

export function decode(bytes: Buffer, encoding: string): string {
  return iconv.decode(bytes, encoding);
}

export function decodeStream(encoding: string): NodeJS.ReadWriteStream {
  return iconv.decodeStream(encoding);
}

/** True when the bytes look like a binary file rather than text in the detected encoding. */
export function looksBinary(head: Buffer, encoding: string): boolean {
  if (encoding.startsWith('utf16')) return false;
  const sample = head.subarray(0, 8192);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return true;
    if (b < 0x09 || (b > 0x0d && b < 0x20)) control++;
  }
  return control > sample.length / 20;
}

/** A UTF-8 lead byte (Â–ô) read as Windows-1252, then a continuation byte (0x80–0xBF) read the same way. */
const MOJIBAKE = /[\u00c2-\u00f4][\u00a0-\u00bf\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u017d\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u017e\u0178]/;

/**
 * A cell of a Windows-1252 file that was really written in UTF-8 (pasted from a web page or another
 * file): `JOSÃ‰` becomes `JOSÉ`. Null when the cell is not such mojibake: its Windows-1252 bytes must be
 * valid UTF-8, and say something else.
 * @example utf8Inside1252('JOSÃ‰') // 'JOSÉ'
 */
export function utf8Inside1252(cell: string): string | null {
  if (!MOJIBAKE.test(cell)) return null;
  const bytes = iconv.encode(cell, 'windows-1252');
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return text !== cell ? text : null;
  } catch {
    return null;
  }
}
