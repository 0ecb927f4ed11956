// XML text → a tree of namespaced elements with decoded text, by fast-xml-parser plus the
// well-formedness checks it leaves out (forbidden characters, references, line ends, attribute
// normalisation, namespace prefixes, content after the root). No DTDs.
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { BadReference, codePointName, decodeReferences, firstForbidden } from "./chars.js";
import { XmlParseError } from "./errors.js";
import { say, type Locale, type MessageKey } from "./messages.js";

export const XSI = "http://www.w3.org/2001/XMLSchema-instance";
const XML_NS = "http://www.w3.org/XML/1998/namespace";
const XMLNS_NS = "http://www.w3.org/2000/xmlns/";

export interface XmlAttribute {
  ns: string | null;
  local: string;
  qname: string;
  value: string;
}

export interface XmlElement {
  ns: string | null;
  local: string;
  qname: string;
  attributes: XmlAttribute[];
  children: XmlElement[];
  /** Character data with references decoded and CDATA sections joined in. */
  text: string;
  line: number;
  column: number;
}

const parser = new XMLParser({
  preserveOrder: true,
  captureMetaData: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  // references are decoded here, by XML's rules, rather than by the parser
  processEntities: false,
  cdataPropName: "#cdata",
  ignoreDeclaration: true,
  ignorePiTags: true,
});
// typed as the Symbol wrapper by the library; it is a symbol
const META = XMLParser.getMetaDataSymbol() as unknown as symbol;

type RawNode = Record<string | symbol, unknown> & { ":@"?: Record<string, string> };

class Positions {
  private lineStarts: number[] = [0];
  constructor(text: string) {
    for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) this.lineStarts.push(i + 1);
  }
  at(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.lineStarts[lo]! + 1 };
  }
}

/** Parses a whole document to its root element; throws XmlParseError. */
export function readXmlTree(input: string, locale: Locale): XmlElement {
  // A BOM is the encoding's, not the document's. Line ends are normalised as XML prescribes,
  // after the forbidden-character scan so that its positions are the caller's.
  let text = input.startsWith("\uFEFF") ? input.slice(1) : input;
  const bad = firstForbidden(text);
  if (bad) {
    const { line, column } = new Positions(text).at(bad.index);
    throw new XmlParseError("NOT-WELL-FORMED", say("forbiddenInXml", locale, { line, column, char: bad.char }), line, column);
  }
  text = text.replace(/\r\n?/g, "\n");
  const positions = new Positions(text);
  const notWellFormed = (offset: number, detail: string) => {
    const { line, column } = positions.at(offset);
    return new XmlParseError("NOT-WELL-FORMED", say("notWellFormed", locale, { line, column, detail }), line, column);
  };

  const declaration = /^<\?xml\s[^>]*?version\s*=\s*(["'])([^"']*)\1/.exec(text);
  if (declaration && declaration[2] !== "1.0")
    throw new XmlParseError("NOT-WELL-FORMED", say("xmlVersion", locale, { version: declaration[2]! }), 1, 1);
  const doctype = /^(?:\s|<\?[\s\S]*?\?>|<!--[\s\S]*?-->)*<!DOCTYPE/.exec(text);
  if (doctype) {
    const { line } = positions.at(doctype[0].length - 9);
    throw new XmlParseError("DOCTYPE", say("doctype", locale, { line }), line);
  }
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    // fast-xml-parser names unclosed elements by listing them as JSON: say it in words
    const unclosed = /^Invalid '(\[[\s\S]*\])' found\.$/.exec(valid.err.msg);
    if (unclosed) {
      const names = (JSON.parse(unclosed[1]!) as string[]).map((n) => `<${n}>`).join(", ");
      throw notWellFormed(text.length, say("unclosed", locale, { elements: names }));
    }
    const { line, col, msg } = valid.err;
    throw new XmlParseError("NOT-WELL-FORMED", say("notWellFormed", locale, { line, column: col ?? 1, detail: msg }), line, col ?? 1);
  }
  let nodes: RawNode[];
  try {
    nodes = parser.parse(text) as RawNode[];
  } catch (e) {
    const message = (e as Error).message;
    throw notWellFormed(0, /nested tags/i.test(message) ? say("tooDeep", locale, {}) : message);
  }
  const elements = nodes.filter((n) => elementName(n) !== undefined);
  const first = elements[0];
  if (!first) throw notWellFormed(0, say("noRoot", locale, {}));
  const second = elements[1];
  const rootEnd = (first[META] as { endIndex?: number } | undefined)?.endIndex ?? text.length;
  if (second || !/^(?:\s|<!--[\s\S]*?-->|<\?[\s\S]*?\?>)*$/.test(text.slice(rootEnd))) {
    throw notWellFormed(rootEnd, say("afterRoot", locale, {}));
  }
  const scope = new Map<string, string | null>([
    ["xml", XML_NS],
    ["xmlns", XMLNS_NS],
    ["", null],
  ]);
  return toElement(first, scope, positions, locale);
}

function elementName(n: RawNode): string | undefined {
  for (const k of Object.keys(n)) if (k !== ":@" && k !== "#text" && k !== "#cdata") return k;
  return undefined;
}

function toElement(node: RawNode, parentScope: Map<string, string | null>, positions: Positions, locale: Locale): XmlElement {
  const qname = elementName(node)!;
  const start = (node[META] as { startIndex?: number } | undefined)?.startIndex ?? 0;
  const { line, column } = positions.at(start);
  // positions inside an element are not known: errors point at the element's start tag
  const fail = (key: MessageKey, params: Record<string, string> = {}) =>
    new XmlParseError("NOT-WELL-FORMED", say("notWellFormed", locale, { line, column, detail: say(key, locale, params) }), line, column);

  const rawAttributes = Object.entries(node[":@"] ?? {});
  let scope = parentScope;
  for (const [name, raw] of rawAttributes) {
    if (name !== "xmlns" && !name.startsWith("xmlns:")) continue;
    if (scope === parentScope) scope = new Map(parentScope);
    const value = attributeValue(raw, fail);
    scope.set(name === "xmlns" ? "" : name.slice(6), value === "" ? null : value);
  }
  const resolve = (name: string, isAttribute: boolean): { ns: string | null; local: string } => {
    const colon = name.indexOf(":");
    if (colon < 0) return { ns: isAttribute ? null : (scope.get("") ?? null), local: name };
    const prefix = name.slice(0, colon);
    const ns = scope.get(prefix);
    if (ns === undefined || ns === null) throw fail("unboundPrefix", { prefix });
    return { ns, local: name.slice(colon + 1) };
  };

  const attributes: XmlAttribute[] = [];
  for (const [name, raw] of rawAttributes) {
    if (name === "xmlns" || name.startsWith("xmlns:")) continue;
    attributes.push({ ...resolve(name, true), qname: name, value: attributeValue(raw, fail) });
  }
  const seen = new Set(attributes.map((a) => `${a.ns} ${a.local}`));
  if (seen.size !== attributes.length) throw fail("duplicateAttribute");

  const children: XmlElement[] = [];
  let text = "";
  for (const child of (node[qname] as RawNode[]) ?? []) {
    if ("#text" in child) {
      const raw = String(child["#text"]);
      if (raw.includes("]]>")) throw fail("cdataEnd");
      text += decode(raw, fail);
    } else if ("#cdata" in child) {
      for (const part of child["#cdata"] as RawNode[]) text += String(part["#text"] ?? "");
    } else if (elementName(child) !== undefined) {
      children.push(toElement(child, scope, positions, locale));
    }
  }
  return { ...resolve(qname, false), qname, attributes, children, text, line, column };
}

type Fail = (key: MessageKey, params?: Record<string, string>) => XmlParseError;

function decode(raw: string, fail: Fail): string {
  try {
    return decodeReferences(raw);
  } catch (e) {
    if (!(e instanceof BadReference)) throw e;
    const numeric = /^&#(x?)([0-9A-Fa-f]+);$/.exec(e.ref);
    const cp = numeric ? parseInt(numeric[2]!, numeric[1] ? 16 : 10) : NaN;
    throw fail("badReference", { ref: cp <= 0x10ffff ? `${e.ref} (${codePointName(String.fromCodePoint(cp))})` : e.ref });
  }
}

/** XML attribute-value normalisation: literal tab, LF (and CR, already LF) become spaces. */
function attributeValue(raw: string, fail: Fail): string {
  if (raw.includes("<")) throw fail("ltInAttribute");
  return decode(raw.replace(/[\t\n]/g, " "), fail);
}
