// parseXml beyond the writer's own output: any namespace-equivalent XML 1.0 that other tools may
// write reads as the same report (XML's rules for line ends, references, CDATA, attributes), and
// everything else fails with a typed error saying where.
import { describe, expect, it } from "vitest";
import { parseXml, renderXml, XmlParseError } from "./index.js";
import { seedReport } from "./test-support/paths.js";

const seed = seedReport();
const xml = renderXml(seed);
const NS = "urn:zfxxgk:annual-report:2021";

/** The seed's XML with its first `from` replaced. */
const edit = (from: string | RegExp, to: string) => {
  const out = xml.replace(from, to);
  if (out === xml) throw new Error(`${from} is not in the seed's XML`);
  return out;
};
const withSeed = (change: (r: any) => void) => {
  const r = structuredClone(seed);
  change(r);
  return r;
};

describe("parseXml reads the same report from", () => {
  it("a prefixed namespace instead of the default one, with xsi:schemaLocation", () => {
    const prefixed = xml
      .replace(/<(\/?)([A-Za-z]\w*)/g, "<$1z:$2")
      .replace(`xmlns="${NS}"`, `xmlns:z="${NS}" xsi:schemaLocation="${NS} report.xsd"`);
    expect(prefixed).toContain("<z:applications>");
    expect(JSON.stringify(parseXml(prefixed))).toBe(JSON.stringify(seed));
  });

  it("CRLF or CR line ends between elements, and a BOM", () => {
    expect(parseXml(`\uFEFF${xml.replace(/\n/g, "\r\n")}`)).toStrictEqual(seed);
    expect(parseXml(xml.replace(/\n/g, "\r"))).toStrictEqual(seed);
  });

  it("members in another order (the JSON keeps the schema's order)", () => {
    const swapped = edit(/(<year>2024<\/year>\n)(\s*<title>[^<]*<\/title>\n)/, "$2$1");
    expect(JSON.stringify(parseXml(swapped))).toBe(JSON.stringify(seed));
  });

  it("CDATA sections, comments and processing instructions inside text", () => {
    const doc = edit("<phone>0901-6223641</phone>", "<phone><![CDATA[a<b&c]]><!-- note -->d&amp;e<?pi x?>f</phone>");
    expect(parseXml(doc).contact!.phone).toBe("a<b&cd&ef");
  });

  it("line ends in text by XML's rules: literal CR and CRLF are LF, references keep CR", () => {
    const doc = edit("<phone>0901-6223641</phone>", "<phone>a\r\nb\rc&#xD;&#xA;d&#13;</phone>");
    expect(parseXml(doc).contact!.phone).toBe("a\nb\nc\r\nd\r");
  });

  it("attribute values by XML's rules: literal tab and line ends are spaces, references are kept", () => {
    const doc = edit('pointer="/applications/newReceived/total"', 'pointer="/a\tb\r\nc&#x9;d&#xA;"');
    expect(Object.keys(parseXml(doc).sourceTokens!)[0]).toBe("/a b c\td\n");
  });

  it("numbers and booleans with the white space and signs XSD allows, and xsi:nil written as 1 or false", () => {
    let doc = edit("<naturalPerson>9</naturalPerson>", "<naturalPerson>\n +009 </naturalPerson>");
    doc = doc.replace("<runIn>true</runIn>", "<runIn> 1 </runIn>").replace('<total xsi:nil="true"/>', '<total xsi:nil="1"/>');
    doc = doc.replace("<feeAmountThisYear>1211</feeAmountThisYear>", '<feeAmountThisYear xsi:nil="false">1211.000</feeAmountThisYear>');
    expect(parseXml(doc)).toStrictEqual(seed);
  });

  it("short and long forms of empty elements", () => {
    const r = withSeed((r) => (r.preamble = []));
    const empty = renderXml(r);
    expect(empty).toContain("<preamble/>");
    expect(parseXml(empty.replace("<preamble/>", "<preamble>\n  </preamble>"))).toStrictEqual(r);
  });

  it("a source token keyed __proto__ (as data, not as the object's prototype)", () => {
    const doc = edit('pointer="/applications/newReceived/total"', 'pointer="__proto__"');
    const tokens = parseXml(doc).sourceTokens!;
    expect(Object.keys(tokens)[0]).toBe("__proto__");
    expect(Object.getPrototypeOf(tokens)).toBe(Object.prototype);
  });
});

describe("parseXml refuses, with a typed error that says where", () => {
  const fails = (doc: unknown, locale?: "en") => {
    try {
      parseXml(doc as string, locale ? { locale } : {});
    } catch (e) {
      expect(e).toBeInstanceOf(XmlParseError);
      return e as XmlParseError;
    }
    throw new Error("parseXml did not throw");
  };
  const lineOf = (doc: string, needle: string) => doc.slice(0, doc.indexOf(needle)).split("\n").length;

  it("what is not XML", () => {
    expect(fails("")).toMatchObject({ code: "NOT-WELL-FORMED" });
    expect(fails("a report")).toMatchObject({ code: "NOT-WELL-FORMED" });
    const cut = xml.slice(0, 2000);
    expect(fails(cut)).toMatchObject({ code: "NOT-WELL-FORMED" });
    const doc = edit("</title>", "</titel>");
    expect(fails(doc)).toMatchObject({ code: "NOT-WELL-FORMED", line: lineOf(doc, "</titel>") });
  });

  it("characters XML 1.0 forbids, literally or as references, at their line and column", () => {
    const doc = edit("<phone>0901", "<phone>09\u000101");
    const e = fails(doc);
    expect(e).toMatchObject({ code: "NOT-WELL-FORMED", line: lineOf(doc, "\u0001") });
    expect(e.column).toBe(doc.split("\n")[e.line! - 1]!.indexOf("\u0001") + 1);
    expect(e.message).toContain("U+0001");
    expect(fails(edit("<phone>0901", "<phone>&#x0;"), "en").message).toMatch(/&#x0; \(U\+0000\) is not a valid reference/);
    expect(fails(edit("<phone>0901", "<phone>&#xFFFF;"))).toMatchObject({ code: "NOT-WELL-FORMED" });
  });

  it("entities other than XML's five (no DTD defines any), and bare ampersands", () => {
    expect(fails(edit("<phone>0901", "<phone>&nbsp;")).message).toContain("&nbsp;");
    expect(fails(edit("<phone>0901", "<phone>a & b"))).toMatchObject({ code: "NOT-WELL-FORMED" });
  });

  it("a DOCTYPE, and XML 1.1 (whose line ends and characters differ)", () => {
    expect(fails(xml.replace("\n<report", '\n<!DOCTYPE report [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<report'))).toMatchObject({
      code: "DOCTYPE",
      line: 2,
    });
    expect(fails(xml.replace('version="1.0"', 'version="1.1"')).message).toContain("1.1");
  });

  it("markup XML forbids that fast-xml-parser lets through", () => {
    expect(fails(`${xml}<report/>`)).toMatchObject({ code: "NOT-WELL-FORMED" });
    expect(fails(`${xml}junk`)).toMatchObject({ code: "NOT-WELL-FORMED" });
    expect(fails(edit("<phone>0901", "<phone>]]>"))).toMatchObject({ code: "NOT-WELL-FORMED" });
    expect(fails(edit('pointer="/applications', 'pointer="<applications'))).toMatchObject({ code: "NOT-WELL-FORMED" });
    expect(fails(edit("<title>", "<q:title>").replace("</title>", "</q:title>")).message).toContain("q");
  });

  it("a root that is not <report> in an edition's namespace", () => {
    expect(fails(xml.replace(` xmlns="${NS}"`, ""))).toMatchObject({ code: "NOT-A-REPORT" });
    expect(fails(xml.replace(NS, "urn:zfxxgk:annual-report:2099")).message).toContain("urn:zfxxgk:annual-report:2099");
    expect(fails(`<report-list xmlns="${NS}"/>`)).toMatchObject({ code: "NOT-A-REPORT" });
  });

  it("elements the vocabulary does not have, twice, or missing, naming the element's path and line", () => {
    const unknown = edit("<carriedOver>", "<foreign/>\n    <carriedOver>");
    expect(fails(unknown)).toMatchObject({ code: "STRUCTURE", path: "/report/applications", line: lineOf(unknown, "<foreign/>") });
    expect(fails(unknown, "en").message).toBe(
      `unexpected element <foreign> in /report/applications (line ${lineOf(unknown, "<foreign/>")})`,
    );
    expect(fails(edit("<carriedOver>", '<x:carriedOver xmlns:x="urn:other"/><carriedOver>')).message).toContain("urn:other");
    expect(fails(edit(/<title>[^<]*<\/title>/, "<title>a</title><title>b</title>"))).toMatchObject({ code: "STRUCTURE" });
    const missing = fails(edit(/\s*<year>2024<\/year>/, ""));
    expect(missing).toMatchObject({ code: "STRUCTURE", path: "/report" });
    expect(missing.message).toBe("/report 缺少元素 <year>（第 2 行）");
    expect(fails(edit(/<otherOrganization>0<\/otherOrganization>/, ""))).toMatchObject({
      code: "STRUCTURE",
      path: "/report/applications/newReceived",
    });
  });

  it("text, attributes and xsi:nil where they do not belong", () => {
    expect(fails(edit("<agency>", "<agency>塔城"))).toMatchObject({ code: "STRUCTURE", path: "/report/agency" });
    expect(fails(edit("<title>", '<title lang="zh">'))).toMatchObject({ code: "STRUCTURE", path: "/report/title" });
    expect(fails(edit(/<title>[^<]*<\/title>/, '<title xsi:nil="true"/>'))).toMatchObject({ code: "STRUCTURE" });
    expect(fails(edit('<total xsi:nil="true"/>', '<total xsi:nil="true">3</total>'))).toMatchObject({ code: "VALUE" });
    expect(fails(edit('<token pointer="/applications/newReceived/total">', "<token>"))).toMatchObject({ code: "STRUCTURE" });
    expect(fails(edit('pointer="/applications/carriedOver/total"', 'pointer="/applications/newReceived/total"'))).toMatchObject({
      code: "STRUCTURE",
    });
  });

  it("values that are not of their element's type", () => {
    const e = fails(edit("<naturalPerson>9</naturalPerson>", "<naturalPerson>9人</naturalPerson>"));
    expect(e).toMatchObject({ code: "VALUE", path: "/report/applications/newReceived/naturalPerson" });
    expect(e.message).toContain("“9人”不是整数");
    expect(fails(edit("<naturalPerson>9</naturalPerson>", "<naturalPerson>1e3</naturalPerson>"))).toMatchObject({ code: "VALUE" });
    expect(fails(edit("<naturalPerson>9</naturalPerson>", "<naturalPerson></naturalPerson>"))).toMatchObject({ code: "VALUE" });
    expect(fails(edit("<runIn>true</runIn>", "<runIn>yes</runIn>"), "en").message).toContain('"yes" is not a boolean');
    expect(fails(edit("<year>2024</year>", `<year>${"9".repeat(400)}</year>`))).toMatchObject({ code: "VALUE" });
  });

  it("absurd nesting, without overflowing the stack", () => {
    const deep = `<report xmlns="${NS}">${"<a>".repeat(50_000)}${"</a>".repeat(50_000)}</report>`;
    expect(fails(deep)).toBeInstanceOf(XmlParseError);
  });

  it("a value that is not a string", () => {
    expect(() => parseXml(Buffer.from(xml) as any)).toThrow(TypeError);
  });
});
