// The format of each edition as the importer needs it: every table row and column with its
// canonical label (from @zfxxgk/schema, never retyped), the label's accepted variants, the kind of
// figure each cell holds (from the edition's JSON Schema), and the JSON pointer of every cell.
import { labels as schemaLabels, reportSchemas, type Labels } from "@zfxxgk/schema";
import { norm } from "./normalise.js";
import { vocabulary } from "./vocabulary.js";
import type { Edition } from "./types.js";

/** count: integer ≥ 0; amount: decimal ≥ 0 in the column's unit (万元); money: a decimal whose unit the cell prints (2019 采购总金额); signed: 2019 本年增/减 */
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
  edition: Edition;
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

function label(text: string, edition: Edition): Label {
  const entry = vocabulary.labelAliases[text];
  const aliases = entry && (!entry.editions || entry.editions.includes(edition)) ? entry.aliases : [];
  return { text, norm: norm(text), variants: aliases.map((a) => ({ text: a, norm: norm(a) })) };
}

const pointerOf = (table: TableKey, path: string) => `/${table}/${path.split(".").join("/")}`;

type SchemaNode = { $ref?: string; properties?: Record<string, SchemaNode> };

/**
 * What a table 二 cell holds, from the edition's schema: a signed count (2019 本年增/减), an amount
 * in 万元 — whose column prints the unit (2021 本年收费金额（单位：万元）) or leaves it to the cell
 * (2019 采购总金额: 元 or 万元) — or a count.
 */
function table2Kind(edition: Edition, block: string, row: string, column: string, text: string): CellKind {
  const schema = reportSchemas[edition] as SchemaNode & { $defs: Record<string, SchemaNode> };
  const def = (ref: string | undefined) => (ref ? schema.$defs[ref.replace("#/$defs/", "")] : undefined);
  const rowNode = schema.properties?.proactiveDisclosure?.properties?.[block]?.properties?.[row];
  const cell = (rowNode?.properties ?? def(rowNode?.$ref)?.properties)?.[column];
  const ref = cell?.$ref?.replace("#/$defs/", "");
  if (ref === "signedCount") return "signed";
  if (ref === "amount") return /万元/.test(text) ? "amount" : "money";
  return "count";
}

function table2Model(l: Labels["proactiveDisclosure"], edition: Edition): EditionModel["table2"] {
  return {
    header: label(l.labelColumnHeader, edition),
    blocks: Object.entries(l.blocks).map(([key, b]) => {
      // the blocks' rows share their columns; the first row's schema says what each holds
      const firstRow = Object.keys(b.rows)[0]!;
      const columns: Column[] = Object.entries(b.columns).map(([c, text]) => ({
        key: c,
        label: label(text, edition),
        kind: table2Kind(edition, key, firstRow, c, text),
      }));
      return {
        key,
        caption: label(b.caption, edition),
        columns,
        rows: Object.entries(b.rows).map(([r, text]) => ({
          table: "proactiveDisclosure" as const,
          path: `${key}.${r}`,
          block: key,
          label: label(text, edition),
          pointer: pointerOf("proactiveDisclosure", `${key}.${r}`),
          columns,
        })),
      };
    }),
  };
}

function build(edition: Edition): EditionModel {
  const l: Labels = schemaLabels[edition];
  const sections: Section[] = Object.entries(l.sections).map(([key, s]) => ({
    key,
    number: s.number,
    heading: label(s.heading, edition),
    ...(key === "proactiveDisclosure" || key === "applications" || key === "reviewAndLitigation" ? { table: key as TableKey } : {}),
  }));

  const t2 = table2Model(l.proactiveDisclosure, edition);

  // 表三: a row key with children is a group header (in 2019 （六）其他处理 has none: it is a row)
  const a = l.applications;
  const keys = Object.keys(a.rows);
  const hasChildren = (k: string) => keys.some((o) => o.startsWith(`${k}.`));
  const columns3: Column[] = Object.entries(a.columns).map(([key, text]) => ({ key, label: label(text, edition), kind: "count" }));
  const rows3: TableRow[] = keys
    .filter((k) => !hasChildren(k))
    .map((k) => ({ table: "applications", path: k, label: label(a.rows[k]!, edition), pointer: pointerOf("applications", k), columns: columns3 }));
  const groups3 = keys.filter(hasChildren).map((k) => ({ path: k, label: label(a.rows[k]!, edition) }));

  // 表四: the leaf groups (行政复议, 未经复议直接起诉, 复议后起诉), five columns each
  const r = l.reviewAndLitigation;
  const gkeys = Object.keys(r.groups);
  const columns4: Column[] = Object.entries(r.columns).map(([key, text]) => ({ key, label: label(text, edition), kind: "count" }));
  const groups4: TableRow[] = gkeys
    .filter((k) => !gkeys.some((o) => o.startsWith(`${k}.`)))
    .map((k) => ({ table: "reviewAndLitigation", path: k, label: label(r.groups[k]!, edition), pointer: pointerOf("reviewAndLitigation", k), columns: columns4 }));

  const cells: EditionModel["cells"] = [];
  const rows: EditionModel["rows"] = [];
  for (const row of [...t2.blocks.flatMap((b) => b.rows), ...rows3, ...groups4]) {
    const pointers = row.columns.map((c) => `${row.pointer}/${c.key}`);
    rows.push({ row, pointers, idx: pointers.map((_, k) => cells.length + k) });
    row.columns.forEach((c, k) => cells.push({ pointer: pointers[k]!, kind: c.kind, table: row.table, path: pointers[k]!.split("/").slice(1) }));
  }
  const index = new Map(cells.map((c, i) => [c.pointer, i]));

  return {
    edition,
    sections,
    table2: t2,
    table3: { rows: rows3, groups: groups3, columns: columns3, note: label(a.headerNote, edition) },
    table4: { groups: groups4, columns: columns4, groupLabels: gkeys.map((k) => label(r.groups[k]!, edition)) },
    cells,
    rows,
    index,
    rowIndex: new Map(rows.map((r) => [r.row.pointer, r])),
  };
}

const models = new Map<Edition, EditionModel>();

export function model(edition: Edition): EditionModel {
  let m = models.get(edition);
  if (!m) models.set(edition, (m = build(edition)));
  return m;
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
