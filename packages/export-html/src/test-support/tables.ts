// Checks of the three tables that hold for either edition, read from the labels alone: each
// label in its slot of the table grid, and each value cell showing the report's own number.
import type { Labels } from "@zfxxgk/schema";
import { rowsOf } from "@zfxxgk/edition";
import { expect } from "vitest";
import { attr, grid, hasClass, text, visibleText, type Element } from "./html.js";

export type Obj = Record<string, unknown>;

export const groups = (table: Element, tag: string): Element[] =>
  table.childNodes.filter((n): n is Element => "tagName" in n && n.tagName === tag);
export const valueAt = (o: unknown, path: string[]): unknown => path.reduce((v, k) => (v as Obj)[k], o);

/** A value cell shows the report's number, or nothing (and a note for screen readers) for null. */
export function expectValue(cell: Element, value: unknown): void {
  expect(cell.tagName).toBe("td");
  expect(hasClass(cell, "zfxxgk-num")).toBe(true);
  if (value === null) {
    expect(visibleText(cell)).toBe("");
    expect(text(cell)).toBe("未填报");
    expect(hasClass(cell, "zfxxgk-blank")).toBe(true);
  } else expect(text(cell)).toBe(String(value));
}

/** The rows of 表三 that hold values, as dotted keys of the labels (from the edition model). */
export function applicationLeaves(edition: string): string[] {
  return rowsOf(edition, "applications").map((r) => r.key);
}

/**
 * 表二: one tbody per block, a caption row across the table, a header row, then the rows. The
 * widest block sets the columns; a narrower block's column c sits in slot 1 + c and its last
 * column also covers the slots left over (2021: a one-column block over all three; 2019: the
 * second of two columns over two), as the published tables print them.
 */
export function expectProactiveBlocks(t2: Element, l: Labels["proactiveDisclosure"], pd: unknown): void {
  const blocks = Object.entries(l.blocks);
  const widest = Math.max(...blocks.map(([, b]) => Object.keys(b.columns).length));
  const bodies = groups(t2, "tbody");
  expect(bodies).toHaveLength(blocks.length);
  bodies.forEach((body, i) => {
    const [key, block] = blocks[i]!;
    const g = grid(body);
    const rows = Object.entries(block.rows);
    const columns = Object.entries(block.columns);
    const columnAt = (slot: number) => columns[Math.min(slot - 1, columns.length - 1)]!;
    const valueSlots = Array.from({ length: widest }, (_, s) => s + 1);
    expect(g).toHaveLength(2 + rows.length);
    for (const row of g) expect(row).toHaveLength(1 + widest);
    expect(new Set(g[0])).toEqual(new Set([g[0]![0]]));
    expect(text(g[0]![0]!)).toBe(block.caption);
    expect(attr(g[0]![0]!, "scope")).toBe("rowgroup");
    expect(text(g[1]![0]!)).toBe(l.labelColumnHeader);
    expect(valueSlots.map((s) => text(g[1]![s]!))).toEqual(valueSlots.map((s) => columnAt(s)[1]));
    for (const s of valueSlots) expect(attr(g[1]![s]!, "scope")).toBe("col");
    rows.forEach(([rowKey, label], r) => {
      const slots = g[2 + r]!;
      expect(text(slots[0]!)).toBe(label);
      expect(attr(slots[0]!, "scope")).toBe("row");
      const values = valueAt(pd, [key, rowKey]) as Obj;
      for (const s of valueSlots) expectValue(slots[s]!, values[columnAt(s)[0]]);
      // the last column is one cell, under the header cell that names it
      expect(new Set(slots.slice(columns.length)).size).toBe(1);
      expect(attr(slots[columns.length]!, "colspan")).toBe(attr(g[1]![columns.length]!, "colspan"));
    });
  });
}

/** 表三's header (FORMAT.md §3.1, the same in both editions): the note over 3 × 3, 申请人情况 over 7. */
export function expectApplicationsHead(t3: Element, a: Labels["applications"]): void {
  const columnKeys = Object.keys(a.columns);
  const grouped = new Map(a.columnGroups.flatMap((gr) => gr.columns.map((c) => [c, gr.label] as const)));
  const [head] = groups(t3, "thead");
  const g = grid(head!);
  expect(g).toHaveLength(3);
  for (const row of g) expect(row).toHaveLength(10);
  const note = g[0]![0]!;
  for (let r = 0; r < 3; r++) for (let c = 0; c < 3; c++) expect(g[r]![c]).toBe(note);
  expect(note.tagName).toBe("td");
  expect(text(note)).toBe(a.headerNote);
  columnKeys.forEach((key, j) => {
    const chain = [0, 1, 2].map((r) => g[r]![3 + j]!);
    expect(text(chain[0]!)).toBe(a.columnGroupHeader);
    expect(text(chain[2]!)).toBe(a.columns[key]);
    // 自然人 and 总计 reach down two rows; the others sit under 法人或其他组织
    if (grouped.has(key)) expect(text(chain[1]!)).toBe(grouped.get(key));
    else expect(chain[1]).toBe(chain[2]);
    for (const th of chain) expect(attr(th, "scope")).toBe("col");
  });
  expect(new Set(g[0]!.slice(3)).size).toBe(1);
}

/**
 * 表三's body: one row per leaf label; each row's label path fills the 3-column label area (a
 * shallow row's own label spans what its missing levels leave free), then the row's 7 values.
 * Returns the grid, for the spans each edition checks.
 */
export function expectApplicationsBody(t3: Element, edition: string, a: Labels["applications"], applications: unknown): Element[][] {
  const columnKeys = Object.keys(a.columns);
  const leaves = applicationLeaves(edition);
  const [body] = groups(t3, "tbody");
  const g = grid(body!);
  expect(g).toHaveLength(leaves.length);
  leaves.forEach((leaf, r) => {
    const parts = leaf.split(".");
    for (let s = 0; s < 3; s++) {
      const key = parts.slice(0, Math.min(s + 1, parts.length)).join(".");
      const cell = g[r]![s]!;
      expect(cell.tagName).toBe("th");
      expect(attr(cell, "scope")).toBe("row");
      expect(text(cell)).toBe(a.rows[key]);
    }
    for (let s = 3; s < 10; s++) expectValue(g[r]![s]!, (valueAt(applications, parts) as Obj)[columnKeys[s - 3]!]);
  });
  return g;
}

/** The rowspan of a group cell of 表三 (results, results.denied …), at the first row it covers. */
export function groupSpan(g: Element[][], edition: string, key: string): number {
  const leaves = applicationLeaves(edition);
  const level = key.split(".").length - 1;
  return Number(attr(g[leaves.findIndex((k) => k.startsWith(`${key}.`))]![level]!, "rowspan"));
}

/** 表四's header (FORMAT.md §4, the same in both editions): 3 rows over 15 columns. */
export function expectReviewHead(t4: Element, r: Labels["reviewAndLitigation"]): void {
  const cols = Object.entries(r.columns);
  const g = grid(groups(t4, "thead")[0]!);
  expect(g).toHaveLength(3);
  for (const row of g) expect(row).toHaveLength(15);
  for (let j = 0; j < 15; j++) {
    const [top, mid, low] = [0, 1, 2].map((i) => g[i]![j]!);
    expect(text(low!)).toBe(cols[j % 5]![1]);
    if (j < 5) {
      expect(text(top!)).toBe(r.groups.administrativeReconsideration);
      expect(mid).toBe(low);
    } else {
      expect(text(top!)).toBe(r.groups.litigation);
      expect(text(mid!)).toBe(j < 10 ? r.groups["litigation.direct"] : r.groups["litigation.afterReconsideration"]);
    }
  }
  expect(g[0]![5]).toBe(g[0]![14]);
}

/** 表四's one row of 15 values: 复议, 直接起诉, 复议后起诉, five each. */
export function expectReviewRow(t4: Element, r: Labels["reviewAndLitigation"], reviewAndLitigation: unknown): void {
  const cols = Object.keys(r.columns);
  const g = grid(groups(t4, "tbody")[0]!);
  expect(g).toHaveLength(1);
  const inOrder = [["administrativeReconsideration"], ["litigation", "direct"], ["litigation", "afterReconsideration"]].map(
    (p) => valueAt(reviewAndLitigation, p) as Obj,
  );
  expect(g[0]).toHaveLength(15);
  g[0]!.forEach((cell, j) => expectValue(cell, inOrder[Math.floor(j / 5)]![cols[j % 5]!]));
}
