// The rules decide among readings; where more than one reading satisfies every rule, the cells stay
// null and the readings are listed. Uses the rules of @zfxxgk/schema, not sums written here.
import { describe, expect, it } from "vitest";
import { model } from "../labels.js";
import type { Observation } from "../cells/observation.js";
import { resolve } from "./resolve.js";

const m = model("2021");
const row = (path: string) => m.table3.rows.find((r) => r.path === path)!;
const tokens = (...v: (number | null)[]) => v.map((x) => ({ raw: x === null ? "/" : String(x), value: x, source: { line: 1 } }));

function cellsOf(r: ReturnType<typeof resolve>, path: string) {
  const entry = m.rows.find((x) => x.row.path === path && x.row.table === "applications")!;
  return entry.idx.map((i) => r.cells[i]);
}

describe("resolve", () => {
  it("a run that R4 (row total) splits one way only is split, and said so", () => {
    const r = resolve(m, [{ row: row("newReceived"), run: "21710000218", source: { line: 3 } }], new Set(), "en");
    expect(cellsOf(r, "newReceived").map((c) => c!.value)).toEqual([217, 1, 0, 0, 0, 0, 218]);
    expect(cellsOf(r, "newReceived").every((c) => c!.status === "split-by-rules")).toBe(true);
    expect(r.diagnostics.filter((d) => d.reason === "split-by-rules")).toHaveLength(7);
  });

  it("a run that several splits satisfy stays null where they differ, with every reading listed", () => {
    // 270020130: 27|0|0|2|0|1|30 and 2|7|0|0|20|1|30 both add up (平潭 2021, （一）予以公开)
    const r = resolve(m, [{ row: row("carriedOver"), run: "270020130", source: { line: 4 } }], new Set(), "en");
    const cells = cellsOf(r, "carriedOver");
    const amb = r.diagnostics.filter((d) => d.reason === "ambiguous");
    expect(amb.length).toBeGreaterThan(0);
    for (const d of amb) {
      const k = row("carriedOver").columns.findIndex((c) => `${row("carriedOver").pointer}/${c.key}` === d.pointer);
      expect(cells[k]!.value).toBeNull();
      expect(d.candidates!.length).toBeGreaterThan(1);
      // each listed reading satisfies R4: total = the six applicant columns
      for (const c of d.candidates!) {
        const v = Object.values(c) as number[];
        expect(v.slice(0, 6).reduce((a, b) => a + b, 0)).toBe(v[6]);
      }
    }
  });

  it("a run that no split makes add up is not read at all", () => {
    const r = resolve(m, [{ row: row("carriedOver"), run: "2200002220", source: { line: 4 } }], new Set(), "en");
    expect(cellsOf(r, "carriedOver").every((c) => c!.value === null && c!.status === "ambiguous")).toBe(true);
    expect(r.diagnostics.some((d) => d.reason === "source-inconsistent")).toBe(true);
  });

  it("a row printed with a figure missing: the rules place the blank, and a blank is never 0", () => {
    const obs: Observation[] = [{ row: row("newReceived"), tokens: tokens(9, 0, 0, 0, 0, 0), source: { line: 1 } }];
    const r = resolve(m, obs, new Set(), "en");
    const cells = cellsOf(r, "newReceived");
    expect(cells.map((c) => c!.value)).toEqual([9, 0, 0, 0, 0, 0, null]);
    expect(cells[6]!.status).toBe("blank");
  });

  it("a row of zeros with a figure missing is ambiguous on its own: nothing is guessed", () => {
    const obs: Observation[] = [{ row: row("carriedOver"), tokens: tokens(0, 0, 0, 0, 0, 0), source: { line: 1 } }];
    const r = resolve(m, obs, new Set(), "en");
    const cells = cellsOf(r, "carriedOver");
    expect(cells.every((c) => c!.value === null && c!.status === "ambiguous")).toBe(true);
  });

  it("a printed blank mark is null with its token", () => {
    const r = resolve(m, [{ row: row("newReceived"), tokens: tokens(1, null, 0, 0, 0, 0, 1), source: { line: 1 } }], new Set(), "en");
    const c = cellsOf(r, "newReceived")[1]!;
    expect(c).toMatchObject({ value: null, status: "blank", raw: "/" });
  });

  it("more figures than cells: nothing is taken from the row", () => {
    const r = resolve(m, [{ row: row("newReceived"), tokens: tokens(1, 2, 3, 4, 5, 6, 7, 8), source: { line: 1 } }], new Set(), "en");
    expect(cellsOf(r, "newReceived").every((c) => c!.value === null)).toBe(true);
  });

  it("rows not seen are missing, and said so once per row", () => {
    const r = resolve(m, [], new Set(), "zh-CN");
    expect(r.cells.every((c) => c!.status === "missing" && c!.value === null)).toBe(true);
    expect(r.diagnostics.filter((d) => d.reason === "missing")).toHaveLength(m.rows.length);
  });
});
