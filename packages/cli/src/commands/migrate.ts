// zfxxgk migrate: reads a 2019-edition report, calls @zfxxgk/migrate, writes the 2021 report
// and lists every value that has no place in it.
import type { Catalogue, Localised } from "@zfxxgk/i18n";
import { migrate, MigrationError } from "@zfxxgk/migrate";
import type { Locale } from "../i18n.js";
import { EXIT, plain, writeOutput, type Io } from "../io.js";
import { readOne } from "../read-inputs.js";

export interface MigrateArgs {
  input: string;
  to: string;
  output?: string;
  locale: Locale;
}

const words = {
  losses: {
    "zh-CN": "{n} 个数值在 2021 格式中没有对应项（已记入报告的 migratedFrom.losses）：",
    en: "{n} values have no place in the 2021 format (kept in the report's migratedFrom.losses):",
  },
  wrote: { "zh-CN": "已写入 {path}", en: "wrote {path}" },
  blank: { "zh-CN": "空", en: "blank" },
} satisfies Catalogue;

export async function migrateCommand(args: MigrateArgs, io: Io): Promise<number> {
  const { locale } = args;
  const colon = locale === "zh-CN" ? "：" : ": ";
  const read = await readOne(args.input, locale, io);
  if (!read) return EXIT.unusable;
  const { value } = read;
  let result;
  try {
    result = migrate(value, { to: args.to as "2021", locale });
  } catch (e) {
    if (!(e instanceof MigrationError)) throw e;
    io.stderr(`✖ ${plain(args.input)}${colon}${plain(e.message)}\n`);
    return EXIT.unusable;
  }
  const text = `${JSON.stringify(result.report, null, 2)}\n`;
  if (args.output) {
    await writeOutput(args.output, text, locale, [args.input]);
  } else io.stdout(text);
  io.stderr(`${words.losses[locale].replace("{n}", String(result.losses.length))}\n`);
  for (const l of result.losses) io.stderr(`  ${plain(l.labelPath)} = ${plain(String(l.value ?? words.blank[locale]))}\n    ${l.reason}\n`);
  if (args.output) io.stderr(`${words.wrote[locale].replace("{path}", args.output)}\n`);
  return EXIT.ok;
}

export const migrateHelp: Localised = {
  "zh-CN": `用法：zfxxgk migrate <文件|-> --to 2021 [-o 输出文件] [--locale zh-CN|en]

把 2019 格式（国办公开办函〔2019〕60号，2019、2020 年度报告）的报告转换为 2021 格式。
表三、表四逐格对应；2019 格式（六）其他处理只有一行，计入 2021 格式的（六）3.其他。
表二只有行政许可、行政处罚、行政强制的“处理决定数量”有对应项。其余数值不会丢弃：
全部列在标准错误输出中，并记入报告的 migratedFrom.losses；2021 格式中没有来源的单元格留空。

选项：
  --to 2021            目标格式（目前只支持 2021）
  -o, --output <文件>  写入的文件（默认标准输出）
  --locale zh-CN|en    信息语言

退出码：0 已写出；2 文件无法读取、不是 2019 格式的报告或用法错误。

示例：
  zfxxgk migrate reports/2020.json --to 2021 -o out/2020.v2021.json
`,
  en: `Usage: zfxxgk migrate <file|-> --to 2021 [-o out.json] [--locale zh-CN|en]

Converts a report of the 2019 trial format (国办公开办函〔2019〕60号, reports on 2019 and 2020) to
the 2021 format. Tables 三 and 四 map cell for cell; 2019's single （六）其他处理 row becomes
2021's （六）3.其他. Of table 二 only the 处理决定数量 of 行政许可, 行政处罚 and 行政强制 have a
counterpart. No other value is dropped: each is listed on standard error and kept in the report's
migratedFrom.losses; 2021 cells with no source stay blank.

Options:
  --to 2021            target edition (2021 only, for now)
  -o, --output <file>  where to write (default: standard output)
  --locale zh-CN|en    language of the messages

Exit codes: 0 written; 2 unreadable input, not a 2019-edition report, or bad usage.

Example:
  zfxxgk migrate reports/2020.json --to 2021 -o out/2020.v2021.json
`,
};
