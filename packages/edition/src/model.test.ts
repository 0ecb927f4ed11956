// The models against the format as published (FORMAT.md §2–4, 国办公开办函〔2021〕30号 and
// 〔2019〕60号): facts a reader checks against the printed tables, not the code's own output.
import { describe, expect, it } from "vitest";
import { cellAt, cellsOf, editionModel, editions, isEdition, labelPathAt, rowAt, rowsOf, UnknownEditionError } from "./index.js";

describe("the published editions", () => {
  it("are 2021 and 2019, newest first", () => {
    expect(editions).toEqual(["2021", "2019"]);
    expect(isEdition("2021")).toBe(true);
    expect(isEdition("2020")).toBe(false);
    expect(() => editionModel("2020")).toThrow(UnknownEditionError);
    expect(cellsOf("2020")).toEqual([]);
  });

  it("name a cell by its labels as the format prints them", () => {
    const c = cellAt("2021", "/applications/results/denied/stateSecret/naturalPerson")!;
    expect(c.labelPath.join(" › ")).toBe("表三 › 三、本年度办理结果 › （三）不予公开 › 1.属于国家秘密 › 自然人");
    expect(c.kind).toBe("count");
    expect(c.columnGroups).toEqual(["申请人情况"]);
    expect(cellAt("2021", "/applications/results/denied/stateSecret/commercialEnterprise")!.columnGroups).toEqual([
      "申请人情况",
      "法人或其他组织",
    ]);
    expect(cellAt("2021", "/applications/results/denied")).toBeUndefined();
  });
});

describe("表二", () => {
  it("2021: four blocks, the one-column blocks spanning the three columns of 第二十条第（一）项", () => {
    const t = editionModel("2021").tables.proactiveDisclosure;
    expect(t.blocks.map((b) => b.caption)).toEqual([
      "第二十条第（一）项",
      "第二十条第（五）项",
      "第二十条第（六）项",
      "第二十条第（八）项",
    ]);
    expect(t.width).toBe(4);
    expect(t.blocks[1]!.columns.map((c) => c.colspan)).toEqual([3]);
    const fee = t.blocks[3]!.columns[0]!;
    expect([fee.kind, fee.unit, fee.labelShowsUnit]).toEqual(["amount", "万元", true]);
  });

  it("2019: 本年增/减 is a signed change, 采购总金额 an amount whose unit the cell prints", () => {
    const m = editionModel("2019");
    const signed = m.cells.filter((c) => c.kind === "signed");
    expect(signed.length).toBeGreaterThan(0);
    expect(new Set(signed.map((c) => c.columnLabel))).toEqual(new Set(["本年增/减"]));
    const procurement = m.tables.proactiveDisclosure.blocks.at(-1)!;
    expect(procurement.columns.map((c) => [c.label, c.kind, c.labelShowsUnit, c.colspan])).toEqual([
      ["采购项目数量", "count", false, 1],
      ["采购总金额", "amount", false, 2],
    ]);
  });
});

describe("表三", () => {
  it("2021: 25 rows of 7 columns, 三、本年度办理结果 over 22 rows, （三）不予公开 over 8", () => {
    const t = editionModel("2021").tables.applications;
    expect(t.rows).toHaveLength(25);
    expect(t.columns).toHaveLength(7);
    expect(t.depth).toBe(3);
    const span = Object.fromEntries(t.groups.map((g) => [g.label, g.rowspan]));
    expect(span["三、本年度办理结果"]).toBe(22);
    expect(span["（三）不予公开"]).toBe(8);
    expect(t.rows.map((r) => r.key)).toEqual(editionModel("2021").sets.table3Rows!.map((r) => r.replace(/\//g, ".")));
    // 一、 spans the three label columns, （一） two, 1. one
    expect(t.rows[0]!.colspan).toBe(3);
    expect(rowAt("2021", "/applications/results/granted")!.colspan).toBe(2);
    expect(rowAt("2021", "/applications/results/denied/stateSecret")!.colspan).toBe(1);
    expect(rowAt("2021", "/applications/results/denied/stateSecret")!.groupsStarting!.map((g) => g.label)).toEqual(["（三）不予公开"]);
  });

  it("2019: （六）其他处理 is one row with a two-column label; 三 spans 20 rows", () => {
    const t = editionModel("2019").tables.applications;
    expect(rowAt("2019", "/applications/results/other")!.colspan).toBe(2);
    expect(t.groups.find((g) => g.key === "results")!.rowspan).toBe(20);
  });
});

describe("表四", () => {
  it("行政复议 and 行政诉讼's two kinds, five columns each, in one row", () => {
    const t = editionModel("2021").tables.reviewAndLitigation;
    expect(t.rows.map((r) => r.key)).toEqual(["administrativeReconsideration", "litigation.direct", "litigation.afterReconsideration"]);
    expect(t.groups.find((g) => g.key === "litigation")!.colspan).toBe(10);
    const cells = cellsOf("2021", "reviewAndLitigation");
    expect(cells).toHaveLength(15);
    expect(cells.map((c) => c.gridCol)).toEqual([...Array(15).keys()]);
    expect(labelPathAt("2021", "/reviewAndLitigation/litigation/direct")).toEqual(["表四", "行政诉讼", "未经复议直接起诉"]);
  });
});

describe("rows and cells agree", () => {
  it.each(editions)("%s: every cell is in exactly one row, in print order", (edition) => {
    const fromRows = rowsOf(edition).flatMap((r) => r.cells);
    expect(fromRows).toEqual(cellsOf(edition).map((c) => c.index));
    for (const c of cellsOf(edition)) expect(rowAt(edition, c.row)!.cells).toContain(c.index);
  });

  it.each(editions)("%s: the agency kinds and levels are the schema's", (edition) => {
    const a = editionModel(edition).agency;
    expect(a.kinds).toContain("government");
    expect(a.levels).toContain("township");
  });
});
