// The official table layouts of each edition (FORMAT.md §2–4: the 2021 format and the 2019 trial
// format) that follow from the labels, derived once per edition: table 二's blocks, and table 三's
// row label area with its group cells and spans. The header rows of tables 三 and 四 are the same
// in both editions, fixed by the format and written out in their templates.
import { labels as allLabels, type Labels } from "@zfxxgk/schema";

/** The editions renderHtml lays out, as package.json's "editions" records them. */
export const editions = ["2021", "2019"] as const;
export type RenderEdition = (typeof editions)[number];

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

function proactiveLayout(l: Labels["proactiveDisclosure"]): ProactiveBlockLayout[] {
  const blocks = Object.entries(l.blocks);
  const widest = Math.max(...blocks.map(([, b]) => Object.keys(b.columns).length));
  return blocks.map(([key, b]) => {
    const columnKeys = Object.keys(b.columns);
    // A narrower block's columns sit under the widest block's, one each, and its last column
    // stretches over the rest, as published tables print them: 2021's one-column blocks over all
    // three, 2019's 本年增/减 (第（八）项) and 采购总金额 (第（九）项) over two (平潭 2019, 2020).
    const spans = columnKeys.map((_, i) => (i === columnKeys.length - 1 ? widest - i : 1));
    const valueColspans = spans.map((n) => (n > 1 ? n : undefined));
    return {
      key,
      caption: b.caption,
      width: widest + 1,
      labelColumnHeader: l.labelColumnHeader,
      columns: columnKeys.map((c, i) => ({ label: b.columns[c]!, colspan: valueColspans[i] })),
      valueColspans,
      columnKeys,
      rows: Object.entries(b.rows).map(([k, label]) => ({ key: k, label })),
    };
  });
}

// ── 三、收到和处理政府信息公开申请情况: the 3-column row label area ──

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

export interface ApplicationsLayout {
  /** the labels of the columns under 法人或其他组织, in order */
  groupedColumns: string[];
  columnKeys: string[];
  rows: ApplicationsRowLayout[];
}

/**
 * Row labels are keyed by dotted path (results.denied.stateSecret); a key with children is a
 * group cell spanning its descendants' rows: 三 over 22 (2019: 20), （三） over 8, and so on. A
 * leaf above the deepest level spans the label columns below it: 2019's （六）其他处理, one row
 * with no sub-items, has a 2-column label.
 */
function applicationsLayout(l: Labels["applications"]): ApplicationsLayout {
  const keys = Object.keys(l.rows);
  const isGroup = (k: string) => keys.some((o) => o.startsWith(`${k}.`));
  const leaves = keys.filter((k) => !isGroup(k));
  const depth = Math.max(...keys.map((k) => k.split(".").length));
  const leafCount = (g: string) => leaves.filter((k) => k.startsWith(`${g}.`)).length;
  const started = new Set<string>();
  const rows = leaves.map((leaf): ApplicationsRowLayout => {
    const path = leaf.split(".");
    const groups: GroupCell[] = [];
    for (let i = 1; i < path.length; i++) {
      const group = path.slice(0, i).join(".");
      if (!started.has(group)) {
        started.add(group);
        groups.push({ label: l.rows[group]!, rowspan: leafCount(group) });
      }
    }
    const colspan = depth - path.length + 1;
    return { groups, label: l.rows[leaf]!, colspan: colspan > 1 ? colspan : undefined, path };
  });
  const columnKeys = Object.keys(l.columns);
  return {
    groupedColumns: l.columnGroups.flatMap((g) => g.columns.map((c) => l.columns[c]!)),
    columnKeys,
    rows,
  };
}

// ── 四、政府信息公开行政复议、行政诉讼情况: one row of values, group after group ──

export interface ReviewLayout {
  columns: string[];
  columnKeys: string[];
  /** the groups that hold values, in print order, as keys from `reviewAndLitigation` */
  groups: string[][];
}

function reviewLayout(l: Labels["reviewAndLitigation"]): ReviewLayout {
  const keys = Object.keys(l.groups);
  const isGroup = (k: string) => keys.some((o) => o.startsWith(`${k}.`));
  return {
    columns: Object.values(l.columns),
    columnKeys: Object.keys(l.columns),
    groups: keys.filter((k) => !isGroup(k)).map((k) => k.split(".")),
  };
}

export interface EditionLayout {
  labels: Labels;
  proactive: ProactiveBlockLayout[];
  applications: ApplicationsLayout;
  review: ReviewLayout;
}

function editionLayout(labels: Labels): EditionLayout {
  return {
    labels,
    proactive: proactiveLayout(labels.proactiveDisclosure),
    applications: applicationsLayout(labels.applications),
    review: reviewLayout(labels.reviewAndLitigation),
  };
}

export const layouts: Record<RenderEdition, EditionLayout> = {
  "2021": editionLayout(allLabels["2021"]),
  "2019": editionLayout(allLabels["2019"]),
};
