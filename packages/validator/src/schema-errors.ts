// ajv errors of the generated standalone validator → issues with zh-CN/en text and label paths.
import type { ErrorObject } from "../generated/ajv-error.js";
import type { Issue } from "./issue.js";
import { labelPathOf, unescapeSegment } from "./labels.js";
import { format, text, typeNames, type Locale } from "./messages.js";

const MAX_EXACT = 9007199254740991;

const segmentsOf = new Map<string, string[]>();

/** The value at a JSON pointer, or undefined. */
export function valueAt(root: unknown, pointer: string): unknown {
  let keys = segmentsOf.get(pointer);
  if (!keys) {
    keys = pointer.split("/").slice(1).map(unescapeSegment);
    // rules ask for the same few pointers on every report; error pointers vary, so bound it
    if (segmentsOf.size < 1000) segmentsOf.set(pointer, keys);
  }
  let node = root;
  for (const key of keys) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

function show(value: unknown): string {
  if (value === undefined) return "—";
  if (typeof value === "string") {
    const s = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    return JSON.stringify(s);
  }
  if (typeof value === "object" && value !== null) return Array.isArray(value) ? "[…]" : "{…}";
  return String(value);
}

function _typeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number" && !Number.isInteger(value)) return "number";
  if (typeof value === "number") return "integer";
  return typeof value;
}

function typeList(types: string, locale: Locale): string {
  const or = locale === "zh-CN" ? "或" : " or ";
  return types
    .split(",")
    .map((t) => typeNames[t]?.[locale] ?? t)
    .join(or);
}

/** Code points in s before offset, counted without spreading a text of millions of characters into an array. */
function codePoints(s: string, offset: number): number {
  let n = 0;
  for (let i = 0; i < offset; i++) {
    const c = s.charCodeAt(i);
    // a low surrogate after a high one is the second half of one code point
    if (!(c >= 0xdc00 && c <= 0xdfff && i > 0 && s.charCodeAt(i - 1) >= 0xd800 && s.charCodeAt(i - 1) <= 0xdbff)) n++;
  }
  return n;
}

function firstBadChar(s: string): { char: string; position: number } {
  const bad =
    /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u;
  const m = bad.exec(s);
  const cp = m ? m[0].codePointAt(0)! : 0;
  return { char: `U+${cp.toString(16).toUpperCase().padStart(4, "0")}`, position: m ? codePoints(s, m.index) + 1 : 0 };
}

const MARKUP = /<[A-Za-z/!?][^<>]{0,40}>?/;

export function schemaIssue(
  e: ErrorObject,
  root: unknown,
  nodes: Record<string, string> | null,
  locale: Locale,
  editions: readonly string[],
): Issue {
  let pointer = e.instancePath;
  const value = valueAt(root, pointer);
  let message: string;
  let code = `SCHEMA-${e.keyword.toUpperCase()}`;
  let actual: Issue["actual"] = typeof value === "number" || typeof value === "string" || value === null ? value : undefined;
  const p = e.params;
  switch (e.keyword) {
    case "type":
      if (typeof value === "number" && !Number.isFinite(value)) {
        // JSON.parse reads 1e400 as Infinity: a number too large, not a wrong type
        code = "SCHEMA-MAXIMUM";
        message = format(text.tooLarge[locale], { actual: locale === "zh-CN" ? "超出范围" : "out of range" });
        actual = undefined;
        break;
      }
      message = format(text.type[locale], { expected: typeList(String(p.type), locale), actual: show(value) });
      break;
    case "minimum":
    case "maximum":
      if (pointer === "/year" && typeof value === "number") {
        // the year is outside the edition's years: say which edition fits
        const edition = String((root as { edition?: unknown }).edition);
        message = format((e.keyword === "minimum" ? text.yearBeforeEdition : text.yearAfterEdition)[locale], { year: value, edition });
        break;
      }
      if (e.keyword === "maximum") {
        message =
          p.limit === MAX_EXACT
            ? format(text.tooLarge[locale], { actual: show(value) })
            : format(text.maximum[locale], { limit: p.limit, actual: show(value) });
        break;
      }
      message =
        p.limit === 0
          ? format(text.negative[locale], { actual: show(value) })
          : format(text.minimum[locale], { limit: p.limit, actual: show(value) });
      break;
    case "required": {
      if (pointer === "" && p.missingProperty === "migratedFrom") {
        // the schema's if/then: a 2019 or 2020 report in the 2021 format must have been migrated
        const year = (root as { year?: unknown }).year;
        pointer = "/year";
        code = "SCHEMA-MINIMUM";
        message = format(text.yearBeforeEdition[locale], { year: String(year), edition: String((root as { edition?: unknown }).edition) });
        actual = typeof year === "number" ? year : undefined;
        break;
      }
      pointer = `${pointer}/${p.missingProperty}`;
      message = format(text.required[locale], { label: labelPathOf(nodes, pointer, locale), key: p.missingProperty });
      actual = undefined;
      break;
    }
    case "additionalProperties":
      pointer = `${pointer}/${String(p.additionalProperty).replace(/~/g, "~0").replace(/\//g, "~1")}`;
      code = "SCHEMA-UNKNOWN-KEY";
      message = format(text.unknownKey[locale], { key: p.additionalProperty });
      actual = undefined;
      break;
    case "const":
      if (pointer === "/edition") {
        code = "SCHEMA-EDITION";
        message = format(text.edition[locale], { allowed: editions.join(", "), actual: show(value) });
      } else message = format(text.enum[locale], { allowed: show(p.allowedValue), actual: show(value) });
      break;
    case "enum":
      message = format(text.enum[locale], { allowed: (p.allowedValues as unknown[]).join(", "), actual: show(value) });
      break;
    case "pattern":
      ({ code, message } = patternIssue(String(p.pattern), pointer, value, locale));
      break;
    case "propertyNames":
      code = "SCHEMA-POINTER-KEY";
      message = format(text.pointerKey[locale], { key: p.propertyName });
      break;
    case "format":
      code = `SCHEMA-${String(p.format).toUpperCase()}`;
      message = format(p.format === "date" ? text.date[locale] : text.email[locale], { actual: show(value) });
      break;
    default:
      message = format(text.schemaOther[locale], { detail: e.message ?? e.keyword });
  }
  return {
    code,
    severity: "error",
    category: "schema",
    pointer,
    labelPath: labelPathOf(nodes, pointer, locale),
    message,
    ...(actual !== undefined ? { actual } : {}),
  };
}

function patternIssue(pattern: string, pointer: string, value: unknown, locale: Locale): { code: string; message: string } {
  const s = String(value);
  if (pattern.startsWith("^[^<\\u0000")) {
    // the text pattern: one scan for both control characters and markup
    const bad = firstBadChar(s);
    if (bad.position > 0) return { code: "SCHEMA-CONTROL-CHAR", message: format(text.controlChar[locale], bad) };
    // a whole tag is markup; a bare "a<b" is a comparison an HTML reader would misread: say that
    const snippet = MARKUP.exec(s)?.[0] ?? "<";
    return {
      code: "SCHEMA-MARKUP",
      message: format((snippet.endsWith(">") ? text.markup : text.lessThanLetter)[locale], { snippet: show(snippet) }),
    };
  }
  if (pattern === "\\S") return { code: "SCHEMA-EMPTY", message: text.notEmpty[locale] };
  if (pattern === "^[0-9]{6}$") {
    const which = pointer.endsWith("/postcode") ? text.postcode : text.regionCode;
    return { code: "SCHEMA-PATTERN", message: format(which[locale], { actual: show(value) }) };
  }
  if (pattern.startsWith("^[0-9A-HJ")) {
    return { code: "SCHEMA-PATTERN", message: format(text.creditCodeShape[locale], { actual: show(value) }) };
  }
  return { code: "SCHEMA-PATTERN", message: format(text.schemaOther[locale], { detail: `/${pattern}/` }) };
}
