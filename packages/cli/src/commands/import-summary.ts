// What `zfxxgk import` says about each file and about a whole directory: the import's status first
// (complete / partial / failed), then validity — so that an integrator importing a province's
// reports sees at once which files need a person, worst first. A directory's summary is tallied
// file by file as results come (BatchTally): of each file it keeps a few numbers, and of a file
// that needs a person its status line too, never the report, so memory does not grow with it.
import { format } from "@zfxxgk/i18n";
import type { Completeness, ImportResult, ImportStatus } from "@zfxxgk/import";
import type { Locale } from "../i18n.js";
import { EXIT, plain } from "../io.js";

export interface Done {
  file: string;
  result: ImportResult;
  /** validated: null when there is no report */
  valid: boolean | null;
  errors: number;
  output?: string;
  /** a write failed after the import */
  unwritten?: boolean;
}

const words = {
  complete: { "zh-CN": "完整导入", en: "complete" },
  partial: { "zh-CN": "部分导入：{n} 格未读出", en: "partial: {n} cells not read" },
  failed: { "zh-CN": "导入失败", en: "failed" },
  valid: { "zh-CN": "通过校验", en: "valid" },
  validRead: { "zh-CN": "已读出部分通过校验", en: "what was read is valid" },
  invalid: { "zh-CN": "未通过校验（{errors} 个错误）", en: "not valid ({errors} errors)" },
  tablesMissing: { "zh-CN": "未找到{tables}", en: "{tables} not found" },
  notRead: { "zh-CN": "{n} 格未读出", en: "{n} cells not read" },
  cells: {
    "zh-CN":
      "{cells} 格：按原文读取 {read}，按规则定栏 {placed}，原文空白 {blank}，" +
      "按规则拆分 {split}，无法确定 {ambiguous}，未找到 {missing}",
    en:
      "{cells} cells: {read} read as printed, {placed} placed in their column by the rules, {blank} blank as printed, " +
      "{split} split by the rules, {ambiguous} ambiguous, {missing} not found",
  },
  tableHead: { "zh-CN": "导入汇总", en: "Import summary" },
  filesRow: {
    "zh-CN": "文件    共 {files}：完整 {complete}，部分 {partial}，失败 {failed}；完整且通过校验 {ok}",
    en: "files   {files}: {complete} complete, {partial} partial, {failed} failed; {ok} complete and valid",
  },
  cellsRow: {
    "zh-CN":
      "单元格  共 {cells}：按原文读取 {read}，按规则定栏 {placed}，原文空白 {blank}，" +
      "按规则拆分 {split}，无法确定 {ambiguous}，未找到 {missing}",
    en:
      "cells   {cells}: {read} read as printed, {placed} placed in their column by the rules, {blank} blank as printed, " +
      "{split} split by the rules, {ambiguous} ambiguous, {missing} not found",
  },
  needs: { "zh-CN": "需要人工查看（{n} 个，最差的在前）：", en: "Files that need a person ({n}, worst first):" },
  none: { "zh-CN": "没有需要人工查看的文件", en: "no file needs a person" },
} satisfies Record<string, Record<Locale, string>>;

const TABLE_NAMES: Record<string, Record<Locale, string>> = {
  proactiveDisclosure: { "zh-CN": "表二（主动公开）", en: "table 二 (proactive disclosure)" },
  applications: { "zh-CN": "表三（依申请公开）", en: "table 三 (applications)" },
  reviewAndLitigation: { "zh-CN": "表四（复议诉讼）", en: "table 四 (review and litigation)" },
};

export const notRead = (c: Completeness) => c.ambiguous + c.notFound;

/** A write that failed turns the file's status to failed: the user has no report of it. */
export function statusOfDone(d: Done): ImportStatus {
  return d.unwritten ? "failed" : d.result.status;
}

/** 0 only for a complete import that validates; partial or invalid → 1; failed or nothing → 2. */
export function exitOfDone(d: Done): number {
  const s = statusOfDone(d);
  if (s === "failed") return EXIT.unusable;
  return s === "complete" && d.valid === true ? EXIT.ok : EXIT.invalid;
}

/** The status line of one file: what was imported first, then whether it validates. */
export function statusLine(d: Done, locale: Locale): string {
  const s = statusOfDone(d);
  const c = d.result.completeness;
  const mark = exitOfDone(d) === EXIT.ok ? "✔" : s === "failed" ? "✖" : "⚠";
  const parts: string[] = [];
  if (s === "complete") parts.push(words.complete[locale]);
  else if (s === "partial") parts.push(format(words.partial[locale], { n: notRead(c) }));
  else {
    parts.push(words.failed[locale]);
    if (d.result.report && c.tablesNotFound.length)
      parts.push(
        format(words.tablesMissing[locale], {
          tables: c.tablesNotFound.map((t) => TABLE_NAMES[t]![locale]).join(locale === "zh-CN" ? "、" : ", "),
        }),
      );
    else if (d.result.report) parts.push(format(words.notRead[locale], { n: notRead(c) }));
    else {
      const why = d.result.diagnostics.find((x) => x.severity === "error" && x.pointer === "");
      if (why) parts.push(why.message);
    }
  }
  // a failed import's valid remainder says nothing worth reading next to what is missing
  if (d.valid === true && s !== "failed") parts.push(s === "complete" ? words.valid[locale] : words.validRead[locale]);
  else if (d.valid === false) parts.push(format(words.invalid[locale], { errors: d.errors }));
  return `${mark} ${plain(d.file)} — ${parts.join(locale === "zh-CN" ? "；" : "; ")}\n`;
}

/** The counts of a completeness (one file's or a batch's) as the cells messages name them. */
function cellCounts(c: Omit<Completeness, "tablesNotFound">) {
  return {
    cells: c.cells,
    read: c.readAsPrinted,
    placed: c.placedByRules,
    blank: c.blankAsPrinted,
    split: c.splitByRules,
    ambiguous: c.ambiguous,
    missing: c.notFound,
  };
}

export function cellsLine(c: Completeness, locale: Locale): string {
  return format(words.cells[locale], cellCounts(c));
}

const RANK: Record<ImportStatus, number> = { failed: 2, partial: 1, complete: 0 };

/** What the summary keeps of a file that needs a person. */
interface NeedsPerson {
  file: string;
  status: ImportStatus;
  notRead: number;
  tablesNotFound: string[];
  errors: number;
  /** its status line, in the batch's locale */
  line: string;
}

export interface BatchSummary {
  type: "summary";
  files: number;
  status: Record<ImportStatus, number>;
  /** complete and valid: exit 0 for these alone */
  completeAndValid: number;
  valid: number;
  invalid: number;
  cells: Omit<Completeness, "tablesNotFound">;
  needsPerson: Omit<NeedsPerson, "line">[];
}

/** A directory's summary, added to one file at a time. */
export class BatchTally {
  private readonly status = { complete: 0, partial: 0, failed: 0 };
  private readonly cells = { cells: 0, readAsPrinted: 0, placedByRules: 0, blankAsPrinted: 0, splitByRules: 0, ambiguous: 0, notFound: 0 };
  private files = 0;
  private ok = 0;
  private valid = 0;
  private invalid = 0;
  private readonly needs: NeedsPerson[] = [];
  private worst: number = EXIT.ok;

  constructor(private readonly locale: Locale) {}

  add(d: Done): void {
    this.files++;
    const s = statusOfDone(d);
    const exit = exitOfDone(d);
    this.status[s]++;
    this.worst = Math.max(this.worst, exit);
    if (exit === EXIT.ok) this.ok++;
    if (d.valid === true) this.valid++;
    if (d.valid === false) this.invalid++;
    const c = d.result.completeness;
    for (const k of Object.keys(this.cells) as (keyof typeof this.cells)[]) this.cells[k] += c[k];
    if (exit !== EXIT.ok)
      this.needs.push({
        file: d.file,
        status: s,
        notRead: notRead(c),
        tablesNotFound: c.tablesNotFound,
        errors: d.errors,
        line: statusLine(d, this.locale),
      });
  }

  /** 0 only when every file is complete and valid; otherwise the worst file's; 2 for no file. */
  exit(): number {
    return this.files ? this.worst : EXIT.unusable;
  }

  /** Files a person must look at: failed before partial before invalid, more cells not read first. */
  private needingAPerson(): NeedsPerson[] {
    return [...this.needs].sort(
      (a, b) => RANK[b.status] - RANK[a.status] || b.notRead - a.notRead || b.errors - a.errors || a.file.localeCompare(b.file),
    );
  }

  summary(): BatchSummary {
    return {
      type: "summary",
      files: this.files,
      status: { ...this.status },
      completeAndValid: this.ok,
      valid: this.valid,
      invalid: this.invalid,
      cells: { ...this.cells },
      needsPerson: this.needingAPerson().map(({ line: _, ...n }) => n),
    };
  }

  /** The table a directory import ends with. */
  table(): string {
    const { locale } = this;
    let out = `\n${words.tableHead[locale]}\n`;
    out += `  ${format(words.filesRow[locale], { files: this.files, ...this.status, ok: this.ok })}\n`;
    out += `  ${format(words.cellsRow[locale], cellCounts(this.cells))}\n`;
    const worst = this.needingAPerson();
    if (worst.length === 0) return `${out}  ${words.none[locale]}\n`;
    out += `  ${format(words.needs[locale], { n: worst.length })}\n`;
    for (const d of worst) out += `  ${d.line}`;
    return out;
  }
}
