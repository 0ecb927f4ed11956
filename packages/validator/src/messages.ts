// User-facing text of the validator in zh-CN and en. Rule messages are data (rules/<edition>.json);
// this catalogue covers what is not a rule: schema errors, skipped rules, unreadable values.

import { format, locales, type Catalogue, type Locale } from "@zfxxgk/i18n";

export { format, locales, type Locale };

export const text = {
  // schema keywords
  type: { "zh-CN": "应为{expected}，实际为 {actual}", en: "must be {expected}, not {actual}" },
  negative: { "zh-CN": "不能为负数（实际为 {actual}）", en: "must not be negative (it is {actual})" },
  minimum: { "zh-CN": "应不小于 {limit}（实际为 {actual}）", en: "must be at least {limit} (it is {actual})" },
  tooLarge: {
    "zh-CN": "数值过大（{actual}），超过能精确表示的最大整数 9007199254740991",
    en: "is too large ({actual}): above 9007199254740991, the largest integer that can be represented exactly",
  },
  yearBeforeEdition: {
    "zh-CN":
      "{year} 年度的报告不适用 {edition} 格式：2021 格式适用于 2021 年及以后的报告，" +
      '2019、2020 年度报告请使用 2019 格式（"edition": "2019"）',
    en:
      "a report on {year} does not fit the {edition} format: the 2021 format is for reports on 2021 and later; " +
      'use edition "2019" for 2019 and 2020',
  },
  yearAfterEdition: {
    "zh-CN": '{year} 年度的报告不适用 2019 格式（试行）：它只适用于 2019、2020 年度报告，之后请使用 2021 格式（"edition": "2021"）',
    en: 'a report on {year} does not fit the 2019 trial format, which covers 2019 and 2020 only; use edition "2021"',
  },
  maximum: { "zh-CN": "应不大于 {limit}（实际为 {actual}）", en: "must be at most {limit} (it is {actual})" },
  required: { "zh-CN": "缺少必填项“{label}”（{key}）", en: "is missing: {label} ({key}) is required" },
  unknownKey: {
    "zh-CN": "未知字段“{key}”：格式中没有这一项，请检查拼写（数据未被采用）",
    en: 'unknown field "{key}": the format has no such item; check the spelling (the value is not used)',
  },
  edition: {
    "zh-CN": "格式版本应为 {allowed} 之一（实际为 {actual}）",
    en: "edition must be one of {allowed} (it is {actual})",
  },
  editionMissing: {
    "zh-CN": '报告没有声明格式版本（edition），例如 "edition": "2021"',
    en: 'the report does not declare its format edition, e.g. "edition": "2021"',
  },
  enum: { "zh-CN": "应为以下之一：{allowed}（实际为 {actual}）", en: "must be one of {allowed} (it is {actual})" },
  controlChar: {
    "zh-CN": "含有不可见的控制字符或无效字符 {char}（第 {position} 个字符）",
    en: "contains an invisible control or invalid character {char} (character {position})",
  },
  markup: {
    "zh-CN": "含有 HTML 标记 {snippet}；正文只能是纯文本",
    en: "contains HTML markup {snippet}; text must be plain text",
  },
  lessThanLetter: {
    "zh-CN": "含有 {snippet}：“<”后紧跟字母、/、! 或 ?，HTML 会把它当作标记的开头；比较大小请写作“a < b”（加空格）或用全角“＜”",
    en:
      'contains {snippet}: a "<" directly followed by a letter, /, ! or ? starts a tag to an HTML reader; ' +
      'for a comparison write "a < b" (with a space) or the full-width "＜"',
  },
  notEmpty: { "zh-CN": "不能为空", en: "must not be empty" },
  regionCode: { "zh-CN": "应为 6 位数字的行政区划代码（实际为 {actual}）", en: "must be a 6-digit region code (it is {actual})" },
  postcode: { "zh-CN": "应为 6 位数字的邮政编码（实际为 {actual}）", en: "must be a 6-digit postcode (it is {actual})" },
  creditCodeShape: {
    "zh-CN": "应为 18 位统一社会信用代码：数字或大写字母，不含 I、O、Z、S、V（实际为 {actual}）",
    en: "must be an 18-character 统一社会信用代码: digits and capital letters except I, O, Z, S, V (it is {actual})",
  },
  pointerKey: { "zh-CN": "键“{key}”不是单元格的 JSON 指针", en: 'key "{key}" is not a JSON pointer to a cell' },
  date: { "zh-CN": "应为日期，格式为 YYYY-MM-DD（实际为 {actual}）", en: "must be a date written YYYY-MM-DD (it is {actual})" },
  email: { "zh-CN": "应为电子邮件地址（实际为 {actual}）", en: "must be an email address (it is {actual})" },
  schemaOther: { "zh-CN": "不符合格式要求：{detail}", en: "does not match the format: {detail}" },
  // cross-year preconditions
  previousYear: {
    "zh-CN": "作为上年报告给出的是 {actual} 年度的报告，不是 {expected} 年度的：跨年度规则未检查",
    en: "the report given as last year's covers {actual}, not {expected}: the cross-year rules were not checked",
  },
  previousAgency: {
    "zh-CN": "上年报告的机关是“{actual}”，本报告是“{expected}”：跨年度规则未检查",
    en: 'last year\'s report is by "{actual}", this one by "{expected}": the cross-year rules were not checked',
  },
  previousEdition: {
    "zh-CN": "上年报告不是可识别的 {expected} 格式报告：跨年度规则未检查",
    en: "last year's report is not a report of edition {expected}: the cross-year rules were not checked",
  },
  deprecated: {
    "zh-CN": "此字段已弃用，将在下一个主版本中删除；请参阅变更说明（changeset）改用新字段",
    en: "this field is deprecated and will be removed in the next major version; see the changelog for its replacement",
  },
  // rules
  skippedBlank: {
    "zh-CN": "规则 {id} 未检查：{cells} 未填报（空白不按 0 计算）",
    en: "rule {id} not checked: {cells} blank (a blank is never counted as 0)",
  },
  skippedInvalid: {
    "zh-CN": "规则 {id} 未检查：{cells} 不是有效数值（见上方格式错误）",
    en: "rule {id} not checked: {cells} not a valid number (see the schema errors)",
  },
} satisfies Catalogue;

export const typeNames: Catalogue = {
  integer: { "zh-CN": "整数", en: "a whole number" },
  number: { "zh-CN": "数字", en: "a number" },
  string: { "zh-CN": "文本", en: "text" },
  object: { "zh-CN": "对象", en: "an object" },
  array: { "zh-CN": "数组", en: "an array" },
  boolean: { "zh-CN": "true 或 false", en: "true or false" },
  null: { "zh-CN": "空（null，表示未填报）", en: "null (blank)" },
};

/** Names of the fields that are not table cells (the format prints no label for them). */
export const fieldNames: Catalogue = {
  "": { "zh-CN": "报告", en: "report" },
  "/$schema": { "zh-CN": "$schema", en: "$schema" },
  "/edition": { "zh-CN": "格式版本", en: "edition" },
  "/scope": { "zh-CN": "报告范围", en: "scope" },
  "/year": { "zh-CN": "报告年度", en: "year" },
  "/title": { "zh-CN": "标题", en: "title" },
  "/agency": { "zh-CN": "机关", en: "agency" },
  "/agency/name": { "zh-CN": "机关 › 名称", en: "agency › name" },
  "/agency/kind": { "zh-CN": "机关 › 类型", en: "agency › kind" },
  "/agency/level": { "zh-CN": "机关 › 层级", en: "agency › level" },
  "/agency/regionCode": { "zh-CN": "机关 › 行政区划代码", en: "agency › region code" },
  "/agency/creditCode": { "zh-CN": "机关 › 统一社会信用代码", en: "agency › 统一社会信用代码" },
  "/publishedOn": { "zh-CN": "公布日期", en: "publication date" },
  "/contact": { "zh-CN": "联系方式", en: "contact" },
  "/contact/organisation": { "zh-CN": "联系方式 › 单位", en: "contact › office" },
  "/contact/address": { "zh-CN": "联系方式 › 地址", en: "contact › address" },
  "/contact/postcode": { "zh-CN": "联系方式 › 邮编", en: "contact › postcode" },
  "/contact/phone": { "zh-CN": "联系方式 › 电话", en: "contact › phone" },
  "/contact/fax": { "zh-CN": "联系方式 › 传真", en: "contact › fax" },
  "/contact/email": { "zh-CN": "联系方式 › 电子邮箱", en: "contact › email" },
  "/preamble": { "zh-CN": "导语", en: "preamble" },
  "/signature": { "zh-CN": "落款", en: "signature" },
  "/signature/agency": { "zh-CN": "落款 › 机关", en: "signature › agency" },
  "/signature/date": { "zh-CN": "落款 › 日期", en: "signature › date" },
  "/sourceTokens": { "zh-CN": "原始记号", en: "source tokens" },
};

export const partNames = {
  paragraphs: { "zh-CN": "段落", en: "paragraphs" },
  paragraph: { "zh-CN": "第 {n} 段", en: "paragraph {n}" },
  subsections: { "zh-CN": "小节", en: "subsections" },
  subsection: { "zh-CN": "第 {n} 小节", en: "subsection {n}" },
  heading: { "zh-CN": "小标题", en: "heading" },
  runIn: { "zh-CN": "小标题接排", en: "run-in heading" },
  notes: { "zh-CN": "表注", en: "notes" },
} satisfies Catalogue;
