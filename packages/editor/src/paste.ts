// Pasting from a spreadsheet: tab-separated figures, one table row a line, fill the cells from the
// focused one rightwards (and the rows below it for more lines), in the same table only.
import type { CellSpec } from "./table-model.js";

/** Rows of cells of tab-separated text; a single value with no tab or line break is no table. */
export function parseClipboard(text: string): string[][] | null {
  const body = text.replace(/\r\n?/g, "\n").replace(/\n+$/, "");
  if (!body.includes("\t") && !body.includes("\n")) return null;
  return body.split("\n").map((line) => line.split("\t").map((s) => s.trim()));
}

/**
 * Which cell receives which text: the value at [i][j] goes to the cell i rows below and j columns
 * right of the start; values that fall outside the table are returned as dropped.
 */
export function pasteTargets(
  start: CellSpec,
  matrix: string[][],
  cells: readonly CellSpec[],
): { writes: [CellSpec, string][]; dropped: number } {
  const grid = new Map<string, CellSpec>();
  for (const c of cells) if (c.table === start.table) grid.set(`${c.row}:${c.col}`, c);
  const writes: [CellSpec, string][] = [];
  let dropped = 0;
  matrix.forEach((line, i) =>
    line.forEach((text, j) => {
      const target = grid.get(`${start.row + i}:${start.col + j}`);
      if (target) writes.push([target, text]);
      else dropped++;
    }),
  );
  return { writes, dropped };
}
