// The official table layouts of each edition (FORMAT.md §2–4: the 2021 format and the 2019 trial
// format), as the renderer places them: read from the edition's model (@zfxxgk/edition), which
// holds the blocks, rows, groups and their spans; here only the shape the templates want.
import { editionModel, editions as knownEditions, type EditionModel } from "@zfxxgk/edition";

/** The editions renderHtml lays out: every edition @zfxxgk/edition knows. */
export const editions: readonly string[] = knownEditions;
export type RenderEdition = string;

// ── 二、主动公开政府信息情况: one table of blocks (2021: four, 2019: five); the widest sets the column count ──

export interface ProactiveBlockLayout {
  key: string;
  caption: string;
  /** the caption row spans the whole table */
  width: number;
  labelColumnHeader: string;
  columns: { label: string; colspan: number | undefined }[];
  /** colspan of each value cell, column by column: a narrower block's last cell takes the rest of the table */
  valueColspans: (number | undefined)[];
  columnKeys: string[];
  rows: { key: string; label: string }[];
}

function proactiveLayout(t: EditionModel["tables"]["proactiveDisclosure"]): ProactiveBlockLayout[] {
  return t.blocks.map((b) => {
    const valueColspans = b.columns.map((c) => (c.colspan > 1 ? c.colspan : undefined));
    return {
      key: b.key,
      caption: b.caption,
      width: t.width,
      labelColumnHeader: t.labelColumnHeader,
      columns: b.columns.map((c, i) => ({ label: c.label, colspan: valueColspans[i] })),
      valueColspans,
      columnKeys: b.columns.map((c) => c.key),
      rows: b.rows.map((r) => ({ key: r.path[1]!, label: r.label })),
    };
  });
}

// ── 三、收到和处理政府信息公开申请情况: the row label area and the 3-row header ──

/** A group cell (三、本年度办理结果, （三）不予公开 …) written at the first row it covers. */
export interface GroupCell {
  label: string;
  rowspan: number;
}

export interface ApplicationsRowLayout {
  /** group cells that start at this row, outermost first */
  groups: GroupCell[];
  label: string;
  /** a shallow row's label spans the columns its missing levels would use (一: 3, （一）: 2) */
  colspan: number | undefined;
  /** the row's object in the report, as keys from `applications` */
  path: string[];
}

/** A header cell: its label and spans (undefined for 1). */
export interface HeadCell {
  label: string;
  colspan: number | undefined;
  rowspan: number | undefined;
}

export interface ApplicationsLayout {
  headerNote: string;
  /** label columns (the deepest row's level) and header rows, the note cell's spans */
  depth: number;
  headRows: number;
  columnGroupHeader: string;
  columnCount: number;
  /** the second header row: a column outside any group reaches down, a group spans its columns */
  secondRow: HeadCell[];
  /** the third header row: the grouped columns' labels (法人或其他组织's five) */
  groupedColumns: string[];
  columnKeys: string[];
  rows: ApplicationsRowLayout[];
}

const span = (n: number): number | undefined => (n > 1 ? n : undefined);

function applicationsLayout(t: EditionModel["tables"]["applications"]): ApplicationsLayout {
  const grouped = t.columnGroups.length > 0;
  const secondRow: HeadCell[] = [];
  const seen = new Set<string>();
  for (const c of t.columns) {
    const g = t.columnGroups.find((x) => x.columns.includes(c.key));
    if (!g) secondRow.push({ label: c.label, colspan: undefined, rowspan: span(grouped ? 2 : 1) });
    else if (!seen.has(g.label)) {
      seen.add(g.label);
      secondRow.push({ label: g.label, colspan: span(g.columns.length), rowspan: undefined });
    }
  }
  return {
    headerNote: t.headerNote,
    depth: t.depth,
    headRows: grouped ? 3 : 2,
    columnGroupHeader: t.columnGroupHeader,
    columnCount: t.columns.length,
    secondRow,
    groupedColumns: t.columnGroups.flatMap((g) => g.columns.map((key) => t.columns.find((c) => c.key === key)!.label)),
    columnKeys: t.columns.map((c) => c.key),
    rows: t.rows.map((r) => ({
      groups: (r.groupsStarting ?? []).map((g) => ({ label: g.label, rowspan: g.rowspan })),
      label: r.label,
      colspan: span(r.colspan ?? 1),
      path: r.path,
    })),
  };
}

// ── 四、政府信息公开行政复议、行政诉讼情况: one row of values, group after group, under a 3-row header ──

export interface ReviewLayout {
  columns: string[];
  columnKeys: string[];
  /** the groups that hold values, in print order, as keys from `reviewAndLitigation` */
  groups: string[][];
  /** header rows: top-level groups; their subgroups, or a leaf group's columns reaching down; the subgroups' columns */
  headRows: HeadCell[][];
}

function reviewLayout(t: EditionModel["tables"]["reviewAndLitigation"]): ReviewLayout {
  const columns = t.columns.map((c) => c.label);
  const top = t.groups.filter((g) => g.parent === null);
  const nested = top.some((g) => !g.leaf);
  const columnCells = (rowspan: number): HeadCell[] => columns.map((label) => ({ label, colspan: undefined, rowspan: span(rowspan) }));
  const second: HeadCell[] = [];
  const third: HeadCell[] = [];
  for (const g of top) {
    if (g.leaf) second.push(...columnCells(nested ? 2 : 1));
    else
      for (const child of t.groups.filter((x) => x.parent === g.key)) {
        second.push({ label: child.label, colspan: span(child.colspan), rowspan: undefined });
        third.push(...columnCells(1));
      }
  }
  return {
    columns,
    columnKeys: t.columns.map((c) => c.key),
    groups: t.rows.map((r) => r.path),
    headRows: [
      top.map((g) => ({ label: g.label, colspan: span(g.colspan), rowspan: undefined })),
      second,
      ...(third.length ? [third] : []),
    ],
  };
}

export interface EditionLayout {
  model: EditionModel;
  proactive: ProactiveBlockLayout[];
  applications: ApplicationsLayout;
  review: ReviewLayout;
}

/** The layout of an edition's model: the published editions', or a test edition's. */
export function layoutOf(model: EditionModel): EditionLayout {
  return {
    model,
    proactive: proactiveLayout(model.tables.proactiveDisclosure),
    applications: applicationsLayout(model.tables.applications),
    review: reviewLayout(model.tables.reviewAndLitigation),
  };
}

export const layouts: Record<RenderEdition, EditionLayout> = Object.fromEntries(editions.map((e) => [e, layoutOf(editionModel(e))]));
