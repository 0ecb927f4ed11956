// zfxxgk import on Word files (made by LibreOffice: packages/import/src/read/word/fixtures), in-process
// with a fake Io: the bytes reach the importer unchanged, from a file, standard input or a directory.
import { copyFileSync, mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { importCommand, type ImportArgs } from "./commands/import.js";
import type { Io } from "./io.js";

const root = resolve(import.meta.dirname, "../../..");
const fixtures = join(root, "packages/import/src/read/word/fixtures");
const example = JSON.parse(readFileSync(join(root, "examples/tacheng-2024/report.json"), "utf8"));

async function run(args: Partial<ImportArgs> & { input: string }, stdin = new Uint8Array()) {
  let out = "";
  let err = "";
  const io: Io = { stdout: (s) => void (out += s), stderr: (s) => void (err += s), stdin: async () => stdin, stderrIsTTY: false, env: {} };
  const code = await importCommand({ format: "auto", jsonDiagnostics: false, locale: "zh-CN", ...args }, io);
  return { code, out, err };
}

describe("zfxxgk import of Word files", () => {
  it.each(["tacheng.docx", "tacheng.doc"])("%s: the report on stdout with the example's figures, exit 0", async (name) => {
    const r = await run({ input: join(fixtures, name) });
    expect(r.code, r.err).toBe(0);
    const report = JSON.parse(r.out);
    expect(report.reviewAndLitigation).toMatchObject(example.reviewAndLitigation);
    expect(report.applications.results).toMatchObject(example.applications.results);
    expect(r.err).toContain("— 完整导入；通过校验");
  });

  it("a .docx on standard input, --json-diagnostics: format docx", async () => {
    const r = await run({ input: "-", jsonDiagnostics: true }, new Uint8Array(readFileSync(join(fixtures, "tacheng.docx"))));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out.trim().split("\n")[0]!)).toMatchObject({ format: "docx", imported: true });
  });

  it("--format docx is accepted; a damaged .docx is refused with exit 2 and a message naming the damage", async () => {
    const whole = readFileSync(join(fixtures, "tacheng.docx"));
    const r = await run({ input: "-", format: "docx", locale: "en" }, new Uint8Array(whole.subarray(0, 100)));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/damaged/);
  });

  it("a directory: .docx and .doc files are found and imported", async () => {
    const dir = mkdtempSync(join(tmpdir(), "zfxxgk-cli-word-"));
    copyFileSync(join(fixtures, "tacheng.docx"), join(dir, "a.docx"));
    copyFileSync(join(fixtures, "tacheng.doc"), join(dir, "b.doc"));
    const out = join(dir, "out");
    const r = await run({ input: dir, output: out });
    expect(r.code, r.err).toBe(0);
    expect(readdirSync(out).sort()).toEqual(["a.json", "b.json"]);
  });
});
