// Fuzzing with fast-check: the corpus files, mutated (slices deleted or duplicated, figures changed,
// random bytes written in), never make importReport throw, and no single call takes a second.
// The per-call time is a safety bound, not a benchmark (see bench.mjs). FUZZ_SEED=<n> explores
// other inputs; CI runs the fixed seed.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { importReport, type ImportResult } from "./index.js";
import { model } from "./labels.js";
import { corpus } from "./test-support/paths.js";
import { corpusFiles } from "./test-support/truth.js";

const seed = Number(process.env.FUZZ_SEED ?? 20_250_117);
const files = corpusFiles().map((f) => ({ ...f, bytes: new Uint8Array(readFileSync(join(corpus, f.file))) }));
const texts = files.filter((f) => f.kind !== "pdf");
const pdfs = files.filter((f) => f.kind === "pdf");

type Op =
  | { kind: "delete"; at: number; len: number }
  | { kind: "duplicate"; at: number; len: number; to: number }
  | { kind: "digits"; at: number; count: number; shift: number }
  | { kind: "bytes"; at: number; bytes: Uint8Array };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant("delete" as const), at: fc.nat(), len: fc.integer({ min: 1, max: 4000 }) }),
  fc.record({ kind: fc.constant("duplicate" as const), at: fc.nat(), len: fc.integer({ min: 1, max: 4000 }), to: fc.nat() }),
  fc.record({ kind: fc.constant("digits" as const), at: fc.nat(), count: fc.integer({ min: 1, max: 80 }), shift: fc.integer({ min: 1, max: 9 }) }),
  fc.record({ kind: fc.constant("bytes" as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 64 }) }),
);

function mutate(src: Uint8Array, ops: Op[]): Uint8Array {
  let b = src;
  for (const o of ops) {
    const n = b.length;
    if (n === 0) break;
    const at = o.at % n;
    if (o.kind === "delete") b = Uint8Array.from([...b.subarray(0, at), ...b.subarray(Math.min(n, at + o.len))]);
    else if (o.kind === "duplicate") {
      const piece = b.subarray(at, Math.min(n, at + o.len));
      const to = o.to % n;
      b = Uint8Array.from([...b.subarray(0, to), ...piece, ...b.subarray(to)]);
    } else if (o.kind === "digits") {
      b = b.slice();
      for (let i = at, changed = 0; i < n && changed < o.count; i++) {
        if (b[i]! >= 0x30 && b[i]! <= 0x39) {
          b[i] = 0x30 + ((b[i]! - 0x30 + o.shift) % 10);
          changed++;
        }
      }
    } else {
      b = b.slice();
      b.set(o.bytes.subarray(0, n - at), at);
    }
  }
  return b;
}

/** What any result must look like, whatever the input. */
function wellFormed(r: ImportResult): void {
  expect(Array.isArray(r.diagnostics)).toBe(true);
  const s = r.stats;
  expect(s.read + s.splitByRules + s.inferred + s.blank + s.ambiguous + s.missing).toBe(s.cells);
  if (r.report === null) return;
  // every cell a finite number or null; ≥ 0 but where the edition's schema allows a signed figure (2019 本年增/减)
  for (const c of model(r.edition).cells) {
    const v = c.path.reduce<any>((o, k) => (o == null ? undefined : o[k]), r.report);
    expect(v === null || (typeof v === "number" && Number.isFinite(v) && (c.kind === "signed" || v >= 0)), `${c.pointer}: ${String(v)}`).toBe(true);
  }
}

/**
 * The CPU time one call costs, in ms: the bound is on the work an input causes, which a busy
 * machine does not stretch the way it stretches wall-clock time.
 */
async function timed(bytes: Uint8Array): Promise<number> {
  const t = process.cpuUsage();
  const r = await importReport(bytes);
  const { user, system } = process.cpuUsage(t);
  wellFormed(r);
  return (user + system) / 1000;
}

describe("fuzzing the importer with mutated corpus files", () => {
  it("text and HTML: never throws, each call under a second", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...texts), fc.array(op, { minLength: 1, maxLength: 8 }), async (f, ops) => {
        expect(await timed(mutate(f.bytes, ops))).toBeLessThan(1000);
      }),
      { numRuns: 120, seed },
    );
  });

  it("PDF: never throws nor ends the process, each call under a second (in a process of its own)", () => {
    // pdf.js can leave rejected promises behind on a damaged file: run where no test runner listens for them
    const child = join(import.meta.dirname, "test-support/fuzz-pdf.mjs");
    const r = spawnSync(process.execPath, [child, join(corpus, pdfs[0]!.file), String(seed), "12"], { encoding: "utf8", timeout: 120_000 });
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout.trim().split("\n").pop()!);
    expect(out.calls).toBeGreaterThanOrEqual(12);
    expect(out).toMatchObject({ failed: false });
    expect(out.slowest).toBeLessThan(1000);
  });

  it("random bytes of any length: never throws, under a second", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 20_000 }), async (bytes) => {
        expect(await timed(bytes)).toBeLessThan(1000);
      }),
      { numRuns: 60, seed },
    );
  });
});
