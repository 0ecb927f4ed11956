// The form: metadata at the top, then the six sections in print order — text sections as
// textareas under their headings, tables 二, 三 and 四 of the report's edition in the official
// layout (the spans of the HTML export) with an input in every value cell, labelled by its row and
// column labels.
import { editionModel, editions } from "@zfxxgk/edition";
import { h } from "./dom.js";
import { cellText, paragraphsText, textSectionsOf, type Report } from "./form-state.js";
import { editionOf, labels } from "./labels.js";
import { t, type Locale, type MessageKey } from "./messages.js";
import { getAt } from "./pointer.js";
import { cellName, tableModelOf, type CellSpec, type TableModel } from "./table-model.js";

export interface FormRefs {
  /** pointer → the cell's input, for marks and focus */
  cells: Map<string, HTMLInputElement>;
  /** pointer → a metadata field */
  fields: Map<string, HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>;
}

interface MetaField {
  pointer: string;
  label: MessageKey;
  type?: "text" | "number" | "date" | "email" | "tel" | "textarea";
  options?: { value: string; label: MessageKey }[];
  wide?: boolean;
}

// the agency kinds and levels the schema allows (the same in every edition: the newest's);
// each has its words in messages.ts
const { agency } = editionModel(editions[0]!);

const META: MetaField[] = [
  { pointer: "/title", label: "fTitle", wide: true },
  { pointer: "/year", label: "fYear", type: "number" },
  { pointer: "/publishedOn", label: "fPublishedOn", type: "date" },
  { pointer: "/agency/name", label: "fAgencyName" },
  {
    pointer: "/agency/kind",
    label: "fAgencyKind",
    options: agency.kinds.map((v) => ({ value: v, label: `kind_${v}` as MessageKey })),
  },
  {
    pointer: "/agency/level",
    label: "fAgencyLevel",
    options: agency.levels.map((v) => ({ value: v, label: `level_${v}` as MessageKey })),
  },
  { pointer: "/agency/regionCode", label: "fRegionCode" },
  { pointer: "/agency/creditCode", label: "fCreditCode" },
  { pointer: "/contact/organisation", label: "fOrganisation" },
  { pointer: "/contact/address", label: "fAddress", wide: true },
  { pointer: "/contact/postcode", label: "fPostcode" },
  { pointer: "/contact/phone", label: "fPhone", type: "tel" },
  { pointer: "/contact/fax", label: "fFax", type: "tel" },
  { pointer: "/contact/email", label: "fEmail", type: "email" },
  { pointer: "/signature/agency", label: "fSignatureAgency" },
  { pointer: "/signature/date", label: "fSignatureDate", type: "date" },
];

/** Metadata pointers whose value is a number, not text. */
export const NUMERIC_FIELDS = new Set(["/year"]);

const idOf = (pointer: string) => `f${pointer.replace(/[^A-Za-z0-9]/g, "-")}`;

function metadata(report: Report, locale: Locale, refs: FormRefs): HTMLElement {
  const grid = h("div", { class: "meta" });
  // the edition is fixed when the report is started: the tables differ between editions
  grid.append(
    h(
      "p",
      { id: "edition-note", class: "field wide", "data-edition": editionOf(report) },
      `${t(locale, "edition")}：${t(locale, editionOf(report) === "2019" ? "edition2019" : "edition2021")}`,
    ),
  );
  for (const f of META) {
    const id = idOf(f.pointer);
    const value = getAt(report, f.pointer);
    let input: HTMLInputElement | HTMLSelectElement;
    if (f.options) {
      const select = h("select", { id, "data-field": f.pointer }, h("option", { value: "" }, t(locale, "choose")));
      for (const o of f.options) select.append(h("option", { value: o.value, selected: value === o.value }, t(locale, o.label)));
      input = select;
    } else {
      // year as text: a non-number typed stays visible, for the validator to name
      input = h("input", {
        id,
        type: f.type === "number" ? "text" : (f.type ?? "text"),
        inputmode: f.type === "number" ? "numeric" : undefined,
        "data-field": f.pointer,
      });
      input.value = value === undefined || value === null ? "" : String(value);
    }
    refs.fields.set(f.pointer, input);
    grid.append(h("div", { class: f.wide ? "field wide" : "field" }, h("label", { for: id }, t(locale, f.label)), input));
  }
  const preamble = h("textarea", { id: "f-preamble", "data-field": "/preamble", rows: 3 });
  preamble.value = paragraphsText(getAt(report, "/preamble"));
  refs.fields.set("/preamble", preamble);
  grid.append(h("div", { class: "field wide" }, h("label", { for: "f-preamble" }, t(locale, "fPreamble")), preamble));
  return h("section", { class: "section", "aria-labelledby": "h-meta" }, h("h2", { id: "h-meta" }, t(locale, "metadata")), grid);
}

function cellInput(c: CellSpec, report: Report, refs: FormRefs): HTMLTableCellElement {
  const input = h("input", {
    id: `c${c.index}`,
    class: "cell",
    type: "text",
    // a signed cell needs the minus sign, which numeric keypads lack
    inputmode: c.kind === "amount" ? "decimal" : c.kind === "signed" ? "text" : "numeric",
    autocomplete: "off",
    "data-pointer": c.pointer,
    "data-index": c.index,
    "aria-label": cellName(c),
    "aria-describedby": `m${c.index}`,
  });
  input.value = cellText(getAt(report, c.pointer));
  refs.cells.set(c.pointer, input);
  return h("td", { class: "num" }, input, h("span", { id: `m${c.index}`, class: "msg", role: "status" }));
}

function scroll(caption: string, table: HTMLTableElement): HTMLElement {
  return h("div", { class: "scroll", role: "region", "aria-label": caption, tabindex: -1 }, table);
}

function table2(model: TableModel, report: Report, refs: FormRefs): HTMLElement {
  const m = model.proactive;
  const table = h("table", { class: "t2" }, h("caption", { class: "sr" }, m.caption));
  for (const b of m.blocks) {
    const body = h("tbody");
    body.append(h("tr", {}, h("th", { scope: "rowgroup", colspan: m.width, class: "block" }, b.caption)));
    body.append(
      h(
        "tr",
        {},
        h("th", { scope: "col" }, b.labelColumnHeader),
        ...b.columns.map((c) => h("th", { scope: "col", colspan: c.colspan > 1 ? c.colspan : undefined }, c.label)),
      ),
    );
    for (const r of b.rows) {
      const tr = h("tr", {}, h("th", { scope: "row" }, r.label));
      for (const [i, c] of r.cells.entries()) {
        const td = cellInput(c, report, refs);
        if (b.columns[i]!.colspan > 1) td.colSpan = b.columns[i]!.colspan;
        tr.append(td);
      }
      body.append(tr);
    }
    table.append(body);
  }
  return h("section", { class: "section" }, h("h2", {}, m.heading), scroll(m.caption, table));
}

function table3(model: TableModel, report: Report, refs: FormRefs): HTMLElement {
  const m = model.applications;
  const grouped = m.columnGroups[0]!;
  const named = (k: string) => m.columns.find((c) => c.key === k)!.label;
  const first = m.columns[0]!;
  const last = m.columns[m.columns.length - 1]!;
  const head = h(
    "thead",
    {},
    h(
      "tr",
      {},
      h("td", { class: "corner", colspan: m.depth, rowspan: 3 }, m.headerNote),
      h("th", { scope: "col", colspan: m.columns.length }, m.columnGroupHeader),
    ),
    h(
      "tr",
      {},
      h("th", { scope: "col", rowspan: 2 }, first.label),
      h("th", { scope: "col", colspan: grouped.columns.length }, grouped.label),
      h("th", { scope: "col", rowspan: 2 }, last.label),
    ),
    h("tr", {}, ...grouped.columns.map((k) => h("th", { scope: "col" }, named(k)))),
  );
  const body = h("tbody");
  for (const r of m.rows) {
    const tr = h("tr");
    for (const g of r.groups) tr.append(h("th", { scope: "rowgroup", rowspan: g.rowspan, class: "group" }, g.label));
    tr.append(h("th", { scope: "row", colspan: r.colspan > 1 ? r.colspan : undefined }, r.label));
    for (const c of r.cells) tr.append(cellInput(c, report, refs));
    body.append(tr);
  }
  return h(
    "section",
    { class: "section" },
    h("h2", {}, m.heading),
    scroll(m.caption, h("table", { class: "t3" }, h("caption", { class: "sr" }, m.caption), head, body)),
  );
}

function table4(model: TableModel, report: Report, refs: FormRefs): HTMLElement {
  const m = model.review;
  const top = m.groups.filter((g) => !g.parent);
  const subs = m.groups.filter((g) => g.parent);
  const n = m.columns.length;
  const leafCount = (key: string) => Math.max(1, subs.filter((s) => s.parent === key).length);
  const head = h(
    "thead",
    {},
    h("tr", {}, ...top.map((g) => h("th", { scope: "col", colspan: n * leafCount(g.key) }, g.label))),
    h(
      "tr",
      {},
      ...top.flatMap((g) =>
        subs.some((s) => s.parent === g.key)
          ? subs.filter((s) => s.parent === g.key).map((s) => h("th", { scope: "col", colspan: n }, s.label))
          : m.columns.map((c) => h("th", { scope: "col", rowspan: 2 }, c.label)),
      ),
    ),
    h("tr", {}, ...subs.flatMap(() => m.columns.map((c) => h("th", { scope: "col" }, c.label)))),
  );
  const row = h("tr", {}, ...m.cells.map((c) => cellInput(c, report, refs)));
  return h(
    "section",
    { class: "section" },
    h("h2", {}, m.heading),
    scroll(m.caption, h("table", { class: "t4" }, h("caption", { class: "sr" }, m.caption), head, h("tbody", {}, row))),
  );
}

interface Subsection {
  heading?: unknown;
  runIn?: unknown;
  paragraphs?: unknown;
}

/** One sub-part's fields: its heading, whether it runs in, its paragraphs. */
export function subsectionFields(key: string, i: number, s: Subsection, locale: Locale): HTMLElement {
  const hid = `${key}-s${i}-h`;
  const pid = `${key}-s${i}-p`;
  const rid = `${key}-s${i}-r`;
  const heading = h("input", { id: hid, class: "sub-heading", type: "text" });
  heading.value = typeof s.heading === "string" ? s.heading : "";
  const runIn = h("input", { id: rid, class: "sub-runin", type: "checkbox", checked: s.runIn === true });
  const text = h("textarea", { id: pid, class: "sub-paragraphs", rows: 3 });
  text.value = paragraphsText(s.paragraphs);
  return h(
    "fieldset",
    { class: "subsection" },
    h("legend", {}, t(locale, "subsection")),
    h("label", { for: hid }, t(locale, "subsection")),
    heading,
    h("label", { class: "check" }, runIn, ` ${t(locale, "runIn")}`),
    h("label", { for: pid }, t(locale, "subsectionParagraphs", { heading: heading.value })),
    text,
    h("button", { type: "button", class: "remove-sub" }, t(locale, "removeSubsection")),
  );
}

function textSection(key: string, heading: string, report: Report, locale: Locale): HTMLElement {
  const id = `${key}-p`;
  const text = h("textarea", { id, class: "paragraphs", rows: 4 });
  text.value = paragraphsText(getAt(report, `/${key}/paragraphs`));
  const subs = getAt(report, `/${key}/subsections`);
  const list = h(
    "div",
    { class: "subsections" },
    ...(Array.isArray(subs) ? subs.map((s, i) => subsectionFields(key, i, (s ?? {}) as Subsection, locale)) : []),
  );
  return h(
    "section",
    { class: "section text-section", "data-section": key },
    h("h2", {}, heading),
    h("label", { for: id }, t(locale, "paragraphs")),
    text,
    list,
    h("button", { type: "button", class: "add-sub" }, t(locale, "addSubsection")),
  );
}

/** Builds the whole form for a report; the refs let the page mark cells and read fields. */
export function buildForm(report: Report, locale: Locale): { root: HTMLElement; refs: FormRefs } {
  const refs: FormRefs = { cells: new Map(), fields: new Map() };
  const model = tableModelOf(editionOf(report));
  const [overview, problems, other] = textSectionsOf(model.edition);
  const root = h(
    "div",
    { class: "form" },
    metadata(report, locale, refs),
    textSection(overview!.key, overview!.heading, report, locale),
    table2(model, report, refs),
    table3(model, report, refs),
    table4(model, report, refs),
    textSection(problems!.key, problems!.heading, report, locale),
    textSection(other!.key, other!.heading, report, locale),
  );
  return { root, refs };
}

/** A text section as the report holds it, read back from its fields. */
export function readTextSection(section: HTMLElement, toParagraphs: (s: string) => string[]): Record<string, unknown> {
  const paragraphs = toParagraphs(section.querySelector<HTMLTextAreaElement>("textarea.paragraphs")!.value);
  const subsections = [...section.querySelectorAll<HTMLElement>("fieldset.subsection")].map((f) => {
    const s: Record<string, unknown> = { heading: f.querySelector<HTMLInputElement>(".sub-heading")!.value.trim() };
    if (f.querySelector<HTMLInputElement>(".sub-runin")!.checked) s.runIn = true;
    s.paragraphs = toParagraphs(f.querySelector<HTMLTextAreaElement>(".sub-paragraphs")!.value);
    return s;
  });
  return subsections.length ? { paragraphs, subsections } : { paragraphs };
}

export { labels };
