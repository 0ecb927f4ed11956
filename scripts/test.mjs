// npm test: turbo runs the stale check of generated files, build, typecheck and vitest in every
// package; then one closing line, "N passed, N failed", summed over the packages' results.
// Three packages at a time: the suites drive Chromium, LibreOffice and worker threads, and on a
// 2-core machine running them all at once only stretches every time limit.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";

const root = join(import.meta.dirname, "..");
const results = () =>
  ["packages", "generators"]
    .flatMap((dir) => readdirSync(join(root, dir)).map((name) => join(dir, name, ".test-results.json")))
    .filter((f) => existsSync(join(root, f)));
for (const f of results()) rmSync(join(root, f));

// Formatting and lint first (Biome, biome.json): a finding fails the run like a failed test.
const biome = spawnSync("npx", ["biome", "ci", "--reporter=summary", "."], { cwd: root, stdio: "inherit" });
// Then the line width Biome cannot enforce: no line of a tracked .ts/.mjs/.js file wider than
// biome.json's formatter.lineWidth (a long string, comment or test name); scripts/check-width.mjs.
const width = spawnSync(process.execPath, [join(root, "scripts", "check-width.mjs")], { cwd: root, stdio: "inherit" });

const turbo = spawnSync(
  "npx",
  [
    "turbo",
    "run",
    "check-generated",
    "build",
    "typecheck",
    "test",
    "--output-logs=new-only",
    "--continue",
    "--concurrency=3",
    ...process.argv.slice(2),
  ],
  {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1", DO_NOT_TRACK: "1" },
  },
);

let passed = 0;
let failed = 0;
let skipped = 0;
for (const f of results()) {
  const r = JSON.parse(readFileSync(join(root, f), "utf8"));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  skipped += r.numPendingTests + (r.numTodoTests ?? 0);
}
const status = (turbo.status ?? 1) || (biome.status ?? 1) || (width.status ?? 1);
if (status !== 0 && failed === 0) failed = 1; // a failed build, typecheck, stale or width check counts too
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(status);
