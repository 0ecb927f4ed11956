import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { labels } from "./labels.js";
import { getAt } from "./pointer.js";
import { cellName, tableModel } from "./table-model.js";

const seed = JSON.parse(readFileSync(new URL("../../../examples/tacheng-2024/report.json", import.meta.url), "utf8"));

/** Every number-or-null leaf under the three tables of a report, as pointers. */
function leaves(node: unknown, at: string, out: string[] = []): string[] {
  if (node === null || typeof node === "number") out.push(at);
  else if (node && typeof node === "object") for (const [k, v] of Object.entries(node)) leaves(v, `${at}/${k}`, out);
  return out;
}

describe("the table model", () => {
  it("has exactly the seed report's table cells, in its key order (the print order)", () => {
    const fromSeed = ["proactiveDisclosure", "applications", "reviewAndLitigation"].flatMap((k) => leaves(seed[k], `/${k}`));
    expect(tableModel.cells.map((c) => c.pointer)).toEqual(fromSeed);
    for (const c of tableModel.cells) expect(getAt(seed, c.pointer)).not.toBeUndefined();
  });

  it("names each cell by its table, row and column labels as the format prints them", () => {
    const c = tableModel.cells.find((x) => x.pointer === "/applications/results/denied/stateSecret/researchInstitution")!;
    expect(cellName(c)).toBe(
      [
        labels.sections.applications!.table,
        labels.applications.rows.results,
        labels.applications.rows["results.denied"],
        labels.applications.rows["results.denied.stateSecret"],
        labels.applications.columnGroupHeader,
        labels.applications.columnGroups[0]!.label,
        labels.applications.columns.researchInstitution,
      ].join(" › "),
    );
    const r = tableModel.cells.find((x) => x.pointer === "/reviewAndLitigation/litigation/direct/pending")!;
    expect(cellName(r)).toContain(labels.reviewAndLitigation.groups["litigation.direct"]);
    expect(cellName(r)).toContain(labels.reviewAndLitigation.columns.pending);
  });

  it("gives every cell a distinct accessible name", () => {
    const names = tableModel.cells.map(cellName);
    expect(new Set(names).size).toBe(names.length);
  });

  it("marks the fee column, and only it, as an amount", () => {
    expect(tableModel.cells.filter((c) => c.kind === "amount").map((c) => c.pointer)).toEqual([
      "/proactiveDisclosure/article20Item8/administrativeFees/feeAmountThisYear",
    ]);
  });

  it("spans 表三's group cells over their rows as the labels nest them", () => {
    const groupRows = (key: string) =>
      Object.keys(labels.applications.rows).filter(
        (k) => k.startsWith(`${key}.`) && !Object.keys(labels.applications.rows).some((o) => o.startsWith(`${k}.`)),
      ).length;
    const denied = tableModel.applications.rows
      .flatMap((r) => r.groups)
      .find((g) => g.label === labels.applications.rows["results.denied"])!;
    expect(denied.rowspan).toBe(groupRows("results.denied"));
    const results = tableModel.applications.rows.flatMap((r) => r.groups).find((g) => g.label === labels.applications.rows.results)!;
    expect(results.rowspan).toBe(groupRows("results"));
  });
});
