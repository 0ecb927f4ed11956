// HTML tables → rows of cells on a grid: rowspan and colspan resolved, so that a cell spanning
// several rows (三、本年度办理结果, （三）不予公开) is seen by every row it covers. Works the same on
// Word/TRS markup and on a plain exported <table>.
import type { HtmlNode } from "./html-tree.js";
import { attr, cellText, children } from "./html-tree.js";

export interface GridCell {
  node: HtmlNode;
  text: string;
  row: number;
  col: number;
  rowspan: number;
  colspan: number;
}

export interface GridRow {
  /** the row's cells left to right, each once, including cells carried down from rows above */
  cells: { cell: GridCell; col: number; carried: boolean }[];
}

const MAX_SPAN = 1000;
const MAX_COLUMNS = 200;
const MAX_ROWS = 2000;

function span(v: string | undefined): number {
  const n = v === undefined ? 1 : Number.parseInt(v, 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, MAX_SPAN) : 1;
}

/** The <tr> of this table, in order, not those of tables nested inside it. */
export function tableRows(table: HtmlNode): HtmlNode[] {
  const rows: HtmlNode[] = [];
  const visit = (n: HtmlNode) => {
    for (const c of children(n)) {
      if (c.nodeName === "tr") rows.push(c);
      else if (c.nodeName === "thead" || c.nodeName === "tbody" || c.nodeName === "tfoot") visit(c);
    }
  };
  visit(table);
  return rows.slice(0, MAX_ROWS);
}

export function grid(table: HtmlNode): GridRow[] {
  const trs = tableRows(table);
  // occupied[r] maps a column to the cell covering it
  const occupied: Map<number, GridCell>[] = trs.map(() => new Map());
  trs.forEach((tr, r) => {
    let col = 0;
    for (const td of children(tr)) {
      if (td.nodeName !== "td" && td.nodeName !== "th") continue;
      while (occupied[r]!.has(col)) col++;
      if (col >= MAX_COLUMNS) break;
      const rowspan = Math.min(span(attr(td, "rowspan")), trs.length - r);
      const colspan = Math.min(span(attr(td, "colspan")), MAX_COLUMNS - col);
      const cell: GridCell = { node: td, text: cellText(td), row: r, col, rowspan, colspan };
      for (let dr = 0; dr < rowspan; dr++) for (let dc = 0; dc < colspan; dc++) occupied[r + dr]!.set(col + dc, cell);
      col += colspan;
    }
  });
  return occupied.map((m, r) => {
    const cols = [...m.keys()].sort((a, b) => a - b);
    const seen = new Set<GridCell>();
    const cells: GridRow["cells"] = [];
    for (const c of cols) {
      const cell = m.get(c)!;
      if (seen.has(cell)) continue;
      seen.add(cell);
      cells.push({ cell, col: cell.col, carried: cell.row !== r });
    }
    return { cells };
  });
}
