// The XML vocabulary: an edition's JSON Schema (+ vocabulary.json) compiled to the shape that
// renderXml writes, parseXml reads and generators/xsd describes. Plain JS so that the generator
// can import it without a build; one source, so the three cannot drift apart.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/** @type {import("./index.js").Vocabulary} */
export const vocabulary = require("./vocabulary.json");

const own = (o, k) => (Object.hasOwn(o, k) && !k.startsWith("$comment") ? o[k] : undefined);

/** The namespace of an edition's reports, e.g. urn:zfxxgk:annual-report:2021. */
export function namespaceOf(edition) {
  return vocabulary.namespace.replace("{edition}", edition);
}

// ASCII NCNames only, and none that XML reserves: an element name must survive every tool.
const NCNAME = /^(?![Xx][Mm][Ll])[A-Za-z_][A-Za-z0-9_.-]*$/;

export class VocabularyError extends Error {
  constructor(message) {
    super(message);
    this.name = "VocabularyError";
  }
}

function refName(ref, where) {
  const m = /^#\/\$defs\/([A-Za-z0-9_]+)$/.exec(ref);
  if (!m) throw new VocabularyError(`${where}: $ref ${ref} is not a #/$defs/ entry`);
  return m[1];
}

/** Own keywords merged over those of the $defs entry the node refers to (transitively). */
function resolve(root, node, where, depth = 0) {
  if (depth > 16) throw new VocabularyError(`${where}: $ref chain too long`);
  if (!node.$ref) return { merged: node, def: undefined, defLocation: undefined };
  const def = refName(node.$ref, where);
  const target = root.$defs?.[def];
  if (!target) throw new VocabularyError(`${where}: no $defs entry ${def}`);
  const inner = resolve(root, target, `/$defs/${def}`, depth + 1);
  const { $ref: _ref, ...rest } = node;
  return { merged: { ...inner.merged, ...rest }, def, defLocation: `/$defs/${def}` };
}

const STRUCTURAL = new Set(["$ref", "description", "$comment", "title", "default", "examples"]);

/**
 * @param {Record<string, any>} schema an edition's report schema
 * @returns {import("./index.js").ObjectShape}
 */
export function shapeOf(schema) {
  const defCache = new Map();
  const compile = (node, location, key, depth) => {
    if (depth > 32) throw new VocabularyError(`${location}: the schema nests too deep`);
    const { merged, def, defLocation } = resolve(schema, node, location);
    // a bare reference is the def itself: compile it once, so its shape is shared
    const bare = def !== undefined && Object.keys(node).every((k) => STRUCTURAL.has(k));
    if (bare && defCache.has(def)) return defCache.get(def);
    const shape = build(merged, bare ? defLocation : location, def, key, depth);
    if (bare) defCache.set(def, shape);
    return shape;
  };
  const build = (s, location, def, key, depth) => {
    const types = [s.type ?? []].flat();
    const nillable = types.includes("null");
    const base = { location, def, schema: s };
    if (s.properties) {
      if (nillable) throw new VocabularyError(`${location}: a nullable object has no XML form here`);
      const required = new Set(s.required ?? []);
      const members = [];
      const byElement = new Map();
      for (const [k, child] of Object.entries(s.properties)) {
        const element = own(vocabulary.renamed, k) ?? k;
        if (!NCNAME.test(element))
          throw new VocabularyError(`${location}/properties/${k}: "${element}" is not an XML name; add it to vocabulary.json "renamed"`);
        if (byElement.has(element)) throw new VocabularyError(`${location}: two members are written as <${element}>`);
        const m = {
          key: k,
          element,
          required: required.has(k),
          schema: child,
          location: `${location}/properties/${k}`,
          shape: compile(child, `${location}/properties/${k}`, k, depth + 1),
        };
        members.push(m);
        byElement.set(element, m);
      }
      return { ...base, kind: "object", members, byElement };
    }
    if (types.includes("object")) {
      const map = key === undefined ? undefined : own(vocabulary.maps, key);
      if (!map || typeof s.additionalProperties !== "object")
        throw new VocabularyError(`${location}: an object keyed by data needs an entry in vocabulary.json "maps"`);
      if (!NCNAME.test(map.item) || !NCNAME.test(map.keyAttribute)) throw new VocabularyError(`${location}: map names must be XML names`);
      return {
        ...base,
        kind: "map",
        item: map.item,
        keyAttribute: map.keyAttribute,
        keySchema: s.propertyNames ?? {},
        of: compile(s.additionalProperties, `${location}/additionalProperties`, undefined, depth + 1),
      };
    }
    if (types.includes("array")) {
      if (!s.items?.$ref) throw new VocabularyError(`${location}: array items must refer to a $defs entry, which names them`);
      const itemDef = refName(s.items.$ref, location);
      const item = own(vocabulary.itemNames, itemDef) ?? itemDef;
      if (!NCNAME.test(item)) throw new VocabularyError(`${location}: item name "${item}" is not an XML name`);
      return { ...base, kind: "list", item, of: compile(s.items, `${location}/items`, undefined, depth + 1) };
    }
    let scalar = types.filter((t) => t !== "null");
    if (scalar.length === 0) {
      const values = s.const !== undefined ? [s.const] : (s.enum ?? []);
      if (values.length && values.every((v) => typeof v === "string")) scalar = ["string"];
    }
    if (scalar.length !== 1) throw new VocabularyError(`${location}: cannot tell the XML type of ${JSON.stringify(s.type)}`);
    const kind = { string: "string", integer: "integer", number: "decimal", boolean: "boolean" }[scalar[0]];
    if (!kind) throw new VocabularyError(`${location}: type ${scalar[0]} has no XML form here`);
    return { ...base, kind, nillable };
  };
  const root = compile(schema, "", undefined, 0);
  if (root.kind !== "object") throw new VocabularyError("the report schema must describe an object");
  return root;
}
