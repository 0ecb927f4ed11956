// Report ↔ form: what a cell input shows for a value and what value a typed text becomes, the text
// sections as one paragraph per line, and the empty report every cell of which is blank (null).
import { editionModel } from "@zfxxgk/edition";
import type { Edition } from "./labels.js";
import type { CellKind } from "./table-model.js";
import { tableModelOf } from "./table-model.js";
import { setAt } from "./pointer.js";

export type Report = Record<string, unknown>;

/** What a cell input shows: a number as written, blank as "", anything else (a typed non-number) as is. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return String(value);
  return String(value);
}

// Spreadsheets and Chinese input methods bring full-width digits, signs and thousands separators
const FULL_WIDTH = /[０-９．，－＋]/g;
function halfWidth(s: string): string {
  return s.replace(FULL_WIDTH, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/\u2212/g, "-");
}

/**
 * What a typed cell text becomes in the report: "" → null (blank, never 0); a number → the number;
 * anything else stays the text, so that the validator reports it on that cell as not a number.
 * Only a signed cell (2019's 本年增/减, a decrease written -3) takes a minus sign; otherwise the kind
 * does not restrict what is accepted: a decimal in a count cell is the validator's to flag.
 */
export function cellValue(text: string, kind: CellKind): number | string | null {
  const t = halfWidth(text.trim());
  if (t === "") return null;
  const plain = t.replace(/(\d),(?=\d{3}(\D|$))/g, "$1");
  if ((kind === "signed" ? /^[+-]?(\d+(\.\d*)?|\.\d+)$/ : /^[+]?(\d+(\.\d*)?|\.\d+)$/).test(plain)) {
    const n = Number(plain);
    if (Number.isFinite(n)) return n;
  }
  return text;
}

/** A text section's paragraphs as the textarea shows them: one a line. */
export function paragraphsText(paragraphs: unknown): string {
  return Array.isArray(paragraphs) ? paragraphs.map(String).join("\n") : "";
}

/** The textarea's lines as paragraphs; blank lines separate nothing and are dropped. */
export function textParagraphs(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== "");
}

/** A report of the edition (2021 unless told) with every table cell blank and no text yet. */
export function emptyReport(year: number, edition: Edition = "2021"): Report {
  const r: Report = {
    edition,
    year,
    title: "",
    agency: { name: "" },
    overview: { paragraphs: [] },
    proactiveDisclosure: {},
    applications: {},
    reviewAndLitigation: {},
    problemsAndImprovements: { paragraphs: [] },
    otherMatters: { paragraphs: [] },
  };
  for (const c of tableModelOf(edition).cells) setAt(r, c.pointer, null);
  return r;
}

/** The text sections the form edits, in print order, with their headings as the edition prints them. */
export function textSectionsOf(edition: Edition): { key: "overview" | "problemsAndImprovements" | "otherMatters"; heading: string }[] {
  return (["overview", "problemsAndImprovements", "otherMatters"] as const).map((key) => ({
    key,
    heading: editionModel(edition).sections.find((s) => s.key === key)!.heading,
  }));
}
