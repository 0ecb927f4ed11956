// Markdown from PDF-to-Markdown converters: pipe tables read like PDF text; rows whose labels were
// torn out into loose lines are placed by position between rows that keep theirs, and say so.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { importReport } from "../index.js";
import { markdownText } from "../test-support/markdown.js";
import { example } from "../test-support/paths.js";

const base = JSON.parse(readFileSync(example, "utf8"));
// figures that differ from row to row, so that a row read in another's place shows
const report = structuredClone(base);
let n = 1;
const number = (o: Record<string, unknown>) => {
  for (const [k, v] of Object.entries(o)) {
    if (v !== null && typeof v === "object") number(v as Record<string, unknown>);
    else if (typeof v === "number" && k !== "total") o[k] = n++;
  }
};
number(report.applications);
// row totals that add up
const total = (o: Record<string, any>) => {
  for (const v of Object.values(o)) if (v && typeof v === "object") total(v);
  if ("naturalPerson" in o)
    o.total = [
      "naturalPerson",
      "commercialEnterprise",
      "researchInstitution",
      "publicWelfareOrganization",
      "legalServiceAgency",
      "otherOrganization",
    ].reduce((s, k) => s + (o[k] ?? 0), 0);
};
total(report.applications);

const cellsOf = (r: Record<string, any>) => JSON.stringify([r.proactiveDisclosure, r.applications, r.reviewAndLitigation]);

describe("Markdown pipe tables", () => {
  it("every row labelled: every cell read, the converter's 正文 line not in the title", async () => {
    const r = await importReport(markdownText(base));
    expect(r.format).toBe("text");
    expect(JSON.parse(cellsOf(r.report!))).toEqual(JSON.parse(cellsOf(base)));
    expect(r.report!.title).toBe(base.title);
  });

  it("labels torn out into loose lines: the label-less rows placed by position, each said so", async () => {
    const torn = [
      "results.denied.prohibitedByLaw",
      "results.denied.internalAffairs",
      "results.unableToProvide.notHeld",
      "results.unableToProvide.requiresCreation",
    ];
    const r = await importReport(markdownText(report, torn));
    const got = r.report!.applications as Record<string, any>;
    // the figures are distinct per cell: any row read in another's place would show here
    expect(got).toEqual(report.applications);
    const byPosition = r.diagnostics.filter((d) => d.reason === "inferred" && d.severity === "warning").map((d) => d.pointer);
    expect(byPosition.sort()).toEqual(torn.map((k) => `/applications/${k.split(".").join("/")}`).sort());
  });
});
