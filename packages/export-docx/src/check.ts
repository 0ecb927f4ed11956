// Before anything is written: every string of the report must be text XML 1.0 can carry, or the
// render stops and names it, as renderXml does (with export-xml's own check). A Word document is
// XML: a control character or a lone surrogate would make it a file Word refuses to open, and
// replacing it would change what the user wrote without saying so.
import { firstForbidden } from "@zfxxgk/export-xml";
import { DocxExportError } from "./errors.js";
import { say, type Locale } from "./messages.js";

const SUSPECT = /[\0-\x08\x0B\x0C\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF]/;

const segment = (k: string | number): string => String(k).replace(/~/g, "~0").replace(/\//g, "~1");

/**
 * Walks the whole value, members the format does not have included, without recursion (a hostile
 * report may nest deeper than the stack); the pointer is built only for the string it names.
 */
export function checkCharacters(report: unknown, locale: Locale): void {
  const stack: { value: unknown; parent: number; key: string | number }[] = [{ value: report, parent: -1, key: "" }];
  const seen: { parent: number; key: string | number }[] = [];
  while (stack.length) {
    const item = stack.pop()!;
    const { value } = item;
    if (typeof value === "string") {
      // most text holds no control character, surrogate or U+FFFE/U+FFFF at all: one scan without
      // look-arounds proves it; the rest (a surrogate pair is allowed) gets the exact check
      if (!SUSPECT.test(value)) continue;
      const bad = firstForbidden(value);
      if (!bad) continue;
      const keys: (string | number)[] = [item.key];
      for (let p = item.parent; p > 0; p = seen[p]!.parent) keys.unshift(seen[p]!.key);
      const pointer = item.parent < 0 ? "" : keys.map((k) => `/${segment(k)}`).join("");
      throw new DocxExportError("FORBIDDEN-CHARACTER", say("forbiddenCharacter", locale, { pointer: pointer || "/", char: bad.char, index: bad.index + 1 }), pointer);
    }
    if (value === null || typeof value !== "object") continue;
    const here = seen.push({ parent: item.parent, key: item.key }) - 1;
    if (Array.isArray(value)) for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], parent: here, key: i });
    else for (const k of Object.keys(value).reverse()) stack.push({ value: (value as Record<string, unknown>)[k], parent: here, key: k });
  }
}
