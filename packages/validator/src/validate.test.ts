import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { validate, fill, fillWithDetails, editions, toolkitVersion } from "./index.js";
import { checkDeprecated } from "./validate.js";
import { modules } from "./edition-module.js";

const { cells } = modules["2021"]!;
import { repoRoot } from "./test-support/paths.js";
import { readJson } from "./test-support/report.js";

const seed = () => readJson(join(repoRoot, "examples/tacheng-2024/report.json"));
const pkgVersion = readJson(join(repoRoot, "packages/validator/package.json")).version;

describe("the seed report (塔城市 2024)", () => {
  it("is valid, warns about the four blank 总计 cells and says which rules it could not check", () => {
    const r = validate(seed());
    expect(r.valid).toBe(true);
    expect(r.edition).toBe("2021");
    expect(r.toolkitVersion).toBe(pkgVersion);
    const blanks = r.issues.filter((i) => i.code === "BLANK-CELL").map((i) => i.pointer);
    expect(blanks.sort()).toEqual(
      [
        "/applications/newReceived/total",
        "/applications/carriedOver/total",
        "/applications/results/granted/total",
        "/applications/results/partiallyGranted/total",
      ].sort(),
    );
    const skipped = r.issues.filter((i) => i.skipped);
    expect(skipped.every((i) => i.severity === "info")).toBe(true);
    // R4 on each blank row, R1 and R3 on the 总计 column
    expect(skipped.map((i) => `${i.code} ${i.pointer}`).sort()).toEqual(
      [
        "R4 /applications/newReceived/total",
        "R4 /applications/carriedOver/total",
        "R4 /applications/results/granted/total",
        "R4 /applications/results/partiallyGranted/total",
        "R1 /applications/results/total/total",
        "R3 /applications/results/total/total",
      ].sort(),
    );
    expect(skipped.find((i) => i.code === "R1")!.message).toContain("表三 › 一、本年新收政府信息公开申请数量 › 总计");
  });

  it("fill computes the four totals from the source's own figures and the result has no issue", () => {
    const report = seed();
    const { report: filled, filled: pointers } = fillWithDetails(report);
    expect(pointers.sort()).toEqual(
      [
        "/applications/newReceived/total",
        "/applications/carriedOver/total",
        "/applications/results/granted/total",
        "/applications/results/partiallyGranted/total",
      ].sort(),
    );
    // 9 applications by natural persons and none by organisations; 6 granted (seed text)
    expect(filled.applications.newReceived.total).toBe(9);
    expect(filled.applications.carriedOver.total).toBe(0);
    expect(filled.applications.results.granted.total).toBe(6);
    expect(filled.applications.results.partiallyGranted.total).toBe(0);
    expect(report.applications.newReceived.total).toBeNull(); // the input is not changed
    const r = validate(filled);
    expect(r.issues).toEqual([]);
    expect(r.valid).toBe(true);
  });
});

describe("fill", () => {
  it("never overwrites a cell that holds a value, even a wrong one", () => {
    const report = seed();
    report.applications.newReceived.total = 100;
    const filled = fill(report);
    expect(filled.applications.newReceived.total).toBe(100);
    expect(validate(filled).issues.find((i) => i.code === "R4" && i.pointer === "/applications/newReceived/total")).toMatchObject({
      expected: 9,
      actual: 100,
    });
  });

  it("leaves a total blank while one of its parts is blank", () => {
    const report = seed();
    report.applications.newReceived.naturalPerson = null;
    const filled = fill(report);
    expect(filled.applications.newReceived.total).toBeNull();
  });

  it("chains totals: row 总计 cells feed （七）总计 总计", () => {
    const report = fill(seed());
    for (const row of Object.values<any>(report.applications.results.denied)) row.total = null;
    report.applications.results.total.total = null;
    const { report: filled, filled: pointers } = fillWithDetails(report);
    expect(filled.applications.results.total.total).toBe(9);
    expect(pointers.indexOf("/applications/results/total/total")).toBeGreaterThan(
      pointers.indexOf("/applications/results/denied/stateSecret/total"),
    );
  });

  it("is idempotent", () => {
    const once = fill(seed());
    expect(fill(once)).toEqual(once);
  });

  it("returns what is not a report unchanged", () => {
    for (const v of [null, 42, "x", [], { edition: "1999" }]) expect(fill(v)).toEqual(v);
  });
});

describe("validate never throws", () => {
  const deep = JSON.parse(`${"[".repeat(100_000)}${"]".repeat(100_000)}`);
  const samples: [string, unknown][] = [
    ["null", null],
    ["a number", 42],
    ["a string", "report"],
    ["an array", []],
    ["an empty object", {}],
    ["deep nesting", deep],
    ["a deep object under a known edition", { edition: "2021", overview: deep }],
    ["the wrong edition", { edition: 2021 }],
    ["every cell a string", JSON.parse(JSON.stringify(seed(), (_k, v) => (typeof v === "number" ? String(v) : v)))],
    ["sections that are arrays", { ...seed(), applications: [], reviewAndLitigation: [1, 2] }],
  ];
  it.each(samples)("%s gives errors, not an exception", (_name, value) => {
    const r = validate(value);
    expect(r.valid).toBe(false);
    expect(r.issues.filter((i) => i.severity === "error").length).toBeGreaterThan(0);
    for (const i of r.issues) {
      expect(typeof i.pointer).toBe("string");
      expect(i.message.length).toBeGreaterThan(0);
    }
  });

  it("reports a cell given as a string on that cell, and skips the rules reading it", () => {
    const report = seed();
    report.applications.newReceived.naturalPerson = "9";
    const r = validate(report);
    expect(r.issues.find((i) => i.code === "SCHEMA-TYPE")).toMatchObject({
      pointer: "/applications/newReceived/naturalPerson",
      labelPath: "表三 › 一、本年新收政府信息公开申请数量 › 自然人",
      actual: "9",
    });
    const r1 = r.issues.find((i) => i.code === "R1" && i.pointer === "/applications/results/total/naturalPerson")!;
    expect(r1).toMatchObject({ severity: "info", skipped: true });
  });
});

describe("the edition's cells", () => {
  it("are the 10 + 175 + 15 cells of tables 二, 三 and 四", () => {
    expect(cells.length).toBe(200);
    expect(cells.filter((c) => c.pointer.startsWith("/proactiveDisclosure/")).length).toBe(10);
    expect(cells.filter((c) => c.pointer.startsWith("/applications/")).length).toBe(175);
    expect(cells.filter((c) => c.pointer.startsWith("/reviewAndLitigation/")).length).toBe(15);
  });

  it("carry label paths that read like the format", () => {
    const byPointer = Object.fromEntries(cells.map((c) => [c.pointer, c.labelPath]));
    expect(byPointer["/applications/results/denied/stateSecret/naturalPerson"]).toBe(
      "表三 › 三、本年度办理结果 › （三）不予公开 › 1.属于国家秘密 › 自然人",
    );
    expect(byPointer["/proactiveDisclosure/article20Item1/regulations/issuedThisYear"]).toBe(
      "表二 › 第二十条第（一）项 › 规章 › 本年制发件数",
    );
    expect(byPointer["/reviewAndLitigation/litigation/direct/pending"]).toBe("表四 › 行政诉讼 › 未经复议直接起诉 › 尚未审结");
  });

  it("editions and version are exposed", () => {
    expect(editions).toEqual(["2019", "2021"]);
    expect(toolkitVersion).toBe(pkgVersion);
  });
});

describe("deprecated fields", () => {
  it("warn where the report uses them, and only there", () => {
    const issues: any[] = [];
    checkDeprecated(["/contact/fax", "/publishedOn"], seed(), null, "en", issues);
    expect(issues).toEqual([
      expect.objectContaining({ code: "SCHEMA-DEPRECATED", severity: "warning", pointer: "/contact/fax", labelPath: "contact › fax" }),
    ]);
  });
});

describe("a text field of millions of characters (the text pattern must not overflow the stack)", () => {
  it.each([
    ["2.7M '<' not followed by a letter: valid", "a< ".repeat(2_700_000), null],
    ["the same with markup at the very end", `${"a< ".repeat(2_700_000)}<b>`, "SCHEMA-MARKUP"],
    ["8M characters then a control character", `${"很".repeat(8_000_000)}\u0007`, "SCHEMA-CONTROL-CHAR"],
    // at the length where the check changes method (64 Ki): the anchored pattern on one side, the search on the other
    ["65,536 characters of '< ' pairs: valid", "< ".repeat(32_768), null],
    ["65,537 characters ending in markup", `${"< ".repeat(32_766)}a<b>`, "SCHEMA-MARKUP"],
    ["65,535 characters ending in markup", `${"< ".repeat(32_766)}<b>`, "SCHEMA-MARKUP"],
  ])("%s", (_name, text, code) => {
    const r = seed();
    r.overview = { paragraphs: [text] };
    const result = validate(r, { locale: "en" });
    const errors = result.issues.filter((i) => i.severity === "error");
    expect(errors.map((i) => [i.code, i.pointer])).toEqual(code ? [[code, "/overview/paragraphs/0"]] : []);
  });
});
