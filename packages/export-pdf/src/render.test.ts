// renderPdf with the system's Chromium: an A4 PDF whose pages are numbered, from which the
// importer reads the report back; and a clear message naming the package when there is no Chromium.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { importReport } from "@zfxxgk/import";
import { programForTests } from "@zfxxgk/system-programs/testing";
import { afterAll, describe, expect, it } from "vitest";
import { PdfExportError, renderPdf } from "./index.js";

const root = resolve(import.meta.dirname, "../../..");
const seed = () => JSON.parse(readFileSync(join(root, "examples/tacheng-2024/report.json"), "utf8"));
const chromium = programForTests("chromium");
const pdftotext = programForTests("pdftotext");
const dir = mkdtempSync(join(tmpdir(), "zfxxgk-pdf-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!chromium || !pdftotext)("the seed printed by Chromium", () => {
  let pdf: Uint8Array;
  it("is a PDF of A4 pages, each numbered 第 n 页 / 共 N 页", async () => {
    pdf = await renderPdf(seed());
    expect(Buffer.from(pdf.subarray(0, 5)).toString("latin1")).toBe("%PDF-");
    const file = join(dir, "seed.pdf");
    writeFileSync(file, pdf);
    // A4 is 595 × 842 points: the page box of every page
    const boxes = [
      ...Buffer.from(pdf)
        .toString("latin1")
        .matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g),
    ].map((m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))]);
    const pages = spawnSync(pdftotext!, ["-layout", "-enc", "UTF-8", file, "-"], { encoding: "utf8" })
      .stdout.split("\f")
      .filter((p) => p.trim());
    expect(pages.length).toBeGreaterThan(1);
    expect(boxes).toEqual(pages.map(() => [595, 842]));
    pages.forEach((p, i) => expect(p.replace(/\s/g, "")).toContain(`第${i + 1}页/共${pages.length}页`));
  });

  it("imported (its pdftotext text, as from any PDF), gives the report back: every cell exact", async () => {
    // the text, not the PDF: the importer's PDF reader stops at 20 s of wall-clock time, which a
    // machine busy with other tests can reach; LibreOffice's PDFs are imported as PDFs (export-docx)
    const text = spawnSync(pdftotext!, ["-layout", "-enc", "UTF-8", join(dir, "seed.pdf"), "-"], { encoding: "utf8" }).stdout;
    const { report: back, diagnostics } = await importReport(text, { format: "text" });
    expect(back, JSON.stringify(diagnostics.slice(0, 3))).not.toBeNull();
    const report = seed();
    for (const t of ["proactiveDisclosure", "applications", "reviewAndLitigation"]) expect((back as any)[t], t).toEqual(report[t]);
    expect(back!.title).toBe(report.title);
  }, 120_000);
});

describe("without Chromium", () => {
  it("says which package to install, in zh-CN and in English", async () => {
    const saved = process.env.CHROMIUM_PATH;
    process.env.CHROMIUM_PATH = join(dir, "no-such-chromium");
    try {
      await expect(renderPdf(seed())).rejects.toMatchObject({
        code: "NO-CHROMIUM",
        message: expect.stringContaining("apt-get install chromium"),
      });
      await expect(renderPdf(seed(), { locale: "en" })).rejects.toThrow(/chromium is not installed: install the Debian package chromium/);
      await expect(renderPdf(seed())).rejects.toThrow(/未找到 chromium/);
    } finally {
      if (saved === undefined) delete process.env.CHROMIUM_PATH;
      else process.env.CHROMIUM_PATH = saved;
    }
  });

  it("a given path where no program is: the same message", async () => {
    const e = await renderPdf(seed(), { executablePath: join(dir, "missing") }).catch((x) => x);
    expect(e).toBeInstanceOf(PdfExportError);
    expect(e.code).toBe("NO-CHROMIUM");
  });
});

describe("options it does not take", () => {
  it("a locale other than zh-CN or en, and a time limit that is not positive, are refused before any browser starts", async () => {
    const missing = join(dir, "never-started");
    await expect(renderPdf(seed(), { locale: "fr" as never, executablePath: missing })).rejects.toMatchObject({
      code: "OPTION",
      message: '选项 locale 不能是 "fr"',
    });
    await expect(renderPdf(seed(), { locale: "en", timeoutMs: 0, executablePath: missing })).rejects.toMatchObject({
      code: "OPTION",
      message: "option timeoutMs cannot be 0",
    });
  });
});
