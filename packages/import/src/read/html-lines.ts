// HTML pages → lines: the report's body found inside the page chrome (div.TRS_Editor,
// div.article_content, else <article>/<main>/<body>), its paragraphs as text lines and its tables
// as rows on a rowspan/colspan grid. <meta name="ArticleTitle"/"PubDate"> and <title> give metadata.
import { parse } from "parse5";
import type { Doc, DocLine } from "./document.js";
import { grid } from "./html-grid.js";
import { attr, BLOCK, cellText, children, classes, skipped, tidy, type HtmlNode } from "./html-tree.js";

const MAX_DEPTH = 200;
const MAX_LINES = 50_000;
const MAX_GRID_CELLS = 300_000;

function findFirst(root: HtmlNode, test: (n: HtmlNode) => boolean): HtmlNode | null {
  const stack: [HtmlNode, number][] = [[root, 0]];
  while (stack.length) {
    const [n, d] = stack.pop()!;
    if (test(n)) return n;
    if (d >= MAX_DEPTH) continue;
    const kids = children(n);
    for (let i = kids.length - 1; i >= 0; i--) stack.push([kids[i]!, d + 1]);
    if (n.content) stack.push([n.content, d + 1]);
  }
  return null;
}

/** Where the report is: the CMS's article container if there is one, else the page body. */
function reportRoot(doc: HtmlNode): HtmlNode {
  const byClass = (name: string) => findFirst(doc, (n) => n.nodeName === "div" && classes(n).includes(name));
  return (
    byClass("TRS_Editor") ??
    byClass("article_content") ??
    findFirst(doc, (n) => n.nodeName === "article") ??
    findFirst(doc, (n) => n.nodeName === "main") ??
    findFirst(doc, (n) => n.nodeName === "body") ??
    doc
  );
}

function meta(doc: HtmlNode): Doc["meta"] {
  const out: Doc["meta"] = {};
  const named = (name: string) =>
    findFirst(doc, (n) => n.nodeName === "meta" && (attr(n, "name") ?? "").toLowerCase() === name.toLowerCase());
  const title = attr(named("ArticleTitle") ?? { nodeName: "x" }, "content");
  const titleEl = findFirst(doc, (n) => n.nodeName === "title");
  const pageTitle = titleEl
    ? tidy(
        children(titleEl)
          .map((c) => c.value ?? "")
          .join(""),
      )
    : "";
  // a page <title> often carries the site's name after a separator
  const t = (title ?? pageTitle.split(/[_|｜]/)[0] ?? "").trim();
  if (t) out.title = t;
  const pub = attr(named("PubDate") ?? named("publishdate") ?? { nodeName: "x" }, "content");
  const d = pub ? /(\d{4})-(\d{1,2})-(\d{1,2})/.exec(pub) : null;
  if (d) out.publishedOn = `${d[1]}-${d[2]!.padStart(2, "0")}-${d[3]!.padStart(2, "0")}`;
  return out;
}

function leadOf(p: HtmlNode): string | undefined {
  for (const c of children(p)) {
    if (c.nodeName === "#text") {
      if ((c.value ?? "").trim() === "") continue;
      return undefined;
    }
    if (c.nodeName === "strong" || c.nodeName === "b") return tidy(cellText({ nodeName: "span", childNodes: [c] })) || undefined;
    if (c.nodeName === "span" || c.nodeName === "font") return leadOf(c);
    return undefined;
  }
  return undefined;
}

export function htmlDoc(html: string): Doc {
  const doc = parse(html) as unknown as HtmlNode;
  const root = reportRoot(doc);
  const lines: DocLine[] = [];
  let tables = 0;
  let gridCells = 0;
  let inline: HtmlNode[] = [];

  const push = (text: string, lead?: string) => {
    if (lines.length >= MAX_LINES) return;
    const t = tidy(text);
    if (!t) return;
    const line: DocLine = { kind: "text", cells: [{ text: t, source: {} }], text: t, source: {} };
    if (lead) line.lead = lead;
    lines.push(line);
  };
  const flush = () => {
    if (inline.length) push(cellText({ nodeName: "span", childNodes: inline }));
    inline = [];
  };
  const hasBlock = (n: HtmlNode, depth = 0): boolean =>
    depth < 8 &&
    children(n).some(
      (c) => c.nodeName === "table" || BLOCK.has(c.nodeName) || (!skipped(c) && c.nodeName !== "#text" && hasBlock(c, depth + 1)),
    );

  const table = (t: HtmlNode) => {
    const index = ++tables;
    const rows = grid(t);
    rows.forEach((row, r) => {
      gridCells += row.cells.length;
      if (gridCells > MAX_GRID_CELLS || lines.length >= MAX_LINES) return;
      const cells = row.cells.map(({ cell, col, carried }) => ({
        text: cell.text,
        col,
        carried,
        source: { htmlTable: index, htmlRow: r + 1, htmlColumn: col + 1 },
      }));
      lines.push({
        kind: "row",
        cells,
        text: cells
          .filter((c) => !c.carried)
          .map((c) => c.text)
          .join(" "),
        source: { htmlTable: index, htmlRow: r + 1 },
        table: index,
      });
    });
  };

  const visit = (n: HtmlNode, depth: number) => {
    for (const c of children(n)) {
      if (c.nodeName === "#text") {
        inline.push(c);
        continue;
      }
      if (skipped(c) || c.nodeName === "#comment" || c.nodeName === "#documentType") continue;
      if (c.nodeName === "table") {
        flush();
        table(c);
        continue;
      }
      if (depth >= MAX_DEPTH) continue;
      const block = BLOCK.has(c.nodeName);
      if (!block && !hasBlock(c)) {
        inline.push(c);
        continue;
      }
      flush();
      if (hasBlock(c)) visit(c, depth + 1);
      else push(cellText(c), c.nodeName === "p" || /^h\d$/.test(c.nodeName) ? leadOf(c) : undefined);
      flush();
    }
  };
  visit(root, 0);
  flush();
  return { format: "html", lines, meta: meta(doc) };
}
