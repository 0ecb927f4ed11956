// The official table layouts of the 2021 format (FORMAT.md §2–4) that follow from the labels,
// derived once: table 二's blocks, and table 三's row label area with its group cells and spans.
// The header rows of tables 三 and 四 are fixed by the format and written out in their templates.
import { labels as allLabels, type Labels } from "@zfxxgk/schema";

export const labels: Labels = allLabels["2021"];

// ── 二、主动公开政府信息情况: one table of four blocks; the widest block sets the column count ──

export interface ProactiveBlockLayout {
  key: string;
  caption: string;
  /** the caption row spans the whole table */
  width: number;
  labelColumnHeader: string;
  columns: { label: string; colspan: number | undefined }[];
  /** colspan of each value cell: a one-column block stretches its cell across the table */
  valueColspan: number | undefined;
  columnKeys: string[];
  rows: { key: string; label: string }[];
}

function proactiveLayout(l: Labels["proactiveDisclosure"]): ProactiveBlockLayout[] {
  const blocks = Object.entries(l.blocks);
  const widest = Math.max(...blocks.map(([, b]) => Object.keys(b.columns).length));
  return blocks.map(([key, b]) => {
    const columnKeys = Object.keys(b.columns);
    // the format's narrower blocks have one value column, stretched under the widest block's
    const each = widest / columnKeys.length;
    if (!Number.isInteger(each)) throw new Error(`表二 block ${key}: ${columnKeys.length} columns cannot share ${widest}`);
    const colspan = each > 1 ? each : undefined;
    return {
      key,
      caption: b.caption,
      width: widest + 1,
      labelColumnHeader: l.labelColumnHeader,
      columns: columnKeys.map((c) => ({ label: b.columns[c]!, colspan })),
      valueColspan: colspan,
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
 * group cell spanning its descendants' rows: 三 over 22, （三） over 8, and so on.
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

export const layout = {
  proactive: proactiveLayout(labels.proactiveDisclosure),
  applications: applicationsLayout(labels.applications),
  review: reviewLayout(labels.reviewAndLitigation),
};
