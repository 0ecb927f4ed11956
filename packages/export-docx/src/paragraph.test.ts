// paragraph.ts writes a paragraph from templates/paragraph.hbs cut into pieces once per shape; it
// must give exactly what the template gives for the same paragraph, whatever the text holds.
import { describe, expect, it } from "vitest";
import { utf8 } from "./bytes.js";
import { paragraphXml } from "./paragraph.js";
import { compiled } from "./templates.js";

const texts = ["", "正文。", "a & b < c > d \" ' ` =", "</w:t></w:r></w:p>", "😀 𠀀 \u202E\u200B\uFEFF", "{{text}} \\{{lead}}", " spaced "];
const styles = [undefined, "Title", "TableNote"];
const leads = [undefined, "", "（一）主动公开。", "<b>&"];

/** The template itself, with the text as the view gave it before (a byte string, escaped by the template). */
const byTemplate = (text: string, style?: string, lead?: string) =>
  compiled.paragraph!({ text: utf8(text), style, ...(lead ? { lead: utf8(lead) } : {}) }).replace(/\n$/, "");

describe("a paragraph's XML", () => {
  it("is the template's own output for every style, with and without a run-in heading", () => {
    for (const text of texts)
      for (const style of styles)
        for (const lead of leads)
          expect(paragraphXml(text, style, lead), JSON.stringify([text, style, lead])).toBe(byTemplate(text, style, lead));
  });

  it("keeps each line of a text with line breaks as its own run after a w:br", () => {
    const xml = paragraphXml("一\r\n二\n三\u2028四", "TableNote", "注：");
    expect(xml.match(/<w:br\/>/g)).toHaveLength(3);
    expect(xml).toContain(utf8("注："));
    expect(xml).not.toMatch(/[\r\n\u2028]/);
  });
});
