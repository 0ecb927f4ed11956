// The one shape every tabular input (PDF, PDF text, HTML) is read into before the tables and the
// text are found: lines of text and table rows, each with its cells and where it came from.
import type { SourcePosition } from "../types.js";

export interface DocCell {
  text: string;
  /** PDF: left edge and width in points, for telling columns apart */
  x?: number;
  w?: number;
  /** HTML: the cell came from a row above (rowspan) */
  carried?: boolean;
  /** HTML: column in the table grid (0-based) */
  col?: number;
  source: SourcePosition;
}

export interface DocLine {
  kind: "text" | "row" | "blank";
  cells: DocCell[];
  /** the line's text: its cells joined */
  text: string;
  source: SourcePosition;
  /** HTML: rows of one <table> share it (1-based); their empty cells are real blank cells */
  table?: number;
  /** PDF: the line starts further right than the text block (a paragraph's first line) */
  indent?: boolean;
  /** a page break or page footer came just before this line */
  afterPageBreak?: boolean;
  /** HTML: text of a leading <strong>/<b> (a run-in heading) */
  lead?: string;
}

export interface Doc {
  format: "pdf" | "text" | "html";
  lines: DocLine[];
  /** metadata outside the report body: crawler header, <title>, page chrome */
  meta: { title?: string; publishedOn?: string };
  /**
   * Row labels may stand apart from their rows (Markdown from converters tears them out into loose
   * paragraphs): a row printed without a label is then placed by position only, never by the text
   * around it.
   */
  looseLabels?: boolean;
}

export function textLine(text: string, source: SourcePosition, extra: Partial<DocLine> = {}): DocLine {
  return { kind: text.trim() === "" ? "blank" : "text", cells: [{ text, source }], text, source, ...extra };
}
