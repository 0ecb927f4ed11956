// Every import says what became of every cell and whether a person must look: complete, partial or
// failed — a table missing, a scan with no text or nothing read is never a quiet empty report.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { programForTests } from "@zfxxgk/system-programs/testing";
import { describe, expect, it } from "vitest";
import { FAILED_SHARE, importReport } from "../index.js";
import { statusOf } from "./completeness.js";
import { corpus } from "../test-support/paths.js";
import { imagePdf } from "../test-support/scanned-pdf.js";
import { readTruth, truthCells } from "../test-support/truth.js";

const seed = readFileSync(join(corpus, "raw/00-tacheng-2024.txt"), "utf8");

describe("completeness counts every cell once", () => {
  it("the seed: complete, every cell read or blank as printed", async () => {
    const r = await importReport(seed);
    const c = r.completeness;
    expect(r.status).toBe("complete");
    expect(c.readAsPrinted + c.placedByRules + c.blankAsPrinted + c.splitByRules + c.ambiguous + c.notFound).toBe(c.cells);
    expect(c.cells).toBe(200);
    // the truth of the seed: 总计 blank in rows 一, 二, （一）, （二）
    expect(c.blankAsPrinted).toBe(4);
    expect(c.tablesNotFound).toEqual([]);
  });

  it("figures whose column the rules placed are counted apart from those read in their own cell", async () => {
    // the seed's text prints six figures on the rows whose 总计 is blank (truth: null): which column
    // each figure is in, the rules decide; every other row prints all seven
    const truth = truthCells(readTruth("00-tacheng-2024"));
    const rowOf = (p: string) => p.slice(0, p.lastIndexOf("/"));
    const shortRows = new Set([...truth].filter(([p, v]) => p.startsWith("/applications/") && v === null).map(([p]) => rowOf(p)));
    const placed = [...truth].filter(([p, v]) => shortRows.has(rowOf(p)) && v !== null).map(([p]) => p);
    const blanks = [...truth.values()].filter((v) => v === null).length;
    expect(shortRows.size).toBe(4);
    const r = await importReport(seed);
    const c = r.completeness;
    expect(c.placedByRules).toBe(placed.length);
    expect(c.readAsPrinted).toBe(c.cells - placed.length - blanks);
    // every such cell says so, and no other: an integrator can find them
    const inferred = r.diagnostics.filter((d) => d.reason === "inferred" && d.pointer.startsWith("/applications/")).map((d) => d.pointer);
    expect(inferred.sort()).toEqual(placed.sort());
    // read, so the import is still complete
    expect(r.status).toBe("complete");
  });

  it("a report whose every figure sits in its own cell has none placed by the rules", async () => {
    const r = await importReport(readFileSync(join(corpus, "raw/05-pingtan-2021.page.html")));
    expect(r.completeness.placedByRules).toBe(0);
    expect(r.completeness.readAsPrinted).toBe(200);
  });

  it("crawled text with a run no rule splits: partial, the ambiguous cells counted", async () => {
    // 平潭 2021 crawled text: 行政规范性文件's three figures run together with no rule to split them
    const r = await importReport(readFileSync(join(corpus, "raw/05-pingtan-2021.txt")));
    expect(r.status).toBe("partial");
    expect(r.completeness.ambiguous).toBe(3);
    expect(r.completeness.notFound).toBe(0);
  });

  it("a table cut out of the text: failed, the table named", async () => {
    const cut = seed.replace(/四、政府信息公开行政复议、行政诉讼情况[\s\S]*?(?=五、存在的主要问题)/, "");
    expect(cut.length).toBeLessThan(seed.length);
    const r = await importReport(cut);
    expect(r.report).not.toBeNull();
    expect(r.status).toBe("failed");
    expect(r.completeness.tablesNotFound).toEqual(["reviewAndLitigation"]);
    expect(r.completeness.notFound).toBe(15);
  });

  it("text with the tables' headings but no figures: failed", async () => {
    const headings = [
      "一、总体情况",
      "二、主动公开政府信息情况",
      "三、收到和处理政府信息公开申请情况",
      "四、政府信息公开行政复议、行政诉讼情况",
      "五、存在的主要问题及改进情况",
      "六、其他需要报告的事项",
    ];
    const r = await importReport(headings.map((h) => `${h}\n本年度无。\n`).join("\n"));
    expect(r.status).toBe("failed");
    expect(r.completeness.notFound).toBe(r.completeness.cells);
  });

  it("more than FAILED_SHARE of the cells not read is failed, up to it partial", () => {
    const at = (notRead: number) =>
      statusOf(
        {
          cells: 200,
          readAsPrinted: 200 - notRead,
          placedByRules: 0,
          blankAsPrinted: 0,
          splitByRules: 0,
          ambiguous: 0,
          notFound: notRead,
          tablesNotFound: [],
        },
        true,
      );
    const limit = Math.floor(FAILED_SHARE * 200);
    expect(at(limit)).toBe("partial");
    expect(at(limit + 1)).toBe("failed");
    expect(at(0)).toBe("complete");
  });

  it("nothing usable: failed with every table not found", async () => {
    const r = await importReport("hello");
    expect(r.status).toBe("failed");
    expect(r.completeness.tablesNotFound).toEqual(["proactiveDisclosure", "applications", "reviewAndLitigation"]);
  });
});

const pdftoppm = programForTests("pdftoppm");

describe.skipIf(!pdftoppm)("a scanned PDF (pages as images, no text layer)", () => {
  it("says 扫描件，无文字层 / scanned: no text layer, status failed, no report", async () => {
    const dir = mkdtempSync(join(tmpdir(), "zfxxgk-scan-"));
    // the pages of a real report as a scanner would deliver them: pictures of the printed pages
    const r = spawnSync(pdftoppm!, [
      "-jpeg",
      "-r",
      "40",
      "-f",
      "1",
      "-l",
      "2",
      join(corpus, "pdf/10-hongze-district-2023.pdf"),
      join(dir, "page"),
    ]);
    expect(r.status).toBe(0);
    const pages = readdirSync(dir)
      .filter((f) => f.endsWith(".jpg"))
      .sort()
      .map((f) => readFileSync(join(dir, f)));
    expect(pages.length).toBe(2);
    const pdf = imagePdf(pages);
    const zh = await importReport(pdf);
    expect(zh.format).toBe("pdf");
    expect(zh.report).toBeNull();
    expect(zh.status).toBe("failed");
    expect(zh.diagnostics[0]).toMatchObject({ reason: "scanned", severity: "error", pointer: "" });
    expect(zh.diagnostics[0]!.message).toContain("扫描件，无文字层");
    const en = await importReport(pdf, { locale: "en" });
    expect(en.diagnostics[0]!.message).toContain("scanned: no text layer");
  });
});
