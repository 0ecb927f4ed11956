// A directory large enough for the worker threads: every file's result comes back, in input
// order, with the verdict its content calls for, and the summary adds up.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { fill } from "@zfxxgk/validator";
import { main, type Io } from "./index.js";

const root = resolve(import.meta.dirname, "../../..");
type Row = { naturalPerson: number; total: number };
const seed = fill(JSON.parse(readFileSync(join(root, "examples/tacheng-2024/report.json"), "utf8"))) as {
  applications: { newReceived: Row; results: { granted: Row; total: Row } };
};

async function run(args: string[]) {
  let out = "";
  const io: Io = { stdout: (s) => void (out += s), stderr: () => {}, stdin: async () => new Uint8Array(), stderrIsTTY: false, env: {} };
  return { code: await main(args, io), out };
}

describe("zfxxgk validate <dir> on worker threads", () => {
  it("2,400 files (past the in-process threshold): results in order, each with its verdict, and the summary", async () => {
    const dir = mkdtempSync(join(tmpdir(), "zfxxgk-batch-"));
    const expected: string[] = [];
    for (let i = 0; i < 2400; i++) {
      const name = join(dir, `r${String(i).padStart(4, "0")}.json`);
      if (i % 50 === 7) {
        writeFileSync(name, '{"edition": "2021", ');
        expected.push("unreadable");
        continue;
      }
      const r = structuredClone(seed);
      // i more applications, all granted, keep every sum; every third report counts one in the
      // row but not in its total: an arithmetic error
      for (const row of [r.applications.newReceived, r.applications.results.granted, r.applications.results.total]) {
        row.naturalPerson += i;
        row.total += i;
      }
      if (i % 3 === 1) r.applications.newReceived.naturalPerson += 1;
      writeFileSync(name, JSON.stringify(r));
      expected.push(i % 3 === 1 ? "invalid" : "valid");
    }
    const { code, out } = await run(["validate", dir, "--json", "--locale", "en"]);
    const lines = out
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    const results = lines.filter((l) => l.type === "result");
    expect(results.map((r) => r.file)).toEqual(expected.map((_, i) => join(dir, `r${String(i).padStart(4, "0")}.json`)));
    expect(results.map((r) => (!r.readable ? "unreadable" : r.valid ? "valid" : "invalid"))).toEqual(expected);
    const summary = lines.at(-1);
    expect(summary).toMatchObject({
      type: "summary",
      files: 2400,
      unreadable: 48,
      invalid: expected.filter((e) => e === "invalid").length,
    });
    expect(code).toBe(2); // unreadable files make the batch unusable
    const faulty = results.find((r) => r.valid === false && r.readable);
    expect(
      faulty.issues.some(
        (i: { pointer: string; severity: string }) => i.severity === "error" && i.pointer.startsWith("/applications/newReceived"),
      ),
    ).toBe(true);
  });
});
