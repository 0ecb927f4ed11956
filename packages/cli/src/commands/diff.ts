// zfxxgk diff: reads two reports, calls @zfxxgk/diff, prints the changes (or JSON).
import { diffReports, DiffError, type ReportDiff } from "@zfxxgk/diff";
import type { Catalogue, Localised } from "@zfxxgk/i18n";
import type { Locale } from "../i18n.js";
import { EXIT, noteStatus, plain, type Io } from "../io.js";
import { readOne } from "../read-inputs.js";

export interface DiffArgs {
  before: string;
  after: string;
  json: boolean;
  locale: Locale;
}

const words = {
  same: { "zh-CN": "两份报告没有差异", en: "the reports do not differ" },
  cells: { "zh-CN": "{n} 处变化", en: "{n} changes" },
  text: { "zh-CN": "正文有改动", en: "text changed" },
  fields: { "zh-CN": "其他字段", en: "other fields" },
  blank: { "zh-CN": "空", en: "blank" },
  absent: { "zh-CN": "无", en: "absent" },
} satisfies Catalogue;

// report text goes to a terminal: its control characters are shown, never obeyed
const show = (v: unknown, locale: Locale) =>
  v === null ? words.blank[locale] : v === undefined ? words.absent[locale] : plain(typeof v === "string" ? v : JSON.stringify(v));

export function formatDiff(d: ReportDiff, locale: Locale): string {
  if (d.total === 0) return `${words.same[locale]}\n`;
  const [open, close, colon] = locale === "zh-CN" ? ["（", "）", "："] : [" (", ")", ": "];
  let out = "";
  for (const t of d.tables) {
    out += `${t.table} ${t.heading}${open}${words.cells[locale].replace("{n}", String(t.changes.length))}${close}\n`;
    for (const c of t.changes) {
      const label = c.labelPath.split(" › ").slice(1).join(" › ");
      const change = c.change === null ? "" : `${open}${c.change > 0 ? "+" : ""}${c.change}${close}`;
      out += `  ${label}${colon}${show(c.before, locale)} → ${show(c.after, locale)}${change}\n`;
    }
  }
  for (const t of d.texts) {
    out += `${t.heading}${open}${words.text[locale]}${close}\n${t.unified
      .split("\n")
      .map((l) => (l ? `  ${plain(l)}` : l))
      .join("\n")}`;
    if (!out.endsWith("\n")) out += "\n";
  }
  if (d.fields.length) {
    out += `${words.fields[locale]}\n`;
    for (const f of d.fields) out += `  ${plain(f.labelPath || f.pointer)}${colon}${show(f.before, locale)} → ${show(f.after, locale)}\n`;
  }
  return out;
}

/** Exit codes as diff(1): 0 no difference, 1 differences, 2 trouble. */
export async function diffCommand(args: DiffArgs, io: Io): Promise<number> {
  const { locale } = args;
  const reports: unknown[] = [];
  for (const file of [args.before, args.after]) {
    const read = await readOne(file, locale, io);
    if (!read) return EXIT.unusable;
    reports.push(read.value);
  }
  let d: ReportDiff;
  try {
    d = diffReports(reports[0], reports[1], { locale });
  } catch (e) {
    if (!(e instanceof DiffError)) throw e;
    io.stderr(`✖ ${plain(e.message)}\n`);
    return EXIT.unusable;
  }
  // known before a line is printed: the status a closed pipe (| head) ends with
  noteStatus(d.total === 0 ? EXIT.ok : EXIT.invalid);
  io.stdout(args.json ? `${JSON.stringify(d, null, 2)}\n` : formatDiff(d, locale));
  return d.total === 0 ? EXIT.ok : EXIT.invalid;
}

export const diffHelp: Localised = {
  "zh-CN": `用法：zfxxgk diff <前一份报告> <后一份报告> [--json] [--locale zh-CN|en]

逐格比较两份同一格式的报告（通常是上一年度与本年度）：按表格列出每个变化的单元格及前后数值和增减，
正文各部分的改动以统一差异格式（unified diff）列出，另列其他字段的变化。

选项：
  --json             以 JSON 输出（tables / texts / fields）
  --locale zh-CN|en  信息语言

退出码：0 没有差异；1 有差异；2 文件无法读取、格式不同或用法错误（与 diff 命令一致）。

示例：
  zfxxgk diff reports/2023.json reports/2024.json
`,
  en: `Usage: zfxxgk diff <earlier report> <later report> [--json] [--locale zh-CN|en]

Compares two reports of one edition (usually last year's and this year's) cell by cell: every
changed cell with both values and the change, grouped by table; changed text sections as unified
diffs; and other changed fields.

Options:
  --json             JSON output (tables / texts / fields)
  --locale zh-CN|en  language of the messages

Exit codes: 0 no difference; 1 differences; 2 unreadable input, different editions or bad usage
(as diff(1)).

Example:
  zfxxgk diff reports/2023.json reports/2024.json
`,
};
