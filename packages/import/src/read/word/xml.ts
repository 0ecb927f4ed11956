// A minimal XML tokenizer for Word's parts: elements, text and the predefined and numeric entities;
// no DTD and no entity expansion, so nothing in a hostile file can make it expand or fetch anything.
import { WordFailure } from "./failure.js";

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

export function decodeXml(s: string): string {
  if (!s.includes("&")) return s;
  return s.replace(/&(#x[0-9a-fA-F]{1,6}|#\d{1,7}|[a-z]+);/g, (w, e: string) => {
    if (e[0] !== "#") return ENTITIES[e] ?? w;
    const n = e[1] === "x" ? Number.parseInt(e.slice(2), 16) : Number.parseInt(e.slice(1), 10);
    return n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : w;
  });
}

/** A minimal XML tokenizer: elements, text and the predefined entities; no DTD, no entity expansion. */
export function tokenize(
  xml: string,
  open: (name: string, attrs: string, selfClosing: boolean) => void,
  close: (name: string) => void,
  text: (t: string) => void,
): void {
  let i = 0;
  const n = xml.length;
  while (i < n) {
    const lt = xml.indexOf("<", i);
    if (lt < 0) {
      text(xml.slice(i));
      break;
    }
    if (lt > i) text(xml.slice(i, lt));
    if (xml.startsWith("<?", lt)) {
      const e = xml.indexOf("?>", lt + 2);
      if (e < 0) throw new WordFailure("unreadable", "xmlBroken", { detail: "unterminated <?" });
      i = e + 2;
    } else if (xml.startsWith("<!--", lt)) {
      const e = xml.indexOf("-->", lt + 4);
      if (e < 0) throw new WordFailure("unreadable", "xmlBroken", { detail: "unterminated comment" });
      i = e + 3;
    } else if (xml.startsWith("<![CDATA[", lt)) {
      const e = xml.indexOf("]]>", lt + 9);
      if (e < 0) throw new WordFailure("unreadable", "xmlBroken", { detail: "unterminated CDATA" });
      text(esc(xml.slice(lt + 9, e)).replace(/&gt;/g, ">"));
      i = e + 3;
    } else if (xml.startsWith("<!", lt)) {
      // a DOCTYPE: Word never writes one; entities it could declare are not expanded
      const e = xml.indexOf(">", lt + 2);
      if (e < 0) throw new WordFailure("unreadable", "xmlBroken", { detail: "unterminated <!" });
      i = e + 1;
    } else {
      const e = tagEnd(xml, lt + 1);
      if (e < 0) throw new WordFailure("unreadable", "xmlBroken", { detail: `unterminated tag at character ${lt}` });
      const inner = xml.slice(lt + 1, e);
      if (inner.startsWith("/")) close(inner.slice(1).trim());
      else {
        const self = inner.endsWith("/");
        const body = self ? inner.slice(0, -1) : inner;
        const sp = body.search(/\s/);
        const name = sp < 0 ? body : body.slice(0, sp);
        if (!name) throw new WordFailure("unreadable", "xmlBroken", { detail: `empty tag at character ${lt}` });
        open(name, sp < 0 ? "" : body.slice(sp), self);
      }
      i = e + 1;
    }
  }
}

/** The ">" that ends a tag, skipping quoted attribute values. */
function tagEnd(xml: string, from: number): number {
  let quote = "";
  for (let i = from; i < xml.length; i++) {
    const c = xml[i]!;
    if (quote) {
      if (c === quote) quote = "";
    } else if (c === '"' || c === "'") quote = c;
    else if (c === ">") return i;
  }
  return -1;
}
