import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { diffReports, DiffError, MAX_TEXT_EDITS } from "./index.js";

const root = resolve(import.meta.dirname, "../../..");
const read = (p: string) => JSON.parse(readFileSync(join(root, p), "utf8"));
const seed = () => read("examples/tacheng-2024/report.json");

describe("diffReports", () => {
  it("a report against itself: no change", () => {
    expect(diffReports(seed(), seed())).toMatchObject({ tables: [], texts: [], fields: [], total: 0 });
  });

  it("lists every changed cell with both values and the change, grouped by table in print order", () => {
    const last = seed();
    const now = seed();
    now.applications.newReceived.naturalPerson = 12; // was 9
    now.applications.newReceived.total = 12; // was blank
    now.reviewAndLitigation.administrativeReconsideration.upheld = 2; // was 0
    now.proactiveDisclosure.article20Item8.administrativeFees.feeAmountThisYear = 1211.3; // was 1211
    const d = diffReports(last, now);
    expect(d.tables.map((t) => t.table)).toEqual(["表二", "表三", "表四"]);
    expect(d.tables[1]!.changes).toEqual([
      {
        pointer: "/applications/newReceived/naturalPerson",
        labelPath: "表三 › 一、本年新收政府信息公开申请数量 › 自然人",
        before: 9,
        after: 12,
        change: 3,
      },
      {
        pointer: "/applications/newReceived/total",
        labelPath: "表三 › 一、本年新收政府信息公开申请数量 › 总计",
        before: null,
        after: 12,
        change: null,
      },
    ]);
    expect(d.tables[0]!.changes[0]).toMatchObject({ before: 1211, after: 1211.3, change: 0.3 });
    expect(d.tables[2]!.changes[0]).toMatchObject({ before: 0, after: 2, change: 2 });
    expect(d.total).toBe(4);
  });

  it("gives changed text sections as unified diffs", () => {
    const last = seed();
    const now = seed();
    now.problemsAndImprovements.paragraphs[0] = "新的第一段。";
    now.overview.subsections[1].paragraphs.push("新增一段。");
    const d = diffReports(last, now);
    expect(d.texts.map((t) => t.heading)).toEqual(["一、总体情况", "五、存在的主要问题及改进情况"]);
    const five = d.texts[1]!.unified.split("\n");
    expect(five[0]).toBe("--- a/problemsAndImprovements");
    expect(five).toContain(`-${last.problemsAndImprovements.paragraphs[0]}`);
    expect(five).toContain("+新的第一段。");
    expect(d.texts[0]!.unified).toContain("\n+新增一段。");
  });

  it("lists other changed fields: year, agency, dates", () => {
    const now = seed();
    now.year = 2025;
    now.signature.date = "2026-01-20";
    delete now.contact.fax;
    const d = diffReports(seed(), now);
    expect(d.fields).toEqual([
      { pointer: "/year", labelPath: "报告年度", before: 2024, after: 2025 },
      { pointer: "/contact/fax", labelPath: "联系方式 › 传真", before: "0901-6223641", after: undefined },
      { pointer: "/signature/date", labelPath: "落款 › 日期", before: "2025-01-17", after: "2026-01-20" },
    ]);
  });

  it("refuses what cannot be compared", () => {
    expect(() => diffReports(seed(), { ...seed(), edition: "2019" })).toThrow(DiffError);
    expect(() => diffReports([], seed())).toThrow(/前一份不是可识别的年度报告/);
    expect(() => diffReports(seed(), null, { locale: "en" })).toThrow(/the second report is not/);
    // a field nested 100,000 deep would overflow the stack when compared: refused plainly
    let deep: any = {};
    const hostile = { ...seed(), title: deep };
    for (let i = 0; i < 100_000; i++) deep = deep.a = {};
    expect(() => diffReports(seed(), hostile)).toThrow(/后一份嵌套超过 64 层/);
  });
});

describe("hostile text sections", () => {
  const base = () => JSON.parse(readFileSync(join(root, "examples/tacheng-2024/report.json"), "utf8"));

  it.each([
    ["paragraphs a string", { paragraphs: "一段话" }],
    ["subsections a number", { paragraphs: [], subsections: 7 }],
    ["a null subsection", { paragraphs: [], subsections: [null] }],
    ["a subsection whose paragraphs are an object", { paragraphs: [], subsections: [{ heading: "（一）", paragraphs: { a: 1 } }] }],
    ["the section a number", 42],
  ])("%s: compared as what it holds, never a throw", (_name, section) => {
    const after = base();
    after.overview = section;
    const d = diffReports(base(), after, { locale: "en" });
    const t = d.texts.find((x) => x.pointer === "/overview")!;
    expect(t.summarised).toBeUndefined();
    // what the malformed section holds shows in the diff: nothing the user wrote is dropped
    const held = JSON.stringify(section).match(/一段话|7|null|"a":1|42/)![0];
    expect(t.unified).toContain(held);
  });

  it("a section of 20k changed paragraphs is summarised with both line counts", () => {
    const a = base();
    const b = base();
    a.overview = { paragraphs: Array.from({ length: 20000 }, (_, i) => `第${i}段 ${(i * 7919) % 10007}`) };
    b.overview = { paragraphs: Array.from({ length: 20000 }, (_, i) => `第${i}段 ${(i * 104729) % 10009}`) };
    const t = diffReports(a, b, { locale: "en" }).texts[0]!;
    expect(t.summarised).toBe(true);
    expect(t.unified).toBe(`more than ${MAX_TEXT_EDITS} lines changed; not listed line by line: 20000 lines before, 20000 after\n`);
  });

  it("one changed paragraph among 20k is still listed line by line", () => {
    const a = base();
    a.overview = { paragraphs: Array.from({ length: 20000 }, (_, i) => `第${i}段`) };
    const b = structuredClone(a);
    b.overview.paragraphs[12345] = "改过的一段";
    const t = diffReports(a, b, { locale: "en" }).texts[0]!;
    expect(t.summarised).toBeUndefined();
    expect(t.unified).toContain("-第12345段");
    expect(t.unified).toContain("+改过的一段");
  });
});
