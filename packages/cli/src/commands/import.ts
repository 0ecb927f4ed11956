// zfxxgk import: reads published reports (PDF, text, HTML), calls @zfxxgk/import's importReport,
// writes the report JSON (of the edition the source follows, 2021 or 2019) and says what could not
// be read plainly.
import { readdir, readFile, mkdir, stat, writeFile } from "node:fs/promises";
import { dirname, extname, join, relative } from "node:path";
import { importReport, type Diagnostic, type ImportResult } from "@zfxxgk/import";
import { validate } from "@zfxxgk/validator";
import type { Locale } from "../i18n.js";
import { importInWorkers } from "../import-pool.js";
import { EXIT, type Io } from "../io.js";
import { progress } from "../progress.js";

export interface ImportArgs {
  /** a file, a directory, or - for standard input */
  input: string;
  /** a file for one input; a directory (required) for a directory of inputs */
  output?: string;
  format: "auto" | "pdf" | "text" | "html";
  jsonDiagnostics: boolean;
  locale: Locale;
}

/** What a directory is searched for: published reports, not JSON (reports already imported, sidecars). */
export const IMPORTABLE = [".pdf", ".txt", ".html", ".htm"];

const words = {
  badFormat: { "zh-CN": "--format 只能是 auto、pdf、text 或 html", en: "--format must be auto, pdf, text or html" },
  notFound: { "zh-CN": "文件或目录不存在", en: "no such file or directory" },
  io: { "zh-CN": "无法读取（{detail}）", en: "cannot be read ({detail})" },
  dirNeedsOutput: { "zh-CN": "导入目录时须用 -o 指定输出目录", en: "importing a directory needs -o <output directory>" },
  noneInDir: { "zh-CN": "目录中没有可导入的文件（.pdf、.txt、.html、.htm）", en: "no file to import in the directory (.pdf, .txt, .html, .htm)" },
  writeFailed: { "zh-CN": "无法写入 {path}（{detail}）", en: "cannot write {path} ({detail})" },
  summary: {
    "zh-CN": "{edition}，{cells} 格：读取 {read}，按规则拆分 {split}，推断 {inferred}，空白 {blank}，无法确定 {ambiguous}，未找到 {missing}",
    en: "{edition}, {cells} cells: {read} read, {split} split by the rules, {inferred} inferred, {blank} blank, {ambiguous} ambiguous, {missing} not found",
  },
  edition: { "zh-CN": "{edition} 版格式", en: "{edition} edition" },
  noEdition: { "zh-CN": "格式版本未知", en: "edition unknown" },
  valid: { "zh-CN": "有效", en: "valid" },
  invalid: { "zh-CN": "导入完成但未通过校验（{errors} 个错误）", en: "imported, but not valid ({errors} errors)" },
  nothing: { "zh-CN": "未能导入", en: "nothing imported" },
  wrote: { "zh-CN": "已写入 {path}", en: "wrote {path}" },
  more: { "zh-CN": "另有 {n} 条说明（加 --json-diagnostics 查看全部）", en: "{n} more notes (--json-diagnostics shows them all)" },
  batch: {
    "zh-CN": "共 {files} 个文件：{valid} 个有效，{invalid} 个已导入但无效，{failed} 个未能导入",
    en: "{files} files: {valid} valid, {invalid} imported but not valid, {failed} not imported",
  },
} satisfies Record<string, Record<Locale, string>>;

const fill = (t: string, v: Record<string, string | number>) => t.replace(/\{(\w+)\}/g, (w, k: string) => String(v[k] ?? w));
const SHOWN = 12;

type Outcome = "valid" | "invalid" | "failed";

interface Done {
  file: string;
  result: ImportResult;
  outcome: Outcome;
  errors: number;
  output?: string;
}

export async function importCommand(args: ImportArgs, io: Io): Promise<number> {
  const { locale } = args;
  if (!["auto", "pdf", "text", "html"].includes(args.format)) {
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
    bytes = args.input === "-" ? await io.stdin() : await readFile(args.input);
  } catch (e) {
    io.stderr(`✖ ${args.input}: ${fill(words.io[locale], { detail: (e as NodeJS.ErrnoException).code ?? String(e) })}\n`);
    return EXIT.unusable;
  }
  const done = await importOne(args.input, bytes, args);
  const json = done.result.report;
  if (json !== null) {
    const text = `${JSON.stringify(json, null, 2)}\n`;
    if (args.output) {
      if (!(await write(args.output, text, io, locale))) return EXIT.unusable;
      done.output = args.output;
    } else if (!args.jsonDiagnostics) io.stdout(text);
  }
  if (args.jsonDiagnostics) io.stdout(jsonLine(done, !args.output));
  else io.stderr(human(done, locale));
  return exitOf([done]);
}

async function importOne(file: string, bytes: Uint8Array, args: ImportArgs): Promise<Done> {
  const result = await importReport(bytes, { format: args.format, locale: args.locale });
  if (!result.report) return { file, result, outcome: "failed", errors: 0 };
  const v = validate(result.report, { locale: args.locale });
  return { file, result, outcome: v.valid ? "valid" : "invalid", errors: v.counts.error };
}

async function importDirectory(args: ImportArgs, io: Io): Promise<number> {
  const { locale } = args;
  if (!args.output) {
    io.stderr(`${words.dirNeedsOutput[locale]}\n`);
    return EXIT.unusable;
  }
  const files = (await readdir(args.input, { recursive: true, withFileTypes: true }))
    .filter((d) => d.isFile() && IMPORTABLE.includes(extname(d.name).toLowerCase()))
    .map((d) => join(d.parentPath ?? (d as unknown as { path: string }).path, d.name))
    .sort();
  if (files.length === 0) {
    io.stderr(`${args.input}: ${words.noneInDir[locale]}\n`);
    return EXIT.unusable;
  }
  const bar = progress(io, files.length);
  const all: Done[] = [];
  // on every core, results in order (import-pool.ts)
  for await (const got of importInWorkers(files, { format: args.format, locale })) {
    const file = got.file;
    bar.tick(file);
    let done: Done;
    try {
      if ("error" in got) throw Object.assign(new Error(got.error), { code: got.error });
      done = { file, result: got.result, outcome: got.result.report ? (got.valid ? "valid" : "invalid") : "failed", errors: got.errors };
    } catch (e) {
      bar.done();
      io.stderr(`✖ ${file}: ${fill(words.io[locale], { detail: (e as NodeJS.ErrnoException).code ?? String(e) })}\n`);
      all.push({ file, result: { report: null, diagnostics: [], edition: null, format: null, stats: { cells: 0, read: 0, splitByRules: 0, inferred: 0, blank: 0, ambiguous: 0, missing: 0 } }, outcome: "failed", errors: 0 });
      continue;
    }
    const json = done.result.report;
    if (json !== null) {
      // reports/a/b.pdf → <out>/a/b.json: the tree is kept, so that names from different folders do not collide
      const rel = relative(args.input, file);
      const out = join(args.output, rel.slice(0, rel.length - extname(rel).length) + ".json");
      if (await write(out, `${JSON.stringify(json, null, 2)}\n`, io, locale)) done.output = out;
      else done.outcome = "failed";
    }
    bar.done();
    if (args.jsonDiagnostics) io.stdout(jsonLine(done, false));
    else io.stderr(human(done, locale));
    all.push(done);
  }
  bar.done();
  const tally = { files: all.length, valid: 0, invalid: 0, failed: 0 };
  for (const d of all) tally[d.outcome]++;
  if (args.jsonDiagnostics) io.stdout(`${JSON.stringify({ type: "summary", ...tally })}\n`);
  else io.stderr(`${fill(words.batch[locale], tally)}\n`);
  return exitOf(all);
}

function exitOf(all: Done[]): number {
  if (all.some((d) => d.outcome === "failed")) return EXIT.unusable;
  return all.every((d) => d.outcome === "valid") ? EXIT.ok : EXIT.invalid;
}

async function write(path: string, text: string, io: Io, locale: Locale): Promise<boolean> {
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, text);
    return true;
  } catch (e) {
    io.stderr(`✖ ${fill(words.writeFailed[locale], { path, detail: (e as NodeJS.ErrnoException).code ?? String(e) })}\n`);
    return false;
  }
}

function jsonLine(d: Done, withReport: boolean): string {
  const { report, diagnostics, edition, format, stats } = d.result;
  return `${JSON.stringify({
    type: "result",
    file: d.file,
    ...(d.output ? { output: d.output } : {}),
    format,
    edition,
    imported: report !== null,
    valid: d.outcome === "valid",
    stats,
    diagnostics,
    ...(withReport ? { report } : {}),
  })}\n`;
}

function diagnosticLine(x: Diagnostic): string {
  const s = x.source;
  const where = [s.page !== undefined ? `p.${s.page}` : "", s.line !== undefined ? `L${s.line}${s.column !== undefined ? `:${s.column}` : ""}` : "", s.htmlTable !== undefined ? `table ${s.htmlTable}` : "", s.htmlRow !== undefined ? `row ${s.htmlRow}` : "", s.htmlColumn !== undefined ? `col ${s.htmlColumn}` : ""]
    .filter(Boolean)
    .join(" ");
  return `  ${x.reason} ${x.pointer || "/"}${where ? ` (${where})` : ""}\n    ${x.message}\n`;
}

function human(d: Done, locale: Locale): string {
  const r = d.result;
  const s = r.stats;
  const mark = d.outcome === "valid" ? "✔" : "✖";
  const status =
    d.outcome === "valid" ? words.valid[locale] : d.outcome === "invalid" ? fill(words.invalid[locale], { errors: d.errors }) : words.nothing[locale];
  let out = `${mark} ${d.file} — ${status}\n`;
  if (r.report) {
    const edition = r.edition ? fill(words.edition[locale], { edition: r.edition }) : words.noEdition[locale];
    out += `  ${fill(words.summary[locale], { edition, cells: s.cells, read: s.read, split: s.splitByRules, inferred: s.inferred, blank: s.blank, ambiguous: s.ambiguous, missing: s.missing })}\n`;
  }
  // what needs a look: errors and warnings first; the many blank/inferred notes are counted above
  const shown = r.diagnostics.filter((x) => x.severity !== "info");
  out += shown.slice(0, SHOWN).map(diagnosticLine).join("");
  const hidden = r.diagnostics.length - Math.min(shown.length, SHOWN);
  if (hidden > 0) out += `  ${fill(words.more[locale], { n: hidden })}\n`;
  if (d.output) out += `  ${fill(words.wrote[locale], { path: d.output })}\n`;
  return out;
}

export const importHelp: Record<Locale, string> = {
  "zh-CN": `用法：zfxxgk import <文件|目录|-> [-o 输出] [选项]

读取已发布的年度报告（PDF、从 PDF 提取的文本、网页抓取的文本或 HTML 网页），
按其所用格式生成报告 JSON：2021 版，或 2019 版（试行格式，2019、2020 年度报告）。读不准的单元格不猜：表格中空白或写作 /、—、无 的格记为 null；
数字连写时按勾稽关系拆分，有多种拆分都成立时记为 null 并列出各种可能。
每个未按原样读出的单元格都有说明（原因与原文位置）。

输入：
  文件    格式按内容判断（也可用 --format 指定）
  -       从标准输入读取
  目录    递归导入其中所有 .pdf、.txt、.html、.htm 文件（不读 .json），须给出 -o 输出目录；
          a/b.pdf 写为 <输出目录>/a/b.json，终端上显示进度

选项：
  -o, --output <路径>          单个文件：写入的 JSON 文件（不给出时输出到标准输出）；目录：输出目录
  --format auto|pdf|text|html  输入格式（默认 auto，按内容判断）
  --json-diagnostics           在标准输出上每个文件输出一行 JSON（格式、版本、统计、全部说明；
                               未给出 -o 时含报告本身），目录导入最后一行为汇总
  --locale zh-CN|en            信息语言（默认 zh-CN）
  --help                       显示本说明

2019 版报告的“采购总金额”按万元记录（原文以元印出的，换算后原文记入 sourceTokens）。

退出码：0 导入结果通过校验；1 已导入但未通过校验；2 未能导入任何内容、
文件无法读取或用法错误（目录：有文件未能导入时为 2）。

示例：
  zfxxgk import 2024年报.pdf -o report.json
  zfxxgk import page.html --json-diagnostics > result.jsonl
  zfxxgk import 年报/ -o out/
`,
  en: `Usage: zfxxgk import <file|dir|-> [-o out] [options]

Reads a published annual report — PDF, text extracted from a PDF, crawled page text, or an HTML
page — and writes it as report JSON of the edition it follows: 2021, or the 2019 trial format
(reports on 2019 and 2020). Nothing is guessed: a cell left blank or
written as /, — or 无 is null; figures that run together are split by the consistency rules, and
where more than one split holds the cells are null and every split is listed. Every cell not read
as printed gets a diagnostic with the reason and where in the source it is.

Input:
  file    its format told from its content (or given with --format)
  -       standard input
  dir     every .pdf, .txt, .html and .htm file in it, recursively (.json files are not read);
          needs -o <output directory>; a/b.pdf is written as <output directory>/a/b.json; shows
          progress on a terminal

Options:
  -o, --output <path>          one file: the JSON file to write (standard output without it);
                               a directory: the output directory
  --format auto|pdf|text|html  the input's format (default auto: from its content)
  --json-diagnostics           one JSON line per file on standard output (format, edition, counts,
                               every diagnostic; the report itself when there is no -o), then a
                               summary line for a directory
  --locale zh-CN|en            language of the messages (default zh-CN)
  --help                       show this text

A 2019-edition report's 采购总金额 is kept in 万元 (a figure printed in 元 is converted, and the
printed text kept in sourceTokens).

Exit codes: 0 the imported report is valid; 1 imported but not valid;
2 nothing could be imported, unreadable input, or bad usage (a directory: 2 when any file was not
imported).

Examples:
  zfxxgk import report-2024.pdf -o report.json
  zfxxgk import page.html --json-diagnostics > result.jsonl
  zfxxgk import reports/ -o out/
`,
};
