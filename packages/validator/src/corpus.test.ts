// Real reports (corpus/): reports built from the hand-checked figures of the 2021-edition
// reports must show exactly the arithmetic faults their truth files note — and these note none.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { validate, fill } from "./index.js";
import { corpus } from "./test-support/paths.js";
import { readTruth, reportFromTruth, truthEdition } from "./test-support/report.js";

const allTruths = readdirSync(join(corpus, "truth")).map((f) => f.replace(/\.json$/, ""));
const truths = allTruths.filter((name) => truthEdition(readTruth(name)) === "2021");
const truths2019 = allTruths.filter((name) => truthEdition(readTruth(name)) === "2019");

describe("the corpus", () => {
  it("has 2021-edition reports to check", () => {
    expect(truths.length).toBeGreaterThanOrEqual(5);
  });
});

// The truth files say in words what the published figures get wrong: a sum that "does not add up"
// is a fault of the source, which the validator must report; every other report must validate.
const notesFault = (name: string) => /\bdo(es)? not add up\b/i.test(readTruth(name).issues);
const clean = truths.filter((n) => !notesFault(n));
const faulty = truths.filter(notesFault);

describe.each(faulty)("%s (its truth file notes a sum that does not add up)", (name) => {
  it("is reported: arithmetic errors, and no schema error", () => {
    const errors = validate(reportFromTruth(readTruth(name))).issues.filter((i) => i.severity === "error");
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.filter((i) => i.category !== "arithmetic")).toEqual([]);
  });
});

describe.each(clean)("%s", (name) => {
  const truth = readTruth(name);

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
      const codes = validate(bad)
        .issues.filter((i) => i.severity === "error")
        .map((i) => i.code);
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
    const r = validate(
      series.find((x) => x.year === year),
      { previous: series.find((x) => x.year === prevYear) },
    );
    const cross = r.issues.filter((i) => i.category === "cross-year");
    expect(cross).toEqual([
      expect.objectContaining({ code: "PREVIOUS-YEAR", severity: "warning", actual: String(prevYear), expected: year - 1 }),
    ]);
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

describe("the 2019-edition reports of the corpus (平潭 2019, 2020)", () => {
  it("are there", () => {
    expect(truths2019).toEqual(["03-pingtan-2019", "04-pingtan-2020"]);
  });

  it("平潭 2019: its truth notes no fault, and the validator finds none", () => {
    const t = readTruth("03-pingtan-2019");
    expect(t.issues).toMatch(/all pass/);
    expect(validate(reportFromTruth(t)).issues.filter((i) => i.severity !== "info")).toEqual([]);
  });

  it("平潭 2020: exactly the fault its truth notes — （七）总计 20 / 21 against outcome rows adding up to 26 / 27", () => {
    const t = readTruth("04-pingtan-2020");
    expect(t.issues).toMatch(/result rows give 自然人 6\+6\+4\+3\+3\+4 = 26 and 总计 7\+6\+4\+3\+3\+4 = 27, but （七）总计 says 20 \/ 21/);
    const r = validate(reportFromTruth(t));
    const faults = r.issues
      .filter((i) => i.severity !== "info")
      .map((i) => ({ code: i.code, pointer: i.pointer, actual: i.actual, expected: i.expected }));
    expect(faults).toEqual([
      { code: "R3", pointer: "/applications/results/total/naturalPerson", actual: 20, expected: 26 },
      { code: "R3", pointer: "/applications/results/total/total", actual: 21, expected: 27 },
    ]);
  });

  it("2019 → 2020 are consecutive: the cross-year rules run on the real pair", () => {
    const r = validate(reportFromTruth(readTruth("04-pingtan-2020")), { previous: reportFromTruth(readTruth("03-pingtan-2019")) });
    // 2020's 上一年项目数量 repeat 2019's (396, 10, 2648, 126, 35), and 2019's 本年增/减 were all 0:
    // consistent, so R10 passes; nothing was carried from 2019 into 2020 (R6)
    expect(r.issues.filter((i) => i.category === "cross-year")).toEqual([]);
  });
});
