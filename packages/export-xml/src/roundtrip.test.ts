// The round trip, over reports generated from the JSON Schema: parseXml(renderXml(r)) is r (same
// members in the same order, nulls, numbers to the bit, strings to the code unit, absent members
// absent), every document passes xmllint against the XSD, and data never becomes markup.
import fc from "fast-check";
import { editions, reportSchemas } from "@zfxxgk/schema";
import { describe, expect, it } from "vitest";
import { parseXml, renderXml } from "./index.js";
import { reportArbitrary } from "./test-support/arbitrary.js";
import { actualElements, expectedElements } from "./test-support/elements.js";
import { packageRoot, readJson, xsdFile } from "./test-support/paths.js";
import { invalidOnes, xmllintPath } from "./test-support/xmllint.js";

function roundTrips(report: any, documents: string[]): void {
  const xml = renderXml(report);
  documents.push(xml);
  const back = parseXml(xml);
  expect(back).toStrictEqual(report);
  // toStrictEqual ignores key order and treats -0 as 0 only through Object.is: compare the text too
  expect(JSON.stringify(back)).toBe(JSON.stringify(report));
  expect(actualElements(xml)).toEqual(expectedElements(report));
}

/** Every property key of a schema (through $refs), as the element name it gets. */
function memberNames(schema: any): Set<string> {
  const renamed = readJson(`${packageRoot}/vocabulary/vocabulary.json`).renamed;
  const names = new Set<string>();
  const walk = (node: any) => {
    for (const [k, v] of Object.entries<any>(node.properties ?? {})) {
      names.add(renamed[k] ?? k);
      walk(v);
    }
    if (node.items) walk(node.items);
    if (typeof node.additionalProperties === "object") walk(node.additionalProperties);
  };
  walk(schema);
  Object.values<any>(schema.$defs ?? {}).forEach(walk);
  return names;
}

function expectAllValid(documents: string[], edition = "2021"): void {
  const bad = invalidOnes(documents, xsdFile(edition));
  expect(bad.map((b) => `${b.messages}\n--- document:\n${documents[b.index]!.slice(0, 3000)}`)).toEqual([]);
}

describe.each(editions)("JSON → XML → JSON, edition %s", (edition) => {
  it.skipIf(!xmllintPath)("gives back every generated report, and xmllint accepts every document", () => {
    const documents: string[] = [];
    fc.assert(
      fc.property(reportArbitrary({ edition }), (r) => roundTrips(r, documents)),
      { numRuns: 120 },
    );
    expect(documents.length).toBeGreaterThanOrEqual(120);
    expectAllValid(documents, edition);
  });

  it("gives back reports with every optional member present (nothing of the schema is dropped)", () => {
    const documents: string[] = [];
    fc.assert(
      fc.property(reportArbitrary({ edition, allPresent: true }), (r) => roundTrips(r, documents)),
      { numRuns: 30 },
    );
    expectAllValid(documents, edition);
    // every member of the schema, optional ones included, was written at least once
    const xml = documents.join("");
    const names = memberNames(reportSchemas[edition]);
    expect(names.size).toBeGreaterThan(80);
    expect([...names].filter((n) => !new RegExp(`<${n}[ />]`).test(xml))).toEqual([]);
  });
});

describe("JSON → XML → JSON, details", () => {
  it("carries any finite double in an amount, subnormals and the largest included", () => {
    const amount = fc.oneof(
      fc.double({ min: 0, max: Number.MAX_VALUE, noNaN: true }),
      fc.constantFrom(5e-324, Number.MAX_VALUE, Number.MIN_VALUE, -0, 1e21, 1e-7),
    );
    fc.assert(
      fc.property(reportArbitrary({ amount }), (r) => {
        const back = parseXml(renderXml(r)) as any;
        const fee = back.proactiveDisclosure.article20Item8.administrativeFees.feeAmountThisYear;
        expect(Object.is(fee, r.proactiveDisclosure.article20Item8.administrativeFees.feeAmountThisYear)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it("keeps empty strings, empty arrays and blank cells apart from absent members and zeros", () => {
    const documents: string[] = [];
    const base = fc.sample(reportArbitrary({ allPresent: true }), { numRuns: 1, seed: 7 })[0];
    const r = structuredClone(base);
    r.preamble = [];
    r.overview = { paragraphs: [""], subsections: [] };
    r.contact = { phone: "" };
    r.sourceTokens = { "/applications/newReceived/total": "" };
    r.applications.newReceived = { ...r.applications.newReceived, naturalPerson: 0, total: null };
    delete r.signature;
    roundTrips(r, documents);
    const xml = documents[0]!;
    expect(xml).toContain("<preamble/>");
    expect(xml).toContain("<subsections/>");
    expect(xml).toContain("<paragraph></paragraph>");
    expect(xml).toContain("<phone></phone>");
    expect(xml).toMatch(/<newReceived>\s*<naturalPerson>0<\/naturalPerson>/);
    expect(xml).toMatch(/<total xsi:nil="true"\/>\s*<\/newReceived>/);
    expect(xml).not.toContain("<signature");
    expectAllValid(documents);
  });
});
