// zfxxgk validate: reads each input, calls @zfxxgk/validator's validate, prints the result.
import { validate, type ValidationResult, type Issue } from "@zfxxgk/validator";
import { say, type Locale } from "../i18n.js";
import { expandInputs } from "../inputs.js";
import { EXIT, type Io } from "../io.js";
import { progress } from "../progress.js";
import { readReport, ReadError } from "../read-report.js";

export interface ValidateArgs {
  inputs: string[];
  json: boolean;
  verbose: boolean;
  locale: Locale;
  previous?: string;
}

type Outcome = { file: string; result: ValidationResult } | { file: string; error: ReadError };

export async function validateCommand(args: ValidateArgs, io: Io): Promise<number> {
  const { locale } = args;
  const { files, emptyDirs } = await expandInputs(args.inputs);
  for (const d of emptyDirs) io.stderr(`${d}: ${say("noJsonInDir", locale)}\n`);
  let previous: unknown;
  if (args.previous !== undefined) {
    try {
      previous = await readReport(args.previous, locale, io.stdin);
    } catch (e) {
      if (!(e instanceof ReadError)) throw e;
      io.stderr(`${args.previous}: ${say("unreadable", locale)}: ${e.message}\n`);
      return EXIT.unusable;
    }
  }
  const bar = progress(io, files.length);
  const tally = { files: 0, valid: 0, invalid: 0, unreadable: 0 };
  for (const file of files) {
    bar.tick(file);
    let outcome: Outcome;
    try {
      const value = await readReport(file, locale, io.stdin);
      outcome = { file, result: validate(value, { locale, previous }) };
    } catch (e) {
      if (!(e instanceof ReadError)) throw e;
      outcome = { file, error: e };
    }
    tally.files++;
    if ("error" in outcome) tally.unreadable++;
    else if (outcome.result.valid) tally.valid++;
    else tally.invalid++;
    const text = args.json ? jsonLine(outcome) : human(outcome, args.verbose, locale);
    bar.done();
    io.stdout(text);
  }
  bar.done();
  if (args.json) io.stdout(`${JSON.stringify({ type: "summary", ...tally })}\n`);
  else if (files.length > 1) io.stdout(`${say("summary", locale, tally)}\n`);
  if (tally.unreadable > 0 || emptyDirs.length > 0 || files.length === 0) return EXIT.unusable;
  return tally.invalid > 0 ? EXIT.invalid : EXIT.ok;
}

function jsonLine(o: Outcome): string {
  if ("error" in o) {
    const { code, message, line, column } = o.error;
    return `${JSON.stringify({ type: "result", file: o.file, readable: false, valid: false, error: { code, message, line, column } })}\n`;
  }
  return `${JSON.stringify({ type: "result", file: o.file, readable: true, ...o.result })}\n`;
}

function human(o: Outcome, verbose: boolean, locale: Locale): string {
  const [open, close, colon] = locale === "zh-CN" ? ["（", "）", "："] : [" (", ")", ": "];
  if ("error" in o) return `✖ ${o.file} — ${say("unreadable", locale)}${colon}${o.error.message}\n`;
  const r = o.result;
  const head =
    `${r.valid ? "✔" : "✖"} ${o.file} — ${say(r.valid ? "valid" : "invalid", locale)}` +
    `${open}${r.edition ? say("edition", locale, { edition: r.edition }) : say("noEdition", locale)}${close}` +
    `${colon}${say("counts", locale, r.counts)}\n`;
  const shown = r.issues.filter((i) => verbose || i.severity !== "info");
  const lines = shown.map((i) => issueText(i, verbose, locale));
  const hidden = r.issues.length - shown.length;
  if (hidden > 0) lines.push(`  ${say("infoHidden", locale, { n: hidden })}\n`);
  return head + lines.join("");
}

const SEVERITY: Record<Issue["severity"], Record<Locale, string>> = {
  error: { "zh-CN": "错误", en: "error" },
  warning: { "zh-CN": "警告", en: "warning" },
  info: { "zh-CN": "提示", en: "note" },
};

function issueText(i: Issue, verbose: boolean, locale: Locale): string {
  const colon = locale === "zh-CN" ? "：" : ": ";
  let s = `  ${SEVERITY[i.severity][locale]} ${i.code}  ${i.pointer || "/"}\n    ${i.labelPath ? `${i.labelPath}${colon}` : ""}${i.message}\n`;
  if (verbose && i.cells) {
    s += `    ${say("cellsRead", locale)}\n`;
    for (const c of i.cells) s += `      ${c.labelPath} = ${c.value ?? say("blank", locale)}\n`;
  }
  return s;
}
