// The real reports of ../shared/corpus against their hand-checked figures (truth/*.json): no cell is
// ever wrong; PDFs, PDF text and HTML pages are read completely; in crawled text whose cells run
// together, a cell not read is reported ambiguous and its true value is among the readings listed.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fill, validate } from "@zfxxgk/validator";
import { importReport, type ImportResult } from "./index.js";
import { corpus, example } from "./test-support/paths.js";
import { at, corpusFiles, is2019, readTruth, truthCells } from "./test-support/truth.js";

const files = corpusFiles();
const results = new Map<string, Promise<ImportResult>>();
const imported = (file: string) => {
  let r = results.get(file);
  if (!r) results.set(file, (r = importReport(readFileSync(join(corpus, file)))));
  return r;
};

describe("the corpus", () => {
  it("has every kind of input the issue names", () => {
    const kinds = new Set(files.map((f) => f.kind));
    expect([...kinds].sort()).toEqual(["crawled-text", "html", "pdf", "pdf-text"]);
  });
});

describe.each(files)("$file", ({ file, name, kind }) => {
  const truth = readTruth(name);
  const expected = truthCells(truth);

  it("no cell is wrong, and a cell the source leaves blank is null", async () => {
    const r = await imported(file);
    const doc = r.report ?? r.partial;
    const wrong: string[] = [];
    for (const [pointer, want] of expected) {
      const got = at(doc, pointer) ?? null;
      if (got === null) {
        continue; // unknown, checked below
      }
      if (want === null || typeof got !== "number" || Math.abs(got - want) > 1e-9) wrong.push(`${pointer}: ${String(got)} ≠ ${String(want)}`);
    }
    expect(wrong).toEqual([]);
    const blanks = [...expected].filter(([, v]) => v === null).map(([p]) => p);
    for (const p of blanks) expect(at(doc, p), p).toBeNull();
  });

  it(kind === "crawled-text" ? "every cell not read is reported ambiguous, with its true value among the readings" : "every cell is read", async () => {
    const r = await imported(file);
    const doc = r.report ?? r.partial;
    const unknown = [...expected].filter(([p, v]) => v !== null && (at(doc, p) ?? null) === null);
    if (kind !== "crawled-text") {
      expect(unknown.map(([p]) => p)).toEqual([]);
      return;
    }
    const ambiguous = new Map(r.diagnostics.filter((d) => d.reason === "ambiguous").map((d) => [d.pointer, d]));
    for (const [p, v] of unknown) {
      const d = ambiguous.get(p);
      expect(d, `${p} is unknown but not reported ambiguous`).toBeDefined();
      expect(d!.candidates!.some((c) => c[p] === v), `${p}: the true ${v} is not among the readings`).toBe(true);
    }
    // and a reading is never reported for a cell that was read
    for (const p of ambiguous.keys()) expect(at(doc, p)).toBeNull();
  });

  it(is2019(truth) ? "is a 2019-edition report: no 2021 report, a partial one, and a diagnostic saying so" : "is a 2021-edition report", async () => {
    const r = await imported(file);
    if (is2019(truth)) {
      expect(r.edition).toBe("2019");
      expect(r.report).toBeNull();
      expect(r.partial).toBeDefined();
      expect(r.diagnostics.some((d) => d.reason === "edition" && d.severity === "error")).toBe(true);
    } else {
      expect(r.edition).toBe("2021");
      expect(r.report).not.toBeNull();
      expect(r.report!.year).toBe(truth.year);
    }
  });

  it("says where each cell that was not read plainly came from", async () => {
    const r = await imported(file);
    for (const d of r.diagnostics.filter((d) => ["blank", "ambiguous", "split-by-rules", "inferred"].includes(d.reason) && d.pointer.split("/").length > 3)) {
      const s = d.source;
      const where = kind === "html" ? s.htmlTable !== undefined && s.htmlRow !== undefined : kind === "pdf" ? s.page !== undefined && s.line !== undefined : s.line !== undefined;
      expect(where, `${d.pointer} ${JSON.stringify(s)}`).toBe(true);
    }
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
    const inferredRows = new Set(r.diagnostics.filter((d) => d.reason === "inferred" && d.pointer.startsWith("/applications")).map((d) => d.pointer.replace(/\/[^/]+$/, "")));
    expect([...inferredRows].sort()).toEqual([...new Set(truthBlank.map((p) => p.replace(/\/[^/]+$/, "")))].sort());
    // the variants the truth file notes: 社会组织 and 规范性文件
    const variants = r.diagnostics.filter((d) => d.reason === "label-variant").map((d) => d.message);
    expect(variants.some((m) => m.includes("社会组织"))).toBe(true);
    expect(variants.some((m) => m.includes("规范性文件"))).toBe(true);
  });
});

describe("PDF text however its extractor separates cells", () => {
  it.each(["raw/00-tacheng-2024.txt", "raw/01-huaian-city-2024.txt"])("%s: tabs, runs of spaces or single spaces read the same", async (file) => {
    const text = readFileSync(join(corpus, file), "utf8");
    const tabs = (await importReport(text)).report!;
    for (const sep of ["   ", " "]) {
      const r = (await importReport(text.replace(/\t+/g, sep))).report!;
      for (const key of ["proactiveDisclosure", "applications", "reviewAndLitigation", "overview"] as const) expect(r[key], `${key} with ${JSON.stringify(sep)}`).toEqual(tabs[key]);
    }
  });
});

describe("the 淮安 PDF through poppler's pdftotext (a tool users extract text with)", () => {
  const dir = mkdtempSync(join(tmpdir(), "zfxxgk-pdftotext-"));
  const extract = (mode: string[]) => {
    const out = join(dir, `${mode.join("") || "plain"}.txt`);
    const r = spawnSync("pdftotext", [...mode, join(corpus, "pdf/01-huaian-city-2024.pdf"), out], { encoding: "utf8" });
    if (r.error || r.status !== 0) throw new Error(`pdftotext is needed (Debian poppler-utils): ${r.error?.message ?? r.stderr}`);
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
    for (const key of ["proactiveDisclosure", "applications", "reviewAndLitigation", "title", "year"] as const) expect(pdf[key]).toEqual(txt[key]);
    // the PDF spaces figures from the words around them (5500 余条); the extracted text does not
    const squash = (v: unknown) => JSON.stringify(v).replace(/\s+/g, "");
    for (const key of ["overview", "problemsAndImprovements", "otherMatters"] as const) expect(squash(pdf[key])).toBe(squash(txt[key]));
  });
});
