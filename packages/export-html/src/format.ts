// How the report's values are written into the page: cells (counts, the 万元 fee), dates and text.

/**
 * Characters an HTML parser reports as errors or drops (C0/C1 controls other than tab, line feed
 * and carriage return; noncharacters; unpaired surrogates: with the u flag a class matches a
 * surrogate only when it is unpaired) become U+FFFD, so what the reader sees is exactly what the
 * parser keeps. The schema forbids them; a report rendered with --force may still hold them.
 */
const UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFDD0-\uFDEF\uFFFE\uFFFF\uD800-\uDFFF]/gu;
/**
 * One scan finds every text that needs more than escaping: unsafe characters, and line breaks
 * (kept as <br>). Without the u flag it also stops at paired surrogates (an emoji, a CJK
 * Extension B character); the slow path sorts those out. The u flag would cost 3× on every text.
 */
export const SPECIAL = /[\u0000-\u0008\u000A-\u001F\u007F-\u009F\u2028\u2029\uD800-\uDFFF\uFDD0-\uFDEF\uFFFE\uFFFF]/;

export function cleanText(value: unknown): string {
  const s = typeof value === "string" ? value : value === null || value === undefined ? "" : String(value);
  return SPECIAL.test(s) ? s.replace(UNSAFE, "\uFFFD") : s;
}

// U+2028/U+2029 are line breaks to a reader too
const LINE_BREAK = /\r\n|\r|\n|\u2028|\u2029/;

/**
 * A paragraph's lines when its text holds a line break (CR LF, CR, LF, U+2028, U+2029), each but
 * the first after a break (br); undefined for one line. Shared with @zfxxgk/export-docx (w:br).
 */
export function linesOf(text: string): { text: string; br: boolean }[] | undefined {
  return LINE_BREAK.test(text) ? text.split(LINE_BREAK).map((t, i) => ({ text: t, br: i > 0 })) : undefined;
}

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

/** A table cell: the report's number as it holds it, or blank (null), which is never shown as 0. */
export interface CellView {
  text: string;
  blank: boolean;
  /** a blank cell's note for screen readers, and its language when it is not the page's */
  note?: string;
  lang?: string;
  colspan?: number;
}

export function blankCell(note: string, lang?: string): CellView {
  return Object.freeze(lang ? { text: "", blank: true, note, lang } : { text: "", blank: true, note });
}

const SMALL: CellView[] = Array.from({ length: 100 }, (_, n) => Object.freeze({ text: String(n), blank: false }));

export function cellView(value: unknown, blank: CellView): CellView {
  if (value === null || value === undefined) return blank;
  if (typeof value === "number") {
    // most cells of a real report are small counts: share their views
    if (Number.isInteger(value) && value >= 0 && value < 100) return SMALL[value]!;
    return { text: plainNumber(value), blank: false };
  }
  // not a number (an invalid report rendered anyway): show what it holds, escaped by the template
  return { text: cleanText(value), blank: false };
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** 2025-01-17 → 2025年1月17日, as reports write the date under the agency's name. */
export function chineseDate(date: string): { text: string; iso: string | null } {
  const m = ISO_DATE.exec(date);
  if (!m) return { text: cleanText(date), iso: null };
  return { text: `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`, iso: date };
}
