// Reading the reports a command was given, and saying plainly on stderr which could not be read.
import { createHash } from "node:crypto";
import { validate, type ValidationResult } from "@zfxxgk/validator";
import { say, type Locale } from "./i18n.js";
import { expandInputs } from "./inputs.js";
import { plain, type Io } from "./io.js";
import { progress } from "./progress.js";
import { readReportFile, ReadError } from "./read-report.js";

const colon = (locale: Locale) => (locale === "zh-CN" ? "：" : ": ");

/** One report, or undefined after telling the user why it could not be read. */
export async function readOne(file: string, locale: Locale, io: Io): Promise<{ value: unknown } | undefined> {
  try {
    return { value: (await readReportFile(file, locale, io.stdin)).value };
  } catch (e) {
    if (!(e instanceof ReadError)) throw e;
    io.stderr(`✖ ${plain(file)} — ${say("unreadable", locale)}${colon(locale)}${e.message}\n`);
    return undefined;
  }
}

/**
 * One report of a known edition, validated; undefined after telling the user why not (unreadable,
 * or not a report of any edition — `notReport` says what the command then cannot do).
 */
export async function readKnown(
  file: string,
  locale: Locale,
  io: Io,
  notReport: (detail: string) => string,
): Promise<{ value: unknown; result: ValidationResult } | undefined> {
  const read = await readOne(file, locale, io);
  if (!read) return undefined;
  const result = validate(read.value, { locale });
  if (result.edition === null) {
    io.stderr(`✖ ${plain(file)} — ${plain(notReport(result.issues.map((i) => i.message).join("; ")))}\n`);
    return undefined;
  }
  return { value: read.value, result };
}

export interface ReadReport {
  report: unknown;
  file: string;
  /** SHA-256 of the file's bytes, hex */
  sha256: string;
}

/** Every report of the inputs (directories expanded), with checksums; unreadable ones are told. */
export async function readAll(
  inputs: string[],
  locale: Locale,
  io: Io,
): Promise<{ reports: ReadReport[]; unreadable: number; files: string[] }> {
  const { files, problems } = await expandInputs(inputs);
  const reports: ReadReport[] = [];
  let unreadable = 0;
  const bar = progress(io, files.length);
  for (const file of files) {
    bar.tick(file);
    try {
      const { value, bytes } = await readReportFile(file, locale, io.stdin);
      reports.push({ report: value, file, sha256: createHash("sha256").update(bytes).digest("hex") });
    } catch (e) {
      if (!(e instanceof ReadError)) throw e;
      bar.done();
      io.stderr(`✖ ${plain(file)} — ${say("unreadable", locale)}${colon(locale)}${e.message}\n`);
      unreadable++;
    }
  }
  bar.done();
  for (const p of problems) {
    if (p.key === "symlinkLoop") {
      io.stderr(`${plain(p.path)}: ${say(p.key, locale)}\n`);
      continue;
    }
    io.stderr(`✖ ${plain(p.path)} — ${say("unreadable", locale)}${colon(locale)}${say(p.key, locale, { detail: p.detail ?? "" })}\n`);
    unreadable++;
  }
  return { reports, unreadable, files };
}
