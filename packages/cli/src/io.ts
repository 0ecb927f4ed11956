// What a command may touch of the outside world, so tests can run commands in-process; and the
// one way every command reads an input and writes an output, so that every command has the
// same bounds (a size cap checked before and while reading) and the same safety (a temporary
// file renamed into place, never an input overwritten).
import { randomBytes } from "node:crypto";
import { closeSync, fstatSync, openSync, readSync, statSync, type Stats } from "node:fs";
import { chmod, mkdir, realpath, rename, stat, unlink, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { say, type Locale } from "./i18n.js";

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** Standard input, at most maxBytes of it (a larger input is an InputTooLarge). */
  stdin: (maxBytes?: number) => Promise<Uint8Array>;
  /** stderr is a terminal: draw progress there */
  stderrIsTTY: boolean;
  /** binary output (render --format docx|pdf); absent: stdout is not for bytes */
  stdoutBytes?: (b: Uint8Array) => void;
  /** stdout is a terminal: bytes are never written there */
  stdoutIsTTY?: boolean;
  env: NodeJS.ProcessEnv;
}

/** Exit codes: 0 all valid, 1 some invalid, 2 unreadable input or bad usage. */
export const EXIT = { ok: 0, invalid: 1, unusable: 2 } as const;

/** No annual report, however long its text, comes near this; /dev/zero does. */
export const MAX_REPORT_BYTES = 32 * 1024 * 1024;

/** An input larger than the cap: the read stopped at the cap, nothing more was buffered. */
export class InputTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`input larger than ${limit} bytes`);
    this.name = "InputTooLarge";
  }
}

export async function readStdin(maxBytes = MAX_REPORT_BYTES): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) {
      // stop reading; the writer (yes, cat /dev/zero) gets EPIPE, as it should
      process.stdin.destroy();
      throw new InputTooLarge(maxBytes);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * A file's bytes, at most maxBytes: a regular file's size is checked before anything is read;
 * a device or a pipe given by name (/dev/zero, a FIFO) is read in chunks up to the cap.
 * Synchronous: a CLI reads one file at a time, and a worker thread has nothing else to do.
 * Errors are the system's (ENOENT, EISDIR, EACCES…) or an InputTooLarge.
 *
 * With `reuse`, the bytes are read into this thread's scratch buffer and the result is a view of
 * it, valid until the next such read: a batch that decodes each file at once allocates nothing
 * per file (a new buffer per file cost more than parsing it, in time and in garbage collection).
 */
export function readFileBounded(path: string, maxBytes = MAX_REPORT_BYTES, reuse = false): Buffer {
  const fd = openSync(path, "r");
  try {
    const info = fstatSync(fd);
    if (info.isDirectory()) throw Object.assign(new Error("EISDIR"), { code: "EISDIR" });
    if (info.isFile()) {
      if (info.size > maxBytes) throw new InputTooLarge(maxBytes);
      return readRegular(fd, info.size, maxBytes, reuse);
    }
    return readChunks(fd, maxBytes, 64 * 1024);
  } finally {
    closeSync(fd);
  }
}

let scratch = Buffer.allocUnsafe(0);

function readRegular(fd: number, size: number, maxBytes: number, reuse: boolean): Buffer {
  // one byte more than the size, so that a file that grew since it was measured is noticed
  const want = size + 1;
  if (reuse && scratch.length < want) scratch = Buffer.allocUnsafe(Math.max(want, 64 * 1024));
  const buf = reuse ? scratch : Buffer.allocUnsafe(want);
  let n = 0;
  for (let k = 1; k > 0 && n < want; n += k) k = readSync(fd, buf, n, want - n, null);
  if (n < want) return buf.subarray(0, n);
  // it grew: the rest in chunks, the cap counted over the whole
  if (n > maxBytes) throw new InputTooLarge(maxBytes);
  const rest = readChunks(fd, maxBytes - n, 64 * 1024);
  return Buffer.concat([buf.subarray(0, n), rest], n + rest.length);
}

function readChunks(fd: number, maxBytes: number, first: number): Buffer {
  const chunks: Buffer[] = [];
  let size = 0;
  let want = Math.min(Math.max(first, 1), maxBytes + 1);
  for (;;) {
    const buf = Buffer.allocUnsafe(want);
    const n = readSync(fd, buf, 0, want, null);
    if (n === 0) break;
    size += n;
    if (size > maxBytes) throw new InputTooLarge(maxBytes);
    chunks.push(n === want ? buf : buf.subarray(0, n));
    want = Math.min(1024 * 1024, maxBytes + 1 - size);
  }
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size);
}

/** A write that could not be done, in words for the user (exit 2). */
export class WriteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WriteError";
  }
}

const sameFile = (a: Stats, b: Stats) => a.dev === b.dev && a.ino === b.ino;

/** The (dev, ino) of each input that exists: an output must not be one of them. */
export function inputIdentities(files: Iterable<string>): Stats[] {
  const out: Stats[] = [];
  for (const f of files) {
    if (f === "-") continue;
    try {
      out.push(statSync(f));
    } catch {
      // an input that cannot be stat'ed was reported as unreadable already
    }
  }
  return out;
}

/**
 * Writes data to path as one step: into a temporary file in the same folder, then renamed over
 * path, so that a full disk or a crash leaves the old file whole. Refuses a path that is one of
 * the inputs (the same file, by device and inode, whatever its name). A symbolic link at path
 * is written through, not replaced; an existing file keeps its permissions.
 */
export async function writeOutput(path: string, data: string | Uint8Array, locale: Locale, inputs: Iterable<string> = []): Promise<void> {
  const fail = (detail: string) => new WriteError(say("writeFailed", locale, { path, detail }));
  let target = path;
  let existing: Stats | null = null;
  try {
    existing = await stat(path);
    target = await realpath(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw fail((e as NodeJS.ErrnoException).code ?? String(e));
  }
  if (existing) {
    if (existing.isDirectory()) throw fail(say("outputIsDir", locale));
    if (!existing.isFile()) {
      // a device or a pipe (-o /dev/stdout): there is nothing to replace, write to it as it is
      try {
        await writeFile(path, data);
        return;
      } catch (e) {
        throw fail((e as NodeJS.ErrnoException).code ?? String(e));
      }
    }
    if (inputIdentities(inputs).some((i) => sameFile(i, existing!))) throw new WriteError(say("outputIsInput", locale, { path }));
  }
  const dir = dirname(target);
  const temp = join(dir, `.${basename(target)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(temp, data, { flag: "wx" });
    if (existing) await chmod(temp, existing.mode & 0o7777);
    await rename(temp, target);
  } catch (e) {
    await unlink(temp).catch(() => {});
    throw fail((e as NodeJS.ErrnoException).code ?? String(e));
  }
}

/** Whether path is one of the inputs (for writers that cannot go through writeOutput). */
export function isAnInput(path: string, inputs: Iterable<string>): boolean {
  let out: Stats;
  try {
    out = statSync(path);
  } catch {
    return false;
  }
  return inputIdentities(inputs).some((i) => sameFile(i, out));
}

/**
 * The exit status a command has reached so far: when the reader of standard output goes away
 * (| head -1), the process ends quietly with it rather than with a trace.
 */
let statusSoFar = 0;
export function noteStatus(code: number): void {
  if (code > statusSoFar) statusSoFar = code;
}
let streamLocale: Locale = "zh-CN";
export function setMessageLocale(locale: Locale): void {
  streamLocale = locale;
}

function onStreamError(stream: "stdout" | "stderr") {
  return (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(statusSoFar);
    // stderr itself may be what failed: try once, then end
    if (stream === "stdout") {
      try {
        process.stderr.write(`✖ ${say("stdoutFailed", streamLocale, { detail: e.code ?? e.message })}\n`);
      } catch {
        // nothing left to tell the user with
      }
    }
    process.exit(EXIT.unusable);
  };
}

let listening = false;
function listen(): void {
  if (listening) return;
  listening = true;
  process.stdout.on("error", onStreamError("stdout"));
  process.stderr.on("error", onStreamError("stderr"));
}

export const processIo: Io = {
  stdout: (s) => {
    listen();
    process.stdout.write(s);
  },
  stderr: (s) => {
    listen();
    process.stderr.write(s);
  },
  stdin: readStdin,
  stderrIsTTY: Boolean(process.stderr.isTTY),
  stdoutBytes: (b) => void process.stdout.write(b),
  stdoutIsTTY: Boolean(process.stdout.isTTY),
  env: process.env,
};

/**
 * Text from a report, for a terminal: control characters (escape sequences that would retitle
 * the window or clear the screen, carriage returns that overwrite a line) are shown as visible
 * code points instead of acting. Tabs and newlines stay.
 */
export function plain(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(
    /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}
