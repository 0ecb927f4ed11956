// Messages of the Word readers in zh-CN and en, in the shape of the importer's messages.ts.
import { say, type Catalogue, type Locale, type Localised } from "@zfxxgk/i18n";

const text = {
  zipBroken: {
    "zh-CN": "Word 文件（.docx）已损坏，无法解压：{detail}",
    en: "the Word file (.docx) is damaged and cannot be unpacked: {detail}",
  },
  zipTooManyEntries: {
    "zh-CN": "压缩包内有 {count} 个文件（上限 {limit}），不像 Word 文件，未读取",
    en: "the archive holds {count} files (limit {limit}); not a Word file, not read",
  },
  zipTooLarge: {
    "zh-CN": "压缩包解压后超过 {limit} 字节（可能是“压缩炸弹”），未读取",
    en: "the archive would unpack to more than {limit} bytes (a zip bomb?); not read",
  },
  zipSizeLies: {
    "zh-CN": "压缩包中 {name} 解压后比其声明的大小更大（可能是“压缩炸弹”），未读取",
    en: "{name} in the archive unpacks to more than its declared size (a zip bomb?); not read",
  },
  notWord: {
    "zh-CN": "这是 ZIP 压缩包，但不是 Word 文件（没有 word/document.xml）",
    en: "this is a ZIP archive but not a Word file (no word/document.xml)",
  },
  notWordOle: {
    "zh-CN": "这是 OLE 复合文档，但不是 Word 文档（没有 WordDocument 流），例如 Excel、PowerPoint 或旧版 WPS 专有格式",
    en: "this is an OLE compound file but not a Word document (no WordDocument stream): Excel, PowerPoint or an old WPS format, say",
  },
  encrypted: {
    "zh-CN": "文件已加密（设有打开密码），无法读取；请去掉密码后另存再导入",
    en: "the file is encrypted (it has a password to open); save it without the password and import that",
  },
  docBroken: {
    "zh-CN": "Word 文档（.doc）已损坏，无法读取：{detail}",
    en: "the Word document (.doc) is damaged and cannot be read: {detail}",
  },
  docOld: {
    "zh-CN": "这是 Word 6/95 或更早版本的文档，不支持；请用 Word 或 WPS 另存为 .docx 再导入",
    en: "this is a Word 6/95 or older document, which is not supported; save it as .docx in Word or WPS and import that",
  },
  xmlBroken: {
    "zh-CN": "Word 文件的正文（word/document.xml）不是合法的 XML：{detail}",
    en: "the Word file's body (word/document.xml) is not well-formed XML: {detail}",
  },
  tooDeep: {
    "zh-CN": "Word 文件中表格或元素嵌套超过 {limit} 层，不像年度报告，未读取",
    en: "the Word file nests tables or elements more than {limit} deep; not a report, not read",
  },
} as const satisfies Catalogue;

export type WordMessageKey = keyof typeof text;

export function sayWord(key: WordMessageKey, locale: Locale, vars: Record<string, string | number> = {}): string {
  return say(text, key, locale, vars);
}

/** A message in both languages, to be filled in (WordFailure). */
export function wordMessage(key: WordMessageKey): Localised {
  return text[key];
}
