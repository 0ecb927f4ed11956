// npm run eval:import — imports every real report of the corpus (raw/*.txt, raw/*.page.html,
// pdf/*.pdf) and compares each table cell with the hand-checked figures in truth/*.json:
//   correct  the imported cell equals the truth (null where the truth is null),
//   wrong    the imported cell holds another value (or a value where the truth is null),
//   unknown  the imported cell is null where the truth has a value (ambiguous or not found).
// Exit 1 if any cell is wrong. Run `npm run build` (or tsc -p packages/import/tsconfig.build.json) first.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { labels } from "@zfxxgk/schema";
import { fill, validate } from "@zfxxgk/validator";
import { importReport } from "../dist/index.js";
import { shapeOf } from "./corpus-shape.mjs";

/** The shapes reported, in this order, whether the corpus has a file of them or not. */
const SHAPES = ["pdf", "pdf-text", "html", "run-together", "cell-per-line", "markdown", "word"];

const here = import.meta.dirname;
const corpus = resolve(here, "../../../corpus");
if (!existsSync(corpus)) {
  console.error(`the corpus is not at ${corpus}`);
  process.exit(2);
}
const ptr = (table, path) => `/${table}/${path.split(".").join("/")}`;
const norm = (s) =>
  s
    .normalize("NFKC")
    .replace(/[\s“”"'‘’]/g, "")
    .replace(/(\d)、/g, "$1.");

/** A truth figure in the report's unit: "75394432.52元" (2019 采购总金额, kept in 万元) is 7539.443252. */
function truthValue(v) {
  if (typeof v !== "string") return v;
  const m = /^([\d.]+)(万元|元)$/.exec(v.trim());
  if (!m) throw new Error(`truth figure ${v}: no unit`);
  return m[2] === "万元" ? Number(m[1]) : Number(m[1]) / 10000;
}

/** The truth file's figures keyed by JSON pointer, in the keys of the truth's edition (2019: 23 table-三 rows). */
export function truthCells(truth) {
  const cells = new Map();
  const is2019 = Object.keys(truth.table3Rows).length === 23;
  const l = labels[is2019 ? "2019" : "2021"];
  const keys = Object.keys(l.applications.rows);
  const leaves = keys.filter((k) => !keys.some((o) => o.startsWith(`${k}.`)));
  const entries = Object.entries(truth.table3Rows);
  if (entries.length !== leaves.length) throw new Error(`truth has ${entries.length} table-三 rows, the edition ${leaves.length}`);
  const columns = Object.keys(l.applications.columns);
  leaves.forEach((path, i) => {
    const [printed, values] = entries[i];
    // a row the source does not print (a hybrid layout) is marked so in the truth; its cells are null
    const label = printed.replace(/\s*\(not printed\)$/, "");
    if (!norm(label).endsWith(norm(l.applications.rows[path]))) throw new Error(`truth row ${label} is not ${l.applications.rows[path]}`);
    columns.forEach((c, j) => cells.set(`${ptr("applications", path)}/${c}`, values[j]));
  });
  const groups = Object.keys(l.reviewAndLitigation.groups).filter((g, _, all) => !all.some((o) => o.startsWith(`${g}.`)));
  const parts = Object.keys(l.reviewAndLitigation.columns);
  groups.forEach((g, gi) =>
    parts.forEach((p, pi) => cells.set(`${ptr("reviewAndLitigation", g)}/${p}`, truth.table4[gi * parts.length + pi])),
  );
  const t2 = truth.table2;
  const blocks = l.proactiveDisclosure.blocks;
  const docCols = Object.keys(blocks.article20Item1.columns);
  for (const row of ["regulations", "normativeDocuments"])
    docCols.forEach((c, i) => cells.set(`/proactiveDisclosure/article20Item1/${row}/${c}`, t2[row][i]));
  if (!is2019) {
    cells.set("/proactiveDisclosure/article20Item5/administrativeLicensing/decisionsThisYear", t2.licensing);
    cells.set("/proactiveDisclosure/article20Item6/administrativePenalty/decisionsThisYear", t2.penalty);
    cells.set("/proactiveDisclosure/article20Item6/administrativeCoercion/decisionsThisYear", t2.enforcement);
    cells.set("/proactiveDisclosure/article20Item8/administrativeFees/feeAmountThisYear", t2.fees);
  } else {
    // table2Raw: "行政许可 [上一年项目数量, 本年增/减, 处理决定数量]": [396, 0, 181] — the row by its label, the columns in order
    for (const [key, values] of Object.entries(truth.table2Raw)) {
      const label = key.split(" [")[0];
      for (const [bk, block] of Object.entries(blocks)) {
        const rk = Object.keys(block.rows).find((r) => block.rows[r] === label);
        if (!rk) continue;
        Object.keys(block.columns).forEach((c, i) => cells.set(`/proactiveDisclosure/${bk}/${rk}/${c}`, truthValue(values[i])));
      }
    }
  }
  return cells;
}

function at(obj, pointer) {
  return pointer
    .split("/")
    .slice(1)
    .reduce((o, k) => (o === null || o === undefined ? undefined : o[k]), obj);
}

export function compare(result, truth) {
  const doc = result.report;
  const ambiguous = new Set(result.diagnostics.filter((d) => d.reason === "ambiguous").map((d) => d.pointer));
  const out = { cells: 0, correct: 0, wrong: 0, unknown: 0, ambiguous: 0, wrongCells: [] };
  for (const [pointer, want] of truthCells(truth)) {
    out.cells++;
    const got = doc ? at(doc, pointer) : undefined;
    const v = got === undefined ? null : got;
    if (want === null) {
      if (v === null) out.correct++;
      else {
        out.wrong++;
        out.wrongCells.push(`${pointer}: ${v} (truth: blank)`);
      }
    } else if (v === null) {
      out.unknown++;
      if (ambiguous.has(pointer)) out.ambiguous++;
    } else if (typeof v === "number" && Math.abs(v - want) < 1e-9) out.correct++;
    else {
      out.wrong++;
      out.wrongCells.push(`${pointer}: ${v} (truth: ${want})`);
    }
  }
  return out;
}

async function main() {
  const files = [
    ...readdirSync(join(corpus, "raw"))
      .filter((f) => (f.endsWith(".txt") || f.endsWith(".page.html")) && !f.endsWith(".meta.json"))
      .map((f) => join("raw", f)),
    ...readdirSync(join(corpus, "pdf"))
      .filter((f) => f.endsWith(".pdf"))
      .map((f) => join("pdf", f)),
  ].sort();
  const rows = [];
  const total = { cells: 0, correct: 0, wrong: 0, unknown: 0, ambiguous: 0 };
  let fail = false;
  for (const f of files) {
    const name = basename(f).replace(/\.page\.html$|\.txt$|\.pdf$/, "");
    const truthPath = join(corpus, "truth", `${name}.json`);
    if (!existsSync(truthPath)) continue;
    const truth = JSON.parse(readFileSync(truthPath, "utf8"));
    const bytes = readFileSync(join(corpus, f));
    const shape = shapeOf(f, bytes);
    const t0 = performance.now();
    const result = await importReport(bytes);
    const ms = performance.now() - t0;
    const c = compare(result, truth);
    for (const k of Object.keys(total)) total[k] += c[k];
    if (c.wrong) fail = true;
    let after = "-";
    if (result.report) {
      // what the validator still finds once the blank cells that rules can compute are filled
      const v = validate(fill(result.report));
      const errors = v.issues.filter((i) => i.severity === "error").map((i) => `${i.code} ${i.pointer.split("/").pop()}`);
      after = v.valid ? "valid" : `invalid: ${errors.join(", ")}`;
    }
    rows.push({
      file: f,
      shape,
      status: result.status,
      edition: result.edition ?? "-",
      cells: c.cells,
      correct: c.correct,
      wrong: c.wrong,
      unknown: c.unknown,
      "of which ambiguous": c.ambiguous,
      "after fill": after,
      ms: Math.round(ms),
    });
    for (const w of c.wrongCells) console.error(`  WRONG ${f} ${w}`);
  }
  console.table(rows);
  const byShape = SHAPES.map((shape) => {
    const of = rows.filter((r) => r.shape === shape);
    const sum = (k) => of.reduce((a, r) => a + r[k], 0);
    return {
      shape,
      files: of.length,
      cells: sum("cells"),
      correct: sum("correct"),
      wrong: sum("wrong"),
      unknown: sum("unknown"),
      "of which ambiguous": sum("of which ambiguous"),
    };
  });
  console.table(byShape);
  const pct = (n) => ((100 * n) / total.cells).toFixed(2);
  console.log(
    `total: ${total.cells} cells, ${total.correct} correct (${pct(total.correct)} %), ` +
      `${total.wrong} wrong, ${total.unknown} unknown (${total.ambiguous} reported ambiguous)`,
  );
  process.exitCode = fail ? 1 : 0;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) await main();
