// zfxxgk render, called in-process with a fake Io: HTML of the seed as its golden files hold it,
// a fragment, -o, refusing an invalid report unless --force, and XML through @zfxxgk/export-xml.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parseXml } from "@zfxxgk/export-xml";
import { renderCommand, renderHelp, type RenderArgs } from "./commands/render.js";
import type { Io } from "./io.js";

const root = resolve(import.meta.dirname, "../../..");
const example = join(root, "examples/tacheng-2024/report.json");
const golden = (file: string) => readFileSync(join(root, "packages/export-html/golden", file), "utf8");

async function run(args: Partial<RenderArgs> & { input: string }, { stdin = "" } = {}) {
  const log: ["out" | "err", string][] = [];
  const io: Io = {
    stdout: (s) => void log.push(["out", s]),
    stderr: (s) => void log.push(["err", s]),
    stdin: async () => Buffer.from(stdin),
    stderrIsTTY: false,
    env: {},
  };
  const code = await renderCommand({ fragment: false, force: false, locale: "zh-CN", ...args }, io);
  const out = log
    .filter(([k]) => k === "out")
    .map(([, s]) => s)
    .join("");
  const err = log
    .filter(([k]) => k === "err")
    .map(([, s]) => s)
    .join("");
  return { code, out, err, log };
}

const tmp = () => mkdtempSync(join(tmpdir(), "zfxxgk-render-"));

/** The seed with 一、本年新收 自然人 off by one: R1 (一+二 = 三（七）+四) fails for that column. */
function invalidReport(dir: string): string {
  const r = JSON.parse(readFileSync(example, "utf8"));
  r.applications.newReceived.naturalPerson = 10;
  const path = join(dir, "invalid.json");
  writeFileSync(path, JSON.stringify(r));
  return path;
}

describe("zfxxgk render --format html", () => {
  it("writes the seed's page to stdout, byte for byte the golden file; html is the default format", async () => {
    const r = await run({ input: example });
    expect(r.code).toBe(0);
    expect(r.out).toBe(golden("tacheng-2024.html"));
    expect(r.err).toBe("");
    expect((await run({ input: example, format: "html" })).out).toBe(r.out);
  });

  it("--fragment writes the <article> only", async () => {
    const r = await run({ input: example, fragment: true });
    expect(r.code).toBe(0);
    expect(r.out).toBe(golden("tacheng-2024.fragment.html"));
  });

  it("-o writes the file, creating its folder, and says so on stderr", async () => {
    const out = join(tmp(), "deep/er/tacheng-2024.html");
    const r = await run({ input: example, output: out, locale: "en" });
    expect(r.code).toBe(0);
    expect(r.out).toBe("");
    expect(r.err).toContain(`wrote ${out}`);
    const html = readFileSync(out, "utf8");
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    // --locale en: the screen-reader note of the four blank 总计 cells
    expect(html.match(/<span class="zfxxgk-sr" lang="en">not reported<\/span>/g)).toHaveLength(4);
  });

  it("reads standard input for -", async () => {
    const r = await run({ input: "-" }, { stdin: readFileSync(example, "utf8") });
    expect(r.code).toBe(0);
    expect(r.out).toBe(golden("tacheng-2024.html"));
  });
});

describe("an invalid report", () => {
  it("is refused, exit 1: its errors are listed, nothing is written", async () => {
    const dir = tmp();
    const out = join(dir, "out.html");
    const r = await run({ input: invalidReport(dir), output: out });
    expect(r.code).toBe(1);
    expect(r.out).toBe("");
    expect(r.err).toContain("报告无效");
    expect(r.err).toContain("R1  /applications/results/total/naturalPerson");
    expect(r.err).toContain("--force");
    expect(existsSync(out)).toBe(false);
  });

  it("with --force is rendered, after its issues are printed", async () => {
    const r = await run({ input: invalidReport(tmp()), force: true, locale: "en" });
    expect(r.code).toBe(0);
    expect(r.err).toContain("the report is invalid");
    expect(r.err).toContain("rendering the invalid report anyway (--force)");
    const firstOut = r.log.findIndex(([k]) => k === "out");
    const lastErr = r.log.map(([k]) => k).lastIndexOf("err");
    expect(lastErr).toBeLessThan(firstOut);
    expect(r.out).toContain('<td class="zfxxgk-num">10</td>');
  });
});

describe("what render will not do", () => {
  it("JSON that is not a report: exit 2 even with --force", async () => {
    const path = join(tmp(), "not-a-report.json");
    writeFileSync(path, JSON.stringify({ hello: "world" }));
    const r = await run({ input: path, force: true });
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toContain("不是可识别的年度报告");
  });

  it("an unreadable file: exit 2", async () => {
    const r = await run({ input: join(tmp(), "missing.json") });
    expect(r.code).toBe(2);
    expect(r.err).toContain("文件不存在");
  });

  it("an unknown --format, or --fragment with xml: exit 2, usage", async () => {
    const bad = await run({ input: example, format: "odt", locale: "en" });
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--format must be html, xml, docx or pdf, not "odt"');
    const frag = await run({ input: example, format: "xml", fragment: true });
    expect(frag.code).toBe(2);
    expect(frag.err).toContain("--fragment");
    expect(bad.out + frag.out).toBe("");
  });
});

describe("zfxxgk render --format xml", () => {
  it("renders the seed as XML that reads back to the same report", async () => {
    const r = await run({ input: example, format: "xml", locale: "en" });
    expect(r.code).toBe(0);
    expect(parseXml(r.out)).toEqual(JSON.parse(readFileSync(example, "utf8")));
  });

  it("with --force, refuses a value XML cannot carry and names it (exit 2)", async () => {
    const dir = tmp();
    const bad = JSON.parse(readFileSync(example, "utf8"));
    bad.overview.paragraphs[0] = "控制字符\u0001";
    writeFileSync(join(dir, "bad.json"), JSON.stringify(bad));
    const r = await run({ input: join(dir, "bad.json"), format: "xml", force: true });
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toContain("/overview/paragraphs/0");
  });
});

describe("render --help", () => {
  it("gives usage, options, exit codes and examples in both languages", () => {
    expect(renderHelp["zh-CN"]).toMatch(/^用法：zfxxgk render/);
    expect(renderHelp["zh-CN"]).toMatch(/退出码：/);
    expect(renderHelp["zh-CN"]).toMatch(/示例：\n\s+zfxxgk render /);
    expect(renderHelp.en).toMatch(/^Usage: zfxxgk render/);
    expect(renderHelp.en).toMatch(/Examples:\n\s+zfxxgk render /);
    for (const option of ["--format", "--fragment", "--output", "--force", "--locale", "docx", "pdf"]) {
      expect(renderHelp["zh-CN"]).toContain(option);
      expect(renderHelp.en).toContain(option);
    }
  });
});
