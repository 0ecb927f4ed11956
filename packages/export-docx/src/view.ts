// The report as the templates read it: paragraphs as their XML (paragraph.ts), each table row
// paired with its label fragment and its raw values (the eachCell helper writes them). What does
// not depend on the report is built once per edition; a render adds the rest. Text arrives here
// already checked (check.ts): every character is one XML 1.0 carries. Every string the templates
// write leaves here as a byte string (bytes.ts).
import type { SafeString } from "handlebars";
import { chineseDate, editions, layouts, type RenderEdition } from "@zfxxgk/export-html";
import type { Report } from "@zfxxgk/types";
import { utf8 } from "./bytes.js";
import { fragments } from "./fragments.js";
import { paragraphXml } from "./paragraph.js";
import { env } from "./templates.js";

/** A paragraph's XML (templates/paragraph.hbs), without its final line break: the template that places it adds one. */
export type ParagraphXml = SafeString;

export interface TextSectionView {
  heading: string | SafeString;
  paragraphs: ParagraphXml[];
  subsections: { heading: string; runIn: boolean; paragraphs: ParagraphXml[] }[];
}

interface TableView {
  heading: string | SafeString;
  properties: SafeString;
  notes: ParagraphXml[];
}

export interface DocumentView {
  title: ParagraphXml;
  preamble: ParagraphXml[];
  overview: TextSectionView;
  proactive: TableView & {
    blocks: { head: SafeString; rows: { label: string | SafeString; values: unknown[]; colspans: (number | undefined)[] }[] }[];
  };
  applications: TableView & { head: SafeString; rows: { heads: SafeString; values: unknown[] }[] };
  review: TableView & { head: SafeString; values: unknown[] };
  problems: TextSectionView;
  other: TextSectionView;
  signature: { agency: string; date: string } | null;
  /** docProps/core.xml's title and author, byte strings unescaped (its template escapes them) */
  properties: { title: string; agency: string };
}

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v !== null && typeof v === "object" ? (v as Obj) : {});
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string => (typeof v === "string" ? v : v === null || v === undefined ? "" : String(v));

/**
 * The date under the agency's name: an ISO date as reports write it (2025年1月17日), anything else
 * as written; export-html replaces what a browser cannot show, a Word document refuses it (check.ts).
 */
function dateText(date: string): string {
  const d = chineseDate(date);
  return d.iso === null ? date : d.text;
}

function paragraph(value: unknown, style?: string, lead?: string): ParagraphXml {
  return new env.SafeString(paragraphXml(str(value), style, lead));
}

const paragraphs = (v: unknown, style?: string): ParagraphXml[] => list(v).map((p) => paragraph(p, style));

function textSection(heading: string | SafeString, value: unknown): TextSectionView {
  const s = obj(value);
  return {
    heading,
    paragraphs: paragraphs(s.paragraphs),
    subsections: list(s.subsections).map((sub) => {
      const o = obj(sub);
      const heading = str(o.heading);
      const runIn = o.runIn === true;
      const ps = list(o.paragraphs);
      if (!runIn) return { heading: utf8(heading), runIn, paragraphs: paragraphs(ps) };
      // run-in: the heading opens its first paragraph, as in 「（一）主动公开。2024 年…」
      const out = paragraphs(ps.length ? ps : [""]);
      out[0] = paragraph(ps[0] ?? "", undefined, heading);
      return { heading: utf8(heading), runIn, paragraphs: out };
    }),
  };
}

function at(root: Obj, path: readonly string[]): Obj {
  let o = root;
  for (const k of path) o = obj(o[k]);
  return o;
}

function valuesOf(row: Obj, keys: readonly string[], into: unknown[] = []): unknown[] {
  for (const k of keys) into.push(row[k]);
  return into;
}

/** The schema's headings and labels, the same in every render: converted and escaped once, at load. */
const escaped = (label: string): SafeString => new env.SafeString(env.Utils.escapeExpression(utf8(label)));

function headingsOf(edition: RenderEdition) {
  const heading = (key: string) => escaped(layouts[edition]!.model.sections.find((s) => s.key === key)!.heading);
  return {
    overview: heading("overview"),
    proactive: heading("proactiveDisclosure"),
    applications: heading("applications"),
    review: heading("reviewAndLitigation"),
    problems: heading("problemsAndImprovements"),
    other: heading("otherMatters"),
  };
}

const headings = Object.fromEntries(editions.map((e) => [e, headingsOf(e)])) as Record<RenderEdition, ReturnType<typeof headingsOf>>;

/** 表二's row labels, block by block, as byte strings */
const proactiveLabels = Object.fromEntries(
  editions.map((e) => [e, layouts[e]!.proactive.map((b) => b.rows.map((row) => escaped(row.label)))]),
) as Record<RenderEdition, SafeString[][]>;

export function documentView(report: Report, edition: RenderEdition): DocumentView {
  const r = report as unknown as Obj;
  const pd = obj(r.proactiveDisclosure);
  const ap = obj(r.applications);
  const rl = obj(r.reviewAndLitigation);
  const { proactive, applications, review } = layouts[edition]!;
  const f = fragments[edition]!;
  const h = headings[edition]!;

  const agency = obj(r.agency).name;
  const sig = r.signature === undefined || r.signature === null ? null : obj(r.signature);
  const reviewValues: unknown[] = [];
  for (const g of review.groups) valuesOf(at(rl, g), review.columnKeys, reviewValues);

  return {
    title: paragraph(r.title, "Title"),
    preamble: paragraphs(r.preamble),
    overview: textSection(h.overview, r.overview),
    proactive: {
      heading: h.proactive,
      properties: f.proactive.properties,
      blocks: proactive.map((b, i) => {
        const block = obj(pd[b.key]);
        return {
          head: f.proactive.blockHeads[i]!,
          rows: b.rows.map((row, j) => ({
            label: proactiveLabels[edition]![i]![j]!,
            values: valuesOf(obj(block[row.key]), b.columnKeys),
            colspans: b.valueColspans,
          })),
        };
      }),
      notes: paragraphs(pd.notes, "TableNote"),
    },
    applications: {
      heading: h.applications,
      properties: f.applications.properties,
      head: f.applications.head,
      rows: applications.rows.map((row, i) => ({
        heads: f.applications.rows[i]!,
        values: valuesOf(at(ap, row.path), applications.columnKeys),
      })),
      notes: paragraphs(ap.notes, "TableNote"),
    },
    review: {
      heading: h.review,
      properties: f.review.properties,
      head: f.review.head,
      values: reviewValues,
      notes: paragraphs(rl.notes, "TableNote"),
    },
    problems: textSection(h.problems, r.problemsAndImprovements),
    other: textSection(h.other, r.otherMatters),
    signature: sig
      ? { agency: utf8(str(sig.agency)), date: sig.date === undefined || sig.date === null ? "" : utf8(dateText(str(sig.date))) }
      : null,
    properties: { title: utf8(str(r.title)), agency: typeof agency === "string" ? utf8(agency) : "" },
  };
}
