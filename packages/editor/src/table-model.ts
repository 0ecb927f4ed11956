// Tables 二, 三 and 四 of each edition (the 2021 format, the 2019 trial format) as the editor lays
// them out: every cell with its JSON pointer, row and column label, in reading order (row by row,
// left to right), derived from the edition's labels the way @zfxxgk/export-html derives its layout
// (src/layout.ts there); what a cell holds comes from the edition's schema (cell-kind.ts).
import { cellKind, type CellKind } from "./cell-kind.js";
import { labelsOf, type Edition } from "./labels.js";

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
  review: { heading: string; caption: string; groups: { key: string; label: string; parent?: string }[]; columns: { key: string; label: string }[]; cells: CellSpec[] };
  /** every cell in reading order */
  cells: CellSpec[];
}

function build(edition: Edition): TableModel {
  const labels = labelsOf[edition];
  const cells: CellSpec[] = [];
  const add = (c: Omit<CellSpec, "index" | "edition" | "kind">): CellSpec => {
    const spec = { ...c, edition, kind: cellKind(edition, c.pointer), index: cells.length };
    cells.push(spec);
    return spec;
  };

  // 表二: four blocks (2019: five); a row's cells are its block's columns
  const p = labels.proactiveDisclosure;
  const widest = Math.max(...Object.values(p.blocks).map((b) => Object.keys(b.columns).length));
  let p2Row = 0;
  const blocks: BlockModel[] = Object.entries(p.blocks).map(([blockKey, b]) => ({
    key: blockKey,
    caption: b.caption,
    labelColumnHeader: p.labelColumnHeader,
    columns: Object.entries(b.columns).map(([key, label], i, all) => ({ key, label, colspan: i === all.length - 1 ? widest - i : 1 })),
    rows: Object.entries(b.rows).map(([rowKey, rowLabel]) => {
      const row = p2Row++;
      return {
        key: rowKey,
        label: rowLabel,
        cells: Object.entries(b.columns).map(([colKey, colLabel], col) =>
          add({
            pointer: `/proactiveDisclosure/${blockKey}/${rowKey}/${colKey}`,
            rowLabel,
            rowGroups: [b.caption],
            columnLabel: colLabel,
            columnGroups: [],
            row,
            col,
            table: "proactiveDisclosure",
          }),
        ),
      };
    }),
  }));

  // 表三: leaf rows of the dotted row keys, group cells spanning their descendants
  const a = labels.applications;
  const rowKeys = Object.keys(a.rows);
  const isGroup = (k: string) => rowKeys.some((o) => o.startsWith(`${k}.`));
  const leaves = rowKeys.filter((k) => !isGroup(k));
  const depth = Math.max(...rowKeys.map((k) => k.split(".").length));
  const started = new Set<string>();
  const columns = Object.entries(a.columns).map(([key, label]) => ({ key, label }));
  const groupOf = (col: string) => a.columnGroups.find((g) => g.columns.includes(col))?.label;
  const appRows: ApplicationsRowModel[] = leaves.map((leaf, row) => {
    const path = leaf.split(".");
    const groups: { label: string; rowspan: number }[] = [];
    const rowGroups: string[] = [];
    for (let i = 1; i < path.length; i++) {
      const g = path.slice(0, i).join(".");
      rowGroups.push(a.rows[g]!);
      if (!started.has(g)) {
        started.add(g);
        groups.push({ label: a.rows[g]!, rowspan: leaves.filter((k) => k.startsWith(`${g}.`)).length });
      }
    }
    const rowLabel = a.rows[leaf]!;
    return {
      groups,
      label: rowLabel,
      colspan: depth - path.length + 1,
      cells: columns.map((c, col) => {
        const group = groupOf(c.key);
        return add({
          pointer: `/applications/${path.join("/")}/${c.key}`,
          rowLabel,
          rowGroups,
          columnLabel: c.label,
          columnGroups: group ? [a.columnGroupHeader, group] : [a.columnGroupHeader],
          row,
          col,
          table: "applications",
        });
      }),
    };
  });

  // 表四: one row of values, group after group (行政复议, then 行政诉讼's two)
  const r = labels.reviewAndLitigation;
  const gKeys = Object.keys(r.groups);
  const rCols = Object.entries(r.columns).map(([key, label]) => ({ key, label }));
  const valueGroups = gKeys.filter((k) => !gKeys.some((o) => o.startsWith(`${k}.`)));
  const reviewCells: CellSpec[] = [];
  let col = 0;
  for (const g of valueGroups) {
    const path = g.split(".");
    const groupLabels = path.map((_, i) => r.groups[path.slice(0, i + 1).join(".")]!);
    for (const c of rCols) {
      reviewCells.push(
        add({ pointer: `/reviewAndLitigation/${path.join("/")}/${c.key}`, rowLabel: "", rowGroups: [], columnLabel: c.label, columnGroups: groupLabels, row: 0, col: col++, table: "reviewAndLitigation" }),
      );
    }
  }

  const s = labels.sections;
  return {
    edition,
    proactive: { heading: s.proactiveDisclosure!.heading, caption: s.proactiveDisclosure!.table ?? "", width: widest + 1, blocks },
    applications: {
      heading: s.applications!.heading,
      caption: s.applications!.table ?? "",
      headerNote: a.headerNote,
      columnGroupHeader: a.columnGroupHeader,
      columnGroups: a.columnGroups,
      columns,
      depth,
      rows: appRows,
    },
    review: {
      heading: s.reviewAndLitigation!.heading,
      caption: s.reviewAndLitigation!.table ?? "",
      groups: gKeys.map((key) => ({ key, label: r.groups[key]!, ...(key.includes(".") ? { parent: key.split(".")[0]! } : {}) })),
      columns: rCols,
      cells: reviewCells,
    },
    cells,
  };
}

const built = new Map<Edition, TableModel>();

/** The tables of an edition, built once. */
export function tableModelOf(edition: Edition): TableModel {
  let m = built.get(edition);
  if (!m) built.set(edition, (m = build(edition)));
  return m;
}

/** The 2021 edition's tables, the page's default. */
export const tableModel: TableModel = tableModelOf("2021");

/** The accessible name of a cell: table, row labels and column labels, as printed. */
export function cellName(c: CellSpec): string {
  return [labelsOf[c.edition].sections[c.table]?.table ?? "", ...c.rowGroups, c.rowLabel, ...c.columnGroups, c.columnLabel].filter(Boolean).join(" › ");
}
