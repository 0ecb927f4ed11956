// HTML: a plain, well-formed table in the format's layout (what an exporter writes) reads back to
// the report it came from; Word/TRS quirks — &nbsp; padding, figures split across spans, one
// character per <p>, page chrome — do not get in the way.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { labels } from "@zfxxgk/schema";
import type { Report2021 } from "@zfxxgk/types";
import { importReport } from "./index.js";
import { example } from "./test-support/paths.js";
import { renderHtml } from "./test-support/render.js";

const report = (): Report2021 => {
  const r = JSON.parse(readFileSync(example, "utf8"));
  delete r.agency.regionCode; // printed nowhere in a report
  delete r.scope;
  return r;
};

describe("a report rendered as plain HTML tables", () => {
  it("imports back to the same report", async () => {
    const want = report();
    const r = await importReport(renderHtml(want));
    expect(r.format).toBe("html");
    expect(r.report).toEqual(want);
  });

  it("with page chrome around it, still the same report", async () => {
    const want = report();
    const r = await importReport(renderHtml(want, { chrome: true }));
    expect(r.report).toEqual(want);
  });

  it("empty cells are blank (null, with their raw token), never 0; their column is known", async () => {
    const want = report();
    const r = await importReport(renderHtml(want));
    const blanks = Object.keys(want.sourceTokens ?? {});
    expect(blanks.length).toBeGreaterThan(0);
    for (const p of blanks) {
      const d = r.diagnostics.find((x) => x.pointer === p);
      expect(d?.reason).toBe("blank");
      expect(d?.source.htmlRow).toBeGreaterThan(0);
      expect(d?.source.htmlColumn).toBeGreaterThan(0);
    }
    // an HTML table says where a blank cell is: nothing had to be inferred
    expect(r.diagnostics.filter((d) => d.reason === "inferred" && d.pointer.startsWith("/applications"))).toEqual([]);
  });

  it("blank marks (/, —, 无, &nbsp;) are null with the mark kept, wherever they are", async () => {
    const want = report();
    const marks = ["/", "—", "无", "&nbsp;"];
    const cells = [
      "/applications/results/denied/stateSecret/naturalPerson",
      "/applications/results/total/commercialEnterprise",
      "/reviewAndLitigation/litigation/direct/pending",
      "/proactiveDisclosure/article20Item6/administrativeCoercion/decisionsThisYear",
    ];
    let html = renderHtml(want);
    // put a mark in place of the figure of each chosen cell: find the cell by rendering a marker value
    const marked = structuredClone(want) as any;
    cells.forEach((p, i) => {
      const keys = p.split("/").slice(1);
      const last = keys.pop()!;
      keys.reduce((o: any, k) => o[k], marked)[last] = 900_001 + i;
    });
    html = renderHtml(marked);
    cells.forEach((_, i) => (html = html.replace(`>${900_001 + i}<`, `>${marks[i]}<`)));
    const r = await importReport(html);
    cells.forEach((p, i) => {
      const keys = p.split("/").slice(1);
      expect(keys.reduce((o: any, k) => o?.[k], r.report)).toBeNull();
      expect(r.report!.sourceTokens?.[p]).toBe(marks[i] === "&nbsp;" ? "" : marks[i]);
      expect(r.diagnostics.find((d) => d.pointer === p)?.reason).toBe("blank");
    });
  });
});

describe("Word and TRS markup", () => {
  const l = labels["2021"];
  const t3rows = Object.keys(l.applications.rows).filter((k, _, all) => !all.some((o) => o.startsWith(`${k}.`)));

  /** 表三 as Word writes it: spans, &nbsp;, vertical labels one character per <p>, a figure split over spans */
  function wordTable3(values: (r: number, c: number) => string): string {
    const rows = t3rows.map((path, r) => {
      const label = l.applications.rows[path]!;
      const vertical =
        r === 2 ? `<td rowspan="22">${[...l.applications.rows.results!].map((ch) => `<p><span>${ch}</span></p>`).join("")}</td>` : "";
      const cells = [...Array(7).keys()]
        .map((c) => `<td><p class="MsoNormal"><span style="font-family:仿宋">${values(r, c)}</span><o:p></o:p></p></td>`)
        .join("");
      return `<tr>${vertical}<td colspan="${r < 2 || r === 24 ? 3 : 2}"><p><span>&nbsp;</span><span>${label}</span></p></td>${cells}</tr>`;
    });
    return (
      `<table><tr><td colspan="3" rowspan="3">${l.applications.headerNote}</td><td colspan="7">申请人情况</td></tr>` +
      `<tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>` +
      `<tr><td>商业<br>企业</td><td>科研<br>机构</td>` +
      `<td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>${rows.join("")}</table>`
    );
  }

  it("reads figures split across spans (2 + 0 = 20), padded with &nbsp;, under a vertical label", async () => {
    const page =
      `<html><body><div class="nav">首页 &gt; 政务公开</div>` +
      `<div class="TRS_Editor"><p>${l.sections.applications!.heading}</p>${wordTable3((r, c) =>
        r === 0 && c === 0 ? "2</span><span>0" : `&nbsp;${r === 0 && c === 6 ? 20 : 0}&nbsp;`,
      )}<p>${l.sections.reviewAndLitigation!.heading}</p></div><div class="article_attachment">附件下载 1 2 3</div></body></html>`;
    const r = await importReport(page);
    const a = r.report as any;
    expect(a.applications.newReceived.naturalPerson).toBe(20);
    expect(a.applications.newReceived.total).toBe(20);
    expect(a.applications.results.granted.naturalPerson).toBe(0);
    // the rows after the vertical label are matched by their own labels, to the last
    expect(a.applications.carriedForward.total).toBe(0);
  });
});
