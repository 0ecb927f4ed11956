// The package's words in zh-CN and en: why a report cannot be written as XML, or why a
// document cannot be read back as a report.
import { format, localeOf, locales, type Locale } from "@zfxxgk/i18n";

export { localeOf, locales, type Locale };

const messages = {
  // renderXml
  edition: {
    "zh-CN": "不支持的格式版本 {edition}：XML 导出支持的版本为 {editions}",
    en: "unsupported format edition {edition}: XML export supports {editions}",
  },
  forbiddenCharacter: {
    "zh-CN": "{pointer} 含有 XML 1.0 无法承载的字符 {char}；年报文本不应含有这类字符，请先校验报告",
    en: "{pointer} holds {char}, a character XML 1.0 cannot carry; report text never holds one: validate the report first",
  },
  wrongType: {
    "zh-CN": "{pointer} 应为{expected}，实为{actual}，写成 XML 后无法原样读回",
    en: "{pointer} should be {expected}, not {actual}; as XML it would not read back the same",
  },
  notFinite: {
    "zh-CN": "{pointer} 不是有限数值（{value}）",
    en: "{pointer} is not a finite number ({value})",
  },
  missing: {
    "zh-CN": "缺少必填项 {pointer}",
    en: "{pointer} is required but missing",
  },
  unknownMember: {
    "zh-CN": "{pointer} 不是该格式的字段，XML 无法承载",
    en: "{pointer} is not a field of the format, so XML cannot carry it",
  },
  // parseXml
  notWellFormed: {
    "zh-CN": "XML 格式不正确（第 {line} 行第 {column} 列）：{detail}",
    en: "not well-formed XML (line {line}, column {column}): {detail}",
  },
  forbiddenInXml: {
    "zh-CN": "第 {line} 行第 {column} 列含有 XML 1.0 不允许的字符 {char}",
    en: "line {line}, column {column} holds {char}, which XML 1.0 does not allow",
  },
  badReference: {
    "zh-CN": "引用 {ref} 无效：只接受 &lt; &gt; &amp; &quot; &apos; 和指向 XML 1.0 允许字符的字符引用",
    en: "{ref} is not a valid reference: only &lt; &gt; &amp; &quot; &apos; and character references to characters XML 1.0 allows are read",
  },
  unboundPrefix: {
    "zh-CN": "名称前缀 {prefix} 未绑定命名空间",
    en: "the prefix {prefix} is not bound to a namespace",
  },
  noRoot: { "zh-CN": "没有根元素", en: "no root element" },
  unclosed: { "zh-CN": "文档在元素 {elements} 结束之前就结束了", en: "the document ends before {elements} are closed" },
  tooDeep: { "zh-CN": "元素嵌套过深，不是年报", en: "elements nest too deep for a report" },
  noNamespace: { "zh-CN": "（无命名空间）", en: "(no namespace)" },
  afterRoot: { "zh-CN": "根元素之后还有内容", en: "content after the root element" },
  cdataEnd: { "zh-CN": "字符数据中出现 ]]>", en: "]]> in character data" },
  ltInAttribute: { "zh-CN": "属性值中出现 <", en: "< in an attribute value" },
  duplicateAttribute: { "zh-CN": "同一属性出现两次", en: "an attribute occurs twice" },
  xmlVersion: {
    "zh-CN": "只接受 XML 1.0 文档，此文档声明为 XML {version}",
    en: "only XML 1.0 documents are read; this one declares XML {version}",
  },
  doctype: {
    "zh-CN": "不接受 DOCTYPE 声明（第 {line} 行）：年报 XML 不需要 DTD，且 DTD 可引入外部资源",
    en: "a DOCTYPE declaration is not accepted (line {line}): report XML needs no DTD, and a DTD can pull in outside resources",
  },
  notAReport: {
    "zh-CN": "根元素应为命名空间 {namespaces} 中的 <{root}>，实为 {found}",
    en: "the root element should be <{root}> in the namespace {namespaces}, not {found}",
  },
  unexpectedElement: {
    "zh-CN": "{path} 中不应出现元素 {element}（第 {line} 行）",
    en: "unexpected element {element} in {path} (line {line})",
  },
  duplicateElement: {
    "zh-CN": "{path} 中元素 <{element}> 重复出现（第 {line} 行）",
    en: "the element <{element}> occurs twice in {path} (line {line})",
  },
  missingElement: {
    "zh-CN": "{path} 缺少元素 <{element}>（第 {line} 行）",
    en: "{path} lacks the element <{element}> (line {line})",
  },
  unexpectedText: {
    "zh-CN": "{path} 中不应有文本（第 {line} 行）",
    en: "unexpected text in {path} (line {line})",
  },
  unexpectedAttribute: {
    "zh-CN": "{path} 不应有属性 {attribute}（第 {line} 行）",
    en: "{path} should not have the attribute {attribute} (line {line})",
  },
  missingAttribute: {
    "zh-CN": "{path} 缺少属性 {attribute}（第 {line} 行）",
    en: "{path} lacks the attribute {attribute} (line {line})",
  },
  duplicateKey: {
    "zh-CN": '{path} 中 {attribute}="{key}" 重复出现（第 {line} 行）',
    en: '{attribute}="{key}" occurs twice in {path} (line {line})',
  },
  badValue: {
    "zh-CN": "{path} 的值“{value}”不是{expected}（第 {line} 行）",
    en: '{path}: "{value}" is not {expected} (line {line})',
  },
  nilNotEmpty: {
    "zh-CN": "{path} 标为 xsi:nil，却有内容（第 {line} 行）",
    en: "{path} is marked xsi:nil but has content (line {line})",
  },
} satisfies Record<string, Record<Locale, string>>;

export type MessageKey = keyof typeof messages;

/** What a value should be, in words, keyed by the shape's kind. */
const kinds: Record<string, Record<Locale, string>> = {
  object: { "zh-CN": "对象", en: "an object" },
  list: { "zh-CN": "数组", en: "an array" },
  map: { "zh-CN": "对象", en: "an object" },
  string: { "zh-CN": "字符串", en: "a string" },
  integer: { "zh-CN": "整数", en: "a whole number" },
  decimal: { "zh-CN": "数值", en: "a number" },
  boolean: { "zh-CN": "布尔值（true 或 false）", en: "a boolean (true or false)" },
  nillable: { "zh-CN": "或 null", en: " or null" },
  null: { "zh-CN": "null", en: "null" },
  array: { "zh-CN": "数组", en: "an array" },
  number: { "zh-CN": "数值", en: "a number" },
  undefined: { "zh-CN": "空缺", en: "nothing" },
};

export function kindName(kind: string, locale: Locale, nillable = false): string {
  const base = kinds[kind]?.[locale] ?? kind;
  return nillable ? base + kinds.nillable![locale] : base;
}

export function say(key: MessageKey, locale: Locale, params: Record<string, string | number>): string {
  return format(messages[key][locale], params);
}
