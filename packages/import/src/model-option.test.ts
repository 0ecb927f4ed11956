// importReport handed an edition model (`model`): a registered edition's model reads a report as
// detection does, and a model that is not one is refused in words, never thrown.
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { editionModel, type EditionModel } from "@zfxxgk/edition";
import { renderHtml } from "@zfxxgk/export-html";
import type { Report2021 } from "@zfxxgk/types";
import { fill } from "@zfxxgk/validator";
import { importReport } from "./index.js";

const root = resolve(import.meta.dirname, "../../..");
const corpus = (p: string) => readFileSync(join(root, "corpus", p));
const notEdition = (d: { reason: string }) => d.reason !== "edition";

describe("a registered edition's model", () => {
  it("2021: the 塔城市 2024 example's HTML export imports exactly as without the model", async () => {
    const html = renderHtml(fill(JSON.parse(readFileSync(join(root, "examples/tacheng-2024/report.json"), "utf8"))));
    const detected = await importReport(html);
    const told = await importReport(html, { model: editionModel("2021") });
    expect(detected.edition).toBe("2021");
    expect(told).toEqual(detected);
  });

  it.each(["raw/03-pingtan-2019.page.html", "raw/03-pingtan-2019.txt"])(
    "2019: %s imports as detected, less the note that the edition was detected",
    async (file) => {
      const detected = await importReport(corpus(file));
      const told = await importReport(corpus(file), { model: editionModel("2019") });
      expect(detected.edition).toBe("2019");
      expect(told.edition).toBe("2019");
      expect(told.report).toEqual(detected.report);
      expect([told.status, told.completeness]).toEqual([detected.status, detected.completeness]);
      expect(told.diagnostics).toEqual(detected.diagnostics.filter(notEdition));
    },
  );

  it("the 2021 model on a 2019 report reads it as 2021: the 2019 rows are not taken for others", async () => {
    const told = await importReport<Report2021>(corpus("raw/03-pingtan-2019.page.html"), { model: editionModel("2021") });
    expect(told.edition).toBe("2021");
    expect(told.status).not.toBe("complete");
    // （六）其他处理 printed as one row: the 2021 sub-rows stay unknown, said so
    expect(told.diagnostics.some((d) => d.reason === "layout")).toBe(true);
    expect(told.report!.applications.results.other.otherReasons.naturalPerson).toBeNull();
  });
});

describe("a model that is not one", () => {
  it.each<[string, unknown]>([
    ["an empty object", {}],
    ["a model without its tables", { ...editionModel("2021"), tables: undefined }],
  ])("%s: failed, report null, a message in both languages", async (_name, model) => {
    for (const locale of ["zh-CN", "en"] as const) {
      const r = await importReport("一、总体情况", { model: model as EditionModel, locale });
      expect([r.status, r.report, r.edition]).toEqual(["failed", null, null]);
      expect(r.diagnostics[0]!.message).toMatch(locale === "en" ? /edition model/ : /格式版本模型/);
    }
  });
});
