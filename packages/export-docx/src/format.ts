// How the report's values are written into the document: cells (counts, the 万元 fee) and dates.

/** A number as its plain decimal digits: never exponent notation, never rounded. */
export function plainNumber(n: number): string {
  const s = String(n);
  if (!/e/i.test(s)) return s;
  const [mantissa, exp] = s.split(/e/i) as [string, string];
  const negative = mantissa.startsWith("-");
  const [int, frac = ""] = mantissa.replace("-", "").split(".") as [string, string?];
  const digits = int + frac;
  const point = int.length + Number(exp);
  const body =
    point <= 0
      ? `0.${"0".repeat(-point)}${digits}`
      : point >= digits.length
        ? digits + "0".repeat(point - digits.length)
        : `${digits.slice(0, point)}.${digits.slice(point)}`;
  return (negative ? "-" : "") + body;
}

const SMALL = Array.from({ length: 100 }, (_, n) => String(n));

/** A table cell's text, or null for a blank cell (null, or absent), which is never shown as 0. */
export function cellText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return Number.isInteger(value) && value >= 0 && value < 100 ? SMALL[value]! : plainNumber(value);
  // not a number (an invalid report rendered anyway): show what it holds, escaped by the template
  return typeof value === "string" ? value : (JSON.stringify(value) ?? String(value));
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** 2025-01-17 → 2025年1月17日, as reports write the date under the agency's name. */
export function chineseDate(date: string): string {
  const m = ISO_DATE.exec(date);
  return m ? `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日` : date;
}
