// Real software nobody here wrote: LibreOffice opens each document headless and prints it to PDF,
// and the importer reads the report back from that PDF — from the PDF itself, and from its text as
// pdftotext gives it — with every cell exact and the text equal up to the whitespace a printed
// line wrap changes. For the seed, a 2019-edition report, a report with blank cells and a report
// full of hostile text.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { importReport } from "@zfxxgk/import";
import { convertWithLibreOffice, programForTests } from "@zfxxgk/system-programs/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readTruth, reportFromTruth } from "../../validator/src/test-support/report.js";
import { renderDocx } from "./index.js";

/**
 * The importer gives up on a PDF after 20 s of wall-clock time (reason "timeout"); on a machine
 * busy with other work that says nothing about the PDF, so a timed-out import is tried again.
 */
async function importPdf(pdf: Uint8Array) {
  let result = await importReport(pdf, { format: "pdf" });
  for (let i = 0; i < 2 && result.report === null && result.diagnostics.some((d) => d.reason === "timeout"); i++)
    result = await importReport(pdf, { format: "pdf" });
  return result;
}
import { seed } from "./test-support/docx.js";

const soffice = programForTests("soffice");
const pdftotext = programForTests("pdftotext");

/**
 * Blank where a reader of the printed page can tell which cell is blank without seeing the grid
 * lines: every 总计 of 表三 (the last column), whole rows of 表二 and 表三, and the whole of 表四. A
 * blank between two figures leaves no trace in a PDF's text; the layout tests (render.test.ts)
 * check that such a cell is written empty.
 */
function withBlanks(): any {
  const r = seed();
  const nullAll = (o: any) => {
    for (const k of Object.keys(o)) {
      if (o[k] !== null && typeof o[k] === "object") nullAll(o[k]);
      else o[k] = null;
    }
  };
  const totals = (o: any) => {
    for (const v of Object.values(o)) if (v !== null && typeof v === "object") totals(v);
    if ("total" in o && "naturalPerson" in o) o.total = null;
  };
  totals(r.applications);
  nullAll(r.proactiveDisclosure.article20Item1.regulations);
  nullAll(r.applications.results.partiallyGranted);
  nullAll(r.reviewAndLitigation);
  return r;
}

function hostile(): any {
  const r = seed();
  r.title = '塔城市人民政府2024年度政府信息公开工作年度报告<script>alert("x")</script>';
  r.preamble.push("</w:t></w:r></w:p><w:p><w:r><w:t>注入 & &amp; &lt;b&gt; ]]> \"引号\" '单引号' `反引号` {{title}} {{{preamble}}}");
  r.overview.paragraphs = ['<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>&e; 😀 𠀀 <w:br/> 结束。'];
  r.problemsAndImprovements.paragraphs = ["a<b 且 c>d，<!-- 注释 --> 与 <![CDATA[ 数据 ]]> 都是正文。"];
  return r;
}

/**
 * 2019's 表二 prints 采购总金额 with no unit (the format's header has none, the schema holds 万元):
 * the importer says it cannot tell 元 from 万元 and leaves the cell blank rather than guess.
 */
const UNITLESS = "/proactiveDisclosure/article20Item9/governmentCentralizedProcurement/procurementTotalAmount";
const expectedBack = (report: any) => {
  if (report.edition !== "2019") return report;
  const r = structuredClone(report);
  r.proactiveDisclosure.article20Item9.governmentCentralizedProcurement.procurementTotalAmount = null;
  return r;
};

const reports: [string, any][] = [
  ["the seed (塔城市 2024)", seed()],
  ["a 2019-edition report (平潭 2019, from the corpus truth)", reportFromTruth(readTruth("03-pingtan-2019"))],
  ["a report with blank cells", withBlanks()],
  ["a report full of hostile text", hostile()],
];

/** The report as its printed form can hold it: the fields the format never prints are left out. */
function printed(report: any): any {
  const r = structuredClone(report);
  for (const k of ["$schema", "scope", "members", "migratedFrom", "sourceTokens", "publishedOn"]) delete r[k];
  delete r.agency?.regionCode;
  delete r.agency?.creditCode;
  // the agency's kind and level are not printed: the importer infers them from its name
  delete r.agency?.kind;
  delete r.agency?.level;
  // a PDF folds full-width forms (NFKC) and loses the space where a line wrapped
  return JSON.parse(JSON.stringify(r), (_k, v) => (typeof v === "string" ? v.normalize("NFKC").replace(/\s+/g, "") : v));
}

/** The text of a text section as one string: text-form import cannot tell a page break inside a paragraph from a paragraph's end. */
const sectionText = (s: any) =>
  [...(s?.paragraphs ?? []), ...(s?.subsections ?? []).flatMap((x: any) => [x.heading, ...x.paragraphs])].join("");
const tablesOf = (r: any) => ({
  proactiveDisclosure: r.proactiveDisclosure,
  applications: r.applications,
  reviewAndLitigation: r.reviewAndLitigation,
});

describe.skipIf(!soffice || !pdftotext)("LibreOffice prints the .docx; the importer reads the report back", () => {
  const dir = mkdtempSync(join(tmpdir(), "zfxxgk-docx-lo-"));
  const pdfs: Buffer[] = [];
  beforeAll(() => {
    reports.forEach(([, report], i) => {
      const docx = join(dir, `report-${i}.docx`);
      writeFileSync(docx, renderDocx(report));
      let pdf: string;
      try {
        pdf = convertWithLibreOffice(soffice!, docx, "pdf", dir);
      } catch {
        // a LibreOffice that fails to start among many at once (a loaded CI machine) is given one
        // more go; a document it cannot open fails both times
        pdf = convertWithLibreOffice(soffice!, docx, "pdf", dir);
      }
      pdfs.push(readFileSync(pdf));
    });
  }, 300_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const text = (i: number, ...mode: string[]) => {
    const file = join(dir, `report-${i}.pdf`);
    const r = spawnSync(pdftotext!, [...mode, "-enc", "UTF-8", file, "-"], { encoding: "utf8" });
    if (r.status !== 0) throw new Error(`pdftotext failed: ${r.stderr}`);
    return r.stdout;
  };

  describe.each(reports.map(([name, report], i) => [name, report, i] as const))("%s", (_, report, i) => {
    it("the PDF, imported, is the report: every cell exact, text up to whitespace", async () => {
      const { report: back, diagnostics } = await importPdf(pdfs[i]!);
      expect(back).not.toBeNull();
      expect(printed(back)).toEqual(printed(expectedBack(report)));
      if (report.edition === "2019") expect(diagnostics.find((d) => d.pointer === UNITLESS)?.reason).toBe("ambiguous");
    }, 120_000);

    it("its pdftotext text, imported, gives every cell exact and every text section's text", async () => {
      const { report: back } = await importReport(text(i, "-layout"), { format: "text" });
      expect(back).not.toBeNull();
      expect(printed(tablesOf(back))).toEqual(printed(tablesOf(expectedBack(report))));
      expect(printed(back).title).toEqual(printed(report).title);
      for (const s of ["overview", "problemsAndImprovements", "otherMatters"]) {
        expect(printed({ t: sectionText(back![s as keyof typeof back]) }), s).toEqual(printed({ t: sectionText(report[s]) }));
      }
    }, 60_000);

    it("numbers every page — n — at its foot, and repeats 表三's header on each page it runs on", () => {
      const pages = text(i, "-layout")
        .split("\f")
        .filter((p) => p.trim() !== "");
      expect(pages.length).toBeGreaterThan(1);
      pages.forEach((p, n) => {
        const lines = p
          .split("\n")
          .map((l) => l.trim())
          .filter(Boolean);
        expect(lines.at(-1)!.replace(/\s/g, "")).toBe(`—${n + 1}—`);
      });
      const note = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）".replace(/\s/g, "");
      const start = pages.findIndex((p) => p.includes("三、收到和处理政府信息公开申请情况"));
      const end = pages.findIndex((p) => p.includes("四、结转下年度继续办理"));
      expect(start).toBeGreaterThanOrEqual(0);
      expect(end).toBeGreaterThanOrEqual(start);
      for (let n = start; n <= end; n++) expect(pages[n]!.replace(/\s/g, "").includes(note.slice(0, 8)), `page ${n + 1}`).toBe(true);
    });
  });
});
