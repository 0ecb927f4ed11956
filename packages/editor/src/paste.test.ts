import { describe, expect, it } from "vitest";
import { parseClipboard, pasteTargets } from "./paste.js";
import { tableModel } from "./table-model.js";
import { labels } from "./labels.js";

const cell = (pointer: string) => tableModel.cells.find((c) => c.pointer === pointer)!;
const columnKeys = Object.keys(labels.applications.columns);

describe("parseClipboard", () => {
  it("splits a spreadsheet row at tabs and rows at line breaks", () => {
    expect(parseClipboard("1\t2\t3\r\n")).toEqual([["1", "2", "3"]]);
    expect(parseClipboard("1\t2\n3\t4")).toEqual([
      ["1", "2"],
      ["3", "4"],
    ]);
    expect(parseClipboard("1\t\t3")).toEqual([["1", "", "3"]]);
  });
  it("leaves a single value to the input", () => {
    expect(parseClipboard("42")).toBeNull();
    expect(parseClipboard("42\n")).toBeNull();
  });
});

describe("pasteTargets", () => {
  it("fills a row of 表三 from the focused cell rightwards", () => {
    const start = cell("/applications/newReceived/naturalPerson");
    const { writes, dropped } = pasteTargets(start, [["1", "2", "3", "4", "5", "6", "21"]], tableModel.cells);
    expect(dropped).toBe(0);
    expect(writes.map(([c]) => c.pointer)).toEqual(columnKeys.map((k) => `/applications/newReceived/${k}`));
    expect(writes.map(([, t]) => t)).toEqual(["1", "2", "3", "4", "5", "6", "21"]);
  });

  it("starts at the focused column and drops what falls off the table", () => {
    const start = cell("/applications/newReceived/otherOrganization");
    const { writes, dropped } = pasteTargets(start, [["7", "8", "9"]], tableModel.cells);
    expect(writes.map(([c]) => c.pointer)).toEqual(["/applications/newReceived/otherOrganization", "/applications/newReceived/total"]);
    expect(dropped).toBe(1);
  });

  it("puts further lines in the rows below, in reading order", () => {
    const start = cell("/applications/newReceived/total");
    const { writes } = pasteTargets(start, [["1"], ["2"]], tableModel.cells);
    expect(writes.map(([c]) => c.pointer)).toEqual(["/applications/newReceived/total", "/applications/carriedOver/total"]);
  });

  it("never crosses into another table", () => {
    const last = tableModel.cells.filter((c) => c.table === "reviewAndLitigation").at(-1)!;
    const { writes, dropped } = pasteTargets(last, [["1", "2"], ["3"]], tableModel.cells);
    expect(writes).toHaveLength(1);
    expect(dropped).toBe(2);
  });
});
