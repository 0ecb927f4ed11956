// The one helper the templates use besides Handlebars' own: the value cells of a table row.
import type { HelperOptions } from "handlebars";
import { cellView, type CellView } from "./format.js";

/**
 * {{#eachCell values blank}}filled cell{{else}}blank cell{{/eachCell}} writes the block once per
 * value, with the value's text as its context ({{this}}); a null value takes the {{else}} block
 * instead, with the blank cell (its note for screen readers) as context, so a blank never
 * prints as 0. Given colspans=list, the i-th cell spans list[i] columns (undefined: one), and the
 * context of either block is the cell: {{text}}, {{colspan}}. One helper call per row, where an
 * #each and an #if per cell would cost twice as much: tables 三 and 四 hold 190 cells.
 */
export function eachCell(this: unknown, values: unknown[], blank: CellView, options: HelperOptions): string {
  const spanned = Object.hasOwn(options.hash, "colspans");
  const colspans = options.hash.colspans as (number | undefined)[] | undefined;
  let out = "";
  for (let i = 0; i < values.length; i++) {
    const cell = cellView(values[i], blank);
    if (spanned) {
      const colspan = colspans?.[i];
      out += cell.blank ? options.inverse({ ...cell, colspan }) : options.fn({ text: cell.text, colspan });
    } else out += cell.blank ? options.inverse(cell) : options.fn(cell.text);
  }
  return out;
}
