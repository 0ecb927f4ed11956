// Label paths: the Chinese labels of a cell as the format prints them (表三 › … › 自然人), and
// readable names for the fields and text parts that the format does not label.
import { unescapeSegment } from "@zfxxgk/i18n";
import { fieldNames, format, partNames, type Locale } from "./messages.js";

export const SEP = " › ";

export { unescapeSegment };

export function labelPathOf(nodes: Record<string, string> | null, pointer: string, locale: Locale): string {
  const known = (p: string): string | undefined =>
    (nodes && Object.hasOwn(nodes, p) ? nodes[p] : undefined) ?? (Object.hasOwn(fieldNames, p) ? fieldNames[p]![locale] : undefined);
  const direct = known(pointer);
  if (direct !== undefined) return direct;
  const segments = pointer.split("/").slice(1);
  let prefix = segments.length;
  let head: string | undefined;
  while (prefix > 0 && head === undefined) {
    prefix--;
    head = prefix === 0 ? undefined : known(`/${segments.slice(0, prefix).join("/")}`);
  }
  const parts = head === undefined ? [] : [head];
  for (let i = prefix; i < segments.length; i++) {
    const seg = unescapeSegment(segments[i]!);
    const before = segments[i - 1];
    if (/^\d+$/.test(seg) && (before === "paragraphs" || before === "preamble" || before === "notes")) {
      parts.push(format(partNames.paragraph[locale], { n: Number(seg) + 1 }));
    } else if (/^\d+$/.test(seg) && before === "subsections") {
      parts.push(format(partNames.subsection[locale], { n: Number(seg) + 1 }));
    } else if (Object.hasOwn(partNames, seg) && seg !== "paragraph" && seg !== "subsection") {
      // "paragraphs" right before an index adds nothing to "第 n 段"
      if (seg === "paragraphs" && i + 1 < segments.length) continue;
      if (seg === "subsections" && i + 1 < segments.length) continue;
      parts.push(partNames[seg as keyof typeof partNames][locale]);
    } else {
      parts.push(seg);
    }
  }
  return parts.join(SEP);
}
