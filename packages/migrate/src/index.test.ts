import { describe, expect, it } from "vitest";
import { tableCells, validate } from "@zfxxgk/validator";
import { migrate, MigrationError } from "./index.js";
// the corpus truth files as reports (shared with the validator's tests)
import { readTruth, reportFromTruth } from "../../validator/src/test-support/report.js";

const pingtan2019 = () => reportFromTruth(readTruth("03-pingtan-2019"));
const pingtan2020 = () => reportFromTruth(readTruth("04-pingtan-2020"));
const at = (r: any, pointer: string) =>
  pointer
    .split("/")
    .slice(1)
    .reduce((o, k) => o?.[k], r);

/** Where a 2019 cell lands in the 2021 report, when it has a counterpart. */
function target(pointer: string): string | undefined {
  if (pointer.startsWith("/applications/results/other/")) return pointer.replace("/other/", "/other/otherReasons/");
  if (pointer.startsWith("/applications/") || pointer.startsWith("/reviewAndLitigation/")) return pointer;
  const decisions = new RegExp(
    /^\/proactiveDisclosure\/(article20Item[56])\//.source +
      /(administrativeLicensing|administrativePenalty|administrativeCoercion)\/decisionsCount$/.source,
  );
  const m = decisions.exec(pointer);
  return m ? `/proactiveDisclosure/${m[1]}/${m[2]}/decisionsThisYear` : undefined;
}

describe.each([
  ["平潭 2019", pingtan2019],
  ["平潭 2020", pingtan2020],
])("migrate %s to 2021", (_name, make) => {
  const source = make();
  const { report, losses } = migrate(source, { to: "2021" });

  it("drops no value: every 2019 cell is in the 2021 report or listed as a loss with its value", () => {
    const lost = new Map(losses.map((l) => [l.pointer, l]));
    for (const cell of tableCells("2019")) {
      const value = at(source, cell.pointer);
      const to = target(cell.pointer);
      if (to) expect(at(report, to), cell.pointer).toBe(value);
      if (!to || cell.pointer.startsWith("/applications/results/other/")) {
        expect(lost.get(cell.pointer), cell.pointer).toMatchObject({ value, labelPath: cell.labelPath });
        expect(lost.get(cell.pointer)!.reason).toMatch(/[\u4e00-\u9fff]/);
      }
    }
    // 19 cells of table 二 have no 2021 counterpart, and （六）'s 7 are noted
    expect(losses).toHaveLength(19 + 7);
    expect(report.migratedFrom).toEqual({ edition: "2019", losses });
  });

  it("leaves the 2021 cells with no 2019 source blank, never 0", () => {
    expect(report.applications.results.other.overdueCorrection.naturalPerson).toBeNull();
    expect(report.applications.results.other.overdueFee.total).toBeNull();
    expect(report.proactiveDisclosure.article20Item1.normativeDocuments).toEqual({
      issuedThisYear: null,
      repealedThisYear: null,
      currentlyValid: null,
    });
    expect(report.proactiveDisclosure.article20Item8.administrativeFees.feeAmountThisYear).toBeNull();
  });

  it("is a schema-valid 2021 report for a 2019 or 2020 year, because it says it was migrated", () => {
    const r = validate(report);
    expect(r.edition).toBe("2021");
    expect(r.issues.filter((i) => i.category === "schema")).toEqual([]);
    const unmarked = structuredClone(report) as any;
    delete unmarked.migratedFrom;
    expect(validate(unmarked).issues.find((i) => i.pointer === "/year")?.message).toMatch(/2019 格式/);
  });
});

describe("migrate", () => {
  it("平潭 2020's fault stays visible as a blank-skipped R3, not hidden as a pass", () => {
    const r = validate(migrate(pingtan2020(), { to: "2021" }).report);
    const r3 = r.issues.filter((i) => i.code === "R3");
    expect(r3.length).toBeGreaterThan(0);
    expect(r3.every((i) => i.skipped && i.message.includes("（六）其他处理 › 1."))).toBe(true);
  });

  it("lets the 2020 → 2021 boundary be checked across editions (平潭 2020 migrated, 平潭 2021)", () => {
    const y2021 = reportFromTruth(readTruth("05-pingtan-2021"));
    const previous = migrate(pingtan2020(), { to: "2021" }).report;
    const r = validate(y2021, { previous });
    expect(r.issues.filter((i) => i.category === "cross-year" && i.severity !== "info")).toEqual([]);
    expect(r.issues.some((i) => i.code === "R6" && !i.skipped)).toBe(false); // every R6 ran and passed
  });

  it("refuses what it cannot migrate", () => {
    expect(() => migrate(reportFromTruth(readTruth("05-pingtan-2021")), { to: "2021" })).toThrow(MigrationError);
    expect(() => migrate(pingtan2019(), { to: "2019" as "2021" })).toThrow(/只能迁移到 2021 格式/);
    expect(() => migrate(null, { to: "2021", locale: "en" })).toThrow(/not a report of the 2019 edition/);
    // a section nested 100,000 deep would overflow the stack when copied: refused plainly
    let deep: any = {};
    const hostile = { ...pingtan2019(), applications: { ...pingtan2019().applications, notes: deep } };
    for (let i = 0; i < 100_000; i++) deep = deep.a = {};
    expect(() => migrate(hostile, { to: "2021" })).toThrow(/嵌套超过 64 层/);
  });
});

describe("a 2019 report of the wrong shape", () => {
  it.each([
    ["/proactiveDisclosure", (r: any) => (r.proactiveDisclosure = null), "null"],
    ["/proactiveDisclosure/article20Item1/regulations", (r: any) => (r.proactiveDisclosure.article20Item1.regulations = 5), "number"],
    ["/proactiveDisclosure/article20Item8", (r: any) => delete r.proactiveDisclosure.article20Item8, "missing"],
    ["/applications", (r: any) => (r.applications = []), "an array"],
    ["/applications/results/other", (r: any) => (r.applications.results.other = null), "null"],
  ])("%s → MigrationError MALFORMED naming it", (pointer, edit, got) => {
    const r = pingtan2019();
    edit(r);
    let error: unknown;
    try {
      migrate(r, { to: "2021", locale: "en" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(MigrationError);
    expect((error as MigrationError).code).toBe("MALFORMED");
    expect((error as Error).message).toBe(
      `${pointer} should be an object but is ${got}; ` +
        `the report does not have the 2019 edition's structure and cannot be migrated (check it with zfxxgk validate)`,
    );
  });
});
