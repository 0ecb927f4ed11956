// The three tables of a 2019 trial-edition report (FORMAT.md §2.2, §3.3, §4) against the labels
// of that edition, the spans the format prints, the report's own values (平潭 2019), and the
// tables as 平潭综合实验区 published them (the corpus page).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { labels as allLabels } from "@zfxxgk/schema";
import { describe, expect, it } from "vitest";
import { renderHtml } from "./index.js";
import { attr, byTag, grid, hasClass, parseDocument, parseHtmlFragment, text, visibleText, type Element } from "./test-support/html.js";
import { mapCells, pingtan2019, repoRoot } from "./test-support/seed.js";
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
} from "./test-support/tables.js";

const L = allLabels["2019"];
const report = pingtan2019();
const html = renderHtml(report, { mode: "fragment" });
const { root } = parseHtmlFragment(html);
const [t2, t3, t4] = byTag(root, "table") as [Element, Element, Element];
const tables = (r: typeof report) => byTag(parseHtmlFragment(renderHtml(r, { mode: "fragment" })).root, "table");

describe("a 2019-edition report", () => {
  it("renders its three tables, each captioned as its edition's labels name it", () => {
    expect(report.edition).toBe("2019");
    expect(byTag(root, "table")).toHaveLength(3);
    const keys = ["proactiveDisclosure", "applications", "reviewAndLitigation"];
    [t2, t3, t4].forEach((t, i) => {
      const s = L.sections[keys[i]!]!;
      expect(text(byTag(t, "caption")[0]!)).toBe(`${s.table} ${s.heading.slice(s.number.length + 1)}`);
      for (const th of byTag(t, "th")) expect(["row", "col", "rowgroup"]).toContain(attr(th, "scope"));
    });
    expect(byTag(root, "h2").map((h) => text(h))).toEqual(Object.values(L.sections).map((s) => s.heading));
  });
});

describe("表二 二、主动公开政府信息情况 (FORMAT.md §2.2)", () => {
  it("five blocks (第二十条第（一）（五）（六）（八）（九）项), every label and value in its slot", () => {
    expect(groups(t2, "tbody")).toHaveLength(5);
    expect(Object.keys(L.proactiveDisclosure.blocks)).toHaveLength(5);
    expectProactiveBlocks(t2, L.proactiveDisclosure, report.proactiveDisclosure);
  });

  it("（八） and （九） have two columns under the three of （一）: the second spans two", () => {
    for (const [i, block] of Object.values(L.proactiveDisclosure.blocks).entries()) {
      const g = grid(groups(t2, "tbody")[i]!);
      const widths = g[1]!
        .slice(1)
        .filter((c, s, all) => all.indexOf(c) === s)
        .map((c) => Number(attr(c, "colspan") ?? 1));
      expect(widths).toEqual(Object.keys(block.columns).length === 2 ? [1, 2] : [1, 1, 1]);
    }
  });

  it("本年增/减 prints as the report holds it, with its sign: -18 stays -18, a positive change gets no +", () => {
    const r = structuredClone(report);
    r.proactiveDisclosure.article20Item5.administrativeLicensing.changeThisYear = -18;
    r.proactiveDisclosure.article20Item6.administrativeCoercion.changeThisYear = 1036;
    r.proactiveDisclosure.article20Item8.administrativeFees.changeThisYear = -15;
    const bodies = groups(tables(r)[0]!, "tbody");
    const cell = (block: number, row: number) => grid(bodies[block]!)[2 + row]![2]!;
    expect([cell(1, 0), cell(2, 1), cell(3, 0)].map((c) => visibleText(c))).toEqual(["-18", "1036", "-15"]);
    // the unchanged cells keep their 0
    expect(visibleText(cell(1, 1))).toBe("0");
  });

  it("采购总金额 prints the 万元 number the report holds; the source's raw text (sourceTokens) is not printed", () => {
    const pointer = "/proactiveDisclosure/article20Item9/governmentCentralizedProcurement/procurementTotalAmount";
    const raw = report.sourceTokens![pointer]!;
    expect(raw).toBe("75394432.52元");
    const amount = grid(groups(t2, "tbody")[4]!)[2]![2]!;
    expect(text(amount)).toBe(String(report.proactiveDisclosure.article20Item9.governmentCentralizedProcurement.procurementTotalAmount));
    expect(text(amount)).toBe("7539.443252");
    expect(renderHtml(report)).not.toContain("75394432.52");
  });
});

describe("表三 三、收到和处理政府信息公开申请情况 (FORMAT.md §3.3)", () => {
  const a = L.applications;
  const leaves = applicationLeaves("2019");

  it("the header of 2021: the note over 3 columns × 3 rows, 申请人情况 over the 7 value columns", () => {
    expectApplicationsHead(t3, a);
  });

  it("23 rows: 三、本年度办理结果 over 20; （三） 8, （四） 3, （五） 5; every label and value in its slot", () => {
    expect(leaves).toHaveLength(23);
    const g = expectApplicationsBody(t3, "2019", a, report.applications);
    expect(g).toHaveLength(23);
    expect(groupSpan(g, "2019", "results")).toBe(20);
    expect(["results.denied", "results.unableToProvide", "results.notProcessed"].map((k) => groupSpan(g, "2019", k))).toEqual([8, 3, 5]);
    expect(byTag(t3, "td").filter((td) => hasClass(td, "zfxxgk-num"))).toHaveLength(161);
  });

  it("（六）其他处理 is one data row, its label 2 columns wide, with its 7 values", () => {
    const g = grid(groups(t3, "tbody")[0]!);
    const r = leaves.indexOf("results.other");
    expect(r).toBeGreaterThan(0);
    const label = g[r]![1]!;
    expect(text(label)).toBe(a.rows["results.other"]);
    expect(attr(label, "colspan")).toBe("2");
    expect(attr(label, "rowspan")).toBeUndefined();
    expect(g[r]![2]).toBe(label);
    expect(g[r - 1]![1]).not.toBe(label);
    expect(g[r + 1]![1]).not.toBe(label);
    expect(text(g[r]![0]!)).toBe(a.rows.results);
    const values = valueAt(report.applications, ["results", "other"]) as Record<string, unknown>;
    expect(g[r]!.slice(3).map((c) => text(c))).toEqual(Object.keys(a.columns).map((k) => String(values[k])));
  });
});

describe("表四 四、政府信息公开行政复议、行政诉讼情况 (FORMAT.md §4, unchanged)", () => {
  it("a 3-row header over 15 columns, then one row of 15 values", () => {
    expectReviewHead(t4, L.reviewAndLitigation);
    expectReviewRow(t4, L.reviewAndLitigation, report.reviewAndLitigation);
  });
});

describe("as 平潭综合实验区 published it (corpus raw/03-pingtan-2019.page.html)", () => {
  const page = parseDocument(readFileSync(join(repoRoot, "corpus/raw/03-pingtan-2019.page.html"), "utf8")).root;
  const published = (first: string) => byTag(page, "table").find((t) => text(t).includes(first))!;
  /** Each slot as the reader sees it (text, whitespace dropped) and, with spans, which slot its cell starts at. */
  function slots(rowGroups: Element[], spans = true): string[][] {
    const out: string[][] = [];
    for (const body of rowGroups) {
      const g = grid(body);
      const offset = out.length;
      g.forEach((row, r) =>
        out.push(
          row.map((cell, c) => {
            const shown = `${visibleText(cell).replace(/[\s\u00a0]+/g, "")} @`;
            if (!spans) return shown;
            const startRow = g.findIndex((x) => x.includes(cell));
            const startCol = g[startRow]!.indexOf(cell);
            return `${shown}${offset + startRow},${startCol}${startRow === r && startCol === c ? "" : " (spanned)"}`;
          }),
        ),
      );
    }
    return out;
  }
  const bodies = (t: Element) => [...groups(t, "thead"), ...groups(t, "tbody")];
  // the source prints the amount as written (元); the report holds it in 万元 and keeps the text in sourceTokens
  const asHeld = (s: string[][]) => {
    const tokens = Object.entries(report.sourceTokens ?? {}).map(
      ([p, raw]) => [raw, String(valueAt(report, p.split("/").slice(1)))] as const,
    );
    return s.map((row) => row.map((slot) => tokens.reduce((x, [raw, held]) => x.replace(`${raw} @`, `${held} @`), slot)));
  };

  it("表二: the same grid of labels, values and spans", () => {
    expect(slots(bodies(t2))).toEqual(asHeld(slots(bodies(published(L.proactiveDisclosure.blocks.article20Item1!.caption)))));
  });

  it("表三: the same label or value in every slot", () => {
    // spans are checked against FORMAT.md above: the page's Word table cuts 三、本年度办理结果 into
    // two cells of 10 rows where the format has one over 20
    expect(slots(bodies(t3), false)).toEqual(asHeld(slots(bodies(published(L.applications.rows.results!)), false)));
  });
});

describe("values", () => {
  it("distinct values land in their own cells: each cell shows its own pointer's number", () => {
    const pointers: string[] = [];
    const numbered = mapCells(report, (p) => pointers.push(p) + 100);
    const shown = tables(numbered).flatMap((t) =>
      byTag(t, "td")
        .filter((td) => hasClass(td, "zfxxgk-num"))
        .map((td) => Number(text(td))),
    );
    // FORMAT.md: table 二 of 2019 has 22 cells, table 三 161, table 四 15
    expect(pointers).toHaveLength(22 + 161 + 15);
    expect(shown).toEqual(pointers.map((_, i) => i + 101));
  });

  it("a report with every cell blank shows no number at all", () => {
    const cells = tables(mapCells(report, () => null)).flatMap((t) => byTag(t, "td").filter((td) => hasClass(td, "zfxxgk-num")));
    expect(cells).toHaveLength(198);
    for (const td of cells) {
      expect(visibleText(td)).toBe("");
      expect(hasClass(td, "zfxxgk-blank")).toBe(true);
    }
  });
});
