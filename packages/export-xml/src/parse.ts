// parseXml: an XML report (as renderXml writes it, or any namespace-equivalent form) back to the
// JSON report, members in schema order. Reads by the same shape the writer and the XSD follow.
import type { Report } from "@zfxxgk/types";
import type { LeafShape, ListShape, MapShape, ObjectShape, Shape } from "../vocabulary/index.js";
import { DECIMAL, isXmlSpace, trimXml } from "./chars.js";
import { editionOfNamespace, rootElement, xmlEditions } from "./editions.js";
import { XmlParseError } from "./errors.js";
import { namespaceOf } from "../vocabulary/index.js";
import { kindName, localeOf, say, type Locale, type MessageKey } from "./messages.js";
import { readXmlTree, XSI, type XmlElement } from "./xml-tree.js";

export interface ParseXmlOptions {
  /** Language of error messages. Default zh-CN. */
  locale?: Locale;
}

// xsi attributes a document may carry anywhere; only xsi:nil means something here
const XSI_IGNORED = new Set(["schemaLocation", "noNamespaceSchemaLocation"]);

/**
 * Reads a report from XML. Checks what it needs to read (well-formedness, the vocabulary's
 * elements and value syntax), not the XSD's facets or the schema's rules: validate the result.
 * Throws XmlParseError.
 */
export function parseXml(xml: string, options: ParseXmlOptions = {}): Report {
  const locale = localeOf(options.locale);
  if (typeof xml !== "string") throw new TypeError("parseXml takes a string");
  const root = readXmlTree(xml, locale);
  const edition = editionOfNamespace(root.ns);
  if (!edition || root.local !== rootElement) {
    const found = root.ns ? `<${root.local}> (${root.ns})` : `<${root.local}> ${say("noNamespace", locale, {})}`;
    throw new XmlParseError(
      "NOT-A-REPORT",
      say("notAReport", locale, { root: rootElement, namespaces: xmlEditions.map(namespaceOf).join(", "), found }),
      root.line,
      root.column,
      `/${root.local}`,
    );
  }
  return new Reader(edition.namespace, locale).object(edition.shape, root, `/${rootElement}`) as unknown as Report;
}

class Reader {
  constructor(
    private readonly ns: string,
    private readonly locale: Locale,
  ) {}

  private fail(
    code: "STRUCTURE" | "VALUE",
    key: MessageKey,
    at: XmlElement,
    path: string,
    params: Record<string, string> = {},
  ): XmlParseError {
    return new XmlParseError(code, say(key, this.locale, { path, line: at.line, ...params }), at.line, at.column, path);
  }

  /** Allows xmlns (already taken), the ignorable xsi attributes, xsi:nil where nillable and the named ones. */
  private attributes(el: XmlElement, path: string, nillable: boolean, allowed: string[] = []): boolean {
    let nil = false;
    for (const a of el.attributes) {
      if (a.ns === XSI && XSI_IGNORED.has(a.local)) continue;
      if (a.ns === null && allowed.includes(a.local)) continue;
      if (a.ns === XSI && a.local === "nil" && nillable) {
        const v = trimXml(a.value);
        if (v !== "true" && v !== "false" && v !== "1" && v !== "0")
          throw this.fail("VALUE", "badValue", el, `${path}/@${a.qname}`, { value: a.value, expected: kindName("boolean", this.locale) });
        nil = v === "true" || v === "1";
        continue;
      }
      throw this.fail("STRUCTURE", "unexpectedAttribute", el, path, { attribute: a.qname });
    }
    return nil;
  }

  private elementOnly(el: XmlElement, path: string): void {
    if (!isXmlSpace(el.text)) throw this.fail("STRUCTURE", "unexpectedText", el, path);
  }

  private ours(child: XmlElement, path: string): void {
    if (child.ns !== this.ns) {
      throw this.fail("STRUCTURE", "unexpectedElement", child, path, {
        element: child.ns ? `<${child.qname}> (${child.ns})` : `<${child.qname}>`,
      });
    }
  }

  read(shape: Shape, el: XmlElement, path: string): unknown {
    switch (shape.kind) {
      case "object":
        return this.object(shape, el, path);
      case "list":
        return this.list(shape, el, path);
      case "map":
        return this.map(shape, el, path);
      default:
        return this.leaf(shape, el, path);
    }
  }

  object(shape: ObjectShape, el: XmlElement, path: string): Record<string, unknown> {
    this.attributes(el, path, false);
    this.elementOnly(el, path);
    const found = new Map<string, XmlElement>();
    for (const child of el.children) {
      this.ours(child, path);
      const m = shape.byElement.get(child.local);
      if (!m) throw this.fail("STRUCTURE", "unexpectedElement", child, path, { element: `<${child.qname}>` });
      if (found.has(m.key)) throw this.fail("STRUCTURE", "duplicateElement", child, path, { element: child.local });
      found.set(m.key, child);
    }
    const out: Record<string, unknown> = {};
    for (const m of shape.members) {
      const child = found.get(m.key);
      if (child) out[m.key] = this.read(m.shape, child, `${path}/${m.element}`);
      else if (m.required) throw this.fail("STRUCTURE", "missingElement", el, path, { element: m.element });
    }
    return out;
  }

  private list(shape: ListShape, el: XmlElement, path: string): unknown[] {
    this.attributes(el, path, false);
    this.elementOnly(el, path);
    return el.children.map((child, i) => {
      this.ours(child, path);
      if (child.local !== shape.item) throw this.fail("STRUCTURE", "unexpectedElement", child, path, { element: `<${child.qname}>` });
      return this.read(shape.of, child, `${path}/${shape.item}[${i + 1}]`);
    });
  }

  private map(shape: MapShape, el: XmlElement, path: string): Record<string, unknown> {
    this.attributes(el, path, false);
    this.elementOnly(el, path);
    const out: Record<string, unknown> = {};
    el.children.forEach((child, i) => {
      this.ours(child, path);
      const at = `${path}/${shape.item}[${i + 1}]`;
      if (child.local !== shape.item) throw this.fail("STRUCTURE", "unexpectedElement", child, path, { element: `<${child.qname}>` });
      const key = child.attributes.find((a) => a.ns === null && a.local === shape.keyAttribute)?.value;
      if (key === undefined) throw this.fail("STRUCTURE", "missingAttribute", child, at, { attribute: shape.keyAttribute });
      if (Object.hasOwn(out, key)) throw this.fail("STRUCTURE", "duplicateKey", child, path, { attribute: shape.keyAttribute, key });
      // defineProperty: a key such as __proto__ is data here, not the object's prototype
      const value = this.leaf(shape.of as LeafShape, child, at, [shape.keyAttribute]);
      Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
    });
    return out;
  }

  private leaf(shape: LeafShape, el: XmlElement, path: string, allowed: string[] = []): unknown {
    const nil = this.attributes(el, path, shape.nillable, allowed);
    if (el.children.length)
      throw this.fail("STRUCTURE", "unexpectedElement", el.children[0]!, path, { element: `<${el.children[0]!.qname}>` });
    if (nil) {
      if (el.text !== "") throw this.fail("VALUE", "nilNotEmpty", el, path);
      return null;
    }
    if (shape.kind === "string") return el.text;
    const v = trimXml(el.text);
    if (shape.kind === "boolean") {
      if (v === "true" || v === "1") return true;
      if (v === "false" || v === "0") return false;
    } else if (DECIMAL.test(v)) {
      // read as JSON.parse reads a number: the nearest double
      const n = Number(v);
      if (Number.isFinite(n)) return n;
    }
    throw this.fail("VALUE", "badValue", el, path, { value: el.text, expected: kindName(shape.kind, this.locale) });
  }
}
