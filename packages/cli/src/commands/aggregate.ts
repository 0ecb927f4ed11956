// zfxxgk aggregate: reads member reports, calls @zfxxgk/aggregate, writes the aggregate report.
import { aggregate, AggregationError, type AggregateOptions } from "@zfxxgk/aggregate";
import { format, type Catalogue, type Localised } from "@zfxxgk/i18n";
import { agencyKinds, agencyLevels } from "../agency.js";
import type { Locale } from "../i18n.js";
import { EXIT, plain, writeOutput, type Io } from "../io.js";
import { readAll } from "../read-inputs.js";

export interface AggregateArgs {
  inputs: string[];
  output?: string;
  agency: AggregateOptions["agency"];
  year?: number;
  includeInvalid: boolean;
  allowDuplicates?: boolean;
  allowAggregates?: boolean;
  locale: Locale;
}

const words = {
  unreadable: { "zh-CN": "无法读取，未汇总", en: "unreadable; nothing was aggregated" },
  refused: { "zh-CN": "未汇总", en: "not aggregated" },
  included: { "zh-CN": "已汇总 {n} 份报告", en: "aggregated {n} reports" },
  excluded: {
    "zh-CN": "因存在错误未汇总（加 --include-invalid 仍然汇总）：",
    en: "left out for their errors (--include-invalid sums them anyway):",
  },
  blanks: { "zh-CN": "{n} 个单元格因成员报告未填报而留空", en: "{n} cells left blank because a member left them blank" },
  wrote: { "zh-CN": "已写入 {path}", en: "wrote {path}" },
} satisfies Catalogue;

const say = (key: keyof typeof words, locale: Locale, vars: Record<string, string | number> = {}) => format(words[key][locale], vars);

export async function aggregateCommand(args: AggregateArgs, io: Io): Promise<number> {
  const { locale } = args;
  const { reports: members, unreadable, files } = await readAll(args.inputs, locale, io);
  if (unreadable) {
    io.stderr(`${say("unreadable", locale)}\n`);
    return EXIT.unusable;
  }
  let result;
  try {
    result = aggregate(members, {
      agency: args.agency,
      includeInvalid: args.includeInvalid,
      allowDuplicates: args.allowDuplicates === true,
      allowAggregates: args.allowAggregates === true,
      locale,
      ...(args.year !== undefined ? { year: args.year } : {}),
    });
  } catch (e) {
    if (!(e instanceof AggregationError)) throw e;
    io.stderr(`✖ ${say("refused", locale)}${locale === "zh-CN" ? "：" : ": "}${plain(e.message)}\n`);
    return EXIT.unusable;
  }
  const text = `${JSON.stringify(result.report, null, 2)}\n`;
  if (args.output) {
    await writeOutput(args.output, text, locale, files);
  } else io.stdout(text);
  io.stderr(`${say("included", locale, { n: result.included.length })}\n`);
  if (result.excluded.length) {
    io.stderr(`${say("excluded", locale)}\n`);
    for (const x of result.excluded)
      io.stderr(
        `  ${plain(x.file ?? x.agency ?? "")}: ${x.errors
          .slice(0, 3)
          .map((e) => `${e.code} ${e.pointer}`)
          .join("; ")}${x.errors.length > 3 ? " …" : ""}\n`,
      );
  }
  const blank = Object.keys(result.blanks).length;
  if (blank) io.stderr(`${say("blanks", locale, { n: blank })}\n`);
  if (args.output) io.stderr(`${say("wrote", locale, { path: args.output })}\n`);
  return result.excluded.length ? EXIT.invalid : EXIT.ok;
}

const kinds = agencyKinds.join(" | ");
const levels = agencyLevels.join(" | ");

export const aggregateHelp: Localised = {
  "zh-CN": `用法：zfxxgk aggregate <文件|目录>... --agency <机关名称> [-o 输出文件] [选项]

把多个机关同一年度、同一格式的报告逐格相加，生成一份汇总报告（scope: "aggregate"），
并记录每份成员报告（机关、文件、SHA-256）。成员报告未填报的单元格，汇总结果也留空（不按 0 计）。
有错误的成员报告不参与汇总并列出，除非加 --include-invalid。正文部分留空，由汇总单位撰写。

选项：
  --agency <名称>       汇总报告的机关名称（必填）
  --kind <类型>         ${kinds}（默认 government）
  --level <层级>        ${levels}（默认 county）
  --year <年度>         报告年度；各成员报告必须一致（默认取成员报告的年度）
  --include-invalid     有错误的报告也参与汇总
  --allow-duplicates    同一文件（SHA-256 相同）或同一机关的多份报告也都汇总（默认拒绝，以免重复计数）
  --allow-aggregates    成员中的汇总报告（scope: aggregate）也参与汇总（默认拒绝，以免重复计数）
  -o, --output <文件>   写入的文件（默认标准输出）
  --locale zh-CN|en     信息语言

输出文件若就是某个输入文件，则拒绝写入；写入先写临时文件再改名，中途失败不会留下半个文件。

退出码：0 已写出；1 已写出但有成员报告因错误未汇总；2 文件无法读取、年度或格式不一致、
成员重复或为汇总报告、输出无法写入、用法错误。

示例：
  zfxxgk aggregate reports/2024/ --agency 某市人民政府 --level municipal -o out/city-2024.json
`,
  en: `Usage: zfxxgk aggregate <file|dir>... --agency <name> [-o out.json] [options]

Sums reports of the same year and edition cell by cell into one aggregate report (scope
"aggregate"), recording each member (agency, file, SHA-256). A cell a member left blank stays
blank in the sum (never counted as 0). Members with errors are left out and listed, unless
--include-invalid. The text sections are left empty for the author.

Options:
  --agency <name>       the aggregate report's agency (required)
  --kind <kind>         ${kinds} (default government)
  --level <level>       ${levels} (default county)
  --year <year>         the year covered; every member must cover it (default: the members' year)
  --include-invalid     sum members with errors too
  --allow-duplicates    sum the same file (same SHA-256) or one agency's reports more than once
                        (refused by default: they would be counted twice)
  --allow-aggregates    sum members that are aggregate reports themselves (refused by default)
  -o, --output <file>   where to write (default: standard output)
  --locale zh-CN|en     language of the messages

An output that is one of the inputs is refused; the output is written to a temporary file and
renamed, so a failure half way never leaves half a file.

Exit codes: 0 written; 1 written, but members with errors were left out; 2 unreadable input,
mixed years or editions, a member twice or an aggregate member, an output that cannot be
written, or bad usage.

Example:
  zfxxgk aggregate reports/2024/ --agency 某市人民政府 --level municipal -o out/city-2024.json
`,
};
