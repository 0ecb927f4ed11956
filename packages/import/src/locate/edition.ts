// Which format edition a report follows: 2021 (国办公开办函〔2021〕30号) or the 2019 trial format,
// from the labels only one of them prints — table 二's columns and rows, table 三's （六） sub-rows —
// and, when the tables say nothing, from the year (reports on 2019 and 2020 used the trial format).
import { model } from "../labels.js";
import type { Edition } from "../types.js";

function only(a: Edition, b: Edition): string[] {
  const labelsOf = (e: Edition) => {
    const m = model(e);
    const t2 = m.table2.blocks.flatMap((blk) => [...blk.columns.map((c) => c.label.norm), ...blk.rows.map((r) => r.label.norm)]);
    const t3 = [...m.table3.rows, ...m.table3.groups].map((r) => r.label.norm);
    return new Set([...t2, ...t3]);
  };
  const other = labelsOf(b);
  // a label of edition a that edition b does not print, and that no label of b contains
  return [...labelsOf(a)].filter((l) => !other.has(l) && ![...other].some((o) => o.includes(l)));
}

let signals: Record<Edition, string[]> | null = null;

export function detectEdition(normText: string, year: number | undefined): { edition: Edition | null; byYear: boolean } {
  signals ??= { "2021": only("2021", "2019"), "2019": only("2019", "2021") };
  const score = (e: Edition) => signals![e].filter((l) => normText.includes(l)).length;
  const s21 = score("2021");
  const s19 = score("2019");
  if (s21 > s19) return { edition: "2021", byYear: false };
  if (s19 > s21) return { edition: "2019", byYear: false };
  if (year !== undefined && year >= 2021) return { edition: "2021", byYear: true };
  if (year === 2019 || year === 2020) return { edition: "2019", byYear: true };
  return { edition: null, byYear: false };
}
