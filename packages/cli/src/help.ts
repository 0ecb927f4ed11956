// --help text of each command, in both languages.
import type { Localised } from "@zfxxgk/i18n";

export const help: Record<string, Localised> = {
  main: {
    "zh-CN": `zfxxgk — 政府信息公开工作年度报告工具

用法：zfxxgk <命令> [选项]

命令：
  validate   检查报告是否符合格式及勾稽关系（JSON Schema 与一致性规则）
  fill       计算空白的合计单元格（总计列、（七）总计、表四总计）
  render     输出为按国家格式排版的 HTML（可发布的网页或片段）、XML、Word 文档或 PDF
  import     读取已发布的年报（PDF、Word、HTML 网页、文本、Markdown），生成报告 JSON，并说明未能读取的内容
  aggregate  把多个机关的报告逐格相加为一份汇总报告
  diff       逐格比较两份报告（如上一年度与本年度）
  flatten    把多份报告展开为 CSV 或 SQLite，便于统计分析
  migrate    把 2019 格式的报告转换为 2021 格式，列出无法对应的数值
  serve      以 HTTP 服务提供以上功能（供门户等系统调用，OpenAPI 3.1）

每个命令都有 --help，例如 zfxxgk validate --help。
通用选项：--locale zh-CN|en（也可设环境变量 ZFXXGK_LOCALE），--help，--version
`,
    en: `zfxxgk — tools for 政府信息公开工作年度报告 (government information disclosure annual reports)

Usage: zfxxgk <command> [options]

Commands:
  validate   check a report against its format edition: schema and consistency rules (勾稽关系)
  fill       compute blank total cells (the 总计 column, （七）总计, table 四 totals)
  render     write a report in the official layout as HTML (page or fragment), XML, Word or PDF
  import     read a published report (PDF, Word, HTML page, text, Markdown) into report JSON, saying what it could not read
  aggregate  sum several agencies' reports cell by cell into one aggregate report
  diff       compare two reports cell by cell (e.g. last year's and this year's)
  flatten    flatten many reports to CSV or SQLite for analysis
  migrate    convert a 2019-format report to the 2021 format, listing what cannot map
  serve      offer all of the above over HTTP, for portals and other systems (OpenAPI 3.1)

Every command has --help, e.g. zfxxgk validate --help.
Common options: --locale zh-CN|en (or ZFXXGK_LOCALE), --help, --version
`,
  },
  validate: {
    "zh-CN": `用法：zfxxgk validate <文件|目录|->... [选项]

检查一份或多份报告（JSON）。目录会递归检查其中所有 .json 文件；- 表示从标准输入读取。
每个问题都标明单元格：JSON 指针与中文标签路径（如 表三 › 一、本年新收政府信息公开申请数量 › 自然人）。

选项：
  --json             机器可读输出：每个文件一行 JSON（JSON Lines），最后一行为汇总
  --locale zh-CN|en  信息语言（默认 zh-CN）
  --previous <文件>  上一年度的报告，用于跨年度检查（如 R8）
  --verbose          同时显示提示（info）及规则读取的全部单元格
  --help             显示本说明

退出码：0 全部有效；1 有报告存在错误；2 文件无法读取或用法错误。

示例：
  zfxxgk validate examples/tacheng-2024/report.json
  zfxxgk validate reports/ --json > results.jsonl
`,
    en: `Usage: zfxxgk validate <file|dir|->... [options]

Checks one or more reports (JSON). A directory is searched recursively for .json files; - reads
standard input. Every issue names its cell: the JSON pointer and the Chinese label path
(e.g. 表三 › 一、本年新收政府信息公开申请数量 › 自然人).

Options:
  --json             machine-readable: one JSON line per file (JSON Lines), then a summary line
  --locale zh-CN|en  language of the messages (default zh-CN)
  --previous <file>  last year's report of the same agency, for the cross-year rules (e.g. R8)
  --verbose          also show notes (info) and every cell a failing rule read
  --help             show this text

Exit codes: 0 all valid; 1 some report has errors; 2 unreadable input or bad usage.

Examples:
  zfxxgk validate examples/tacheng-2024/report.json --locale en
  zfxxgk validate reports/ --json > results.jsonl
`,
  },
  fill: {
    "zh-CN": `用法：zfxxgk fill <文件|-> [-o 输出文件] [选项]

计算报告中空白（null）的合计单元格：表三每行的总计、（七）总计，以及表四的总计，
前提是其各组成部分均已填报。已有数值的单元格绝不改动。未给出 -o 时输出到标准输出。

选项：
  -o, --output <文件>  写入的文件
  --locale zh-CN|en    信息语言（默认 zh-CN）
  --help               显示本说明

退出码：0 已写出；2 文件无法读取、不是可识别的报告或用法错误。

示例：
  zfxxgk fill examples/tacheng-2024/report.json -o out/tacheng-2024.filled.json
`,
    en: `Usage: zfxxgk fill <file|-> [-o out] [options]

Computes the blank (null) total cells of a report — each row's 总计 in table 三, （七）总计, and
the totals of table 四 — where all of their parts are known. A cell that holds a value is never
changed. Without -o the report goes to standard output.

Options:
  -o, --output <file>  where to write the filled report
  --locale zh-CN|en    language of the messages (default zh-CN)
  --help               show this text

Exit codes: 0 written; 2 unreadable input, not a report of a known edition, or bad usage.

Example:
  zfxxgk fill examples/tacheng-2024/report.json -o out/tacheng-2024.filled.json
`,
  },
};
