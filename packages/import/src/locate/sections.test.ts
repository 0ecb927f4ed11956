// Section headings found by their number and by similarity in every shape: a heading with a
// character added, dropped or changed is still its section; a table whose heading is gone is found
// by what it is. Mutations of real reports, scored against their truth files.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { importReport } from "../index.js";
import { corpus } from "../test-support/paths.js";
import { at, readTruth, truthCells } from "../test-support/truth.js";

const H2 = "二、主动公开政府信息情况";
const H3 = "三、收到和处理政府信息公开申请情况";
const H4 = "四、政府信息公开行政复议、行政诉讼情况";

/** Cells the import reads right, and wrong, against the truth. */
async function score(file: string, name: string, from: string | RegExp, to: string | ((m: string) => string)) {
  const text = readFileSync(join(corpus, file), "utf8");
  const mutated = text.replace(from, to as string);
  expect(mutated, `${file} prints ${String(from)}`).not.toBe(text);
  const r = await importReport(mutated);
  let correct = 0;
  const wrong: string[] = [];
  for (const [p, want] of truthCells(readTruth(name))) {
    const got = at(r.report, p) ?? null;
    if (got === want) correct++;
    else if (got !== null) wrong.push(p);
  }
  return { correct, wrong, r };
}

describe.each([
  ["PDF text", "raw/01-huaian-city-2024.txt", "01-huaian-city-2024", 200],
  ["one cell per line", "raw/13-hebei-edu-2021.txt", "13-hebei-edu-2021", 200],
  ["page HTML", "raw/07-pingtan-2023.page.html", "07-pingtan-2023", 200],
  // run-together text leaves table 二's 行政规范性文件 ambiguous whatever the headings
  ["run-together text", "raw/07-pingtan-2023.txt", "07-pingtan-2023", 197],
])("%s", (_shape, file, name, expected) => {
  it.each([
    // 四's heading as each report prints it (因政府信息公开工作被申请行政复议… is a variant)
    ["a character changed in 四's heading", /四、[^\r\n]{0,12}?行政复议/, (m: string) => m.replace("复议", "复仪")],
    ["a character dropped from 三's heading", H3, "三、收到和处理政府信息公开申情况"],
    ["a character added to 二's heading", H2, "二、主动公开政府信息情况况"],
  ] as [string, string | RegExp, string | ((m: string) => string)][])("%s: every table still read", async (_what, from, to) => {
    const { correct, wrong, r } = await score(file, name, from, to);
    expect(wrong).toEqual([]);
    expect(correct).toBe(expected);
    expect(r.completeness.tablesNotFound).toEqual([]);
  });
});

describe("a table whose heading is gone is found by what it is", () => {
  it.each([
    ["table 四: its 行政复议 / 行政诉讼 header and fifteen figures", H4],
    ["table 三: its header note and row sequence", H3],
  ])("%s", async (_what, heading) => {
    const { correct, wrong, r } = await score("raw/01-huaian-city-2024.txt", "01-huaian-city-2024", heading, "");
    expect(wrong).toEqual([]);
    expect(correct).toBe(200);
    // the section is said missing; the table is not
    expect(r.diagnostics.some((d) => d.reason === "missing" && d.pointer.split("/").length === 2)).toBe(true);
    expect(r.completeness.tablesNotFound).toEqual([]);
  });
});
