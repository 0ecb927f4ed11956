// The three tables against the format (FORMAT.md §2–4): every label in its slot of the table
// grid once spans are resolved, the spans the format prints, and the report's own values.
import { labels as allLabels } from "@zfxxgk/schema";
import { describe, expect, it } from "vitest";
import { renderHtml } from "./index.js";
import { attr, byTag, grid, hasClass, parseHtmlFragment, text, visibleText, type Element } from "./test-support/html.js";
import { mapCells, seed } from "./test-support/seed.js";
import {
  applicationLeaves,
  expectApplicationsBody,
  expectApplicationsHead,
  expectProactiveBlocks,
  expectReviewHead,
  expectReviewRow,
  groups,
  groupSpan,
  valueAt,
  type Obj,
} from "./test-support/tables.js";

const L = allLabels["2021"];
const report = seed();
const { root } = parseHtmlFragment(renderHtml(report, { mode: "fragment" }));
const [t2, t3, t4] = byTag(root, "table") as [Element, Element, Element];

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
  it(
    "four blocks, each a caption row across all 4 columns, a header row, then its rows; " +
      "a one-column block's cell spans the three of 第（一）项",
    () => {
      expect(groups(t2, "tbody")).toHaveLength(4);
      expectProactiveBlocks(t2, L.proactiveDisclosure, report.proactiveDisclosure);
    },
  );

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
  const leaves = applicationLeaves("2021");

  it("header: the note over 3 columns × 3 rows, 申请人情况 over the 7 value columns, then each column's labels", () => {
    expectApplicationsHead(t3, a);
  });

  it("body: 25 rows; each row's label path fills the 3-column label area, group cells span their rows", () => {
    expect(leaves).toHaveLength(25);
    const g = expectApplicationsBody(t3, "2021", a, report.applications);
    expect(g).toHaveLength(25);
    // the spans FORMAT.md gives: 三、本年度办理结果 over 22 rows, （三） 8, （四） 3, （五） 5, （六） 3
    expect(groupSpan(g, "2021", "results")).toBe(22);
    expect(
      ["results.denied", "results.unableToProvide", "results.notProcessed", "results.other"].map((k) => groupSpan(g, "2021", k)),
    ).toEqual([8, 3, 5, 3]);
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
  it("a 3-row header over 15 columns: 行政复议 | 行政诉讼 › 未经复议直接起诉, 复议后起诉", () => {
    expectReviewHead(t4, L.reviewAndLitigation);
  });

  it("one row of 15 values: 复议, 直接起诉, 复议后起诉, five each", () => {
    expectReviewRow(t4, L.reviewAndLitigation, report.reviewAndLitigation);
  });
});

describe("values", () => {
  it("distinct values land in their own cells: each cell shows its own pointer's number", () => {
    const pointers: string[] = [];
    const numbered = mapCells(report, (p) => pointers.push(p) + 100);
    const { root: doc } = parseHtmlFragment(renderHtml(numbered, { mode: "fragment" }));
    const shown = byTag(doc, "td")
      .filter((td) => hasClass(td, "zfxxgk-num"))
      .map((td) => Number(text(td)));
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
