// 表三 (收到和处理政府信息公开申请情况) from lines: each line with figures is matched to the next rows of
// the format by its label — its own, or the label pieces around it when a long label wraps over
// lines (PDF text: 「（二）部分公开（区分处理的，只计这一情」 / 447 7 0 … / 「形，不计其他情形）」) or a
// vertical label (三、本年度办理结果) is spread one character per line between the rows.
import type { DocLine } from "../read/document.js";
import type { EditionModel, Label, TableRow } from "../labels.js";
import { columnCentres, lineCells, placeByColumns, type LineCells } from "./line-cells.js";
import { lcsLength } from "../normalise.js";
import { commonWithLookalikes } from "../lookalike.js";
import type { Observation } from "./observation.js";
import type { Diagnostic, Locale } from "../types.js";
import { say, tableName } from "../messages.js";

interface ValueLine {
  line: DocLine;
  cells: LineCells;
  before: string;
  after: string;
}

const MAX_EXTRA = 30;
/** A row may print this many figures fewer than its cells (text drops blank cells); fewer is not a row. */
const MAX_SHORT = 2;
const range = (from: number, to: number) => Array.from({ length: Math.max(0, to - from) }, (_, k) => from + k);
/** A printed label this similar to a row's (common characters over the longer) names it, when its neighbours agree. */
const MIN_SIMILARITY = 0.7;

interface Match {
  row: number;
  variant?: string;
  byPosition?: boolean;
}

/**
 * How a printed label names a row when no plain comparison does: the share of characters in common
 * (in order) with the row's label, so a typo, a dropped or an added character costs little, and a
 * character OCR took for its look-alike (未/末, 己/已) less still.
 */
function similarity(v: ValueLine, l: Label): number {
  const own = v.cells.label;
  const text = own.length >= 4 ? own : v.before + own + v.after;
  if (text.length === 0 || text.length > 200) return 0;
  const common = commonWithLookalikes(text, l.norm);
  const sim = own.length >= 4 ? common / Math.max(text.length, l.norm.length) : common / l.norm.length;
  return common >= 3 && sim >= MIN_SIMILARITY ? sim : 0;
}

/**
 * The printed rows aligned against the edition's row sequence: the placement in order that names
 * the most rows best (plain matches score 1.5–3, similar labels under 1). Rows left between two
 * placed ones are then given to the lines left there (label-less, or a label too garbled to
 * compare) by position, only where as many lines as rows are left: the neighbours place them.
 */
function align(lines: ValueLine[], rows: TableRow[], isGroup: (v: ValueLine) => boolean): (Match | undefined)[] {
  const V = lines.length;
  const R = rows.length;
  const S: { score: number; variant?: string }[][] = lines.map((v) => {
    const plain = rows.map((r) => score(v, r.label, false));
    if (plain.some((p) => p.score > 0)) return plain;
    // a label recognised by similarity is reported as the variant it is
    return rows.map((r) => ({ score: similarity(v, r.label), variant: v.cells.label || v.before + v.after }));
  });
  // best[k][j]: the best total placing lines k.. on rows j..
  const best: Float64Array[] = Array.from({ length: V + 1 }, () => new Float64Array(R + 1));
  for (let k = V - 1; k >= 0; k--) {
    for (let j = R - 1; j >= 0; j--) {
      const take = S[k]![j]!.score > 0 ? S[k]![j]!.score + best[k + 1]![j + 1]! : -1;
      best[k]![j] = Math.max(take, best[k + 1]![j]!, best[k]![j + 1]!);
    }
  }
  const plan: (Match | undefined)[] = new Array(V);
  for (let k = 0, j = 0; k < V && j < R; ) {
    const s = S[k]![j]!;
    if (s.score > 0 && best[k]![j] === s.score + best[k + 1]![j + 1]!) {
      plan[k++] = s.variant ? { row: j++, variant: s.variant } : { row: j++ };
    } else if (best[k]![j] === best[k + 1]![j]) k++;
    else j++;
  }
  // lines left between two placed ones (or the table's ends) take the rows left there by position
  let k = 0;
  let lastRow = -1;
  while (k <= V) {
    if (k < V && !plan[k]) {
      let e = k;
      while (e < V && !plan[e]) e++;
      const nextRow = e < V ? plan[e]!.row : R;
      const free = nextRow - lastRow - 1;
      // a line whose label names a group (（六）其他处理 as one row) is a row of another layout, not one
      // of these; a line with too few figures to be a row (a figure strayed from its cell) is none
      const run = range(k, e).filter((t) => lines[t]!.cells.tokens.length >= rows[0]!.columns.length - MAX_SHORT);
      const placeable = run.every((t) => !isGroup(lines[t]!));
      if (free === run.length && placeable) run.forEach((t, q) => (plan[t] = { row: lastRow + 1 + q, byPosition: true }));
      k = e;
      continue;
    }
    if (k < V) lastRow = plan[k]!.row;
    k++;
  }
  return plan;
}

/** A group label of table 三 (（六）其他处理) printed as a row of its own. */
function groupOf(v: ValueLine, model: EditionModel): { pointer: string; label: string } | null {
  const own = v.cells.label;
  if (own.length < 3) return null;
  for (const g of model.table3.groups) {
    if (own === g.label.norm || own.endsWith(g.label.norm))
      return { pointer: `/applications/${g.path.split(".").join("/")}`, label: g.label.text };
  }
  return null;
}

/**
 * How well a line's label (and the label pieces around it) names a row: 0 not at all … 3 its own
 * label. `slow` allows the fuzzy comparison, for lines no row matches plainly.
 */
function score(v: ValueLine, l: Label, slow: boolean): { score: number; variant?: string } {
  let best = 0;
  let variant: string | undefined;
  const own = v.cells.label;
  const forms = l.variants.length
    ? [{ norm: l.norm, text: undefined as string | undefined }, ...l.variants]
    : [{ norm: l.norm, text: undefined }];
  for (const f of forms) {
    const L = f.norm;
    let s = 0;
    if (own?.includes(L)) s = 3;
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

export function readTable3(lines: DocLine[], model: EditionModel, locale: Locale, looseLabels = false): Table3Read {
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
  const centres = columnCentres(
    valueIdx.map((i) => parsed[i]!),
    n,
  );
  if (centres) for (const i of valueIdx) if (parsed[i]!.tokens.length < n) placeByColumns(parsed[i]!, centres);

  const valueLines: ValueLine[] = valueIdx.map((i, k) => {
    const prev = k > 0 ? valueIdx[k - 1]! : -1;
    const next = k + 1 < valueIdx.length ? valueIdx[k + 1]! : lines.length;
    const between = (a: number, b: number) =>
      parsed
        .slice(a, b)
        .map((c) => c?.label ?? "")
        .join("");
    // labels torn from their rows: the text around a label-less row names no row in particular
    if (looseLabels && !parsed[i]!.label) return { line: lines[i]!, cells: parsed[i]!, before: "", after: "" };
    return { line: lines[i]!, cells: parsed[i]!, before: between(prev + 1, i), after: between(i + 1, next) };
  });

  const observations: Observation[] = [];
  const plan = align(valueLines, rows, (v) => groupOf(v, model) !== null);
  let extras = 0;
  for (let k = 0; k < valueLines.length; k++) {
    const v = valueLines[k]!;
    const m = plan[k];
    if (!m) {
      const raw = v.cells.tokens.map((t) => t.raw).join(" ");
      // so many lines that match no row: the rest is not this table
      if (++extras > MAX_EXTRA) break;
      const group = groupOf(v, model);
      if (group) {
        // a row the edition splits (2019's （六）其他处理 in a 2021 report): its parts stay unknown
        diagnostics.push({
          pointer: group.pointer,
          reason: "layout",
          severity: "warning",
          message: say("groupRow", locale, { label: group.label, raw }),
          source: v.line.source,
          raw,
        });
        continue;
      }
      diagnostics.push({
        pointer: "/applications",
        reason: "extra",
        severity: "warning",
        message: say("extraRow", locale, { table: tableName("applications", locale), raw }),
        source: v.line.source,
        raw,
      });
      continue;
    }
    const row: TableRow = rows[m.row]!;
    const obs: Observation = { row, tokens: v.cells.tokens, source: v.line.source };
    if (m.variant) obs.labelVariant = m.variant;
    if (m.byPosition) obs.byPosition = true;
    observations.push(obs);
  }
  return { observations, diagnostics, found: observations.length };
}

/** The header's column labels as printed, where they are variants (社会组织 for 社会公益组织). */
export function table3ColumnVariants(lines: DocLine[], model: EditionModel, locale: Locale): Diagnostic[] {
  const out: Diagnostic[] = [];
  const header = lines
    .slice(0, 12)
    .map((l) => l.text)
    .join("");
  for (const c of model.table3.columns) {
    if (header.includes(c.label.text)) continue;
    for (const v of c.label.variants) {
      if (v.text.includes("\n") || !header.includes(v.text)) continue;
      out.push({
        pointer: "/applications",
        reason: "label-variant",
        severity: "info",
        message: say("columnVariant", locale, { variant: v.text, label: c.label.text }),
        source: {},
      });
      break;
    }
  }
  return out;
}
