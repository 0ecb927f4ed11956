// zfxxgk flatten: reads reports, calls @zfxxgk/flatten, writes CSV or SQLite.
import { mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import { FlattenError, toCsv, toSqlite } from "@zfxxgk/flatten";
import { format, type Catalogue, type Localised } from "@zfxxgk/i18n";
import type { Locale } from "../i18n.js";
import { EXIT, isAnInput, plain, writeOutput, WriteError, type Io } from "../io.js";
import { say } from "../i18n.js";
import { readAll } from "../read-inputs.js";

export interface FlattenArgs {
  inputs: string[];
  format: "csv" | "sqlite";
  output?: string;
  locale: Locale;
}

const words = {
  unreadable: { "zh-CN": "有文件无法读取，未输出", en: "some files are unreadable; nothing was written" },
  wrote: { "zh-CN": "已写入 {path}：{reports} 份报告", en: "wrote {path}: {reports} reports" },
  wroteCells: { "zh-CN": "已写入 {path}：{reports} 份报告，{cells} 个单元格", en: "wrote {path}: {reports} reports, {cells} cells" },
} satisfies Catalogue;

export async function flattenCommand(args: FlattenArgs, io: Io): Promise<number> {
  const { locale } = args;
  const { reports: inputs, unreadable, files } = await readAll(args.inputs, locale, io);
  if (unreadable) {
    io.stderr(`${words.unreadable[locale]}\n`);
    return EXIT.unusable;
  }
  try {
    if (args.format === "csv") {
      const csv = toCsv(inputs, { locale });
      if (!args.output) {
        io.stdout(csv);
        return EXIT.ok;
      }
      await writeOutput(args.output, csv, locale, files);
      io.stderr(`${format(words.wrote[locale], { path: args.output, reports: inputs.length })}\n`);
    } else {
      // a database is changed in place (in one transaction): it must not be one of the inputs
      if (isAnInput(args.output!, files)) throw new WriteError(say("outputIsInput", locale, { path: args.output! }));
      try {
        await mkdir(dirname(args.output!), { recursive: true });
      } catch (e) {
        throw new WriteError(say("writeFailed", locale, { path: args.output!, detail: (e as NodeJS.ErrnoException).code ?? String(e) }));
      }
      const n = await toSqlite(inputs, args.output!, { locale });
      io.stderr(`${format(words.wroteCells[locale], { path: args.output!, reports: n.reports, cells: n.cells })}\n`);
    }
  } catch (e) {
    if (!(e instanceof FlattenError)) throw e;
    io.stderr(`✖ ${plain(e.message)}\n`);
    return EXIT.unusable;
  }
  return EXIT.ok;
}

export const flattenHelp: Localised = {
  "zh-CN": `用法：zfxxgk flatten <文件|目录>... [--format csv|sqlite] [-o 输出文件]

把多份同一格式的报告展开为便于分析的数据：
  csv     每份报告一行、每个单元格一列；第一行为键（如 applications.newReceived.naturalPerson），
          第二行为格式中的中文标签；UTF-8 带 BOM，Excel 可直接打开。未填报的单元格为空。
          以 = + - @、制表符或回车开头的文字单元格前加 '，以免被电子表格当作公式执行。
  sqlite  SQLite 数据库：reports 表（每份报告一行）和 cells 表（每份报告每个单元格一行：
          pointer、tbl 表名、row 行标签、col 列标签、value 数值；未填报为 NULL）。
          已有的数据库在一个事务中替换这两张表：任何一步失败，数据库保持原样。

选项：
  --format csv|sqlite  输出格式（默认 csv）
  -o, --output <文件>  写入的文件（csv 默认输出到标准输出；sqlite 必须指定）
  --locale zh-CN|en    信息语言

退出码：0 已写出；2 文件无法读取、格式版本不一致或用法错误。

示例：
  zfxxgk flatten reports/ --format csv -o out/reports.csv
  zfxxgk flatten reports/ --format sqlite -o out/reports.sqlite
`,
  en: `Usage: zfxxgk flatten <file|dir>... [--format csv|sqlite] [-o out]

Flattens reports of one edition for analysis:
  csv     one row per report, one column per cell; a header row of keys (such as
          applications.newReceived.naturalPerson), a second of the format's Chinese labels;
          UTF-8 with a BOM so that Excel opens it. A blank cell is an empty field. A text
          cell starting with = + - @, a tab or a carriage return gets a leading ' so that a
          spreadsheet shows it rather than running it as a formula.
  sqlite  a SQLite database: table reports (one row per report) and table cells (one row per
          report and cell: pointer, tbl, row and col labels, value; a blank is NULL). An
          existing database has the two tables replaced in one transaction: on any failure it
          is left as it was.

Options:
  --format csv|sqlite  output format (default csv)
  -o, --output <file>  where to write (csv: default standard output; sqlite: required)
  --locale zh-CN|en    language of the messages

Exit codes: 0 written; 2 unreadable input, mixed editions or bad usage.

Examples:
  zfxxgk flatten reports/ --format csv -o out/reports.csv
  zfxxgk flatten reports/ --format sqlite -o out/reports.sqlite
`,
};
