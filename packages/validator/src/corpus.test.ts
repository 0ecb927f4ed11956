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
