// Markdown as PDF-to-Markdown converters and OCR pipelines write it: pipe tables (header rows empty,
// repeated or wrong; one table per group; rows whose labels were torn out into loose paragraphs
// before them), # headings, **emphasis**. Read as text from a PDF is: a pipe row becomes a line of
// tab-separated cells, the rest stays lines of text, so the same table readers — label alignment,
// figures placed by the rules — read it. An empty pipe cell leaves no figure, as a blank cell in
// PDF text does: the rules place it or it stays unknown.

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

const unmark = (s: string) => s.replace(/^#{1,6}\s+/, "").replace(/\*\*(.+?)\*\*|__(.+?)__/g, "$1$2").replace(/<br\s*\/?>/gi, " ");

/** The Markdown's lines as text lines: pipe rows as tab-separated cells, delimiter rows dropped. */
export function markdownLines(lines: string[]): string[] {
  return lines.map((l) => {
    if (DELIMITER.test(l)) return "";
    if (PIPE_ROW.test(l)) return cellsOf(l).map(unmark).join("\t");
    return unmark(l);
  });
}
