// One file's validation: read, parse, validate, and put into words. Shared by the in-process
// path and the worker threads (which thus format in parallel, and send back only text and counts).
import { validate, type ValidationResult } from "@zfxxgk/validator";
import { formatOutcome, type FormatOptions } from "./format-outcome.js";
import { readReport, readReportAt, ReadError } from "./read-report.js";

export type Outcome =
  | { file: string; result: ValidationResult }
  | { file: string; error: { code: string; message: string; line?: number; column?: number } };

export type CheckOptions = FormatOptions & { previous: unknown };

/**
 * What the command needs of a run of files, in their order: their text, how many had each
 * status, and how many errors and warnings each rule raised (in the order the rules first
 * occurred), so that a chunk of a batch travels as one string and a few numbers.
 */
export interface Checked {
  /** the last file (for a progress line) */
  last: string;
  files: number;
  text: string;
  valid: number;
  invalid: number;
  unreadable: number;
  /** [code, errors, warnings] */
  rules: [string, number, number][];
}

function outcome(file: string, read: () => unknown, locale: FormatOptions["locale"], previous: unknown): Outcome {
  let value: unknown;
  try {
    value = read();
  } catch (e) {
    if (!(e instanceof ReadError)) throw e;
    return { file, error: { code: e.code, message: e.message, ...(e.line ? { line: e.line, column: e.column } : {}) } };
  }
  return { file, result: validate(value, { locale, ...(previous !== undefined ? { previous } : {}) }) };
}

export async function validateFile(
  file: string,
  locale: FormatOptions["locale"],
  previous: unknown,
  stdin: () => Promise<Uint8Array>,
): Promise<Outcome> {
  // stdin is the one input that must be awaited; a file is read synchronously
  const value = file === "-" ? await readReport(file, locale, stdin).catch((e: unknown) => e) : undefined;
  return outcome(
    file,
    () => {
      if (file !== "-") return readReportAt(file, locale);
      if (value instanceof Error) throw value;
      return value;
    },
    locale,
    previous,
  );
}

/** Adds one outcome to a run's tally. */
function note(into: Checked, o: Outcome, options: CheckOptions, index: Map<string, number>): void {
  into.files++;
  into.last = o.file;
  into.text += formatOutcome(o, options);
  if ("error" in o) {
    into.unreadable++;
    return;
  }
  if (o.result.valid) into.valid++;
  else into.invalid++;
  for (const i of o.result.issues) {
    if (i.severity === "info") continue;
    let k = index.get(i.code);
    if (k === undefined) {
      index.set(i.code, (k = into.rules.length));
      into.rules.push([i.code, 0, 0]);
    }
    into.rules[k]![i.severity === "error" ? 1 : 2]++;
  }
}

const empty = (): Checked => ({ last: "", files: 0, text: "", valid: 0, invalid: 0, unreadable: 0, rules: [] });

/** A run of files (never stdin), synchronously: no promise per file. */
export function checkFiles(files: readonly string[], options: CheckOptions): Checked {
  const into = empty();
  const index = new Map<string, number>();
  for (const file of files)
    note(
      into,
      outcome(file, () => readReportAt(file, options.locale), options.locale, options.previous),
      options,
      index,
    );
  return into;
}

/** One input, which may be stdin ("-"). */
export async function checkFile(file: string, options: CheckOptions, stdin: () => Promise<Uint8Array>): Promise<Checked> {
  const into = empty();
  note(into, await validateFile(file, options.locale, options.previous, stdin), options, new Map());
  return into;
}
