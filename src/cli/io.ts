/** Where the CLI writes, so tests can run it in-process and read what a person would see. */
import { Chalk, type ChalkInstance } from 'chalk';

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  /** stdout is a terminal: spinners and colours are allowed (unless NO_COLOR / --quiet / --json). */
  isTTY: boolean;
  /** The stream a spinner draws on; only used when isTTY. */
  spinnerStream?: NodeJS.WritableStream;
}

export function processIo(): Io {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    isTTY: process.stdout.isTTY === true && process.stderr.isTTY === true,
    spinnerStream: process.stderr,
  };
}

export interface GlobalOptions {
  db?: string;
  json?: boolean;
  quiet?: boolean;
  color?: boolean;
  showNik?: boolean;
  key?: string;
}

/** Colours only for a person at a terminal who has not said NO_COLOR or --no-color. */
export function colours(io: Io, options: GlobalOptions): ChalkInstance {
  const on = io.isTTY && options.color !== false && !('NO_COLOR' in io.env) && options.json !== true;
  return new Chalk({ level: on ? 1 : 0 });
}
