// The document's layout, read back from the .docx: each expectation comes from the labels of the
// edition and the report's own values, not from the templates.
import { labels } from "@zfxxgk/schema";
import { describe, expect, it } from "vitest";
import { renderDocx } from "./index.js";
import {
  all,
  body,
  child,
  paragraphStyle,
  parseXml,
  parts,
  readJson,
  seed,
  span,
  textOf,
  vMerge,
  type XmlNode,
} from "./test-support/docx.js";

const cases = [
  ["2021 (塔城 2024)", seed()],
  ["2019 (平潭 2019)", readJson("packages/schema/rules/fixtures/2019/base.json")],
] as const;

const rows = (tbl: XmlNode) => tbl.children.filter((c) => c.name === "w:tr");
const cells = (tr: XmlNode) => tr.children.filter((c) => c.name === "w:tc");
const gridWidth = (tbl: XmlNode) => all(tbl, "w:gridCol").length;
const hasRowProperty = (tr: XmlNode, name: string) => Boolean(child(child(tr, "w:trPr") ?? { name: "", attrs: {}, children: [] }, name));
const cellValue = (v: unknown) => (v === null || v === undefined ? "" : String(v));
const get = (o: any, path: string[]) => path.reduce((x, k) => x?.[k], o);

describe.each(cases)("a %s report as .docx", (_, report) => {
  const l = labels[report.edition as "2021" | "2019"];
  const files = parts(renderDocx(report));
  const blocks = body(files["word/document.xml"]!);
  const tables = blocks.filter((b) => b.name === "w:tbl");
  const headings = blocks.filter((b) => b.name === "w:p" && paragraphStyle(b) === "Heading1").map(textOf);

  it("opens with the title, then the preamble, then the six parts in the format's order", () => {
    expect(paragraphStyle(blocks[0]!)).toBe("Title");
    expect(textOf(blocks[0]!)).toBe(report.title);
    expect(headings).toEqual(Object.values(l.sections).map((s) => s.heading));
    const afterTitle = blocks.slice(1, 1 + (report.preamble?.length ?? 0)).map(textOf);
    expect(afterTitle).toEqual(report.preamble ?? []);
  });

  it("runs a run-in sub-heading into its first paragraph, in the run-in style; the others stand on their own line", () => {
    const subs = [report.overview, report.problemsAndImprovements, report.otherMatters].flatMap((s: any) => s.subsections ?? []);
    for (const sub of subs) {
      if (sub.runIn) {
        const p = blocks.find((b) => b.name === "w:p" && textOf(b) === sub.heading + (sub.paragraphs[0] ?? ""));
        expect(p, sub.heading).toBeDefined();
        const first = all(p!, "w:r")[0]!;
        expect(all(first, "w:rStyle")[0]?.attrs["w:val"]).toBe("RunIn");
        expect(textOf(first)).toBe(sub.heading);
      } else if (sub.heading) {
        expect(blocks.some((b) => b.name === "w:p" && paragraphStyle(b) === "Heading2" && textOf(b) === sub.heading)).toBe(true);
      }
    }
  });

  it("writes 表二 as its blocks: a caption row across the table, a header row, then each row's values", () => {
    const tbl = tables[0]!;
    const width = gridWidth(tbl);
    const trs = rows(tbl);
    let i = 0;
    for (const [key, block] of Object.entries(l.proactiveDisclosure.blocks)) {
      const caption = cells(trs[i++]!);
      expect(caption.map(textOf)).toEqual([block.caption]);
      expect(span(caption[0]!)).toBe(width);
      const header = cells(trs[i++]!);
      expect(header.map(textOf)).toEqual([l.proactiveDisclosure.labelColumnHeader, ...Object.values(block.columns)]);
      expect(header.reduce((n, c) => n + span(c), 0)).toBe(width);
      for (const [rowKey, label] of Object.entries(block.rows)) {
        const tcs = cells(trs[i++]!);
        expect(tcs.map(textOf)).toEqual([
          label,
          ...Object.keys(block.columns).map((c) => cellValue(report.proactiveDisclosure[key]?.[rowKey]?.[c])),
        ]);
        expect(tcs.reduce((n, c) => n + span(c), 0)).toBe(width);
      }
    }
    expect(i).toBe(trs.length);
  });

  it("writes 表三 with its 3 header rows repeated on each page, the 3×3 note cell, and each row's labels merged down their rows", () => {
    const tbl = tables[1]!;
    const a = l.applications;
    const columnKeys = Object.keys(a.columns);
    expect(gridWidth(tbl)).toBe(3 + columnKeys.length);
    const trs = rows(tbl);
    const head = trs.slice(0, 3);
    for (const tr of head) expect(hasRowProperty(tr, "w:tblHeader")).toBe(true);
    for (const tr of trs.slice(3)) expect(hasRowProperty(tr, "w:tblHeader")).toBe(false);
    expect(head.map((tr) => [span(cells(tr)[0]!), vMerge(cells(tr)[0]!)])).toEqual([
      [3, "restart"],
      [3, "continue"],
      [3, "continue"],
    ]);
    expect(textOf(cells(head[0]!)[0]!)).toBe(a.headerNote);
    expect(textOf(cells(head[0]!)[1]!)).toBe(a.columnGroupHeader);
    expect(cells(head[2]!).map(textOf).filter(Boolean)).toEqual(a.columnGroups[0]!.columns.map((c) => a.columns[c]));

    // the label area as a reader sees it: a merged cell's text stands for every row it covers
    const keys = Object.keys(a.rows);
    const leaves = keys.filter((k) => !keys.some((o) => o.startsWith(`${k}.`)));
    const bodyRows = trs.slice(3);
    expect(bodyRows).toHaveLength(leaves.length);
    const above: (string | undefined)[] = [];
    bodyRows.forEach((tr, r) => {
      const tcs = cells(tr);
      expect(
        tcs.reduce((n, c) => n + span(c), 0),
        `row ${r}`,
      ).toBe(3 + columnKeys.length);
      const labelCells: string[] = [];
      let col = 0;
      for (const tc of tcs) {
        if (col >= 3) break;
        const m = vMerge(tc);
        const text = m === "continue" ? above[col]! : textOf(tc);
        if (m === "restart") above[col] = text;
        labelCells.push(text);
        col += span(tc);
      }
      const path = leaves[r]!.split(".");
      expect(labelCells).toEqual(path.map((_, i) => a.rows[path.slice(0, i + 1).join(".")]));
      expect(tcs.slice(labelCells.length).map(textOf)).toEqual(columnKeys.map((c) => cellValue(get(report.applications, [...path, c]))));
    });
  });

  it("writes 表四's 3-row header (行政复议's columns merged down two rows) and its row of 15 values", () => {
    const tbl = tables[2]!;
    const g = l.reviewAndLitigation.groups;
    const columns = Object.values(l.reviewAndLitigation.columns);
    const trs = rows(tbl);
    expect(trs).toHaveLength(4);
    for (const tr of trs.slice(0, 3)) expect(hasRowProperty(tr, "w:tblHeader")).toBe(true);
    expect(cells(trs[0]!).map((c) => [textOf(c), span(c)])).toEqual([
      [g.administrativeReconsideration, 5],
      [g.litigation, 10],
    ]);
    expect(cells(trs[1]!).map((c) => [textOf(c), span(c), vMerge(c)])).toEqual([
      ...columns.map((c) => [c, 1, "restart"]),
      [g["litigation.direct"], 5, null],
      [g["litigation.afterReconsideration"], 5, null],
    ]);
    expect(cells(trs[2]!).map((c) => vMerge(c) ?? textOf(c))).toEqual([...columns.map(() => "continue"), ...columns, ...columns]);
    const rl = report.reviewAndLitigation;
    const values = [rl.administrativeReconsideration, rl.litigation.direct, rl.litigation.afterReconsideration].flatMap((o: any) =>
      Object.keys(l.reviewAndLitigation.columns).map((c) => cellValue(o[c])),
    );
    expect(cells(trs[3]!).map(textOf)).toEqual(values);
  });

  it("keeps every table row whole on its page, and right-aligns every number", () => {
    for (const tbl of tables) for (const tr of rows(tbl)) expect(hasRowProperty(tr, "w:cantSplit")).toBe(true);
    const styles = parseXml(files["word/styles.xml"]!);
    const numberStyle = all(styles, "w:style").find((s) => s.attrs["w:styleId"] === "Num")!;
    expect(all(numberStyle, "w:jc")[0]!.attrs["w:val"]).toBe("right");
    for (const tbl of tables) {
      for (const p of all(tbl, "w:p")) if (/^\d+(\.\d+)?$/.test(textOf(p))) expect(paragraphStyle(p)).toBe("Num");
    }
  });

  it("closes with the agency and the date of writing, right-aligned", () => {
    const last = blocks.slice(-2);
    expect(last.map(paragraphStyle)).toEqual(["Signature", "Signature"]);
    const [y, m, d] = report.signature.date.split("-").map(Number);
    expect(last.map(textOf)).toEqual([report.signature.agency, `${y}年${m}月${d}日`]);
  });
});

describe("blank cells", () => {
  it("a blank (null) cell is an empty cell, never 0; a 0 stays 0", () => {
    const report = seed();
    report.applications.newReceived.naturalPerson = null;
    report.applications.newReceived.commercialEnterprise = 0;
    report.reviewAndLitigation.litigation.direct.total = null;
    const tables = body(parts(renderDocx(report))["word/document.xml"]!).filter((b) => b.name === "w:tbl");
    const firstRow = rows(tables[1]!)[3]!;
    const values = cells(firstRow).slice(1);
    expect(values.map(textOf).slice(0, 2)).toEqual(["", "0"]);
    expect(all(values[0]!, "w:t")).toEqual([]);
    expect(cells(rows(tables[2]!)[3]!).map(textOf)[9]).toBe("");
  });
});

describe("the page", () => {
  const files = parts(renderDocx(seed()));
  it("is A4 portrait with GB/T 9704's margins, and numbers its pages — n — in the footer", () => {
    const sect = all(parseXml(files["word/document.xml"]!), "w:sectPr")[0]!;
    expect(child(sect, "w:pgSz")!.attrs).toEqual({ "w:w": "11906", "w:h": "16838" });
    const mar = child(sect, "w:pgMar")!.attrs;
    // twips: 1 mm = 56.7
    expect([mar["w:top"], mar["w:bottom"], mar["w:left"], mar["w:right"]].map((t) => Math.round(Number(t) / 56.7))).toEqual([
      37, 35, 28, 26,
    ]);
    const footerId = child(sect, "w:footerReference")!.attrs["r:id"];
    const rel = all(parseXml(files["word/_rels/document.xml.rels"]!), "Relationship").find((r) => r.attrs.Id === footerId)!;
    const footer = parseXml(files[`word/${rel.attrs.Target}`]!);
    expect(all(footer, "w:instrText").map((n) => n.children[0]?.text?.trim())).toEqual(["PAGE"]);
    expect(textOf(footer)).toBe("— 1 —");
  });

  it("sets the body in 仿宋_GB2312 and the title in 方正小标宋简体, each with a font Word puts in its place where it is missing", () => {
    const styles = parseXml(files["word/styles.xml"]!);
    const fontOf = (n: XmlNode) => all(n, "w:rFonts")[0]?.attrs["w:eastAsia"];
    expect(fontOf(all(styles, "w:docDefaults")[0]!)).toBe("仿宋_GB2312");
    expect(fontOf(all(styles, "w:style").find((s) => s.attrs["w:styleId"] === "Title")!)).toBe("方正小标宋简体");
    const fonts = all(parseXml(files["word/fontTable.xml"]!), "w:font");
    for (const name of ["仿宋_GB2312", "方正小标宋简体", "黑体", "楷体_GB2312"]) {
      const f = fonts.find((x) => x.attrs["w:name"] === name);
      expect(f && child(f, "w:altName")?.attrs["w:val"], name).toMatch(/^(仿宋|宋体|SimHei|楷体)$/);
    }
  });
});
