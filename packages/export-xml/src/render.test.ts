// renderXml on real reports (the seed, and the corpus truth figures): valid against the XSD with
// xmllint, every cell at the element its JSON pointer names, blanks as xsi:nil, labels left out;
// and the refusals for reports that were never validated.
import { readFileSync } from "node:fs";
import Handlebars from "handlebars";
import { labels } from "@zfxxgk/schema";
import { describe, expect, it, vi } from "vitest";
import { parseXml, renderXml, XmlExportError } from "./index.js";
import { environment } from "./templates.js";
import { elementAt } from "./test-support/elements.js";
import { goldenFile, seedReport } from "./test-support/paths.js";
import { readTruth, reportFromTruth, table3Columns, table3Rows, table4Columns, table4Groups, truthNames } from "./test-support/truth.js";
import { xmllint, xmllintPath } from "./test-support/xmllint.js";

/** Every leaf of a JSON value with its pointer's keys, e.g. [["applications","newReceived","total"], null]. */
function leaves(value: unknown, path: string[] = []): [string[], unknown][] {
  if (value !== null && typeof value === "object" && !Array.isArray(value))
    return Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]));
  return [[path, value]];
}

describe("the seed report (塔城市 2024)", () => {
  const report = seedReport();
  const xml = renderXml(report);

  it.skipIf(!xmllintPath)("is valid against the XSD (xmllint)", () => {
    expect(xmllint([xml])[0]).toMatchObject({ valid: true });
  });

  it("is the committed golden file", () => {
    const golden = readFileSync(goldenFile, "utf8");
    expect(
      xml === golden,
      "the XML output changed: if that is intended, run `node packages/export-xml/scripts/update-golden.mjs` and review the diff",
    ).toBe(true);
  });

  it("is in the 2021 edition's namespace, with <report> as its root", () => {
    expect(xml).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<report xmlns="urn:zfxxgk:annual-report:2021" /);
  });

  it("has every cell and scalar at the element its JSON pointer names; blanks are xsi:nil, zeros are 0", () => {
    const checked = leaves(report).filter(([path]) => path[0] !== "sourceTokens" && path.at(-1) !== "$schema");
    expect(checked.length).toBeGreaterThan(200);
    for (const [path, value] of checked) {
      if (Array.isArray(value)) continue;
      const el = elementAt(xml, ["report", ...path]);
      expect(el, path.join("/")).toBeDefined();
      if (value === null) {
        expect(el!.attributes, path.join("/")).toEqual({ nil: "true" });
        expect(el!.text).toBe("");
      } else {
        expect(el!.text, path.join("/")).toBe(String(value));
        expect(el!.attributes).toEqual({});
      }
    }
  });

  it("keeps the text sections' paragraphs and subsections, runIn included", () => {
    const sub = report.overview.subsections[0];
    expect(elementAt(xml, ["report", "overview", "subsections", "subsection", "heading"])!.text).toBe(sub.heading);
    expect(elementAt(xml, ["report", "overview", "subsections", "subsection", "runIn"])!.text).toBe(String(sub.runIn));
    expect(xml.match(/<subsection>/g)).toHaveLength(report.overview.subsections.length);
    expect(xml.match(/<paragraph>/g)!.length).toBe(
      report.preamble.length +
        report.overview.paragraphs.length +
        report.overview.subsections.reduce((n: number, s: any) => n + s.paragraphs.length, 0) +
        report.problemsAndImprovements.paragraphs.length +
        report.otherMatters.paragraphs.length,
    );
  });

  it("keeps the source tokens, keyed by pointer", () => {
    const tokens = [...xml.matchAll(/<token pointer="([^"]*)">([^<]*)<\/token>/g)].map((m) => [m[1], m[2]]);
    expect(Object.fromEntries(tokens)).toEqual(report.sourceTokens);
  });

  it("reads back as the same report", () => {
    expect(JSON.stringify(parseXml(xml))).toBe(JSON.stringify(report));
  });
});

describe.each(truthNames)("the corpus report %s", (name) => {
  const truth = readTruth(name);
  const report = reportFromTruth(truth);
  const xml = renderXml(report);

  it.skipIf(!xmllintPath)("is valid against the XSD (xmllint) and reads back as the same report", () => {
    expect(xmllint([xml])[0]).toMatchObject({ valid: true });
    expect(JSON.stringify(parseXml(xml))).toBe(JSON.stringify(report));
  });

  it("holds the truth file's figures of table 三 and 四 where the keys say", () => {
    Object.values(truth.table3Rows).forEach((values, i) => {
      table3Columns.forEach((col, j) => {
        const el = elementAt(xml, ["report", "applications", ...table3Rows[i]!.split("."), col])!;
        expect(values[j] === null ? el.attributes.nil : el.text, `${table3Rows[i]} ${col}`).toBe(
          values[j] === null ? "true" : String(values[j]),
        );
      });
    });
    table4Groups.forEach((group, g) => {
      table4Columns.forEach((col, j) => {
        const el = elementAt(xml, ["report", "reviewAndLitigation", ...group.split("."), col])!;
        expect(el.text).toBe(String(truth.table4[g * 5 + j]));
      });
    });
    expect(elementAt(xml, ["report", "proactiveDisclosure", "article20Item8", "administrativeFees", "feeAmountThisYear"])!.text).toBe(
      String(truth.table2.fees),
    );
  });

  it("does not repeat the format's labels: they are documentation in the XSD, not data", () => {
    const lab = labels["2021"];
    const all = [
      ...Object.values(lab.sections).map((s) => s.heading),
      ...Object.values(lab.proactiveDisclosure.blocks).flatMap((b) => [b.caption, ...Object.values(b.rows), ...Object.values(b.columns)]),
      ...Object.values(lab.applications.rows),
      ...Object.values(lab.applications.columns),
      ...Object.values(lab.reviewAndLitigation.groups),
      ...Object.values(lab.reviewAndLitigation.columns),
    ];
    expect(all.length).toBeGreaterThan(50);
    expect(all.filter((l) => xml.includes(l))).toEqual([]);
  });
});

describe("a report that was not validated", () => {
  const seed = () => seedReport();
  const fails = (report: unknown, locale?: "en") => {
    try {
      renderXml(report as any, locale ? { locale } : {});
    } catch (e) {
      expect(e).toBeInstanceOf(XmlExportError);
      return e as XmlExportError;
    }
    throw new Error("renderXml did not throw");
  };

  it.each([
    ["U+0000", "\u0000"],
    ["U+001B", "\u001b"],
    ["U+FFFF", "\uffff"],
    ["U+D800", "\ud800"],
  ])("refuses %s in text, naming the JSON pointer, rather than write XML no parser accepts", (name, c) => {
    const r = seed();
    r.overview.subsections[1].paragraphs[0] = `前${c}后`;
    const e = fails(r);
    expect(e.code).toBe("FORBIDDEN-CHARACTER");
    expect(e.pointer).toBe("/overview/subsections/1/paragraphs/0");
    expect(e.message).toContain(name);
    expect(e.message).toContain("/overview/subsections/1/paragraphs/0");
    expect(fails(r, "en").message).toMatch(/^\/overview\/subsections\/1\/paragraphs\/0 holds U\+/);
  });

  it("refuses a forbidden character in a source token's key or value, escaping the pointer", () => {
    const r = seed();
    r.sourceTokens = { "/applications/newReceived/total": "\u0007" };
    expect(fails(r)).toMatchObject({ code: "FORBIDDEN-CHARACTER", pointer: "/sourceTokens/~1applications~1newReceived~1total" });
    r.sourceTokens = { "/a\u0001": "" };
    expect(fails(r)).toMatchObject({ code: "FORBIDDEN-CHARACTER", pointer: "/sourceTokens/~1a\u0001" });
  });

  it.each([
    ["a count as a string", "/applications/newReceived/naturalPerson", "9"],
    ["a count as NaN", "/applications/newReceived/naturalPerson", NaN],
    ["a fee as Infinity", "/proactiveDisclosure/article20Item8/administrativeFees/feeAmountThisYear", Infinity],
    ["a title as a number", "/title", 2024],
    ["a title as null", "/title", null],
    ["runIn as a string", "/overview/subsections/0/runIn", "true"],
    ["paragraphs as a string", "/preamble", "一段"],
    ["a row as an array", "/applications/carriedOver", []],
  ])("refuses %s: XML would give back another type", (_, pointer, value) => {
    const r = seed();
    const keys = pointer.split("/").slice(1);
    keys.slice(0, -1).reduce((o: any, k) => o[k], r)[keys.at(-1)!] = value;
    expect(fails(r)).toMatchObject({ code: "SHAPE", pointer });
  });

  it("refuses a member the format does not have, and a missing required one", () => {
    const extra = seed();
    extra.applications.results.denied.stateSecret.foreigner = 1;
    expect(fails(extra)).toMatchObject({ code: "SHAPE", pointer: "/applications/results/denied/stateSecret/foreigner" });
    const missing = seed();
    delete missing.reviewAndLitigation.litigation.direct.pending;
    expect(fails(missing)).toMatchObject({ code: "SHAPE", pointer: "/reviewAndLitigation/litigation/direct/pending" });
    expect(fails(missing).message).toBe("缺少必填项 /reviewAndLitigation/litigation/direct/pending");
    expect(fails(missing, "en").message).toBe("/reviewAndLitigation/litigation/direct/pending is required but missing");
  });

  it("refuses an edition it has no vocabulary for, and a value that is no report", () => {
    expect(fails({ ...seed(), edition: "2099" })).toMatchObject({ code: "EDITION" });
    expect(fails({ ...seed(), edition: 2021 })).toMatchObject({ code: "EDITION" });
    expect(fails(null)).toMatchObject({ code: "EDITION" });
    expect(fails([])).toMatchObject({ code: "EDITION" });
  });

  it.skipIf(!xmllintPath)("writes values the schema rejects but XML can carry, exactly; the XSD is what rejects them", () => {
    const r = seed();
    r.applications.newReceived.naturalPerson = -3;
    r.applications.carriedOver.naturalPerson = 1.5;
    r.agency.level = "planetary";
    r.year = 1999;
    const xml = renderXml(r);
    expect(JSON.stringify(parseXml(xml))).toBe(JSON.stringify(r));
    const lint = xmllint([xml])[0]!;
    expect(lint.valid).toBe(false);
    for (const what of ["naturalPerson", "level", "year"]) expect(lint.messages).toContain(what);
  });
});

describe("the Handlebars environment", () => {
  it("is the package's own: its helpers and partials are not on the shared Handlebars instance", () => {
    renderXml(seedReport());
    for (const name of ["text", "attributeValue", "number", "boolean"]) expect(Handlebars.helpers[name]).toBeUndefined();
    for (const name of ["group", "text", "nil", "entry"]) expect(Handlebars.partials[name]).toBeUndefined();
  });

  it("compiles nothing when rendering: templates and partials are compiled once", () => {
    const report = seedReport();
    report.overview.subsections.push({ heading: "（六）", paragraphs: [] });
    // Handlebars compiles lazily, on the first use of each branch: the first render of this very
    // shape may compile, never a later one (warming up on another shape tested only the order of tests)
    renderXml(report);
    const parse = vi.spyOn(environment, "parse");
    const compile = vi.spyOn(environment, "compile");
    for (let i = 0; i < 3; i++) renderXml(report);
    expect(parse).not.toHaveBeenCalled();
    expect(compile).not.toHaveBeenCalled();
    parse.mockRestore();
    compile.mockRestore();
  });
});
