// The report object: every table cell at its JSON pointer, the text sections, the metadata, and
// sourceTokens for cells the source left blank or printed in another unit. Text is kept as printed, except what the schema's
// text rule forbids (control characters, markup-like "<"), which is replaced and reported.
import type { EditionModel } from "../labels.js";
import type { CellResult } from "../resolve/resolve.js";
import type { TextSection } from "./text-sections.js";

// eslint-disable-next-line no-control-regex
const CONTROL =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const MARKUP = /<(?=[A-Za-z/!?])/g;

/** Text as the schema accepts it; `changed` is set when something had to be replaced. */
const SUSPECT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF<]/;

export function cleanText(s: string, changed: { value: boolean }): string {
  if (!SUSPECT.test(s)) return s;
  let t = s;
  if (CONTROL.test(t)) {
    changed.value = true;
    t = t.replace(CONTROL, "");
  }
  CONTROL.lastIndex = 0;
  if (MARKUP.test(t)) {
    changed.value = true;
    t = t.replace(MARKUP, "＜");
  }
  MARKUP.lastIndex = 0;
  return t;
}

export function cleanSection(s: TextSection, changed: { value: boolean }): TextSection {
  const out: TextSection = { paragraphs: s.paragraphs.map((p) => cleanText(p, changed)) };
  if (s.subsections?.length) {
    out.subsections = s.subsections.map((sub) => {
      const heading = cleanText(sub.heading, changed);
      const paragraphs = sub.paragraphs.map((p) => cleanText(p, changed));
      return sub.runIn ? { heading, runIn: true, paragraphs } : { heading, paragraphs };
    });
  }
  return out;
}

/** A table, or a part of one, as nested objects: a pointer's keys lead to the cell's figure or null. */
export interface TableNode {
  [key: string]: TableNode | number | null;
}

/**
 * The three tables as nested objects, cells in the format's order, with the raw tokens of blank
 * cells and the printed text of converted ones (2019 采购总金额 75394432.52元, stored in 万元).
 */
export function tables(
  model: EditionModel,
  cells: (CellResult | undefined)[],
): { data: Partial<Record<string, TableNode>>; sourceTokens: Record<string, string> } {
  const data: TableNode = {};
  const sourceTokens: Record<string, string> = {};
  for (let i = 0; i < model.cells.length; i++) {
    const c = model.cells[i]!;
    const r = cells[i];
    let o = data;
    for (const key of c.path.slice(0, -1)) {
      const next = o[key];
      if (next === undefined || next === null || typeof next === "number") o = o[key] = {};
      else o = next;
    }
    o[c.path[c.path.length - 1]!] = r ? r.value : null;
    if (r?.status === "blank") sourceTokens[c.pointer] = r.raw ?? "";
    else if (r?.printed !== undefined) sourceTokens[c.pointer] = r.printed;
  }
  const out: Partial<Record<string, TableNode>> = {};
  for (const [k, v] of Object.entries(data)) if (v !== null && typeof v === "object") out[k] = v;
  return { data: out, sourceTokens };
}
