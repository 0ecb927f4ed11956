// labels/2021.json is the format's text: every label must match docs/format-rows.json
// (the research record of the format) to the character, in print order.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { labels, reportSchemas, rules } from "../index.js";

const formatRowsPath = resolve(import.meta.dirname, "../../../docs/format-rows.json");
const format = JSON.parse(readFileSync(formatRowsPath, "utf8")).version2021;
const l = labels["2021"];

describe("labels/2021.json against the format", () => {
  it("section headings", () => {
    expect(Object.entries(l.sections).map(([k, s]) => [k, s.number, s.heading])).toEqual(
      format.sections.map((s: any) => [s.key, s.number, s.heading]),
    );
  });

  it("table 二: captions, rows and columns", () => {
    expect(l.proactiveDisclosure.labelColumnHeader).toBe(format.table2.labelColumnHeader);
    expect(
      Object.entries(l.proactiveDisclosure.blocks).map(([k, b]) => [k, b.caption, Object.entries(b.rows), Object.entries(b.columns)]),
    ).toEqual(
      format.table2.blocks.map((b: any) => [
        b.key,
        b.caption,
        b.rows.map((r: any) => [r.key, r.label]),
        b.columns.map((c: any) => [c.key, c.label]),
      ]),
    );
  });

  it("table 三: note, columns and all rows", () => {
    expect(l.applications.headerNote).toBe(format.table3.headerNote);
    expect(l.applications.columnGroupHeader).toBe(format.table3.columnGroupHeader);
    expect(Object.entries(l.applications.columns)).toEqual(format.table3.columns.map((c: any) => [c.key, c.label]));
    expect(Object.entries(l.applications.rows)).toEqual(format.table3.rows.map((r: any) => [r.path, r.label]));
    expect(l.applications.rows["results.denied.securityStability"]).toBe("3.危及\u201c三安全一稳定\u201d");
  });

  it("table 四: groups and result columns", () => {
    expect(Object.entries(l.reviewAndLitigation.columns)).toEqual(format.table4.resultColumns.map((c: any) => [c.key, c.label]));
    for (const g of format.table4.groups) expect(l.reviewAndLitigation.groups[g.key]).toBe(g.label);
    expect(l.reviewAndLitigation.groups.litigation).toBe("行政诉讼");
  });
});

describe("the schema", () => {
  const s = reportSchemas["2021"] as any;
  it("names its edition and draft", () => {
    expect(s.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(s.$id).toContain("2021");
    expect(s.properties.edition.const).toBe("2021");
  });
  it("keeps shared row shapes in $defs, referenced, not inlined", () => {
    const text = JSON.stringify(s);
    expect(text.match(/"#\/\$defs\/applicantRow"/g)!.length).toBe(25);
    expect(text.match(/"#\/\$defs\/outcomeRow"/g)!.length).toBe(3);
  });
  it("has a key per section of the format", () => {
    for (const sec of format.sections) expect(s.required).toContain(sec.key);
  });
});

describe("rules/2021.json", () => {
  it("covers the format's stated and derived single-year rules R1, R3, R4, R5 and R8", () => {
    const ids = rules["2021"].rules.map((r) => r.id);
    for (const id of ["R1", "R3", "R4", "R5", "R8"]) expect(ids).toContain(id);
  });
  it("has text in both languages for every rule", () => {
    for (const r of rules["2021"].rules) {
      expect(r.title["zh-CN"]).toMatch(/[\u4e00-\u9fff]/);
      expect(r.message.en).toMatch(/[a-z]{3}/);
    }
  });
});
