// zfxxgk import, in-process with a fake Io, on the real reports of corpus/.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { validate } from "@zfxxgk/validator";
import { importCommand, importHelp, type ImportArgs } from "./commands/import.js";
import type { Io } from "./io.js";

const root = resolve(import.meta.dirname, "../../..");
const corpus = join(root, "corpus");
const seed = join(corpus, "raw/00-tacheng-2024.txt");
const huaianPdf = join(corpus, "pdf/01-huaian-city-2024.pdf");
const pingtan2019 = join(corpus, "raw/03-pingtan-2019.page.html");
const pingtan2020 = join(corpus, "raw/04-pingtan-2020.page.html");
const example = join(root, "examples/tacheng-2024/report.json");

async function run(args: Partial<ImportArgs> & { input: string }, { stdin = new Uint8Array(), tty = false } = {}) {
  let out = "";
  let err = "";
  const io: Io = {
    stdout: (s) => void (out += s),
    stderr: (s) => void (err += s),
    stdin: async () => stdin,
    stderrIsTTY: tty,
    env: {},
  };
  const code = await importCommand({ format: "auto", jsonDiagnostics: false, locale: "zh-CN", ...args }, io);
  return { code, out, err };
}

const seedRows = Object.values(
  JSON.parse(readFileSync(join(corpus, "truth/00-tacheng-2024.json"), "utf8")).table3Rows as Record<string, (number | null)[]>,
);
/** The seed's blank cells, from its truth file: the 总计 cells it prints as nothing. */
const seedBlanks = seedRows.flat().filter((v) => v === null).length;
/** The figures of those rows: printed one short, their columns placed by the rules. */
const seedPlaced = seedRows
  .filter((row) => row.includes(null))
  .flat()
  .filter((v) => v !== null).length;

describe("zfxxgk import <file>", () => {
  it("the seed: the report on stdout (the hand-made example, less what the text does not print), a summary on stderr, exit 0", async () => {
    const r = await run({ input: seed });
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    const want = JSON.parse(readFileSync(example, "utf8"));
    delete want.agency.regionCode;
    delete want.scope;
    expect(report).toEqual(want);
    // the status comes first
    expect(r.err.split("\n")[0]).toBe(`✔ ${seed} — 完整导入；通过校验`);
    expect(r.err).toContain(`原文空白 ${seedBlanks}`);
    expect(r.err).toContain(
      `2021 版格式，200 格：按原文读取 ${200 - seedBlanks - seedPlaced}，按规则定栏 ${seedPlaced}，原文空白 ${seedBlanks}，` +
        "按规则拆分 0，无法确定 0，未找到 0",
    );
  });

  it("-o writes the file; the 淮安 PDF imports valid", async () => {
    const dir = mkdtempSync(join(tmpdir(), "zfxxgk-import-"));
    const out = join(dir, "sub/huaian.json");
    const r = await run({ input: huaianPdf, output: out });
    expect(r.code).toBe(0);
    expect(r.out).toBe("");
    const report = JSON.parse(readFileSync(out, "utf8"));
    expect(validate(report).valid).toBe(true);
    expect(report.title).toContain("淮安市人民政府");
    expect(r.err).toContain(`已写入 ${out}`);
  });

  it("reads standard input with -", async () => {
    const r = await run({ input: "-" }, { stdin: readFileSync(seed) });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).year).toBe(2024);
  });

  it("a 2019-edition report whose figures add up (平潭 2019): a 2019 report, valid, exit 0", async () => {
    const dir = mkdtempSync(join(tmpdir(), "zfxxgk-import-"));
    const out = join(dir, "2019.json");
    const r = await run({ input: pingtan2019, output: out });
    const truth = JSON.parse(readFileSync(join(corpus, "truth/03-pingtan-2019.json"), "utf8"));
    expect(truth.issues).toMatch(/all pass/);
    expect(r.code).toBe(0);
    const report = JSON.parse(readFileSync(out, "utf8"));
    expect(report.edition).toBe("2019");
    expect(report.year).toBe(truth.year);
    expect(validate(report).valid).toBe(true);
    expect(r.err).toContain(`✔ ${pingtan2019} — 完整导入；通过校验`);
    // table 二, 三 and 四 of the 2019 format: 22 + 23 × 7 + 15 cells
    expect(r.err).toContain("2019 版格式，198 格");
  });

  it("a 2019-edition report whose table 三 does not add up (平潭 2020): imported, not valid, exit 1", async () => {
    const r = await run({ input: pingtan2020, jsonDiagnostics: true });
    expect(r.code).toBe(1);
    const line = JSON.parse(r.out.trim());
    expect(line).toMatchObject({ type: "result", status: "complete", edition: "2019", imported: true, valid: false, exitCode: 1 });
    expect(line.report.edition).toBe("2019");
    // the fault its truth file notes: R3 (（七）总计) in the 自然人 and 总计 columns
    expect(JSON.parse(readFileSync(join(corpus, "truth/04-pingtan-2020.json"), "utf8")).issues).toMatch(/column 自然人: .* column 总计: /);
    const errors = validate(line.report).issues.filter((i) => i.severity === "error");
    expect(errors.map((i) => [i.code, i.pointer])).toEqual([
      ["R3", "/applications/results/total/naturalPerson"],
      ["R3", "/applications/results/total/total"],
    ]);
    const human = await run({ input: pingtan2020, output: join(mkdtempSync(join(tmpdir(), "zfxxgk-import-")), "2020.json") });
    expect(human.code).toBe(1);
    expect(human.err).toContain(`⚠ ${pingtan2020} — 完整导入；未通过校验（2 个错误）`);
  });

  it("nothing to import: nothing written, a reason, exit 2", async () => {
    const r = await run({ input: "-" }, { stdin: new TextEncoder().encode("hello, world\n") });
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toContain("✖ - — 导入失败；");
    expect(r.err).toContain("不像一份政府信息公开工作年度报告");
  });

  it("a missing file and a bad --format are usage errors (exit 2)", async () => {
    expect((await run({ input: join(tmpdir(), "no-such-file.pdf") })).code).toBe(2);
    const bad = await run({ input: seed, format: "rtf" as never });
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("--format");
  });

  it("--json-diagnostics: one JSON line with counts, every diagnostic and the report", async () => {
    const r = await run({ input: seed, jsonDiagnostics: true, locale: "en" });
    expect(r.code).toBe(0);
    const lines = r.out.trim().split("\n");
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0]!);
    expect(line).toMatchObject({
      type: "result",
      file: seed,
      status: "complete",
      format: "text",
      edition: "2021",
      imported: true,
      valid: true,
      exitCode: 0,
    });
    expect(line.completeness).toMatchObject({
      cells: 200,
      placedByRules: seedPlaced,
      blankAsPrinted: seedBlanks,
      ambiguous: 0,
      notFound: 0,
      tablesNotFound: [],
    });
    expect(line.stats.blank).toBe(seedBlanks);
    expect(line.diagnostics.filter((d: { reason: string }) => d.reason === "blank")).toHaveLength(seedBlanks);
    expect(line.diagnostics.find((d: { reason: string }) => d.reason === "blank").message).toMatch(/blank in the source/);
    expect(line.report.year).toBe(2024);
    expect(r.err).toBe("");
  });
});

describe('an import that is not complete is never "valid"', () => {
  const text = readFileSync(seed, "utf8");

  it("a table missing: ✖ failed naming the table, exit 2, the report still written", async () => {
    const dir = mkdtempSync(join(tmpdir(), "zfxxgk-import-"));
    const cut = join(dir, "cut.txt");
    writeFileSync(cut, text.replace(/四、政府信息公开行政复议、行政诉讼情况[\s\S]*?(?=五、存在的主要问题)/, ""));
    const r = await run({ input: cut, output: join(dir, "cut.json") });
    expect(r.code).toBe(2);
    expect(r.err.split("\n")[0]).toBe(`✖ ${cut} — 导入失败；未找到表四（复议诉讼）`);
    expect(r.err).not.toContain("✔");
    expect(existsSync(join(dir, "cut.json"))).toBe(true);
    const en = await run({ input: cut, locale: "en", jsonDiagnostics: true });
    expect(JSON.parse(en.out)).toMatchObject({
      status: "failed",
      exitCode: 2,
      completeness: { notFound: 15, tablesNotFound: ["reviewAndLitigation"] },
    });
  });

  it("cells not read: ⚠ partial with their count, exit 1", async () => {
    // 平潭 2021 crawled text: 行政规范性文件's figures run together and no rule splits them
    const file = join(corpus, "raw/05-pingtan-2021.txt");
    const r = await run({ input: file, output: join(mkdtempSync(join(tmpdir(), "zfxxgk-import-")), "p.json"), locale: "en" });
    expect(r.code).toBe(1);
    expect(r.err.split("\n")[0]).toBe(`⚠ ${file} — partial: 3 cells not read; what was read is valid`);
  });
});

describe("zfxxgk import <dir>", () => {
  it("ends with a table: files by status, cells by outcome, the files that need a person worst first", async () => {
    const dir = mkdtempSync(join(tmpdir(), "zfxxgk-import-dir-"));
    copyFileSync(seed, join(dir, "a-complete.txt"));
    copyFileSync(join(corpus, "raw/05-pingtan-2021.txt"), join(dir, "b-partial.txt"));
    writeFileSync(
      join(dir, "c-failed.txt"),
      readFileSync(seed, "utf8").replace(/四、政府信息公开行政复议、行政诉讼情况[\s\S]*?(?=五、存在的主要问题)/, ""),
    );
    const r = await run({ input: dir, output: mkdtempSync(join(tmpdir(), "zfxxgk-import-out-")) });
    expect(r.code).toBe(2);
    const table = r.err.slice(r.err.indexOf("导入汇总"));
    expect(table).toContain("文件    共 3：完整 1，部分 1，失败 1；完整且通过校验 1");
    expect(table).toContain("单元格  共 600：");
    // the seed's rows printed one short, in the complete file and the failed one (its table 三 kept)
    expect(table).toContain(`按规则定栏 ${2 * seedPlaced}，`);
    expect(table).toContain("无法确定 3，未找到 15");
    const needs = table.split("\n").filter((l) => /^\s+[✖⚠]/.test(l));
    expect(needs.map((l) => l.trim().split(" ")[1])).toEqual([join(dir, "c-failed.txt"), join(dir, "b-partial.txt")]);
  });

  function batch(extra: Record<string, string> = {}) {
    const dir = mkdtempSync(join(tmpdir(), "zfxxgk-import-dir-"));
    mkdirSync(join(dir, "a"));
    copyFileSync(seed, join(dir, "tacheng.txt"));
    copyFileSync(join(corpus, "raw/01-huaian-city-2024.txt"), join(dir, "a/huaian.txt"));
    writeFileSync(join(dir, "already.json"), "{}"); // not an input
    for (const [name, text] of Object.entries(extra)) writeFileSync(join(dir, name), text);
    return dir;
  }

  it("imports every report into the -o directory, keeping the tree; progress on a terminal only", async () => {
    const dir = batch();
    const out = mkdtempSync(join(tmpdir(), "zfxxgk-import-out-"));
    const tty = await run({ input: dir, output: out }, { tty: true });
    expect(tty.code).toBe(0);
    expect(existsSync(join(out, "tacheng.json"))).toBe(true);
    expect(existsSync(join(out, "a/huaian.json"))).toBe(true);
    expect(existsSync(join(out, "already.json"))).toBe(false);
    expect(tty.err).toContain("2/2");
    expect(tty.err).toContain("文件    共 2：完整 2，部分 0，失败 0；完整且通过校验 2");
    expect(tty.err).toContain("没有需要人工查看的文件");
    const pipe = await run({ input: dir, output: mkdtempSync(join(tmpdir(), "zfxxgk-import-out-")) });
    expect(pipe.err).not.toContain("2/2");
  });

  it("a file that is no report makes the batch exit 2, and the others are still written", async () => {
    const dir = batch({ "notes.txt": "shopping list: eggs\n" });
    const out = mkdtempSync(join(tmpdir(), "zfxxgk-import-out-"));
    const r = await run({ input: dir, output: out, jsonDiagnostics: true });
    expect(r.code).toBe(2);
    const lines = r.out
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.type)).toEqual(["result", "result", "result", "summary"]);
    expect(lines[3]).toMatchObject({
      type: "summary",
      files: 3,
      status: { complete: 2, partial: 0, failed: 1 },
      completeAndValid: 2,
      valid: 2,
      invalid: 0,
    });
    expect(lines[3].needsPerson).toEqual([
      {
        file: join(dir, "notes.txt"),
        status: "failed",
        notRead: 200,
        tablesNotFound: ["proactiveDisclosure", "applications", "reviewAndLitigation"],
        errors: 0,
      },
    ]);
    expect(existsSync(join(out, "tacheng.json"))).toBe(true);
    expect(existsSync(join(out, "notes.json"))).toBe(false);
  });

  it("a file that hangs is stopped at --timeout and fails, named, in zh-CN and en; the others are imported", async () => {
    // the worker's test hook: a file whose name holds this never finishes importing
    process.env.ZFXXGK_TEST_IMPORT_HANG = "stuck-";
    try {
      const dir = batch({ "stuck-one.txt": readFileSync(seed, "utf8") });
      for (const locale of ["zh-CN", "en"] as const) {
        const out = mkdtempSync(join(tmpdir(), "zfxxgk-import-out-"));
        const started = performance.now();
        const r = await run({ input: dir, output: out, locale, timeout: 1, workers: 1 });
        expect(performance.now() - started).toBeLessThan(30_000); // stopped, not waited for
        expect(r.code).toBe(2);
        const stuck = join(dir, "stuck-one.txt");
        expect(r.err).toContain(
          locale === "zh-CN"
            ? `✖ ${stuck}: 导入 ${stuck} 超过 1 秒仍未完成，已停止（时限可用 --timeout 调整）`
            : `✖ ${stuck}: importing ${stuck} took longer than 1 s and was stopped (--timeout sets the limit)`,
        );
        // the files after it in the same worker were handed on and imported
        expect(existsSync(join(out, "tacheng.json"))).toBe(true);
        expect(existsSync(join(out, "a/huaian.json"))).toBe(true);
        expect(existsSync(join(out, "stuck-one.json"))).toBe(false);
        expect(r.err).toContain(locale === "zh-CN" ? "完整 2，部分 0，失败 1" : "2 complete, 0 partial, 1 failed");
      }
    } finally {
      delete process.env.ZFXXGK_TEST_IMPORT_HANG;
    }
  });

  it("needs -o (exit 2)", async () => {
    const r = await run({ input: batch() });
    expect(r.code).toBe(2);
    expect(r.err).toContain("-o");
  });
});

describe("import --help", () => {
  it("has usage, options, exit codes and an example in both languages", () => {
    for (const l of ["zh-CN", "en"] as const) {
      expect(importHelp[l]).toContain("zfxxgk import <");
      expect(importHelp[l]).toContain("--json-diagnostics");
      expect(importHelp[l]).toMatch(/--timeout <(秒|seconds)>\s+\S.*60/);
      expect(importHelp[l]).toMatch(/--format auto\|pdf\|docx\|doc\|text\|html/);
      expect(importHelp[l]).toMatch(/(示例|Examples)：?:?\n\s+zfxxgk import /);
    }
  });
});
