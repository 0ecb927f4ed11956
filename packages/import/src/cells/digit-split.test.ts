// Splitting figures that run together: every way, none invented; the rules choose (resolve.test.ts).
import { describe, expect, it } from "vitest";
import { splitRun } from "./digit-split.js";

const seven = Array(7).fill("count");

describe("splitRun", () => {
  it("finds 217|1|0|0|0|0|218 among the ways to cut 21710000218, and only ways without leading zeros", () => {
    const r = splitRun("21710000218", seven);
    expect(r.splits.map((s) => s.values)).toContainEqual([217, 1, 0, 0, 0, 0, 218]);
    for (const s of r.splits) {
      expect(s.values).toHaveLength(7);
      expect(s.raws.join("")).toBe("21710000218");
      for (const raw of s.raws) expect(raw === "0" || !raw.startsWith("0")).toBe(true);
    }
  });

  it("a printed space is a cut: '230 000023' puts 23|0 before the space", () => {
    const r = splitRun("230 000023", seven);
    for (const s of r.splits) expect(s.raws.some((_, i) => s.raws.slice(0, i + 1).join("") === "230")).toBe(true);
    expect(r.splits.map((s) => s.values)).toContainEqual([23, 0, 0, 0, 0, 0, 23]);
  });

  it("figures already separated are read plainly", () => {
    const r = splitRun("4 0 0 0 0 0 4", seven);
    expect(r.plain).toBe(true);
    expect(r.splits).toEqual([{ values: [4, 0, 0, 0, 0, 0, 4], raws: ["4", "0", "0", "0", "0", "0", "4"] }]);
  });

  it("blank marks in a run are blank cells, not 0", () => {
    const r = splitRun("3 / 0 0 0 0 3", seven);
    expect(r.splits.map((s) => s.values)).toEqual([[3, null, 0, 0, 0, 0, 3]]);
  });

  it("signed and decimal cells where the format has them (2019 本年增/减, the 万元 fee)", () => {
    expect(splitRun("2648-18538", ["count", "signed", "count"]).splits.map((s) => s.values)).toContainEqual([2648, -18, 538]);
    expect(splitRun("24252.311082", ["amount"]).splits.map((s) => s.values)).toEqual([[24252.311082]]);
  });

  it("stops at its bound on a run with too many ways, and says so", () => {
    const r = splitRun("1".repeat(60), Array(15).fill("count"));
    expect(r.truncated).toBe(true);
  });

  it("no way at all: nothing", () => {
    expect(splitRun("00", seven).splits).toEqual([]);
  });
});
