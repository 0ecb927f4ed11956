// Benchmark: validate (schema + every rule) on the seed report, against JSON.parse of the same
// text measured in the same run. Target: ratio ≥ 2.0, i.e. validating costs at most half of
// parsing.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Bench } from "tinybench";
import { validate, fill } from "@zfxxgk/validator";

const root = join(import.meta.dirname, "../..");
const seed = fill(JSON.parse(readFileSync(join(root, "examples/tacheng-2024/report.json"), "utf8")));
const text = JSON.stringify(seed, null, 2);
const parsed = JSON.parse(text);
if (!validate(parsed).valid) throw new Error("the filled seed report must be valid");

const bench = new Bench({ time: 2000, warmup: true, warmupTime: 500 });
let sink = 0;
bench
  .add("JSON.parse (baseline)", () => {
    sink += JSON.parse(text).year;
  })
  .add("validate: schema + rules", () => {
    sink += validate(parsed).issues.length;
  });
await bench.run();

const hz = Object.fromEntries(bench.tasks.map((t) => [t.name, t.result.throughput.mean]));
const parse = hz["JSON.parse (baseline)"];
const val = hz["validate: schema + rules"];
const ratio = val / parse;
console.log(`seed report: ${(text.length / 1024).toFixed(1)} KiB of JSON, ${Buffer.byteLength(text)} bytes`);
console.table(bench.table());
console.log(`validate throughput / JSON.parse throughput = ${ratio.toFixed(2)} (target ≥ 2.0: ${ratio >= 2 ? "met" : "NOT met"})`);
if (sink === 0.5) console.log(""); // keeps the results observable
process.exitCode = ratio >= 2 ? 0 : 1;
