// A plain, well-formed HTML rendering of a report in the format's table layout (rowspan/colspan as
// FORMAT.md §2–4 prints them), built from the labels: what an HTML exporter writes, so that the
// importer's HTML reader is tested on more than Word/TRS markup. Not the project's exporter.
import { labels } from "@zfxxgk/schema";
import type { Report2021 } from "@zfxxgk/types";

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const span = (tag: string, text: string, colspan = 1, rowspan = 1) =>
  `<${tag}${colspan > 1 ? ` colspan="${colspan}"` : ""}${rowspan > 1 ? ` rowspan="${rowspan}"` : ""}>${esc(text)}</${tag}>`;
const cell = (v: unknown, colspan = 1) =>
  v === null || v === undefined
    ? `<td${colspan > 1 ? ` colspan="${colspan}"` : ""}><span class="visually-hidden">未填报</span></td>`
    : span("td", String(v), colspan);

function at(o: any, path: string[]): any {
  return path.reduce((x, k) => x?.[k], o);
}

function textSection(s: { paragraphs: string[]; subsections?: { heading: string; runIn?: boolean; paragraphs: string[] }[] }): string {
  let h = s.paragraphs.map((p) => `<p>${esc(p)}</p>`).join("\n");
  for (const sub of s.subsections ?? []) {
    if (sub.runIn) {
      const [first = "", ...rest] = sub.paragraphs;
      h += `\n<p><strong>${esc(sub.heading)}</strong>${esc(first)}</p>${rest.map((p) => `\n<p>${esc(p)}</p>`).join("")}`;
    } else h += `\n<h3>${esc(sub.heading)}</h3>${sub.paragraphs.map((p) => `\n<p>${esc(p)}</p>`).join("")}`;
  }
  return h;
}

export function renderHtml(r: Report2021, { chrome = false }: { chrome?: boolean } = {}): string {
  const l = labels["2021"];
  const out: string[] = [];
  out.push(`<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(r.title)}</title></head><body>`);
  if (chrome)
    out.push(`<nav><a href="/">首页</a> &gt; 政府信息公开年报</nav><div class="menu"><ul><li>政务公开</li><li>互动交流</li></ul></div>`);
  out.push(`<main><h1>${esc(r.title)}</h1>`);
  for (const p of r.preamble ?? []) out.push(`<p>${esc(p)}</p>`);
  out.push(`<h2>${esc(l.sections.overview!.heading)}</h2>`, textSection(r.overview));

  // 表二: one table, the widest block (3 columns) sets the width; a one-column block's cell spans 3
  out.push(`<h2>${esc(l.sections.proactiveDisclosure!.heading)}</h2><table border="1"><tbody>`);
  for (const [bk, b] of Object.entries(l.proactiveDisclosure.blocks)) {
    const cols = Object.keys(b.columns);
    const each = 3 / cols.length;
    out.push(`<tr>${span("th", b.caption, 4)}</tr>`);
    out.push(`<tr>${span("th", l.proactiveDisclosure.labelColumnHeader)}${cols.map((c) => span("th", b.columns[c]!, each)).join("")}</tr>`);
    for (const [rk, label] of Object.entries(b.rows)) {
      out.push(`<tr>${span("th", label)}${cols.map((c) => cell(at(r.proactiveDisclosure, [bk, rk, c]), each)).join("")}</tr>`);
    }
  }
  out.push(`</tbody></table>`);

  // 表三: three header rows; row labels with group cells spanning their rows
  const a = l.applications;
  const keys = Object.keys(a.rows);
  const isGroup = (k: string) => keys.some((o) => o.startsWith(`${k}.`));
  const leaves = keys.filter((k) => !isGroup(k));
  const leafCount = (g: string) => leaves.filter((k) => k.startsWith(`${g}.`)).length;
  const grouped = new Set(a.columnGroups.flatMap((g) => g.columns));
  const colKeys = Object.keys(a.columns);
  out.push(`<h2>${esc(l.sections.applications!.heading)}</h2><table border="1"><thead>`);
  out.push(`<tr>${span("th", a.headerNote, 3, 3)}${span("th", a.columnGroupHeader, 7)}</tr>`);
  out.push(
    `<tr>${colKeys
      .map((c) =>
        !grouped.has(c)
          ? span("th", a.columns[c]!, 1, 2)
          : a.columnGroups.find((g) => g.columns[0] === c)
            ? span("th", a.columnGroups.find((g) => g.columns[0] === c)!.label, 5)
            : "",
      )
      .join("")}</tr>`,
  );
  out.push(
    `<tr>${colKeys
      .filter((c) => grouped.has(c))
      .map((c) => span("th", a.columns[c]!))
      .join("")}</tr></thead><tbody>`,
  );
  const started = new Set<string>();
  for (const leaf of leaves) {
    const parts = leaf.split(".");
    let heads = "";
    for (let i = 1; i < parts.length; i++) {
      const g = parts.slice(0, i).join(".");
      if (!started.has(g)) {
        started.add(g);
        heads += span("th", a.rows[g]!, 1, leafCount(g));
      }
    }
    heads += span("th", a.rows[leaf]!, 3 - parts.length + 1);
    out.push(`<tr>${heads}${colKeys.map((c) => cell(at(r.applications, [...parts, c]))).join("")}</tr>`);
  }
  out.push(`</tbody></table>`);

  // 表四: 行政复议 (5) | 行政诉讼 (10); then the groups; then the columns; one row of values
  const rl = l.reviewAndLitigation;
  const parts4 = Object.keys(rl.columns);
  out.push(`<h2>${esc(l.sections.reviewAndLitigation!.heading)}</h2><table border="1"><thead>`);
  out.push(`<tr>${span("th", rl.groups.administrativeReconsideration!, 5)}${span("th", rl.groups.litigation!, 10)}</tr>`);
  out.push(
    `<tr>${parts4.map((p) => span("th", rl.columns[p]!, 1, 2)).join("")}` +
      `${span("th", rl.groups["litigation.direct"]!, 5)}${span("th", rl.groups["litigation.afterReconsideration"]!, 5)}</tr>`,
  );
  out.push(`<tr>${[...parts4, ...parts4].map((p) => span("th", rl.columns[p]!)).join("")}</tr></thead><tbody><tr>`);
  for (const g of [["administrativeReconsideration"], ["litigation", "direct"], ["litigation", "afterReconsideration"]]) {
    out.push(parts4.map((p) => cell(at(r.reviewAndLitigation, [...g, p]))).join(""));
  }
  out.push(`</tr></tbody></table>`);

  out.push(`<h2>${esc(l.sections.problemsAndImprovements!.heading)}</h2>`, textSection(r.problemsAndImprovements));
  out.push(`<h2>${esc(l.sections.otherMatters!.heading)}</h2>`, textSection(r.otherMatters));
  if (r.signature) {
    out.push(`<p class="signature">${esc(r.signature.agency)}</p>`);
    if (r.signature.date) {
      const [y, m, d] = r.signature.date.split("-").map(Number);
      out.push(`<p class="signature">${y}年${m}月${d}日</p>`);
    }
  }
  out.push(`</main>`);
  if (chrome) out.push(`<footer><p>主办单位：某某人民政府办公室&nbsp;&nbsp;版权所有</p><script>var x = "<table>";</script></footer>`);
  out.push(`</body></html>`);
  return out.join("\n");
}
