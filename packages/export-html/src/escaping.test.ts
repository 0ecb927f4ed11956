// Everything from the report is escaped: reports of either edition whose every text field (and,
// for a report rendered with --force, every cell) holds a hostile string, parsed back with a real
// HTML parser, have exactly the elements and attributes the templates write, and the strings as text.
import Handlebars from "handlebars";
import { describe, expect, it } from "vitest";
import { renderHtml } from "./index.js";
import { byTag, comments, elements, parseDocument, parseHtmlFragment, text, type Node } from "./test-support/html.js";
import { mapCells, pingtan2019, seed } from "./test-support/seed.js";

const HOSTILE = [
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "'><svg onload=alert(1)>",
  "` onmouseover=alert(1) x=`",
  "{{constructor}}",
  "{{#each this}}{{this}}{{/each}}{{> report}}{{{title}}}",
  "</style><script>alert(1)</script>",
  "</title><script>alert(1)</script>",
  "</textarea></noscript><plaintext>",
  "<!-- comment --><![CDATA[ x ]]><?php ?>",
  "&amp; &lt;b&gt; &#60;i&#62; &",
  "javascript:alert(1)",
  "line\u2028separator\u2029paragraph\nnewline",
  "nul\u0000 bell\u0007 esc\u001b del\u007f nel\u0085 vt\u000b ff\u000c",
  "lone \ud800 surrogates \udfff and a pair 😀",
  "\ufeffBOM, noncharacters \ufffe \uffff \ufdd0",
];

type Json = string | number | boolean | null | Json[] | { [k: string]: Json };
/** Every string of the report but `edition` replaced by s(path). */
function mapStrings(value: Json, s: () => string, key = ""): Json {
  if (typeof value === "string") return key === "edition" ? value : s();
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, s));
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, s, k)]));
  return value;
}

const base = seed();
/** The 2019 report with a preamble too, so that every text part the page prints holds the string. */
const base2019 = { ...pingtan2019(), preamble: ["前言"] };
const filled = (report: typeof base | typeof base2019, h: string, cells: boolean) => {
  const r = mapStrings(report as unknown as Json, () => h) as unknown as typeof report;
  return cells ? mapCells(r, () => h) : r;
};

/** The same shape with harmless text: the same line breaks (a template writes <br> for each). */
const harmless = (h: string) =>
  h
    .split(/\r\n|\r|\n|\u2028|\u2029/)
    .map(() => "x")
    .join("\n");

/** Tag names and attributes in document order: what the templates wrote. */
const skeleton = (root: Node) =>
  elements(root).map((e) => `${e.tagName}[${e.attrs.map((a) => `${a.name}=${JSON.stringify(a.value)}`).join(" ")}]`);

/** The text a reader should get: characters HTML forbids become U+FFFD, nothing else changes. */
function readable(h: string): string {
  let out = "";
  for (const ch of h) {
    const c = ch.codePointAt(0)!;
    const forbidden =
      (c < 0x20 && ch !== "\t" && ch !== "\n" && ch !== "\r") ||
      (c >= 0x7f && c <= 0x9f) ||
      (c >= 0xd800 && c <= 0xdfff) ||
      c === 0xfffe ||
      c === 0xffff ||
      (c >= 0xfdd0 && c <= 0xfdef);
    out += forbidden ? "\ufffd" : ch;
  }
  return out;
}

describe.each([
  ["every text field", "2021", false],
  ["every text field and every cell", "2021", true],
  ["every text field", "2019", false],
  ["every text field and every cell", "2019", true],
] as const)("hostile strings in %s of a %s-edition report", (_, edition, cells) => {
  const report = edition === "2021" ? base : base2019;
  it.each(HOSTILE.map((h) => [JSON.stringify(h), h]))(
    "%s: only the templates' elements and attributes; the string comes back as text",
    (_, h) => {
      for (const mode of ["document", "fragment"] as const) {
        const html = renderHtml(filled(report, h!, cells), { mode });
        const parse = mode === "document" ? parseDocument : parseHtmlFragment;
        const { root, errors } = parse(html);
        const reference = parse(renderHtml(filled(report, harmless(h!), cells), { mode })).root;
        expect(errors).toEqual([]);
        expect(skeleton(root)).toEqual(skeleton(reference));
        expect(comments(root)).toEqual([]);
        const all = elements(root);
        expect(all.filter((e) => ["script", "img", "svg", "plaintext", "textarea", "noscript"].includes(e.tagName))).toEqual([]);
        expect(all.flatMap((e) => e.attrs.map((a) => a.name)).filter((n) => n.startsWith("on"))).toEqual([]);
        // the string, as text, wherever the report's text is printed
        const expected = readable(h!);
        expect(text(byTag(root, "h1")[0]!)).toBe(expected);
        const firstParagraph = byTag(byTag(root, "header")[0]!, "p")[0]!;
        expect(text(firstParagraph)).toBe(expected.replace(/\r\n|\r|\n|\u2028|\u2029/g, ""));
        expect(text(byTag(root, "footer")[0]!)).toContain(expected);
        if (mode === "document") expect(text(byTag(root, "title")[0]!)).toBe(expected);
        if (cells) {
          const cell = byTag(root, "td").find((td) => td.attrs.some((a) => a.value === "zfxxgk-num"))!;
          expect(text(cell)).toBe(expected);
        }
      }
    },
  );
});

describe("isolation", () => {
  it("helpers and partials registered on the global Handlebars never reach the templates", () => {
    const before = renderHtml(base);
    Handlebars.registerHelper("eachCell", () => "PWNED");
    Handlebars.registerHelper("helperMissing", () => "PWNED");
    Handlebars.registerPartial("paragraph", "PWNED");
    Handlebars.registerPartial("report", "PWNED");
    try {
      expect(renderHtml(base)).toBe(before);
    } finally {
      Handlebars.unregisterHelper("eachCell");
      Handlebars.unregisterPartial("paragraph");
      Handlebars.unregisterPartial("report");
    }
  });

  it("a polluted Object.prototype adds nothing to the page", () => {
    const before = renderHtml(base);
    const proto = Object.prototype as Record<string, unknown>;
    proto.lead = "<b>PWNED</b>";
    proto.colspan = 99;
    proto.lines = ["PWNED"];
    try {
      expect(renderHtml(base)).toBe(before);
    } finally {
      delete proto.lead;
      delete proto.colspan;
      delete proto.lines;
    }
  });
});
