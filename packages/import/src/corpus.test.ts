// The real reports of corpus/ against their hand-checked figures (truth/*.json): no cell is
// ever wrong; PDFs, PDF text and HTML pages are read completely; in crawled text whose cells run
// together, a cell not read is reported ambiguous and its true value is among the readings listed.
import { spawnSync } from "node:child_process";
import { programForTests } from "@zfxxgk/system-programs/testing";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { labels } from "@zfxxgk/schema";
import { fill, validate } from "@zfxxgk/validator";
import { importReport, type ImportResult } from "./index.js";
import { corpus, example } from "./test-support/paths.js";
import { at, corpusFiles, editionOf, is2019, readTruth, truthCells } from "./test-support/truth.js";

const files = corpusFiles();

/**
 * The faults a truth file notes, as the validator reports them: its issues say the arithmetic
 * "all pass", or name the columns where table 三's outcome rows do not add up to （七）总计 (平潭 2020:
 * 自然人 and 总计). actual and expected come from the truth's figures, not from the importer.
 */
function notedFaults(t: ReturnType<typeof readTruth>): { code: string; pointer: string; actual: number; expected: number }[] {
  if (/all pass/i.test(t.issues)) return [];
  const rows = Object.entries(t.table3Rows);
  const totalAt = rows.findIndex(([k]) => k.includes("（七）总计"));
  const outcomes = rows.slice(2, totalAt);
  const columns = Object.keys(labels[editionOf(t)].applications.columns);
  const out: { code: string; pointer: string; actual: number; expected: number }[] = [];
  columns.forEach((c, j) => {
    const actual = rows[totalAt]![1][j]!;
    const expected = outcomes.reduce((s, [, v]) => s + (v[j] ?? 0), 0);
    if (actual !== expected) out.push({ code: "R3", pointer: `/applications/results/total/${c}`, actual, expected });
  });
  return out;
}
/**
 * The rule errors of the published figures: the imported report with every table cell replaced by
 * the truth's figure, validated. The importer's text fields do not enter any rule.
 */
function faultsOf(
  report: unknown,
  t: ReturnType<typeof readTruth>,
): { code: string; pointer: string; actual: unknown; expected: unknown }[] {
  const copy = structuredClone(report) as Record<string, unknown>;
  for (const [pointer, value] of truthCells(t)) {
    const keys = pointer.split("/").slice(1);
    let o = copy as Record<string, unknown>;
    for (const k of keys.slice(0, -1)) o = (o[k] ??= {}) as Record<string, unknown>;
    o[keys[keys.length - 1]!] = value;
  }
  expect(notedFaults(t).every((f) => validate(copy).issues.some((i) => i.pointer === f.pointer && i.code === f.code))).toBe(true);
  return validate(copy)
    .issues.filter((i) => i.severity === "error" && !i.code.startsWith("SCHEMA"))
    .map((e) => ({ code: e.code, pointer: e.pointer, actual: e.actual, expected: e.expected }));
}

const results = new Map<string, Promise<ImportResult>>();
const imported = (file: string) => {
  let r = results.get(file);
  if (!r) results.set(file, (r = importReport(readFileSync(join(corpus, file)))));
  return r;
};

describe("the corpus", () => {
  it("has every kind of input the issue names", () => {
    const kinds = new Set(files.map((f) => f.kind));
    expect([...kinds].sort()).toEqual(["cell-per-line", "html", "markdown", "pdf", "pdf-text", "run-together"]);
  });
});

describe.each(files)("$file", ({ file, name, kind }) => {
  const truth = readTruth(name);
  const expected = truthCells(truth);

  it("no cell is wrong, and a cell the source leaves blank is null", async () => {
    const r = await imported(file);
    const doc = r.report;
    const wrong: string[] = [];
    for (const [pointer, want] of expected) {
      const got = at(doc, pointer) ?? null;
      if (got === null) {
        continue; // unknown, checked below
      }
      if (want === null || typeof got !== "number" || Math.abs(got - want) > 1e-9)
        wrong.push(`${pointer}: ${String(got)} ≠ ${String(want)}`);
    }
    expect(wrong).toEqual([]);
    const blanks = [...expected].filter(([, v]) => v === null).map(([p]) => p);
    for (const p of blanks) expect(at(doc, p), p).toBeNull();
  });

  // text whose cells run together is split by the rules, which may leave readings open; every
  // other shape prints each cell in its place
  const splits = kind === "run-together";
  it(splits ? "every cell not read is reported ambiguous, with its true value among the readings" : "every cell is read", async () => {
    const r = await imported(file);
    const doc = r.report;
    const unknown = [...expected].filter(([p, v]) => v !== null && (at(doc, p) ?? null) === null);
    if (kind === "markdown") {
      // a converter's Markdown may displace a cell (an empty pipe cell, its figure on a loose line):
      // such a cell is null and said so at its pointer, never read from somewhere else
      for (const [p] of unknown)
        expect(
          r.diagnostics.some((d) => d.pointer === p && d.severity !== "error"),
          p,
        ).toBe(true);
      return;
    }
    if (!splits) {
      expect(unknown.map(([p]) => p)).toEqual([]);
      return;
    }
    const ambiguous = new Map(r.diagnostics.filter((d) => d.reason === "ambiguous").map((d) => [d.pointer, d]));
    for (const [p, v] of unknown) {
      const d = ambiguous.get(p);
      expect(d, `${p} is unknown but not reported ambiguous`).toBeDefined();
      expect(
        d!.candidates!.some((c) => typeof c[p] === "number" && Math.abs(c[p]! - v!) < 1e-9),
        `${p}: the true ${v} is not among the readings`,
      ).toBe(true);
    }
    // and a reading is never reported for a cell that was read
    for (const p of ambiguous.keys()) expect(at(doc, p)).toBeNull();
  });

  it(is2019(truth) ? "is a 2019-edition report, and says so" : "is a 2021-edition report", async () => {
    const r = await imported(file);
    expect(r.edition).toBe(editionOf(truth));
    expect(r.report?.edition).toBe(editionOf(truth));
    expect(r.report!.year).toBe(truth.year);
    expect(r.stats.cells).toBe(expected.size);
    if (is2019(truth))
      expect(r.diagnostics.filter((d) => d.reason === "edition")).toEqual([
        expect.objectContaining({ pointer: "/edition", severity: "info" }),
      ]);
  });

  it("validates with exactly the faults of its published figures; a schema error only for a field the source does not print", async () => {
    const r = await imported(file);
    const errors = validate(r.report).issues.filter((i) => i.severity === "error");
    const rules = errors.filter((e) => !e.code.startsWith("SCHEMA"));
    expect(rules.map((e) => ({ code: e.code, pointer: e.pointer, actual: e.actual, expected: e.expected }))).toEqual(
      faultsOf(r.report, truth),
    );
    // a title or agency not printed (a crawler kept it apart from the text) is said missing by the importer
    const missing = new Set(r.diagnostics.filter((d) => d.reason === "missing").map((d) => d.pointer));
    for (const e of errors.filter((e) => e.code.startsWith("SCHEMA")))
      expect(e.code === "SCHEMA-REQUIRED" && missing.has(e.pointer), `${e.code} ${e.pointer}`).toBe(true);
  });

  it("says where each cell that was not read plainly came from", async () => {
    const r = await imported(file);
    for (const d of r.diagnostics.filter(
      (d) => ["blank", "ambiguous", "split-by-rules", "inferred"].includes(d.reason) && d.pointer.split("/").length > 3,
    )) {
      const s = d.source;
      const where =
        kind === "html"
          ? s.htmlTable !== undefined && s.htmlRow !== undefined
          : kind === "pdf"
            ? s.page !== undefined && s.line !== undefined
            : s.line !== undefined;
      expect(where, `${d.pointer} ${JSON.stringify(s)}`).toBe(true);
    }
  });
});

/**
 * The figures `npm run eval:import` prints, per file: cells the truth has a figure for that the
 * import leaves null. Run-together text: table 二's rows of several columns, which no rule links
 * (3 per 2021 report: 行政规范性文件; 19 and 16 in the 2019 format's nine-row table 二). Markdown:
 * the 总计 its converter displaced onto a loose line (the truth file's issues, fault 1).
 */
const UNKNOWN: Record<string, number> = {
  "raw/03-pingtan-2019.txt": 19,
  "raw/04-pingtan-2020.txt": 16,
  "raw/05-pingtan-2021.txt": 3,
  "raw/07-pingtan-2023.txt": 3,
  "raw/09-pingtan-2025.txt": 3,
  "raw/15-hebei-gxt-2022.txt": 3,
  "raw/19-shanghai-stcsm-2024.txt": 1,
};

describe("measured against the truth, file by file", () => {
  it.each(files)("$file ($kind): every cell correct but the known unknowns, none wrong", async ({ file, name }) => {
    const r = await imported(file);
    let correct = 0;
    let unknown = 0;
    for (const [p, want] of truthCells(readTruth(name))) {
      const got = at(r.report, p) ?? null;
      if (got === want || (typeof got === "number" && typeof want === "number" && Math.abs(got - want) < 1e-9)) correct++;
      else if (got === null) unknown++;
    }
    const cells = truthCells(readTruth(name)).size;
    expect({ correct, unknown }).toEqual({ correct: cells - (UNKNOWN[file] ?? 0), unknown: UNKNOWN[file] ?? 0 });
    // an import that leaves a printed figure unknown never calls itself complete
    if (unknown > 0) expect(r.status).not.toBe("complete");
  });
});

describe("the seed (塔城市 2024, PDF text)", () => {
  it("imports to the example report, transcribed by hand, except what the text does not print", async () => {
    const r = await importReport(readFileSync(join(corpus, "raw/00-tacheng-2024.txt")));
    const want = JSON.parse(readFileSync(example, "utf8"));
    // not in the source: the region code and the scope were added by the transcriber
    delete want.agency.regionCode;
    delete want.scope;
    expect(r.report).toEqual(want);
  });

  it("is valid after fill, and valid before (its blank totals are warnings)", async () => {
    const r = await importReport(readFileSync(join(corpus, "raw/00-tacheng-2024.txt")));
    expect(validate(r.report).valid).toBe(true);
    const filled = validate(fill(r.report));
    expect(filled.valid).toBe(true);
    expect(filled.issues.filter((i) => i.severity !== "info")).toEqual([]);
  });

  it("says which cells are blank and why the rows' figures sit where they do", async () => {
    const r = await importReport(readFileSync(join(corpus, "raw/00-tacheng-2024.txt")));
    const blank = r.diagnostics.filter((d) => d.reason === "blank").map((d) => d.pointer);
    const truthBlank = [...truthCells(readTruth("00-tacheng-2024"))].filter(([, v]) => v === null).map(([p]) => p);
    expect(blank.sort()).toEqual(truthBlank.sort());
    expect(r.stats.blank).toBe(truthBlank.length);
    // the four rows print six figures for seven cells: their placement is inferred, not read
    const inferredRows = new Set(
      r.diagnostics
        .filter((d) => d.reason === "inferred" && d.pointer.startsWith("/applications"))
        .map((d) => d.pointer.replace(/\/[^/]+$/, "")),
    );
    expect([...inferredRows].sort()).toEqual([...new Set(truthBlank.map((p) => p.replace(/\/[^/]+$/, "")))].sort());
    // the variants the truth file notes: 社会组织 and 规范性文件
    const variants = r.diagnostics.filter((d) => d.reason === "label-variant").map((d) => d.message);
    expect(variants.some((m) => m.includes("社会组织"))).toBe(true);
    expect(variants.some((m) => m.includes("规范性文件"))).toBe(true);
  });
});

describe("PDF text however its extractor separates cells", () => {
  it.each(["raw/00-tacheng-2024.txt", "raw/01-huaian-city-2024.txt"])(
    "%s: tabs, runs of spaces or single spaces read the same",
    async (file) => {
      const text = readFileSync(join(corpus, file), "utf8");
      const tabs = (await importReport(text)).report!;
      for (const sep of ["   ", " "]) {
        const r = (await importReport(text.replace(/\t+/g, sep))).report!;
        for (const key of ["proactiveDisclosure", "applications", "reviewAndLitigation", "overview"] as const)
          expect(r[key], `${key} with ${JSON.stringify(sep)}`).toEqual(tabs[key]);
      }
    },
  );
});

const pdftotext = programForTests("pdftotext");

describe.skipIf(!pdftotext)("the 淮安 PDF through poppler's pdftotext (a tool users extract text with)", () => {
  const dir = mkdtempSync(join(tmpdir(), "zfxxgk-pdftotext-"));
  const extract = (mode: string[]) => {
    const out = join(dir, `${mode.join("") || "plain"}.txt`);
    const r = spawnSync(pdftotext!, [...mode, join(corpus, "pdf/01-huaian-city-2024.pdf"), out], { encoding: "utf8" });
    if (r.error || r.status !== 0) throw new Error(`pdftotext failed: ${r.error?.message ?? r.stderr}`);
    return readFileSync(out);
  };
  const expected = truthCells(readTruth("01-huaian-city-2024"));
  const score = (doc: unknown) => {
    let correct = 0;
    const wrong: string[] = [];
    for (const [p, want] of expected) {
      const got = at(doc, p) ?? null;
      if (got === want) correct++;
      else if (got !== null) wrong.push(`${p}: ${String(got)} ≠ ${String(want)}`);
    }
    return { correct, wrong };
  };

  it("-layout (columns kept): every cell read", async () => {
    const r = await importReport(extract(["-layout"]));
    expect(score(r.report)).toEqual({ correct: expected.size, wrong: [] });
  });

  it("reading order (one cell per line, the table scrambled): cells not read, but none wrong", async () => {
    const r = await importReport(extract([]));
    expect(score(r.report).wrong).toEqual([]);
  });
});

describe("the 淮安 PDF", () => {
  it("is valid after fill", async () => {
    const r = await imported("pdf/01-huaian-city-2024.pdf");
    expect(r.format).toBe("pdf");
    expect(validate(fill(r.report)).valid).toBe(true);
  });

  it("reads the same cells, title and text sections as the text extracted from it", async () => {
    const pdf = (await imported("pdf/01-huaian-city-2024.pdf")).report!;
    const txt = (await imported("raw/01-huaian-city-2024.txt")).report!;
    for (const key of ["proactiveDisclosure", "applications", "reviewAndLitigation", "title", "year"] as const)
      expect(pdf[key]).toEqual(txt[key]);
    // the PDF spaces figures from the words around them (5500 余条); the extracted text does not
    const squash = (v: unknown) => JSON.stringify(v).replace(/\s+/g, "");
    for (const key of ["overview", "problemsAndImprovements", "otherMatters"] as const) expect(squash(pdf[key])).toBe(squash(txt[key]));
  });
});

describe("the 2019-edition reports (平潭 2019, 2020)", () => {
  const pages = files.filter((f) => f.kind === "html" && is2019(readTruth(f.name)));
  const texts = files.filter((f) => f.kind === "run-together" && is2019(readTruth(f.name)));

  it("are in the corpus as web pages and crawled text", () => {
    expect(pages.map((f) => f.name)).toEqual(["03-pingtan-2019", "04-pingtan-2020"]);
    expect(texts.map((f) => f.name)).toEqual(["03-pingtan-2019", "04-pingtan-2020"]);
  });

  it.each(pages)("$file: 采购总金额 in 万元, its printed text (元) kept in sourceTokens", async ({ file, name }) => {
    const r = await imported(file);
    const printed = Object.entries(readTruth(name).table2Raw!).find(([k]) => k.startsWith("政府集中采购"))![1][1] as string;
    const pointer = "/proactiveDisclosure/article20Item9/governmentCentralizedProcurement/procurementTotalAmount";
    expect(printed).toMatch(/^[\d.]+元$/);
    expect(at(r.report, pointer)).toBeCloseTo(Number(printed.replace("元", "")) / 10000, 9);
    expect(r.report!.sourceTokens).toEqual({ [pointer]: printed });
  });

  it.each(texts)(
    "$file: a row of table 二 with a signed 本年增/减 run together is read where it splits one way only",
    async ({ file, name }) => {
      const r = await imported(file);
      if (r.edition !== "2019") throw new Error(`${file} is not read as a 2019 report`);
      const raw = readTruth(name).table2Raw!;
      const fees = Object.entries(raw).find(([k]) => k.startsWith("行政事业性收费"))![1];
      const row = r.report.proactiveDisclosure.article20Item8.administrativeFees;
      // 2019 prints 35|0 as 350 (35|0 or 3|50: not known); 2020 prints 35|-15 as 35-15 (one way only)
      if ((fees[1] as number) < 0) expect([row.previousYearItemCount, row.changeThisYear]).toEqual(fees);
      else expect([row.previousYearItemCount, row.changeThisYear]).toEqual([null, null]);
    },
  );
});
