// zfxxgk import: reads published reports (PDF, Word, text, HTML), calls @zfxxgk/import's importReport,
// writes the report JSON (of the edition the source follows, 2021 or 2019) and says what could not
// be read plainly.
import { stat } from "node:fs/promises";
import { extname } from "node:path";
import { format } from "@zfxxgk/i18n";
import { importReport, MAX_PDF_BYTES, type Diagnostic } from "@zfxxgk/import";
import { validate } from "@zfxxgk/validator";
import type { Locale } from "../i18n.js";
import { say } from "../i18n.js";
import { importInWorkers } from "../import-pool.js";
import { filesUnder, outputNames } from "../inputs.js";
import { EXIT, InputTooLarge, plain, readFileBounded, writeOutput, WriteError, type Io } from "../io.js";
import { progress } from "../progress.js";
import { BatchTally, cellsLine, exitOfDone, statusLine, statusOfDone, type Done } from "./import-summary.js";

export interface ImportArgs {
  /** a file, a directory, or - for standard input */
  input: string;
  /** a file for one input; a directory (required) for a directory of inputs */
  output?: string;
  format: "auto" | "pdf" | "text" | "html" | "docx" | "doc";
  jsonDiagnostics: boolean;
  locale: Locale;
  /** seconds one file of a directory may take (default DEFAULT_TIMEOUT) */
  timeout?: number;
  /** worker threads for a directory (default one per core) */
  workers?: number;
}

/** Seconds a file of a directory may take by default: far beyond any real report (PDFs take well under one). */
export const DEFAULT_TIMEOUT = 60;

/** What a directory is searched for: published reports, not JSON (reports already imported, sidecars). */
export const IMPORTABLE = [".pdf", ".txt", ".md", ".markdown", ".html", ".htm", ".docx", ".doc", ".wps"];

const words = {
  badFormat: { "zh-CN": "--format 只能是 auto、pdf、docx、doc、text 或 html", en: "--format must be auto, pdf, docx, doc, text or html" },
  notFound: { "zh-CN": "文件或目录不存在", en: "no such file or directory" },
  io: { "zh-CN": "无法读取（{detail}）", en: "cannot be read ({detail})" },
  dirNeedsOutput: { "zh-CN": "导入目录时须用 -o 指定输出目录", en: "importing a directory needs -o <output directory>" },
  noneInDir: {
    "zh-CN": "目录中没有可导入的文件（.pdf、.docx、.doc、.wps、.txt、.md、.html、.htm）",
    en: "no file to import in the directory (.pdf, .docx, .doc, .wps, .txt, .md, .html, .htm)",
  },
  edition: { "zh-CN": "{edition} 版格式", en: "{edition} edition" },
  wrote: { "zh-CN": "已写入 {path}", en: "wrote {path}" },
  more: { "zh-CN": "另有 {n} 条说明（加 --json 查看全部）", en: "{n} more notes (--json shows them all)" },
  timeout: {
    "zh-CN": "导入 {file} 超过 {seconds} 秒仍未完成，已停止（时限可用 --timeout 调整）",
    en: "importing {file} took longer than {seconds} s and was stopped (--timeout sets the limit)",
  },
} satisfies Record<string, Record<Locale, string>>;

const SHOWN = 12;

export async function importCommand(args: ImportArgs, io: Io): Promise<number> {
  const { locale } = args;
  if (!["auto", "pdf", "text", "html", "docx", "doc"].includes(args.format)) {
    io.stderr(`${words.badFormat[locale]}\n`);
    return EXIT.unusable;
  }
  if (args.input !== "-") {
    const info = await stat(args.input).catch(() => null);
    if (!info) {
      io.stderr(`✖ ${args.input}: ${words.notFound[locale]}\n`);
      return EXIT.unusable;
    }
    if (info.isDirectory()) return importDirectory(args, io);
  }

  let bytes: Uint8Array;
  try {
    // bounded: the largest input the importer takes, checked before and while reading
    bytes = args.input === "-" ? await io.stdin(MAX_PDF_BYTES) : readFileBounded(args.input, MAX_PDF_BYTES);
  } catch (e) {
    io.stderr(`✖ ${plain(args.input)}: ${readFailure(e, locale)}\n`);
    return EXIT.unusable;
  }
  const done = await importOne(args.input, bytes, args);
  const json = done.result.report;
  if (json !== null) {
    const text = `${JSON.stringify(json, null, 2)}\n`;
    if (args.output) {
      if (!(await write(args.output, text, io, locale, [args.input]))) return EXIT.unusable;
      done.output = args.output;
    } else if (!args.jsonDiagnostics) io.stdout(text);
  }
  if (args.jsonDiagnostics) io.stdout(jsonLine(done, !args.output));
  else io.stderr(human(done, locale));
  return exitOfDone(done);
}

async function importOne(file: string, bytes: Uint8Array, args: ImportArgs): Promise<Done> {
  const result = await importReport(bytes, { format: args.format, locale: args.locale });
  if (!result.report) return { file, result, valid: null, errors: 0 };
  const v = validate(result.report, { locale: args.locale });
  return { file, result, valid: v.valid, errors: v.counts.error };
}

async function importDirectory(args: ImportArgs, io: Io): Promise<number> {
  const { locale } = args;
  if (!args.output) {
    io.stderr(`${words.dirNeedsOutput[locale]}\n`);
    return EXIT.unusable;
  }
  const { files, problems } = await filesUnder(args.input, (name) => IMPORTABLE.includes(extname(name).toLowerCase()));
  files.sort();
  for (const p of problems) io.stderr(`✖ ${plain(p.path)}: ${say(p.key, locale, { detail: p.detail ?? "" })}\n`);
  const names = outputNames(files, args.input, args.output);
  if (files.length === 0) {
    io.stderr(`${args.input}: ${words.noneInDir[locale]}\n`);
    return EXIT.unusable;
  }
  const bar = progress(io, files.length);
  // each result is written and told as it comes, then only its numbers are kept (BatchTally)
  const tally = new BatchTally(locale);
  const empty = await importReport(new Uint8Array(), { locale });
  const pool = { timeout: args.timeout ?? DEFAULT_TIMEOUT, ...(args.workers ? { workers: args.workers } : {}) };
  // on every core, results in order (import-pool.ts)
  for await (const got of importInWorkers(files, { format: args.format, locale }, pool)) {
    const file = got.file;
    bar.tick(file);
    let done: Done;
    try {
      if ("error" in got) {
        if (got.timeout !== undefined) throw new TimedOut(format(words.timeout[locale], { file: plain(file), seconds: got.timeout }));
        throw got.limit ? new InputTooLarge(got.limit) : Object.assign(new Error(got.error), { code: got.error });
      }
      done = { file, result: got.result, valid: got.result.report ? got.valid : null, errors: got.errors };
    } catch (e) {
      bar.done();
      const detail = e instanceof TimedOut ? e.message : readFailure(e, locale);
      io.stderr(`✖ ${plain(file)}: ${detail}\n`);
      tally.add(unreadableDone(file, detail, empty));
      continue;
    }
    const json = done.result.report;
    if (json !== null) {
      const out = names.get(file)!;
      if (await write(out, `${JSON.stringify(json, null, 2)}\n`, io, locale, [file])) done.output = out;
      else done.unwritten = true;
    }
    bar.done();
    if (args.jsonDiagnostics) io.stdout(jsonLine(done, false));
    else io.stderr(human(done, locale));
    tally.add(done);
  }
  bar.done();
  // an entry of the directory that could not be read at all was told above; it is a failed file
  // of the batch too, in the summary and the exit code
  for (const p of problems) {
    if (p.key !== "symlinkLoop") tally.add(unreadableDone(p.path, say(p.key, locale, { detail: p.detail ?? "" }), empty));
  }
  if (args.jsonDiagnostics) io.stdout(`${JSON.stringify(tally.summary())}\n`);
  else io.stderr(tally.table());
  return tally.exit();
}

/** A file stopped at the time limit: its message names it and the limit. */
class TimedOut extends Error {}

/**
 * A file (or folder entry) that could not be read: failed, with the reason as its one diagnostic;
 * `empty` is the importer's own result for no input, with the completeness a failed import has.
 */
function unreadableDone(file: string, detail: string, empty: Done["result"]): Done {
  const diagnostics: Diagnostic[] = [{ pointer: "", reason: "unreadable", severity: "error", message: detail, source: {} }];
  return { file, result: { ...empty, diagnostics }, valid: null, errors: 0 };
}

function readFailure(e: unknown, locale: Locale): string {
  if (e instanceof InputTooLarge) return say("tooLarge", locale, { limit: e.limit / 1024 / 1024 });
  return format(words.io[locale], { detail: (e as NodeJS.ErrnoException).code ?? String(e) });
}

async function write(path: string, text: string, io: Io, locale: Locale, inputs: string[]): Promise<boolean> {
  try {
    await writeOutput(path, text, locale, inputs);
    return true;
  } catch (e) {
    if (!(e instanceof WriteError)) throw e;
    io.stderr(`✖ ${e.message}\n`);
    return false;
  }
}

function jsonLine(d: Done, withReport: boolean): string {
  const { report, diagnostics, edition, format, stats, completeness } = d.result;
  return `${JSON.stringify({
    type: "result",
    file: d.file,
    ...(d.output ? { output: d.output } : {}),
    status: statusOfDone(d),
    completeness,
    format,
    edition,
    imported: report !== null,
    valid: d.valid === true,
    exitCode: exitOfDone(d),
    stats,
    diagnostics,
    ...(withReport ? { report } : {}),
  })}\n`;
}

function diagnosticLine(x: Diagnostic): string {
  const s = x.source;
  const where = [
    s.page !== undefined ? `p.${s.page}` : "",
    s.line !== undefined ? `L${s.line}${s.column !== undefined ? `:${s.column}` : ""}` : "",
    s.htmlTable !== undefined ? `table ${s.htmlTable}` : "",
    s.htmlRow !== undefined ? `row ${s.htmlRow}` : "",
    s.htmlColumn !== undefined ? `col ${s.htmlColumn}` : "",
  ]
    .filter(Boolean)
    .join(" ");
  return `  ${x.reason} ${x.pointer || "/"}${where ? ` (${where})` : ""}\n    ${x.message}\n`;
}

function human(d: Done, locale: Locale): string {
  const r = d.result;
  let out = statusLine(d, locale);
  if (r.report) {
    const edition = r.edition ? `${format(words.edition[locale], { edition: r.edition })}，` : "";
    out += `  ${locale === "zh-CN" ? edition : edition.replace("，", ", ")}${cellsLine(r.completeness, locale)}\n`;
  }
  // what needs a look: errors and warnings first; the many blank/inferred notes are counted above
  const shown = r.diagnostics.filter((x) => x.severity !== "info");
  out += shown.slice(0, SHOWN).map(diagnosticLine).join("");
  const hidden = r.diagnostics.length - Math.min(shown.length, SHOWN);
  if (hidden > 0) out += `  ${format(words.more[locale], { n: hidden })}\n`;
  if (d.output) out += `  ${format(words.wrote[locale], { path: d.output })}\n`;
  return out;
}

export const importHelp: Record<Locale, string> = {
  "zh-CN": `用法：zfxxgk import <文件|目录|-> [-o 输出] [选项]

读取已发布的年度报告（PDF、Word 文档 .docx/.doc、从 PDF 提取的文本、网页抓取的文本或 HTML 网页），
按其所用格式生成报告 JSON：2021 版，或 2019 版（试行格式，2019、2020 年度报告）。\
读不准的单元格不猜：表格中空白或写作 /、—、无 的格记为 null；
数字连写时按勾稽关系拆分，有多种拆分都成立时记为 null 并列出各种可能。
每个未按原样读出的单元格都有说明（原因与原文位置）。

每个文件先给出导入状态：完整（每格按原文读取、原文空白或按规则拆分）、部分（有格无法确定或
未找到，给出未读出的格数）、失败（未找到某张表、过半的格未读出、扫描件无文字层或不是年报）；
再给出校验结果。导入目录时最后给出汇总表：各状态的文件数、各种结果的单元格数，以及需要人工
查看的文件（最差的在前）。

输入：
  文件    格式按内容判断（也可用 --format 指定）
  -       从标准输入读取
  目录    递归导入其中所有 .pdf、.docx、.doc、.wps、.txt、.md、.markdown、.html、.htm 文件（不读 .json），须给出 -o 输出目录；
          a/b.pdf 写为 <输出目录>/a/b.json（同名的 b.pdf 与 b.txt 分别写为 b.pdf.json、b.txt.json，
          互不覆盖）；符号链接照常读取，无法读取的子目录逐个说明后继续；终端上显示进度

选项：
  -o, --output <路径>          单个文件：写入的 JSON 文件（不给出时输出到标准输出）；目录：输出目录
  --format auto|pdf|docx|doc|text|html  输入格式（默认 auto，按内容判断）
  --timeout <秒>               目录导入时每个文件的时限（默认 60）：超时的文件停止导入、记为失败并说明，
                               其余文件照常导入
  --json                       在标准输出上每个文件输出一行 JSON（状态、completeness、格式、版本、
                               全部说明；未给出 -o 时含报告本身），目录导入最后一行为汇总
                               （与终端上的汇总表相同）；--json-diagnostics 同义
  --locale zh-CN|en            信息语言（默认 zh-CN）
  --help                       显示本说明

2019 版报告的“采购总金额”按万元记录（原文以元印出的，换算后原文记入 sourceTokens）。

退出码：0 完整导入且通过校验；1 部分导入，或未通过校验；2 导入失败（缺表、扫描件、
不是年报）、文件无法读取或用法错误（目录：取最差的文件）。

示例：
  zfxxgk import 2024年报.pdf -o report.json
  zfxxgk import 2024年报.docx -o report.json
  zfxxgk import page.html --json > result.jsonl
  zfxxgk import 年报/ -o out/
`,
  en: `Usage: zfxxgk import <file|dir|-> [-o out] [options]

Reads a published annual report — PDF, Word (.docx, .doc), text extracted from a PDF, crawled page
text, or an HTML page — and writes it as report JSON of the edition it follows: 2021, or the 2019 trial format
(reports on 2019 and 2020). Nothing is guessed: a cell left blank or
written as /, — or 无 is null; figures that run together are split by the consistency rules, and
where more than one split holds the cells are null and every split is listed. Every cell not read
as printed gets a diagnostic with the reason and where in the source it is.

Each file's import status comes first: complete (every cell read as printed, blank as printed or
split by the rules), partial (some cells ambiguous or not found: their count is given) or failed (a
table not found, more than half the cells not read, a scan with no text layer, not a report); then
whether it validates. A directory ends with a summary table: files by status, cells by outcome, and
the files that need a person, worst first.

Input:
  file    its format told from its content (or given with --format)
  -       standard input
  dir     every .pdf, .docx, .doc, .wps, .txt, .md, .markdown, .html and .htm file in it, recursively (.json files are
          not read); needs -o <output directory>; a/b.pdf is written as <output directory>/a/b.json
          (b.pdf and b.txt side by side become b.pdf.json and b.txt.json: none overwrites another);
          symbolic links are followed, an unreadable folder is told and the rest imported;
          shows progress on a terminal

Options:
  -o, --output <path>          one file: the JSON file to write (standard output without it);
                               a directory: the output directory
  --format auto|pdf|docx|doc|text|html  the input's format (default auto: from its content)
  --timeout <seconds>          a directory's time limit per file (default 60): a file that takes longer
                               is stopped, failed and told, and the other files imported as usual
  --json                       one JSON line per file on standard output (status, completeness,
                               format, edition, every diagnostic; the report itself when there is
                               no -o), then for a directory a summary line (the summary table's
                               content); --json-diagnostics is the same
  --locale zh-CN|en            language of the messages (default zh-CN)
  --help                       show this text

A 2019-edition report's 采购总金额 is kept in 万元 (a figure printed in 元 is converted, and the
printed text kept in sourceTokens).

Exit codes: 0 imported complete and valid; 1 partial, or not valid; 2 failed (a table missing, a
scan, not a report), unreadable input, or bad usage (a directory: the worst file's).

Examples:
  zfxxgk import report-2024.pdf -o report.json
  zfxxgk import report-2024.docx -o report.json
  zfxxgk import page.html --json > result.jsonl
  zfxxgk import reports/ -o out/
`,
};
