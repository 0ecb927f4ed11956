// Rows of table 三 are found by their place in the edition's row sequence as much as by their
// label: a label with a character dropped, added or mistaken still names its row when its
// neighbours agree; label-less rows take the rows left between placed ones when the counts agree;
// a row the edition splits (a 2019-style （六）其他处理) leaves its parts unknown and says so.
// Mutations of a real report (淮安 2024 PDF text), checked against its truth file.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { importReport } from "./index.js";
import { corpus } from "./test-support/paths.js";
import { at, readTruth, truthCells } from "./test-support/truth.js";

const text = readFileSync(join(corpus, "raw/01-huaian-city-2024.txt"), "utf8");
const truth = truthCells(readTruth("01-huaian-city-2024"));
const OTHER = "/applications/results/other";

function score(report: unknown, skip: (p: string) => boolean = () => false) {
  const wrong: string[] = [];
  const unknown: string[] = [];
  for (const [p, want] of truth) {
    if (skip(p)) continue;
    const got = at(report, p) ?? null;
    if (got === null && want !== null) unknown.push(p);
    else if (got !== want) wrong.push(`${p}: ${String(got)} ≠ ${String(want)}`);
  }
  return { wrong, unknown };
}

function mutate(from: string, to: string, source = text): string {
  expect(source.includes(from), from).toBe(true);
  return source.replace(from, to);
}

describe("a label printed wrong still names its row", () => {
  it.each([
    ["a character dropped twice over (其他法律行政止公开)", "2.其他法律行政法规禁止公开", "2.其他法律行政止公开"],
    ["a look-alike character (权 → 杈)", "4.保护第三方合法权益", "4.保护第三方合法杈益"],
    ["a character changed and one added", "6.属于四类过程性信息", "6.属于四类过呈性的信息"],
  ])("%s: read, and reported as a variant", async (_what, from, to) => {
    const r = await importReport(mutate(from, to));
    expect(score(r.report)).toEqual({ wrong: [], unknown: [] });
    expect(r.status).toBe("complete");
    expect(r.diagnostics.some((d) => d.reason === "label-variant" && d.message.includes(to.replace(/^\d\./, "")))).toBe(true);
  });

  it.each([
    ["a character added at the end (the label is still in it)", "7.属于行政执法案卷", "7.属于行政执法案卷宗"],
    ["characters swapped beyond comparison: its neighbours place it", "2.重复申请", "2.申复重请"],
  ])("%s", async (_what, from, to) => {
    const r = await importReport(mutate(from, to));
    expect(score(r.report)).toEqual({ wrong: [], unknown: [] });
  });
});

describe("rows with no label", () => {
  it("two adjacent label-less rows between placed rows are placed by position, and say so", async () => {
    const t = mutate("2.重复申请", "", mutate("4.无正当理由大量反复申请", ""));
    const r = await importReport(t);
    expect(score(r.report)).toEqual({ wrong: [], unknown: [] });
    const byPosition = r.diagnostics.filter((d) => d.reason === "inferred" && d.severity === "warning").map((d) => d.pointer);
    expect(byPosition).toEqual(["/applications/results/notProcessed/duplicate", "/applications/results/notProcessed/massRepeated"]);
  });

  it("a label-less row where a row is also missing: the counts disagree, so it is not placed — reported, none wrong", async () => {
    // 2.重复申请 loses its label; 3.要求提供公开出版物 is gone: one line for two rows
    const t = mutate("2.重复申请", "", text.replace(/^.*3\.要求提供公开出版物.*$/m, ""));
    const r = await importReport(t);
    const s = score(r.report);
    expect(s.wrong).toEqual([]);
    expect(s.unknown.length).toBeGreaterThanOrEqual(14);
    expect(r.status).toBe("partial");
    expect(r.diagnostics.some((d) => d.reason === "extra")).toBe(true);
  });
});

describe("a hybrid layout: （六）其他处理 printed as one row in a 2021 report", () => {
  it("leaves the three sub-rows null, with a diagnostic that carries the printed row; the rest is read", async () => {
    const six = [...truth].filter(([p]) => p.startsWith(`${OTHER}/`));
    const sums = [
      "naturalPerson",
      "commercialEnterprise",
      "researchInstitution",
      "publicWelfareOrganization",
      "legalServiceAgency",
      "otherOrganization",
      "total",
    ].map((c) => six.filter(([p]) => p.endsWith(`/${c}`)).reduce((s, [, v]) => s + (v ?? 0), 0));
    // the lines of （六）'s three sub-rows, up to （七）总计, become one row
    const start = text.indexOf("1、申请人无正当理由逾期不补");
    const end = text.indexOf("（七）总计");
    const hybrid = `${text.slice(0, start)}（六）其他处理\t${sums.join("\t")}\n${text.slice(end)}`;
    const r = await importReport(hybrid);
    expect(score(r.report, (p) => p.startsWith(`${OTHER}/`))).toEqual({ wrong: [], unknown: [] });
    for (const [p] of six) expect(at(r.report, p), p).toBeNull();
    const d = r.diagnostics.find((x) => x.reason === "layout");
    expect(d).toMatchObject({ pointer: OTHER, severity: "warning", raw: sums.join(" ") });
    expect(d!.message).toContain("（六）其他处理");
    expect(r.status).toBe("partial");
    expect(r.completeness.notFound).toBe(21);
    // the printed row agrees with （七）总计 less the other rows: nothing to say
    expect(r.diagnostics.filter((x) => x.reason === "source-inconsistent")).toEqual([]);
  });

  it("its printed figures still check the rest: a printed row that does not add up is said so, per column", async () => {
    const start = text.indexOf("1、申请人无正当理由逾期不补");
    const end = text.indexOf("（七）总计");
    const six = [...truth].filter(([p]) => p.startsWith(`${OTHER}/`));
    const total = six.filter(([p]) => p.endsWith("/naturalPerson")).reduce((s, [, v]) => s + (v ?? 0), 0);
    // 自然人 printed one more than the other rows leave; its 总计 likewise, so that the row adds up in itself
    const sums = [
      "naturalPerson",
      "commercialEnterprise",
      "researchInstitution",
      "publicWelfareOrganization",
      "legalServiceAgency",
      "otherOrganization",
      "total",
    ].map(
      (c) =>
        six.filter(([p]) => p.endsWith(`/${c}`)).reduce((s, [, v]) => s + (v ?? 0), 0) + (c === "naturalPerson" || c === "total" ? 1 : 0),
    );
    const r = await importReport(`${text.slice(0, start)}（六）其他处理\t${sums.join("\t")}\n${text.slice(end)}`, { locale: "en" });
    const bad = r.diagnostics.filter((x) => x.reason === "source-inconsistent" && x.pointer === OTHER);
    expect(bad.map((x) => x.message)).toEqual([
      `by R3, this row's "自然人" should be ${total} (the total less the other rows), ` +
        `but the source prints ${total + 1}: the published figures do not add up`,
      expect.stringContaining(`"总计" should be`),
    ]);
  });
});
