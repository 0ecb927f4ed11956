// Reading rendered HTML back with a real parser (parse5), and the HTML table model: which cell
// covers which slot once rowspans and colspans are resolved.
import { parse, parseFragment, type DefaultTreeAdapterMap, type ParserError } from "parse5";

export type Node = DefaultTreeAdapterMap["node"];
export type Element = DefaultTreeAdapterMap["element"];

export function parseDocument(html: string): { root: DefaultTreeAdapterMap["document"]; errors: ParserError[] } {
  const errors: ParserError[] = [];
  return { root: parse(html, { onParseError: (e) => errors.push(e) }), errors };
}

export function parseHtmlFragment(html: string): { root: DefaultTreeAdapterMap["documentFragment"]; errors: ParserError[] } {
  const errors: ParserError[] = [];
  return { root: parseFragment(html, { onParseError: (e) => errors.push(e) }), errors };
}

const isElement = (n: Node): n is Element => "tagName" in n;

function children(n: Node): Node[] {
  const kids: Node[] = "childNodes" in n ? [...n.childNodes] : [];
  // <template> keeps its content apart; nothing of ours writes one, but hostile input might try
  if (isElement(n) && n.tagName === "template" && "content" in n)
    kids.push(...(n as unknown as { content: { childNodes: Node[] } }).content.childNodes);
  return kids;
}

export function elements(root: Node): Element[] {
  const out: Element[] = [];
  const walk = (n: Node) => {
    if (isElement(n)) out.push(n);
    for (const c of children(n)) walk(c);
  };
  walk(root);
  return out;
}

export const byTag = (root: Node, tag: string): Element[] => elements(root).filter((e) => e.tagName === tag);

export function attr(e: Element, name: string): string | undefined {
  return e.attrs.find((a) => a.name === name)?.value;
}

export const hasClass = (e: Element, cls: string): boolean => (attr(e, "class") ?? "").split(/\s+/).includes(cls);

/** Text as a reader gets it: every text node, in order. */
export function text(n: Node): string {
  if (n.nodeName === "#text") return (n as DefaultTreeAdapterMap["textNode"]).value;
  return children(n).map(text).join("");
}

/** Text without the visually hidden notes (class zfxxgk-sr): what the eye sees. */
export function visibleText(n: Node): string {
  if (isElement(n) && hasClass(n, "zfxxgk-sr")) return "";
  if (n.nodeName === "#text") return (n as DefaultTreeAdapterMap["textNode"]).value;
  return children(n).map(visibleText).join("");
}

/** Every comment node: a template writes none, so any would come from the data. */
export function comments(root: Node): string[] {
  const out: string[] = [];
  const walk = (n: Node) => {
    if (n.nodeName === "#comment") out.push((n as DefaultTreeAdapterMap["commentNode"]).data);
    for (const c of children(n)) walk(c);
  };
  walk(root);
  return out;
}

/**
 * The slots of a row group (thead or tbody): grid[r][c] is the cell that covers row r,
 * column c, as the HTML table model places cells (first free slot, then its spans).
 */
export function grid(group: Element): Element[][] {
  const rows = group.childNodes.filter((n): n is Element => isElement(n) && n.tagName === "tr");
  const out: Element[][] = rows.map(() => []);
  rows.forEach((tr, r) => {
    let c = 0;
    for (const cell of tr.childNodes.filter((n): n is Element => isElement(n) && (n.tagName === "td" || n.tagName === "th"))) {
      while (out[r]![c]) c++;
      const rs = Number(attr(cell, "rowspan") ?? 1);
      const cs = Number(attr(cell, "colspan") ?? 1);
      for (let i = 0; i < rs; i++)
        for (let j = 0; j < cs; j++) {
          if (!out[r + i]) throw new Error(`a rowspan runs past the end of its ${group.tagName}`);
          if (out[r + i]![c + j]) throw new Error(`two cells cover row ${r + i}, column ${c + j}`);
          out[r + i]![c + j] = cell;
        }
      c += cs;
    }
  });
  return out;
}
