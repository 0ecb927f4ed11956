// .docx → HTML for the importer's HTML reader. The body (word/document.xml) is walked directly, so
// merged cells come out as the grid Word drew: w:gridSpan → colspan, a w:vMerge restart and the
// continuations below it → one cell with rowspan; a table nested in a cell stays inside that cell.
// Deleted text (tracked changes), field instructions and the duplicate fallback copy of text boxes
// are not document text; hidden runs (w:vanish) are kept as hidden spans, which the HTML reader
// treats like hidden HTML. Nesting is bounded, so a hostile file is refused, never a stack overflow.
import { WordFailure } from "./failure.js";
import { Numbering, type NumberingRef } from "./numbering.js";
import { decodeXml, tokenize } from "./xml.js";
import { isZip, readEntry, zipEntries, type ZipEntry } from "./zip.js";

export const MAX_XML_DEPTH = 1000;
export const MAX_TABLE_DEPTH = 32;

const MAIN_TYPE = new RegExp(
  /ContentType="application\/vnd\./.source +
    /(?:openxmlformats-officedocument\.wordprocessingml\.(?:document|template)|ms-word\.(?:document|template)\.macroEnabled)/.source +
    /\.main\+xml"/.source,
);

export { isZip };

/** The HTML of a .docx's body; throws WordFailure when it is not a readable Word file. */
export function docxToHtml(bytes: Uint8Array): string {
  const entries = zipEntries(bytes);
  const main = mainPart(bytes, entries);
  if (!main) throw new WordFailure("unreadable", "notWord", {});
  const xml = new TextDecoder("utf-8").decode(readEntry(bytes, main));
  const title = coreTitle(bytes, entries);
  const part = (name: string) => {
    const e = entries.find((x) => x.name === name);
    return e && e.size <= 8 * 1024 * 1024 ? new TextDecoder("utf-8").decode(readEntry(bytes, e)) : null;
  };
  const dir = main.name.slice(0, main.name.lastIndexOf("/") + 1);
  const numbering = new Numbering(part(`${dir}numbering.xml`), part(`${dir}styles.xml`));
  return (
    `<!doctype html><html><head><meta charset="utf-8">` +
    `${title ? `<title>${esc(title)}</title>` : ""}</head><body>\n${bodyHtml(xml, numbering)}\n</body></html>`
  );
}

/**
 * The document's title property (docProps/core.xml), when it names a report: the HTML reader uses
 * it only when the body prints no title. Word fills it from templates too, hence the check.
 */
function coreTitle(bytes: Uint8Array, entries: ZipEntry[]): string | undefined {
  const core = entries.find((e) => e.name === "docProps/core.xml");
  if (!core || core.size > 1024 * 1024) return undefined;
  const xml = new TextDecoder("utf-8").decode(readEntry(bytes, core));
  const t = /<dc:title>([^<]{1,200})<\/dc:title>/.exec(xml)?.[1];
  const title = t ? decodeXml(t).trim() : "";
  return /报告|年报/.test(title) ? title : undefined;
}

function mainPart(bytes: Uint8Array, entries: ZipEntry[]): ZipEntry | undefined {
  const byName = new Map(entries.map((e) => [e.name, e]));
  const direct = byName.get("word/document.xml");
  if (direct) return direct;
  // a tool may name the main part otherwise: [Content_Types].xml says which part it is
  const types = byName.get("[Content_Types].xml");
  if (!types || types.size > 1024 * 1024) return undefined;
  const xml = new TextDecoder("utf-8").decode(readEntry(bytes, types));
  for (const m of xml.matchAll(/<Override\b[^>]*>/g)) {
    if (!MAIN_TYPE.test(m[0])) continue;
    const part = /PartName="\/?([^"]+)"/.exec(m[0])?.[1];
    if (part) return byName.get(decodeURIComponent(part));
  }
  return undefined;
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

const localName = (name: string) => name.slice(name.indexOf(":") + 1);
const valOf = (attrs: string) => /(?:^|\s)(?:[\w-]+:)?val\s*=\s*["']([^"']*)["']/.exec(attrs)?.[1];
const isOn = (attrs: string) => !/^(?:0|false|off)$/i.test(valOf(attrs) ?? "true");

interface Cell {
  col: number;
  span: number;
  vMerge: "restart" | "continue" | null;
  /** the legacy horizontal merge: a continuation joins the cell before it */
  hMerge: boolean;
  blocks: string[];
}
interface Row {
  before: number;
  cells: Cell[];
}
interface Table {
  rows: Row[];
}
interface Run {
  hidden: boolean;
  parts: string[];
}

/** Skipped subtrees: not document text, or a second copy of it. */
const SKIP = new Set([
  "delText",
  "instrText",
  "del",
  "Fallback",
  "moveFrom",
  "tblPr",
  "tblGrid",
  "sectPr",
  "footnoteReference",
  "endnoteReference",
  "pPrChange",
  "rPrChange",
  "tcPrChange",
  "trPrChange",
  "tblPrChange",
  "numberingChange",
]);

interface Para {
  parts: string[];
  style?: string;
  num: Partial<NumberingRef>;
}

function bodyHtml(xml: string, numbering: Numbering): string {
  const stack: string[] = [];
  let skipping = 0; // depth in the stack where a skipped subtree starts (0: none)
  const body: string[] = [];
  const containers: string[][] = [body];
  const tables: Table[] = [];
  const paras: Para[] = [];
  const runs: Run[] = [];

  const open = (name: string, attrs: string, selfClosing: boolean) => {
    const local = localName(name);
    if (!selfClosing) {
      stack.push(name);
      if (stack.length > MAX_XML_DEPTH) throw new WordFailure("unreadable", "tooDeep", { limit: MAX_XML_DEPTH });
    }
    if (skipping) return;
    if (SKIP.has(local)) {
      if (!selfClosing) skipping = stack.length;
      return;
    }
    const run = runs[runs.length - 1];
    const para = paras[paras.length - 1];
    const table = tables[tables.length - 1];
    switch (local) {
      case "p":
        if (!selfClosing) paras.push({ parts: [], num: {} });
        else containers[containers.length - 1]!.push("<p></p>");
        break;
      case "r":
        if (!selfClosing) runs.push({ hidden: false, parts: [] });
        break;
      case "pStyle":
      case "numId":
      case "ilvl": {
        // only the paragraph's own properties: w:pPr, and w:numPr inside it
        const parents = stack.slice(-3).map(localName).join("/");
        if (!para || !/(^|\/)pPr(\/numPr)?\/?[^/]*$/.test(parents)) break;
        const v = valOf(attrs);
        if (v === undefined) break;
        if (local === "pStyle") para.style = v;
        else if (local === "numId") para.num.numId = v;
        else para.num.ilvl = Number.parseInt(v, 10) || 0;
        break;
      }
      case "vanish":
        if (run && localName(stack[stack.length - (selfClosing ? 2 : 3)] ?? "") === "r" && isOn(attrs)) run.hidden = true;
        break;
      case "tab":
      case "ptab":
        if (run) run.parts.push(" ");
        break;
      case "br":
      case "cr":
        if (run) run.parts.push("\n");
        break;
      case "noBreakHyphen":
        if (run) run.parts.push("-");
        break;
      case "tbl":
        if (selfClosing) break;
        tables.push({ rows: [] });
        if (tables.length > MAX_TABLE_DEPTH) throw new WordFailure("unreadable", "tooDeep", { limit: MAX_TABLE_DEPTH });
        break;
      case "tr":
        if (table && !selfClosing) table.rows.push({ before: 0, cells: [] });
        break;
      case "gridBefore": {
        const row = table?.rows[table.rows.length - 1];
        const n = Number.parseInt(valOf(attrs) ?? "", 10);
        if (row && row.cells.length === 0 && n > 0 && n < 64) row.before = n;
        break;
      }
      case "tc": {
        const row = table?.rows[table.rows.length - 1];
        if (!row || selfClosing) break;
        const last = row.cells[row.cells.length - 1];
        const cell: Cell = { col: last ? last.col + last.span : row.before, span: 1, vMerge: null, hMerge: false, blocks: [] };
        row.cells.push(cell);
        containers.push(cell.blocks);
        break;
      }
      case "gridSpan": {
        const cell = currentCell(table);
        const n = Number.parseInt(valOf(attrs) ?? "", 10);
        if (cell && n > 1 && n < 64) cell.span = n;
        break;
      }
      case "hMerge": {
        const cell = currentCell(table);
        if (cell && valOf(attrs) !== "restart") cell.hMerge = true;
        break;
      }
      case "vMerge": {
        const cell = currentCell(table);
        if (cell) cell.vMerge = valOf(attrs) === "restart" ? "restart" : "continue";
        break;
      }
    }
  };

  const close = (name: string) => {
    const top = stack.pop();
    if (top !== name) throw new WordFailure("unreadable", "xmlBroken", { detail: `</${name}> closes <${top ?? ""}>` });
    if (skipping) {
      if (stack.length < skipping) skipping = 0;
      return;
    }
    switch (localName(name)) {
      case "r": {
        const run = runs.pop()!;
        const text = run.parts.join("");
        const para = paras[paras.length - 1];
        if (para && text) para.parts.push(run.hidden ? `<span hidden>${esc(text)}</span>` : esc(text).replace(/\n/g, "<br>"));
        break;
      }
      case "p": {
        const para = paras.pop()!;
        const ref = numbering.resolve(para.style, para.num);
        const label = ref ? esc(numbering.next(ref)) : "";
        containers[containers.length - 1]!.push(`<p>${label}${para.parts.join("")}</p>`);
        break;
      }
      case "tc":
        if (containers.length > 1) containers.pop();
        break;
      case "tbl": {
        const table = tables.pop()!;
        containers[containers.length - 1]!.push(tableHtml(table));
        break;
      }
    }
  };

  const text = (raw: string) => {
    if (skipping || localName(stack[stack.length - 1] ?? "") !== "t") return;
    const run = runs[runs.length - 1];
    if (run) run.parts.push(decodeXml(raw));
  };

  tokenize(xml, open, close, text);
  if (stack.length) throw new WordFailure("unreadable", "xmlBroken", { detail: `<${stack[stack.length - 1]}> is not closed` });
  return body.join("\n");
}

function currentCell(table: Table | undefined): Cell | undefined {
  const row = table?.rows[table.rows.length - 1];
  return row?.cells[row.cells.length - 1];
}

/** Rows of cells on Word's grid as an HTML table: a vertical merge becomes one cell with rowspan. */
function tableHtml(t: Table): string {
  for (const row of t.rows) {
    const kept: Cell[] = [];
    for (const c of row.cells) {
      const prev = kept[kept.length - 1];
      if (c.hMerge && prev) {
        prev.span += c.span;
        prev.blocks.push(...c.blocks.filter((b) => b !== "<p></p>"));
      } else kept.push(c);
    }
    row.cells = kept;
  }
  const rowspan = new Map<Cell, number>();
  // the cell that owns each grid column while a vertical merge runs down it
  const owner = new Map<number, Cell>();
  const absorbed = new Set<Cell>();
  for (const row of t.rows) {
    const seen = new Set<number>();
    for (const c of row.cells) {
      seen.add(c.col);
      const above = owner.get(c.col);
      if (c.vMerge === "continue" && above && above.span === c.span) {
        rowspan.set(above, (rowspan.get(above) ?? 1) + 1);
        absorbed.add(c);
        continue;
      }
      if (c.vMerge) owner.set(c.col, c);
      else owner.delete(c.col);
    }
    for (const col of [...owner.keys()]) if (!seen.has(col)) owner.delete(col);
  }
  const out = ["<table>"];
  for (const row of t.rows) {
    out.push("<tr>");
    if (row.before) out.push(`<td colspan="${row.before}"></td>`);
    for (const c of row.cells) {
      if (absorbed.has(c)) continue;
      const rs = rowspan.get(c) ?? 1;
      out.push(`<td${c.span > 1 ? ` colspan="${c.span}"` : ""}${rs > 1 ? ` rowspan="${rs}"` : ""}>${c.blocks.join("")}</td>`);
    }
    out.push("</tr>");
  }
  out.push("</table>");
  return out.join("");
}
