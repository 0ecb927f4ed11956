// Table 三 found by what it is when its heading and its header note are gone or garbled: the header
// that prints its seven applicant columns (自然人, 商业企业 … 其他, 总计 — the edition model's
// columns, never retyped; one may be lost) close together and with no figure among them, followed
// by its rows (most of them placed by the row alignment). A
// converter wraps a header cell over lines (「商业企」 … 「业」) and prints the group header between
// the columns (法人或其他组织), so each column's label is looked for as its characters in order
// within the header, not as one run of text.
import type { Label } from "../labels.js";
import { norm } from "../normalise.js";

/** A column header is short: the seven labels and the group headers around them. */
const MAX_HEADER_CHARS = 160;
/** …over this many lines at most (one cell per line prints each label on a line of its own). */
const MAX_HEADER_LINES = 14;
/** Occurrences of the first column's label examined in run-together text, at most. */
const MAX_PROBES = 200;
/** Headers whose rows are checked, at most: each check reads a table's worth of text. */
const MAX_CHECKS = 4;
/** How far after the header its rows are looked for in run-together text (table 三 prints ~1,500 characters). */
const RUN_TABLE_CHARS = 6000;

const FIGURE = /[0-9０-９]/;

/** Are the label's characters (or a variant's) in `text`, in order? */
function inOrder(text: string, l: Label): boolean {
  for (const form of [l.norm, ...l.variants.map((v) => v.norm)]) {
    let i = 0;
    for (let k = 0; k < text.length && i < form.length; k++) if (text[k] === form[i]) i++;
    if (i === form.length) return true;
  }
  return false;
}

/** Extractors lose a header cell now and then (the seed's text prints no 总计 over its column). */
const MAX_LOST = 1;

const holdsAll = (text: string, columns: Label[]) => columns.filter((c) => !inOrder(text, c)).length <= MAX_LOST;

/**
 * The lines of table 三's column header: a run of lines, without a figure, that holds every
 * column's label (all but one), the first such from the top; `confirm` says whether the rows that follow
 * are the table's (its row sequence), so that a narrative naming the applicants is never taken.
 */
export function table3HeaderInLines(
  texts: (i: number) => string | null,
  count: number,
  columns: Label[],
  confirm: (from: number) => boolean,
): number {
  const norms: (string | null | undefined)[] = new Array(count);
  // null: a blank line; a line with a figure or a long paragraph ends any header
  const n = (i: number) => {
    if (norms[i] === undefined) {
      const t = texts(i);
      norms[i] = t === null ? null : norm(t);
    }
    return norms[i]!;
  };
  const breaks = (t: string) => FIGURE.test(t) || t.length > MAX_HEADER_CHARS;
  const first = columns[0]!;
  let checks = 0;
  for (let i = 0; i < count && checks < MAX_CHECKS; i++) {
    const start = n(i);
    // a header starts at a line printing part of the first column (自然人), in every layout seen
    if (start === null || breaks(start) || !first.norm.split("").some((ch) => start.includes(ch))) continue;
    let text = "";
    let lines = 0;
    for (let j = i; j < count && lines < MAX_HEADER_LINES; j++) {
      const t = n(j);
      if (t === null) continue;
      if (breaks(t) || text.length + t.length > MAX_HEADER_CHARS) break;
      text += t;
      lines++;
      if (holdsAll(text, columns)) {
        checks++;
        if (confirm(i)) return i;
        break;
      }
    }
  }
  return -1;
}

/** How many of the rows' labels (or a variant) follow one another in `text`, in order. */
function rowsInOrder(text: string, rows: Label[]): number {
  let at = 0;
  let found = 0;
  for (const r of rows) {
    let hit = -1;
    for (const form of [r.norm, ...r.variants.map((v) => v.norm)]) {
      const k = text.indexOf(form, at);
      if (k >= 0 && (hit < 0 || k < hit)) hit = k;
    }
    if (hit < 0) continue;
    found++;
    at = hit + 1;
  }
  return found;
}

/**
 * The column header in run-together text (normalised): at an occurrence of the first column's
 * label, the stretch up to the first figure holds every column's label (all but one), and at least
 * half of the table's row labels follow in order. Returns the offset of the header in `n`, or -1.
 */
export function table3HeaderInRun(n: string, from: number, to: number, columns: Label[], rows: Label[]): number {
  const first = columns[0]!.norm;
  let i = n.indexOf(first, from);
  let checks = 0;
  for (let probes = 0; i >= 0 && i < to && probes < MAX_PROBES && checks < MAX_CHECKS; probes++, i = n.indexOf(first, i + 1)) {
    let end = i;
    const limit = Math.min(to, i + MAX_HEADER_CHARS);
    while (end < limit && !FIGURE.test(n[end]!)) end++;
    if (!holdsAll(n.slice(i, end), columns)) continue;
    checks++;
    if (rowsInOrder(n.slice(end, Math.min(to, end + RUN_TABLE_CHARS)), rows) * 2 >= rows.length) return i;
  }
  return -1;
}
