// How the report's values are written into a table cell: counts and the 万元 fee as export-html
// writes them (plainNumber), a blank cell empty.
import { plainNumber } from "@zfxxgk/export-html";

const SMALL = Array.from({ length: 100 }, (_, n) => String(n));

/** The text of a count 0–99, most of a real report's cells; undefined for any other value. */
export const smallCount = (value: unknown): string | undefined =>
  typeof value === "number" && Number.isInteger(value) && value >= 0 && value < 100 ? SMALL[value] : undefined;

/** A table cell's text, or null for a blank cell (null, or absent), which is never shown as 0. */
export function cellText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return smallCount(value) ?? plainNumber(value);
  // not a number (an invalid report rendered anyway): show what it holds, escaped by the template
  return typeof value === "string" ? value : (JSON.stringify(value) ?? String(value));
}
