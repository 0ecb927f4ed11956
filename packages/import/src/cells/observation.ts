// What a table reader saw for one row of the format: figures in order (with their column where the
// layout tells it), or a run of figures with no separators. resolve.ts turns these into cells.
import type { TableRow } from "../labels.js";
import type { SourcePosition } from "../types.js";

export interface Token {
  raw: string;
  /** null for a blank mark (/, —, 无, an empty HTML cell) */
  value: number | null;
  /** the column (0-based) when the layout says it: HTML grid, PDF x position */
  col?: number;
  /**
   * a figure printed in another unit than its column's (1211元 under 本年收费金额（单位：万元）), or
   * "" for a figure with no unit where the column prints none (2019 采购总金额): not read
   */
  otherUnit?: string;
  /** the cell as printed when its value was converted (75394432.52元 → 7539.443252 万元) */
  printed?: string;
  source: SourcePosition;
}

export interface Observation {
  row: TableRow;
  /** figures in source order; when every token has a col, their places are known */
  tokens?: Token[];
  /** figures run together (crawled text), to be cut by the rules */
  run?: string;
  /** the unit printed right after the run (…政府集中采购13575394432.52元): its money column's unit */
  unit?: "元" | "万元";
  source: SourcePosition;
  /** the row's label was recognised by a variant (规范性文件) or not at all but by position */
  labelVariant?: string;
  byPosition?: boolean;
}
