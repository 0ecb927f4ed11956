// Table 三 found by what it is — its seven applicant columns and the rows that follow — when its
// heading and its header note are gone or garbled. Mutations of real reports in every shape, scored
// against their truth files.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { importReport } from "../index.js";
import { model } from "../labels.js";
import { corpus } from "../test-support/paths.js";
import { at, readTruth, truthCells } from "../test-support/truth.js";

type Mutation = [string | RegExp, string][];

/** Cells the import reads right, unknown, and wrong, against the truth. */
async function score(file: string, name: string, mutations: Mutation) {
  const text = readFileSync(join(corpus, file), "utf8");
  let mutated = text;
  for (const [from, to] of mutations) {
    const next = mutated.replace(from, to);
    expect(next, `${file} prints ${String(from)}`).not.toBe(mutated);
    mutated = next;
  }
  const r = await importReport(mutated);
  let correct = 0;
  let unknown = 0;
  const wrong: string[] = [];
  for (const [p, want] of truthCells(readTruth(name))) {
    const got = at(r.report, p) ?? null;
    if (got === want) correct++;
    else if (got === null) unknown++;
    else wrong.push(`${p}: ${got} (truth ${want})`);
  }
  return { correct, unknown, wrong, r };
}

// the heading under any number, wherever the report prints it (a Markdown caption 表三：… too)
const HEADING = /([一二三四五六七八九十]、|表三：)\s*收到和处理政府信息公开申请情况/g;
// the header note: its opening words are what the header-note route looks for
const NOTE = /[（(]?本列数据的勾稽关系为/;

/** The heading and the header note taken out. */
const removed: Mutation = [
  [HEADING, ""],
  [NOTE, ""],
];

/**
 * The heading garbled past recognition, the header note garbled, and the row labels a search meets
 * first — 一、本年新收… and 二、上年结转…, which open with a heading's kind of number — each with a
 * character changed (请 → 清), so that no label of the table but its columns' is as printed.
 */
const garbled: Mutation = [
  [HEADING, "$1依申清办理情况"],
  [NOTE, "本列数椐的勾稽关糸为"],
  [/政府信息公开申请数量/g, "政府信息公开申清数量"],
];

describe.each([
  ["PDF text", "raw/01-huaian-city-2024.txt", "01-huaian-city-2024"],
  // the seed's header prints no 总计: a header cell the extractor lost
  ["PDF text, a header cell lost", "raw/00-tacheng-2024.txt", "00-tacheng-2024"],
  ["one cell per line", "raw/13-hebei-edu-2021.txt", "13-hebei-edu-2021"],
  ["page HTML", "raw/07-pingtan-2023.page.html", "07-pingtan-2023"],
  ["page HTML, 2019 edition", "raw/03-pingtan-2019.page.html", "03-pingtan-2019"],
  ["Markdown", "raw/19-shanghai-stcsm-2024.txt", "19-shanghai-stcsm-2024"],
])("%s: table 三 by its columns", (_shape, file, name) => {
  // every cell the unmutated file reads, the mutated one reads too
  it.each([
    ["heading and header note removed", removed],
    ["heading, header note and the numbered row labels garbled", garbled],
  ] as [string, Mutation][])("%s: every cell still read, none wrong", async (_what, mutation) => {
    const before = await score(file, name, []);
    const { correct, wrong, r } = await score(file, name, mutation);
    expect(wrong).toEqual([]);
    expect(correct).toBe(before.correct);
    expect(r.completeness.tablesNotFound).toEqual([]);
    // the section is said missing; its table is not
    expect(r.diagnostics.some((d) => d.reason === "missing" && d.pointer === "/applications")).toBe(true);
  });
});

describe("run-together text: table 三 by its columns", () => {
  it("heading and header note removed: every cell still read", async () => {
    const before = await score("raw/07-pingtan-2023.txt", "07-pingtan-2023", []);
    const { correct, wrong, r } = await score("raw/07-pingtan-2023.txt", "07-pingtan-2023", removed);
    expect(wrong).toEqual([]);
    expect(correct).toBe(before.correct);
    expect(r.completeness.tablesNotFound).toEqual([]);
  });

  it("labels garbled too: the rows whose labels no longer match are unknown, never wrong", async () => {
    const { correct, unknown, wrong, r } = await score("raw/15-hebei-gxt-2022.txt", "15-hebei-gxt-2022", garbled);
    expect(wrong).toEqual([]);
    expect(r.completeness.tablesNotFound).toEqual([]);
    // run-together text finds rows by their printed label alone: the two garbled rows (7 cells each)
    // and table 二's three ambiguous cells are what is not read
    expect(unknown).toBe(2 * 7 + 3);
    expect(correct + unknown).toBe(200);
  });
});

describe("a column header alone is not table 三", () => {
  const columns = model("2021").table3.columns.map((c) => c.label.text);

  it("the header kept, the rows cut out: table 三 not found, nothing guessed", async () => {
    const seed = readFileSync(join(corpus, "raw/00-tacheng-2024.txt"), "utf8");
    const lines = seed.split("\n");
    // from the first table-三 row to table 四's heading: the rows go, the column header stays
    const first = lines.findIndex((l) => l.startsWith("一、本年新收"));
    const end = lines.findIndex((l) => l.startsWith("四、政府信息公开行政复议"));
    expect(first).toBeGreaterThan(0);
    expect(end).toBeGreaterThan(first);
    const cut = [...lines.slice(0, first), ...lines.slice(end)].join("\n").replace(HEADING, "").replace(NOTE, "");
    expect(cut).toContain(columns[0]);
    const r = await importReport(cut);
    expect(r.completeness.tablesNotFound).toEqual(["applications"]);
    expect(r.status).toBe("failed");
  });

  it.each([
    ["with figures", `本年度收到申请中，${columns.map((c, i) => `${c}${i + 1}件`).join("，")}。`],
    // no figure, so only the rows that do not follow it tell it from the header
    ["without figures", `申请人分为${columns.join("、")}。`],
  ])("a paragraph naming the applicants %s is not the header", async (_what, narrative) => {
    const seed = readFileSync(join(corpus, "raw/00-tacheng-2024.txt"), "utf8");
    // a narrative before the tables that names every column
    const mutated = seed
      .replace(HEADING, "")
      .replace(NOTE, "")
      .replace("二、主动公开政府信息情况", `${narrative}\n二、主动公开政府信息情况`);
    const r = await importReport(mutated);
    // table 三 is found at its own header, and reads as the unmutated seed does
    const { correct } = await score("raw/00-tacheng-2024.txt", "00-tacheng-2024", []);
    let same = 0;
    for (const [p, want] of truthCells(readTruth("00-tacheng-2024"))) if ((at(r.report, p) ?? null) === want) same++;
    expect(same).toBe(correct);
    expect(r.diagnostics.filter((d) => d.reason === "extra")).toEqual([]);
  });
});

describe("hostile: column headers over and over with no table 三 after them", () => {
  const m = model("2021");
  const columns = m.table3.columns.map((c) => c.label.text);
  const t4 = "四、政府信息公开行政复议、行政诉讼情况";

  it.each([
    // lines: each header followed by a row of seven figures whose label names no row
    ["lines", `二、主动公开政府信息情况\n${`${columns.join("\t")}\n其他内容\t1\t2\t3\t4\t5\t6\t7\n`.repeat(2000)}${t4}\n`],
    // run-together text: each header followed by one row label and its figures
    [
      "run-together text",
      `标题:x\n==== 正文 ====\n二、主动公开政府信息情况${`${columns.join("")}${m.table3.rows[0]!.label.text}12`.repeat(2000)}${t4}000`,
    ],
  ])("%s: not taken for table 三, in bounded CPU time", async (_what, text) => {
    const t = process.cpuUsage();
    const r = await importReport(text);
    const { user, system } = process.cpuUsage(t);
    expect(r.completeness.tablesNotFound).toContain("applications");
    expect((user + system) / 1000).toBeLessThan(3000);
  });
});
