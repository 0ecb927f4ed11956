// Character-level rules, against what XML 1.0 and XSD say (not against the code's own output).
import { describe, expect, it } from "vitest";
import { BadReference, decimalLiteral, decodeReferences, DECIMAL, escapeAttribute, escapeText, firstForbidden } from "./chars.js";

describe("characters XML 1.0 cannot carry", () => {
  // XML 1.0 §2.2: Char ::= #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]
  it.each([
    ["U+0000", "\u0000"],
    ["U+0008", "\b"],
    ["U+000B", "\u000b"],
    ["U+000C", "\f"],
    ["U+001F", "\u001f"],
    ["U+FFFE", "\ufffe"],
    ["U+FFFF", "\uffff"],
    ["U+D800", "\ud800"],
    ["U+DC00", "\udc00"],
  ])("%s is found, with its position", (name, c) => {
    expect(firstForbidden(`ab${c}`)).toEqual({ index: 2, char: name });
  });

  it.each([["\t"], ["\n"], ["\r"], [" "], ["\u007f"], ["\u0085"], ["\u2028"], ["\ud7ff"], ["\ue000"], ["\ufffd"], ["😀"], ["\u{10ffff}"]])(
    "%j is allowed",
    (c) => {
      expect(firstForbidden(`a${c}b`)).toBeNull();
    },
  );
});

describe("escaping", () => {
  it("text: markup characters, and CR and LF as references (a parser would turn CR into LF)", () => {
    expect(escapeText(`a&b<c>d]]>e"f'g\th\ri\nj`)).toBe(`a&amp;b&lt;c&gt;d]]&gt;e"f'g\th&#xD;i&#xA;j`);
  });

  it("attributes: also the quote, and tab, LF, CR (attribute normalisation would make them spaces)", () => {
    expect(escapeAttribute(`a&b<c>d"e'f\tg\nh\ri`)).toBe(`a&amp;b&lt;c&gt;d&quot;e'f&#x9;g&#xA;h&#xD;i`);
  });
});

describe("decimal literals", () => {
  it.each([
    [0, "0"],
    [-0, "-0"],
    [0.1, "0.1"],
    [24252.311082, "24252.311082"],
    [96171.6, "96171.6"],
    [1e15, "1000000000000000"],
    [1e21, "1000000000000000000000"],
    [1.5e21, "1500000000000000000000"],
    [9007199254740991, "9007199254740991"],
    [1e-7, "0.0000001"],
    [1.2345e-10, "0.00000000012345"],
    [0.30000000000000004, "0.30000000000000004"],
  ])("%d is written %s, an xs:decimal that reads back the same", (n, literal) => {
    expect(decimalLiteral(n)).toBe(literal);
    expect(DECIMAL.test(literal)).toBe(true);
    expect(Object.is(Number(literal), n)).toBe(true);
  });

  it("the smallest double has 324 fraction digits and still reads back", () => {
    const s = decimalLiteral(5e-324);
    expect(s).toMatch(/^0\.0{323}5$/);
    expect(Number(s)).toBe(5e-324);
  });
});

describe("references", () => {
  it("decodes the five predefined entities and character references, astral ones included", () => {
    expect(decodeReferences("&lt;&gt;&amp;&quot;&apos;&#65;&#x42;&#x1F600;&#xD;&#13;&#x9;")).toBe(`<>&"'AB😀\r\r\t`);
  });

  it.each([["&nbsp;"], ["&foo;"], ["&#0;"], ["&#x1;"], ["&#xD800;"], ["&#xFFFE;"], ["&#x110000;"], ["a & b"], ["&amp"], ["&#x;"]])(
    "refuses %s",
    (s) => {
      expect(() => decodeReferences(s)).toThrow(BadReference);
    },
  );
});
