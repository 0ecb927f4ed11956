// Rewrites golden/tacheng-2024.xml from the seed report (examples/tacheng-2024/report.json) with
// the current build. Run it only when a change to the XML output is intended, and review the diff:
//   node packages/export-xml/scripts/update-golden.mjs
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const pkg = join(dirname(fileURLToPath(import.meta.url)), "..");
const repo = join(pkg, "../..");
const build = spawnSync("npx", ["tsc", "-p", join(pkg, "tsconfig.build.json")], { cwd: repo, stdio: "inherit" });
if (build.status !== 0) process.exit(build.status ?? 1);

const { renderXml } = await import(join(pkg, "dist/index.js"));
const report = JSON.parse(readFileSync(join(repo, "examples/tacheng-2024/report.json"), "utf8"));
const out = join(pkg, "golden/tacheng-2024.xml");
const before = (() => {
  try {
    return readFileSync(out, "utf8");
  } catch {
    return "";
  }
})();
const xml = renderXml(report);
writeFileSync(out, xml);
console.log(`${relative(repo, out)}: ${before === xml ? "unchanged" : "updated; review the diff before committing"}`);
