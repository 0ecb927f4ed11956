// resolve()'s phases one at a time: units from observations, row-by-row decisions, decisions that
// need several rows at once, rows read like their siblings, and the cells with what is said of them.
import { describe, expect, it } from "vitest";
import { model } from "../labels.js";
import type { Observation } from "../cells/observation.js";
import { phases } from "./resolve.js";

const m = model("2021");
const row = (path: string) => m.table3.rows.find((r) => r.path === path)!;
const tokens = (...v: (number | null)[]) => v.map((x) => ({ raw: x === null ? "" : String(x), value: x, source: { line: 1 } }));
const plain = (path: string, ...v: number[]): Observation => ({ row: row(path), tokens: tokens(...v), source: { line: 1 } });
const unitOf = (s: ReturnType<typeof phases.prepare>, path: string) => s.units.find((u) => u.obs.row.path === path)!;

// 270020130 splits two ways that each keep R4 (row total): 27|0|0|2|0|1|30 and 2|7|0|0|20|1|30
const run = (path: string, r: string): Observation => ({ row: row(path), run: r, source: { line: 2 } });

describe("prepare", () => {
  it("one unit per row, the first observation of a row winning; plain rows settle their cells", () => {
    const s = phases.prepare(m, [plain("carriedOver", 1, 0, 0, 0, 0, 0, 1), plain("carriedOver", 9, 9, 9, 9, 9, 9, 54)], "en");
    expect(s.units).toHaveLength(1);
    const u = unitOf(s, "carriedOver");
    expect(u.alive).toHaveLength(1);
    expect(Array.from(u.idx, (i) => s.values[i])).toEqual([1, 0, 0, 0, 0, 0, 1]);
  });
});

describe("byRow", () => {
  it("a rule whose other cells are settled decides a row's readings alone", () => {
    // R1 per column: 一 + 二 = 三 + 四; with 二, （七）总计 and 四 printed, 一 has one reading
    const s = phases.prepare(
      m,
      [
        run("newReceived", "270020130"),
        plain("carriedOver", 0, 0, 0, 0, 0, 0, 0),
        plain("results.total", 27, 0, 0, 2, 0, 1, 30),
        plain("carriedForward", 0, 0, 0, 0, 0, 0, 0),
      ],
      "en",
    );
    expect(unitOf(s, "newReceived").alive.length).toBeGreaterThan(1);
    phases.byRow(s);
    expect(unitOf(s, "newReceived").alive.map((c) => c.values)).toEqual([[27, 0, 0, 2, 0, 1, 30]]);
  });
});

describe("acrossRows", () => {
  it("two open rows linked by a rule are decided together, which row by row cannot", () => {
    // 四 prints six figures for seven cells: where its blank is, and which split 一 is, depend on each other
    const s = phases.prepare(
      m,
      [
        run("newReceived", "270020130"),
        plain("carriedOver", 0, 0, 0, 0, 0, 0, 0),
        plain("results.total", 27, 0, 0, 2, 0, 1, 30),
        { row: row("carriedForward"), tokens: tokens(0, 0, 0, 0, 0, 0), source: { line: 5 } },
      ],
      "en",
    );
    phases.byRow(s);
    expect(unitOf(s, "newReceived").alive.length).toBeGreaterThan(1);
    phases.acrossRows(s);
    expect(unitOf(s, "newReceived").alive.map((c) => c.values)).toEqual([[27, 0, 0, 2, 0, 1, 30]]);
  });
});

describe("conclude", () => {
  it("rows not observed are missing, each said so; a table not found is said once", () => {
    const s = phases.prepare(m, [plain("newReceived", 1, 0, 0, 0, 0, 0, 1)], "en");
    const r = phases.conclude(s, new Set(["reviewAndLitigation"]));
    const missing = r.diagnostics.filter((d) => d.reason === "missing");
    expect(missing.filter((d) => d.pointer === "/reviewAndLitigation")).toHaveLength(1);
    expect(missing.some((d) => d.pointer.startsWith("/reviewAndLitigation/"))).toBe(false);
    expect(missing.some((d) => d.pointer === row("carriedOver").pointer)).toBe(true);
    expect(r.cells.filter((c) => c?.status === "read")).toHaveLength(7);
  });
});
