// npm run demo: the main job on the example — validate the 塔城市 2024 report, fill its blank
// totals, validate the result, and render it as HTML, XML, Word and PDF — through the zfxxgk CLI,
// as a user would run it. The PDF comes last: it needs Chromium, and says which package to
// install when there is none.
import { spawnSync } from "node:child_process";
import { join } from "node:path";

const root = join(import.meta.dirname, "..");
const bin = join(root, "packages/cli/bin/zfxxgk.js");
const steps = [
  ["validate", "examples/tacheng-2024/report.json"],
  ["fill", "examples/tacheng-2024/report.json", "-o", "out/tacheng-2024.filled.json"],
  ["validate", "out/tacheng-2024.filled.json"],
  ["render", "out/tacheng-2024.filled.json", "-o", "out/tacheng-2024.html"],
  ["render", "out/tacheng-2024.filled.json", "--format", "xml", "-o", "out/tacheng-2024.xml"],
  ["render", "out/tacheng-2024.filled.json", "--format", "docx", "-o", "out/tacheng-2024.docx"],
  ["render", "out/tacheng-2024.filled.json", "--format", "pdf", "-o", "out/tacheng-2024.pdf"],
];
for (const args of steps) {
  console.log(`\n$ zfxxgk ${args.join(" ")}`);
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, stdio: "inherit" });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
