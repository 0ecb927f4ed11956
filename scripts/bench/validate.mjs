// Benchmark: validate (schema + every rule) on the seed report, against JSON.parse of the same
// text measured in the same run. Target: ratio ≥ 2.0, i.e. validating costs at most half of
// parsing. The two alternate over several rounds and the median ratio is reported, so that a
// burst of load on a shared machine skews one round, not the figure.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Bench } from "tinybench";
import { validate, fill } from "@zfxxgk/validator";

const root = join(import.meta.dirname, "../..");
const seed = fill(JSON.parse(readFileSync(join(root, "examples/tacheng-2024/report.json"), "utf8")));
const text = JSON.stringify(seed, null, 2);
const parsed = JSON.parse(text);
if (!validate(parsed).valid) throw new Error("the filled seed report must be valid");

const ROUNDS = 7;
let sink = 0;
const rounds = [];
for (let r = 0; r < ROUNDS; r++) {
  const bench = new Bench({ time: 400, warmup: true, warmupTime: 100 });
  bench
    .add("JSON.parse (baseline)", () => {
      sink += JSON.parse(text).year;
    })
    .add("validate: schema + rules", () => {
      sink += validate(parsed).issues.length;
    });
  await bench.run();
  const [parse, val] = bench.tasks.map((t) => t.result.throughput.p50);
  rounds.push({ "JSON.parse ops/s": Math.round(parse), "validate ops/s": Math.round(val), ratio: val / parse });
}
const ratios = rounds.map((r) => r.ratio).sort((a, b) => a - b);
const median = ratios[Math.floor(ratios.length / 2)];
console.log(`seed report: ${Buffer.byteLength(text)} bytes of JSON`);
console.table(rounds.map((r) => ({ ...r, ratio: r.ratio.toFixed(2) })));
console.log(
  `validate throughput / JSON.parse throughput = ${median.toFixed(2)} (median of ${ROUNDS} rounds; ` +
    `target ≥ 2.0: ${median >= 2 ? "met" : "NOT met"})`,
);
if (sink === 0.5) console.log(""); // keeps the results observable
process.exitCode = median >= 2 ? 0 : 1;
