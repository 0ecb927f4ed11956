// Year-over-year comparison of two reports of one edition: every changed table cell with both
// values and the change, grouped by table; the text sections as unified diffs; other fields.
import { createTwoFilesPatch } from "diff";
import { cellsOf, editionModel, isEdition, LABEL_SEPARATOR, type Cell, type EditionModel } from "@zfxxgk/edition";
import { format, getPath, MAX_DEPTH, tooDeep, type Locale } from "@zfxxgk/i18n";
import { labelPathOf } from "@zfxxgk/validator";

export type { Locale };

export interface CellChange {
  pointer: string;
  labelPath: string;
  before: number | null | undefined;
  after: number | null | undefined;
  /** after − before when both are figures (exact to 6 decimals for 万元), else null */
  change: number | null;
}

export interface TableChanges {
  /** 表二 / 表三 / 表四 */
  table: string;
  /** the section heading, e.g. 三、收到和处理政府信息公开申请情况 */
  heading: string;
  changes: CellChange[];
}

export interface TextChange {
  pointer: string;
  heading: string;
  /** unified diff of the section's lines (headings and paragraphs); a summary line beyond MAX_TEXT_EDITS */
  unified: string;
  /** true when the section changed too much to be listed: unified is a summary */
  summarised?: boolean;
}

export interface FieldChange {
  pointer: string;
  labelPath: string;
  before: unknown;
  after: unknown;
}

export interface ReportDiff {
  edition: string;
  tables: TableChanges[];
  texts: TextChange[];
  fields: FieldChange[];
  /** number of changed cells, texts and fields */
  total: number;
}

export class DiffError extends Error {
  constructor(
    readonly code: "NOT-A-REPORT" | "MIXED-EDITIONS" | "TOO-DEEP",
    message: string,
  ) {
    super(message);
    this.name = "DiffError";
  }
}

const words = {
  notReport: { "zh-CN": "{which}不是可识别的年度报告", en: "the {which} report is not a report of a known edition" },
  tooDeep: {
    "zh-CN": "{which}嵌套超过 {limit} 层，不是一份年度报告",
    en: "the {which} report nests more than {limit} levels deep; it is not a report",
  },
  mixed: {
    "zh-CN": "两份报告的格式版本不同（{a} 与 {b}），不能逐格比较",
    en: "the reports follow different editions ({a} and {b}); cells cannot be compared",
  },
  summary: {
    "zh-CN": "改动超过 {limit} 行，不逐行列出：前一份 {x} 行，后一份 {y} 行",
    en: "more than {limit} lines changed; not listed line by line: {x} lines before, {y} after",
  },
  before: { "zh-CN": "前一份", en: "first" },
  after: { "zh-CN": "后一份", en: "second" },
} satisfies Record<string, Record<Locale, string>>;

const at = getPath;
const cellValue = (v: unknown): number | null | undefined => (typeof v === "number" || v === null ? v : undefined);

/** A value as a line of text: a string as it is, anything else (a malformed section) as its JSON. */
const asText = (v: unknown): string => (typeof v === "string" ? v : (JSON.stringify(v) ?? String(v)));
const asLines = (v: unknown): string[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v.map(asText) : [asText(v)]);

/**
 * The lines an export prints for a text section: sub-headings and paragraphs, in order. A
 * section of the wrong shape is compared as what it holds (its JSON), not dropped.
 */
function lines(section: unknown): string[] {
  if (section === undefined || section === null || typeof section !== "object" || Array.isArray(section)) return asLines(section);
  const s = section as { paragraphs?: unknown; subsections?: unknown };
  const out = asLines(s.paragraphs);
  const subs = s.subsections;
  if (subs === undefined || subs === null) return out;
  if (!Array.isArray(subs)) {
    out.push(asText(subs));
    return out;
  }
  for (const sub of subs) {
    if (sub === null || typeof sub !== "object" || Array.isArray(sub)) out.push(asText(sub));
    else {
      const { heading, paragraphs } = sub as { heading?: unknown; paragraphs?: unknown };
      out.push(heading === undefined ? "" : asText(heading));
      for (const p of asLines(paragraphs)) out.push(p);
    }
  }
  return out;
}

/** The text an export prints: the preamble, each text section, and each table's notes, in print order. */
const textPointers = (m: EditionModel): string[] => [
  "/preamble",
  ...m.sections.map((s) => (s.kind === "table" ? `/${s.key}/notes` : `/${s.key}`)),
];

/**
 * Beyond this many line edits in one section, the section is summarised (lines before and
 * after) instead of listed: the line diff's work grows with lines × edits, and a listing of
 * thousands of changed paragraphs is not read by anyone.
 */
export const MAX_TEXT_EDITS = 1000;

/** Every leaf pointer of the report outside the tables' cells and the text sections. */
function fieldLeaves(r: unknown, skip: Set<string>, prefix = "", out = new Map<string, unknown>()): Map<string, unknown> {
  if (r === null || typeof r !== "object" || Array.isArray(r)) {
    if (prefix) out.set(prefix, r);
    return out;
  }
  for (const [k, v] of Object.entries(r)) {
    const p = `${prefix}/${k.replace(/~/g, "~0").replace(/\//g, "~1")}`;
    if (skip.has(p)) continue;
    if (v !== null && typeof v === "object" && !Array.isArray(v)) fieldLeaves(v, skip, p, out);
    else out.set(p, v);
  }
  return out;
}

export function diffReports(before: unknown, after: unknown, options: { locale?: Locale } = {}): ReportDiff {
  const locale = options.locale ?? "zh-CN";
  const edition = (r: unknown) => (r && typeof r === "object" ? (r as { edition?: unknown }).edition : undefined);
  const a = edition(before);
  const b = edition(after);
  for (const [e, which] of [
    [a, words.before],
    [b, words.after],
  ] as const) {
    if (!isEdition(e)) throw new DiffError("NOT-A-REPORT", format(words.notReport[locale], { which: which[locale] }));
  }
  // the comparison walks and serialises fields: hostile nesting must not reach it
  for (const [r, which] of [
    [before, words.before],
    [after, words.after],
  ] as const) {
    if (tooDeep(r, MAX_DEPTH)) throw new DiffError("TOO-DEEP", format(words.tooDeep[locale], { which: which[locale], limit: MAX_DEPTH }));
  }
  if (a !== b) throw new DiffError("MIXED-EDITIONS", format(words.mixed[locale], { a: String(a), b: String(b) }));
  const ed = a as string;
  const model = editionModel(ed);
  const cells = cellsOf(ed);
  const TEXT_POINTERS = textPointers(model);
  const sections = Object.fromEntries(model.sections.map((s) => [s.key, s]));

  const tables: TableChanges[] = [];
  for (const key of ["proactiveDisclosure", "applications", "reviewAndLitigation"] as const) {
    const changes = cells
      .filter((c: Cell) => c.table === key)
      .flatMap((c: Cell): CellChange[] => {
        const x = cellValue(at(before, c.path));
        const y = cellValue(at(after, c.path));
        if (x === y) return [];
        const change = typeof x === "number" && typeof y === "number" ? Math.round((y - x) * 1e6) / 1e6 : null;
        return [{ pointer: c.pointer, labelPath: c.labelPath.join(LABEL_SEPARATOR), before: x, after: y, change }];
      });
    if (changes.length) tables.push({ table: model.tables[key].caption, heading: model.tables[key].heading, changes });
  }

  const texts: TextChange[] = [];
  for (const pointer of TEXT_POINTERS) {
    const path = pointer.split("/").slice(1);
    const x = lines(at(before, path));
    const y = lines(at(after, path));
    if (x.join("\n") === y.join("\n")) continue;
    const heading = labelPathOf(null, pointer, locale) || sections[path[0]!]?.heading || pointer;
    const name = path.length === 1 && sections[path[0]!] ? sections[path[0]!]!.heading : heading;
    const patch = createTwoFilesPatch(`a${pointer}`, `b${pointer}`, `${x.join("\n")}\n`, `${y.join("\n")}\n`, "", "", {
      context: 1,
      maxEditLength: MAX_TEXT_EDITS,
    });
    if (patch === undefined) {
      const summary = words.summary[locale]
        .replace("{limit}", String(MAX_TEXT_EDITS))
        .replace("{x}", String(x.length))
        .replace("{y}", String(y.length));
      const unified = `${summary}\n`;
      texts.push({ pointer, heading: name, unified, summarised: true });
      continue;
    }
    const unified = patch
      .split("\n")
      .slice(1) // drop the "====" banner
      .join("\n");
    texts.push({ pointer, heading: name, unified });
  }

  const skip = new Set([...cells.map((c) => c.pointer), ...TEXT_POINTERS]);
  const fa = fieldLeaves(before, skip);
  const fb = fieldLeaves(after, skip);
  const fields: FieldChange[] = [];
  for (const p of new Set([...fa.keys(), ...fb.keys()])) {
    const x = fa.get(p);
    const y = fb.get(p);
    if (JSON.stringify(x) !== JSON.stringify(y)) fields.push({ pointer: p, labelPath: labelPathOf(null, p, locale), before: x, after: y });
  }

  const total = tables.reduce((n, t) => n + t.changes.length, 0) + texts.length + fields.length;
  return { edition: ed, tables, texts, fields, total };
}
