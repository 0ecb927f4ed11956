// The format of each edition as the importer needs it: every table row and column with its
// canonical label, the kind of figure each cell holds and the JSON pointer of every cell — all from
// the generated edition model (@zfxxgk/edition), never derived here — plus what only the importer
// needs: each label's normal form and its accepted variants (data/vocabulary.json).
import { editionModel, type EditionModel as GeneratedModel } from "@zfxxgk/edition";
import { norm } from "./normalise.js";
import { vocabulary } from "./vocabulary.js";

/**
 * count: integer ≥ 0; amount: decimal ≥ 0 in the column's unit (万元); money: a decimal whose unit the cell prints
 * (2019 采购总金额); signed: 2019 本年增/减
 */
export type CellKind = "count" | "amount" | "money" | "signed";
export type TableKey = "proactiveDisclosure" | "applications" | "reviewAndLitigation";

export interface Label {
  text: string;
  norm: string;
  /** accepted variants (aliases), normalised, with their printed form */
  variants: { text: string; norm: string }[];
}

export interface Column {
  key: string;
  label: Label;
  kind: CellKind;
}

export interface TableRow {
  table: TableKey;
  /** dotted path of the row in its table object (results.denied.stateSecret), block-qualified for 表二 */
  path: string;
  label: Label;
  /** JSON pointer of the row object */
  pointer: string;
  columns: Column[];
  /** 表二: the block the row belongs to */
  block?: string;
}

export interface Section {
  key: string;
  number: string;
  heading: Label;
  table?: TableKey;
}

export interface EditionModel {
  /** the edition's name: a registered one ("2021", "2019") or that of a model handed to importReport */
  edition: string;
  /** the generated model this view is built from (its rules included) */
  generated: GeneratedModel;
  sections: Section[];
  table2: { blocks: { key: string; caption: Label; columns: Column[]; rows: TableRow[] }[]; header: Label };
  table3: { rows: TableRow[]; groups: { path: string; label: Label }[]; columns: Column[]; note: Label };
  table4: { groups: TableRow[]; columns: Column[]; groupLabels: Label[] };
  /** every table cell, in print order, with the keys of its pointer */
  cells: { pointer: string; kind: CellKind; table: TableKey; path: string[] }[];
  /** every row of the three tables with its cells' pointers and their index in `cells` */
  rows: { row: TableRow; pointers: string[]; idx: number[] }[];
  /** pointer → index in `cells` */
  index: Map<string, number>;
  /** row pointer → its entry in `rows` */
  rowIndex: Map<string, EditionModel["rows"][number]>;
}

/** A label with its variants: the aliases of data/vocabulary.json, those limited to other editions left out. */
function label(text: string, edition: string): Label {
  const entry = vocabulary.labelAliases[text];
  const aliases = entry && (!entry.editions || entry.editions.includes(edition)) ? entry.aliases : [];
  return { text, norm: norm(text), variants: aliases.map((a) => ({ text: a, norm: norm(a) })) };
}

/**
 * What a cell holds, as the importer reads it: the edition model's kind, and for an amount whether
 * its column's label states the unit (2021 本年收费金额（单位：万元）) or leaves it to the cell
 * (2019 采购总金额: 元 or 万元 printed with the figure).
 */
function kindOf(kind: string, labelShowsUnit = true): CellKind {
  if (kind === "signed") return "signed";
  if (kind === "amount") return labelShowsUnit ? "amount" : "money";
  return "count";
}

/** The importer's view of an edition: a generated edition model, with each label's normal form and variants. */
function build(e: GeneratedModel): EditionModel {
  const edition = e.edition;
  const t = e.tables;
  const sections: Section[] = e.sections.map((s) => ({
    key: s.key,
    number: s.number,
    heading: label(s.heading, edition),
    ...(s.kind === "table" ? { table: s.key as TableKey } : {}),
  }));

  const table2: EditionModel["table2"] = {
    header: label(t.proactiveDisclosure.labelColumnHeader, edition),
    blocks: t.proactiveDisclosure.blocks.map((b) => {
      const columns: Column[] = b.columns.map((c) => ({
        key: c.key,
        label: label(c.label, edition),
        kind: kindOf(c.kind, c.labelShowsUnit),
      }));
      return {
        key: b.key,
        caption: label(b.caption, edition),
        columns,
        rows: b.rows.map((r) => ({
          table: "proactiveDisclosure" as const,
          path: r.key,
          block: b.key,
          label: label(r.label, edition),
          pointer: r.pointer,
          columns,
        })),
      };
    }),
  };

  const a = t.applications;
  const columns3: Column[] = a.columns.map((c) => ({ key: c.key, label: label(c.label, edition), kind: kindOf(c.kind ?? "count") }));
  const rows3: TableRow[] = a.rows.map((r) => ({
    table: "applications",
    path: r.key,
    label: label(r.label, edition),
    pointer: r.pointer,
    columns: columns3,
  }));
  const groups3 = a.groups.map((g) => ({ path: g.key, label: label(g.label, edition) }));

  const r4 = t.reviewAndLitigation;
  const columns4: Column[] = r4.columns.map((c) => ({ key: c.key, label: label(c.label, edition), kind: kindOf(c.kind ?? "count") }));
  const groups4: TableRow[] = r4.rows.map((r) => ({
    table: "reviewAndLitigation",
    path: r.key,
    label: label(r.label, edition),
    pointer: r.pointer,
    columns: columns4,
  }));

  const cells: EditionModel["cells"] = [];
  const rows: EditionModel["rows"] = [];
  for (const row of [...table2.blocks.flatMap((b) => b.rows), ...rows3, ...groups4]) {
    const pointers = row.columns.map((c) => `${row.pointer}/${c.key}`);
    rows.push({ row, pointers, idx: pointers.map((_, k) => cells.length + k) });
    row.columns.forEach((c, k) =>
      cells.push({ pointer: pointers[k]!, kind: c.kind, table: row.table, path: pointers[k]!.split("/").slice(1) }),
    );
  }
  // the importer's cells are the model's, in the model's order: rules index both alike
  if (cells.length !== e.cells.length || cells.some((c, i) => c.pointer !== e.cells[i]!.pointer))
    throw new Error(`edition ${edition}: the importer's cells differ from the edition model's`);
  const index = new Map(cells.map((c, i) => [c.pointer, i]));

  return {
    edition,
    generated: e,
    sections,
    table2,
    table3: { rows: rows3, groups: groups3, columns: columns3, note: label(a.headerNote, edition) },
    table4: { groups: groups4, columns: columns4, groupLabels: r4.groups.map((g) => label(g.label, edition)) },
    cells,
    rows,
    index,
    rowIndex: new Map(rows.map((r) => [r.row.pointer, r])),
  };
}

// keyed by the generated model itself: a model handed to importReport is built once, and two
// different models that share an edition name never share a view
const views = new WeakMap<GeneratedModel, EditionModel>();

/** The importer's view of a generated edition model (a registered edition's, or one handed over). */
export function viewOf(generated: GeneratedModel): EditionModel {
  let m = views.get(generated);
  if (!m) views.set(generated, (m = build(generated)));
  return m;
}

/** The importer's view of a registered edition. */
export function model(edition: string): EditionModel {
  return viewOf(editionModel(edition));
}

/** Does normalised text hold the label (or one of its variants)? Returns the variant's printed form when a variant matched. */
export function findLabel(text: string, l: Label): { at: number; length: number; variant?: string } | null {
  const i = text.indexOf(l.norm);
  if (i >= 0) return { at: i, length: l.norm.length };
  for (const v of l.variants) {
    const j = text.indexOf(v.norm);
    if (j >= 0) return { at: j, length: v.norm.length, variant: v.text };
  }
  return null;
}
