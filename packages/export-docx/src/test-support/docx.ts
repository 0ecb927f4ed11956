// Reading a .docx back in tests: its parts (unzipped by fflate, which checks nothing of ours),
// each parsed by fast-xml-parser into a small tree to walk.
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { XMLParser } from "fast-xml-parser";
import { strFromU8, unzipSync } from "fflate";

export const repoRoot = resolve(import.meta.dirname, "../../../..");
export const readJson = (path: string): any => JSON.parse(readFileSync(join(repoRoot, path), "utf8"));
/** the seed report, as the golden file and the demo render it */
export const seed = (): any => readJson("examples/tacheng-2024/report.json");

export function parts(docx: Uint8Array): Record<string, string> {
  return Object.fromEntries(Object.entries(unzipSync(docx)).map(([name, bytes]) => [name, strFromU8(bytes)]));
}

export interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  /** the text of a text node (name "#text") */
  text?: string;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "",
  preserveOrder: true,
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
  htmlEntities: true,
});

function convert(item: Record<string, unknown>): XmlNode {
  const name = Object.keys(item).find((k) => k !== ":@")!;
  if (name === "#text") return { name, attrs: {}, children: [], text: String(item[name]) };
  const attrs = (item[":@"] ?? {}) as Record<string, string>;
  return { name, attrs, children: (item[name] as Record<string, unknown>[]).map(convert) };
}

export function parseXml(xml: string): XmlNode {
  const items = parser.parse(xml) as Record<string, unknown>[];
  return { name: "#document", attrs: {}, children: items.map(convert) };
}

/** Every element of that name below the node, in document order. */
export function all(node: XmlNode, name: string): XmlNode[] {
  const out: XmlNode[] = [];
  const walk = (n: XmlNode) => {
    for (const c of n.children) {
      if (c.name === name) out.push(c);
      walk(c);
    }
  };
  walk(node);
  return out;
}

export const child = (node: XmlNode, name: string): XmlNode | undefined => node.children.find((c) => c.name === name);

/** What a reader sees of a paragraph, cell or run: the w:t text, w:br as a line break. */
export function textOf(node: XmlNode): string {
  let s = "";
  const walk = (n: XmlNode) => {
    for (const c of n.children) {
      if (c.name === "w:t") s += c.children.map((t) => t.text ?? "").join("");
      else if (c.name === "w:br") s += "\n";
      else walk(c);
    }
  };
  walk(node);
  return s;
}

/** The body's paragraphs and tables, in order. */
export function body(document: string): XmlNode[] {
  return all(parseXml(document), "w:body")[0]!.children.filter((c) => c.name === "w:p" || c.name === "w:tbl");
}

/** The grid columns a cell covers. */
export const span = (tc: XmlNode): number =>
  Number(child(child(tc, "w:tcPr") ?? { name: "", attrs: {}, children: [] }, "w:gridSpan")?.attrs["w:val"] ?? 1);

/** "restart", "continue" or null: where the cell is in a vertical merge. */
export function vMerge(tc: XmlNode): "restart" | "continue" | null {
  const v = child(child(tc, "w:tcPr") ?? { name: "", attrs: {}, children: [] }, "w:vMerge");
  if (!v) return null;
  return v.attrs["w:val"] === "restart" ? "restart" : "continue";
}

export const paragraphStyle = (p: XmlNode): string | undefined =>
  child(child(p, "w:pPr") ?? { name: "", attrs: {}, children: [] }, "w:pStyle")?.attrs["w:val"];
