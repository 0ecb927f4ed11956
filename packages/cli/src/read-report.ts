// Reads a report file (or stdin) into a JSON value, turning every way a file can be unreadable
// into a ReadError with a plain message and, where there is one, the line and column.
import { isUtf8 } from "node:buffer";
import { createRequire } from "node:module";
import type { ParseError } from "jsonc-parser";
// the nesting guard from the shared package, not the validator: reading a file loads no validator
import { MAX_DEPTH } from "@zfxxgk/i18n";
import { say, type Locale } from "./i18n.js";
import { InputTooLarge, MAX_REPORT_BYTES, readFileBounded } from "./io.js";

// the parser that says where a syntax error is, loaded only for a file that has one: a batch's
// workers start without it
const jsonc = () => createRequire(import.meta.url)("jsonc-parser") as typeof import("jsonc-parser");

export type ReadErrorCode =
  | "NOT-FOUND"
  | "NOT-A-FILE"
  | "IO"
  | "EMPTY"
  | "NOT-UTF8"
  | "JSON-SYNTAX"
  | "TOO-DEEP"
  | "TOO-LARGE"
  | "DUPLICATE-KEY";

export class ReadError extends Error {
  constructor(
    readonly code: ReadErrorCode,
    message: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
    this.name = "ReadError";
  }
}

/**
 * Byte offset of the first byte that is not well-formed UTF-8, or -1. `cutShort` says the bad
 * sequence is a character whose last bytes are missing at the end of the file: a truncated
 * file, not a file in another encoding.
 */
export function firstInvalidUtf8(bytes: Uint8Array): { offset: number; cutShort: boolean } {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return { offset: i, cutShort: false };
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined) return { offset: i, cutShort: true };
      if ((c & 0xc0) !== 0x80) return { offset: i, cutShort: false };
    }
    // overlongs and surrogates: E0 needs A0.., ED needs ..9F, F0 needs 90.., F4 needs ..8F
    const c1 = bytes[i + 1]!;
    if ((b === 0xe0 && c1 < 0xa0) || (b === 0xed && c1 > 0x9f) || (b === 0xf0 && c1 < 0x90) || (b === 0xf4 && c1 > 0x8f))
      return { offset: i, cutShort: false };
    i += need + 1;
  }
  return { offset: -1, cutShort: false };
}

/** Offset where [ and { (outside strings) first nest deeper than limit, or -1. */
export function nestingBeyond(text: string, limit: number): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      if (++depth > limit) return i;
    } else if (c === 93 || c === 125) depth--;
  }
  return -1;
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: offset - start + 1 };
}

/**
 * How many keys the objects of a parsed value hold in all, or -1 when it nests deeper than limit
 * (recursion is bounded by the limit itself).
 */
function keyCount(value: unknown, limit: number, depth = 0): number {
  if (value === null || typeof value !== "object") return 0;
  if (depth >= limit) return -1;
  let n = 0;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const k = keyCount(value[i], limit, depth + 1);
      if (k < 0) return -1;
      n += k;
    }
  } else {
    for (const key in value) {
      const k = keyCount((value as Record<string, unknown>)[key], limit, depth + 1);
      if (k < 0) return -1;
      n += k + 1;
    }
  }
  return n;
}

/**
 * How many keys a well-formed JSON text writes. Outside strings such a text has no quote but
 * one that opens a string, so the strings are found by jumping from quote to quote; a string
 * followed by a colon is a key.
 */
export function keysWritten(text: string): number {
  let n = 0;
  for (let i = text.indexOf('"'); i >= 0; i = text.indexOf('"', i + 1)) {
    // the closing quote: one not escaped, i.e. after an even run of backslashes
    let end = text.indexOf('"', i + 1);
    for (;;) {
      if (end < 0) return n; // not a well-formed text after all
      let slashes = 0;
      while (text.charCodeAt(end - 1 - slashes) === 92) slashes++;
      if (slashes % 2 === 0) break;
      end = text.indexOf('"', end + 1);
    }
    i = end;
    let c = text.charCodeAt(++i);
    while (c === 32 || c === 10 || c === 13 || c === 9) c = text.charCodeAt(++i);
    if (c === 58) n++;
    i--;
  }
  return n;
}

export function parseReportBytes(bytes: Uint8Array, locale: Locale): unknown {
  // the native check is fast; the scan that says where and why runs only on a bad file
  const bad = isUtf8(bytes) ? { offset: -1, cutShort: false } : firstInvalidUtf8(bytes);
  if (bad.offset >= 0) {
    const before = new TextDecoder().decode(bytes.subarray(0, bad.offset));
    const { line, column } = lineColumn(before, before.length);
    if (bad.cutShort) {
      throw new ReadError("JSON-SYNTAX", say("truncated", locale, { line, column, what: say("json.cutCharacter", locale) }), line, column);
    }
    throw new ReadError("NOT-UTF8", say("notUtf8", locale, { offset: bad.offset, line, column }), line, column);
  }
  // a leading BOM, as Windows editors write one, is not part of the JSON
  const raw = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8");
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  if (!/\S/.test(text)) throw new ReadError("EMPTY", say("empty", locale));
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    // too deep to be a report, and too deep for the recursive parser used below
    const deep = nestingBeyond(text, MAX_DEPTH);
    if (deep >= 0) {
      const { line, column } = lineColumn(text, deep);
      throw new ReadError("TOO-DEEP", say("tooDeep", locale, { limit: MAX_DEPTH }), line, column);
    }
    // JSON.parse's messages do not always carry a position: ask a parser that reports offsets
    const errors: ParseError[] = [];
    const { parse: tolerantParse, printParseErrorCode } = jsonc();
    tolerantParse(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
    const first = errors[0];
    // the file was cut short when the parse fails at its very end, or inside a string that
    // runs to the end (V8 says "Unterminated string"; the other parser points at its start)
    const end = text.trimEnd().length;
    const v8 = (e as Error).message;
    const v8At = Number(/at position (\d+)/.exec(v8)?.[1] ?? -1);
    const truncated = /Unexpected end of JSON input|Unterminated string/.test(v8) || v8At >= end || (first?.offset ?? end) >= end;
    const offset = truncated ? text.length : (first?.offset ?? text.length);
    const { line, column } = lineColumn(text, offset);
    const what = first ? printParseErrorCode(first.error) : "InvalidSymbol";
    throw new ReadError(
      "JSON-SYNTAX",
      say(truncated ? "truncated" : "jsonSyntax", locale, { line, column, what: say(`json.${what}`, locale) }),
      line,
      column,
    );
  }
  const keys = keyCount(value, MAX_DEPTH);
  if (keys < 0) throw new ReadError("TOO-DEEP", say("tooDeep", locale, { limit: MAX_DEPTH }));
  // JSON.parse keeps the last of two equal keys: the first value would be lost without a word.
  // Each key written makes a key parsed unless it repeats one, so equal counts say there is
  // none; the slower walk that finds it runs only when there is one.
  const dup = keysWritten(text) === keys ? null : firstDuplicateKey(text);
  if (dup) {
    const { line, column } = lineColumn(text, dup.offset);
    throw new ReadError("DUPLICATE-KEY", say("duplicateKey", locale, { key: dup.key, line, column }), line, column);
  }
  return value;
}

/**
 * The first key that occurs twice in one object of a well-formed JSON text, and its offset; one
 * pass, no recursion (the text has been parsed already, so it is known to be well formed).
 */
export function firstDuplicateKey(text: string): { key: string; offset: number } | null {
  // per open container: the keys seen (objects) or null (arrays)
  const stack: (Set<string> | null)[] = [];
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      const start = i;
      let escaped = false;
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 92) {
          escaped = true;
          i++;
        } else if (d === 34) break;
      }
      if (expectKey) {
        const raw = text.slice(start, i + 1);
        const key = escaped ? (JSON.parse(raw) as string) : raw.slice(1, -1);
        const keys = stack[stack.length - 1]!;
        if (keys.has(key)) return { key, offset: start };
        keys.add(key);
        expectKey = false;
      }
    } else if (c === 123) {
      stack.push(new Set());
      expectKey = true;
    } else if (c === 91) {
      stack.push(null);
      expectKey = false;
    } else if (c === 125 || c === 93) {
      stack.pop();
      expectKey = false;
    } else if (c === 44) expectKey = stack[stack.length - 1] != null;
  }
  return null;
}

export async function readReport(path: string, locale: Locale, stdin: (maxBytes?: number) => Promise<Uint8Array>): Promise<unknown> {
  return path === "-" ? (await readReportFile(path, locale, stdin)).value : readReportAt(path, locale);
}

/**
 * The report in a file (not stdin), read synchronously into this thread's scratch buffer: the
 * bytes are decoded at once and not kept, so a batch allocates nothing per file for them.
 */
export function readReportAt(path: string, locale: Locale): unknown {
  return parseReportBytes(readBytes(path, locale, true), locale);
}

function tooLarge(locale: Locale): ReadError {
  return new ReadError("TOO-LARGE", say("tooLarge", locale, { limit: MAX_REPORT_BYTES / 1024 / 1024 }));
}

function readBytes(path: string, locale: Locale, reuse: boolean): Uint8Array {
  try {
    return readFileBounded(path, MAX_REPORT_BYTES, reuse);
  } catch (e) {
    if (e instanceof InputTooLarge) throw tooLarge(locale);
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new ReadError("NOT-FOUND", say("notFound", locale));
    if (code === "EISDIR") throw new ReadError("NOT-A-FILE", say("notAFile", locale));
    throw new ReadError("IO", say("io", locale, { detail: code ?? String(e) }));
  }
}

/** The report and the bytes it was read from (for checksums). */
export async function readReportFile(
  path: string,
  locale: Locale,
  stdin: (maxBytes?: number) => Promise<Uint8Array>,
): Promise<{ value: unknown; bytes: Uint8Array }> {
  let bytes: Uint8Array;
  if (path === "-") {
    try {
      bytes = await stdin(MAX_REPORT_BYTES);
    } catch (e) {
      if (e instanceof InputTooLarge) throw tooLarge(locale);
      throw new ReadError("IO", say("io", locale, { detail: (e as NodeJS.ErrnoException).code ?? String(e) }));
    }
  } else bytes = readBytes(path, locale, false);
  return { value: parseReportBytes(bytes, locale), bytes };
}
