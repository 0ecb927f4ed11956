import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { fill, tableCells, validate } from "@zfxxgk/validator";
import { editionModel } from "@zfxxgk/edition";
import type { Locale } from "@zfxxgk/i18n";
import { aggregate, AggregationError, type Member } from "./index.js";

const root = resolve(import.meta.dirname, "../../..");
const read = (p: string) => JSON.parse(readFileSync(join(root, p), "utf8"));
const tacheng = () => fill(read("examples/tacheng-2024/report.json"));
// 淮安市人民政府 2024, figures of the published report (rule fixtures' base)
const huaian = () => read("packages/schema/rules/fixtures/2021/base.json");
const agency = { name: "测试汇总", kind: "government", level: "municipal" } as const;
const at = (r: any, pointer: string) =>
  pointer
    .split("/")
    .slice(1)
    .reduce((o, k) => o?.[k], r);

describe("aggregate", () => {
  const members: Member[] = [
    { report: tacheng(), file: "tacheng.json", sha256: "a".repeat(64) },
    { report: huaian(), file: "huaian.json" },
  ];

  it("sums every cell of the members", () => {
    const { report, included, excluded } = aggregate(members, { agency });
    expect(included).toHaveLength(2);
    expect(excluded).toEqual([]);
    for (const cell of tableCells("2021")) {
      const expected = at(members[0]!.report, cell.pointer) + at(members[1]!.report, cell.pointer);
      expect(at(report, cell.pointer), cell.pointer).toBeCloseTo(expected, 6);
    }
    // 9 + 3119 applications, and 1211 + 96171.6 万元 of fees: from the two source reports
    expect(report.applications.newReceived.total).toBe(3128);
    expect(report.proactiveDisclosure.article20Item8.administrativeFees.feeAmountThisYear).toBe(97382.6);
  });

  it("records the members and scope, and leaves the text to the author", () => {
    const { report } = aggregate(members, { agency });
    expect(report.scope).toBe("aggregate");
    expect(report.members).toEqual([
      { agency: "塔城市人民政府", file: "tacheng.json", sha256: "a".repeat(64) },
      { agency: "淮安市人民政府", file: "huaian.json" },
    ]);
    const r = validate(report);
    // the rules are sums, so the sum of consistent reports is consistent
    expect(r.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(r.issues.filter((i) => i.code === "EMPTY-TEXT").map((i) => i.pointer)).toEqual([
      "/overview",
      "/problemsAndImprovements",
      "/otherMatters",
    ]);
  });

  it("keeps decimals exact", () => {
    const a = huaian();
    const b = huaian();
    b.agency.name = "淮安市另一机关";
    a.proactiveDisclosure.article20Item8.administrativeFees.feeAmountThisYear = 0.1;
    b.proactiveDisclosure.article20Item8.administrativeFees.feeAmountThisYear = 0.2;
    const { report } = aggregate([{ report: a }, { report: b }], { agency });
    expect(report.proactiveDisclosure.article20Item8.administrativeFees.feeAmountThisYear).toBe(0.3);
  });

  it("a blank member cell makes the sum blank, and says whose", () => {
    const { report, blanks } = aggregate(
      [
        { report: read("examples/tacheng-2024/report.json"), file: "t.json" },
        { report: huaian(), file: "h.json" },
      ],
      { agency },
    );
    expect(report.applications.newReceived.total).toBeNull();
    expect(blanks["/applications/newReceived/total"]).toEqual(["t.json"]);
    expect(report.applications.newReceived.naturalPerson).toBe(9 + 3001);
  });

  it("excludes members with errors unless asked, and lists them", () => {
    const bad = huaian();
    bad.applications.newReceived.total += 1; // R4 and R1 fail
    const { included, excluded, report } = aggregate(
      [
        { report: tacheng(), file: "t" },
        { report: bad, file: "bad" },
      ],
      { agency },
    );
    expect(included.map((m) => m.file)).toEqual(["t"]);
    expect(excluded[0]).toMatchObject({ file: "bad", agency: "淮安市人民政府" });
    expect(excluded[0]!.errors.map((e) => e.code).sort()).toEqual(["R1", "R4"]);
    expect(report.applications.newReceived.naturalPerson).toBe(9);
    const all = aggregate(
      [
        { report: tacheng(), file: "t" },
        { report: bad, file: "bad" },
      ],
      { agency, includeInvalid: true },
    );
    expect(all.included).toHaveLength(2);
  });

  it.each([
    ["different years", () => [{ report: huaian() }, { report: { ...huaian(), year: 2023 } }], "MIXED-YEARS"],
    ["different editions", () => [{ report: huaian() }, { report: { ...huaian(), edition: "2019" } }], "MIXED-EDITIONS"],
    ["a year other than asked", () => [{ report: huaian() }], "MIXED-YEARS", 2023],
    ["no members", () => [], "NO-MEMBERS"],
    ["something that is not a report", () => [{ report: [1, 2], file: "x.json" }], "NOT-A-REPORT"],
  ] as const)("refuses %s with a clear message", (_name, make, code, year?: number) => {
    let error: unknown;
    try {
      aggregate(make() as Member[], { agency, ...(year ? { year } : {}) });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AggregationError);
    expect((error as AggregationError).code).toBe(code);
    expect((error as Error).message).toMatch(/[\u4e00-\u9fff]/);
  });

  it("names the files in a mixed-year refusal, in English too", () => {
    expect(() =>
      aggregate(
        [
          { report: huaian(), file: "a.json" },
          { report: { ...huaian(), year: 2023 }, file: "b.json" },
        ],
        { agency, locale: "en" },
      ),
    ).toThrow("the reports cover different years: 2024: a.json; 2023: b.json");
  });
});

describe("members that would be counted twice", () => {
  const other = () => {
    const r = huaian();
    r.agency.name = "淮安市另一机关";
    return r;
  };

  it("the same file twice (same SHA-256) is refused, naming both", () => {
    const sha256 = "b".repeat(64);
    const run = () =>
      aggregate(
        [
          { report: huaian(), file: "a.json", sha256 },
          { report: other(), file: "copy/a.json", sha256 },
        ],
        { agency, locale: "en" },
      );
    expect(run).toThrow(AggregationError);
    expect(run).toThrow(/a\.json and copy\/a\.json are the same file/);
  });

  it("two reports of one agency are refused, naming the agency (zh-CN)", () => {
    const run = () =>
      aggregate(
        [
          { report: huaian(), file: "a.json" },
          { report: huaian(), file: "b.json" },
        ],
        { agency },
      );
    expect(run).toThrow(/a\.json 与 b\.json 是同一机关“淮安市人民政府”的报告/);
  });

  it("an aggregate among the members is refused", () => {
    const { report: sum } = aggregate([{ report: huaian() }, { report: other() }], { agency });
    const run = () =>
      aggregate(
        [
          { report: huaian(), file: "h.json" },
          { report: sum, file: "sum.json" },
        ],
        { agency, locale: "en" },
      );
    expect(run).toThrow(/sum\.json is itself an aggregate report/);
  });

  it("each is summed when told so", () => {
    const { report: sum } = aggregate([{ report: huaian() }, { report: other() }], { agency });
    const twice = aggregate([{ report: huaian() }, { report: huaian() }], { agency, allowDuplicates: true });
    expect(twice.report.applications.newReceived.naturalPerson).toBe(2 * 3001);
    const nested = aggregate([{ report: huaian() }, { report: sum }], { agency, allowAggregates: true });
    expect(nested.report.applications.newReceived.naturalPerson).toBe(3 * 3001);
  });
});

describe("refusals in both languages", () => {
  it("a zh-CN caller's error carries each language's own detail, not the caller's in both", () => {
    const sha256 = "c".repeat(64);
    const other = { ...huaian(), agency: { ...huaian().agency, name: "淮安市另一机关" } };
    let error: unknown;
    try {
      aggregate(
        [
          { report: huaian(), file: "a.json", sha256 },
          { report: other, file: "b.json", sha256 },
        ],
        { agency, locale: "zh-CN" },
      );
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AggregationError);
    const { message, messages } = error as AggregationError;
    expect(message).toBe(messages["zh-CN"]);
    expect(messages["zh-CN"]).toMatch(/^a\.json 与 b\.json 是同一文件（SHA-256 相同）；同一份报告汇总两次会重复计数/);
    expect(messages.en).toMatch(/^a\.json and b\.json are the same file \(same SHA-256\); a report summed twice is counted twice/);
    expect(messages.en).not.toMatch(/[\u4e00-\u9fff]/);
  });
});

describe("the aggregate's agency", () => {
  const { kinds, levels } = editionModel("2021").agency;

  it("takes every kind and level the edition model lists", () => {
    for (const kind of kinds)
      for (const level of levels) {
        const { report } = aggregate([{ report: huaian() }], { agency: { name: "测试汇总", kind, level } as never });
        expect(report.agency).toMatchObject({ kind, level });
        expect(validate(report).issues.filter((i) => i.pointer.startsWith("/agency"))).toEqual([]);
      }
  });

  it("refuses one the model does not list, naming the model's choices, before any sum", () => {
    const run = (a: object, locale: Locale) => () => aggregate([{ report: huaian() }], { agency: { ...agency, ...a } as never, locale });
    expect(run({ kind: "ministry" }, "en")).toThrow(
      `the aggregate's agency kind "ministry" is not one the 2021 edition lists (${kinds.join(", ")})`,
    );
    expect(run({ level: "village" }, "zh-CN")).toThrow(`汇总报告机关的层级“village”不是 2021 格式所列的值（${levels.join(", ")}）`);
    expect(run({ level: undefined }, "en")).toThrow(AggregationError);
  });
});
