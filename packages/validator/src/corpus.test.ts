// Real reports (../shared/corpus): reports built from the hand-checked figures of the 2021-edition
// reports must show exactly the arithmetic faults their truth files note — and these note none.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { validate, fill } from "./index.js";
import { shared } from "./test-support/paths.js";
import { readJson, readTruth, reportFromTruth } from "./test-support/report.js";

const truths = readdirSync(join(shared, "corpus/truth"))
  .map((f) => f.replace(/\.json$/, ""))
  .filter((name) => Object.keys(readTruth(name).table3Rows).length === 25); // 2021 edition

describe("the corpus", () => {
  it("has 2021-edition reports to check", () => {
    expect(truths.length).toBeGreaterThanOrEqual(5);
  });
});

describe.each(truths)("%s", (name) => {
  const truth = readTruth(name);
  // The truth files say in words what the published figures get wrong; these say all is well.
  const notedFaults = /all pass/i.test(truth.issues) ? [] : null;

  it("its truth file notes no arithmetic fault", () => {
    expect(notedFaults).toEqual([]);
  });

  it("validates with no arithmetic error and no schema error", () => {
    const r = validate(reportFromTruth(truth));
    expect(r.issues.filter((i) => i.severity === "error")).toEqual([]);
  });

  it("every check that could not run is explained by a blank cell of the source", () => {
    const report = reportFromTruth(truth);
    const r = validate(report);
    const blanks = new Set(r.issues.filter((i) => i.code === "BLANK-CELL").map((i) => i.pointer));
    for (const s of r.issues.filter((i) => i.skipped)) {
      expect(s.cells!.some((c) => c.value === null && blanks.has(c.pointer))).toBe(true);
    }
    // after fill, every check runs and passes
    expect(validate(fill(report)).issues.filter((i) => i.code !== "BLANK-CELL")).toEqual([]);
  });

  it("a one-off error in any table-3 cell is caught by the rules", () => {
    const report = fill(reportFromTruth(truth));
    const r0 = validate(report);
    expect(r0.valid).toBe(true);
    for (const row of ["newReceived", "carriedForward"]) {
      const bad = structuredClone(report);
      bad.applications[row].naturalPerson += 1;
      const codes = validate(bad).issues.filter((i) => i.severity === "error").map((i) => i.code);
      expect(codes).toContain("R4");
      expect(codes).toContain("R1");
    }
  });
});

describe("the 平潭 series (cross-year checks)", () => {
  // The corpus holds 平潭's 2021, 2023 and 2025 reports in the 2021 format: no two are
  // consecutive, so no cross-year rule may run on them; the validator must say why.
  const series = truths.filter((n) => n.includes("pingtan")).map((n) => reportFromTruth(readTruth(n)));

  it("holds non-consecutive years", () => {
    expect(series.map((r) => r.year)).toEqual([2021, 2023, 2025]);
  });

  it.each([
    [2023, 2021],
    [2025, 2023],
  ])("%i checked against %i: a PREVIOUS-YEAR warning, and no R6/R7/R8 result", (year, prevYear) => {
    const r = validate(series.find((x) => x.year === year), { previous: series.find((x) => x.year === prevYear) });
    const cross = r.issues.filter((i) => i.category === "cross-year");
    expect(cross).toEqual([expect.objectContaining({ code: "PREVIOUS-YEAR", severity: "warning", actual: String(prevYear), expected: year - 1 })]);
  });

  it("a report paired with itself as last year is refused the same way", () => {
    const r = validate(series[0], { previous: series[0] });
    expect(r.issues.map((i) => i.code)).toContain("PREVIOUS-YEAR");
  });

  it("a real report against a previous year rebuilt from it runs R6, R7 and R8 and passes them", () => {
    // last year's report as the 2021 figures imply it: 二 carried in = last year's 四, and
    // 现行有效 rolled back by this year's 制发 and 废止
    const y = series.find((x) => x.year === 2023);
    const last = structuredClone(y);
    last.year = 2022;
    last.applications.carriedForward = structuredClone(y.applications.carriedOver);
    const docs = last.proactiveDisclosure.article20Item1;
    for (const k of ["regulations", "normativeDocuments"]) {
      const now = y.proactiveDisclosure.article20Item1[k];
      docs[k].currentlyValid = now.currentlyValid + now.repealedThisYear - now.issuedThisYear;
    }
    const ok = validate(y, { previous: last });
    expect(ok.issues.filter((i) => i.category === "cross-year")).toEqual([]);
    docs.normativeDocuments.currentlyValid += 5;
    const off = validate(y, { previous: last });
    expect(off.issues.filter((i) => i.category === "cross-year").map((i) => i.code)).toEqual(["R7"]);
  });
});
