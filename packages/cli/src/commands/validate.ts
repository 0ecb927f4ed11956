// zfxxgk validate: reads each input, calls @zfxxgk/validator's validate, prints the result.
// A directory is a batch: files are streamed to worker threads and results printed in order.
import { validateBatch } from "../batch.js";
import { say, type Locale } from "../i18n.js";
import { streamInputs } from "../inputs.js";
import { EXIT, noteStatus, plain, type Io } from "../io.js";
import { progress } from "../progress.js";
import { readReport, ReadError } from "../read-report.js";
import type { Checked, CheckOptions } from "../validate-file.js";

export interface ValidateArgs {
  inputs: string[];
  json: boolean;
  verbose: boolean;
  locale: Locale;
  previous?: string;
  /** worker threads for a batch (0: none; default: from the batch's size and the cores) */
  workers?: number;
}

async function* inProcess(files: AsyncIterable<string>, options: CheckOptions, io: Io): AsyncGenerator<Checked> {
  const { checkFile } = await import("../validate-file.js");
  for await (const file of files) yield await checkFile(file, options, io.stdin);
}

export async function validateCommand(args: ValidateArgs, io: Io): Promise<number> {
  const { locale } = args;
  let previous: unknown;
  if (args.previous !== undefined) {
    try {
      previous = await readReport(args.previous, locale, io.stdin);
    } catch (e) {
      if (!(e instanceof ReadError)) throw e;
      io.stderr(`${plain(args.previous)}: ${say("unreadable", locale)}${locale === "zh-CN" ? "：" : ": "}${e.message}\n`);
      return EXIT.unusable;
    }
  }
  const inputs = await streamInputs(args.inputs);
  const options = { json: args.json, verbose: args.verbose, locale, previous };
  const outcomes =
    inputs.hasDirectory && !args.inputs.includes("-")
      ? validateBatch(inputs.runs, { ...options, ...(args.workers !== undefined ? { workers: args.workers } : {}) })
      : inProcess(inputs.files, options, io);
  const bar = progress(io, inputs.hasDirectory ? undefined : args.inputs.length);
  const tally = { files: 0, valid: 0, invalid: 0, unreadable: 0 };
  const byRule = new Map<string, { error: number; warning: number }>();
  // without a terminal to draw progress on, results are written in blocks rather than a write per file
  const block = io.stderrIsTTY ? 0 : 64 * 1024;
  let pending = "";
  for await (const run of outcomes) {
    bar.tick(run.last, run.files);
    tally.files += run.files;
    tally.valid += run.valid;
    tally.invalid += run.invalid;
    tally.unreadable += run.unreadable;
    noteStatus(run.unreadable > 0 ? EXIT.unusable : run.invalid > 0 ? EXIT.invalid : EXIT.ok);
    for (const [code, error, warning] of run.rules) {
      const c = byRule.get(code);
      if (c) {
        c.error += error;
        c.warning += warning;
      } else byRule.set(code, { error, warning });
    }
    bar.done();
    pending += run.text;
    if (pending.length > block) {
      io.stdout(pending);
      pending = "";
    }
  }
  if (pending) io.stdout(pending);
  bar.done();
  for (const d of inputs.emptyDirs) io.stderr(`${plain(d)}: ${say("noJsonInDir", locale)}\n`);
  // entries a walk could not enter: each told, each counted, the batch went on
  for (const p of inputs.problems) {
    if (p.key === "symlinkLoop") {
      // every file under it was reached the other way: a note, not a failure
      io.stderr(`${plain(p.path)}: ${say(p.key, locale)}\n`);
      continue;
    }
    tally.files++;
    tally.unreadable++;
    const message = say(p.key, locale, { detail: p.detail ?? "" });
    io.stdout(
      args.json
        ? `${JSON.stringify({ type: "result", file: p.path, readable: false, valid: false, error: { code: "IO", message } })}\n`
        : `✖ ${plain(p.path)} — ${say("unreadable", locale)}${locale === "zh-CN" ? "：" : ": "}${message}\n`,
    );
  }
  if (args.json) io.stdout(`${JSON.stringify({ type: "summary", ...tally, byRule: Object.fromEntries(byRule) })}\n`);
  else if (tally.files > 1) io.stdout(summaryTable(tally, byRule, locale));
  if (tally.unreadable > 0 || inputs.emptyDirs.length > 0 || tally.files === 0) return EXIT.unusable;
  return tally.invalid > 0 ? EXIT.invalid : EXIT.ok;
}

function summaryTable(tally: Record<string, number>, byRule: Map<string, { error: number; warning: number }>, locale: Locale): string {
  let s = "\n";
  if (byRule.size) {
    const [rule, errors, warnings] = locale === "zh-CN" ? ["规则", "错误", "警告"] : ["rule", "errors", "warnings"];
    const rows = [...byRule].sort((a, b) => b[1].error - a[1].error || b[1].warning - a[1].warning || (a[0] < b[0] ? -1 : 1));
    const w = Math.max(rule.length, ...rows.map(([c]) => c.length));
    s += `  ${rule.padEnd(w)}  ${errors.padStart(8)}  ${warnings.padStart(8)}\n`;
    for (const [code, c] of rows) s += `  ${code.padEnd(w)}  ${String(c.error).padStart(8)}  ${String(c.warning).padStart(8)}\n`;
  }
  return `${s}${say("summary", locale, tally)}\n`;
}
