// Round trips through the exporter a user publishes with: report → renderHtml → importReport, and
// report → renderHtml → real Chromium print to PDF → importReport, must give the report back
// (from the PDF, text up to whitespace at line wraps, which a PDF does not keep).
// The HTML prints what a published report prints; fields the format never prints (scope, the
// region and credit codes, the raw source tokens, aggregate members, migration notes) are not
// carried, so the comparison leaves exactly those out.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumArgs } from "@zfxxgk/system-programs";
import { programForTests } from "@zfxxgk/system-programs/testing";
import { chromium, type Browser } from "playwright-core";
import { renderHtml } from "@zfxxgk/export-html";
import { fill } from "@zfxxgk/validator";
import { importReport } from "./index.js";

const root = resolve(import.meta.dirname, "../../..");
const read = (p: string) => JSON.parse(readFileSync(join(root, p), "utf8"));

/** The report as its printed form can hold it. */
function printed(report: any): any {
  const r = structuredClone(report);
  for (const k of ["$schema", "scope", "members", "migratedFrom", "sourceTokens", "publishedOn"]) delete r[k];
  delete r.agency.regionCode;
  delete r.agency.creditCode;
  return r;
}

const reports: [string, any][] = [
  ["the 塔城市 2024 example, filled", fill(read("examples/tacheng-2024/report.json"))],
  ["the 塔城市 2024 example as written, with its four blank 总计 cells", read("examples/tacheng-2024/report.json")],
  ["淮安市 2024 figures (rule fixtures' base)", read("packages/schema/rules/fixtures/2021/base.json")],
];

describe.each(reports)("%s", (_name, report) => {
  it("→ HTML → import gives the report back", async () => {
    const { report: back, diagnostics } = await importReport(renderHtml(report, { mode: "document" }), { format: "auto" });
    expect(printed(back)).toEqual(printed(report));
    // nothing was guessed from the numbers: every cell was read as printed
    expect(diagnostics.filter((d) => d.reason === "split-by-rules" || d.reason === "ambiguous")).toEqual([]);
  });

  it("→ HTML fragment → import gives the report back", async () => {
    const { report: back } = await importReport(renderHtml(report, { mode: "fragment" }), { format: "html" });
    expect(printed(back)).toEqual(printed(report));
  });
});

const chromiumPath = programForTests("chromium");

describe.skipIf(!chromiumPath)("→ HTML → Chromium PDF → import", () => {
  let browser: Browser;
  const dir = mkdtempSync(join(tmpdir(), "zfxxgk-roundtrip-"));
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: chromiumPath!,
      args: [...chromiumArgs],
    });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(reports)(
    "%s",
    async (_name, report) => {
      const tab = await browser.newPage();
      let pdf: Buffer;
      try {
        await tab.setContent(renderHtml(report, { mode: "document" }), { waitUntil: "load" });
        pdf = await tab.pdf({ preferCSSPageSize: true, printBackground: true });
      } finally {
        await tab.close();
      }
      const { report: back } = await importReport(pdf, { format: "auto" });
      expect(back).not.toBeNull();
      // PDF text set in Noto CJK carries full-width forms that its extraction folds (NFKC), and a
      // line that wrapped at a space loses the space: text is compared without whitespace, every
      // number and cell exactly
      const flat = (r: any) =>
        JSON.parse(JSON.stringify(printed(r)), (_k, v) => (typeof v === "string" ? v.normalize("NFKC").replace(/\s+/g, "") : v));
      expect(flat(back)).toEqual(flat(report));
    },
    60_000,
  );
});
