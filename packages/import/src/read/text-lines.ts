// Plain text → lines: text extracted from a PDF (cells separated by tabs or runs of spaces, page
// footers, form feeds) and crawled pages (a crawler's header block, then the page's text).
import type { Doc, DocLine } from "./document.js";
import { normWithMap } from "../normalise.js";
import { isValueCell, splitCells } from "../cells/tokens.js";

/** A page footer such as -3-, — 3 —, 第 3 页, 3/6: page furniture, not report text. */
export const PAGE_FOOTER = /^(?:[-—–]\s*\d{1,4}\s*[-—–]|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4})$/;

export interface CrawlerHeader {
  /** lines taken by the header, including the separator line */
  lines: number;
  title?: string;
  publishedOn?: string;
}

/**
 * Crawlers put "key: value" lines and a separator (==== 正文 ====) above the page's text. Only a
 * header that ends in such a separator within the first lines counts.
 */
export function crawlerHeader(lines: string[]): CrawlerHeader {
  const limit = Math.min(lines.length, 30);
  for (let i = 0; i < limit; i++) {
    if (/^[=\-*#]{3,}.*正文.*[=\-*#]{3,}$/.test(lines[i]!.trim())) {
      const h: CrawlerHeader = { lines: i + 1 };
      for (let k = 0; k < i; k++) {
        const m = /^([^:：]{1,10})[:：]\s*(.*)$/.exec(lines[k]!.trim());
        if (!m) continue;
        const [, key, value] = m;
        if (/^(标题|题目|title)$/i.test(key!) && value) h.title = value.trim();
        const d = /^(发布时间|发布日期|成文日期|日期|date)$/i.test(key!) ? /(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})/.exec(value!) : null;
        if (d) h.publishedOn = `${d[1]}-${d[2]!.padStart(2, "0")}-${d[3]!.padStart(2, "0")}`;
      }
      return h;
    }
  }
  return { lines: 0 };
}

/**
 * Crawled page text whose table cells run together with no separator
 * (一、本年新收政府信息公开申请数量21710000218): table-三 labels (`rowLabels`, normalised: the
 * edition's rows) directly followed by a run of figures, on one line.
 */
export function runsTogether(whole: string | string[], rowLabels: readonly string[]): boolean {
  // cells that run together make long lines with figures right after a Chinese label; text from a
  // PDF has short lines
  const text = (typeof whole === "string" ? whole.split("\n") : whole)
    .filter((l) => l.length > 300 && /[\u4e00-\u9fff）)]\s?[0-9０-９]{6}/.test(l))
    .join("\n");
  if (!text) return false;
  const { text: n, map } = normWithMap(text);
  let hits = 0;
  for (const p of rowLabels) {
    const i = n.indexOf(p);
    if (i < 0) continue;
    // in the source, not just once whitespace is gone: the label's last character, then a figure
    const after = map[i + p.length]!;
    if (/^[0-9０-９][0-9０-９ ]{5,}/.test(text.slice(after, after + 16))) hits++;
  }
  return hits >= 2;
}

export function textLines(text: string | string[], firstLine: number): DocLine[] {
  const out: DocLine[] = [];
  const raw = typeof text === "string" ? text.split(/\r\n|\r|\n/) : text;
  let pageBreak = false;
  for (let i = 0; i < raw.length; i++) {
    let line = raw[i]!;
    const line1 = firstLine + i;
    if (line.includes("\f")) {
      pageBreak = true;
      line = line.replace(/\f/g, "");
    }
    const trimmed = line.trim();
    if (PAGE_FOOTER.test(trimmed)) {
      pageBreak = true;
      continue;
    }
    const source = { line: line1 };
    if (trimmed === "") {
      out.push({ kind: "blank", cells: [], text: "", source });
      continue;
    }
    const parts = splitCells(line);
    const cells = parts.map((t) => ({ text: t, source }));
    const row = line.includes("\t") || parts.length > 1 || (parts.length === 1 && isValueCell(parts[0]!));
    const entry: DocLine = row
      ? { kind: "row", cells, text: trimmed, source }
      : { kind: "text", cells: [{ text: trimmed, source }], text: trimmed, source };
    if (pageBreak) entry.afterPageBreak = true;
    pageBreak = false;
    out.push(entry);
  }
  return out;
}

export function textDoc(text: string | string[]): Doc {
  const all = typeof text === "string" ? text.split(/\r\n|\r|\n/) : text;
  const header = crawlerHeader(all);
  const body = header.lines ? all.slice(header.lines) : all;
  const meta: Doc["meta"] = {};
  if (header.title) meta.title = header.title;
  if (header.publishedOn) meta.publishedOn = header.publishedOn;
  return { format: "text", lines: textLines(body, header.lines + 1), meta };
}
