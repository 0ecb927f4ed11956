// The package's words in zh-CN and en: why a report cannot be written as a Word document. The
// languages and how a message is filled in are @zfxxgk/i18n's, as in every package.
import { locales, say as sayIn, type Catalogue, type Locale } from "@zfxxgk/i18n";

export { locales, type Locale };

const messages = {
  edition: {
    "zh-CN": "不支持的格式版本 {edition}：Word 导出支持的版本为 {editions}",
    en: "unsupported format edition {edition}: Word export supports {editions}",
  },
  option: {
    "zh-CN": "选项 {name} 不能是 {value}，只能是 {allowed}",
    en: "option {name} cannot be {value}; it takes {allowed}",
  },
  forbiddenCharacter: {
    "zh-CN": "{pointer} 第 {index} 个字符 {char} 是 XML 1.0 无法承载的字符，Word 文档无法写入；" + "年报文本不应含有这类字符，请先校验报告",
    en:
      "{pointer} holds {char} at character {index}, which XML 1.0 (and so a Word document) cannot carry; " +
      "report text never holds one: validate the report first",
  },
} satisfies Catalogue;

export type MessageKey = keyof typeof messages;

export function say(key: MessageKey, locale: Locale, vars: Record<string, string | number>): string {
  return sayIn(messages, key, locale, vars);
}
