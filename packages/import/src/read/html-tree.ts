// Reading parse5's tree: children, attributes, and the text of an element as a reader sees it —
// <br> and block boundaries are line breaks, scripts and visually hidden text are not there.
export interface HtmlNode {
  nodeName: string;
  value?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: HtmlNode[];
  content?: HtmlNode;
}

export function children(n: HtmlNode): HtmlNode[] {
  return n.childNodes ?? [];
}

export function attr(n: HtmlNode, name: string): string | undefined {
  return n.attrs?.find((a) => a.name === name)?.value;
}

export function classes(n: HtmlNode): string[] {
  return (attr(n, "class") ?? "").split(/\s+/).filter(Boolean);
}

const SKIP = new Set([
  "script",
  "style",
  "noscript",
  "template",
  "head",
  "title",
  "iframe",
  "object",
  "svg",
  "math",
  "select",
  "button",
  "#comment",
]);
export const BLOCK = new Set([
  "p",
  "div",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "li",
  "ul",
  "ol",
  "dl",
  "dt",
  "dd",
  "section",
  "article",
  "header",
  "footer",
  "blockquote",
  "pre",
  "address",
  "figure",
  "figcaption",
  "main",
  "aside",
  "nav",
  "form",
  "fieldset",
  "center",
  "caption",
]);

/** Text meant for sighted readers only is kept; text hidden from them (display:none, visually-hidden notes) is not. */
export function hidden(n: HtmlNode): boolean {
  if (!n.attrs) return false;
  if (attr(n, "hidden") !== undefined) return true;
  const style = attr(n, "style");
  if (style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style)) return true;
  return classes(n).some((c) => /^(?:visually-hidden|sr-only|screen-reader-text|hidden|vh)$/i.test(c));
}

export function skipped(n: HtmlNode): boolean {
  return SKIP.has(n.nodeName) || hidden(n);
}

/** The text of a table cell: line breaks at <br> and between blocks, whitespace runs collapsed per line. */
export function cellText(n: HtmlNode): string {
  const parts: string[] = [];
  const visit = (m: HtmlNode, depth: number) => {
    if (depth > 64) return;
    for (const c of children(m)) {
      if (c.nodeName === "#text") parts.push(c.value ?? "");
      else if (c.nodeName === "br") parts.push("\n");
      else if (skipped(c)) continue;
      else if (c.nodeName === "table")
        continue; // a nested table is not this cell's text
      else {
        const block = BLOCK.has(c.nodeName);
        if (block) parts.push("\n");
        visit(c, depth + 1);
        if (block) parts.push("\n");
      }
    }
  };
  visit(n, 0);
  return tidy(parts.join(""));
}

/** Collapses spaces (incl. &nbsp;) within lines and drops empty lines. */
export function tidy(s: string): string {
  return s
    .split("\n")
    .map((l) => l.replace(/[ \t\u00a0\r\f\v]+/g, " ").trim())
    .filter(Boolean)
    .join("\n");
}
