// OCR look-alike characters: the data file is well-formed and in the form labels are compared in;
// a look-alike substitution costs less than another; and a row label read with two OCR confusions
// still names its row in real reports of every line-based shape, where plain similarity does not.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { importReport } from "./index.js";
import { commonWithLookalikes, isLookalike, LOOKALIKE_WEIGHT } from "./lookalike.js";
import { lcsLength, norm } from "./normalise.js";
import { corpus } from "./test-support/paths.js";
import { at, readTruth, truthCells } from "./test-support/truth.js";

const data = JSON.parse(readFileSync(join(import.meta.dirname, "../data/lookalikes.json"), "utf8"));
const schema = JSON.parse(readFileSync(join(import.meta.dirname, "../data/lookalikes.schema.json"), "utf8"));

describe("data/lookalikes.json", () => {
  it("follows its schema", () => {
    const validate = new Ajv({ allErrors: true }).compile(schema);
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
  });

  it("holds characters in the form labels are compared in, each group once", () => {
    const seen = new Set<string>();
    for (const group of data.groups as string[][]) {
      // a character norm() folds (full-width digits, half-width katakana) would never be compared
      for (const c of group) expect(norm(c), `${c} U+${c.charCodeAt(0).toString(16)}`).toBe(c);
      const key = [...group].sort().join("");
      expect(seen.has(key), group.join("/")).toBe(false);
      seen.add(key);
    }
  });

  it("needs no entry for full-width digits and letters: norm() folds them", () => {
    expect(norm("０１２３ＯＬ")).toBe("0123OL");
  });
});

describe("similarity with look-alikes", () => {
  it("a look-alike pair counts less than the same character and more than another", () => {
    expect(commonWithLookalikes("未", "未")).toBe(1);
    expect(commonWithLookalikes("末", "未")).toBe(LOOKALIKE_WEIGHT);
    expect(commonWithLookalikes("丙", "未")).toBe(0);
    expect(isLookalike("已", "己")).toBe(true);
    expect(isLookalike("己", "已")).toBe(true);
    expect(isLookalike("己", "丙")).toBe(false);
  });

  it("is the plain common length for text without look-alikes", () => {
    for (const [a, b] of [
      ["属于国家秘密", "属于国家机密"],
      ["2.重复申请", "2.重复丙汁"],
      ["(七)总计", "七总计"],
      ["", "总计"],
    ])
      expect(commonWithLookalikes(a!, b!)).toBe(lcsLength(a!, b!));
  });
});

/** The cells of a truth file that the mutated import reads wrong, and those it does not read. */
async function score(file: string, name: string, mutate: (t: string) => string) {
  const text = readFileSync(join(corpus, file), "utf8");
  const mutated = mutate(text);
  expect(mutated).not.toBe(text);
  const r = await importReport(mutated);
  const wrong: string[] = [];
  const unread: string[] = [];
  for (const [p, want] of truthCells(readTruth(name))) {
    const got = at(r.report, p) ?? null;
    if (got === want) continue;
    if (got === null) unread.push(p);
    else wrong.push(`${p}: ${got} (truth ${want})`);
  }
  return { r, wrong, unread };
}

const ROW = "/applications/results/notProcessed/duplicate";
const LABEL = "2.重复申请";

describe.each([
  ["PDF text", "raw/01-huaian-city-2024.txt", "01-huaian-city-2024"],
  ["page HTML", "raw/07-pingtan-2023.page.html", "07-pingtan-2023"],
  ["one cell per line", "raw/13-hebei-edu-2021.txt", "13-hebei-edu-2021"],
])("%s: a row label read with two OCR confusions", (_shape, file, name) => {
  it.each([
    ["申 → 甲, 请 → 清", "2.重复甲清"],
    ["2 → Z, 请 → 清", "Z.重复申清"],
  ])("%s: names its row (a label variant), every cell read", async (_what, printed) => {
    // plain similarity does not name the row: too few characters in common
    expect(lcsLength(norm(printed), norm(LABEL)) / norm(LABEL).length).toBeLessThan(0.7);
    const { r, wrong, unread } = await score(file, name, (t) => t.replace(LABEL, printed));
    expect(wrong).toEqual([]);
    expect(unread).toEqual([]);
    const named = r.diagnostics.find((d) => d.pointer === ROW && d.reason === "label-variant");
    expect(named?.message).toContain(printed);
    expect(r.diagnostics.some((d) => d.pointer === ROW && d.reason === "inferred")).toBe(false);
  });

  it("two substitutions that are not look-alikes do not name it: only its place does", async () => {
    const { r, wrong } = await score(file, name, (t) => t.replace(LABEL, "2.重复丙汁"));
    expect(wrong).toEqual([]);
    expect(r.diagnostics.some((d) => d.pointer === ROW && d.reason === "label-variant")).toBe(false);
    expect(r.diagnostics.some((d) => d.pointer === ROW && d.reason === "inferred")).toBe(true);
  });
});

describe("where its place cannot name it (the next row lost), only the look-alikes do", () => {
  const file = "raw/01-huaian-city-2024.txt";
  const name = "01-huaian-city-2024";
  const lost = "/applications/results/notProcessed/publication";
  // the row after it cut out: two rows left between placed neighbours, one line — no placing by position
  const cut = (t: string) => t.replace(/3\.要求提供公开出版物[^\n]*\n/, "");

  it("two look-alike confusions: the row is read, only the lost row is not", async () => {
    const { wrong, unread } = await score(file, name, (t) => cut(t.replace(LABEL, "2.重复甲清")));
    expect(wrong).toEqual([]);
    expect(unread.every((p) => p.startsWith(`${lost}/`))).toBe(true);
  });

  it("two other substitutions: the row is not read, and nothing is guessed", async () => {
    const { r, wrong, unread } = await score(file, name, (t) => cut(t.replace(LABEL, "2.重复丙汁")));
    expect(wrong).toEqual([]);
    expect(unread.some((p) => p.startsWith(`${ROW}/`))).toBe(true);
    expect(r.diagnostics.some((d) => d.reason === "extra")).toBe(true);
  });
});

describe("run-together text: a heading read with two OCR confusions", () => {
  // in one long run the words after a number must be most of the heading's (0.8): 总体情况 with two
  // characters changed keeps half of them, and two look-alikes keep nearly all
  const file = "raw/07-pingtan-2023.txt";
  const heading = "一、总体情况";

  it("体 → 休, 情 → 请: still its section", async () => {
    const text = readFileSync(join(corpus, file), "utf8").replace(heading, "一、总休请况");
    const r = await importReport(text);
    expect(r.diagnostics.some((d) => d.pointer === "/overview" && d.reason === "missing")).toBe(false);
    expect(r.diagnostics.find((d) => d.pointer === "/overview" && d.reason === "label-variant")?.message).toContain("总休请况");
  });

  it("two characters that are not look-alikes: the section is not found, and said so", async () => {
    const text = readFileSync(join(corpus, file), "utf8").replace(heading, "一、总丙丁况");
    const r = await importReport(text);
    expect(r.diagnostics.some((d) => d.pointer === "/overview" && d.reason === "missing")).toBe(true);
  });
});
