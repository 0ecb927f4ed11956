// Reports made from the corpus truth files (every table figure, hand-checked against the
// published source), with placeholder text: real figures, including nulls and decimal fees.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { labels } from "@zfxxgk/schema";
import { rowsOf } from "@zfxxgk/edition";
import { corpus, readJson } from "./paths.js";

export interface Truth {
  year: number;
  agency: string;
  table3Rows: Record<string, (number | null)[]>;
  table4: (number | null)[];
  table2: Record<string, any>;
}

const t3 = labels["2021"].applications;
/** Table 三's leaf rows, as dotted paths in print order (group headers have no cells). */
export const table3Rows = rowsOf("2021", "applications").map((r) => r.key);
export const table3Columns = Object.keys(t3.columns);
export const table4Groups = rowsOf("2021", "reviewAndLitigation").map((r) => r.key);
export const table4Columns = Object.keys(labels["2021"].reviewAndLitigation.columns);

/** 2021-edition truth files (25 rows in table 三). */
export const truthNames: string[] = readdirSync(join(corpus, "truth"))
  .filter((f) => f.endsWith(".json"))
  .map((f) => f.slice(0, -5))
  .filter((name) => Object.keys(readTruth(name).table3Rows).length === table3Rows.length);

export function readTruth(name: string): Truth {
  return readJson(join(corpus, "truth", `${name}.json`));
}

// a truth key may end with "(not printed)": a row of the edition the source leaves out
// (corpus/README.md, hybrid layouts); the label is what precedes it
const normalise = (s: string) =>
  s
    .replace(/\s*\(not printed\)$/, "")
    .replace(/[\s“”"]/g, "")
    .replace(/、/g, ".");

export function reportFromTruth(t: Truth): any {
  const applications: any = {};
  const rows = Object.entries(t.table3Rows);
  table3Rows.forEach((path, i) => {
    const [label, values] = rows[i]!;
    if (!normalise(label).endsWith(normalise(t3.rows[path]!))) throw new Error(`truth row ${label} is not ${t3.rows[path]}`);
    const keys = path.split(".");
    let node = applications;
    for (const k of keys.slice(0, -1)) node = node[k] ??= {};
    node[keys.at(-1)!] = Object.fromEntries(table3Columns.map((c, j) => [c, values[j]]));
  });
  const t2 = t.table2;
  const docs = (v: (number | null)[]) => ({ issuedThisYear: v[0], repealedThisYear: v[1], currentlyValid: v[2] });
  const t4 = (from: number) => Object.fromEntries(table4Columns.map((c, i) => [c, t.table4[from + i]]));
  return {
    edition: "2021",
    year: t.year,
    title: `${t.agency}${t.year}年政府信息公开工作年度报告`,
    agency: { name: t.agency, kind: "government", level: "county" },
    overview: { paragraphs: [] },
    proactiveDisclosure: {
      article20Item1: { regulations: docs(t2.regulations), normativeDocuments: docs(t2.normativeDocuments) },
      article20Item5: { administrativeLicensing: { decisionsThisYear: t2.licensing } },
      article20Item6: {
        administrativePenalty: { decisionsThisYear: t2.penalty },
        administrativeCoercion: { decisionsThisYear: t2.enforcement },
      },
      article20Item8: { administrativeFees: { feeAmountThisYear: t2.fees } },
    },
    applications,
    reviewAndLitigation: { administrativeReconsideration: t4(0), litigation: { direct: t4(5), afterReconsideration: t4(10) } },
    problemsAndImprovements: { paragraphs: [] },
    otherMatters: { paragraphs: [] },
  };
}
