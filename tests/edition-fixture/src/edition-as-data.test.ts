// Proof that an edition is data (issue 10): the test edition of fixture/ — the 2021 data files with
// one more 表三 row and one more 表三 column — goes through the same generators and renderers as
// the published editions, every product shows the new row and column, and the importer reads the
// HTML export back. No code names them.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import ts from "typescript";
import { rulesSchema } from "@zfxxgk/schema";
import { fill } from "@zfxxgk/validator";
import { programForTests } from "@zfxxgk/system-programs/testing";
import { editionModel, type EditionModel } from "@zfxxgk/edition";
// the generators, as `npm run generate` runs them, called with the test edition's data
import { buildModel } from "../../../generators/model/derive.mjs";
import { validatorFiles } from "../../../generators/validator/generate.mjs";
import { editionXsd } from "../../../generators/xsd/generate.mjs";
import { docsFiles } from "../../../generators/docs/generate.mjs";
import { reportTypes } from "../../../generators/types/generate.mjs";
// the renderers' entry points that take an edition model (or module) instead of looking it up
import { validateWith } from "../../../packages/validator/src/validate.js";
import { moduleOf } from "../../../packages/validator/src/edition-module.js";
import { renderWithModel } from "../../../packages/export-html/src/render.js";
import { byTag, grid, parseDocument, text, attr } from "../../../packages/export-html/src/test-support/html.js";
import { viewOf } from "../../../packages/export-xml/src/view.js";
import { reportTemplate } from "../../../packages/export-xml/src/templates.js";
import { namespaceOf, shapeOf, vocabulary } from "../../../packages/export-xml/vocabulary/index.js";
import { tableModelFrom } from "../../../packages/editor/src/table-model.js";
import { importReport } from "../../../packages/import/src/index.js";
import { getAt } from "../../../packages/i18n/src/index.js";

const here = import.meta.dirname;
const root = join(here, "../../..");
const fixture = (name: string) => JSON.parse(readFileSync(join(here, "../fixture", name), "utf8"));
const schema = fixture("report.schema.json");
const labels = fixture("labels.json");
const rules = fixture("rules.json");
const NEW_ROW = "/applications/results/other/newReason";
const NEW_COLUMN = "foreignApplicant";

const work = mkdtempSync(join(tmpdir(), "zfxxgk-edition-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

type Obj = Record<string, any>;

/**
 * A report of the test edition: the 塔城市 2024 example with its totals filled, the new column 0
 * in every 表三 row, and two applications of the new applicant kind received and closed under
 * the new outcome row — so that every sum of the 2021 rules still holds.
 */
function testReport(): Obj {
  const example = JSON.parse(readFileSync(join(root, "examples/tacheng-2024/report.json"), "utf8"));
  const r = structuredClone(fill(example)) as Obj;
  r.edition = labels.edition;
  const rows: Obj[] = [];
  const walk = (o: Obj) => {
    if ("naturalPerson" in o) rows.push(o);
    else for (const v of Object.values(o)) if (v && typeof v === "object" && !Array.isArray(v)) walk(v);
  };
  walk(r.applications);
  for (const row of rows) row[NEW_COLUMN] = 0;
  const zeros = Object.fromEntries(Object.keys(r.applications.newReceived).map((k) => [k, 0]));
  r.applications.results.other.newReason = { ...zeros };
  // key order is print order in the schema; the total stays last
  for (const row of [...rows, r.applications.results.other.newReason]) {
    const { total, ...rest } = row;
    for (const k of Object.keys(row)) delete row[k];
    Object.assign(row, rest, { total });
  }
  r.applications.newReceived[NEW_COLUMN] = 2;
  r.applications.newReceived.total += 2;
  r.applications.results.other.newReason[NEW_COLUMN] = 2;
  r.applications.results.other.newReason.total = 2;
  r.applications.results.total[NEW_COLUMN] = 2;
  r.applications.results.total.total += 2;
  return r;
}

const model: EditionModel = buildModel({ schema, labels, rules, rulesSchema });
const report = testReport();

describe("the model (generators/model)", () => {
  it("has the new row and the new column, and the rules reach them through their sets", () => {
    const t = model.tables.applications;
    expect(t.columns.map((c) => c.key)).toContain(NEW_COLUMN);
    expect(t.rows.map((r) => r.pointer)).toContain(NEW_ROW);
    expect(t.groups.find((g) => g.key === "results.other")!.rowspan).toBe(4);
    const cell = model.cells.find((c) => c.pointer === `${NEW_ROW}/${NEW_COLUMN}`)!;
    expect(cell.labelPath).toEqual(["表三", "三、本年度办理结果", "（六）其他处理", "4.测试新增的其他处理情形", "境外申请人"]);
    const reads = new Set(model.rules.flatMap((r) => r.instances.flatMap((i) => [...(i.actual ?? []), ...(i.expected ?? [])])));
    expect(reads.has(cell.index)).toBe(true);
  });

  it("refuses labels that name a cell the schema lacks", () => {
    const broken = structuredClone(labels);
    broken.applications.rows["results.other.unknownRow"] = "5.不在模式中";
    expect(() => buildModel({ schema, labels: broken, rules, rulesSchema })).toThrow(/only in the labels: .*unknownRow/);
  });
});

describe("types (generators/types)", () => {
  it("type a report with the new row and column, and reject one without them", async () => {
    const dts = await reportTypes(schema, labels.edition);
    writeFileSync(join(work, "report.d.ts"), dts);
    const use = (body: string) => {
      writeFileSync(join(work, "use.ts"), `import type { Report${labels.edition} } from "./report.js";\n${body}\n`);
      const program = ts.createProgram([join(work, "use.ts")], {
        strict: true,
        noEmit: true,
        module: ts.ModuleKind.NodeNext,
        moduleResolution: ts.ModuleResolutionKind.NodeNext,
        skipLibCheck: true,
      });
      return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    };
    expect(use(`export const n = (r: Report${labels.edition}) => r.applications.results.other.newReason.${NEW_COLUMN};`)).toEqual([]);
    expect(use(`export const n = (r: Report${labels.edition}) => r.applications.results.other.noSuchRow;`).join("\n")).toMatch(/noSuchRow/);
  });
});

describe("validator (generators/validator)", async () => {
  const files = validatorFiles([{ schema, model }], "0.0.0-test");
  const dir = join(work, "validator");
  spawnSync("mkdir", ["-p", dir]);
  for (const [name, textOf] of Object.entries(files)) writeFileSync(join(dir, name), textOf);
  const mod = moduleOf(await import(pathToFileURL(join(dir, `edition-${labels.edition}.js`)).href), model);

  it("finds the test report valid", () => {
    const result = validateWith(mod, report);
    expect(result.issues.filter((i) => i.severity === "error")).toEqual([]);
  });

  it("names the new cell by its labels when its sum breaks", () => {
    const broken = structuredClone(report);
    broken.applications.results.other.newReason[NEW_COLUMN] = 3;
    const errors = validateWith(mod, broken).issues.filter((i) => i.severity === "error");
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.some((i) => i.cells?.includes?.(`${NEW_ROW}/${NEW_COLUMN}`) || i.pointer.startsWith(NEW_ROW))).toBe(true);
    expect(errors.map((i) => i.labelPath).join("\n")).toMatch(/4\.测试新增的其他处理情形|境外申请人/);
  });

  it("rejects a report that lacks the new column (schema)", () => {
    const missing = structuredClone(report);
    delete missing.applications.newReceived[NEW_COLUMN];
    const errors = validateWith(mod, missing).issues.filter((i) => i.code === "SCHEMA-REQUIRED");
    expect(errors.map((i) => i.pointer)).toContain(`/applications/newReceived/${NEW_COLUMN}`);
  });
});

describe("HTML (export-html)", () => {
  const { root: doc, errors } = parseDocument(renderWithModel(report as any, model));
  const t3 = byTag(doc, "table").find((t) => (attr(t, "class") ?? "").includes("zfxxgk-t3"))!;

  it("lays out 表三 with the new column in the header and the new row in the body", () => {
    expect(errors).toEqual([]);
    const head = grid(byTag(t3, "thead")[0]!);
    const g = grid(byTag(t3, "tbody")[0]!);
    // 3 label columns and 8 value columns in every row of the table
    for (const row of [...head, ...g]) expect(row).toHaveLength(3 + 8);
    expect(g).toHaveLength(26);
    // 境外申请人, outside 法人或其他组织, reaches down the two lower header rows like 自然人 and 总计
    const slot = head[1]!.findIndex((c) => text(c!) === "境外申请人");
    expect(slot).toBe(9);
    expect(head[2]![slot]).toBe(head[1]![slot]);
    const newRow = g.find((row) => row.some((c) => text(c!) === "4.测试新增的其他处理情形"))!;
    expect(text(newRow[0]!)).toBe("三、本年度办理结果");
    expect(text(newRow[1]!)).toBe("（六）其他处理");
    expect(newRow.slice(3).map((c) => text(c!))).toEqual(["0", "0", "0", "0", "0", "0", "2", "2"]);
  });
});

describe("XML and XSD (export-xml, generators/xsd)", () => {
  const xmllint = programForTests("xmllint");

  it.skipIf(!xmllint)("xmllint validates the test report's XML against the generated XSD", () => {
    const xsd = editionXsd(schema, model);
    expect(xsd).toContain("境外申请人");
    expect(xsd).toContain("4.测试新增的其他处理情形");
    const xml = reportTemplate({
      name: vocabulary.root,
      namespace: namespaceOf(labels.edition),
      children: viewOf(shapeOf(schema), report, "en"),
    });
    expect(xml).toContain(`<${NEW_COLUMN}>2</${NEW_COLUMN}>`);
    writeFileSync(join(work, "report.xsd"), xsd);
    writeFileSync(join(work, "report.xml"), xml);
    const ok = spawnSync(xmllint!, ["--noout", "--nonet", "--schema", "report.xsd", "report.xml"], { cwd: work, encoding: "utf8" });
    expect(ok.stderr).toContain("report.xml validates");
    // and the XSD is no rubber stamp: without the new column, the document fails
    writeFileSync(join(work, "bad.xml"), xml.replace(`<${NEW_COLUMN}>2</${NEW_COLUMN}>`, ""));
    const bad = spawnSync(xmllint!, ["--noout", "--nonet", "--schema", "report.xsd", "bad.xml"], { cwd: work, encoding: "utf8" });
    expect(bad.stderr).toContain("bad.xml fails to validate");
  });
});

describe("docs (generators/docs)", () => {
  it("list the new cells with their labels", () => {
    const page = docsFiles([{ schema, model, rules }])[`${labels.edition}.md`]!;
    expect(page).toContain(
      `| \`${NEW_ROW}/${NEW_COLUMN}\` | 三、本年度办理结果 › （六）其他处理 › 4.测试新增的其他处理情形 › 境外申请人 |`,
    );
    expect(page).toContain(`## Table cells (${model.cells.length})`);
  });
});

describe("the editor's table model", () => {
  it("has a field for every new cell, in reading order", () => {
    const t = tableModelFrom(model);
    expect(t.applications.columns.map((c) => c.label)).toContain("境外申请人");
    const row = t.applications.rows.find((r) => r.label === "4.测试新增的其他处理情形")!;
    expect(row.cells.map((c) => c.pointer)).toContain(`${NEW_ROW}/${NEW_COLUMN}`);
    expect(t.cells.map((c) => c.index)).toEqual(t.cells.map((_, i) => i));
  });
});

/** A report as text from a PDF: its lines, cells two spaces apart, written from the model's labels. */
function plainText(r: Obj, m: EditionModel): string {
  const cells = (row: { cells: number[] }) => row.cells.map((i) => getAt(r, m.cells[i]!.pointer)).filter((v) => v !== null);
  const out: string[] = [r.title, ...(r.preamble ?? [])];
  for (const s of m.sections) {
    out.push(s.heading);
    if (s.kind === "text") out.push(...r[s.key].paragraphs);
    else if (s.key === "proactiveDisclosure")
      for (const b of m.tables.proactiveDisclosure.blocks) {
        out.push(b.caption, [m.tables.proactiveDisclosure.labelColumnHeader, ...b.columns.map((c) => c.label)].join("  "));
        for (const row of b.rows) out.push([row.label, ...cells(row)].join("  "));
      }
    else if (s.key === "applications") {
      const t = m.tables.applications;
      out.push(t.headerNote, t.columns.map((c) => c.label).join("  "));
      for (const row of t.rows) out.push([row.label, ...cells(row)].join("  "));
    } else {
      const t = m.tables.reviewAndLitigation;
      out.push(
        t.groups
          .filter((g) => !g.parent)
          .map((g) => g.label)
          .join("  "),
      );
      out.push(t.rows.flatMap(() => t.columns.map((c) => c.label)).join("  "));
      out.push(t.rows.flatMap((row) => cells(row)).join("  "));
    }
  }
  return out.join("\n");
}

describe("the importer (import), handed the model", () => {
  const html = renderWithModel(report as any, model);
  // what a printed report carries: the example's codes and source tokens are not printed
  const printed = (r: any) => {
    const p = structuredClone(r);
    for (const k of ["$schema", "scope", "members", "migratedFrom", "sourceTokens", "publishedOn"]) delete p[k];
    delete p.agency.regionCode;
    delete p.agency.creditCode;
    return p;
  };

  it("reads its own HTML export back: every cell, the new row and column included, complete", async () => {
    const back = await importReport(html, { model });
    expect(back.diagnostics.filter((d) => d.severity !== "info")).toEqual([]);
    expect(back.edition).toBe(labels.edition);
    expect(back.status).toBe("complete");
    expect(back.completeness.cells).toBe(model.cells.length);
    expect(back.completeness.readAsPrinted).toBe(model.cells.length);
    for (const c of model.cells) expect(getAt(back.report, c.pointer), c.pointer).toBe(getAt(report, c.pointer));
    expect(getAt(back.report, `${NEW_ROW}/${NEW_COLUMN}`)).toBe(2);
    expect(getAt(back.report, `/applications/newReceived/${NEW_COLUMN}`)).toBe(2);
    expect(printed(back.report)).toEqual(printed(report));
  });

  it("without the model, the page is read as a registered edition: no cell wrong, none of 表三 guessed", async () => {
    const back = await importReport(html);
    expect(back.edition).not.toBe(labels.edition);
    expect(back.status).not.toBe("complete");
    expect(getAt(back.report, `${NEW_ROW}/${NEW_COLUMN}`)).toBeUndefined();
    // 表三's rows print one figure more than that edition's columns: which is which cannot be told
    const first = back.diagnostics.find((d) => d.pointer === "/applications/newReceived/naturalPerson")!;
    expect([getAt(back.report, first.pointer), first.reason]).toEqual([null, "ambiguous"]);
    for (const c of editionModel(back.edition!).cells) {
      const value = getAt(back.report, c.pointer);
      if (value !== null) expect(value, c.pointer).toBe(getAt(report, c.pointer));
    }
  });

  it("places a blank the text dropped in the new row and column by the edition's own rules", async () => {
    // one more application of a natural person closed under the new row, so that the row is not all
    // zeros; then the new row's new cell left blank, which text from a PDF leaves no trace of
    const r = structuredClone(report);
    for (const row of [r.applications.newReceived, r.applications.results.other.newReason, r.applications.results.total]) {
      row.naturalPerson += 1;
      row.total += 1;
    }
    const blank = structuredClone(r);
    blank.applications.results.other.newReason[NEW_COLUMN] = null;
    const back = await importReport(plainText(blank, model), { model, format: "text" });
    const cell = `${NEW_ROW}/${NEW_COLUMN}`;
    expect(getAt(back.report, cell)).toBeNull();
    // the rules, which name the new column, said where the blank is
    const placed = back.diagnostics.find((d) => d.pointer === `${NEW_ROW}/naturalPerson`)!;
    expect([placed.reason, placed.raw]).toEqual(["inferred", "1 0 0 0 0 0 3"]);
    expect(placed.message).toContain("境外申请人");
    for (const c of model.cells) if (c.pointer !== cell) expect(getAt(back.report, c.pointer), c.pointer).toBe(getAt(r, c.pointer));
  });

  it("types the report by the edition's own generated types", async () => {
    writeFileSync(join(work, "import-report.d.ts"), await reportTypes(schema, labels.edition));
    const entry = (p: string) => JSON.stringify(join(root, p));
    const check = (body: string) => {
      writeFileSync(
        join(work, "import-use.ts"),
        [
          `import type { Report${labels.edition} } from "./import-report.js";`,
          `import type { EditionModel } from ${entry("packages/edition/src/index.js")};`,
          `import { importReport } from ${entry("packages/import/src/index.js")};`,
          "declare const model: EditionModel;",
          `export async function use() {`,
          `  const r = await importReport<Report${labels.edition}>("", { model });`,
          `  if (r.edition === null) return;`,
          body,
          "}",
        ].join("\n"),
      );
      const program = ts.createProgram([join(work, "import-use.ts")], {
        strict: true,
        noEmit: true,
        module: ts.ModuleKind.NodeNext,
        moduleResolution: ts.ModuleResolutionKind.NodeNext,
        skipLibCheck: true,
      });
      return ts
        .getPreEmitDiagnostics(program)
        .filter((d) => d.file?.fileName.endsWith("import-use.ts"))
        .map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    };
    expect(
      check(`  const cell: number | null = r.report.applications.results.other.newReason.${NEW_COLUMN};
  const edition: "${labels.edition}" = r.edition;
  return [cell, edition];`),
    ).toEqual([]);
    expect(check("  return r.report.applications.results.other.noSuchRow;").join("\n")).toMatch(/noSuchRow/);
    // the year may be missing from a source: the type says so
    expect(check("  const year: number = r.report.year;\n  return year;").join("\n")).toMatch(/undefined/);
  }, 120_000);
});
