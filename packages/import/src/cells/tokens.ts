// Table cell text → a figure, a blank, or not a figure at all; and text lines → cells.
import type { CellKind } from "../labels.js";
import { vocabulary } from "../vocabulary.js";

const BLANKS = new Set(vocabulary.blankTokens.map((t) => t.replace(/&nbsp;/g, "").trim()));

/** Full-width digits and signs → ASCII; nothing else is touched. */
function asciiDigits(s: string): string {
  return /[\uff10-\uff19\uff0b\uff0d\uff0e\uff0c]/.test(s)
    ? s.replace(/[\uff10-\uff19\uff0b\uff0d\uff0e\uff0c]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    : s;
}

export type CellReading =
  | { kind: "number"; value: number; raw: string; unit?: "元" | "万元"; digits?: string }
  | { kind: "blank"; raw: string }
  | { kind: "text"; raw: string };

const COUNT = /^\d+$/;
const LABEL_START = /^[\u4e00-\u9fff（(【[]/;
const GROUPED = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const DECIMAL = /^\d+(?:\.\d+)?$/;
const SIGNED = /^[+-]?\d+$/;
/** A figure with the unit the cell prints (the 2019 采购总金额 has no unit in its header: 251000元, 75394432.52元). */
const WITH_UNIT = /^(\d+(?:\.\d+)?)(万元|元)$/;

/** Reads one table cell. `kind` says what the format expects there; a count never has a fraction. */
export function readCell(text: string, kind: CellKind = "count"): CellReading {
  // most cells are plain figures
  if (text.length <= 15 && COUNT.test(text)) return { kind: "number", value: Number(text), raw: text };
  // and most of the rest are labels, which open with a Chinese character or a bracket
  if (text.length > 3 && LABEL_START.test(text) && !BLANKS.has(text.trim())) return { kind: "text", raw: text };
  const raw = text;
  const t = asciiDigits(text.replace(/[\s\u00a0\u3000]+/g, ""));
  if (BLANKS.has(t)) return { kind: "blank", raw };
  const plain = GROUPED.test(t) ? t.replace(/,/g, "") : t;
  if (COUNT.test(plain)) {
    const value = Number(plain);
    return Number.isSafeInteger(value) ? { kind: "number", value, raw } : { kind: "text", raw };
  }
  if (kind === "amount" || kind === "money") {
    if (DECIMAL.test(plain)) return { kind: "number", value: Number(plain), raw };
    const m = WITH_UNIT.exec(plain);
    // the caller decides what a unit means in its column (a 元 figure in the 万元 column is not 万元)
    if (m) return { kind: "number", value: Number(m[1]), raw, unit: m[2] as "元" | "万元", digits: m[1]! };
  }
  if (kind === "signed" && SIGNED.test(plain)) return { kind: "number", value: Number(plain), raw };
  return { kind: "text", raw };
}

/**
 * A figure printed in 元 or 万元, in 万元: 元 moves the decimal point four places
 * (75394432.52 → 7539.443252), exactly, where a division by 10000 would leave binary noise.
 */
export function inWanYuan(digits: string, unit: "元" | "万元"): number {
  if (unit === "万元") return Number(digits);
  const [int = "", frac = ""] = digits.split(".");
  const padded = int.padStart(5, "0");
  const head = padded.slice(0, -4).replace(/^0+(?=\d)/, "");
  const tail = (padded.slice(-4) + frac).replace(/0+$/, "");
  return Number(tail ? `${head}.${tail}` : head);
}

/** Is the cell a figure or a blank mark of any kind (what a label never is)? */
export function isValueCell(text: string): boolean {
  if (text.length > 40) return false; // no figure or blank mark is that long
  const r = readCell(text, "money");
  if (r.kind !== "text") return r.kind === "number" || r.raw.trim() !== "";
  return readCell(text, "signed").kind === "number";
}

/**
 * A line of text extracted from a PDF → its cells: tabs separate cells; so do runs of two or more
 * spaces (layout-preserving extractors); a cell that is figures separated by single spaces is
 * several cells ("0 0 0").
 */
export function splitCells(line: string): string[] {
  if (!line.includes("\t") && !line.includes("  ") && !line.includes("\u3000\u3000")) {
    const t = line.trim();
    if (t === "") return [];
    if (/^[\d.,/—\-+]+(?: [\d.,/—\-+]+)+$/.test(t)) return t.split(" ");
    // extractors that separate cells by one space: a label, then figures (规章 0 0 0)
    const m = /^(.*[^\d\s.,/—\-+])((?: [\d.,/—\-+]+)+)$/.exec(t);
    return m && !/[年月日号]$/.test(m[1]!) ? [m[1]!, ...m[2]!.trim().split(" ")] : [t];
  }
  const out: string[] = [];
  for (const part of line.split(/\t| {2,}|\u3000{2,}/)) {
    const t = part.trim();
    if (t === "") continue;
    if (/^[\d.,/—\-+]+(?: [\d.,/—\-+]+)+$/.test(t)) out.push(...t.split(" "));
    else out.push(t);
  }
  return out;
}
