// The elements and attributes an XML report should have, from the JSON report, the schema and
// vocabulary.json; and those it does have, read with fast-xml-parser (not with parseXml), so that
// a test can see any element or attribute that came from data instead of the vocabulary.
import { XMLParser } from "fast-xml-parser";
import { reportSchemas } from "@zfxxgk/schema";
import { readJson, packageRoot } from "./paths.js";

const vocabulary = readJson(`${packageRoot}/vocabulary/vocabulary.json`);

function deref(schema: any, node: any): { node: any; def?: string } {
  if (!node.$ref) return { node };
  const def = node.$ref.replace("#/$defs/", "");
  return { node: { ...deref(schema, schema.$defs[def]).node, ...node }, def };
}

/** "path @attr @attr" lines in document order, e.g. "/report/applications/newReceived/total @xsi:nil". */
export function expectedElements(report: any): string[] {
  const schema = (reportSchemas as Record<string, any>)[report.edition];
  const out: string[] = ["/report @xmlns @xmlns:xsi"];
  const walk = (raw: any, value: any, path: string, key: string | undefined) => {
    const { node } = deref(schema, raw);
    if (node.properties) {
      for (const [k, child] of Object.entries(node.properties)) {
        if (value[k] === undefined) continue;
        const name = vocabulary.renamed[k] ?? k;
        out.push(`${path}/${name}${value[k] === null ? " @xsi:nil" : ""}`);
        walk(child, value[k], `${path}/${name}`, k);
      }
    } else if (Array.isArray(value)) {
      const itemDef = node.items.$ref.replace("#/$defs/", "");
      const item = vocabulary.itemNames[itemDef] ?? itemDef;
      for (const v of value) {
        out.push(`${path}/${item}`);
        walk(node.items, v, `${path}/${item}`, undefined);
      }
    } else if (value !== null && typeof value === "object") {
      const map = vocabulary.maps[key!];
      for (const _k of Object.keys(value)) out.push(`${path}/${map.item} @${map.keyAttribute}`);
    }
  };
  walk(schema, report, "/report", undefined);
  return out;
}

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  trimValues: false,
  parseTagValue: false,
});

/** The same lines for an XML document as it is. */
export function actualElements(xml: string): string[] {
  const out: string[] = [];
  const walk = (nodes: any[], path: string) => {
    for (const n of nodes) {
      const name = Object.keys(n).find((k) => k !== ":@" && k !== "#text" && k !== "#cdata" && k !== "?xml");
      if (!name) continue;
      const attrs = Object.keys(n[":@"] ?? {}).sort();
      out.push([`${path}/${name}`, ...attrs.map((a) => `@${a}`)].join(" "));
      walk(n[name], `${path}/${name}`);
    }
  };
  walk(parser.parse(xml), "");
  return out;
}

/** Character data of the element at a path of local names, with its attributes: for spot checks. */
export function elementAt(xml: string, path: string[]): { text: string; attributes: Record<string, string> } | undefined {
  let nodes: any[] = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: "",
    trimValues: false,
    parseTagValue: false,
    removeNSPrefix: true,
  }).parse(xml);
  let found: any;
  for (const name of path) {
    found = nodes.find((n) => name in n);
    if (!found) return undefined;
    nodes = found[name];
  }
  const text = nodes.map((n) => n["#text"] ?? "").join("");
  return { text, attributes: found[":@"] ?? {} };
}
