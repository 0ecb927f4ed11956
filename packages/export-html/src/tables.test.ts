// The three tables against the format (FORMAT.md §2–4): every label in its slot of the table
// grid once spans are resolved, the spans the format prints, and the report's own values.
import { labels as allLabels } from "@zfxxgk/schema";
import { describe, expect, it } from "vitest";
import { renderHtml } from "./index.js";
import { attr, byTag, grid, hasClass, parseHtmlFragment, text, visibleText, type Element } from "./test-support/html.js";
import { mapCells, seed } from "./test-support/seed.js";

const L = allLabels["2021"];
const report = seed();
const { root } = parseHtmlFragment(renderHtml(report, { mode: "fragment" }));
const [t2, t3, t4] = byTag(root, "table") as [Element, Element, Element];
const groups = (table: Element, tag: string) => table.childNodes.filter((n): n is Element => "tagName" in n && n.tagName === tag);
type Obj = Record<string, unknown>;
const valueAt = (o: unknown, path: string[]): unknown => path.reduce((v, k) => (v as Obj)[k], o);

/** A value cell shows the report's number, or nothing (and a note for screen readers) for null. */
function expectValue(cell: Element, value: unknown) {
  expect(cell.tagName).toBe("td");
  expect(hasClass(cell, "zfxxgk-num")).toBe(true);
  if (value === null) {
    expect(visibleText(cell)).toBe("");
    expect(text(cell)).toBe("未填报");
    expect(hasClass(cell, "zfxxgk-blank")).toBe(true);
  } else expect(text(cell)).toBe(String(value));
}

describe("the tables", () => {
  it("there are three, each with a caption naming it and every header cell scoped", () => {
    expect(byTag(root, "table")).toHaveLength(3);
    const names = [
      ["proactiveDisclosure", "表二 主动公开政府信息情况"],
      ["applications", "表三 收到和处理政府信息公开申请情况"],
      ["reviewAndLitigation", "表四 政府信息公开行政复议、行政诉讼情况"],
    ] as const;
    [t2, t3, t4].forEach((t, i) => {
      const [key, caption] = names[i]!;
      expect(text(byTag(t, "caption")[0]!)).toBe(caption);
      expect(L.sections[key]!.heading.endsWith(caption.slice(3))).toBe(true);
      for (const th of byTag(t, "th")) expect(["row", "col", "rowgroup"]).toContain(attr(th, "scope"));
    });
  });
});

describe("表二 二、主动公开政府信息情况 (FORMAT.md §2.1)", () => {
  const blocks = Object.entries(L.proactiveDisclosure.blocks);
  const bodies = groups(t2, "tbody");

  it("four blocks, each a caption row across all 4 columns, a header row, then its rows", () => {
    expect(bodies).toHaveLength(4);
    bodies.forEach((body, i) => {
      const [key, block] = blocks[i]!;
      const g = grid(body);
      const rows = Object.entries(block.rows);
      expect(g).toHaveLength(2 + rows.length);
      for (const row of g) expect(row).toHaveLength(4);
      expect(new Set(g[0])).toEqual(new Set([g[0]![0]]));
      expect(text(g[0]![0]!)).toBe(block.caption);
      expect(attr(g[0]![0]!, "scope")).toBe("rowgroup");
      expect(text(g[1]![0]!)).toBe(L.proactiveDisclosure.labelColumnHeader);
      const columns = Object.entries(block.columns);
      // one value column (第（五）（六）（八）项) spans the three of 第（一）项
      const header = g[1]!.slice(1).map((c) => text(c));
      expect(header).toEqual(columns.length === 1 ? [columns[0]![1], columns[0]![1], columns[0]![1]] : columns.map(([, l]) => l));
      rows.forEach(([rowKey, label], r) => {
        const slots = g[2 + r]!;
        expect(text(slots[0]!)).toBe(label);
        expect(attr(slots[0]!, "scope")).toBe("row");
        columns.forEach(([colKey], c) => {
          const values = (report.proactiveDisclosure as unknown as Record<string, Record<string, Obj>>)[key]![rowKey]!;
          expectValue(slots[1 + c * (3 / columns.length)]!, values[colKey]);
        });
        if (columns.length === 1) expect(new Set(slots.slice(1)).size).toBe(1);
      });
    });
  });

  it("the fee cell prints the decimal the report holds, unrounded and never in exponent form", () => {
    for (const [fee, shown] of [
      [1211, "1211"],
      [12.3456, "12.3456"],
      [0.05, "0.05"],
      [1e-7, "0.0000001"],
      [123456789012.5, "123456789012.5"],
    ] as const) {
      const r = structuredClone(report);
      r.proactiveDisclosure.article20Item8.administrativeFees.feeAmountThisYear = fee;
      const { root: doc } = parseHtmlFragment(renderHtml(r, { mode: "fragment" }));
      const body = groups(byTag(doc, "table")[0]!, "tbody")[3]!;
      expect(text(grid(body)[2]![1]!)).toBe(shown);
    }
  });
});

describe("表三 三、收到和处理政府信息公开申请情况 (FORMAT.md §3)", () => {
  const a = L.applications;
  const columnKeys = Object.keys(a.columns);
  const grouped = new Map(a.columnGroups.flatMap((g) => g.columns.map((c) => [c, g.label] as const)));
  const rowKeys = Object.keys(a.rows);
  const leaves = rowKeys.filter((k) => !rowKeys.some((o) => o.startsWith(`${k}.`)));

  it("header: the note over 3 columns × 3 rows, 申请人情况 over the 7 value columns, then each column's labels", () => {
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
  });

  it("body: 25 rows; each row's label path fills the 3-column label area, group cells span their rows", () => {
    const [body] = groups(t3, "tbody");
    const g = grid(body!);
    expect(g).toHaveLength(25);
    expect(leaves).toHaveLength(25);
    leaves.forEach((leaf, r) => {
      const parts = leaf.split(".");
      for (let s = 0; s < 3; s++) {
        const key = parts.slice(0, Math.min(s + 1, parts.length)).join(".");
        const cell = g[r]![s]!;
        expect(cell.tagName).toBe("th");
        expect(attr(cell, "scope")).toBe("row");
        expect(text(cell)).toBe(a.rows[key]);
      }
      for (let s = 3; s < 10; s++) expectValue(g[r]![s]!, (valueAt(report.applications, parts) as Obj)[columnKeys[s - 3]!]);
    });
    // the spans FORMAT.md gives: 三、本年度办理结果 over 22 rows, （三） 8, （四） 3, （五） 5, （六） 3
    const span = (key: string) => Number(attr(g[leaves.findIndex((k) => k.startsWith(`${key}.`))]![key === "results" ? 0 : 1]!, "rowspan"));
    expect(span("results")).toBe(22);
    expect([span("results.denied"), span("results.unableToProvide"), span("results.notProcessed"), span("results.other")]).toEqual([8, 3, 5, 3]);
    expect(attr(g[0]![0]!, "colspan")).toBe("3");
    expect(attr(g[2]![1]!, "colspan")).toBe("2");
  });

  it("a null cell is empty with a hidden 未填报, never 0: the seed's four blank 总计 cells", () => {
    const blanks = byTag(t3, "td").filter((td) => hasClass(td, "zfxxgk-blank"));
    const nulls = leaves.filter((k) => (valueAt(report.applications, k.split(".")) as Obj).total === null);
    expect(nulls).toEqual(["newReceived", "carriedOver", "results.granted", "results.partiallyGranted"]);
    expect(blanks).toHaveLength(4);
    for (const td of blanks) {
      expect(visibleText(td)).toBe("");
      expect(hasClass(byTag(td, "span")[0]!, "zfxxgk-sr")).toBe(true);
    }
  });
});

describe("表四 四、政府信息公开行政复议、行政诉讼情况 (FORMAT.md §4)", () => {
  const r = L.reviewAndLitigation;
  const cols = Object.entries(r.columns);

  it("a 3-row header over 15 columns: 行政复议 | 行政诉讼 › 未经复议直接起诉, 复议后起诉", () => {
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
  });

  it("one row of 15 values: 复议, 直接起诉, 复议后起诉, five each", () => {
    const g = grid(groups(t4, "tbody")[0]!);
    expect(g).toHaveLength(1);
    const rl = report.reviewAndLitigation as unknown as Record<string, Obj>;
    const groupsInOrder = [rl.administrativeReconsideration, (rl.litigation as Record<string, Obj>).direct, (rl.litigation as Record<string, Obj>).afterReconsideration];
    g[0]!.forEach((cell, j) => expectValue(cell, (groupsInOrder[Math.floor(j / 5)] as Obj)[cols[j % 5]![0]]));
  });
});

describe("values", () => {
  it("distinct values land in their own cells: each cell shows its own pointer's number", () => {
    const pointers: string[] = [];
    const numbered = mapCells(report, (p) => pointers.push(p) + 100);
    const { root: doc } = parseHtmlFragment(renderHtml(numbered, { mode: "fragment" }));
    const shown = byTag(doc, "td").filter((td) => hasClass(td, "zfxxgk-num")).map((td) => Number(text(td)));
    // print order is the schema's key order: table 二, 三 row by row, 四 group by group
    expect(pointers).toHaveLength(10 + 175 + 15);
    expect(shown).toEqual(pointers.map((_, i) => i + 101));
  });

  it("a report with every cell blank shows no number at all", () => {
    const blank = mapCells(report, () => null);
    const { root: doc } = parseHtmlFragment(renderHtml(blank, { mode: "fragment" }));
    const cells = byTag(doc, "td").filter((td) => hasClass(td, "zfxxgk-num"));
    expect(cells).toHaveLength(200);
    for (const td of cells) expect(visibleText(td)).toBe("");
    expect(byTag(doc, "td").filter((td) => /^\d/.test(visibleText(td)))).toEqual([]);
  });
});
