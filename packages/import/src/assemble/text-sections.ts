// The text sections (一、总体情况, 五, 六) and the preamble: lines → paragraphs, and paragraphs →
// the numbered sub-parts （一）…（五） with their headings, run-in (「（一）主动公开。2024 年…」) or on a
// line of their own.
import type { DocLine } from "../read/document.js";
import { isoDate, looksLikeAgency } from "../locate/metadata.js";

export interface Para {
  text: string;
  /** HTML: the text of a leading <strong>, a run-in heading */
  lead?: string;
}

export interface TextSection {
  paragraphs: string[];
  subsections?: { heading: string; runIn?: boolean; paragraphs: string[] }[];
}

const TERMINAL = /[。！？!?；;：:…”』」）)]$/;
const MARKER_START = /^[（(]\s*[一二三四五六七八九十]{1,3}\s*[）)]/;

function lineText(l: DocLine): string {
  return l.kind === "row" ? l.cells.map((c) => c.text).join(" ") : l.text;
}

/**
 * Lines → paragraphs. HTML: a line is a paragraph. PDF with positions: an indented line starts one.
 * Plain text: a blank line ends a paragraph when the text before it ends a sentence (else it is a
 * page break inside the paragraph); a short line ending a sentence ends one; a line opening with
 * （一） starts one. Wrapped lines are joined without a space, as Chinese text is.
 */
export function paragraphs(lines: DocLine[], format: "pdf" | "text" | "html", fullWidth: number): Para[] {
  const out: Para[] = [];
  if (format === "html") {
    for (const l of lines) {
      if (l.kind === "blank") continue;
      const text = lineText(l).trim();
      if (!text) continue;
      out.push(l.lead ? { text, lead: l.lead } : { text });
    }
    return out;
  }
  const byIndent = format === "pdf" && lines.some((l) => l.indent);
  let cur = "";
  // the last line added to cur (lines are trimmed, so cur ends as it does): testing cur itself
  // would make a long run of lines without sentence punctuation quadratic
  let tail = "";
  let lastLen = 0;
  const flush = () => {
    const t = cur.trim();
    if (t) out.push({ text: t });
    cur = "";
    tail = "";
  };
  // the closing block: a date on its own line, and the agency's name on the line above it
  const closing = new Set<number>();
  lines.forEach((l, i) => {
    if (l.kind === "blank" || !isoDate(lineText(l))) return;
    closing.add(i);
    let j = i - 1;
    while (j >= 0 && lines[j]!.kind === "blank") j--;
    if (j >= 0 && looksLikeAgency(lineText(lines[j]!))) closing.add(j);
  });
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.kind === "blank") {
      if (TERMINAL.test(tail)) flush();
      continue;
    }
    const text = lineText(l).trim();
    if (closing.has(i)) {
      flush();
      out.push({ text });
      continue;
    }
    const startsPart = MARKER_START.test(text);
    if (cur) {
      if (byIndent) {
        if (l.indent || startsPart) flush();
      } else if (startsPart || (TERMINAL.test(tail) && lastLen < fullWidth * 0.9)) flush();
    }
    cur += text;
    if (text) tail = text;
    lastLen = text.length;
  }
  flush();
  return out;
}

/** The widest text line of the document, in characters: lines this wide were wrapped by the layout. */
export function fullWidth(lines: DocLine[]): number {
  let w = 0;
  for (const l of lines) if (l.kind === "text" && l.text.length > w) w = l.text.length;
  return w;
}

const CN = [
  "一",
  "二",
  "三",
  "四",
  "五",
  "六",
  "七",
  "八",
  "九",
  "十",
  "十一",
  "十二",
  "十三",
  "十四",
  "十五",
  "十六",
  "十七",
  "十八",
  "十九",
  "二十",
];

function markerLength(text: string, k: number): number {
  // the printed marker, e.g. （一） or (一) or （ 一 ）
  const m = new RegExp(`^[（(]\\s*${CN[k]}\\s*[）)]`).exec(text);
  return m ? m[0].length : 0;
}

/** Paragraphs → a text section: sub-parts numbered （一）（二）… in order, each with its heading. */
export function textSection(paras: Para[]): TextSection {
  const out: TextSection = { paragraphs: [] };
  const subs: NonNullable<TextSection["subsections"]> = [];
  let next = 0;
  for (const p of paras) {
    const m = next < CN.length ? markerLength(p.text, next) : 0;
    if (m === 0) {
      if (subs.length) subs[subs.length - 1]!.paragraphs.push(p.text);
      else out.paragraphs.push(p.text);
      continue;
    }
    next++;
    if (p.lead && MARKER_START.test(p.lead) && p.text.startsWith(p.lead)) {
      const rest = p.text.slice(p.lead.length).trim();
      subs.push(rest ? { heading: p.lead.trim(), runIn: true, paragraphs: [rest] } : { heading: p.lead.trim(), paragraphs: [] });
      continue;
    }
    const firstStop = p.text.search(/[。：:]/);
    if (p.text.length <= 30 && (firstStop < 0 || firstStop >= p.text.length - 1)) {
      subs.push({ heading: p.text, paragraphs: [] });
      continue;
    }
    if (firstStop >= 0 && firstStop <= 40) {
      subs.push({ heading: p.text.slice(0, firstStop + 1), runIn: true, paragraphs: [p.text.slice(firstStop + 1).trim()].filter(Boolean) });
      continue;
    }
    subs.push({ heading: p.text.slice(0, m), runIn: true, paragraphs: [p.text.slice(m).trim()] });
  }
  if (subs.length) out.subsections = subs;
  return out;
}

/** Run-together page text → paragraphs: the sub-part markers （一）（二）… in order are the only breaks it has. */
export function runParagraphs(text: string): Para[] {
  const out: Para[] = [];
  let start = 0;
  let k = 0;
  let from = 0;
  for (;;) {
    if (k >= CN.length) break;
    const re = new RegExp(`[（(]\\s*${CN[k]}\\s*[）)]`, "g");
    re.lastIndex = from;
    let m: RegExpExecArray | null;
    let at = -1;
    while ((m = re.exec(text))) {
      const before = text.slice(Math.max(0, m.index - 1), m.index);
      // a sub-part opens a sentence: at the start or after 。：; or a space
      if (m.index === 0 || /[。：:；;\s!！?？]/.test(before)) {
        at = m.index;
        break;
      }
    }
    if (at < 0) break;
    const piece = text.slice(start, at).trim();
    if (piece) out.push({ text: piece });
    start = at;
    from = at + 1;
    k++;
  }
  const last = text.slice(start).trim();
  if (last) out.push({ text: last });
  return out;
}
