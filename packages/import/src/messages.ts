// The importer's diagnostic messages in zh-CN and en; labels stay Chinese as the format prints them.
import { say as sayIn, type Catalogue, type Locale } from "@zfxxgk/i18n";
import type { TableName } from "./types.js";

const text = {
  blank: { "zh-CN": "原文此格为“{raw}”（空白），记为 null", en: 'blank in the source ("{raw}"): null' },
  blankEmpty: { "zh-CN": "原文此格空白，记为 null", en: "blank in the source: null" },
  placedByRules: {
    "zh-CN": "此行印出 {k} 个数字、应有 {n} 格：按勾稽关系，空白的是{cols}",
    en: "the row prints {k} figures for {n} cells; the consistency rules put the blank in {cols}",
  },
  placedLikeSiblings: {
    "zh-CN":
      "此行印出 {k} 个数字、应有 {n} 格，勾稽关系不能确定空白在哪一格；本表中由勾稽关系确定的行（{rows}）都空在{cols}，此行按同一列读取",
    en:
      "the row prints {k} figures for {n} cells and the rules alone do not place the blank; " +
      "the rows of this table the rules do place ({rows}) are all blank in {cols}, so this row is read the same way",
  },
  split: {
    "zh-CN": "数字连写为“{raw}”，按勾稽关系只有一种拆分",
    en: 'figures run together as "{raw}"; the consistency rules allow one split only',
  },
  splitSame: {
    "zh-CN": "数字连写为“{raw}”，满足勾稽关系的 {count} 种拆分在此格一致",
    en: 'figures run together as "{raw}"; all {count} splits the rules allow agree on this cell',
  },
  ambiguousSplit: {
    "zh-CN": "数字连写为“{raw}”，有 {count} 种拆分，勾稽关系无法在其中确定，记为 null",
    en: 'figures run together as "{raw}"; {count} splits remain that the consistency rules cannot choose between: null',
  },
  ambiguousPlacement: {
    "zh-CN": "此行印出 {k} 个数字、应有 {n} 格，空白格的位置有 {count} 种可能，勾稽关系无法在其中确定，记为 null",
    en:
      "the row prints {k} figures for {n} cells; " +
      "{count} placements of the blank remain that the consistency rules cannot choose between: null",
  },
  tooManySplits: {
    "zh-CN": "数字连写为“{raw}”，可能的拆分过多（超过 {limit} 种），未能确定，记为 null",
    en: 'figures run together as "{raw}"; too many possible splits (over {limit}) to decide: null',
  },
  unsplittable: {
    "zh-CN": "数字“{raw}”不能拆成此行的 {n} 格（没有一种拆分满足勾稽关系），记为 null",
    en: 'the figures "{raw}" cannot be read as this row\'s {n} cells (no split satisfies the rules): null',
  },
  otherUnit: {
    "zh-CN": "原文此格为“{raw}”，单位与“{column}”不符，未按原值读取，记为 null",
    en: 'the cell reads "{raw}", in another unit than "{column}"; not read: null',
  },
  noUnit: {
    "zh-CN": "原文此格为“{raw}”，未注明单位（“{column}”的表头也没有单位），无法换算为万元，记为 null",
    en: 'the cell reads "{raw}" with no unit, and "{column}" has none in its header: it cannot be put in 万元: null',
  },
  tooFewFigures: {
    "zh-CN": "此行只有 {k} 个数字、应有 {n} 格，缺得太多，无法确定各数字在哪一列（文本中的表格可能已打乱），记为 null",
    en:
      "the row has {k} figures for {n} cells, " +
      "too few to tell which figure is in which column (the text may have scrambled the table): null",
  },
  tooManyFigures: {
    "zh-CN": "此行有 {k} 个数字，但格式只有 {n} 格：无法对应，记为 null",
    en: "the row has {k} figures but the format has {n} cells: null",
  },
  scanned: {
    "zh-CN": "扫描件，无文字层：PDF 的页面是图像，没有可读取的文字，未能导入（需先做文字识别 OCR）",
    en: "scanned: no text layer — the PDF's pages are images with no text to read; nothing imported (run OCR first)",
  },
  missingRow: { "zh-CN": "原文中未找到此行（{label}），记为 null", en: "this row ({label}) is not in the source: null" },
  missingTable: { "zh-CN": "原文中未找到{table}，其单元格记为 null", en: "{table} is not in the source; its cells are null" },
  labelVariant: {
    "zh-CN": "原文标签“{variant}”按格式标签“{label}”识别",
    en: 'the source\'s label "{variant}" was read as the format\'s "{label}"',
  },
  byPosition: {
    "zh-CN": "未能识别此行的标签，按行的位置对应为“{label}”",
    en: 'the row\'s label was not recognised; it was matched to "{label}" by its position',
  },
  groupRow: {
    "zh-CN": "原文将“{label}”印作一行（{raw}，2019 年试行格式的版式），本格式将其分为各子项：子项无法从合计拆出，记为 null",
    en:
      'the source prints "{label}" as one row ({raw}, as the 2019 trial format did); ' +
      "this edition splits it into sub-rows, which cannot be told from the sum: null",
  },
  groupRowInconsistent: {
    "zh-CN": "按 {rule}，此行在“{column}”列应为 {left}（合计减去其他各行），原文印为 {printed}：原表数据本身不平衡",
    en:
      'by {rule}, this row\'s "{column}" should be {left} (the total less the other rows), ' +
      "but the source prints {printed}: the published figures do not add up",
  },
  extraRow: {
    "zh-CN": "{table}中多出一行数字（{raw}），未对应到格式中的任何一行，已忽略",
    en: "an extra row of figures in {table} ({raw}) matches no row of the format; ignored",
  },
  sourceInconsistent: {
    "zh-CN": "按原文数字，{rule} 在此不成立（原表数据本身不平衡），拆分时未使用这条规则",
    en: "the published figures break {rule} here whatever the reading; that rule was not used to split them",
  },
  edition2019: {
    "zh-CN": "这是 2019 年试行格式（国办公开办函〔2019〕60号）的报告：表二为旧版，表三（六）其他处理只有一行；按 2019 版导入",
    en:
      "this report follows the 2019 trial format (国办公开办函〔2019〕60号): " +
      "the old table 二, and （六）其他处理 as one row in table 三; imported as a 2019-edition report",
  },
  editionGuess: {
    "zh-CN": "表格未能说明格式版本，按年度 {year} 认定为 {edition} 版",
    en: "the tables do not show the format edition; taken as {edition} from the year {year}",
  },
  editionAssumed: {
    "zh-CN": "未能判断格式版本（表格和年度都未说明），按 {edition} 版读取",
    en: "the format edition could not be told (neither the tables nor the year say); read as the {edition} edition",
  },
  notAReport: {
    "zh-CN": "未找到年度报告的任何表格或章节标题，这不像一份政府信息公开工作年度报告",
    en: "no table or section heading of an annual report was found; this does not look like a 政府信息公开工作年度报告",
  },
  unreadable: { "zh-CN": "无法读取输入：{detail}", en: "the input cannot be read: {detail}" },
  badModel: {
    "zh-CN": "传入的格式版本模型（model）不可用，未读取：{detail}",
    en: "the edition model handed over (model) cannot be used; nothing read: {detail}",
  },
  tableTooLarge: {
    "zh-CN": "第 {line} 行起的表格过大（{detail}），不是年报的表格，未读取",
    en: "the table from line {line} is too large ({detail}) to be a report's table; not read",
  },
  tooLarge: {
    "zh-CN": "输入过大（{size} 字节，上限 {limit} 字节），未读取",
    en: "the input is too large ({size} bytes, limit {limit}); not read",
  },
  timeout: { "zh-CN": "读取超时（{detail}），未完成", en: "reading timed out ({detail})" },
  encrypted: {
    "zh-CN": "PDF 已加密（受密码保护），无法读取；请用未加密的版本",
    en: "the PDF is encrypted (password-protected) and cannot be read; use an unencrypted copy",
  },
  empty: { "zh-CN": "输入为空", en: "the input is empty" },
  notUtf8: {
    "zh-CN": "输入不是 UTF-8 编码，已按 {encoding} 解码",
    en: "the input is not UTF-8; decoded as {encoding}",
  },
  binary: { "zh-CN": "输入是二进制数据，不是 PDF、HTML 或文本", en: "the input is binary data, not PDF, HTML or text" },
  textSanitised: {
    "zh-CN": "文本中有 HTML 标记样的“<”（或控制字符），已替换，以符合格式对文本的要求",
    en: 'the text held markup-like "<" (or control characters), replaced so that it fits the schema\'s text rule',
  },
  sectionMissing: { "zh-CN": "原文中未找到章节“{heading}”", en: 'the section "{heading}" is not in the source' },
  headingVariant: { "zh-CN": "章节标题“{variant}”按“{heading}”识别", en: 'the heading "{variant}" was read as "{heading}"' },
  fieldMissing: { "zh-CN": "原文中未找到{what}", en: "{what} is not in the source" },
  fieldYear: { "zh-CN": "报告年度", en: "the report's year" },
  fieldTitle: { "zh-CN": "标题", en: "the title" },
  fieldAgency: { "zh-CN": "机关名称", en: "the agency's name" },
  agencyKind: { "zh-CN": "类别", en: "kind" },
  agencyLevel: { "zh-CN": "层级", en: "level" },
  columnNamed: { "zh-CN": "{names}列", en: "the {names} column" },
  columnsNamed: { "zh-CN": "{names}列", en: "the {names} columns" },
  listSeparator: { "zh-CN": "、", en: ", " },
  tableRows: { "zh-CN": "超过 {n} 行", en: "over {n} rows" },
  tableCells: { "zh-CN": "一行 {n} 格", en: "{n} cells in a row" },
  agencyInferred: {
    "zh-CN": "机关的{what}（{value}）由名称和正文推断，请核对",
    en: "the agency's {what} ({value}) is inferred from its name and the text; check it",
  },
  signatureInferred: {
    "zh-CN": "落款只有日期，落款机关取自标题（{value}）",
    en: "the closing block has a date only; its agency is taken from the title ({value})",
  },
  columnVariant: {
    "zh-CN": "表头“{variant}”按“{label}”识别（此列即“{label}”）",
    en: 'the column header "{variant}" was read as "{label}"',
  },
} as const satisfies Catalogue;

export type MessageKey = keyof typeof text;

export function say(key: MessageKey, locale: Locale, vars: Record<string, string | number> = {}): string {
  return sayIn(text, key, locale, vars);
}

const tableNames = {
  proactiveDisclosure: { "zh-CN": "表二（主动公开政府信息情况）", en: "table 二 (主动公开政府信息情况)" },
  applications: { "zh-CN": "表三（收到和处理政府信息公开申请情况）", en: "table 三 (收到和处理政府信息公开申请情况)" },
  reviewAndLitigation: { "zh-CN": "表四（行政复议、行政诉讼情况）", en: "table 四 (行政复议、行政诉讼情况)" },
} as const satisfies Catalogue;

/** A table's name in messages. */
export function tableName(table: TableName, locale: Locale): string {
  return tableNames[table][locale];
}
