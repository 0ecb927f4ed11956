// Fuzzing the Word readers with fast-check, like src/fuzz.test.ts: the LibreOffice-made fixtures
// mutated — the .docx as bytes and as its document.xml re-zipped (so the mutations reach the XML
// walker, not only the inflater), the .doc as bytes (stored uncompressed: they reach the compound
// file, piece table and paragraph-property readers) — and random bytes behind each magic number.
// importReport never throws, its result is well formed, and one call costs under a second of CPU.
// FUZZ_SEED=<n> explores other inputs; CI runs the fixed seed. The bound is on CPU time per call;
// the tests' wall-clock limits are generous, as a machine shared with other runs stretches them.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { importReport, type ImportResult } from "../../index.js";

const seed = Number(process.env.FUZZ_SEED ?? 20_250_117);
const fixture = (name: string) => new Uint8Array(readFileSync(join(import.meta.dirname, "fixtures", name)));
const docx = fixture("tacheng.docx");
const doc = fixture("tacheng.doc");
const parts = unzipSync(docx);
const documentXml = strFromU8(parts["word/document.xml"]!);

type Op = { kind: "delete" | "duplicate" | "bytes"; at: number; len: number; to: number; bytes: Uint8Array };
const op: fc.Arbitrary<Op> = fc.record({
  kind: fc.constantFrom("delete" as const, "duplicate" as const, "bytes" as const),
  at: fc.nat(),
  len: fc.integer({ min: 1, max: 2000 }),
  to: fc.nat(),
  bytes: fc.uint8Array({ minLength: 1, maxLength: 32 }),
});

const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

function mutate(src: Uint8Array, ops: Op[]): Uint8Array {
  let b = src;
  for (const o of ops) {
    const n = b.length;
    if (n === 0) break;
    const at = o.at % n;
    if (o.kind === "delete") b = concat(b.subarray(0, at), b.subarray(Math.min(n, at + o.len)));
    else if (o.kind === "duplicate") {
      const to = o.to % n;
      b = concat(b.subarray(0, to), b.subarray(at, Math.min(n, at + o.len)), b.subarray(to));
    } else {
      b = b.slice();
      b.set(o.bytes.subarray(0, n - at), at);
    }
  }
  return b;
}

/** The same mutations on the text of document.xml, at character offsets (markup is cut too). */
function mutateXml(ops: Op[]): Uint8Array {
  let s = documentXml;
  for (const o of ops) {
    const at = o.at % s.length;
    if (o.kind === "delete") s = s.slice(0, at) + s.slice(at + o.len);
    else if (o.kind === "duplicate") {
      const to = o.to % s.length;
      s = s.slice(0, to) + s.slice(at, at + o.len) + s.slice(to);
    } else s = s.slice(0, at) + String.fromCharCode(...o.bytes) + s.slice(at + o.bytes.length);
  }
  return zipSync({ ...parts, "word/document.xml": strToU8(s) });
}

async function checked(bytes: Uint8Array): Promise<number> {
  const t = process.cpuUsage();
  const r: ImportResult = await importReport(bytes);
  const { user, system } = process.cpuUsage(t);
  expect(Array.isArray(r.diagnostics)).toBe(true);
  const s = r.stats;
  expect(s.read + s.splitByRules + s.inferred + s.blank + s.ambiguous + s.missing).toBe(s.cells);
  if (r.report === null) {
    expect(r.diagnostics.some((d) => d.severity === "error" && d.message.length > 0)).toBe(true);
  }
  return (user + system) / 1000;
}

describe("fuzzing the Word readers", () => {
  it(".docx bytes mutated: never throws, each call under a second", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 6 }), async (ops) => {
        expect(await checked(mutate(docx, ops))).toBeLessThan(1000);
      }),
      { numRuns: 80, seed },
    );
  }, 180_000);

  it(".docx with its document.xml mutated and re-zipped: never throws, each call under a second", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 6 }), async (ops) => {
        expect(await checked(mutateXml(ops))).toBeLessThan(1000);
      }),
      { numRuns: 80, seed },
    );
  }, 180_000);

  it(".doc bytes mutated: never throws, each call under a second", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 6 }), async (ops) => {
        expect(await checked(mutate(doc, ops))).toBeLessThan(1000);
      }),
      { numRuns: 120, seed },
    );
  }, 180_000);

  it("random bytes behind the ZIP and compound-file magic numbers: a clear error, under a second", async () => {
    const magic = fc.constantFrom(
      new Uint8Array([0x50, 0x4b, 0x03, 0x04]),
      new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
    );
    await fc.assert(
      fc.asyncProperty(magic, fc.uint8Array({ maxLength: 20_000 }), async (head, rest) => {
        const bytes = new Uint8Array(head.length + rest.length);
        bytes.set(head);
        bytes.set(rest, head.length);
        expect(await checked(bytes)).toBeLessThan(1000);
      }),
      { numRuns: 80, seed },
    );
  }, 180_000);
});
