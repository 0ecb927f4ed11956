// What a reader must find in the printed report, in order: every heading, paragraph and label
// of the format, each table row as its label cells then its values. Built from the labels and
// the report alone, as FORMAT.md lays the tables out (rows top to bottom, cells left to right),
// with the labels of the report's edition.
import { labels as allLabels } from "@zfxxgk/schema";
import type { Report } from "@zfxxgk/types";
import { rowsOf } from "@zfxxgk/edition";

export type Token = { kind: "text"; text: string } | { kind: "row"; labels: string[]; values: string[]; name: string };

type Obj = Record<string, unknown>;
const get = (o: unknown, path: string[]): Obj => path.reduce((v, k) => (v as Obj)[k] as Obj, o as Obj);
const shown = (values: unknown[]): string[] => values.filter((v) => v !== null).map((v) => String(v));

export function readingOrder(report: Report): Token[] {
  const L = allLabels[report.edition];
  const out: Token[] = [];
  const t = (text: string) => out.push({ kind: "text", text });
  const section = (key: string, s: { paragraphs: string[]; subsections?: { heading: string; paragraphs: string[] }[] }) => {
    t(L.sections[key]!.heading);
    s.paragraphs.forEach(t);
    for (const sub of s.subsections ?? []) {
      t(sub.heading);
      sub.paragraphs.forEach(t);
    }
  };

  t(report.title);
  (report.preamble ?? []).forEach(t);
  section("overview", report.overview);

  t(L.sections.proactiveDisclosure!.heading);
  for (const [key, block] of Object.entries(L.proactiveDisclosure.blocks)) {
    t(block.caption);
    t(L.proactiveDisclosure.labelColumnHeader);
    Object.values(block.columns).forEach(t);
    for (const [rowKey, label] of Object.entries(block.rows)) {
      const row = get(report.proactiveDisclosure, [key, rowKey]);
      out.push({ kind: "row", name: `表二 ${label}`, labels: [label], values: shown(Object.keys(block.columns).map((c) => row[c])) });
    }
  }
  (report.proactiveDisclosure.notes ?? []).forEach(t);

  // 表三: the header row by row (note, 申请人情况 | 自然人, 法人或其他组织, 总计 | the five under it)
  const a = L.applications;
  const grouped = a.columnGroups[0]!;
  t(L.sections.applications!.heading);
  t(a.headerNote);
  t(a.columnGroupHeader);
  t(a.columns.naturalPerson!);
  t(grouped.label);
  t(a.columns.total!);
  grouped.columns.forEach((c) => t(a.columns[c]!));
  const seen = new Set<string>();
  for (const { key, path: parts } of rowsOf(report.edition, "applications")) {
    const heads: string[] = [];
    // a group cell is read once, in the first row it covers
    for (let i = 1; i < parts.length; i++) {
      const g = parts.slice(0, i).join(".");
      if (!seen.has(g)) heads.push(a.rows[g]!);
      seen.add(g);
    }
    const row = get(report.applications, parts);
    out.push({
      kind: "row",
      name: `表三 ${a.rows[key]}`,
      labels: [...heads, a.rows[key]!],
      values: shown(Object.keys(a.columns).map((c) => row[c])),
    });
  }
  (report.applications.notes ?? []).forEach(t);

  // 表四: 行政复议, 行政诉讼 | 5 columns, 未经复议直接起诉, 复议后起诉 | 10 columns | 15 values
  const r = L.reviewAndLitigation;
  const columns = Object.keys(r.columns);
  t(L.sections.reviewAndLitigation!.heading);
  t(r.groups.administrativeReconsideration!);
  t(r.groups.litigation!);
  columns.forEach((c) => t(r.columns[c]!));
  t(r.groups["litigation.direct"]!);
  t(r.groups["litigation.afterReconsideration"]!);
  for (let i = 0; i < 2; i++) columns.forEach((c) => t(r.columns[c]!));
  const rl = report.reviewAndLitigation;
  const values = [rl.administrativeReconsideration, rl.litigation.direct, rl.litigation.afterReconsideration].flatMap((g) =>
    columns.map((c) => (g as unknown as Obj)[c]),
  );
  out.push({ kind: "row", name: "表四", labels: [], values: shown(values) });
  (rl.notes ?? []).forEach(t);

  section("problemsAndImprovements", report.problemsAndImprovements);
  section("otherMatters", report.otherMatters);
  if (report.signature) {
    t(report.signature.agency);
    const [y, m, d] = (report.signature.date ?? "").split("-").map(Number);
    if (report.signature.date) t(`${y}年${m}月${d}日`);
  }
  return out;
}
