// Text normalisation for label matching: full/half-width forms, quotes, whitespace and line breaks,
// 1、 for 1. — and a map back to source offsets, for text whose table cells run together.

import { radicals } from "./vocabulary.js";

const QUOTES = "“”„‟\"'‘’‚‛「」『』〝〞＂＇";

/** A CJK Radicals Supplement character as the ideograph it stands for (NFKC leaves these). */
const radical = (c: string): string | undefined => radicals[c];

// what each UTF-16 unit folds to, filled lazily: undefined = not computed yet
const folded: (string | undefined)[] = new Array(0x10000);

/** One source character as the matcher sees it ("" when the matcher ignores it). */
function foldUnit(code: number): string {
  const hit = folded[code];
  if (hit !== undefined) return hit;
  const c = String.fromCharCode(code);
  let f: string;
  if (
    code <= 0x20 ||
    code === 0x3000 ||
    code === 0xa0 ||
    (code >= 0x200b && code <= 0x200d) ||
    code === 0xfeff ||
    code === 0x2028 ||
    code === 0x2029
  )
    f = "";
  else if (QUOTES.includes(c)) f = "";
  else if (code >= 0xd800 && code <= 0xdfff)
    f = c; // a surrogate: left as it is
  else {
    // ASCII and the CJK unified block need no compatibility mapping; everything else may (（ → (,
    // ：→ :, full-width digits, Kangxi radicals that PDF fonts emit for ordinary characters)
    const n = code < 0x80 || (code >= 0x4e00 && code <= 0x9fff) ? c : (radical(c) ?? c.normalize("NFKC"));
    f = n.length === 1 && /\s/.test(n) ? "" : n;
  }
  folded[code] = f;
  return f;
}

const DIGIT_MARK = new Set(["、", ",", "．"]);

/** The form labels are compared in: no whitespace or quotes, NFKC, 1、 → 1. */
export function norm(s: string): string {
  let out = "";
  let lastDigit = false;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    let f = code >= 0x4e00 && code <= 0x9fff ? s[i]! : foldUnit(code);
    if (f.length === 0) continue;
    if (lastDigit && DIGIT_MARK.has(f)) f = ".";
    out += f;
    const lc = f.charCodeAt(f.length - 1);
    lastDigit = lc >= 48 && lc <= 57;
  }
  return out;
}

/** norm() plus, for every character of the result, the offset of the source character it came from. */
export function normWithMap(s: string): { text: string; map: Int32Array } {
  let out = "";
  const map = new Int32Array(s.length * 2 + 1);
  let n = 0;
  let lastDigit = false;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    let f = code >= 0x4e00 && code <= 0x9fff ? s[i]! : foldUnit(code);
    if (f.length === 0) continue;
    if (lastDigit && DIGIT_MARK.has(f)) f = ".";
    out += f;
    for (let k = 0; k < f.length && n < map.length - 1; k++) map[n++] = i;
    const lc = f.charCodeAt(f.length - 1);
    lastDigit = lc >= 48 && lc <= 57;
  }
  map[n] = s.length;
  return { text: out, map: map.subarray(0, n + 1) };
}

/**
 * PDF text set in some CJK fonts comes out as radicals (⼀ for 一, ⺠ for 民) or compatibility
 * ideographs; fold just those, leaving the report's full-width punctuation as printed.
 */
export function foldPdfText(s: string): string {
  return /[\u2e80-\u2fdf\uf900-\ufaff]/.test(s) ? s.replace(/[\u2e80-\u2fdf\uf900-\ufaff]/g, (c) => radical(c) ?? c.normalize("NFKC")) : s;
}

/** Length of the longest common subsequence of two short strings (label fragments). */
export function lcsLength(a: string, b: string): number {
  if (a.length === 0 || b.length === 0) return 0;
  if (a.length > 400 || b.length > 400) return 0; // labels are short; a long line is not one
  let prev = new Uint16Array(b.length + 1);
  let cur = new Uint16Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      cur[j] = ca === b.charCodeAt(j - 1) ? prev[j - 1]! + 1 : Math.max(prev[j]!, cur[j - 1]!);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}
