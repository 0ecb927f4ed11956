// Helpers for building test reports: a cell setter by JSON pointer, and a report made from a
// corpus truth file (hand-checked figures) with placeholder text.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { labels } from "@zfxxgk/schema";
import { rowsOf } from "@zfxxgk/edition";
import { corpus } from "./paths.js";

export function setAt(report: any, pointer: string, value: unknown): void {
  const keys = pointer.split("/").slice(1);
  const last = keys.pop()!;
  const parent = keys.reduce((o, k) => o[k], report);
  if (value === undefined) delete parent[last];
  else parent[last] = value;
}

export function readJson(path: string): any {
  return JSON.parse(readFileSync(path, "utf8"));
}

export interface Truth {
  year: number;
  agency: string;
  table3Rows: Record<string, (number | null)[]>;
  table4: (number | null)[];
  table2: Record<string, number | null | (number | null)[]>;
  /** 2019 edition: every cell of its table 二, keyed by the printed row (and columns) */
  table2Raw?: Record<string, (number | string | null)[]>;
  issues: string;
}

/** The truth file's edition: 25 rows in table 三 for the 2021 format, 23 for 2019's. */
export function truthEdition(t: Truth): "2021" | "2019" {
  return Object.keys(t.table3Rows).length === 25 ? "2021" : "2019";
}

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

/**
 * A 2021-edition report holding the truth file's figures. Table 三's rows are matched to the
 * labels by their text (the truth keys them by the printed label), not by position alone.
 */
export function reportFromTruth(t: Truth): any {
  const edition = truthEdition(t);
  const l = labels[edition].applications;
  const rowPaths = rowsOf(edition, "applications").map((r) => r.key);
  const truthRows = Object.entries(t.table3Rows);
  if (truthRows.length !== rowPaths.length) throw new Error(`truth has ${truthRows.length} table-3 rows`);
  const applications: any = {};
  rowPaths.forEach((path, i) => {
    const [key, values] = truthRows[i]!;
    if (!normalise(key).endsWith(normalise(l.rows[path]!))) throw new Error(`truth row ${key} is not ${l.rows[path]}`);
    const keys = path.split(".");
    let node = applications;
    for (const k of keys.slice(0, -1)) node = node[k] ??= {};
    node[keys[keys.length - 1]!] = Object.fromEntries(Object.keys(l.columns).map((c, j) => [c, values[j]]));
  });
  const t2 = t.table2 as any;
  const docs = (v: number[]) =>
    edition === "2021"
      ? { issuedThisYear: v[0], repealedThisYear: v[1], currentlyValid: v[2] }
      : { newlyMadeThisYear: v[0], newlyPublishedThisYear: v[1], totalPublished: v[2] };
  const parts = ["upheld", "corrected", "otherResult", "pending", "total"];
  const t4 = (from: number) => Object.fromEntries(parts.map((p, i) => [p, t.table4[from + i]]));
  const raw = (prefix: string) => Object.entries(t.table2Raw ?? {}).find(([k]) => k.startsWith(prefix))![1];
  const items = (v: (number | string | null)[]) => ({ previousYearItemCount: v[0], changeThisYear: v[1], decisionsCount: v[2] });
  const amount = (v: number | string | null) =>
    typeof v === "string"
      ? v.endsWith("万元")
        ? Number(v.slice(0, -2))
        : Math.round((Number(v.replace(/元$/, "")) / 10000) * 1e6) / 1e6
      : v;
  const table2 =
    edition === "2021"
      ? {
          article20Item1: { regulations: docs(t2.regulations), normativeDocuments: docs(t2.normativeDocuments) },
          article20Item5: { administrativeLicensing: { decisionsThisYear: t2.licensing } },
          article20Item6: {
            administrativePenalty: { decisionsThisYear: t2.penalty },
            administrativeCoercion: { decisionsThisYear: t2.enforcement },
          },
          article20Item8: { administrativeFees: { feeAmountThisYear: t2.fees } },
        }
      : {
          article20Item1: { regulations: docs(t2.regulations), normativeDocuments: docs(t2.normativeDocuments) },
          article20Item5: {
            administrativeLicensing: items(raw("行政许可")),
            otherExternalManagementServices: items(raw("其他对外管理服务事项")),
          },
          article20Item6: { administrativePenalty: items(raw("行政处罚")), administrativeCoercion: items(raw("行政强制")) },
          article20Item8: {
            administrativeFees: { previousYearItemCount: raw("行政事业性收费")[0], changeThisYear: raw("行政事业性收费")[1] },
          },
          article20Item9: {
            governmentCentralizedProcurement: {
              procurementProjectCount: raw("政府集中采购")[0],
              procurementTotalAmount: amount(raw("政府集中采购")[1]!),
            },
          },
        };
  return {
    edition,
    year: t.year,
    title: `${t.agency}${t.year}年政府信息公开工作年度报告`,
    agency: { name: t.agency, kind: "government", level: "county" },
    overview: { paragraphs: ["（正文见原报告。）"] },
    proactiveDisclosure: table2,
    applications,
    reviewAndLitigation: {
      administrativeReconsideration: t4(0),
      litigation: { direct: t4(5), afterReconsideration: t4(10) },
    },
    problemsAndImprovements: { paragraphs: ["（正文见原报告。）"] },
    otherMatters: { paragraphs: ["（正文见原报告。）"] },
  };
}
