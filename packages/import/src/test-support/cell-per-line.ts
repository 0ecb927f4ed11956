// A report written one table cell per line, as a crawler that joins a page's text nodes writes it:
// each cell's text followed by three line ends, a row's end by two more, a blank cell by its line
// ends alone. Built from the format's labels and a report's figures (not from the importer).
import { labels } from "@zfxxgk/schema";

type Figures = Record<string, any>;
const at = (o: Figures, path: string[]): any => path.reduce((x, k) => x?.[k], o);

export function cellPerLineText(report: Figures, eol: string): string {
  const l = labels["2021"];
  const cellEnd = eol.repeat(3);
  const rowEnd = eol.repeat(2);
  const parts: string[] = [];
  const para = (t: string) => parts.push(t + eol);
  const row = (cells: (string | number | null | undefined)[]) => parts.push(cells.map((c) => `${c ?? ""}${cellEnd}`).join("") + rowEnd);
  para(report.title);
  for (const p of report.preamble ?? []) para(p);
  para(l.sections.overview!.heading);
  for (const p of report.overview.paragraphs) para(p);
  para(l.sections.proactiveDisclosure!.heading);
  for (const [bk, b] of Object.entries(l.proactiveDisclosure.blocks)) {
    row([b.caption]);
    row([l.proactiveDisclosure.labelColumnHeader, ...Object.values(b.columns)]);
    for (const [rk, label] of Object.entries(b.rows))
      row([label, ...Object.keys(b.columns).map((c) => at(report, ["proactiveDisclosure", bk, rk, c]))]);
  }
  para(l.sections.applications!.heading);
  const a = l.applications;
  row(["申请人情况"]);
  row(["自然人", "法人或其他组织", "总计"]);
  // a header cell broken over two lines, as Word tables print narrow columns
  row(
    Object.values(a.columns)
      .slice(1, 6)
      .map((c) => (c.length > 2 ? `${c.slice(0, 2)}${eol}${c.slice(2)}` : c)),
  );
  const keys = Object.keys(a.rows);
  for (const k of keys) {
    if (keys.some((o) => o.startsWith(`${k}.`))) continue;
    // a group's label is the first cell of its first row
    const group = k.includes(".") ? k.slice(0, k.lastIndexOf(".")) : "";
    const first = group && keys.find((o) => o.startsWith(`${group}.`) && !keys.some((x) => x.startsWith(`${o}.`))) === k;
    const label = [...(first ? [a.rows[group]!] : []), a.rows[k]!];
    row([...label, ...Object.keys(a.columns).map((c) => at(report, ["applications", ...k.split("."), c]))]);
  }
  para(l.sections.reviewAndLitigation!.heading);
  const r = l.reviewAndLitigation;
  row(["行政复议", "行政诉讼"]);
  row([...Object.values(r.columns), r.groups["litigation.direct"]!, r.groups["litigation.afterReconsideration"]!]);
  row([...Object.values(r.columns), ...Object.values(r.columns)]);
  row(
    ["administrativeReconsideration", "litigation.direct", "litigation.afterReconsideration"].flatMap((g) =>
      Object.keys(r.columns).map((c) => at(report, ["reviewAndLitigation", ...g.split("."), c])),
    ),
  );
  para(l.sections.problemsAndImprovements!.heading);
  for (const p of report.problemsAndImprovements.paragraphs) para(p);
  para(l.sections.otherMatters!.heading);
  for (const p of report.otherMatters.paragraphs) para(p);
  return parts.join("");
}
