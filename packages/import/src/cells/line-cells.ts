// One line or table row → its label text and its figures. In an HTML table the last cells of a row
// are its value cells, an empty one being a blank cell; in text from a PDF, blank cells leave no
// trace, so only figures and printed blank marks (/, —, 无) count.
import type { DocLine } from "../read/document.js";
import type { CellKind } from "../labels.js";
import { norm } from "../normalise.js";
import type { Token } from "./observation.js";
import { inWanYuan, readCell, type CellReading } from "./tokens.js";

export interface LineCells {
  /** normalised label text of the line (its non-figure cells) */
  label: string;
  tokens: Token[];
  /** HTML: the row has exactly the expected number of value cells, each in its place */
  definite: boolean;
  /** how many of the tokens are figures (not blanks) */
  figures: number;
  /** PDF: each token's left edge and width */
  boxes?: { x: number; w: number }[];
}

/** A value cell as a token: a figure in its column's unit, a blank, or a figure in another unit (not read). */
function token(raw: string, r: CellReading, kind: CellKind, source: Token["source"]): Token {
  if (r.kind !== "number") return { raw, value: null, source };
  // the 2019 采购总金额 prints its unit in the cell: kept in 万元, with the text as printed
  if (kind === "money") {
    if (r.unit) return { raw, value: inWanYuan(r.digits!, r.unit), source, printed: raw.trim() };
    // no unit and none in the header: 0 is 0 in any unit, anything else is not known
    return r.value === 0 ? { raw, value: 0, source } : { raw, value: null, source, otherUnit: "" };
  }
  // the 2021 fee column is in 万元; a count never has a unit
  if (r.unit && !(kind === "amount" && r.unit === "万元")) return { raw, value: null, source, otherUnit: r.unit };
  return { raw, value: r.value, source };
}

export function lineCells(line: DocLine, expected: number, kinds: CellKind[]): LineCells {
  if (line.table !== undefined) {
    const own = line.cells.filter((c) => !c.carried);
    const values: Token[] = [];
    let k = own.length - 1;
    for (; k >= 0 && values.length < expected; k--) {
      const c = own[k]!;
      const kind = kinds[expected - 1 - values.length] ?? "count";
      const r = readCell(c.text, kind);
      if (r.kind === "text") break;
      values.unshift(token(c.text, r, kind, c.source));
    }
    // more figures before them: the row prints more value columns than the format has (another
    // edition's table), so which figure is which cell cannot be told — never the last ones taken
    let more = 0;
    for (; k >= 0 && values.length === expected + more; k--) {
      const c = own[k]!;
      const r = readCell(c.text, "count");
      if (r.kind !== "number") break;
      values.unshift(token(c.text, r, "count", c.source));
      more++;
    }
    const definite = values.length === expected && more === 0;
    if (definite) values.forEach((t, i) => (t.col = i));
    const label = norm(
      own
        .slice(0, k + 1)
        .map((c) => c.text)
        .join(""),
    );
    return { label, tokens: values, definite, figures: values.filter((t) => t.value !== null).length };
  }
  const tokens: Token[] = [];
  const boxes: { x: number; w: number }[] = [];
  let label = "";
  for (const c of line.cells) {
    const kind = kinds[Math.min(tokens.length, kinds.length - 1)] ?? "count";
    const r = readCell(c.text, kind);
    if (r.kind === "number" || (r.kind === "blank" && c.text.trim() !== "")) {
      tokens.push(token(c.text, r, kind, c.source));
      if (c.x !== undefined) boxes.push({ x: c.x, w: c.w ?? 0 });
    } else label += c.text;
  }
  const out: LineCells = { label: norm(label), tokens, definite: false, figures: tokens.filter((t) => t.value !== null).length };
  if (boxes.length === tokens.length && boxes.length > 0) out.boxes = boxes;
  return out;
}

/**
 * PDF: which column each figure is in, from the x positions of the figures of the table's full
 * rows. A row's figures are placed only when each is clearly nearest one column centre.
 */
export function columnCentres(rows: LineCells[], n: number): number[] | null {
  const full = rows.filter((r) => r.boxes && r.tokens.length === n);
  if (full.length === 0) return null;
  const centres: number[] = [];
  for (let k = 0; k < n; k++) {
    const xs = full.map((r) => r.boxes![k]!.x + r.boxes![k]!.w / 2).sort((a, b) => a - b);
    centres.push(xs[Math.floor(xs.length / 2)]!);
  }
  for (let k = 1; k < n; k++) if (!(centres[k]! > centres[k - 1]!)) return null;
  return centres;
}

export function placeByColumns(r: LineCells, centres: number[]): void {
  if (!r.boxes || r.tokens.length === 0) return;
  let minGap = Infinity;
  for (let k = 1; k < centres.length; k++) minGap = Math.min(minGap, centres[k]! - centres[k - 1]!);
  const cols: number[] = [];
  for (const b of r.boxes) {
    const x = b.x + b.w / 2;
    let best = -1;
    let dist = Infinity;
    centres.forEach((c, k) => {
      const d = Math.abs(c - x);
      if (d < dist) {
        dist = d;
        best = k;
      }
    });
    if (dist > minGap / 3) return; // not clearly in one column: leave the row to the rules
    cols.push(best);
  }
  for (let k = 1; k < cols.length; k++) if (cols[k]! <= cols[k - 1]!) return;
  r.tokens.forEach((t, k) => (t.col = cols[k]!));
  r.definite = true;
}
