// Benchmark: `zfxxgk validate <dir>` on 10,000 and 50,000 generated reports (valid and invalid,
// varied figures and text lengths), against a baseline that only reads and JSON.parses the same
// files, in the same run. Target: batch throughput ≥ 1.0× the baseline's, counting the command's
// own start-up (its modules are imported inside the timed span, as `zfxxgk validate` loads them);
// peak RSS reported for both sizes (it must not grow with the number of files). Each size runs
// three times, alternating, and the median ratio counts.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fill } from "@zfxxgk/validator";

const root = join(import.meta.dirname, "../..");
const sizes = (process.env.BENCH_BATCH_SIZES ?? "10000,50000").split(",").map(Number);
const seed = fill(JSON.parse(readFileSync(join(root, "examples/tacheng-2024/report.json"), "utf8")));

// a small deterministic PRNG, so that every run validates the same reports
let state = 20250117;
const rand = () => (state = (state * 1103515245 + 12345) >>> 0) / 2 ** 32;

function variant(i) {
  const r = structuredClone(seed);
  const k = Math.floor(rand() * 500);
  // k more applications, all granted: every sum still holds
  for (const row of [r.applications.newReceived, r.applications.results.granted, r.applications.results.total]) {
    row.naturalPerson += k;
    row.total += k;
  }
  r.overview.paragraphs = Array.from({ length: 1 + Math.floor(rand() * 4) }, () => seed.overview.paragraphs[0]);
  const fault = i % 10;
  if (fault === 1) r.applications.results.granted.naturalPerson += 1; // R3 and R4 fail
  if (fault === 2) r.reviewAndLitigation.administrativeReconsideration.total = null; // blank
  if (fault === 3) r.applications.newReceived.commercialEnterprise = -1; // schema
  return JSON.stringify(r, null, 2);
}

function child(code, args) {
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", code, ...args], { cwd: root, encoding: "utf8", maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`${r.stderr}`);
  return JSON.parse(r.stdout.trim().split("\n").at(-1));
}

const baseline = `
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
const dir = process.argv[1];
const t = performance.now();
let n = 0;
for (const name of readdirSync(dir).sort()) { JSON.parse(readFileSync(join(dir, name), "utf8")); n++; }
const u = process.cpuUsage();
console.log(JSON.stringify({ n, ms: performance.now() - t, \
cpuMs: (u.user + u.system) / 1000, maxRssMiB: process.resourceUsage().maxRSS / 1024 }));
`;
const batch = `
const dir = process.argv[1];
const t = performance.now();
const { main } = await import("@zfxxgk/cli");
let lines = 0;
const io = { stdout: (s) => { for (let i = s.indexOf("\\n"); i >= 0; i = s.indexOf("\\n", i + 1)) lines++; }, \
stderr: () => {}, stdin: async () => new Uint8Array(), stderrIsTTY: false, env: {} };
const code = await main(["validate", dir, "--json"], io);
const u = process.cpuUsage();
console.log(JSON.stringify({ n: lines - 1, code, ms: performance.now() - t, \
cpuMs: (u.user + u.system) / 1000, maxRssMiB: process.resourceUsage().maxRSS / 1024 }));
`;

let ok = true;
const rows = [];
for (const n of sizes) {
  const dir = mkdtempSync(join(tmpdir(), `zfxxgk-bench-${n}-`));
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < n; i++) writeFileSync(join(dir, `r${String(i).padStart(6, "0")}.json`), variant(i));
  // three alternating runs, the median ratio: one burst of load on a shared machine skews a run
  const runs = [];
  for (let k = 0; k < 3; k++) {
    const base = child(baseline, [dir]);
    const run = child(batch, [dir]);
    if (base.n !== n || run.n !== n) throw new Error(`expected ${n} files, read ${base.n}, validated ${run.n}`);
    runs.push({ base, run, ratio: base.ms / run.ms });
  }
  rmSync(dir, { recursive: true, force: true });
  runs.sort((a, b) => a.ratio - b.ratio);
  const { base, run, ratio } = runs[1];
  rows.push({
    files: n,
    "baseline files/s": Math.round((n / base.ms) * 1000),
    "validate files/s": Math.round((n / run.ms) * 1000),
    ratio: ratio.toFixed(2),
    "ratios (3 runs)": runs.map((r) => r.ratio.toFixed(2)).join(" "),
    // CPU of the whole process, every thread: what the machine's load does not change
    "baseline CPU ms/file": (base.cpuMs / n).toFixed(3),
    "validate CPU ms/file": (run.cpuMs / n).toFixed(3),
    "baseline peak RSS MiB": Math.round(base.maxRssMiB),
    "validate peak RSS MiB": Math.round(run.maxRssMiB),
  });
  if (ratio < 1.0) ok = false;
}
console.table(rows);
console.log(`batch validation throughput / read+JSON.parse throughput ≥ 1.0: ${ok ? "met" : "NOT met"}`);
process.exitCode = ok ? 0 : 1;
