// The PDF half of fuzz.test.ts, in a process of its own: with no 'unhandledRejection' listener of
// a test runner's, a rejection pdf.js leaves behind would end this process as it would end a user's
// (importReport must see to that it does not). Reads the built package (dist/). Prints one JSON line.
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { importReport } from "../../dist/index.js";

const [file, seed, runs] = process.argv.slice(2);
const src = new Uint8Array(readFileSync(file));

const op = fc.oneof(
  fc.record({ kind: fc.constant("delete"), at: fc.nat(), len: fc.integer({ min: 1, max: 4000 }) }),
  fc.record({ kind: fc.constant("duplicate"), at: fc.nat(), len: fc.integer({ min: 1, max: 4000 }), to: fc.nat() }),
  fc.record({ kind: fc.constant("digits"), at: fc.nat(), count: fc.integer({ min: 1, max: 80 }), shift: fc.integer({ min: 1, max: 9 }) }),
  fc.record({ kind: fc.constant("bytes"), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 64 }) }),
);

function mutate(b0, ops) {
  let b = b0;
  for (const o of ops) {
    const n = b.length;
    if (n === 0) break;
    const at = o.at % n;
    if (o.kind === "delete") b = Uint8Array.from([...b.subarray(0, at), ...b.subarray(Math.min(n, at + o.len))]);
    else if (o.kind === "duplicate") {
      const to = o.to % n;
      b = Uint8Array.from([...b.subarray(0, to), ...b.subarray(at, Math.min(n, at + o.len)), ...b.subarray(to)]);
    } else if (o.kind === "digits") {
      b = b.slice();
      for (let i = at, c = 0; i < n && c < o.count; i++)
        if (b[i] >= 0x30 && b[i] <= 0x39) (b[i] = 0x30 + ((b[i] - 0x30 + o.shift) % 10)), c++;
    } else {
      b = b.slice();
      b.set(o.bytes.subarray(0, n - at), at);
    }
  }
  return b;
}

await importReport(src); // loads pdf.js: not a cost of any one input
let slowest = 0;
let reports = 0;
let calls = 0;
const outcome = await fc.check(
  fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 4 }), async (ops) => {
    // CPU time, not wall-clock: the bound is on the work an input causes, not on the machine's load
    const t = process.cpuUsage();
    const r = await importReport(mutate(src, ops));
    const { user, system } = process.cpuUsage(t);
    const ms = (user + system) / 1000;
    calls++;
    slowest = Math.max(slowest, ms);
    if (r.report) reports++;
    if (!Array.isArray(r.diagnostics)) return false;
    return ms < 2000; // fuzz.test.ts's PDF_CPU_MS: a worker's start-up counts, see there
  }),
  {
    numRuns: Number(runs),
    seed: Number(seed),
    // one byte deleted from the 淮安 PDF: pdf.js then leaves four rejected promises behind
    examples: [[[{ kind: "delete", at: 1696439373, len: 1 }]]],
  },
);
// let any stray rejection surface before reporting
await new Promise((r) => setTimeout(r, 200));
console.log(
  JSON.stringify({ failed: outcome.failed, counterexample: outcome.counterexample, calls, reports, slowest: Math.round(slowest) }),
);
