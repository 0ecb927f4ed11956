import { importReport } from "@zfxxgk/import";
import { fill } from "@zfxxgk/validator";
import { readFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
const [,, json, pdf] = process.argv;
const report = JSON.parse(readFileSync(json, "utf8"));
const printed = (r) => { r = structuredClone(r); for (const k of ["$schema","scope","members","migratedFrom","sourceTokens","publishedOn"]) delete r[k]; delete r.agency.regionCode; delete r.agency.creditCode; return JSON.parse(JSON.stringify(r), (_k, v) => typeof v === "string" ? v.normalize("NFKC").replace(/\s+/g, "") : v); };
for (const mode of [["-layout"], ["-raw"], []]) {
  const text = spawnSync("pdftotext", [...mode, "-enc", "UTF-8", pdf, "-"], { encoding: "utf8" }).stdout;
  const { report: back, diagnostics } = await importReport(text, { format: "text" });
  const a = printed(report), b = back && printed(back);
  const diffs = [];
  const walk = (x, y, p) => { if (typeof x === "object" && x) { for (const k of new Set([...Object.keys(x), ...Object.keys(y ?? {})])) walk(x[k], y?.[k], p + "/" + k); } else if (JSON.stringify(x) !== JSON.stringify(y)) diffs.push([p, x, y]); };
  walk(a, b, "");
  console.log(mode, diffs.length, JSON.stringify(diffs.slice(0, 8)).slice(0, 1500));
}
{
  const { report: back, diagnostics } = await importReport(readFileSync(pdf), { format: "pdf" });
  const a = printed(report), b = back && printed(back);
  const diffs = [];
  const walk = (x, y, p) => { if (typeof x === "object" && x) { for (const k of new Set([...Object.keys(x), ...Object.keys(y ?? {})])) walk(x[k], y?.[k], p + "/" + k); } else if (JSON.stringify(x) !== JSON.stringify(y)) diffs.push([p, x, y]); };
  walk(a, b, "");
  console.log("pdf", diffs.length, JSON.stringify(diffs.slice(0, 8)).slice(0, 600));
}
