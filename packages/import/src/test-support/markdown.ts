// A report as a PDF-to-Markdown converter writes it: headings as paragraphs, each table as pipe
// tables with a header row and a delimiter row; optionally the labels of some table-三 rows torn
// out into loose lines before the table, as converters do with merged cells. Built from the format's
// labels and a report's figures (not from the importer).
import { labels } from "@zfxxgk/schema";

type Figures = Record<string, any>;
const at = (o: Figures, path: string[]): any => path.reduce((x, k) => x?.[k], o);
const pipe = (cells: unknown[]) => `| ${cells.map((c) => (c === null || c === undefined ? "" : String(c))).join(" | ")} |`;
const delimiter = (n: number) => `|${"---|".repeat(n)}`;

export function markdownText(report: Figures, torn: string[] = []): string {
  const l = labels["2021"];
  const out: string[] = [
    "正文",
    report.title,
    ...(report.preamble ?? []),
    "",
    l.sections.overview!.heading,
    ...report.overview.paragraphs,
    "",
  ];
  out.push(l.sections.proactiveDisclosure!.heading);
  for (const [bk, b] of Object.entries(l.proactiveDisclosure.blocks)) {
    out.push(
      "",
      b.caption,
      pipe([l.proactiveDisclosure.labelColumnHeader, ...Object.values(b.columns)]),
      delimiter(1 + Object.keys(b.columns).length),
    );
    for (const [rk, label] of Object.entries(b.rows))
      out.push(pipe([label, ...Object.keys(b.columns).map((c) => at(report, ["proactiveDisclosure", bk, rk, c]))]));
  }
  out.push("", l.sections.applications!.heading);
  const a = l.applications;
  const keys = Object.keys(a.rows).filter((k) => !Object.keys(a.rows).some((o) => o.startsWith(`${k}.`)));
  // the torn labels go before the table, as loose lines, broken where a narrow cell wrapped them
  for (const k of keys) if (torn.includes(k)) out.push(a.rows[k]!.slice(0, 6), a.rows[k]!.slice(6));
  out.push(pipe(["", ...Object.values(a.columns)]), delimiter(8));
  for (const k of keys) {
    const values = Object.keys(a.columns).map((c) => at(report, ["applications", ...k.split("."), c]));
    out.push(pipe(torn.includes(k) ? values : [a.rows[k], ...values]));
  }
  out.push("", l.sections.reviewAndLitigation!.heading);
  const r = l.reviewAndLitigation;
  // a header row the converter could not fill: fewer cells than the data row
  out.push(pipe(Object.values(r.columns)), delimiter(5));
  out.push(
    pipe(
      ["administrativeReconsideration", "litigation.direct", "litigation.afterReconsideration"].flatMap((g) =>
        Object.keys(r.columns).map((c) => at(report, ["reviewAndLitigation", ...g.split("."), c])),
      ),
    ),
  );
  out.push(
    "",
    l.sections.problemsAndImprovements!.heading,
    ...report.problemsAndImprovements.paragraphs,
    "",
    l.sections.otherMatters!.heading,
    ...report.otherMatters.paragraphs,
  );
  return out.join("\n");
}
