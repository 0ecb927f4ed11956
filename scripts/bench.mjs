// npm run bench: every benchmark of the toolkit, each against a baseline measured in the same
// run (machines here are noisy: a ratio, not a time, is the figure to compare). Each script
// prints its figures and exits 1 when it misses its target.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";

const root = join(import.meta.dirname, "..");
const benches = [
  ["validate", "scripts/bench/validate.mjs"],
  ["batch validation", "scripts/bench/batch.mjs"],
  ["import <dir> memory", "scripts/bench/import-dir.mjs"],
  ["HTML export", "packages/export-html/bench.mjs"],
  ["Word export", "packages/export-docx/bench.mjs"],
  ["import", "packages/import/bench.mjs"],
  ["server (HTTP)", "packages/server/bench.mjs"],
  ["editor (Chromium)", "packages/editor/bench.mjs"],
].filter(([, path]) => existsSync(join(root, path)));

const only = process.argv.slice(2);
const results = [];
for (const [name, path] of benches) {
  if (only.length && !only.some((o) => name.includes(o))) continue;
  console.log(`\n=== ${name} (${path})`);
  const r = spawnSync(process.execPath, [join(root, path)], { cwd: root, stdio: "inherit" });
  results.push([name, r.status === 0 ? "target met" : "TARGET MISSED"]);
}
console.log("\n=== summary");
for (const [name, status] of results) console.log(`${name}: ${status}`);
process.exitCode = results.some(([, s]) => s !== "target met") ? 1 : 0;
