// The Word readers on files made by LibreOffice (fixtures/) and on hostile input: a zip bomb, a
// lying archive, a 10k-deep table, a broken or non-Word archive, an encrypted .doc. Each hostile
// file gives report: null and one error diagnostic in the asked locale, never a throw.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { deflateSync, strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { importReport } from "../../index.js";
import { docxToHtml } from "./docx.js";
import { docToHtml } from "./doc.js";

const fixture = (name: string) => new Uint8Array(readFileSync(join(import.meta.dirname, "fixtures", name)));
const example = JSON.parse(readFileSync(join(import.meta.dirname, "../../../../../examples/tacheng-2024/report.json"), "utf8"));

const CONTENT_TYPES =
  `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
  `<Override PartName="/word/document.xml" ` +
  `ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
const W = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`;
const docx = (body: string) =>
  zipSync({
    "[Content_Types].xml": strToU8(CONTENT_TYPES),
    "word/document.xml": strToU8(`<?xml version="1.0"?><w:document ${W}><w:body>${body}</w:body></w:document>`),
  });

async function refused(bytes: Uint8Array) {
  const zh = await importReport(bytes);
  const en = await importReport(bytes, { locale: "en" });
  expect(zh.report).toBeNull();
  expect(zh.diagnostics).toHaveLength(1);
  expect(zh.diagnostics[0]!.severity).toBe("error");
  expect(zh.diagnostics[0]!.message).toMatch(/[\u4e00-\u9fff]/);
  expect(en.diagnostics[0]!.message).not.toMatch(/[\u4e00-\u9fff]{3}/);
  return { zh: zh.diagnostics[0]!, en: en.diagnostics[0]!, format: zh.format };
}

/** Sets the little-endian u32 at each central-directory (and local) header's size field. */
function declareSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const b = zip.slice();
  const view = new DataView(b.buffer);
  const n = strToU8(name);
  for (let i = 0; i + 46 < b.length; i++) {
    const sig = view.getUint32(i, true);
    if (sig === 0x02014b50 && n.every((c, k) => b[i + 46 + k] === c)) view.setUint32(i + 24, size, true);
    if (sig === 0x04034b50 && n.every((c, k) => b[i + 30 + k] === c)) view.setUint32(i + 22, size, true);
  }
  return b;
}

describe("Word files made by LibreOffice from the exported 塔城市 2024 report", () => {
  it.each(["tacheng.docx", "tacheng.doc"])("%s imports every cell of the report", async (name) => {
    const r = await importReport(fixture(name));
    expect(r.format).toBe(name.endsWith("x") ? "docx" : "doc");
    expect(r.edition).toBe("2021");
    // the example leaves four 总计 cells blank: blank, not 0, and everything else read as printed
    expect(r.stats).toMatchObject({ cells: 200, read: 196, blank: 4, ambiguous: 0, missing: 0 });
    // the exporter's table captions (表二 …) are hidden in a browser but printed by Word, and read
    // back as the tables' notes: cells are compared, not notes
    const cells = (t: any) => Object.fromEntries(Object.entries(t).filter(([k]) => k !== "notes"));
    expect(cells((r.report as any).applications)).toEqual(example.applications);
    expect(cells((r.report as any).reviewAndLitigation)).toEqual(example.reviewAndLitigation);
    expect((r.report as any).proactiveDisclosure.article20Item1).toEqual(example.proactiveDisclosure.article20Item1);
    expect((r.report as any).overview).toEqual(example.overview);
  });

  it("a .docx keeps Word's merged cells: gridSpan as colspan, a vMerge run as one cell with rowspan", () => {
    const html = docxToHtml(fixture("tacheng.docx"));
    // 三、本年度办理结果 runs down the outcome rows (（一）… to （七）总计: 22 rows)
    expect(html).toMatch(/<td rowspan="22"><p>三、本年度办理结果<\/p><\/td>/);
    expect(html).toMatch(/<td colspan="3"><p>一、本年新收政府信息公开申请数量<\/p><\/td>/);
  });

  it(
    "a .docx's legacy w:hMerge joins cells, " +
      "w:vMerge without restart below a merge continues it, deleted text and field codes are left out",
    () => {
      const tc = (pr: string, text: string) => `<w:tc><w:tcPr>${pr}</w:tcPr><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:tc>`;
      const body =
        `<w:tbl><w:tr>${tc('<w:hMerge w:val="restart"/>', "甲")}${tc("<w:hMerge/>", "")}${tc('<w:vMerge w:val="restart"/>', "乙")}</w:tr>` +
        `<w:tr>${tc("", "1")}${tc("", "2")}${tc("<w:vMerge/>", "")}</w:tr></w:tbl>` +
        `<w:p><w:r><w:t xml:space="preserve">A &amp; B </w:t></w:r><w:del><w:r><w:delText>gone</w:delText></w:r></w:del>` +
        `<w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>hidden</w:t></w:r></w:p>`;
      const html = docxToHtml(docx(body));
      expect(html).toContain(
        `<table><tr><td colspan="2"><p>甲</p></td><td rowspan="2"><p>乙</p></td></tr><tr><td><p>1</p></td><td><p>2</p></td></tr></table>`,
      );
      expect(html).toContain("<p>A &amp; B <span hidden>hidden</span></p>");
    },
  );

  it(
    "a .docx's automatic numbering is drawn into the text: " + "一、 from a heading style's list, （一） and 1. from the paragraph's own",
    () => {
      const numbering = `<w:numbering ${W}>
      <w:abstractNum w:abstractNumId="7"><w:lvl w:ilvl="0"><w:start w:val="1"/>\
<w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
        <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl></w:abstractNum>
      <w:abstractNum w:abstractNumId="8"><w:lvl w:ilvl="0"><w:start w:val="1"/>\
<w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>
      <w:num w:numId="1"><w:abstractNumId w:val="7"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="8"/></w:num></w:numbering>`;
      const styles = `<w:styles ${W}><w:style w:type="paragraph" w:styleId="H1"><w:pPr>\
<w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
      <w:style w:type="paragraph" w:styleId="H1Report"><w:basedOn w:val="H1"/></w:style></w:styles>`;
      const p = (pPr: string, text: string) => `<w:p><w:pPr>${pPr}</w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;
      const list = (id: number, lvl: number) => `<w:numPr><w:ilvl w:val="${lvl}"/><w:numId w:val="${id}"/></w:numPr>`;
      const body = [
        p('<w:pStyle w:val="H1Report"/>', "总体情况"),
        p(list(1, 1), "主动公开"),
        p(list(1, 1), "依申请公开"),
        p('<w:pStyle w:val="H1"/>', "主动公开政府信息情况"),
        p(list(1, 1), "规章"),
        p(list(2, 0), "属于国家秘密"),
        p(list(2, 0), "其他法律行政法规禁止公开"),
        p('<w:pStyle w:val="H1"/><w:numPr><w:numId w:val="0"/></w:numPr>', "不编号"),
      ].join("");
      const zip = zipSync({
        "[Content_Types].xml": strToU8(CONTENT_TYPES),
        "word/document.xml": strToU8(`<w:document ${W}><w:body>${body}</w:body></w:document>`),
        "word/numbering.xml": strToU8(numbering),
        "word/styles.xml": strToU8(styles),
      });
      const paras = [...docxToHtml(zip).matchAll(/<p>([^<]*)<\/p>/g)].map((m) => m[1]);
      expect(paras).toEqual([
        "一、总体情况",
        "（一）主动公开",
        "（二）依申请公开",
        "二、主动公开政府信息情况",
        "（一）规章",
        "1.属于国家秘密",
        "2.其他法律行政法规禁止公开",
        "不编号",
      ]);
    },
  );

  it("a .doc keeps its rows and merged cells from the paragraph and row properties", () => {
    const html = docToHtml(fixture("tacheng.doc"));
    expect(html).toMatch(/<td rowspan="22"><p>三、本年度办理结果<\/p><\/td>/);
    expect(html.match(/<table>/g)).toHaveLength(3);
    expect(html).toContain("<p>一、总体情况</p>");
  });
});

describe("hostile and broken Word input: a clear error, never a throw", () => {
  it("a zip bomb whose part claims a small size is stopped while inflating", async () => {
    const bomb = zipSync({ "[Content_Types].xml": strToU8(CONTENT_TYPES), "word/document.xml": new Uint8Array(8 * 1024 * 1024) });
    const lying = declareSize(bomb, "word/document.xml", 4096);
    const before = process.memoryUsage().rss;
    const { zh, en } = await refused(lying);
    expect(zh.reason).toBe("too-large");
    expect(zh.message).toContain("word/document.xml");
    expect(en.message).toMatch(/zip bomb/);
    expect(process.memoryUsage().rss - before).toBeLessThan(64 * 1024 * 1024);
  });

  it("an archive declaring more than the cap in all is refused before anything is inflated", async () => {
    const files: Record<string, Uint8Array> = { "word/document.xml": strToU8(`<w:document ${W}/>`) };
    for (let i = 0; i < 5; i++) files[`media/${i}.bin`] = new Uint8Array(10);
    let zip: Uint8Array = zipSync(files);
    for (let i = 0; i < 5; i++) zip = declareSize(zip, `media/${i}.bin`, 100 * 1024 * 1024);
    const { zh } = await refused(zip);
    expect(zh.reason).toBe("too-large");
  });

  it("an archive of more entries than any Word file has is refused", async () => {
    const files: Record<string, Uint8Array> = {};
    for (let i = 0; i < 10_001; i++) files[`f${i}`] = new Uint8Array(0);
    const { zh, en } = await refused(zipSync(files, { level: 0 }));
    expect(zh.reason).toBe("too-large");
    expect(en.message).toContain("10001");
  });

  it("a table nested 10,000 deep is refused by depth, without a stack overflow", async () => {
    const deep = docx(`${"<w:tbl><w:tr><w:tc>".repeat(10_000)}<w:p/>${"</w:tc></w:tr></w:tbl>".repeat(10_000)}`);
    const { zh, en } = await refused(deep);
    expect(zh.reason).toBe("unreadable");
    expect(en.message).toMatch(/more than 32 deep/);
  });

  it("elements nested 100,000 deep are refused the same way", async () => {
    const { en } = await refused(docx(`${"<w:sdt>".repeat(100_000)}${"</w:sdt>".repeat(100_000)}`));
    expect(en.message).toMatch(/more than 1000 deep/);
  });

  it("a .docx cut short is a damaged file", async () => {
    const whole = fixture("tacheng.docx");
    const { zh, en } = await refused(whole.subarray(0, Math.floor(whole.length / 2)));
    expect(zh.reason).toBe("unreadable");
    expect(en.message).toMatch(/damaged/);
  });

  it("a .docx whose body is not well-formed XML says so", async () => {
    const { en } = await refused(zipSync({ "word/document.xml": strToU8(`<w:document ${W}><w:body><w:p></w:body>`) }));
    expect(en.message).toMatch(/not well-formed/);
  });

  it("a ZIP that is not a Word file (a spreadsheet) says it is not Word", async () => {
    const { zh, en, format } = await refused(
      zipSync({ "xl/workbook.xml": strToU8("<workbook/>"), "[Content_Types].xml": strToU8("<Types/>") }),
    );
    expect(format).toBe("docx");
    expect(zh.message).toContain("不是 Word 文件");
    expect(en.message).toMatch(/not a Word file/);
  });

  it("a compressed part whose data is corrupt is a damaged file", async () => {
    const good = zipSync({
      "word/document.xml": deflateSync(strToU8("x")).length
        ? strToU8(`<w:document ${W}><w:body>${"<w:p><w:r><w:t>年报</w:t></w:r></w:p>".repeat(200)}</w:body></w:document>`)
        : new Uint8Array(),
    });
    const bad = good.slice();
    for (let i = 60; i < 90; i++) bad[i] = 0xff;
    const { zh } = await refused(bad);
    expect(zh.reason).toBe("unreadable");
  });

  it("an encrypted .doc asks for the file without its password", async () => {
    // the FIB's fEncrypted bit set in a real .doc: the WordDocument stream starts on a sector
    // boundary with the magic A5EC
    const doc = fixture("tacheng.doc").slice();
    let fib = -1;
    for (let i = 512; i < doc.length; i += 512) if (doc[i] === 0xec && doc[i + 1] === 0xa5) fib = i;
    expect(fib).toBeGreaterThan(0);
    doc[fib + 0x0b]! |= 0x01;
    const { zh, en, format } = await refused(doc);
    expect(format).toBe("doc");
    expect(zh.message).toContain("加密");
    expect(en.message).toMatch(/encrypted/);
  });

  it("an encrypted .docx (a compound file holding an EncryptedPackage stream) asks for the file without its password", async () => {
    const doc = fixture("tacheng.doc").slice();
    const utf16 = (t: string) => new Uint8Array([...strToU8(t)].flatMap((c) => [c, 0]));
    const from = utf16("WordDocument");
    const to = utf16("EncryptedPackage\0");
    const at = doc.findIndex((_, i) => from.every((c, k) => doc[i + k] === c));
    expect(at).toBeGreaterThan(0);
    // the directory entry: the name (UTF-16, with its terminator) and its length in bytes at 0x40
    doc.set(to, at);
    new DataView(doc.buffer).setUint16(at + 0x40, to.length, true);
    const { zh, en } = await refused(doc);
    expect(zh.message).toContain("加密");
    expect(en.message).toMatch(/encrypted/);
  });

  it("a compound file that is not a Word document (no WordDocument stream) says so", async () => {
    const doc = fixture("tacheng.doc").slice();
    // rename the stream in the directory: "WordDocument" in UTF-16 → "XordDocument"
    const name = new Uint8Array([...strToU8("WordDocument")].flatMap((c) => [c, 0]));
    let renamed = 0;
    for (let i = 0; i + name.length < doc.length; i++) {
      if (name.every((c, k) => doc[i + k] === c)) {
        doc[i] = 0x58;
        renamed++;
      }
    }
    expect(renamed).toBeGreaterThan(0);
    const { en } = await refused(doc);
    expect(en.message).toMatch(/not a Word document/);
  });

  it("a .doc cut short is a damaged file", async () => {
    const whole = fixture("tacheng.doc");
    const { zh } = await refused(whole.subarray(0, 4096));
    expect(zh.reason).toBe("unreadable");
  });
});
