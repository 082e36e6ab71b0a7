/**
 * Files that hold personal data (rejects listings, exports with full NIKs, reports) are written readable
 * by their owner only, like the database. Every command that writes such a file goes through here.
 */
import { createWriteStream, fchmodSync, openSync, writeFileSync, closeSync, type WriteStream } from 'node:fs';
import { StoreError } from '../errors.js';

/** The mode of every file prakerja writes: owner read/write, nobody else. */
export const PRIVATE_MODE = 0o600;

/**
 * Writes a whole file with mode 0600 — also when the file already existed with a looser mode, since
 * `open(…, mode)` only applies the mode to a file it creates.
 * @example writePrivateFile('rekap-gel3.csv', csvText)
 */
export function writePrivateFile(path: string, data: string | Uint8Array): void {
  const fd = openPrivate(path);
  try {
    writeFileSync(fd, data);
  } finally {
    closeSync(fd);
  }
}

/**
 * A write stream on a file with mode 0600, for outputs too big to build in memory.
 * @example const out = createPrivateStream('export.csv'); out.write('nik,nama\n'); out.end();
 */
export function createPrivateStream(path: string): WriteStream {
  const fd = openPrivate(path);
  return createWriteStream(path, { fd, autoClose: true });
}

function openPrivate(path: string): number {
  let fd: number;
  try {
    fd = openSync(path, 'w', PRIVATE_MODE);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    const hint =
      code === 'ENOENT' ? 'the folder does not exist; create it first' : code === 'EACCES' || code === 'EROFS' ? 'it is not writable; check the permissions' : code === 'EISDIR' ? 'it is a folder; give a file name' : code;
    throw new StoreError(`cannot write ${path}: ${hint}.`);
  }
  // The file may have existed with a looser mode (the umask never loosens ours, but an old file may be 0644).
  fchmodSync(fd, PRIVATE_MODE);
  return fd;
}
