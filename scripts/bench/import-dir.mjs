// Benchmark: `zfxxgk import <dir>` keeps its memory flat — results are written and told as they
// come, and of each file only the numbers of the closing table are kept. The same published report
// (the corpus's 塔城市 text, each file under its own agency name) is imported 1,000 and 4,000
// times, each batch in a fresh process; target: the larger batch's peak RSS exceeds the smaller's
// by < 32 MiB, where a batch that kept each report would grow with the files. The smaller batch is
// not a tiny one because V8 sizes each worker's heap up over the first thousand or so files.
// Throughput is reported alongside, indicative.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const root = join(import.meta.dirname, "../..");
const sizes = (process.env.BENCH_IMPORT_SIZES ?? "1000,4000").split(",").map(Number);
const seed = readFileSync(join(root, "corpus/raw/00-tacheng-2024.txt"), "utf8");

const run = `
const [dir, out] = process.argv.slice(1);
const t = performance.now();
const { main } = await import("@zfxxgk/cli");
let lines = 0;
const io = { stdout: (s) => { for (let i = s.indexOf("\\n"); i >= 0; i = s.indexOf("\\n", i + 1)) lines++; }, \
stderr: () => {}, stdin: async () => new Uint8Array(), stderrIsTTY: false, env: {} };
const code = await main(["import", dir, "-o", out, "--json"], io);
console.log(JSON.stringify({ n: lines - 1, code, ms: performance.now() - t, maxRssMiB: process.resourceUsage().maxRSS / 1024 }));
`;

const rows = [];
for (const n of sizes) {
  const dir = mkdtempSync(join(tmpdir(), `zfxxgk-bench-import-${n}-`));
  const out = mkdtempSync(join(tmpdir(), `zfxxgk-bench-import-out-${n}-`));
  // every file its own report: the agency's name numbered, so no two outputs are the same bytes
  for (let i = 0; i < n; i++) writeFileSync(join(dir, `r${String(i).padStart(5, "0")}.txt`), seed.replace("塔城市", `塔城市${i}`));
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", run, dir, out], { cwd: root, encoding: "utf8", maxBuffer: 1 << 26 });
  rmSync(dir, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
  if (r.status !== 0) throw new Error(r.stderr);
  const m = JSON.parse(r.stdout.trim().split("\n").at(-1));
  if (m.n !== n) throw new Error(`expected ${n} results, got ${m.n} (exit ${m.code})`);
  rows.push({ files: n, "files/s": Math.round((n / m.ms) * 1000), "peak RSS MiB": Math.round(m.maxRssMiB), exit: m.code });
}
console.table(rows);
const growth = rows.at(-1)["peak RSS MiB"] - rows[0]["peak RSS MiB"];
const ok = growth < 32;
console.log(`peak RSS growth from ${rows[0].files} to ${rows.at(-1).files} files: ${growth} MiB (target < 32: ${ok ? "met" : "NOT met"})`);
process.exitCode = ok ? 0 : 1;
