// Hostile strings in every text field and in the source tokens' keys: the output has exactly the
// elements and attributes the vocabulary writes, passes xmllint, and reads back unchanged.
import fc from "fast-check";
import { editions } from "@zfxxgk/schema";
import { describe, expect, it } from "vitest";
import { parseXml, renderXml } from "./index.js";
import { hostile, reportArbitrary } from "./test-support/arbitrary.js";
import { actualElements, expectedElements } from "./test-support/elements.js";
import { seedReport } from "./test-support/paths.js";
import { xmllint, xmllintPath } from "./test-support/xmllint.js";

/** The seed with every string that is free text replaced by `s` (codes and dates stay valid). */
function withText(s: string): any {
  const r = seedReport();
  const keep = new Set(["edition", "scope", "kind", "level", "regionCode", "postcode", "date", "publishedOn", "creditCode", "email"]);
  const visit = (o: any) => {
    for (const [k, v] of Object.entries(o)) {
      if (typeof v === "string" && !keep.has(k)) o[k] = k === "title" || k === "name" ? `标题${s}` : s;
      else if (Array.isArray(v)) v.forEach((x, i) => (typeof x === "string" ? (v[i] = s) : visit(x)));
      else if (v && typeof v === "object" && k !== "sourceTokens") visit(v);
    }
  };
  visit(r);
  r.sourceTokens = { "/applications/newReceived/total": s };
  return { $schema: s, ...r }; // first, where the schema puts it
}

describe("hostile strings", () => {
  const reports = hostile.map(withText);
  const documents = reports.map((r) => renderXml(r));

  it.each(hostile.map((h, i) => [JSON.stringify(h), i]))(
    "%s in every text field creates no element or attribute and reads back",
    (_, i) => {
      const xml = documents[i as number]!;
      expect(actualElements(xml)).toEqual(expectedElements(reports[i as number]));
      expect(JSON.stringify(parseXml(xml))).toBe(JSON.stringify(reports[i as number]));
    },
  );

  it.skipIf(!xmllintPath)("every one of those documents passes xmllint", () => {
    expect(xmllint(documents).filter((r) => !r.valid)).toEqual([]);
  });

  it("a source token's key cannot break out of its attribute", () => {
    const r = seedReport();
    r.sourceTokens = { '/a" injected="1': "x", "/a\tb\nc\rd": "y", "/a&b<c>": "z", "/a'b": "w" };
    const xml = renderXml(r);
    expect(actualElements(xml)).toEqual(expectedElements(r));
    expect(parseXml(xml).sourceTokens).toEqual(r.sourceTokens);
    expect(xml).toContain('pointer="/a&#x9;b&#xA;c&#xD;d"');
  });

  it.each(editions)("random mixes of them, in random %s reports, never add an element or an attribute", (edition) => {
    fc.assert(
      fc.property(
        reportArbitrary({ edition, text: fc.array(fc.constantFrom(...hostile), { maxLength: 6 }).map((p) => p.join("")) }),
        (r) => {
          expect(actualElements(renderXml(r))).toEqual(expectedElements(r));
        },
      ),
      { numRuns: 40 },
    );
  });
});
