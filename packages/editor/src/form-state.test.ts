import { readFileSync } from "node:fs";
import { validate } from "@zfxxgk/validator";
import { describe, expect, it } from "vitest";
import { cellText, cellValue, emptyReport, paragraphsText, textParagraphs } from "./form-state.js";
import { getAt, setAt } from "./pointer.js";
import { tableModel } from "./table-model.js";

const seed = JSON.parse(readFileSync(new URL("../../../examples/tacheng-2024/report.json", import.meta.url), "utf8"));

describe("cell text ↔ value", () => {
  it("reads what people type into numbers, blank into null (never 0)", () => {
    expect(cellValue("12", "count")).toBe(12);
    expect(cellValue(" 0 ", "count")).toBe(0);
    expect(cellValue("", "count")).toBeNull();
    expect(cellValue("   ", "count")).toBeNull();
    expect(cellValue("１２３", "count")).toBe(123);
    expect(cellValue("1,234", "count")).toBe(1234);
    expect(cellValue("0.35", "amount")).toBe(0.35);
  });

  it("keeps a non-number as typed, so the validator names the cell", () => {
    expect(cellValue("十二", "count")).toBe("十二");
    expect(cellValue("1,2", "count")).toBe("1,2");
    const r = structuredClone(seed);
    setAt(r, "/applications/newReceived/naturalPerson", cellValue("abc", "count"));
    const issues = validate(r).issues.filter((i) => i.severity === "error");
    expect(issues.map((i) => i.pointer)).toContain("/applications/newReceived/naturalPerson");
  });

  it("round-trips every cell of the seed report through the input text", () => {
    for (const c of tableModel.cells) {
      const v = getAt(seed, c.pointer);
      expect(cellValue(cellText(v), c.kind)).toBe(v);
    }
  });
});

describe("text sections", () => {
  it("are one paragraph a line, both ways", () => {
    const ps = seed.problemsAndImprovements.paragraphs as string[];
    expect(textParagraphs(paragraphsText(ps))).toEqual(ps);
    expect(textParagraphs("a\r\n\r\n  b  \n")).toEqual(["a", "b"]);
    expect(paragraphsText(undefined)).toBe("");
  });
});

describe("the empty report", () => {
  it("has every table cell blank and is a 2021 report the validator reads", () => {
    const r = emptyReport(2025);
    for (const c of tableModel.cells) expect(getAt(r, c.pointer)).toBeNull();
    const result = validate(r);
    expect(result.edition).toBe("2021");
    // blank cells are never errors, only the missing metadata is
    const errors = result.issues.filter((i) => i.severity === "error");
    expect(errors.length).toBeGreaterThan(0);
    for (const e of errors) expect(tableModel.cells.some((c) => c.pointer === e.pointer)).toBe(false);
  });
});
