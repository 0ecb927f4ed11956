// Which registered format edition a report follows — 2021 (国办公开办函〔2021〕30号) or the 2019 trial
// format — from the labels only one of them prints (table 二's columns and rows, table 三's （六）
// sub-rows) and, when the tables say nothing, from the year (reports on 2019 and 2020 used the
// trial format). An edition of one's own is not detected: its model is handed to importReport.
import { editions } from "@zfxxgk/edition";
import { model } from "../labels.js";

function labelsOf(edition: string): Set<string> {
  const m = model(edition);
  const t2 = m.table2.blocks.flatMap((blk) => [...blk.columns.map((c) => c.label.norm), ...blk.rows.map((r) => r.label.norm)]);
  const t3 = [...m.table3.rows, ...m.table3.groups].map((r) => r.label.norm);
  return new Set([...t2, ...t3]);
}

/** Labels of the edition that no other edition prints, and that no label of another contains. */
function only(edition: string): string[] {
  const other = new Set(editions.filter((e) => e !== edition).flatMap((e) => [...labelsOf(e)]));
  return [...labelsOf(edition)].filter((l) => !other.has(l) && ![...other].some((o) => o.includes(l)));
}

let signals: Map<string, string[]> | null = null;

export function detectEdition(normText: string, year: number | undefined): { edition: string | null; byYear: boolean } {
  signals ??= new Map(editions.map((e) => [e, only(e)]));
  const scores = editions
    .map((e) => ({ e, score: signals!.get(e)!.filter((l) => normText.includes(l)).length }))
    .sort((a, b) => b.score - a.score);
  if (scores[0] && scores[0].score > (scores[1]?.score ?? 0)) return { edition: scores[0].e, byYear: false };
  if (year !== undefined && year >= 2021) return { edition: "2021", byYear: true };
  if (year === 2019 || year === 2020) return { edition: "2019", byYear: true };
  return { edition: null, byYear: false };
}
