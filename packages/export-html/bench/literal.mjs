// The benchmark's baseline: the same page written by hand with template literals, no template
// engine. bench.mjs first checks that it produces exactly the bytes renderHtml does.
import { readFileSync } from "node:fs";
import { labels as allLabels } from "@zfxxgk/schema";

const L = allLabels["2021"];
const css = readFileSync(new URL("../templates/style.hbs", import.meta.url), "utf8");

const ESC = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;", "`": "&#x60;", "=": "&#x3D;" };
const esc = (s) => (/[&<>"'`=]/.test(s) ? s.replace(/[&<>"'`=]/g, (c) => ESC[c]) : s);
// controls, noncharacters and lone surrogates become U+FFFD; one quick scan finds the rare text
// that needs it (or holds a line break)
const UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFDD0-\uFDEF\uFFFE\uFFFF\uD800-\uDFFF]/gu;
const SPECIAL = /[\u0000-\u0008\u000A-\u001F\u007F-\u009F\u2028\u2029\uD800-\uDFFF\uFDD0-\uFDEF\uFFFE\uFFFF]/;
const clean = (v) => {
  const s = v == null ? "" : String(v);
  return SPECIAL.test(s) ? s.replace(UNSAFE, "\uFFFD") : s;
};
const text = (v) => esc(clean(v));

const LINE_BREAK = /\r\n|\r|\n|\u2028|\u2029/;
const para = (p, lead = "") => {
  const t = clean(p);
  const body = LINE_BREAK.test(t) ? t.split(LINE_BREAK).map(esc).join("<br>") : esc(t);
  return `<p>${lead ? `<strong>${esc(lead)}</strong>` : ""}${body}</p>\n`;
};
const paras = (ps) => (ps ?? []).map((p) => para(p)).join("");

const num = (v, colspan) => {
  const span = colspan ? ` colspan="${colspan}"` : "";
  if (v === null || v === undefined) return `<td class="zfxxgk-num zfxxgk-blank"${span}><span class="zfxxgk-sr">未填报</span></td>`;
  return `<td class="zfxxgk-num"${span}>${esc(String(v))}</td>`;
};

const textSection = (key, s) => {
  let out = `<section class="zfxxgk-section">\n<h2>${esc(L.sections[key].heading)}</h2>\n${paras(s.paragraphs)}`;
  for (const sub of s.subsections ?? []) {
    const heading = clean(sub.heading);
    if (!sub.runIn) out += (heading ? `<h3>${esc(heading)}</h3>\n` : "") + paras(sub.paragraphs);
    else {
      const [first = "", ...rest] = sub.paragraphs;
      out += para(first, heading) + paras(rest);
    }
  }
  return `${out}</section>\n`;
};

const notes = (ns) => (ns?.length ? `<div class="zfxxgk-notes">\n${paras(ns)}</div>\n` : "");

const tableOpen = (key, cls) => {
  const { number, heading, table } = L.sections[key];
  const caption = `${table} ${heading.slice(number.length + 1)}`;
  return (
    `<section class="zfxxgk-section">\n<h2>${esc(heading)}</h2>\n` +
    `<section class="zfxxgk-scroll" aria-label="${esc(caption)}" tabindex="0">\n` +
    `<table class="zfxxgk-table ${cls}">\n<caption class="zfxxgk-sr">${esc(caption)}</caption>\n`
  );
};
const tableClose = (ns) => `</table>\n</section>\n${notes(ns)}</section>\n`;

function table2(pd) {
  let out = tableOpen("proactiveDisclosure", "zfxxgk-t2");
  for (const [key, b] of Object.entries(L.proactiveDisclosure.blocks)) {
    const cols = Object.entries(b.columns);
    const span = cols.length === 1 ? 3 : 0;
    out += `<tbody>\n<tr><th class="zfxxgk-block" scope="rowgroup" colspan="4">${esc(b.caption)}</th></tr>\n`;
    out +=
      `<tr><th scope="col">${esc(L.proactiveDisclosure.labelColumnHeader)}</th>` +
      `${cols.map(([, l]) => `<th scope="col"${span ? ` colspan="${span}"` : ""}>${esc(l)}</th>`).join("")}</tr>\n`;
    for (const [rk, label] of Object.entries(b.rows)) {
      out += `<tr><th scope="row">${esc(label)}</th>${cols.map(([ck]) => num(pd[key][rk][ck], span)).join("")}</tr>\n`;
    }
    out += "</tbody>\n";
  }
  return out + tableClose(pd.notes);
}

const T3_COLUMNS = Object.keys(L.applications.columns);
const t3row = (heads, row) => `<tr>${heads}${T3_COLUMNS.map((c) => num(row[c])).join("")}</tr>\n`;

function table3(ap) {
  const a = L.applications;
  const c = a.columns;
  const r = a.rows;
  const rs = ap.results;
  let out = tableOpen("applications", "zfxxgk-t3");
  out +=
    `<thead>\n<tr><td class="zfxxgk-corner" colspan="3" rowspan="3">${esc(a.headerNote)}</td>` +
    `<th scope="col" colspan="7">${esc(a.columnGroupHeader)}</th></tr>\n`;
  out +=
    `<tr><th scope="col" rowspan="2">${esc(c.naturalPerson)}</th>` +
    `<th scope="col" colspan="5">${esc(a.columnGroups[0].label)}</th><th scope="col" rowspan="2">${esc(c.total)}</th></tr>\n`;
  out += `<tr>${a.columnGroups[0].columns.map((k) => `<th scope="col">${esc(c[k])}</th>`).join("")}</tr>\n</thead>\n<tbody>\n`;
  out += t3row(`<th scope="row" colspan="3">${esc(r.newReceived)}</th>`, ap.newReceived);
  out += t3row(`<th scope="row" colspan="3">${esc(r.carriedOver)}</th>`, ap.carriedOver);
  out += t3row(
    `<th scope="row" rowspan="22">${esc(r.results)}</th><th scope="row" colspan="2">${esc(r["results.granted"])}</th>`,
    rs.granted,
  );
  out += t3row(`<th scope="row" colspan="2">${esc(r["results.partiallyGranted"])}</th>`, rs.partiallyGranted);
  for (const group of ["denied", "unableToProvide", "notProcessed", "other"]) {
    const items = Object.keys(rs[group]);
    items.forEach((item, i) => {
      const lead = i === 0 ? `<th scope="row" rowspan="${items.length}">${esc(r[`results.${group}`])}</th>` : "";
      out += t3row(`${lead}<th scope="row">${esc(r[`results.${group}.${item}`])}</th>`, rs[group][item]);
    });
  }
  out += t3row(`<th scope="row" colspan="2">${esc(r["results.total"])}</th>`, rs.total);
  out += t3row(`<th scope="row" colspan="3">${esc(r.carriedForward)}</th>`, ap.carriedForward);
  return `${out}</tbody>\n${tableClose(ap.notes)}`;
}

function table4(rl) {
  const g = L.reviewAndLitigation.groups;
  const cols = Object.entries(L.reviewAndLitigation.columns);
  const heads = (extra) => cols.map(([, l]) => `<th scope="col"${extra}>${esc(l)}</th>`).join("");
  let out = tableOpen("reviewAndLitigation", "zfxxgk-t4");
  out +=
    `<thead>\n<tr><th scope="col" colspan="5">${esc(g.administrativeReconsideration)}</th>` +
    `<th scope="col" colspan="10">${esc(g.litigation)}</th></tr>\n`;
  out +=
    `<tr>${heads(' rowspan="2"')}<th scope="col" colspan="5">${esc(g["litigation.direct"])}</th>` +
    `<th scope="col" colspan="5">${esc(g["litigation.afterReconsideration"])}</th></tr>\n`;
  out += `<tr>${heads("")}${heads("")}</tr>\n</thead>\n<tbody>\n`;
  const rows = [rl.administrativeReconsideration, rl.litigation.direct, rl.litigation.afterReconsideration];
  out += `<tr>${rows.map((row) => cols.map(([k]) => num(row[k])).join("")).join("")}</tr>\n`;
  return `${out}</tbody>\n${tableClose(rl.notes)}`;
}

function signature(s) {
  if (!s) return "";
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s.date ?? "");
  const date = s.date == null ? "" : m ? `<time datetime="${esc(s.date)}">${+m[1]}年${+m[2]}月${+m[3]}日</time>` : text(s.date);
  return `<footer class="zfxxgk-signature">\n<p>${text(s.agency)}</p>\n${date ? `<p>${date}</p>\n` : ""}</footer>\n`;
}

export function renderLiteral(report) {
  const article =
    `<article class="zfxxgk-report">\n<header class="zfxxgk-head">\n<h1>${text(report.title)}</h1>\n${paras(report.preamble)}</header>\n` +
    textSection("overview", report.overview) +
    table2(report.proactiveDisclosure) +
    table3(report.applications) +
    table4(report.reviewAndLitigation) +
    textSection("problemsAndImprovements", report.problemsAndImprovements) +
    textSection("otherMatters", report.otherMatters) +
    signature(report.signature) +
    "</article>\n";
  return (
    `<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">\n` +
    `<title>${text(report.title)}</title>\n<style>\n${css}</style>\n</head>\n<body>\n${article}</body>\n</html>\n`
  );
}
