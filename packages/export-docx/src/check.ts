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
 * Parallel arrays rather than an object per member, and numbers, booleans and null never pushed:
 * a report is mostly numbers, and the allocations cost more than the check.
 */
export function checkCharacters(report: unknown, locale: Locale): void {
  const values: unknown[] = [report];
  const parents: number[] = [-1];
  const keys: (string | number)[] = [""];
  // the containers walked so far: each one's parent (an index here) and its key in that parent
  const seenParents: number[] = [];
  const seenKeys: (string | number)[] = [];
  while (values.length) {
    const value = values.pop();
    const parent = parents.pop()!;
    const key = keys.pop()!;
    if (typeof value === "string") {
      // most text holds no control character, surrogate or U+FFFE/U+FFFF at all: one scan without
      // look-arounds proves it; the rest (a surrogate pair is allowed) gets the exact check
      if (!SUSPECT.test(value)) continue;
      const bad = firstForbidden(value);
      if (!bad) continue;
      const path: (string | number)[] = [key];
      for (let p = parent; p > 0; p = seenParents[p]!) path.unshift(seenKeys[p]!);
      const pointer = parent < 0 ? "" : path.map((k) => `/${segment(k)}`).join("");
      throw new DocxExportError(
        "FORBIDDEN-CHARACTER",
        say("forbiddenCharacter", locale, { pointer: pointer || "/", char: bad.char, index: bad.index + 1 }),
        pointer,
      );
    }
    if (value === null || typeof value !== "object") continue;
    const here = seenParents.push(parent) - 1;
    seenKeys.push(key);
    const ks = Array.isArray(value) ? null : Object.keys(value);
    for (let i = (ks ?? (value as unknown[])).length - 1; i >= 0; i--) {
      const k = ks ? ks[i]! : i;
      const v = (value as Record<string | number, unknown>)[k];
      if (typeof v !== "string" && (v === null || typeof v !== "object")) continue;
      values.push(v);
      parents.push(here);
      keys.push(k);
    }
  }
}
