// Tables 二, 三 and 四 of each edition (the 2021 format, the 2019 trial format) as the editor lays
// them out: every cell with its JSON pointer, row and column label, in reading order (row by row,
// left to right), read from the edition's model (@zfxxgk/edition), the one export-html lays out.
import { editionModel, type CellKind, type EditionModel, type Row } from "@zfxxgk/edition";
import type { Edition } from "./labels.js";

export type { CellKind };

export interface CellSpec {
  pointer: string;
  /** the row's label as printed, and its group labels outermost first (表三's 三、…, （三）…) */
  rowLabel: string;
  rowGroups: string[];
  columnLabel: string;
  columnGroups: string[];
  kind: CellKind;
  /** position in its table's grid of value cells, for pasting a row */
  row: number;
  col: number;
  table: TableKey;
  edition: Edition;
  /** index in reading order over all tables */
  index: number;
}

export type TableKey = "proactiveDisclosure" | "applications" | "reviewAndLitigation";

export interface BlockModel {
  key: string;
  caption: string;
  labelColumnHeader: string;
  /** a narrower block's last column spans the rest of the table (2021's one-column blocks, 2019's 第（八）、（九）项) */
  columns: { key: string; label: string; colspan: number }[];
  rows: { key: string; label: string; cells: CellSpec[] }[];
}

export interface ApplicationsRowModel {
  /** group cells starting at this row */
  groups: { label: string; rowspan: number }[];
  label: string;
  colspan: number;
  cells: CellSpec[];
}

export interface TableModel {
  edition: Edition;
  proactive: { heading: string; caption: string; width: number; blocks: BlockModel[] };
  applications: {
    heading: string;
    caption: string;
    headerNote: string;
    columnGroupHeader: string;
    columnGroups: { label: string; columns: string[] }[];
    columns: { key: string; label: string }[];
    depth: number;
    rows: ApplicationsRowModel[];
  };
  review: {
    heading: string;
    caption: string;
    groups: { key: string; label: string; parent?: string }[];
    columns: { key: string; label: string }[];
    cells: CellSpec[];
  };
  /** every cell in reading order */
  cells: CellSpec[];
}

/** The editor's view of an edition model (@zfxxgk/edition): the published editions', or a test edition's. */
export function tableModelFrom(model: EditionModel): TableModel {
  const edition = model.edition as Edition;
  const cells: CellSpec[] = model.cells.map((c) => ({
    pointer: c.pointer,
    rowLabel: c.rowLabel,
    rowGroups: c.rowGroups,
    columnLabel: c.columnLabel,
    columnGroups: c.columnGroups,
    kind: c.kind,
    row: c.gridRow,
    col: c.gridCol,
    table: c.table,
    edition,
    index: c.index,
  }));
  const cellsOfRow = (r: Row) => r.cells.map((i) => cells[i]!);
  const { proactiveDisclosure: p, applications: a, reviewAndLitigation: r } = model.tables;
  return {
    edition,
    proactive: {
      heading: p.heading,
      caption: p.caption,
      width: p.width,
      blocks: p.blocks.map((b) => ({
        key: b.key,
        caption: b.caption,
        labelColumnHeader: p.labelColumnHeader,
        columns: b.columns.map(({ key, label, colspan }) => ({ key, label, colspan })),
        rows: b.rows.map((row) => ({ key: row.path[1]!, label: row.label, cells: cellsOfRow(row) })),
      })),
    },
    applications: {
      heading: a.heading,
      caption: a.caption,
      headerNote: a.headerNote,
      columnGroupHeader: a.columnGroupHeader,
      columnGroups: a.columnGroups,
      columns: a.columns.map(({ key, label }) => ({ key, label })),
      depth: a.depth,
      rows: a.rows.map((row) => ({
        groups: (row.groupsStarting ?? []).map(({ label, rowspan }) => ({ label, rowspan })),
        label: row.label,
        colspan: row.colspan ?? 1,
        cells: cellsOfRow(row),
      })),
    },
    review: {
      heading: r.heading,
      caption: r.caption,
      groups: r.groups.map((g) => ({ key: g.key, label: g.label, ...(g.parent ? { parent: g.parent } : {}) })),
      columns: r.columns.map(({ key, label }) => ({ key, label })),
      cells: r.rows.flatMap(cellsOfRow),
    },
    cells,
  };
}

const built = new Map<Edition, TableModel>();

/** The tables of an edition, built once. */
export function tableModelOf(edition: Edition): TableModel {
  let m = built.get(edition);
  if (!m) built.set(edition, (m = tableModelFrom(editionModel(edition))));
  return m;
}

/** The 2021 edition's tables, the page's default. */
export const tableModel: TableModel = tableModelOf("2021");

/** The accessible name of a cell: table, row labels and column labels, as printed. */
export function cellName(c: CellSpec): string {
  return [editionModel(c.edition).tables[c.table].caption, ...c.rowGroups, c.rowLabel, ...c.columnGroups, c.columnLabel]
    .filter(Boolean)
    .join(" › ");
}
