import { readFileSync } from "node:fs";
import { validate } from "@zfxxgk/validator";
import { describe, expect, it } from "vitest";
import { cellKind, UnknownCellError } from "./cell-kind.js";
import { cellValue, emptyReport } from "./form-state.js";
import { labelsOf } from "./labels.js";
import { getAt } from "./pointer.js";
import { cellName, tableModel, tableModelOf } from "./table-model.js";

const l = labelsOf["2019"];
const schema = JSON.parse(readFileSync(new URL("../../schema/schemas/2019/report.schema.json", import.meta.url), "utf8"));
// a real 2019 report: 平潭综合实验区 2019's figures
const base = JSON.parse(readFileSync(new URL("../../schema/rules/fixtures/2019/base.json", import.meta.url), "utf8"));
const model = tableModelOf("2019");

type Node = { $ref?: string; properties?: Record<string, Node> };
/** Every value cell the 2019 schema declares under the three tables: properties down to a count, signed count or amount. */
function schemaCells(node: Node, at: string, out: string[] = []): string[] {
  const ref = node.$ref?.replace("#/$defs/", "");
  if (ref === "count" || ref === "signedCount" || ref === "amount") out.push(at);
  else {
    const n: Node = ref ? schema.$defs[ref] : node;
    for (const [k, v] of Object.entries(n.properties ?? {})) schemaCells(v, `${at}/${k}`, out);
  }
  return out;
}
const tables = ["proactiveDisclosure", "applications", "reviewAndLitigation"];

/** Every number-or-null leaf under the three tables of a report. */
function leaves(node: unknown, at: string, out: string[] = []): string[] {
  if (node === null || typeof node === "number") out.push(at);
  else if (node && typeof node === "object") for (const [k, v] of Object.entries(node)) leaves(v, `${at}/${k}`, out);
  return out;
}

describe("the 2019 table model", () => {
  it("has every value cell of the 2019 schema exactly once", () => {
    const declared = tables.flatMap((k) => schemaCells(schema.properties[k], `/${k}`));
    const pointers = model.cells.map((c) => c.pointer);
    expect(new Set(pointers).size).toBe(pointers.length);
    expect([...pointers].sort()).toEqual([...declared].sort());
    expect(model.cells.every((c) => c.edition === "2019")).toBe(true);
    expect(model.cells.map((c) => c.index)).toEqual(pointers.map((_, i) => i));
  });

  it("reads in the order a real 2019 report holds its cells (the print order)", () => {
    expect(model.cells.map((c) => c.pointer)).toEqual(tables.flatMap((k) => leaves(base[k], `/${k}`)));
  });

  it("lays 表二 out as the five 2019 blocks, a narrower block's last column spanning the rest", () => {
    expect(model.proactive.blocks.map((b) => b.caption)).toEqual(Object.values(l.proactiveDisclosure.blocks).map((b) => b.caption));
    expect(model.proactive.blocks).toHaveLength(5);
    const widest = Math.max(...Object.values(l.proactiveDisclosure.blocks).map((b) => Object.keys(b.columns).length));
    expect(model.proactive.width).toBe(widest + 1);
    for (const b of model.proactive.blocks) expect(b.columns.reduce((n, c) => n + c.colspan, 0)).toBe(widest);
    // 第（八）项: 上一年项目数量, then 本年增/减 over two columns (FORMAT.md §3.3)
    const item8 = model.proactive.blocks.find((b) => b.key === "article20Item8")!;
    expect(item8.columns.map((c) => [c.label, c.colspan])).toEqual([
      [l.proactiveDisclosure.blocks.article20Item8!.columns.previousYearItemCount, 1],
      [l.proactiveDisclosure.blocks.article20Item8!.columns.changeThisYear, 2],
    ]);
  });

  it("takes each cell's kind from the schema: 本年增/减 signed, 采购总金额 an amount, the rest counts", () => {
    const signedLabel = l.proactiveDisclosure.blocks.article20Item5!.columns.changeThisYear;
    const signed = model.cells.filter((c) => c.kind === "signed");
    expect(signed.map((c) => c.columnLabel).every((x) => x === signedLabel)).toBe(true);
    expect(signed.map((c) => c.pointer)).toEqual(model.cells.filter((c) => c.columnLabel === signedLabel).map((c) => c.pointer));
    expect(signed).toHaveLength(5);
    expect(model.cells.filter((c) => c.kind === "amount").map((c) => c.pointer)).toEqual([
      "/proactiveDisclosure/article20Item9/governmentCentralizedProcurement/procurementTotalAmount",
    ]);
    // the 2021 tables keep their one amount and have no signed cell
    expect(tableModel.cells.filter((c) => c.kind === "signed")).toEqual([]);
    expect(() => cellKind("2019", "/proactiveDisclosure/article20Item8/administrativeFees/feeAmountThisYear")).toThrow(UnknownCellError);
  });

  it("names each cell by the 2019 labels: table, row groups, row, column groups, column", () => {
    const c = model.cells.find((x) => x.pointer === "/applications/results/notProcessed/confirmOrReissue/legalServiceAgency")!;
    expect(cellName(c)).toBe(
      [
        l.sections.applications!.table,
        l.applications.rows.results,
        l.applications.rows["results.notProcessed"],
        l.applications.rows["results.notProcessed.confirmOrReissue"],
        l.applications.columnGroupHeader,
        l.applications.columnGroups[0]!.label,
        l.applications.columns.legalServiceAgency,
      ].join(" › "),
    );
    const p = model.cells.find((x) => x.pointer === "/proactiveDisclosure/article20Item8/administrativeFees/changeThisYear")!;
    expect(cellName(p)).toBe(
      [
        l.sections.proactiveDisclosure!.table,
        l.proactiveDisclosure.blocks.article20Item8!.caption,
        l.proactiveDisclosure.blocks.article20Item8!.rows.administrativeFees,
        l.proactiveDisclosure.blocks.article20Item8!.columns.changeThisYear,
      ].join(" › "),
    );
    const names = model.cells.map(cellName);
    expect(new Set(names).size).toBe(names.length);
  });

  it("prints 表三's （六）其他处理 as one row whose label spans two label columns, under 三 only", () => {
    const depth = Math.max(...Object.keys(l.applications.rows).map((k) => k.split(".").length));
    expect(model.applications.depth).toBe(depth);
    const other = model.applications.rows.find((r) => r.label === l.applications.rows["results.other"])!;
    expect(other.colspan).toBe(depth - 1);
    expect(other.groups).toEqual([]);
    expect(other.cells.map((c) => c.pointer)).toEqual(Object.keys(l.applications.columns).map((k) => `/applications/results/other/${k}`));
    expect(other.cells[0]!.rowGroups).toEqual([l.applications.rows.results]);
    const leafRows = (g: string) =>
      Object.keys(l.applications.rows).filter(
        (k) => k.startsWith(`${g}.`) && !Object.keys(l.applications.rows).some((o) => o.startsWith(`${k}.`)),
      ).length;
    const results = model.applications.rows.flatMap((r) => r.groups).find((g) => g.label === l.applications.rows.results)!;
    expect(results.rowspan).toBe(leafRows("results"));
  });

  it("starts an empty 2019 report with every cell blank, which the 2019 rules check", () => {
    const r = emptyReport(2019, "2019");
    expect(r.edition).toBe("2019");
    for (const c of model.cells) expect(getAt(r, c.pointer), c.pointer).toBeNull();
    expect(tables.flatMap((k) => leaves(r[k], `/${k}`))).toEqual(model.cells.map((c) => c.pointer));
    // the 2019 rules see exactly these cells as blank, and nothing in the tables as malformed
    const issues = validate(r).issues;
    expect(
      issues
        .filter((i) => i.code === "BLANK-CELL")
        .map((i) => i.pointer)
        .sort(),
    ).toEqual(model.cells.map((c) => c.pointer).sort());
    expect(issues.filter((i) => i.category === "schema" && tables.some((k) => i.pointer.startsWith(`/${k}`)))).toEqual([]);
  });

  it("reads a decrease typed into a signed cell as a negative number, and only there", () => {
    expect(cellValue("-3", "signed")).toBe(-3);
    expect(cellValue("－3", "signed")).toBe(-3);
    expect(cellValue("+2", "signed")).toBe(2);
    expect(cellValue("-3", "count")).toBe("-3");
    const r = structuredClone(base);
    const at = "/proactiveDisclosure/article20Item5/administrativeLicensing/changeThisYear";
    r.proactiveDisclosure.article20Item5.administrativeLicensing.changeThisYear = cellValue(
      "-3",
      model.cells.find((c) => c.pointer === at)!.kind,
    );
    expect(validate(r).issues.filter((i) => i.pointer === at && i.severity === "error")).toEqual([]);
  });
});

describe("opening a report file", () => {
  it("takes a 2019 report as it is and refuses an edition the page does not hold", async () => {
    const { openJson } = await import("./open-file.js");
    expect(openJson(JSON.stringify(base))).toEqual({ kind: "report", report: base });
    expect(openJson(JSON.stringify({ ...base, edition: "2018" }))).toEqual({ kind: "error", key: "notEdition", detail: "2018" });
  });
});
