// PDFs from a hostile or careless sender: the reading stays bounded and says what is wrong.
import { describe, expect, it } from "vitest";
import { importReport } from "../index.js";
import { linesOfPage, pdfDoc, type Item } from "./pdf-lines.js";
import { ImportFailure } from "../errors.js";
import { imageOnlyPdf, oneBaselinePdf, passwordPdf } from "../test-support/hostile-pdf.js";

describe("PDFs that are not what they seem", () => {
  it("a password-protected PDF says it is encrypted (zh-CN and en)", async () => {
    const en = await importReport(passwordPdf(), { locale: "en" });
    expect(en.report).toBeNull();
    expect(en.diagnostics[0]).toMatchObject({
      reason: "unreadable",
      severity: "error",
      message: "the PDF is encrypted (password-protected) and cannot be read; use an unencrypted copy",
    });
    const zh = await importReport(passwordPdf());
    expect(zh.diagnostics[0]!.message).toBe("PDF 已加密（受密码保护），无法读取；请用未加密的版本");
  });

  it("a PDF of page images says scanned: no text layer", async () => {
    const r = await importReport(imageOnlyPdf(), { locale: "en" });
    expect(r.report).toBeNull();
    expect(r.diagnostics[0]).toMatchObject({
      reason: "scanned",
      message: "scanned: no text layer — the PDF's pages are images with no text to read; nothing imported (run OCR first)",
    });
  });
});

describe("bounded reading", () => {
  it("300k items on one baseline (a 44 KB file) make one line in bounded CPU time", async () => {
    const bytes = oneBaselinePdf(300_000);
    expect(bytes.length).toBeLessThan(64 * 1024);
    const before = process.cpuUsage();
    const doc = await pdfDoc(bytes);
    const used = process.cpuUsage(before);
    expect(doc.lines).toHaveLength(1);
    expect(doc.lines[0]!.cells).toHaveLength(1);
    expect(doc.lines[0]!.text.startsWith("1212")).toBe(true);
    // before: 49 s for 26 KB, then a stack overflow; process-wide CPU includes the worker thread
    expect((used.user + used.system) / 1e6).toBeLessThan(20);
  });

  it("linesOfPage takes a million items on one baseline without a stack overflow", () => {
    const items: Item[] = Array.from({ length: 1_000_000 }, (_, i) => ({ str: "7", x: 20 + (i % 50) * 11, y: 700, w: 5, fs: 10 }));
    const lines = linesOfPage(items, 1);
    expect(lines).toHaveLength(1);
    expect(lines[0]!.cells).toHaveLength(1);
    // every item kept: the first run of 50 is spaced apart, the rest overlap it
    expect(lines[0]!.text.replace(/ /g, "")).toHaveLength(1_000_000);
  });

  it("the reading is stopped at the time limit: the worker is terminated, the failure is a timeout", async () => {
    const error = await pdfDoc(oneBaselinePdf(300_000), 5).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportFailure);
    expect((error as ImportFailure).code).toBe("timeout");
    // and the next PDF is read as usual, on a fresh worker
    const doc = await pdfDoc(oneBaselinePdf(10));
    expect(doc.lines).toHaveLength(1);
  });
});
