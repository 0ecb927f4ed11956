// The one helper the templates use besides Handlebars' own: the value cells of a table row.
import type { HelperOptions } from "handlebars";
import { utf8 } from "./bytes.js";
import { cellText } from "./format.js";

const utf8OrNull = (text: string | null): string | null => (text === null ? null : utf8(text));

/**
 * {{#eachCell values}}filled cell{{else}}blank cell{{/eachCell}} writes the block once per value,
 * with the value's text as its context ({{this}}); a null value takes the {{else}} block, so a
 * blank cell stays empty and never prints as 0. Given colspans=list, the context of either block
 * is { text, colspan } with the i-th cell spanning list[i] grid columns (undefined: one). One
 * helper call per row: tables 三 and 四 hold 190 cells.
 */
export function eachCell(this: unknown, values: unknown[], options: HelperOptions): string {
  const spanned = Object.hasOwn(options.hash, "colspans");
  const colspans = options.hash.colspans as (number | undefined)[] | undefined;
  let out = "";
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    // a number's text is ASCII; anything else is turned into the byte string the template writes (bytes.ts)
    const text = typeof value === "number" ? cellText(value) : utf8OrNull(cellText(value));
    if (spanned) {
      const colspan = colspans?.[i];
      out += text === null ? options.inverse({ colspan }) : options.fn({ text, colspan });
    } else out += text === null ? options.inverse(null) : options.fn(text);
  }
  return out;
}
