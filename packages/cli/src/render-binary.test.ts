// zfxxgk render --format docx|pdf: the Word document byte for byte the golden file of
// @zfxxgk/export-docx, to a file or to a pipe but never to a terminal; a PDF through the system's
// Chromium, or a message naming the package to install; a value Word cannot carry named (--force).
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { programForTests } from "@zfxxgk/system-programs/testing";
import { describe, expect, it } from "vitest";
import { renderCommand, type RenderArgs } from "./commands/render.js";
import type { Io } from "./io.js";

const root = resolve(import.meta.dirname, "../../..");
const example = join(root, "examples/tacheng-2024/report.json");
const goldenDocx = readFileSync(join(root, "packages/export-docx/golden/tacheng-2024.docx"));
const tmp = () => mkdtempSync(join(tmpdir(), "zfxxgk-render-bin-"));

async function run(args: Partial<RenderArgs> & { input: string }, tty: { stdout?: boolean } = {}) {
  const text: string[] = [];
  const err: string[] = [];
  const bytes: Uint8Array[] = [];
  const io: Io = {
    stdout: (s) => void text.push(s),
    stderr: (s) => void err.push(s),
    stdin: async () => Buffer.alloc(0),
    stderrIsTTY: false,
    stdoutIsTTY: tty.stdout ?? false,
    stdoutBytes: (b) => void bytes.push(b),
    env: {},
  };
  const code = await renderCommand({ fragment: false, force: false, locale: "zh-CN", ...args }, io);
  return { code, out: text.join(""), err: err.join(""), bytes: Buffer.concat(bytes) };
}

describe("zfxxgk render --format docx", () => {
  it("-o writes the seed's .docx, byte for byte the golden file", async () => {
    const out = join(tmp(), "a/b/tacheng-2024.docx");
    const r = await run({ input: example, format: "docx", output: out });
    expect(r.code).toBe(0);
    expect(Buffer.compare(readFileSync(out), goldenDocx)).toBe(0);
    expect(r.err).toContain(out);
  });

  it("writes the bytes to a pipe, and refuses a terminal (exit 2, in both languages) before reading anything", async () => {
    const piped = await run({ input: example, format: "docx" });
    expect(piped.code).toBe(0);
    expect(Buffer.compare(piped.bytes, goldenDocx)).toBe(0);
    expect(piped.out).toBe("");
    const tty = await run({ input: "/no/such/file.json", format: "docx" }, { stdout: true });
    expect(tty.code).toBe(2);
    expect(tty.bytes.length).toBe(0);
    expect(tty.err).toMatch(/二进制文件，不能写到终端：请用 -o/);
    const en = await run({ input: example, format: "pdf", locale: "en" }, { stdout: true });
    expect(en.code).toBe(2);
    expect(en.err).toMatch(/binary file, which does not go to a terminal: name the file with -o/);
  });

  it("--fragment with docx is a usage error", async () => {
    const r = await run({ input: example, format: "docx", fragment: true, output: join(tmp(), "x.docx") });
    expect(r.code).toBe(2);
    expect(r.err).toContain("--fragment");
  });

  it("with --force, refuses a character Word cannot carry and names the cell by pointer and label (exit 2)", async () => {
    const dir = tmp();
    const bad = JSON.parse(readFileSync(example, "utf8"));
    bad.overview.subsections[0].paragraphs[0] = "控制字符\u0001";
    writeFileSync(join(dir, "bad.json"), JSON.stringify(bad));
    const out = join(dir, "bad.docx");
    const r = await run({ input: join(dir, "bad.json"), format: "docx", force: true, output: out });
    expect(r.code).toBe(2);
    expect(r.err).toContain("/overview/subsections/0/paragraphs/0");
    expect(r.err).toContain("一、总体情况");
    expect(r.err).toContain("U+0001");
    expect(() => readFileSync(out)).toThrow();
  });
});

describe("zfxxgk render --format pdf", () => {
  const chromium = programForTests("chromium");
  it.skipIf(!chromium)(
    "-o writes a PDF printed by Chromium",
    async () => {
      const out = join(tmp(), "tacheng-2024.pdf");
      const r = await run({ input: example, format: "pdf", output: out });
      expect(r.code).toBe(0);
      expect(readFileSync(out).subarray(0, 5).toString("latin1")).toBe("%PDF-");
    },
    60_000,
  );

  it("without Chromium: exit 2, naming the package to install", async () => {
    const saved = process.env.CHROMIUM_PATH;
    process.env.CHROMIUM_PATH = join(tmp(), "no-chromium");
    try {
      const r = await run({ input: example, format: "pdf", output: join(tmp(), "x.pdf"), locale: "en" });
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/chromium is not installed: install the Debian package chromium/);
    } finally {
      if (saved === undefined) delete process.env.CHROMIUM_PATH;
      else process.env.CHROMIUM_PATH = saved;
    }
  });
});
