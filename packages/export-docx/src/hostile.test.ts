// Text is text: whatever a report holds comes back from the document as it was written, and what
// XML 1.0 cannot carry is refused with its pointer, never dropped or replaced.
import { describe, expect, it } from "vitest";
import { DocxExportError, renderDocx } from "./index.js";
import { all, body, parseXml, parts, seed, textOf } from "./test-support/docx.js";

const HOSTILE = [
  "</w:t></w:r></w:p><w:p><w:r><w:t>injected",
  '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>&e;',
  "]]> <![CDATA[ x ]]> &amp; &lt;w:t&gt; &#x41; &nbsp;",
  "{{title}} {{{preamble}}} {{> document}} \\{{escaped}}",
  `quotes " ' \` = and a tab\tinside`,
  "emoji 😀, Extension B 𠀀𪚥, RTL override \u202Eabc\u202C, zero width \u200B, BOM \uFEFF",
  'a "<script>alert(1)</script>" in the text',
];

describe("hostile text", () => {
  it("every string comes back from document.xml exactly as written, in the paragraph, heading or cell it was written in", () => {
    const report = seed();
    report.title = HOSTILE[0];
    report.preamble = HOSTILE;
    report.overview.subsections[0].heading = HOSTILE[3];
    report.applications.notes = [HOSTILE[1], HOSTILE[6]];
    report.signature.agency = HOSTILE[2];
    const files = parts(renderDocx(report));
    const blocks = body(files["word/document.xml"]!);
    expect(textOf(blocks[0]!)).toBe(HOSTILE[0]);
    expect(blocks.slice(1, 1 + HOSTILE.length).map(textOf)).toEqual(HOSTILE);
    const texts = blocks.map(textOf);
    expect(texts.some((t) => t.startsWith(HOSTILE[3]!))).toBe(true);
    expect(texts).toContain(HOSTILE[1]);
    expect(texts.at(-2)).toBe(HOSTILE[2]);
    // no element came from the text: exactly the paragraphs the seed has, plus the preamble's extra ones
    const plain = body(parts(renderDocx(seed()))["word/document.xml"]!);
    expect(blocks.length).toBe(plain.length + HOSTILE.length - seed().preamble.length + 2 - (seed().applications.notes?.length ?? 0));
    // the title in the document's properties too
    expect(
      all(parseXml(files["docProps/core.xml"]!), "dc:title")[0]!
        .children.map((t) => t.text)
        .join(""),
    ).toBe(HOSTILE[0]);
  });

  it("a line break inside a paragraph stays a line break of that paragraph (w:br)", () => {
    const report = seed();
    report.preamble = ["第一行\n第二行\r\n第三行\u2028第四行"];
    const p = body(parts(renderDocx(report))["word/document.xml"]!)[1]!;
    expect(textOf(p)).toBe("第一行\n第二行\n第三行\n第四行");
    expect(all(p, "w:br")).toHaveLength(3);
  });

  it("a value where the schema wants a number is written as what it is, not dropped", () => {
    const report = seed();
    report.applications.newReceived.naturalPerson = "<b>12</b>";
    report.applications.newReceived.commercialEnterprise = 1.5e-7;
    report.applications.newReceived.researchInstitution = 1e21;
    const tbl = body(parts(renderDocx(report))["word/document.xml"]!).filter((b) => b.name === "w:tbl")[1]!;
    const tr = tbl.children.filter((c) => c.name === "w:tr")[3]!;
    const values = tr.children
      .filter((c) => c.name === "w:tc")
      .slice(1, 4)
      .map(textOf);
    expect(values).toEqual(["<b>12</b>", "0.00000015", "1000000000000000000000"]);
  });
});

describe("characters XML 1.0 cannot carry are refused with the pointer", () => {
  const cases: [string, (r: any) => void, string, string][] = [
    ["a control character in a paragraph", (r) => (r.overview.paragraphs[0] = "前\u0001后"), "/overview/paragraphs/0", "U+0001"],
    [
      "a lone surrogate in a heading",
      (r) => (r.overview.subsections[1].heading = "（二）\uD800"),
      "/overview/subsections/1/heading",
      "U+D800",
    ],
    ["U+FFFE in the title", (r) => (r.title = "\uFFFE"), "/title", "U+FFFE"],
    ["a form feed in a member the format does not have", (r) => (r["x/y~z"] = { note: ["ok", "\f"] }), "/x~1y~0z/note/1", "U+000C"],
  ];
  it.each(cases)("%s", (_, change, pointer, char) => {
    const report = seed();
    change(report);
    for (const locale of ["zh-CN", "en"] as const) {
      let error: unknown;
      try {
        renderDocx(report, { locale });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(DocxExportError);
      const e = error as DocxExportError;
      expect(e.code).toBe("FORBIDDEN-CHARACTER");
      expect(e.pointer).toBe(pointer);
      expect(e.message).toContain(pointer);
      expect(e.message).toContain(char);
      expect(e.message).toMatch(locale === "en" ? /cannot carry/ : /无法承载/);
    }
  });

  it("a report nested far deeper than the stack is walked, not crashed on", () => {
    const report = seed();
    let deep: any = {};
    report.extra = deep;
    for (let i = 0; i < 100_000; i++) deep = deep.next = {};
    deep.text = "\u0000";
    expect(() => renderDocx(report)).toThrow(DocxExportError);
  });
});

describe("what renderDocx refuses", () => {
  it("a report of an edition it does not lay out, in both languages", () => {
    expect(() => renderDocx({ ...seed(), edition: "2017" })).toThrow(/不支持的格式版本 "2017"/);
    expect(() => renderDocx({ ...seed(), edition: "2017" }, { locale: "en" })).toThrow(/unsupported format edition "2017"/);
    expect(() => renderDocx(null as any)).toThrow(DocxExportError);
  });

  it("a locale it does not speak", () => {
    expect(() => renderDocx(seed(), { locale: "fr" as any })).toThrow(/locale/);
  });
});
