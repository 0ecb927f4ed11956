// renderHtml's page: the two modes, the text parts as the source prints them, the signature,
// the locale, what it refuses, and templates compiled once rather than per call.
import { readdirSync, readFileSync } from "node:fs";
import { editions as schemaEditions, labels as allLabels } from "@zfxxgk/schema";
import { describe, expect, it, vi } from "vitest";
import { RenderError, renderHtml, stylesheet } from "./index.js";
import { attr, byTag, elements, parseDocument, parseHtmlFragment, text, visibleText } from "./test-support/html.js";
import { pingtan2019, seed } from "./test-support/seed.js";
import { env, templateDir } from "./templates.js";

const L = allLabels["2021"];
const report = seed();

describe("document mode", () => {
  const html = renderHtml(report);
  const { root, errors } = parseDocument(html);

  it("is a complete zh-CN page with its title, a phone viewport and the embedded CSS", () => {
    expect(errors).toEqual([]);
    expect(html.startsWith("<!DOCTYPE html>\n")).toBe(true);
    expect(attr(byTag(root, "html")[0]!, "lang")).toBe("zh-CN");
    expect(text(byTag(root, "title")[0]!)).toBe(report.title);
    expect(attr(byTag(root, "meta").find((m) => attr(m, "name") === "viewport")!, "content")).toBe("width=device-width, initial-scale=1");
    expect(attr(byTag(root, "meta")[0]!, "charset")).toBe("utf-8");
    const [style] = byTag(root, "style");
    expect(text(style!).trim()).toBe(stylesheet.trim());
    // A4 print: page size, rows kept whole, headers repeated, page numbers
    expect(stylesheet).toMatch(/@page\s*{[^}]*size:\s*A4/);
    expect(stylesheet).toMatch(/tr\s*{\s*break-inside:\s*avoid/);
    expect(stylesheet).toMatch(/counter\(page\)/);
    expect(byTag(root, "article")).toHaveLength(1);
  });

  it("the fragment is exactly the document's <article>", () => {
    const fragment = renderHtml(report, { mode: "fragment" });
    expect(fragment.startsWith('<article class="zfxxgk-report">')).toBe(true);
    expect(html).toContain(fragment);
    const { root: frag, errors: fragErrors } = parseHtmlFragment(fragment);
    expect(fragErrors).toEqual([]);
    expect(elements(frag).map((e) => e.tagName)).not.toContain("style");
    expect(byTag(frag, "article")).toHaveLength(1);
    expect(frag.childNodes.filter((n) => n.nodeName !== "#text")).toHaveLength(1);
  });
});

describe("the text as the source prints it", () => {
  const { root } = parseHtmlFragment(renderHtml(report, { mode: "fragment" }));
  const sections = byTag(root, "section").filter((s) => attr(s, "class") === "zfxxgk-section");
  const paragraphsOf = (i: number) => byTag(sections[i]!, "p").map((p) => text(p));

  it("title, then the preamble, then the six parts in the format's order under their headings", () => {
    expect(text(byTag(root, "h1")[0]!)).toBe(report.title);
    expect(byTag(byTag(root, "header")[0]!, "p").map((p) => text(p))).toEqual(report.preamble);
    expect(byTag(root, "h2").map((h) => text(h))).toEqual(Object.values(L.sections).map((s) => s.heading));
    expect(sections).toHaveLength(6);
  });

  it("run-in sub-headings open their first paragraph, in <strong>: 「（一）主动公开。2024 年…」", () => {
    const overview = report.overview;
    const expected = [
      ...overview.paragraphs,
      ...overview.subsections!.flatMap((s) => s.paragraphs.map((p, i) => (i === 0 ? s.heading + p : p))),
    ];
    expect(paragraphsOf(0)).toEqual(expected);
    const first = byTag(sections[0]!, "p")[1]!;
    expect(first.childNodes[0]!.nodeName).toBe("strong");
    expect(text(first.childNodes[0]!)).toBe("（一）主动公开。");
    expect(text(first).startsWith("（一）主动公开。2024 年,塔城市")).toBe(true);
    expect(byTag(sections[0]!, "h3")).toHaveLength(0);
  });

  it("五 and 六 keep their paragraphs; markup-like text (《…<办法>…》) stays text", () => {
    expect(paragraphsOf(4)).toEqual(report.problemsAndImprovements.paragraphs);
    expect(paragraphsOf(5)).toEqual(report.otherMatters.paragraphs);
    expect(text(sections[5]!)).toContain("<政府信息公开信息处理费管理办法>");
  });

  it("the signature block closes the page: the agency, and the date as 2025年1月17日", () => {
    const footer = byTag(root, "footer");
    expect(footer).toHaveLength(1);
    expect(byTag(footer[0]!, "p").map((p) => text(p))).toEqual(["塔城市人民政府", "2025年1月17日"]);
    expect(attr(byTag(footer[0]!, "time")[0]!, "datetime")).toBe("2025-01-17");
    const article = byTag(root, "article")[0]!;
    expect(article.childNodes.filter((n) => n.nodeName !== "#text").at(-1)).toBe(footer[0]);
  });

  it("sub-headings on their own line become <h3>; line breaks inside a paragraph become <br>", () => {
    const r = structuredClone(report);
    r.problemsAndImprovements.subsections = [
      { heading: "（一）存在的问题", paragraphs: ["第一行\n第二行", "另一段"] },
      { heading: "（二）改进措施。", runIn: true, paragraphs: [] },
    ];
    const { root: doc } = parseHtmlFragment(renderHtml(r, { mode: "fragment" }));
    const part = byTag(doc, "section").filter((s) => attr(s, "class") === "zfxxgk-section")[4]!;
    expect(byTag(part, "h3").map((h) => text(h))).toEqual(["（一）存在的问题"]);
    const ps = byTag(part, "p");
    expect(ps.map((p) => text(p)).slice(-3)).toEqual(["第一行第二行", "另一段", "（二）改进措施。"]);
    expect(byTag(ps.at(-3)!, "br")).toHaveLength(1);
  });

  it("table notes are printed under their table", () => {
    const r = structuredClone(report);
    r.applications.notes = ["注：本表不含转办件。"];
    const { root: doc } = parseHtmlFragment(renderHtml(r, { mode: "fragment" }));
    const part = byTag(doc, "section").filter((s) => attr(s, "class") === "zfxxgk-section")[2]!;
    const notes = byTag(part, "div").find((d) => attr(d, "class") === "zfxxgk-notes")!;
    expect(byTag(notes, "p").map((p) => text(p))).toEqual(["注：本表不含转办件。"]);
    expect(part.childNodes.indexOf(notes)).toBeGreaterThan(part.childNodes.indexOf(byTag(part, "section")[0]!));
  });

  it("without a signature or a date, no empty block is left", () => {
    const r = structuredClone(report);
    delete r.signature;
    expect(renderHtml(r)).not.toContain("<footer");
    r.signature = { agency: "某局" };
    const { root: doc } = parseHtmlFragment(renderHtml(r, { mode: "fragment" }));
    expect(
      byTag(doc, "footer")[0]!
        .childNodes.filter((n) => n.nodeName === "p")
        .map((p) => text(p)),
    ).toEqual(["某局"]);
  });
});

describe("locale", () => {
  it("en changes only the screen-reader note of a blank cell, marked lang=en; the report stays as written", () => {
    const zh = renderHtml(report);
    const en = renderHtml(report, { locale: "en" });
    const { root } = parseDocument(en);
    const notes = byTag(root, "span").filter((s) => attr(s, "class") === "zfxxgk-sr");
    expect(notes.map((s) => [text(s), attr(s, "lang")])).toEqual(Array(4).fill(["not reported", "en"]));
    expect(visibleText(root)).toBe(visibleText(parseDocument(zh).root));
    expect(attr(byTag(root, "html")[0]!, "lang")).toBe("zh-CN");
  });
});

describe("editions", () => {
  it("renders the edition the report names: a 2019 report in the 2019 layout, both modes", () => {
    const r = pingtan2019();
    const html = renderHtml(r);
    const { root, errors } = parseDocument(html);
    expect(errors).toEqual([]);
    expect(text(byTag(root, "title")[0]!)).toBe(r.title);
    expect(byTag(root, "h2").map((h) => text(h))).toEqual(Object.values(allLabels["2019"].sections).map((s) => s.heading));
    // 第二十条第（九）项 exists in 2019 only; 2021's three-way split of （六）其他处理 does not
    expect(text(root)).toContain(allLabels["2019"].proactiveDisclosure.blocks.article20Item9!.caption);
    expect(text(root)).not.toContain(L.applications.rows["results.other.otherReasons"]);
    const fragment = renderHtml(r, { mode: "fragment" });
    expect(fragment.startsWith('<article class="zfxxgk-report">')).toBe(true);
    expect(html).toContain(fragment);
  });

  it("package.json records the editions it renders, each one an edition of @zfxxgk/schema", () => {
    const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { editions: string[] };
    expect(pkg.editions).toEqual(["2021", "2019"]);
    for (const e of pkg.editions) {
      expect(schemaEditions).toContain(e);
      expect(() =>
        renderHtml({ ...(e === "2019" ? pingtan2019() : report), edition: e } as typeof report, { mode: "fragment" }),
      ).not.toThrow();
    }
  });
});

describe("what renderHtml refuses", () => {
  it("another edition, an unknown mode or locale: a RenderError with a plain message", () => {
    const other = { ...report, edition: "2024" } as unknown as typeof report;
    expect(() => renderHtml(other)).toThrow(RenderError);
    expect(() => renderHtml(other)).toThrow('cannot render edition "2024": the editions supported are 2021 and 2019');
    expect(() => renderHtml({ ...report, edition: undefined } as unknown as typeof report)).toThrow("cannot render edition undefined");
    expect(() => renderHtml(report, { mode: "page" as "document" })).toThrow(/mode must be/);
    expect(() => renderHtml(report, { locale: "fr" as "en" })).toThrow(/locale must be/);
  });

  it("a report missing parts (rendered with --force) still renders: missing cells are blank", () => {
    const partial = { edition: "2021", title: "残缺的报告" } as unknown as typeof report;
    const { root, errors } = parseDocument(renderHtml(partial));
    expect(errors).toEqual([]);
    expect(byTag(root, "td").filter((td) => attr(td, "class")?.includes("zfxxgk-blank"))).toHaveLength(200);
  });
});

describe("templates", () => {
  it("are compiled once, at import: rendering never parses or compiles a template", () => {
    const spies = [vi.spyOn(env, "parse"), vi.spyOn(env, "compile"), vi.spyOn(env, "precompile"), vi.spyOn(env, "template")];
    for (let i = 0; i < 3; i++) renderHtml(report, { mode: i === 1 ? "fragment" : "document", locale: i === 2 ? "en" : "zh-CN" });
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
    for (const spy of spies) spy.mockRestore();
  });

  it("never write report data unescaped: no triple-stash anywhere", () => {
    const files = [...readdirSync(templateDir), ...readdirSync(new URL("layout/", templateDir)).map((f) => `layout/${f}`)].filter((f) =>
      f.endsWith(".hbs"),
    );
    expect(files.length).toBeGreaterThan(10);
    for (const f of files) expect(readFileSync(new URL(f, templateDir), "utf8")).not.toMatch(/{{{|{{&/);
  });
});
