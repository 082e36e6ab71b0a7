/**
 * The one writer of every file prakerja writes (exports, review files, recaps, detail lists, HTML).
 *
 * The data goes to a temporary file created exclusively (`O_CREAT|O_EXCL`, a random name, so a planted
 * file or symlink at a guessable name is never opened) in the target's own folder, is flushed to disk, and
 * is then renamed over the final name. rename() replaces whatever is at the final name — a symlink there
 * is replaced, never followed — and is atomic: a reader, a killed run or a full disk leaves either the
 * earlier complete file or the new complete file, never half of one.
 *
 * Which outputs hold NIKs (and names), and so are `personal` (mode 0600): the records export, the review
 * file, and the recap's list of visitors not yet recipients. The recap tables themselves hold counts only.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fchmodSync, fsyncSync, lstatSync, openSync, readdirSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { StoreError } from '../errors.js';
import { t } from '../i18n/index.js';
import { testPause } from '../test-hooks.js';

/** Owner read/write, nobody else: files that hold personal data. */
export const PRIVATE_MODE = 0o600;
/** Recaps of counts only: readable by others, as the umask allows. */
const PUBLIC_MODE = 0o644;

export interface OutputOptions {
  /** The file holds NIKs or names: created 0600 whatever the umask. */
  personal: boolean;
}

/** An output being written: `write` chunks, then `commit` (rename into place) or `abort` (remove). */
export interface OutputFile {
  readonly path: string;
  write(chunk: string | Uint8Array): void;
  commit(): void;
  abort(): void;
}

/**
 * Starts writing `path`; nothing is visible under that name until `commit()`.
 * @example const out = openOutputFile('orang.csv', { personal: true }); out.write(text); out.commit();
 */
export function openOutputFile(path: string, options: OutputOptions): OutputFile {
  const target = resolve(path);
  checkTarget(path, target);
  const mode = options.personal ? PRIVATE_MODE : PUBLIC_MODE;
  removeAbandonedTemps(target);
  const { fd, temp } = createTemp(path, target, mode);
  let open = true;
  const fail = (error: unknown): never => {
    cleanup();
    throw writeError(path, error);
  };
  const cleanup = () => {
    if (open) closeSync(fd);
    open = false;
    try {
      unlinkSync(temp);
    } catch {
      // Already gone.
    }
  };
  return {
    path: target,
    write(chunk) {
      try {
        const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
        for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done);
      } catch (error) {
        fail(error);
      }
      testPause('output-write');
    },
    commit() {
      try {
        fsyncSync(fd);
        closeSync(fd);
        open = false;
        renameSync(temp, target);
      } catch (error) {
        fail(error);
      }
    },
    abort: cleanup,
  };
}

/**
 * Writes a whole file at once through `openOutputFile`.
 * @example writeOutputFile('rekap-gelombang.csv', csvText, { personal: false })
 */
export function writeOutputFile(path: string, data: string | Uint8Array, options: OutputOptions): string {
  const out = openOutputFile(path, options);
  out.write(data);
  out.commit();
  return out.path;
}

/**
 * Says what is wrong with the target before anything is written: its folder, a folder in its place, or a
 * special file there. The rename would replace a device, a FIFO or a socket (or a symlink to one) as it
 * replaces a file: run as root, `--out /dev/null` replaced /dev/null itself. Nothing under /dev, /proc or
 * /sys is written either: /dev/stdout is a symlink that reads as a regular file when the output is redirected.
 */
function checkTarget(given: string, target: string): void {
  const folder = dirname(target);
  const dir = statSync(folder, { throwIfNoEntry: false });
  if (!dir) throw new StoreError(t.files.folderMissing({ file: given, folder }));
  if (!dir.isDirectory()) throw new StoreError(t.files.folderIsFile({ file: given, folder }));
  // lstat: a symlink at the target is fine (it is replaced); a real folder there is not.
  const here = lstatSync(target, { throwIfNoEntry: false });
  if (here?.isDirectory()) {
    throw new StoreError(t.files.targetIsFolder({ file: given, example: join(given, 'rekap.csv') }));
  }
  const pointsAt = here?.isSymbolicLink() ? statSync(target, { throwIfNoEntry: false }) : here;
  const special = (here !== undefined && !here.isFile() && !here.isSymbolicLink()) || (pointsAt !== undefined && !pointsAt.isFile());
  if (special || /^\/(dev|proc|sys)(\/|$)/.test(realpathSync(folder))) throw new StoreError(t.files.targetIsSpecial(given));
}

/**
 * A temp file's name: the target's, the writing process's id, a random part. The id tells a later run whether
 * the writer is still alive: a run killed mid-write (SIGKILL, power cut) leaves its temp file, which may hold
 * full NIKs, and the next write of the same target removes it.
 */
function tempName(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(9).toString('base64url')}.tmp`);
}

/** Removes the temp files of `target` whose writing process no longer exists. */
function removeAbandonedTemps(target: string): void {
  const prefix = `.${basename(target)}.`;
  let names: string[];
  try {
    names = readdirSync(dirname(target));
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue;
    const pid = Number(/^(\d+)\.[\w-]+\.tmp$/.exec(name.slice(prefix.length))?.[1]);
    if (!Number.isInteger(pid) || pid <= 0 || isAlive(pid)) continue;
    try {
      // Only a plain file that is ours: never follow or remove a link someone planted under such a name.
      const st = lstatSync(join(dirname(target), name));
      if (st.isFile() && st.uid === process.getuid?.()) unlinkSync(join(dirname(target), name));
    } catch {
      // Gone already, or not ours to remove.
    }
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but is another user's.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function createTemp(given: string, target: string, mode: number): { fd: number; temp: string } {
  for (let attempt = 0; ; attempt++) {
    const temp = tempName(target);
    try {
      const fd = openSync(temp, 'wx', mode);
      // open's mode is reduced by the umask, which is right for a recap; a personal file must be exactly 0600.
      if (mode === PRIVATE_MODE) fchmodSync(fd, mode);
      return { fd, temp };
    } catch (error) {
      // EEXIST: someone holds that random name (a planted file or symlink); draw another.
      if ((error as NodeJS.ErrnoException).code === 'EEXIST' && attempt < 10) continue;
      throw writeError(given, error);
    }
  }
}

function writeError(path: string, error: unknown): StoreError {
  const code = (error as NodeJS.ErrnoException).code ?? String(error);
  if (code === 'ENOSPC' || code === 'EDQUOT') return new StoreError(t.files.diskFull(path));
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return new StoreError(t.files.notWritable(path));
  return new StoreError(t.files.cannotWrite({ file: path, code }));
}
