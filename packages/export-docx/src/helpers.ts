// The one helper the templates use besides Handlebars' own: the value cells of a table row.
import type { HelperOptions } from "handlebars";
import { utf8 } from "./bytes.js";
import { cellText, smallCount } from "./format.js";

type Block = (context: unknown) => string;

// Tables 二, 三 and 四 are mostly small counts, the same few texts over and over: a cell block's
// output for one is kept per block (options.fn or options.inverse), span and count. Safe because it
// depends on its context alone: templates compile without @data, and a block that reached outside
// (../) would get a new options.fn each render, which finds nothing kept. Bounded: counts 0–99 (the
// blank cell at 0 of its own block) for the few spans the layouts have. Looked up once per row.
const kept = new WeakMap<Block, string[][]>();
function keptOf(block: Block): string[][] {
  let bySpan = kept.get(block);
  if (!bySpan) kept.set(block, (bySpan = []));
  return bySpan;
}

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
  const filled = keptOf(options.fn);
  const blank = keptOf(options.inverse);
  let out = "";
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    const colspan = spanned ? colspans?.[i] : undefined;
    const span = colspan ?? 1;
    if (value === null || value === undefined) {
      const k = (blank[span] ??= []);
      out += k[0] ??= options.inverse(spanned ? { colspan } : null);
      continue;
    }
    const count = smallCount(value);
    if (count !== undefined) {
      const k = (filled[span] ??= []);
      out += k[value as number] ??= options.fn(spanned ? { text: count, colspan } : count);
      continue;
    }
    // a number's text is ASCII; anything else is turned into the byte string the template writes (bytes.ts)
    const text = typeof value === "number" ? cellText(value)! : utf8(cellText(value)!);
    out += options.fn(spanned ? { text, colspan } : text);
  }
  return out;
}
