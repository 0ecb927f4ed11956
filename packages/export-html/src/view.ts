// The report as the templates read it: text cleaned, each table row paired with its label cells
// (a fragment rendered once) and its raw values (the eachCell helper formats them). What does not
// depend on the report (labels, spans, headings, captions) is built once per edition; a render
// adds the rest.
import type { EditionModel } from "@zfxxgk/edition";
import type { Report } from "@zfxxgk/types";
import { blankCell, chineseDate, cleanText, linesOf, SPECIAL, type CellView } from "./format.js";
import type { SafeString } from "handlebars";
import { fragmentsOf, type Fragments } from "./fragments.js";
import { layoutOf, type EditionLayout } from "./layout.js";

export type { Locale } from "@zfxxgk/i18n";
import type { Locale } from "@zfxxgk/i18n";

/** A paragraph; `lines` only when the text holds line breaks; `lead` is a run-in heading. */
export interface ParagraphView {
  text: string;
  lines?: { text: string; br: boolean }[];
  lead?: string;
}

export interface TextSectionView {
  heading: string;
  paragraphs: ParagraphView[];
  subsections: { heading: string; runIn: boolean; paragraphs: ParagraphView[] }[];
}

interface TableNames {
  heading: string;
  caption: string;
}

interface Row {
  values: unknown[];
  /** the blank cell of the page's locale */
  blank: CellView;
}

export interface ReportView {
  title: string;
  preamble: ParagraphView[];
  overview: TextSectionView;
  proactive: {
    table: TableNames;
    blocks: { head: SafeString; rows: (Row & { label: string; colspans: (number | undefined)[] })[] }[];
    notes: ParagraphView[];
  };
  applications: { table: TableNames & { head: SafeString }; rows: (Row & { heads: SafeString })[]; notes: ParagraphView[] };
  review: { table: TableNames & { head: SafeString }; row: Row; notes: ParagraphView[] };
  problems: TextSectionView;
  other: TextSectionView;
  signature: { agency: string; date: string; iso: string | null } | null;
}

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v !== null && typeof v === "object" ? (v as Obj) : {});
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

function paragraph(value: unknown, lead?: string): ParagraphView {
  let text = typeof value === "string" ? value : cleanText(value);
  const p: ParagraphView = { text };
  if (SPECIAL.test(text)) {
    p.text = text = cleanText(text);
    // a line break inside a paragraph is kept as <br>, so the text reads as the source prints it
    const lines = linesOf(text);
    if (lines) p.lines = lines;
  }
  if (lead) p.lead = lead;
  return p;
}

function paragraphs(v: unknown): ParagraphView[] {
  const ps = list(v);
  const out: ParagraphView[] = new Array(ps.length);
  for (let i = 0; i < ps.length; i++) out[i] = paragraph(ps[i]);
  return out;
}

function textSection(heading: string, value: unknown): TextSectionView {
  const s = obj(value);
  return {
    heading,
    paragraphs: paragraphs(s.paragraphs),
    subsections: list(s.subsections).map((sub) => {
      const o = obj(sub);
      const heading = cleanText(o.heading);
      const runIn = o.runIn === true;
      const ps = list(o.paragraphs);
      if (!runIn) return { heading, runIn, paragraphs: paragraphs(ps) };
      // run-in: the heading opens its first paragraph, as in 「（一）主动公开。2024 年…」
      const out = paragraphs(ps.length ? ps : [""]);
      out[0] = paragraph(ps[0] ?? "", heading);
      return { heading, runIn, paragraphs: out };
    }),
  };
}

function valuesOf(row: Obj, keys: string[], into: unknown[] = []): unknown[] {
  for (let i = 0; i < keys.length; i++) into.push(row[keys[i]!]);
  return into;
}

function at(root: Obj, path: string[]): Obj {
  let o = root;
  for (let i = 0; i < path.length; i++) o = obj(o[path[i]!]);
  return o;
}

/** The caption names the table as messages do (表二 主动公开政府信息情况); the heading above it keeps its number. */
function tableNames(model: EditionModel, key: string): TableNames {
  const { number, heading, table } = model.sections.find((s) => s.key === key)!;
  const name = heading.startsWith(`${number}、`) ? heading.slice(number.length + 1) : heading;
  return { heading, caption: table ? `${table} ${name}` : name };
}

/** What a render of an edition takes as it is: its layout, fragments, headings and captions. */
interface EditionStatics {
  layout: EditionLayout;
  fragments: Fragments;
  headings: { overview: string; problems: string; other: string };
  tables: { proactive: TableNames; applications: TableNames & { head: SafeString }; review: TableNames & { head: SafeString } };
}

function staticsOf(model: EditionModel): EditionStatics {
  const layout = layoutOf(model);
  const f = fragmentsOf(layout);
  const heading = (key: string) => model.sections.find((s) => s.key === key)!.heading;
  return {
    layout,
    fragments: f,
    headings: { overview: heading("overview"), problems: heading("problemsAndImprovements"), other: heading("otherMatters") },
    tables: {
      proactive: tableNames(model, "proactiveDisclosure"),
      applications: { ...tableNames(model, "applications"), head: f.applicationsHead },
      review: { ...tableNames(model, "reviewAndLitigation"), head: f.reviewHead },
    },
  };
}

// built at the first render of each edition and kept: the models live as long as the module
const statics = new Map<EditionModel, EditionStatics>();

/** The note a screen reader reads in a blank cell; the page stays zh-CN, so English says so. */
const BLANK: Record<Locale, CellView> = {
  "zh-CN": blankCell("未填报"),
  en: blankCell("not reported", "en"),
};

export function reportView(report: Report, model: EditionModel, locale: Locale): ReportView {
  const r = report as unknown as Obj;
  const pd = obj(r.proactiveDisclosure);
  const ap = obj(r.applications);
  const rl = obj(r.reviewAndLitigation);
  let st = statics.get(model);
  if (!st) statics.set(model, (st = staticsOf(model)));
  const { layout, fragments, headings, tables } = st;
  const { proactive, applications, review } = layout;
  const blank = BLANK[locale];

  const sig = r.signature === undefined || r.signature === null ? null : obj(r.signature);
  const date = sig && sig.date !== undefined && sig.date !== null ? chineseDate(String(sig.date)) : null;

  const reviewValues: unknown[] = [];
  for (const g of review.groups) valuesOf(at(rl, g), review.columnKeys, reviewValues);

  return {
    title: cleanText(r.title),
    preamble: paragraphs(r.preamble),
    overview: textSection(headings.overview, r.overview),
    proactive: {
      table: tables.proactive,
      blocks: proactive.map((b, i) => {
        const block = obj(pd[b.key]);
        return {
          head: fragments.proactiveBlockHeads[i]!,
          rows: b.rows.map((row) => ({
            label: row.label,
            values: valuesOf(obj(block[row.key]), b.columnKeys),
            blank,
            colspans: b.valueColspans,
          })),
        };
      }),
      notes: paragraphs(pd.notes),
    },
    applications: {
      table: tables.applications,
      rows: applications.rows.map((row, i) => ({
        heads: fragments.applicationsRows[i]!,
        values: valuesOf(at(ap, row.path), applications.columnKeys),
        blank,
      })),
      notes: paragraphs(ap.notes),
    },
    review: { table: tables.review, row: { values: reviewValues, blank }, notes: paragraphs(rl.notes) },
    problems: textSection(headings.problems, r.problemsAndImprovements),
    other: textSection(headings.other, r.otherMatters),
    signature: sig ? { agency: cleanText(sig.agency), date: date?.text ?? "", iso: date?.iso ?? null } : null,
  };
}
