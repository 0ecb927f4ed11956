// The generated XSD, by xmllint: it accepts the seed, and rejects each document that breaks a
// rule the JSON Schema states (or the vocabulary's element order); it documents every label.
import { readFileSync } from "node:fs";
import { editions, labels, reportSchemas } from "@zfxxgk/schema";
import { describe, expect, it } from "vitest";
import { renderXml } from "./index.js";
import { seedReport, xsdFile } from "./test-support/paths.js";
import { xmllint, xmllintPath } from "./test-support/xmllint.js";

const xml = renderXml(seedReport());
const firstYear = (reportSchemas["2021"] as any).properties.year.minimum as number;

/** Each: what the schema says, the seed's XML broken that way, and the element xmllint must blame. */
const broken: [string, string | RegExp, string, string][] = [
  ["count: minimum 0", "<naturalPerson>9</naturalPerson>", "<naturalPerson>-1</naturalPerson>", "naturalPerson"],
  ["count: an integer", "<naturalPerson>9</naturalPerson>", "<naturalPerson>1.5</naturalPerson>", "naturalPerson"],
  ["count: not text", "<naturalPerson>9</naturalPerson>", "<naturalPerson>九</naturalPerson>", "naturalPerson"],
  ["count: at most 2^53 - 1", "<naturalPerson>9</naturalPerson>", "<naturalPerson>9007199254740992</naturalPerson>", "naturalPerson"],
  ["amount: minimum 0", "<feeAmountThisYear>1211</feeAmountThisYear>", "<feeAmountThisYear>-0.5</feeAmountThisYear>", "feeAmountThisYear"],
  [
    "amount: maximum 1e15",
    "<feeAmountThisYear>1211</feeAmountThisYear>",
    "<feeAmountThisYear>1000000000000000.5</feeAmountThisYear>",
    "feeAmountThisYear",
  ],
  [`year: minimum ${firstYear}`, "<year>2024</year>", `<year>${firstYear - 1}</year>`, "year"],
  ["edition: const 2021", "<edition>2021</edition>", "<edition>2019</edition>", "edition"],
  ["agency.level: enum", "<level>county</level>", "<level>planetary</level>", "level"],
  ["agency.regionCode: 6 digits", "<regionCode>654201</regionCode>", "<regionCode>65420</regionCode>", "regionCode"],
  ["contact.postcode: 6 digits", "<postcode>834700</postcode>", "<postcode>83470a</postcode>", "postcode"],
  ["signature.date: a calendar date", "<date>2025-01-17</date>", "<date>2025-02-30</date>", "date"],
  ["signature.date: YYYY-MM-DD, no time zone", "<date>2025-01-17</date>", "<date>2025-01-17Z</date>", "date"],
  ["title: not blank", /<title>[^<]*<\/title>/, "<title> \t </title>", "title"],
  ["title: required", /\s*<title>[^<]*<\/title>/, "", "agency"],
  ["applicantRow.total: required", /\s*<total>3<\/total>/, "", "notHeld"],
  ["additionalProperties: false", "<carriedOver>", "<foreign/><carriedOver>", "foreign"],
  ["title: not nullable", /<title>[^<]*<\/title>/, '<title xsi:nil="true"/>', "title"],
  ["runIn: a boolean", "<runIn>true</runIn>", "<runIn>yes</runIn>", "runIn"],
  ["sourceTokens: keys are JSON pointers", 'pointer="/applications/newReceived/total"', 'pointer="applications"', "token"],
  ["sourceTokens: keys are unique", 'pointer="/applications/carriedOver/total"', 'pointer="/applications/newReceived/total"', "token"],
  ["members in schema order", /(<year>2024<\/year>\n)(\s*<title>[^<]*<\/title>\n)/, "$2$1", "title"],
  ["the edition's namespace", 'xmlns="urn:zfxxgk:annual-report:2021"', 'xmlns="urn:zfxxgk:annual-report:2019"', "report"],
];

describe.skipIf(!xmllintPath)("the XSD (xmllint)", () => {
  it("accepts the seed report", () => {
    expect(xmllint([xml])[0]).toMatchObject({ valid: true });
  });

  it("rejects a document for each rule of the schema it carries", () => {
    const documents = broken.map(([rule, from, to]) => {
      const doc = xml.replace(from, to);
      if (doc === xml) throw new Error(`${rule}: ${from} is not in the seed's XML`);
      return doc;
    });
    const wrong = xmllint(documents)
      .filter((r) => r.valid || !r.messages.includes(`${broken[r.index]![3]}'`))
      .map((r) => `${broken[r.index]![0]}: ${r.valid ? "accepted" : r.messages}`);
    expect(wrong).toEqual([]);
  });

  it.each(editions)("of the %s edition documents every label of the format, in zh-CN", (edition) => {
    const xsd = readFileSync(xsdFile(edition), "utf8");
    const lab = labels[edition];
    const all = [
      ...Object.values(lab.sections).map((s) => s.heading),
      ...Object.values(lab.proactiveDisclosure.blocks).flatMap((b) => [b.caption, ...Object.values(b.rows), ...Object.values(b.columns)]),
      ...Object.values(lab.applications.rows),
      ...Object.values(lab.applications.columns),
      ...Object.values(lab.reviewAndLitigation.groups),
      ...Object.values(lab.reviewAndLitigation.columns),
    ];
    const missing = all.filter((l) => !xsd.includes(`<xs:documentation xml:lang="zh-CN">${l}</xs:documentation>`));
    expect(missing).toEqual([]);
  });
});

describe("the package", () => {
  it("declares the editions it has an XSD and a vocabulary for", async () => {
    const { xmlEditions } = await import("./index.js");
    const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
    expect(pkg.editions).toEqual([...xmlEditions]);
    for (const edition of xmlEditions)
      expect(readFileSync(xsdFile(edition), "utf8")).toContain(`targetNamespace="urn:zfxxgk:annual-report:${edition}"`);
  });
});
