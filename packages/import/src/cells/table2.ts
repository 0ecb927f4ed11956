// 表二 (主动公开政府信息情况) from lines: each block's rows by their labels (规章, 行政规范性文件, 行政许可…),
// in print order, with the figures on the label's line. In a PDF each figure's column comes from
// the block's header (本年制发件数…) above it.
import type { DocLine } from "../read/document.js";
import type { EditionModel } from "../labels.js";
import { lineCells, type LineCells } from "./line-cells.js";
import { norm } from "../normalise.js";
import type { Observation } from "./observation.js";

/** PDF: the header cells' left edges, to put a figure under the header it stands beneath. */
function headerEdges(lines: DocLine[], from: number, to: number, columnLabels: string[]): number[] | null {
  for (let i = from; i < to; i++) {
    const cells = lines[i]!.cells;
    if (cells.length < 2 || cells[0]!.x === undefined) continue;
    const xs = columnLabels.map((l) => cells.find((c) => norm(c.text).includes(l))?.x);
    if (xs.every((x) => x !== undefined)) return xs as number[];
  }
  return null;
}

function placeUnder(c: LineCells, edges: number[]): void {
  if (!c.boxes) return;
  const cols = c.boxes.map((b) => {
    const centre = b.x + b.w / 2;
    let col = -1;
    edges.forEach((e, k) => {
      if (centre >= e - 2) col = k;
    });
    return col;
  });
  if (cols.some((k) => k < 0) || cols.some((k, i) => i > 0 && k <= cols[i - 1]!)) return;
  c.tokens.forEach((t, i) => (t.col = cols[i]!));
  c.definite = true;
}

const range = (from: number, to: number) => Array.from({ length: Math.max(0, to - from) }, (_, k) => from + k);

export function readTable2(lines: DocLine[], model: EditionModel): { observations: Observation[]; found: number } {
  const observations: Observation[] = [];
  let cursor = 0;
  const used = new Set<number>();
  const labels: (string | undefined)[] = new Array(lines.length);
  const labelOf = (i: number) => {
    const l = lines[i]!;
    if (l.kind === "blank") return "";
    if (l.table !== undefined) return (labels[i] ??= norm(l.cells.filter((c) => !c.carried)[0]?.text ?? ""));
    return (labels[i] ??= lineCells(l, 1, ["money"]).label);
  };
  for (const block of model.table2.blocks) {
    const kinds = block.columns.map((c) => c.kind);
    const blockStart = cursor;
    for (const row of block.rows) {
      // in print order; a block a converter moved ahead of the others is looked for before the cursor too
      const order = [...range(cursor, lines.length), ...range(0, cursor)];
      for (const i of order) {
        if (used.has(i)) continue;
        const own = labelOf(i);
        if (!own) continue;
        let variant: string | undefined;
        // the label must be the whole label cell: 规范性文件 is not 行政规范性文件
        let ok = own === row.label.norm || own.endsWith(row.label.norm);
        if (!ok) {
          const v = row.label.variants.find((v) => own === v.norm);
          if (v) {
            ok = true;
            variant = v.text;
          }
        }
        if (!ok) continue;
        const c = lineCells(lines[i]!, row.columns.length, kinds);
        // extractors that write a cell per line: the label, then its figures on lines of their own
        if (c.tokens.length === 0 && lines[i]!.table === undefined) {
          for (let j = i + 1; j < lines.length && c.tokens.length < row.columns.length; j++) {
            const l = lines[j]!;
            if (l.kind === "blank") continue;
            const next = lineCells(l, row.columns.length - c.tokens.length, kinds.slice(c.tokens.length));
            if (next.label || next.tokens.length === 0) break;
            c.tokens.push(...next.tokens);
          }
        }
        if (!c.definite && c.boxes && c.tokens.length > 0) {
          const edges = headerEdges(
            lines,
            blockStart,
            i,
            block.columns.map((col) => col.label.norm),
          );
          if (edges) placeUnder(c, edges);
        }
        const obs: Observation = { row, tokens: c.tokens, source: lines[i]!.source };
        if (variant) obs.labelVariant = variant;
        observations.push(obs);
        used.add(i);
        if (i >= cursor) cursor = i + 1;
        break;
      }
    }
  }
  return { observations, found: observations.length };
}
