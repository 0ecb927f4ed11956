// Markdown as PDF-to-Markdown converters and OCR pipelines write it: pipe tables (header rows empty,
// repeated or wrong; one table per group; rows whose labels were torn out into loose paragraphs
// before them), # headings, **emphasis**. Read as text from a PDF is: a pipe row becomes a line of
// tab-separated cells, the rest stays lines of text, so the same table readers — label alignment,
// figures placed by the rules — read it. An empty pipe cell leaves no figure, as a blank cell in
// PDF text does: the rules place it or it stays unknown.

import { ImportFailure } from "../errors.js";

/** A pipe-table row: | a | b | (the outer pipes optional in GFM, required here to tell it from text). */
const PIPE_ROW = /^\s*\|.*\|\s*$/;
/** The delimiter row under a table's header: | --- | :-: | */
const DELIMITER = /^\s*\|?(?:\s*:?-{3,}:?\s*\|)+\s*(?::?-{3,}:?\s*)?$/;

/** Markdown with pipe tables: several pipe rows and a delimiter row. */
export function isMarkdown(lines: string[]): boolean {
  let rows = 0;
  let delimiters = 0;
  for (const l of lines) {
    if (DELIMITER.test(l)) delimiters++;
    else if (PIPE_ROW.test(l)) rows++;
  }
  return delimiters >= 1 && rows >= 3;
}

function cellsOf(line: string): string[] {
  const inner = line.trim().replace(/^\|/, "").replace(/\|$/, "");
  // an escaped pipe \| is text in a cell
  return inner.split(/(?<!\\)\|/).map((c) => c.replace(/\\\|/g, "|").trim());
}

const unmark = (s: string) =>
  s
    .replace(/^#{1,6}\s+/, "")
    .replace(/\*\*(.+?)\*\*|__(.+?)__/g, "$1$2")
    .replace(/<br\s*\/?>/gi, " ");

/** A report's widest table (表四) has 15 figures and a label; its tables 60 rows or so in all. */
export const MAX_PIPE_CELLS = 100;
export const MAX_PIPE_ROWS = 2000;

/**
 * The Markdown's lines as text lines: pipe rows as tab-separated cells, delimiter rows dropped. A
 * table far beyond any report's is refused (ImportFailure), not read cell by cell.
 */
export function markdownLines(lines: string[]): string[] {
  let rows = 0;
  return lines.map((l, i) => {
    if (DELIMITER.test(l)) return "";
    if (!PIPE_ROW.test(l)) return unmark(l);
    if (++rows > MAX_PIPE_ROWS) throw new ImportFailure("table-too-large", `rows:${rows}`, i + 1);
    const cells = cellsOf(l);
    if (cells.length > MAX_PIPE_CELLS) throw new ImportFailure("table-too-large", `cells:${cells.length}`, i + 1);
    return cells.map(unmark).join("\t");
  });
}
