// 表三 (收到和处理政府信息公开申请情况) from lines: each line with figures is matched to the next rows of
// the format by its label — its own, or the label pieces around it when a long label wraps over
// lines (PDF text: 「（二）部分公开（区分处理的，只计这一情」 / 447 7 0 … / 「形，不计其他情形）」) or a
// vertical label (三、本年度办理结果) is spread one character per line between the rows.
import type { DocLine } from "./document.js";
import type { EditionModel, Label, TableRow } from "./labels.js";
import { columnCentres, lineCells, placeByColumns, type LineCells } from "./line-cells.js";
import { lcsLength } from "./normalise.js";
import type { Observation } from "./observation.js";
import type { Diagnostic, Locale } from "./types.js";
import { say, tableName } from "./messages.js";

interface ValueLine {
  line: DocLine;
  cells: LineCells;
  before: string;
  after: string;
}

const WINDOW = 4;
const MAX_EXTRA = 30;

/**
 * How well a line's label (and the label pieces around it) names a row: 0 not at all … 3 its own
 * label. `slow` allows the fuzzy comparison, for lines no row matches plainly.
 */
function score(v: ValueLine, l: Label, slow: boolean): { score: number; variant?: string } {
  let best = 0;
  let variant: string | undefined;
  const own = v.cells.label;
  const forms = l.variants.length ? [{ norm: l.norm, text: undefined as string | undefined }, ...l.variants] : [{ norm: l.norm, text: undefined }];
  for (const f of forms) {
    const L = f.norm;
    let s = 0;
    if (own && own.includes(L)) s = 3;
    else if (own.length >= 4 && L.includes(own)) s = 2.5;
    else {
      const ctx = v.before + own + v.after;
      if (ctx.includes(L)) s = 2;
      else if ((v.before.length >= 4 && L.includes(v.before)) || (v.after.length >= 4 && L.includes(v.after))) s = 1.5;
      else if (slow && ctx.length > 0 && ctx.length < 200 && lcsLength(ctx, L) >= Math.max(3, 0.8 * L.length)) s = 1;
    }
    if (s > best) {
      best = s;
      variant = f.text;
    }
  }
  return variant ? { score: best, variant } : { score: best };
}

export interface Table3Read {
  observations: Observation[];
  diagnostics: Diagnostic[];
  /** how many of the format's rows were found */
  found: number;
}

export function readTable3(lines: DocLine[], model: EditionModel, locale: Locale): Table3Read {
  const rows = model.table3.rows;
  const n = model.table3.columns.length;
  const kinds = model.table3.columns.map((c) => c.kind);
  const diagnostics: Diagnostic[] = [];
  const parsed = lines.map((line) => (line.kind === "blank" ? null : lineCells(line, n, kinds)));

  // a line with figures is a row; so is a line whose label is exactly a row's label (all its cells blank)
  const isLabelOnlyRow = (i: number) => {
    const c = parsed[i];
    if (!c || c.tokens.length > 0 || !c.label) return false;
    return rows.some((r) => r.label.norm === c.label || r.label.variants.some((v) => v.norm === c.label));
  };
  const valueIdx: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    const c = parsed[i];
    if (!c) continue;
    if (c.figures > 0 || (c.tokens.length > 0 && (c.label || c.definite))) valueIdx.push(i);
    else if (isLabelOnlyRow(i)) {
      // unless it is the label of the figures on the next line (a label wrapped above its figures)
      let j = i + 1;
      while (j < lines.length && !parsed[j]) j++;
      const next = parsed[j];
      if (!(next && next.figures > 0 && !next.label)) valueIdx.push(i);
    }
  }

  // PDF: place each figure in its column by x position, from the rows that print all seven
  const centres = columnCentres(valueIdx.map((i) => parsed[i]!), n);
  if (centres) for (const i of valueIdx) if (parsed[i]!.tokens.length < n) placeByColumns(parsed[i]!, centres);

  const valueLines: ValueLine[] = valueIdx.map((i, k) => {
    const prev = k > 0 ? valueIdx[k - 1]! : -1;
    const next = k + 1 < valueIdx.length ? valueIdx[k + 1]! : lines.length;
    const between = (a: number, b: number) =>
      parsed
        .slice(a, b)
        .map((c) => c?.label ?? "")
        .join("");
    return { line: lines[i]!, cells: parsed[i]!, before: between(prev + 1, i), after: between(i + 1, next) };
  });

  const observations: Observation[] = [];
  let cursor = 0;
  let extras = 0;
  for (let k = 0; k < valueLines.length && cursor < rows.length && extras <= MAX_EXTRA; k++) {
    const v = valueLines[k]!;
    let pick = -1;
    let best = 0;
    let variant: string | undefined;
    for (const slow of [false, true]) {
      for (let r = cursor; r < Math.min(rows.length, cursor + WINDOW); r++) {
        const s = score(v, rows[r]!.label, slow);
        if (s.score > best) {
          best = s.score;
          pick = r;
          variant = s.variant;
        }
        if (best === 3) break; // its own label: no later row can do better
      }
      if (pick >= 0) break;
    }
    let byPosition = false;
    if (pick < 0) {
      // no label to go by: take the row by position only when the figure lines and the rows left pair off exactly
      if (valueLines.length - k === rows.length - cursor) {
        pick = cursor;
        byPosition = true;
      } else {
        const raw = v.cells.tokens.map((t) => t.raw).join(" ");
        // so many lines that match no row: the rest is not this table
        if (++extras > MAX_EXTRA) break;
        diagnostics.push({ pointer: "/applications", reason: "extra", severity: "warning", message: say("extraRow", locale, { table: tableName("applications", locale), raw }), source: v.line.source, raw });
        continue;
      }
    }
    const row: TableRow = rows[pick]!;
    const obs: Observation = { row, tokens: v.cells.tokens, source: v.line.source };
    if (variant) obs.labelVariant = variant;
    if (byPosition) obs.byPosition = true;
    observations.push(obs);
    cursor = pick + 1;
  }
  return { observations, diagnostics, found: observations.length };
}

/** The header's column labels as printed, where they are variants (社会组织 for 社会公益组织). */
export function table3ColumnVariants(lines: DocLine[], model: EditionModel, locale: Locale): Diagnostic[] {
  const out: Diagnostic[] = [];
  const header = lines.slice(0, 12).map((l) => l.text).join("");
  for (const c of model.table3.columns) {
    if (header.includes(c.label.text)) continue;
    for (const v of c.label.variants) {
      if (v.text.includes("\n") || !header.includes(v.text)) continue;
      out.push({ pointer: "/applications", reason: "label-variant", severity: "info", message: say("columnVariant", locale, { variant: v.text, label: c.label.text }), source: {} });
      break;
    }
  }
  return out;
}
