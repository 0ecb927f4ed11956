// schema + labels (@zfxxgk/schema) + the XML vocabulary (packages/export-xml/vocabulary) →
// packages/export-xml/xsd/<edition>/report.xsd: the XSD of the XML that renderXml writes, with
// the format's Chinese labels as documentation. `--check` compares with the committed files
// instead of writing them (CI: stale check).
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import { reportSchemas } from "@zfxxgk/schema";
import { publishedModels } from "@zfxxgk/generator-model/generate";
import { namespaceOf, shapeOf, vocabulary } from "../../packages/export-xml/vocabulary/index.js";
import { writeOrCheck } from "../write-or-check.mjs";
import { labelIndex } from "./labels.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const outDir = (edition) => join(here, "../../packages/export-xml/xsd", edition);

const XS = "http://www.w3.org/2001/XMLSchema";
const P = "r"; // prefix of the target namespace, for type references and the unique constraint

const esc = (s) => String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** A JSON number as an xs:decimal literal (no exponent). */
function decimal(n) {
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(String(n));
  if (!m) return String(n);
  const [, sign, lead, frac = "", e] = m;
  const exp = Number(e);
  return exp < 0 ? `${sign}0.${"0".repeat(-exp - 1)}${lead}${frac}` : `${sign}${lead}${frac}${"0".repeat(exp - frac.length)}`;
}

/**
 * An ECMAScript pattern of the schema as an XSD pattern (XSD patterns are anchored). Refuses
 * constructs whose meaning differs between the two or that XSD lacks.
 */
function xsdPattern(pattern, where) {
  if (/\(\?|\\[dDwWbBuxpPck0-9]|(^|[^\\])\./.test(pattern))
    throw new Error(`${where}: pattern ${pattern} has no XSD equivalent; translate it or list it in vocabulary.json "notInXsd"`);
  const anchoredStart = pattern.startsWith("^");
  const anchoredEnd = pattern.endsWith("$") && !pattern.endsWith("\\$");
  const inner = pattern.slice(anchoredStart ? 1 : 0, anchoredEnd ? -1 : undefined);
  if (/(^|[^\\[])\^|(^|[^\\])\$/.test(inner)) throw new Error(`${where}: pattern ${pattern} has inner anchors`);
  return `${anchoredStart ? "" : "[\\s\\S]*"}${anchoredStart && anchoredEnd ? inner : `(${inner})`}${anchoredEnd ? "" : "[\\s\\S]*"}`;
}

const BUILT_IN = { string: "xs:string", integer: "xs:integer", decimal: "xs:decimal", boolean: "xs:boolean" };
const IGNORED = new Set(["description", "$comment", "default", "examples", "title", "$ref", "type"]);

/** The XSD of one edition, from its schema and its model (generators/model). */
export function editionXsd(schema, model) {
  const edition = model.edition;
  const ns = namespaceOf(edition);
  const shape = shapeOf(schema);
  const { labelAt, columnLabel } = labelIndex(model);
  const namedTypes = new Map(); // def → lines, in order of first use
  const uniques = { n: 0 };

  const notInXsd = (location, keyword) => Object.hasOwn(vocabulary.notInXsd, `${location}/${keyword}`);
  const refuse = (location, keyword) => {
    throw new Error(
      `${location}: the keyword ${keyword} has no XSD translation here; ` +
        `translate it in generators/xsd or list it in vocabulary.json "notInXsd"`,
    );
  };
  const isNamed = (s) => s.def !== undefined && s.location === `/$defs/${s.def}`;

  const documentation = (zh, description) => {
    const docs = [];
    if (zh) docs.push(`<xs:documentation xml:lang="zh-CN">${esc(zh)}</xs:documentation>`);
    if (description && description !== zh) docs.push(`<xs:documentation>${esc(description)}</xs:documentation>`);
    return docs.length ? ["<xs:annotation>", ...docs.map((d) => `  ${d}`), "</xs:annotation>"] : [];
  };
  const indent = (lines, by = "  ") => lines.map((l) => by + l);

  /** Facets of a leaf from keywords (own or merged) that apply at location; `derived`: the base is a named type. */
  function facets(s, location, kind, derived) {
    let base = BUILT_IN[kind];
    const out = [];
    for (const [k, v] of Object.entries(s)) {
      if (IGNORED.has(k) || notInXsd(location, k)) continue;
      switch (k) {
        case "enum":
        case "const":
          for (const value of k === "const" ? [v] : v) if (value !== null) out.push(`<xs:enumeration value="${esc(value)}"/>`);
          break;
        case "pattern":
          out.push(`<xs:pattern value="${esc(xsdPattern(v, `${location}/pattern`))}"/>`);
          break;
        case "format":
          if (v !== "date" || derived) refuse(location, `format ${v}`);
          base = "xs:date";
          // xs:date would also take a time zone (2024-01-01Z); the schema's dates have none
          out.push(`<xs:pattern value="[0-9]{4}-[0-9]{2}-[0-9]{2}"/>`);
          break;
        case "minimum":
          if (kind === "integer" && v === 0 && !derived) base = "xs:nonNegativeInteger";
          else out.push(`<xs:minInclusive value="${decimal(v)}"/>`);
          break;
        case "maximum":
          out.push(`<xs:maxInclusive value="${decimal(v)}"/>`);
          break;
        case "exclusiveMinimum":
          out.push(`<xs:minExclusive value="${decimal(v)}"/>`);
          break;
        case "exclusiveMaximum":
          out.push(`<xs:maxExclusive value="${decimal(v)}"/>`);
          break;
        case "minLength":
          out.push(`<xs:minLength value="${v}"/>`);
          break;
        case "maxLength":
          out.push(`<xs:maxLength value="${v}"/>`);
          break;
        default:
          refuse(location, k);
      }
    }
    return { base, facets: out };
  }

  function simpleType(s, location, kind, name, baseOverride, doc = []) {
    const f = facets(s, location, kind, baseOverride !== undefined);
    const base = baseOverride ?? f.base;
    const open = name ? `<xs:simpleType name="${name}">` : "<xs:simpleType>";
    if (!f.facets.length) return [open, ...indent(doc), `  <xs:restriction base="${base}"/>`, "</xs:simpleType>"];
    return [
      open,
      ...indent(doc),
      `  <xs:restriction base="${base}">`,
      ...indent(f.facets, "    "),
      "  </xs:restriction>",
      "</xs:simpleType>",
    ];
  }

  /** The type of a shape: a reference to a named type (its def), or an anonymous definition. */
  function typeOf(s, pointer) {
    if (isNamed(s)) {
      if (!namedTypes.has(s.def)) {
        namedTypes.set(s.def, null); // reserve the place: types appear in order of first use
        namedTypes.set(s.def, definition(s, pointer, s.def));
      }
      return { ref: `${P}:${s.def}` };
    }
    return { lines: definition(s, pointer) };
  }

  function checkKeywords(s, location, allowed) {
    for (const k of Object.keys(s)) if (!IGNORED.has(k) && !allowed.includes(k) && !notInXsd(location, k)) refuse(location, k);
  }

  function definition(s, pointer, name) {
    const nameAttr = name ? ` name="${name}"` : "";
    // a named type documents its $defs entry; an anonymous one is documented by its element
    const doc = name ? indent(documentation(undefined, s.schema.description)) : [];
    switch (s.kind) {
      case "object": {
        checkKeywords(s.schema, s.location, ["properties", "required", "additionalProperties", "$schema", "$id", "$defs"]);
        const body = s.members.flatMap((m) =>
          elementDecl(m.element, m.shape, {
            required: m.required,
            own: m.schema,
            location: m.location,
            pointer: name ? undefined : `${pointer}/${m.key}`,
            key: m.key,
          }),
        );
        return [`<xs:complexType${nameAttr}>`, ...doc, "  <xs:sequence>", ...indent(body, "    "), "  </xs:sequence>", "</xs:complexType>"];
      }
      case "list": {
        checkKeywords(s.schema, s.location, ["items", "minItems", "maxItems"]);
        const occurs = { min: s.schema.minItems ?? 0, max: s.schema.maxItems ?? "unbounded" };
        const item = elementDecl(s.item, s.of, { required: true, own: s.schema.items, location: `${s.location}/items`, occurs });
        return [`<xs:complexType${nameAttr}>`, ...doc, "  <xs:sequence>", ...indent(item, "    "), "  </xs:sequence>", "</xs:complexType>"];
      }
      case "map": {
        checkKeywords(s.schema, s.location, ["additionalProperties", "propertyNames"]);
        if (s.of.kind !== "string") throw new Error(`${s.location}: only maps of strings have an XML form`);
        const value = typeOf(s.of, undefined);
        if (!value.ref && value.lines.length) throw new Error(`${s.location}: map values must be of a named type or plain strings`);
        const valueType = value.ref ?? BUILT_IN[s.of.kind];
        checkKeywords(s.keySchema, `${s.location}/propertyNames`, ["pattern", "type"]);
        const keyType = s.keySchema.pattern
          ? indent(simpleType({ pattern: s.keySchema.pattern }, `${s.location}/propertyNames`, "string"), "        ")
          : [];
        const item = [
          `<xs:element name="${s.item}" minOccurs="0" maxOccurs="unbounded">`,
          "  <xs:complexType>",
          "    <xs:simpleContent>",
          `      <xs:extension base="${valueType}">`,
          keyType.length
            ? `        <xs:attribute name="${s.keyAttribute}" use="required">`
            : `        <xs:attribute name="${s.keyAttribute}" type="xs:string" use="required"/>`,
          ...(keyType.length ? [...indent(keyType, "  "), "        </xs:attribute>"] : []),
          "      </xs:extension>",
          "    </xs:simpleContent>",
          "  </xs:complexType>",
          "</xs:element>",
        ];
        return [`<xs:complexType${nameAttr}>`, ...doc, "  <xs:sequence>", ...indent(item, "    "), "  </xs:sequence>", "</xs:complexType>"];
      }
      default:
        checkKeywords(s.schema, s.location, [
          "enum",
          "const",
          "pattern",
          "format",
          "minimum",
          "maximum",
          "exclusiveMinimum",
          "exclusiveMaximum",
          "minLength",
          "maxLength",
        ]);
        // a leaf without facets of its own is of the built-in type: see elementDecl
        if (!name && s.def === undefined && !Object.keys(s.schema).some((k) => !IGNORED.has(k) && !notInXsd(s.location, k))) return [];
        return simpleType(s.schema, s.location, s.kind, name, undefined, name ? documentation(undefined, s.schema.description) : []);
    }
  }

  /**
   * An element declaration. `pointer` is the instance JSON pointer where known (outside named
   * types), for the label; inside a named type, members get their column label.
   */
  function elementDecl(element, s, { required, own, location, pointer, key, occurs }) {
    const attrs = [`name="${element}"`];
    const typeAttr = [];
    const min = occurs ? occurs.min : required ? 1 : 0;
    if (min !== 1) attrs.push(`minOccurs="${min}"`);
    if (occurs && occurs.max !== 1) attrs.push(`maxOccurs="${occurs.max}"`);
    if (s.nillable) attrs.push(`nillable="true"`);
    const zh = pointer !== undefined ? labelAt(pointer) : key !== undefined ? columnLabel(key) : undefined;
    const doc = documentation(zh, own?.description);
    let body = [];
    const ownFacets = own ? Object.keys(own).filter((k) => !IGNORED.has(k) && !notInXsd(location, k)) : [];
    if (s.def !== undefined && !isNamed(s) && ["string", "integer", "decimal", "boolean"].includes(s.kind)) {
      // a $ref with facets of its own (e.g. title: text that is not blank): restrict the named type
      typeOf(shapeOfDef(s.def), undefined);
      body = simpleType(Object.fromEntries(ownFacets.map((k) => [k, own[k]])), location, s.kind, undefined, `${P}:${s.def}`);
    } else {
      const t = typeOf(s, pointer);
      if (t.ref) typeAttr.push(`type="${t.ref}"`);
      else if (t.lines.length === 0) typeAttr.push(`type="${BUILT_IN[s.kind]}"`);
      else body = t.lines;
    }
    const constraint = [];
    if (s.kind === "map") {
      const name = `unique-${element}-${s.keyAttribute}${uniques.n++ ? `-${uniques.n}` : ""}`;
      constraint.push(
        `<xs:unique name="${name}">`,
        `  <xs:selector xpath="${P}:${s.item}"/>`,
        `  <xs:field xpath="@${s.keyAttribute}"/>`,
        "</xs:unique>",
      );
    }
    const open = [attrs[0], ...typeAttr, ...attrs.slice(1)].join(" ");
    if (!doc.length && !body.length && !constraint.length) return [`<xs:element ${open}/>`];
    return [`<xs:element ${open}>`, ...indent([...doc, ...body, ...constraint]), "</xs:element>"];
  }

  const defShapes = new Map();
  function shapeOfDef(def) {
    if (!defShapes.has(def)) {
      const wrapper = shapeOf({ ...schema, properties: { x: { $ref: `#/$defs/${def}` } }, required: [] });
      defShapes.set(def, wrapper.members[0].shape);
    }
    return defShapes.get(def);
  }

  const root = elementDecl(vocabulary.root, shape, { required: true, own: undefined, location: "", pointer: "" });
  const notCarried = Object.entries(vocabulary.notInXsd).filter(([k]) => !k.startsWith("$comment"));
  const head = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<!-- GENERATED by generators/xsd from @zfxxgk/schema (schemas/${edition}/report.schema.json, labels/${edition}.json)`,
    `     and packages/export-xml/vocabulary/vocabulary.json. Do not edit: run \`npm run generate\`. -->`,
    `<xs:schema xmlns:xs="${XS}" xmlns:${P}="${ns}" targetNamespace="${ns}" elementFormDefault="qualified" version="${esc(edition)}">`,
    "  <xs:annotation>",
    `    <xs:documentation xml:lang="zh-CN">政府信息公开工作年度报告（${esc(model.source)}）的 XML 格式：` +
      `元素名取自 JSON Schema 的字段名，标签见各元素的说明。` +
      `空白单元格写作 xsi:nil="true"，不写作 0。</xs:documentation>`,
    `    <xs:documentation xml:lang="en">${esc(schema.description)} Elements are named by the JSON Schema's keys, in its order; ` +
      `a blank cell (JSON null) is xsi:nil="true", never 0; an optional member that is absent has no element. ` +
      `Not carried by this XSD (checked on the JSON by the validator): ${notCarried
        .map(([k, why]) => `${k}: ${why}`)
        .map(esc)
        .join(" ")}</xs:documentation>`,
    "  </xs:annotation>",
  ];
  const body = [...root, ...[...namedTypes.values()].flat()];
  return [...head, ...indent(body), "</xs:schema>", ""].join("\n");
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const check = process.argv.includes("--check");
  let status = 0;
  for (const model of publishedModels()) {
    const xsd = editionXsd(reportSchemas[model.edition], model);
    status = Math.max(status, writeOrCheck(outDir(model.edition), { "report.xsd": xsd }, check, "generators/xsd", { ownsDir: true }));
  }
  process.exitCode = status;
}
