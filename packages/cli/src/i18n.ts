// The CLI's own words in zh-CN and en (the validator's messages come from @zfxxgk/validator).
import { format, isLocale, locales, type Catalogue, type Locale } from "@zfxxgk/i18n";

export type { Locale };

const strings: Catalogue = {
  notFound: { "zh-CN": "文件不存在", en: "no such file" },
  notAFile: { "zh-CN": "这是一个目录，不是文件", en: "is a directory, not a file" },
  io: { "zh-CN": "无法读取文件（{detail}）", en: "cannot be read ({detail})" },
  tooLarge: {
    "zh-CN": "文件超过 {limit} MiB，不是一份年度报告；未继续读取",
    en: "larger than {limit} MiB, which no annual report is; reading stopped there",
  },
  duplicateKey: {
    "zh-CN": "字段“{key}”在同一对象中出现了两次（第 {line} 行第 {column} 列）；无法确定应取哪一个值",
    en: 'the key "{key}" appears twice in one object (line {line}, column {column}); which value is meant cannot be told',
  },
  dirUnreadable: { "zh-CN": "目录无法读取（{detail}）", en: "the directory cannot be read ({detail})" },
  symlinkLoop: {
    "zh-CN": "符号链接指向其上级目录，已跳过以免无限循环",
    en: "a symbolic link back to a folder above it; skipped, to avoid a loop",
  },
  outputIsDir: { "zh-CN": "这是一个目录", en: "it is a directory" },
  outputIsInput: {
    "zh-CN": "输出文件 {path} 就是输入文件之一；未写入，以免覆盖输入。请换一个输出路径",
    en: "the output {path} is one of the inputs; nothing was written, so as not to overwrite an input. Choose another output",
  },
  stdoutFailed: { "zh-CN": "无法写入标准输出（{detail}）", en: "cannot write to standard output ({detail})" },
  empty: { "zh-CN": "文件为空", en: "the file is empty" },
  notUtf8: {
    "zh-CN": "不是 UTF-8 编码（第 {line} 行第 {column} 列，字节 {offset}）；可能是 GBK/GB18030，请用 UTF-8 另存后再试",
    en: "is not UTF-8 (line {line}, column {column}, byte {offset}); perhaps GBK/GB18030: save it as UTF-8 and try again",
  },
  jsonSyntax: { "zh-CN": "JSON 格式错误（第 {line} 行第 {column} 列）：{what}", en: "invalid JSON (line {line}, column {column}): {what}" },
  truncated: {
    "zh-CN": "JSON 不完整，文件在第 {line} 行第 {column} 列意外结束（文件可能被截断）：{what}",
    en: "incomplete JSON: the file ends unexpectedly at line {line}, column {column} (truncated?): {what}",
  },
  tooDeep: {
    "zh-CN": "JSON 嵌套超过 {limit} 层，不是一份年度报告",
    en: "the JSON is nested more than {limit} levels deep; this is not an annual report",
  },
  "json.cutCharacter": { "zh-CN": "最后一个字符不完整", en: "the last character is incomplete" },
  "json.InvalidSymbol": { "zh-CN": "无效字符", en: "invalid character" },
  "json.InvalidNumberFormat": { "zh-CN": "数字写法无效", en: "invalid number" },
  "json.PropertyNameExpected": { "zh-CN": "此处应为带双引号的字段名", en: "a double-quoted property name is expected here" },
  "json.ValueExpected": { "zh-CN": "此处应为一个值", en: "a value is expected here" },
  "json.ColonExpected": { "zh-CN": "此处应为冒号 :", en: "a colon : is expected here" },
  "json.CommaExpected": { "zh-CN": "此处应为逗号 ,", en: "a comma , is expected here" },
  "json.CloseBraceExpected": { "zh-CN": "缺少右花括号 }", en: "a closing brace } is missing" },
  "json.CloseBracketExpected": { "zh-CN": "缺少右方括号 ]", en: "a closing bracket ] is missing" },
  "json.EndOfFileExpected": { "zh-CN": "JSON 已结束，后面还有多余内容", en: "extra content after the end of the JSON" },
  "json.InvalidCommentToken": { "zh-CN": "JSON 中不能有注释", en: "comments are not allowed in JSON" },
  "json.UnexpectedEndOfComment": { "zh-CN": "注释未结束", en: "unterminated comment" },
  "json.UnexpectedEndOfString": { "zh-CN": "字符串缺少结尾的双引号", en: "a string is missing its closing quote" },
  "json.UnexpectedEndOfNumber": { "zh-CN": "数字不完整", en: "incomplete number" },
  "json.InvalidUnicode": { "zh-CN": "无效的 \\u 转义", en: "invalid \\u escape" },
  "json.InvalidEscapeCharacter": { "zh-CN": "无效的转义字符", en: "invalid escape character" },
  "json.InvalidCharacter": { "zh-CN": "字符串中有未转义的控制字符", en: "unescaped control character in a string" },
  valid: { "zh-CN": "有效", en: "valid" },
  invalid: { "zh-CN": "无效", en: "invalid" },
  unreadable: { "zh-CN": "无法读取", en: "unreadable" },
  counts: { "zh-CN": "{error} 个错误，{warning} 个警告，{info} 条提示", en: "{error} errors, {warning} warnings, {info} notes" },
  edition: { "zh-CN": "格式 {edition}", en: "edition {edition}" },
  noEdition: { "zh-CN": "格式版本未知", en: "unknown edition" },
  infoHidden: { "zh-CN": "另有 {n} 条提示未显示（加 --verbose 显示）", en: "{n} more notes not shown (add --verbose)" },
  cellsRead: { "zh-CN": "读取的单元格：", en: "cells read:" },
  blank: { "zh-CN": "空", en: "blank" },
  summary: {
    "zh-CN": "共 {files} 个文件：{valid} 个有效，{invalid} 个无效，{unreadable} 个无法读取",
    en: "{files} files: {valid} valid, {invalid} invalid, {unreadable} unreadable",
  },
  noInput: { "zh-CN": "没有给出要处理的文件", en: "no input file given" },
  noJsonInDir: { "zh-CN": "目录中没有 .json 文件", en: "no .json files in the directory" },
  unknownCommand: { "zh-CN": "未知命令“{name}”", en: 'unknown command "{name}"' },
  badOption: { "zh-CN": "参数错误：{detail}", en: "bad arguments: {detail}" },
  badLocale: { "zh-CN": "--locale 只能是以下之一：{choices}", en: "--locale must be one of: {choices}" },
  seeHelp: { "zh-CN": "运行 zfxxgk {command} --help 查看用法", en: "run zfxxgk {command} --help for usage" },
  needAgency: { "zh-CN": "需要 --agency <汇总报告的机关名称>", en: "--agency <the aggregate report's agency> is required" },
  badKind: { "zh-CN": "--kind 只能是以下之一：{choices}", en: "--kind must be one of: {choices}" },
  badLevel: { "zh-CN": "--level 只能是以下之一：{choices}", en: "--level must be one of: {choices}" },
  badYear: { "zh-CN": "--year 应为四位年份", en: "--year must be a four-digit year" },
  diffTwo: { "zh-CN": "diff 需要两份报告：前一份和后一份", en: "diff takes two reports: the earlier and the later" },
  badFlatFormat: { "zh-CN": "--format 只能是 csv 或 sqlite", en: "--format must be csv or sqlite" },
  needOutput: { "zh-CN": "sqlite 格式需要 -o <输出文件>", en: "--format sqlite needs -o <file>" },
  importOne: { "zh-CN": "import 一次处理一个文件或一个目录", en: "import takes one file or one directory" },
  badTimeout: { "zh-CN": "--timeout 须为 1 到 86400 之间的秒数", en: "--timeout must be a number of seconds from 1 to 86400" },
  renderOne: { "zh-CN": "render 一次只处理一个文件", en: "render takes one file at a time" },
  migrateOne: { "zh-CN": "migrate 一次只处理一个文件", en: "migrate takes one file at a time" },
  needTo: { "zh-CN": "需要 --to 2021（目前只能迁移到 2021 格式）", en: "--to 2021 is required (the only target for now)" },
  serveNoInput: { "zh-CN": "serve 不读取文件参数", en: "serve takes no file arguments" },
  badPort: { "zh-CN": "--port 须为 0 到 65535 之间的整数", en: "--port must be a whole number from 0 to 65535" },
  badNumber: {
    "zh-CN": "--import-workers、--import-timeout、--body-limit、--upload-limit、--max-in-flight 须为正数",
    en: "--import-workers, --import-timeout, --body-limit, --upload-limit and --max-in-flight must be positive numbers",
  },
  badLogLevel: { "zh-CN": "--log-level 只能是 info、warn、error 或 silent", en: "--log-level must be info, warn, error or silent" },
  fillOne: { "zh-CN": "fill 一次只处理一个文件", en: "fill takes one file at a time" },
  filled: { "zh-CN": "已计算 {n} 个合计单元格：", en: "computed {n} total cells:" },
  filledNone: { "zh-CN": "没有需要计算的合计单元格", en: "no total cell needed computing" },
  notReport: {
    "zh-CN": "不是可识别的年度报告（{detail}），未做任何填充",
    en: "not a report of a known edition ({detail}); nothing was filled",
  },
  wrote: { "zh-CN": "已写入 {path}", en: "wrote {path}" },
  afterFill: { "zh-CN": "填充后的报告：{status}（{counts}）", en: "the filled report: {status} ({counts})" },
  writeFailed: { "zh-CN": "无法写入 {path}（{detail}）", en: "cannot write {path} ({detail})" },
  internal: {
    "zh-CN": "内部错误：{detail}。这是 zfxxgk 的缺陷，请附上输入文件报告问题。",
    en: "internal error: {detail}. This is a bug in zfxxgk; please report it with the input file.",
  },
};

/** The message under key in locale, filled in; an unknown key is shown as itself rather than lost. */
export function say(key: string, locale: Locale, vars: Readonly<Record<string, string | number>> = {}): string {
  return Object.hasOwn(strings, key) ? format(strings[key]![locale], vars) : key;
}

/** The locales --locale takes, for its messages. */
export const localeChoices = locales.join(", ");

/** --locale, else ZFXXGK_LOCALE, else zh-CN (the reports' language). */
export function pickLocale(flag: string | undefined, env: NodeJS.ProcessEnv): Locale | null {
  // an empty ZFXXGK_LOCALE= is unset, as shells mean it
  const v = flag ?? (env.ZFXXGK_LOCALE || undefined) ?? "zh-CN";
  // "zh" is what people type for the one Chinese locale there is
  if (v === "zh") return "zh-CN";
  return isLocale(v) ? v : null;
}
