// Crawled page text whose table cells run together on one line
// (「一、本年新收政府信息公开申请数量21710000218二、上年结转…」): each row's figures are what lies between
// its label and the next label. Cutting them into cells is for the rules (resolve.ts).
import type { EditionModel, Label, TableRow } from "../labels.js";
import { normWithMap } from "../normalise.js";
import type { Observation } from "./observation.js";
import { sectionSpan, type SectionHit } from "../locate/sections.js";
import { table3HeaderInRun } from "../locate/table3-columns.js";
import type { SourcePosition } from "../types.js";

const RUN_CHAR = /[0-9０-９.．\s\u00a0\u3000/／—－\-+]/;

export interface RunTables {
  observations: Observation[];
  found: { proactiveDisclosure: number; applications: number; reviewAndLitigation: number };
}

/** Line and column (1-based) of an offset of the body, which starts at line `firstLine`. */
export function positionOf(body: string, offset: number, firstLine: number): SourcePosition {
  let line = firstLine;
  let start = 0;
  for (let i = 0; i < offset && i < body.length; i++) {
    if (body.charCodeAt(i) === 10) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: offset - start + 1 };
}

/** The figures right after a label: up to the first character that cannot be part of them. */
function runAfter(text: string, from: number, to: number): { run: string; end: number } {
  let i = from;
  while (i < to && RUN_CHAR.test(text[i]!)) i++;
  let run = text.slice(from, i);
  // the next row's label opens with its number (…00000002.其他法律…): that number is not a figure
  const label = /\d\s*[.．]\s*$/.exec(run);
  if (label && !/\d/.test(text[i] ?? "")) run = run.slice(0, label.index);
  else if (i < to && /[、]/.test(text[i]!)) run = run.replace(/\d$/, "");
  return { run, end: from + run.length };
}

interface Finder {
  find(l: Label, from: number, to: number): { at: number; end: number; variant?: string } | null;
  /** table 三's column header (the model's columns) and its rows after it, between two source offsets: its offset, or -1 */
  table3Header(model: EditionModel, from: number, to: number): number;
}

function finder(text: string): Finder {
  const { text: n, map } = normWithMap(text);
  // normalised offset of a source offset: the first normalised character at or after it
  const back = (src: number) => {
    let lo = 0;
    let hi = n.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (map[mid]! < src) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return {
    find(l, from, to) {
      const a = back(from);
      const b = back(to);
      for (const v of [{ norm: l.norm, text: undefined as string | undefined }, ...l.variants]) {
        const i = n.indexOf(v.norm, a);
        if (i >= 0 && i + v.norm.length <= b) {
          const end = map[i + v.norm.length] ?? text.length;
          return { at: map[i]!, end, ...(v.text ? { variant: v.text } : {}) };
        }
      }
      return null;
    },
    table3Header(model, from, to) {
      const columns = model.table3.columns.map((c) => c.label);
      const rows = model.table3.rows.map((r) => r.label);
      const at = table3HeaderInRun(n, back(from), back(to), columns, rows);
      return at < 0 ? -1 : map[at]!;
    },
  };
}

export function readRunTables(body: string, firstLine: number, hits: Map<string, SectionHit>, model: EditionModel): RunTables {
  const f = finder(body);
  const observations: Observation[] = [];
  const found = { proactiveDisclosure: 0, applications: 0, reviewAndLitigation: 0 };
  const span = (key: string) => sectionSpan(hits, model, key, body.length);

  const readRows = (rows: TableRow[], from: number, to: number): number => {
    let cursor = from;
    let count = 0;
    for (const row of rows) {
      const hit = f.find(row.label, cursor, to);
      if (!hit) continue;
      const { run, end } = runAfter(body, hit.end, to);
      cursor = Math.max(hit.end, end);
      if (!/\d|[/／—－]/.test(run)) continue;
      const source = positionOf(body, hit.end, firstLine);
      // a figure followed by 元 in the 万元 column is in another unit: not read as 万元
      if (row.columns.length === 1 && row.columns[0]!.kind === "amount" && /^\s*元/.test(body.slice(end, end + 3))) {
        observations.push({ row, tokens: [{ raw: `${run.trim()}元`, value: null, col: 0, otherUnit: "元", source }], source });
        count++;
        continue;
      }
      const obs: Observation = { row, run, source };
      if (hit.variant) obs.labelVariant = hit.variant;
      // a column whose cells print their unit (2019 采购总金额): the unit follows the run
      if (row.columns.some((c) => c.kind === "money")) {
        const unit = /^\s*(万元|元)/.exec(body.slice(end, end + 4));
        if (unit) obs.unit = unit[1] as "元" | "万元";
      }
      observations.push(obs);
      count++;
    }
    return count;
  };

  // table 三 without its heading: by its column header, when most of its rows follow in order
  let s3 = span("applications");
  if (!s3) {
    const s2 = span("proactiveDisclosure");
    const from = s2 ? s2.from : 0;
    const end = (at: number) => {
      let to = body.length;
      for (const h of hits.values()) if (h.at > at && h.at < to) to = h.at;
      return to;
    };
    const at = f.table3Header(model, from, body.length);
    if (at >= 0) s3 = { from: at, to: end(at) };
  }

  const s2 = span("proactiveDisclosure");
  if (s2)
    found.proactiveDisclosure = readRows(
      model.table2.blocks.flatMap((b) => b.rows),
      s2.from,
      // a table 三 found by its columns ends table 二's section
      s3 && s3.from > s2.from ? Math.min(s2.to, s3.from) : s2.to,
    );
  if (s3) found.applications = readRows(model.table3.rows, s3.from, s3.to);
  const s4 = span("reviewAndLitigation");
  if (s4) {
    // one run of figures after the header labels, which hold none
    let i = s4.from;
    while (i < s4.to && !/[0-9０-９]/.test(body[i]!)) i++;
    if (i < s4.to) {
      const { run } = runAfter(body, i, s4.to);
      const row: TableRow = {
        table: "reviewAndLitigation",
        path: "",
        label: model.table4.groups[0]!.label,
        pointer: "/reviewAndLitigation",
        columns: model.table4.groups.flatMap((g) => g.columns.map((c) => ({ ...c, key: `${g.path.split(".").join("/")}/${c.key}` }))),
      };
      observations.push({ row, run, source: positionOf(body, i, firstLine) });
      found.reviewAndLitigation = 1;
    }
  }
  return { observations, found };
}
