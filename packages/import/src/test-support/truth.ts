// The corpus truth files (hand-checked figures) as expected cell values keyed by JSON pointer —
// derived from the truth file and the format's labels, not from the importer.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { labels } from "@zfxxgk/schema";
import { shapeOf, type Shape } from "../../scripts/corpus-shape.mjs";
import { corpus } from "./paths.js";

export interface Truth {
  year: number;
  agency: string;
  table3Rows: Record<string, (number | null)[]>;
  table4: (number | null)[];
  table2: Record<string, unknown>;
  table2Raw?: Record<string, (number | string)[]>;
  issues: string;
}

export function readTruth(name: string): Truth {
  return JSON.parse(readFileSync(join(corpus, "truth", `${name}.json`), "utf8")) as Truth;
}

/** Every corpus file that has a truth file: [relative path, truth name, its shape]. */
export function corpusFiles(): { file: string; name: string; kind: Shape }[] {
  const out: ReturnType<typeof corpusFiles> = [];
  const truths = new Set(readdirSync(join(corpus, "truth")).map((f) => f.replace(/\.json$/, "")));
  for (const dir of ["raw", "pdf"]) {
    for (const f of readdirSync(join(corpus, dir)).sort()) {
      const name = f.replace(/\.page\.html$|\.txt$|\.pdf$/, "");
      if (f.endsWith(".json") || !truths.has(name)) continue;
      out.push({ file: `${dir}/${f}`, name, kind: shapeOf(f, readFileSync(join(corpus, dir, f))) });
    }
  }
  return out;
}

const norm = (s: string) =>
  s
    .normalize("NFKC")
    .replace(/[\s“”"'‘’]/g, "")
    .replace(/(\d)、/g, "$1.");

export function is2019(t: Truth): boolean {
  return Object.keys(t.table3Rows).length === 23;
}

export function editionOf(t: Truth): "2019" | "2021" {
  return is2019(t) ? "2019" : "2021";
}

/**
 * A figure of the truth file in the report's unit: "75394432.52元" (the 2019 采购总金额, stored in
 * 万元) is 7539.443252; a plain number is itself.
 */
export function truthValue(v: number | string | null): number | null {
  if (typeof v !== "string") return v;
  const m = /^([\d.]+)(万元|元)$/.exec(v.trim());
  if (!m) throw new Error(`truth figure ${v}: no unit`);
  return m[2] === "万元" ? Number(m[1]) : Number(m[1]) / 10000;
}

/** The truth's figures keyed by JSON pointer, in the keys of the truth's edition (labels of @zfxxgk/schema). */
export function truthCells(t: Truth): Map<string, number | null> {
  const l = labels[editionOf(t)];
  const cells = new Map<string, number | null>();
  const ptr = (table: string, path: string) => `/${table}/${path.split(".").join("/")}`;
  const keys = Object.keys(l.applications.rows);
  const leaves = keys.filter((k) => !keys.some((o) => o.startsWith(`${k}.`)));
  const rows = Object.entries(t.table3Rows);
  if (rows.length !== leaves.length) throw new Error(`truth has ${rows.length} rows for ${leaves.length}`);
  const cols = Object.keys(l.applications.columns);
  leaves.forEach((path, i) => {
    const [printed, values] = rows[i]!;
    // a row the source does not print (a hybrid layout) is marked so; its cells are null
    const label = printed.replace(/\s*\(not printed\)$/, "");
    if (!norm(label).endsWith(norm(l.applications.rows[path]!))) throw new Error(`truth row ${label} is not ${l.applications.rows[path]}`);
    cols.forEach((c, j) => cells.set(`${ptr("applications", path)}/${c}`, values[j] ?? null));
  });
  const groups = Object.keys(l.reviewAndLitigation.groups).filter((g, _, all) => !all.some((o) => o.startsWith(`${g}.`)));
  const parts = Object.keys(l.reviewAndLitigation.columns);
  groups.forEach((g, gi) =>
    parts.forEach((p, pi) => cells.set(`${ptr("reviewAndLitigation", g)}/${p}`, t.table4[gi * parts.length + pi] ?? null)),
  );
  const t2 = t.table2 as Record<string, any>;
  const blocks = l.proactiveDisclosure.blocks;
  const docCols = Object.keys(blocks.article20Item1!.columns);
  for (const row of ["regulations", "normativeDocuments"])
    docCols.forEach((c, i) => cells.set(`/proactiveDisclosure/article20Item1/${row}/${c}`, t2[row][i]));
  if (!is2019(t)) {
    cells.set("/proactiveDisclosure/article20Item5/administrativeLicensing/decisionsThisYear", t2.licensing);
    cells.set("/proactiveDisclosure/article20Item6/administrativePenalty/decisionsThisYear", t2.penalty);
    cells.set("/proactiveDisclosure/article20Item6/administrativeCoercion/decisionsThisYear", t2.enforcement);
    cells.set("/proactiveDisclosure/article20Item8/administrativeFees/feeAmountThisYear", t2.fees);
  } else {
    // table2Raw: "行政许可 [上一年项目数量, 本年增/减, 处理决定数量]": [396, 0, 181] — the row by its label, the columns in order
    for (const [key, values] of Object.entries(t.table2Raw ?? {})) {
      const label = key.split(" [")[0];
      for (const [bk, block] of Object.entries(blocks)) {
        const rk = Object.keys(block.rows).find((r) => block.rows[r] === label);
        if (!rk) continue;
        Object.keys(block.columns).forEach((c, i) => cells.set(`/proactiveDisclosure/${bk}/${rk}/${c}`, truthValue(values[i] ?? null)));
      }
    }
  }
  return cells;
}

export function at(obj: unknown, pointer: string): unknown {
  return pointer
    .split("/")
    .slice(1)
    .reduce<any>((o, k) => (o === null || o === undefined ? undefined : o[k]), obj);
}
