// The one helper the templates use besides Handlebars' own: the value cells of a table row.
import type { HelperOptions } from "handlebars";
import { utf8 } from "./bytes.js";
import { cellText } from "./format.js";

// Tables 三 and 四 are mostly small counts, the same few texts over and over: a cell block's output
// for one is kept per block (options.fn) and text. Safe because it depends on its context alone:
// templates compile without @data, and a block that reached outside (../) would get a new
// options.fn each render, which finds nothing kept. Bounded: 0–99 and the blank cell, per block.
const kept = new WeakMap<(context: unknown) => string, Map<string | null, string>>();
function keptCell(block: (context: unknown) => string, text: string | null): string {
  let texts = kept.get(block);
  if (!texts) kept.set(block, (texts = new Map()));
  let out = texts.get(text);
  if (out === undefined) texts.set(text, (out = block(text)));
  return out;
}

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
    } else if (text === null) out += keptCell(options.inverse, null);
    else
      out +=
        typeof value === "number" && Number.isInteger(value) && value >= 0 && value < 100 ? keptCell(options.fn, text) : options.fn(text);
  }
  return out;
}
