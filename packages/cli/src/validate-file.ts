// One file's validation: read, parse, validate, and put into words. Shared by the in-process
// path and the worker threads (which thus format in parallel, and send back only text and counts).
import { validate, type ValidationResult } from "@zfxxgk/validator";
import { formatOutcome, type FormatOptions } from "./format-outcome.js";
import { readReport, ReadError } from "./read-report.js";

export type Outcome =
  | { file: string; result: ValidationResult }
  | { file: string; error: { code: string; message: string; line?: number; column?: number } };

/** What the command needs of one file: its text, its status, the codes of its issues. */
export interface Checked {
  file: string;
  text: string;
  status: "valid" | "invalid" | "unreadable";
  /** code and severity of each error and warning */
  issues: [string, "error" | "warning"][];
}

export async function validateFile(
  file: string,
  locale: FormatOptions["locale"],
  previous: unknown,
  stdin: () => Promise<Uint8Array>,
): Promise<Outcome> {
  try {
    const value = await readReport(file, locale, stdin);
    return { file, result: validate(value, { locale, ...(previous !== undefined ? { previous } : {}) }) };
  } catch (e) {
    if (!(e instanceof ReadError)) throw e;
    return { file, error: { code: e.code, message: e.message, ...(e.line ? { line: e.line, column: e.column } : {}) } };
  }
}

export async function checkFile(
  file: string,
  options: FormatOptions & { previous: unknown },
  stdin: () => Promise<Uint8Array>,
): Promise<Checked> {
  const o = await validateFile(file, options.locale, options.previous, stdin);
  if ("error" in o) return { file, text: formatOutcome(o, options), status: "unreadable", issues: [] };
  const issues: Checked["issues"] = [];
  for (const i of o.result.issues) if (i.severity !== "info") issues.push([i.code, i.severity]);
  return { file, text: formatOutcome(o, options), status: o.result.valid ? "valid" : "invalid", issues };
}
