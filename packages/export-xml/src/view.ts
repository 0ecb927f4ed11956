// A report → the element tree the templates print, following the edition's shape. Refuses (with
// the value's JSON pointer) whatever XML would lose or change; checks nothing else.
import type { LeafShape, ListShape, MapShape, ObjectShape, Shape } from "../vocabulary/index.js";
import { firstForbidden } from "./chars.js";
import { XmlExportError } from "./errors.js";
import { kindName, say, type Locale } from "./messages.js";

/** One element; `partial` names the template that prints it. */
export type ElementView =
  | { partial: "group"; name: string; children: ElementView[] }
  | { partial: "empty"; name: string }
  | { partial: "nil"; name: string }
  | { partial: "text"; name: string; value: string }
  | { partial: "number"; name: string; value: number }
  | { partial: "boolean"; name: string; value: boolean }
  | { partial: "entry"; name: string; attributeName: string; key: string; value: string };

const pointerToken = (key: string) => key.replace(/~/g, "~0").replace(/\//g, "~1");

const jsonType = (v: unknown): string => (v === null ? "null" : Array.isArray(v) ? "array" : typeof v);

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

export function viewOf(shape: ObjectShape, report: unknown, locale: Locale): ElementView[] {
  const fail = (
    code: "FORBIDDEN-CHARACTER" | "SHAPE",
    pointer: string,
    key: Parameters<typeof say>[0],
    params: Record<string, string | number> = {},
  ) => new XmlExportError(code, say(key, locale, { pointer: pointer || "/", ...params }), pointer);

  const wrongType = (pointer: string, kind: string, value: unknown, nillable = false) =>
    fail("SHAPE", pointer, "wrongType", { expected: kindName(kind, locale, nillable), actual: kindName(jsonType(value), locale) });

  const checkString = (pointer: string, s: string) => {
    const bad = firstForbidden(s);
    if (bad) throw fail("FORBIDDEN-CHARACTER", pointer, "forbiddenCharacter", { char: bad.char });
  };

  const members = (s: ObjectShape, value: unknown, pointer: string): ElementView[] => {
    if (!isRecord(value)) throw wrongType(pointer, "object", value);
    for (const key of Object.keys(value)) {
      if (value[key] !== undefined && !s.members.some((m) => m.key === key))
        throw fail("SHAPE", `${pointer}/${pointerToken(key)}`, "unknownMember");
    }
    const out: ElementView[] = [];
    for (const m of s.members) {
      const v = Object.hasOwn(value, m.key) ? value[m.key] : undefined;
      const at = `${pointer}/${pointerToken(m.key)}`;
      if (v === undefined) {
        if (m.required) throw fail("SHAPE", at, "missing");
        continue;
      }
      out.push(element(m.shape, v, at, m.element));
    }
    return out;
  };

  const list = (s: ListShape, value: unknown, pointer: string): ElementView[] => {
    if (!Array.isArray(value)) throw wrongType(pointer, "list", value);
    const out: ElementView[] = [];
    for (let i = 0; i < value.length; i++) out.push(element(s.of, value[i], `${pointer}/${i}`, s.item));
    return out;
  };

  const entries = (s: MapShape, value: unknown, pointer: string): ElementView[] => {
    if (!isRecord(value)) throw wrongType(pointer, "map", value);
    if (s.of.kind !== "string") throw new Error(`${s.location}: only maps of strings have an XML form`);
    const out: ElementView[] = [];
    for (const [key, v] of Object.entries(value)) {
      const at = `${pointer}/${pointerToken(key)}`;
      checkString(at, key);
      if (typeof v !== "string") throw wrongType(at, "string", v);
      checkString(at, v);
      out.push({ partial: "entry", name: s.item, attributeName: s.keyAttribute, key, value: v });
    }
    return out;
  };

  const leaf = (s: LeafShape, value: unknown, pointer: string, name: string): ElementView => {
    if (value === null) {
      if (s.nillable) return { partial: "nil", name };
      throw wrongType(pointer, s.kind, value);
    }
    switch (s.kind) {
      case "string":
        if (typeof value !== "string") throw wrongType(pointer, s.kind, value, s.nillable);
        checkString(pointer, value);
        return { partial: "text", name, value };
      case "boolean":
        if (typeof value !== "boolean") throw wrongType(pointer, s.kind, value, s.nillable);
        return { partial: "boolean", name, value };
      default:
        if (typeof value !== "number") throw wrongType(pointer, s.kind, value, s.nillable);
        if (!Number.isFinite(value)) throw fail("SHAPE", pointer, "notFinite", { value: String(value) });
        return { partial: "number", name, value };
    }
  };

  const element = (s: Shape, value: unknown, pointer: string, name: string): ElementView => {
    let children: ElementView[];
    if (s.kind === "object") children = members(s, value, pointer);
    else if (s.kind === "list") children = list(s, value, pointer);
    else if (s.kind === "map") children = entries(s, value, pointer);
    else return leaf(s, value, pointer, name);
    return children.length ? { partial: "group", name, children } : { partial: "empty", name };
  };

  return members(shape, report, "");
}
