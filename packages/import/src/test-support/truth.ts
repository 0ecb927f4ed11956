// The corpus truth files (hand-checked figures) as expected cell values keyed by JSON pointer —
// derived from the truth file and the format's labels, not from the importer.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { labels } from "@zfxxgk/schema";
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

/** Every corpus file that has a truth file: [relative path, truth name]. */
export function corpusFiles(): { file: string; name: string; kind: "pdf" | "pdf-text" | "html" | "crawled-text" }[] {
  const out: ReturnType<typeof corpusFiles> = [];
  const truths = new Set(readdirSync(join(corpus, "truth")).map((f) => f.replace(/\.json$/, "")));
  for (const f of readdirSync(join(corpus, "raw")).sort()) {
    const name = f.replace(/\.page\.html$|\.txt$/, "");
    if (f.endsWith(".meta.json") || !truths.has(name)) continue;
    if (f.endsWith(".page.html")) out.push({ file: `raw/${f}`, name, kind: "html" });
    else if (f.endsWith(".txt")) {
      // the corpus README: crawled page text starts with the crawler's header; PDF text does not
      const head = readFileSync(join(corpus, "raw", f), "utf8").slice(0, 2000);
      out.push({ file: `raw/${f}`, name, kind: /={4,}\s*正文\s*={4,}/.test(head) ? "crawled-text" : "pdf-text" });
    }
  }
  for (const f of readdirSync(join(corpus, "pdf")).sort()) {
    const name = f.replace(/\.pdf$/, "");
    if (truths.has(name)) out.push({ file: `pdf/${f}`, name, kind: "pdf" });
  }
  return out;
}

const norm = (s: string) => s.normalize("NFKC").replace(/[\s“”"'‘’]/g, "").replace(/(\d)、/g, "$1.");

/** The 2019 trial format's table 二 (FORMAT.md §2.2), as the importer's data file keys it. */
function edition2019Blocks(): Record<string, { columns: Record<string, string>; rows: Record<string, string> }> {
  const data = JSON.parse(readFileSync(join(import.meta.dirname, "../../data/edition-2019.json"), "utf8"));
  return data.proactiveDisclosure.blocks;
}

export function is2019(t: Truth): boolean {
  return Object.keys(t.table3Rows).length === 23;
}

export function truthCells(t: Truth): Map<string, number | null> {
  const l = labels["2021"];
  const cells = new Map<string, number | null>();
  const ptr = (table: string, path: string) => `/${table}/${path.split(".").join("/")}`;
  let keys = Object.keys(l.applications.rows);
  if (is2019(t)) keys = keys.filter((k) => !k.startsWith("results.other."));
  const leaves = keys.filter((k) => !keys.some((o) => o.startsWith(`${k}.`)));
  const rows = Object.entries(t.table3Rows);
  if (rows.length !== leaves.length) throw new Error(`truth has ${rows.length} rows for ${leaves.length}`);
  const cols = Object.keys(l.applications.columns);
  leaves.forEach((path, i) => {
    const [label, values] = rows[i]!;
    if (!norm(label).endsWith(norm(l.applications.rows[path]!))) throw new Error(`truth row ${label} is not ${l.applications.rows[path]}`);
    cols.forEach((c, j) => cells.set(`${ptr("applications", path)}/${c}`, values[j] ?? null));
  });
  const groups = Object.keys(l.reviewAndLitigation.groups).filter((g, _, all) => !all.some((o) => o.startsWith(`${g}.`)));
  const parts = Object.keys(l.reviewAndLitigation.columns);
  groups.forEach((g, gi) => parts.forEach((p, pi) => cells.set(`${ptr("reviewAndLitigation", g)}/${p}`, t.table4[gi * parts.length + pi] ?? null)));
  const t2 = t.table2 as Record<string, any>;
  if (!is2019(t)) {
    const docCols = Object.keys(l.proactiveDisclosure.blocks.article20Item1!.columns);
    for (const row of ["regulations", "normativeDocuments"]) docCols.forEach((c, i) => cells.set(`/proactiveDisclosure/article20Item1/${row}/${c}`, t2[row][i]));
    cells.set("/proactiveDisclosure/article20Item5/administrativeLicensing/decisionsThisYear", t2.licensing);
    cells.set("/proactiveDisclosure/article20Item6/administrativePenalty/decisionsThisYear", t2.penalty);
    cells.set("/proactiveDisclosure/article20Item6/administrativeCoercion/decisionsThisYear", t2.enforcement);
    cells.set("/proactiveDisclosure/article20Item8/administrativeFees/feeAmountThisYear", t2.fees);
  } else {
    const blocks = edition2019Blocks();
    const docCols = Object.keys(blocks.article20Item1!.columns);
    for (const row of ["regulations", "normativeDocuments"]) docCols.forEach((c, i) => cells.set(`/proactiveDisclosure/article20Item1/${row}/${c}`, t2[row][i]));
    for (const [key, values] of Object.entries(t.table2Raw ?? {})) {
      const label = key.split(" [")[0];
      for (const [bk, block] of Object.entries(blocks)) {
        const rk = Object.keys(block.rows).find((r) => block.rows[r] === label);
        if (!rk) continue;
        Object.keys(block.columns).forEach((c, i) => {
          const v = values[i]!;
          cells.set(`/proactiveDisclosure/${bk}/${rk}/${c}`, typeof v === "string" ? Number(v.replace(/[^\d.+-]/g, "")) : v);
        });
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
