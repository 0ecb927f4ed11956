// zfxxgk render: reads a report, checks it with @zfxxgk/validator, writes it as HTML
// (@zfxxgk/export-html), XML (@zfxxgk/export-xml), Word (@zfxxgk/export-docx) or PDF
// (@zfxxgk/export-pdf, through Chromium). An invalid report is refused unless --force.
import type { renderHtml } from "@zfxxgk/export-html";
import { XmlExportError } from "@zfxxgk/export-xml";
import { format, type Catalogue, type Localised } from "@zfxxgk/i18n";
import { labelPathOf, type Issue } from "@zfxxgk/validator";
import { say, type Locale } from "../i18n.js";
import { EXIT, plain, writeOutput, type Io } from "../io.js";
import { readKnown } from "../read-inputs.js";

export interface RenderArgs {
  /** a report file, or "-" for standard input */
  input: string;
  /** "html" (the default), "xml", "docx" or "pdf"; anything else is a usage error */
  format?: string;
  /** HTML only: the <article> for a CMS instead of a complete page */
  fragment: boolean;
  /** where to write; standard output when absent */
  output?: string;
  /** render an invalid report anyway, after printing its issues */
  force: boolean;
  locale: Locale;
}

const messages: Catalogue = {
  badFormat: {
    "zh-CN": "--format 只能是 html、xml、docx 或 pdf，而不是“{format}”",
    en: '--format must be html, xml, docx or pdf, not "{format}"',
  },
  fragmentXml: { "zh-CN": "--fragment 只用于 --format html", en: "--fragment applies to --format html only" },
  binaryTty: {
    "zh-CN": "--format {format} 输出的是二进制文件，不能写到终端：请用 -o 指定输出文件（如 -o 年报.{format}），或重定向到文件",
    en:
      "--format {format} writes a binary file, which does not go to a terminal: " +
      "name the file with -o (e.g. -o report.{format}) or redirect the output",
  },
  cannotWrite: { "zh-CN": "{pointer}（{label}）：{message}", en: "{pointer} ({label}): {message}" },
  notReport: { "zh-CN": "不是可识别的年度报告（{detail}），无法输出", en: "not a report of a known edition ({detail}); nothing to render" },
  invalid: { "zh-CN": "报告无效：{counts}", en: "the report is invalid: {counts}" },
  refused: {
    "zh-CN": "未输出：请先修正上述错误（详见 zfxxgk validate），或加 --force 仍然输出",
    en: "not rendered: fix the errors above (see zfxxgk validate), or add --force to render it anyway",
  },
  forced: { "zh-CN": "已按 --force 仍然输出这份无效的报告", en: "rendering the invalid report anyway (--force)" },
};

function t(key: string, locale: Locale, vars: Record<string, string | number> = {}): string {
  return Object.hasOwn(messages, key) ? format(messages[key]![locale], vars) : say(key, locale, vars);
}

type Report = Parameters<typeof renderHtml>[0];
type Format = "html" | "xml" | "docx" | "pdf";
type Renderer = (report: Report) => string | Uint8Array | Promise<Uint8Array>;
const FORMATS: readonly string[] = ["html", "xml", "docx", "pdf"];
const BINARY: readonly string[] = ["docx", "pdf"];

// loaded on first use rather than at startup: the other commands never pay for the templates
async function loadRenderer(format: Format, fragment: boolean, locale: Locale): Promise<Renderer> {
  if (format === "xml") {
    const { renderXml } = await import("@zfxxgk/export-xml");
    return (report) => renderXml(report, { locale });
  }
  if (format === "docx") {
    const { renderDocx } = await import("@zfxxgk/export-docx");
    return (report) => renderDocx(report, { locale });
  }
  if (format === "pdf") {
    const { renderPdf } = await import("@zfxxgk/export-pdf");
    return (report) => renderPdf(report, { locale });
  }
  const { renderHtml } = await import("@zfxxgk/export-html");
  return (report) => renderHtml(report, { mode: fragment ? "fragment" : "document", locale });
}

/** What an exporter refuses to write for a report rendered with --force, as one line; null for anything else. */
async function refusal(e: unknown, locale: Locale): Promise<string | null> {
  const colon = locale === "zh-CN" ? "：" : ": ";
  if (e instanceof XmlExportError) return `${e.pointer || "/"}${colon}${e.message}`;
  const { DocxExportError } = await import("@zfxxgk/export-docx");
  if (e instanceof DocxExportError) {
    const label = e.pointer ? labelPathOf(null, e.pointer, locale) : "";
    return label ? t("cannotWrite", locale, { pointer: e.pointer, label, message: e.message }) : `${e.pointer || "/"}${colon}${e.message}`;
  }
  const { PdfExportError } = await import("@zfxxgk/export-pdf");
  if (e instanceof PdfExportError) return e.message;
  return null;
}

const SEVERITY: Record<Issue["severity"], Localised> = {
  error: { "zh-CN": "错误", en: "error" },
  warning: { "zh-CN": "警告", en: "warning" },
  info: { "zh-CN": "提示", en: "note" },
};

function issueLines(issues: Issue[], locale: Locale): string {
  const colon = locale === "zh-CN" ? "：" : ": ";
  return issues
    .filter((i) => i.severity === "error")
    .map(
      (i) =>
        `  ${SEVERITY[i.severity][locale]} ${i.code}  ${plain(i.pointer || "/")}\n` +
        `    ${i.labelPath ? `${plain(i.labelPath)}${colon}` : ""}${plain(i.message)}\n`,
    )
    .join("");
}

export async function renderCommand(args: RenderArgs, io: Io): Promise<number> {
  const { locale } = args;
  const format = (args.format ?? "html") as Format;
  if (!FORMATS.includes(format)) {
    io.stderr(`${t("badFormat", locale, { format })}\n${say("seeHelp", locale, { command: "render" })}\n`);
    return EXIT.unusable;
  }
  if (format !== "html" && args.fragment) {
    io.stderr(`${t("fragmentXml", locale)}\n${say("seeHelp", locale, { command: "render" })}\n`);
    return EXIT.unusable;
  }

  // checked before reading anything: the bytes would go to the terminal whatever the report
  if (BINARY.includes(format) && args.output === undefined && (io.stdoutIsTTY !== false || !io.stdoutBytes)) {
    io.stderr(`${t("binaryTty", locale, { format })}\n${say("seeHelp", locale, { command: "render" })}\n`);
    return EXIT.unusable;
  }

  const read = await readKnown(args.input, locale, io, (detail) => t("notReport", locale, { detail }));
  if (!read) return EXIT.unusable;
  const { value, result } = read;
  if (!result.valid) {
    io.stderr(
      `✖ ${args.input} — ${t("invalid", locale, { counts: say("counts", locale, result.counts) })}\n${issueLines(result.issues, locale)}`,
    );
    if (!args.force) {
      io.stderr(`${t("refused", locale)}\n`);
      return EXIT.invalid;
    }
    io.stderr(`${t("forced", locale)}\n`);
  }

  const render = await loadRenderer(format, args.fragment, locale);
  let output: string | Uint8Array;
  try {
    output = await render(value as Report);
  } catch (e) {
    // only with --force: a value the schema rejects that XML or Word cannot carry (a control
    // character); or no Chromium for a PDF
    const line = await refusal(e, locale);
    if (line === null) throw e;
    io.stderr(`✖ ${plain(line)}\n`);
    return EXIT.unusable;
  }

  if (args.output === undefined) {
    if (typeof output === "string") io.stdout(output);
    else io.stdoutBytes!(output);
    return EXIT.ok;
  }
  await writeOutput(args.output, output, locale, [args.input]);
  io.stderr(`${say("wrote", locale, { path: args.output })}\n`);
  return EXIT.ok;
}

export const renderHelp: Localised = {
  "zh-CN": `用法：zfxxgk render <文件|-> [--format html|xml|docx|pdf] [--fragment] [-o 输出文件] [选项]

把一份报告（JSON）输出为按国家格式排版的 HTML、Word 文档（.docx）或 PDF，或 XML。先做校验：
报告有错误时不输出，除非加 --force（先列出错误，再照常输出）。未给出 -o 时输出到标准输出
（docx 和 pdf 是二进制文件，不写到终端）；- 表示从标准输入读取。

选项：
  -f, --format html|xml|docx|pdf
                         输出格式（默认 html）；docx：A4 公文版式的 Word 文档；pdf：用本机
                         Chromium 打印 HTML 版式（需安装 chromium）
  --fragment             只输出报告本身（<article>），便于粘贴进网站内容管理系统；默认输出完整网页
  -o, --output <文件>    写入的文件（目录不存在时自动创建）
  --force                报告无效时仍然输出
  --locale zh-CN|en      信息语言（默认 zh-CN）；HTML 中空白单元格读屏提示的语言
  --help                 显示本说明

退出码：0 已输出；1 报告无效、未输出（未加 --force）；2 文件无法读取、不是可识别的报告、
含有 XML/Word 无法表示的字符（仅在 --force 时）、未找到 Chromium（pdf）或用法错误。

示例：
  zfxxgk render examples/tacheng-2024/report.json -o out/tacheng-2024.html
  zfxxgk render examples/tacheng-2024/report.json --fragment > 年报.html
  zfxxgk render examples/tacheng-2024/report.json --format xml -o out/tacheng-2024.xml
  zfxxgk render examples/tacheng-2024/report.json --format docx -o out/tacheng-2024.docx
  zfxxgk render examples/tacheng-2024/report.json --format pdf -o out/tacheng-2024.pdf
`,
  en: `Usage: zfxxgk render <file|-> [--format html|xml|docx|pdf] [--fragment] [-o out] [options]

Writes a report (JSON) in the official layout of the format as HTML, a Word document (.docx) or
a PDF, or as XML. The report is checked first: an invalid report is not rendered unless --force
is given (its errors are listed first, then it is rendered). Without -o the output goes to
standard output (docx and pdf are binary and never go to a terminal); - reads standard input.

Options:
  -f, --format html|xml|docx|pdf
                         output format (default html); docx: a Word document on A4 in the
                         layout of government documents; pdf: the HTML layout printed by the
                         system's Chromium (install chromium)
  --fragment             only the report itself (an <article>), for pasting into a CMS;
                         the default is a complete page
  -o, --output <file>    where to write (missing folders are created)
  --force                render the report even when it is invalid
  --locale zh-CN|en      language of the messages (default zh-CN), and of the screen-reader
                         note in a blank cell of the HTML
  --help                 show this text

Exit codes: 0 rendered; 1 invalid report, not rendered (no --force); 2 unreadable input, not a
report of a known edition, a character XML or Word cannot carry (with --force only), no Chromium
(pdf), or bad usage.

Examples:
  zfxxgk render examples/tacheng-2024/report.json -o out/tacheng-2024.html --locale en
  zfxxgk render examples/tacheng-2024/report.json --fragment > report.html
  zfxxgk render examples/tacheng-2024/report.json --format xml -o out/tacheng-2024.xml
  zfxxgk render examples/tacheng-2024/report.json --format docx -o out/tacheng-2024.docx
  zfxxgk render examples/tacheng-2024/report.json --format pdf > out/tacheng-2024.pdf
`,
};
