// Text with one table cell per line (a crawler that joined a page's text nodes, each cell's text
// ending in line breaks): rows are rebuilt from the spacing. Cells of a row are a fixed number of
// line breaks apart; a row ends with a larger, also fixed, gap; a blank cell leaves only its line
// breaks, so it shows as one more cell gap. The rows come out as a grid (like an HTML table's), so
// a blank cell is known to be blank; where the spacing does not say, the row is left as printed
// and the consistency rules place its blanks.
import type { DocLine } from "./document.js";
import { ImportFailure } from "../errors.js";
import { readCell } from "../cells/tokens.js";

/** Value cells in the text at least: fewer is no table worth rebuilding. */
const MIN_VALUES = 20;
/** Share of the gaps between two value cells that must be exactly one cell gap. */
const MIN_REGULAR = 0.6;
/** A report's widest row (表四) has 15 figures; a row far beyond that is no report's. */
const MAX_ROW_CELLS = 100;
/** A label wrapped over lines joins at most this many pieces (商业 / 企业). */
const MAX_LABEL_PIECES = 4;

interface Item {
  text: string;
  /** 0-based line index */
  at: number;
  value: boolean;
}

function mode(xs: number[]): number {
  const count = new Map<number, number>();
  let best = 0;
  let n = 0;
  for (const x of xs) {
    const c = (count.get(x) ?? 0) + 1;
    count.set(x, c);
    if (c > n || (c === n && x < best)) {
      n = c;
      best = x;
    }
  }
  return best;
}

/**
 * The lines as rows and text, or null when the text is not one cell per line with a regular
 * spacing (text from a PDF with cells side by side; reading-order text with no blank lines).
 */
export function cellPerLine(raw: string[], firstLine: number): DocLine[] | null {
  const items: Item[] = [];
  for (let i = 0; i < raw.length; i++) {
    const text = raw[i]!.trim();
    if (text === "") continue;
    // a value cell is a figure alone on its line (an amount may have decimals or a unit)
    const r = readCell(text, "amount");
    items.push({ text, at: i, value: r.kind === "number" || (r.kind === "blank" && text.length <= 2) });
  }
  const valueGaps: number[] = [];
  for (let k = 1; k < items.length; k++) if (items[k]!.value && items[k - 1]!.value) valueGaps.push(items[k]!.at - items[k - 1]!.at);
  if (valueGaps.length < MIN_VALUES) return null;
  const cell = mode(valueGaps);
  // a blank cell must leave a trace: cells at least one empty line apart
  if (cell < 2 || valueGaps.filter((g) => g === cell).length < MIN_REGULAR * valueGaps.length) return null;
  // a row's end: from its last figure to the next row's first cell
  const rowEnds: number[] = [];
  for (let k = 1; k < items.length; k++) if (!items[k]!.value && items[k - 1]!.value) rowEnds.push(items[k]!.at - items[k - 1]!.at);
  const rowEnd = mode(rowEnds);
  // rows must show as rows: a row's end further from the next cell than two cells of a row are.
  // Reading-order text from a PDF (pdftotext without -layout) spaces every cell alike and drops
  // blank cells, so nothing in it says where a row ends or a cell is blank.
  if (!(rowEnd > cell)) return null;

  const gap = (a: number, b: number) => items[b]!.at - items[a]!.at;
  /** Does the row start at item k: text cells a cell gap apart, then a figure a cell gap on? */
  const startsRow = (k: number): boolean => {
    for (let j = k; j < items.length - 1 && j < k + MAX_LABEL_PIECES; j++) {
      if (gap(j, j + 1) !== cell) return false;
      if (items[j + 1]!.value) return true;
    }
    return false;
  };

  const out: DocLine[] = [];
  const used = new Array<boolean>(items.length).fill(false);
  const rows: { from: number; line: DocLine }[] = [];
  for (let k = 0; k < items.length; k++) {
    if (!items[k]!.value || used[k]) continue;
    // the label: text cells chained to the first figure by cell gaps (a group label, then the row's own)
    // blank cells before the first figure: a label more than one cell gap away, where a row's end
    // (rowEnd + n cells) cannot be mistaken for blank cells (n cells)
    let leading = 0;
    if (k > 0 && !items[k - 1]!.value && !used[k - 1] && rowEnd % cell !== 0) {
      const g = gap(k - 1, k);
      if (g > cell && g % cell === 0) leading = g / cell - 1;
    }
    let from = k;
    const step = (a: number, b: number) => gap(a, b) === (b === k ? cell * (leading + 1) : cell);
    while (from > 0 && !items[from - 1]!.value && !used[from - 1] && step(from - 1, from) && k - from < MAX_LABEL_PIECES) from--;
    if (from === k) leading = 0;
    const label = items
      .slice(from, k)
      .map((x) => x.text)
      .join("");
    const source = { line: firstLine + items[from]!.at };
    const cells: DocLine["cells"] = label ? [{ text: label, source }] : [];
    for (let b = leading; b > 0; b--) cells.push({ text: "", source });
    let j = k;
    for (;;) {
      if (cells.length > MAX_ROW_CELLS) throw new ImportFailure("table-too-large", `cells:${cells.length}`, firstLine + items[from]!.at);
      used[j] = true;
      cells.push({ text: items[j]!.text, source: { line: firstLine + items[j]!.at } });
      const next = j + 1;
      if (next >= items.length) break;
      const g = gap(j, next);
      if (items[next]!.value && g % cell === 0) {
        // each cell gap beyond the first is a blank cell between two figures
        for (let b = g / cell - 1; b > 0; b--) cells.push({ text: "", source: { line: firstLine + items[j]!.at } });
        j = next;
        continue;
      }
      // blank cells at the row's end: only where the next row starts, so that its spacing is known
      if (!items[next]!.value && g > rowEnd && (g - rowEnd) % cell === 0 && startsRow(next)) {
        for (let b = (g - rowEnd) / cell; b > 0; b--) cells.push({ text: "", source: { line: firstLine + items[j]!.at } });
      }
      break;
    }
    for (let t = from; t < k; t++) used[t] = true;
    rows.push({ from, line: { kind: "row", cells, text: cells.map((c) => c.text).join(" "), source, table: 1 } });
    k = j;
  }
  // text and rows back in source order
  let r = 0;
  for (let k = 0; k < items.length; k++) {
    if (r < rows.length && rows[r]!.from === k) out.push(rows[r++]!.line);
    if (used[k]) continue;
    const source = { line: firstLine + items[k]!.at };
    out.push({ kind: "text", cells: [{ text: items[k]!.text, source }], text: items[k]!.text, source });
  }
  return out;
}
