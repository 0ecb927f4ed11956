// Hostile-input pack: what a hostile or careless user hands the zfxxgk CLI, run through the real
// bin in a child process (src/hostile/measure.mjs). Every case asserts the exit code, the message,
// and bounds on the child's CPU time and peak RSS (process.resourceUsage of the child, never
// wall-clock time). Needs dist/ of the CLI and the packages it uses (npm run build).
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { imageOnlyPdf, oneBaselinePdf, passwordPdf } from "../../../import/src/test-support/hostile-pdf.js";
import { readTruth, reportFromTruth } from "../../../validator/src/test-support/report.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const measure = path.join(here, "measure.mjs");
const example = fs.readFileSync(path.resolve(here, "../../../../examples/tacheng-2024/report.json"), "utf8");
const report = () => JSON.parse(example);

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  cpuMs: number;
  maxRssMb: number;
}

let tmp = "";
let seq = 0;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "zfxxgk-hostile-"));
});
afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

const dir = () => {
  const d = path.join(tmp, `d${++seq}`);
  fs.mkdirSync(d);
  return d;
};
const file = (content: string | Uint8Array, name = "report.json", where = dir()) => {
  const p = path.join(where, name);
  fs.writeFileSync(p, content);
  return p;
};
const usageFile = () => path.join(tmp, `usage-${++seq}.json`);
const usage = (p: string) => JSON.parse(fs.readFileSync(p, "utf8")) as { code: number; cpuMs: number; maxRssMb: number };

/** The bin with args; stdin from bytes; stdout to a file descriptor when given (/dev/full). */
function run(args: string[], options: { input?: Uint8Array | string; stdoutFd?: number; cwd?: string } = {}): Run {
  const u = usageFile();
  const r = spawnSync(process.execPath, [measure, ...args], {
    input: options.input ?? "",
    cwd: options.cwd ?? tmp,
    env: { ...process.env, HOSTILE_USAGE: u, ZFXXGK_LOCALE: "" },
    stdio: ["pipe", options.stdoutFd ?? "pipe", "pipe"],
    maxBuffer: 256 * 1024 * 1024,
    // a guard against a hang taking the test run with it; bounds are asserted on CPU and RSS
    timeout: 120_000,
  });
  const m = usage(u);
  return {
    code: r.status,
    stdout: r.stdout?.toString("utf8") ?? "",
    stderr: r.stderr.toString("utf8"),
    cpuMs: m.cpuMs,
    maxRssMb: m.maxRssMb,
  };
}

/** The bin with an endless stdin (as `yes | zfxxgk …`). */
function runWithEndlessStdin(args: string[]): Promise<Run> {
  const u = usageFile();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [measure, ...args], { cwd: tmp, env: { ...process.env, HOSTILE_USAGE: u, ZFXXGK_LOCALE: "" } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString("utf8")));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString("utf8")));
    const line = Buffer.from("y\n".repeat(32 * 1024));
    let open = true;
    child.stdin.on("error", () => (open = false)); // EPIPE once the child stops reading
    const pump = () => {
      while (open && child.stdin.write(line));
      if (open) child.stdin.once("drain", pump);
    };
    pump();
    child.on("close", (code) => {
      open = false;
      const m = usage(u);
      resolve({ code, stdout, stderr, cpuMs: m.cpuMs, maxRssMb: m.maxRssMb });
    });
  });
}

/** The bin with stdout read for one chunk and then closed (as `zfxxgk … | head -1`). */
function runIntoClosedPipe(args: string[]): Promise<Run & { firstChunk: string }> {
  const u = usageFile();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [measure, ...args], { cwd: tmp, env: { ...process.env, HOSTILE_USAGE: u, ZFXXGK_LOCALE: "" } });
    let firstChunk = "";
    let stderr = "";
    child.stdout.once("data", (d: Buffer) => {
      firstChunk = d.toString("utf8");
      child.stdout.destroy();
    });
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString("utf8")));
    child.on("close", (code) => {
      const m = usage(u);
      resolve({ code, stdout: "", stderr, firstChunk, cpuMs: m.cpuMs, maxRssMb: m.maxRssMb });
    });
  });
}

/** What every case promises: no trace, no internal error, within bounds. */
function bounded(r: Run, cpuSeconds: number, rssMb: number) {
  // HOSTILE_FIGURES=1 prints what each case used, for the record
  if (process.env.HOSTILE_FIGURES)
    console.log(`${expect.getState().currentTestName}: exit ${r.code}, ${Math.round(r.cpuMs)} ms CPU, ${Math.round(r.maxRssMb)} MB RSS`);
  expect(r.stderr).not.toMatch(/\n\s+at .*:\d+:\d+\)?\n|internal error|内部错误|Error: /);
  expect(r.cpuMs / 1000).toBeLessThan(cpuSeconds);
  expect(r.maxRssMb).toBeLessThan(rssMb);
}

// ---------------------------------------------------------------------------------------------

describe("1. unbounded time and memory", () => {
  it("validate /dev/zero: stops at the size cap → exit 2, says so", () => {
    const r = run(["validate", "/dev/zero", "--locale", "en"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain("✖ /dev/zero — unreadable: larger than 32 MiB, which no annual report is; reading stopped there");
    bounded(r, 10, 400);
  });

  it("yes | import - : stops at the size cap → exit 2, says so", async () => {
    const r = await runWithEndlessStdin(["import", "-", "--locale", "en"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("✖ -: larger than 64 MiB, which no annual report is; reading stopped there");
    bounded(r, 15, 500);
  });

  it("validate - with an endless stdin, in Chinese by default", async () => {
    const r = await runWithEndlessStdin(["validate", "-"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain("文件超过 32 MiB，不是一份年度报告；未继续读取");
    bounded(r, 10, 400);
  });

  it("a 44 KB PDF with 300k text items on one baseline → exit 2, not a report, in bounded CPU and memory", () => {
    const pdf = file(oneBaselinePdf(300_000), "one-baseline.pdf");
    const r = run(["import", pdf, "--locale", "en"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("does not look like a 政府信息公开工作年度报告");
    bounded(r, 30, 1024);
  });

  it("3 MB of text lines without sentence punctuation → imported in bounded CPU (was quadratic)", () => {
    const lines = Array.from({ length: 60_000 }, (_, i) => `这是没有句号的一行文字第${i}行内容`).join("\n");
    const r = run(["import", file(lines, "lines.txt"), "--locale", "en"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("does not look like");
    bounded(r, 15, 600);
  });

  it("diff of two reports with 20k changed paragraphs → exit 1 with a plain summary of the section", () => {
    const a = report();
    const b = report();
    a.overview = { paragraphs: Array.from({ length: 20_000 }, (_, i) => `第${i}段 ${(i * 7919) % 10007}`) };
    b.overview = { paragraphs: Array.from({ length: 20_000 }, (_, i) => `第${i}段 ${(i * 104729) % 10009}`) };
    const r = run(["diff", file(JSON.stringify(a), "a.json"), file(JSON.stringify(b), "b.json"), "--locale", "en"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("more than 1000 lines changed; not listed line by line: 20000 lines before, 20000 after");
    bounded(r, 15, 600);
  });

  it("validate a report with an 8M-character paragraph → exit 0, no RangeError", () => {
    const r0 = report();
    r0.overview.paragraphs = ["a< b ".repeat(1_600_000)];
    const r = run(["validate", file(JSON.stringify(r0)), "--locale", "en"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/valid \(edition 2021\)/);
    bounded(r, 15, 800);
  });

  it("an 8M-character paragraph in a directory batch: the batch goes on to the next file", () => {
    const d = dir();
    const r0 = report();
    r0.overview.paragraphs = ["a< b ".repeat(1_600_000)];
    file(JSON.stringify(r0), "a-long.json", d);
    file(example, "b-plain.json", d);
    const r = run(["validate", d, "--json"]);
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout.trim().split("\n").pop()!);
    expect(summary).toMatchObject({ type: "summary", files: 2, valid: 2 });
    bounded(r, 20, 1200);
  });
});

describe("2. data lost or miscounted", () => {
  it.each([
    ["render", ["render", "IN", "-o", "IN"]],
    ["fill", ["fill", "IN", "-o", "IN"]],
    ["aggregate", ["aggregate", "IN", "--agency", "x", "-o", "IN"]],
    ["flatten csv", ["flatten", "IN", "-o", "IN"]],
    ["flatten sqlite", ["flatten", "IN", "--format", "sqlite", "-o", "IN"]],
  ])("%s -o equal to the input → exit 2, the input untouched", (_name, args) => {
    const input = file(example);
    const r = run(args.map((a) => (a === "IN" ? input : a)).concat("--locale", "en"));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`the output ${input} is one of the inputs; nothing was written`);
    expect(fs.readFileSync(input, "utf8")).toBe(example);
    bounded(r, 10, 400);
  });

  it("-o a hard link to the input (another name, the same file) → refused", () => {
    const input = file(example);
    const link = path.join(path.dirname(input), "other-name.html");
    fs.linkSync(input, link);
    const r = run(["render", input, "-o", link]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`输出文件 ${link} 就是输入文件之一`);
    expect(fs.readFileSync(input, "utf8")).toBe(example);
    bounded(r, 10, 500);
  });

  it("a write that fails (-o /dev/full) → exit 2; an output is replaced whole, with no temporary file left", () => {
    const input = file(example);
    const out = file("the previous output\n", "out.html", path.dirname(input));
    const bad = run(["render", input, "-o", "/dev/full", "--locale", "en"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("✖ cannot write /dev/full (ENOSPC)");
    const good = run(["render", input, "-o", out]);
    expect(good.code).toBe(0);
    expect(fs.readFileSync(out, "utf8")).toMatch(/^<!DOCTYPE html>/);
    // no temporary file is left behind
    expect(fs.readdirSync(path.dirname(out)).sort()).toEqual(["out.html", "report.json"]);
    bounded(good, 10, 500);
  });

  it("import of a directory with report.html, report.txt and report.pdf: three outputs, none overwritten", () => {
    const src = dir();
    const raw = path.resolve(here, "../../../../corpus/raw");
    const txt = fs.readdirSync(raw).find((f) => f.endsWith(".txt"))!;
    const html = fs.readdirSync(raw).find((f) => f.endsWith(".html"));
    file(fs.readFileSync(path.join(raw, txt)), "report.txt", src);
    if (html) file(fs.readFileSync(path.join(raw, html)), "report.html", src);
    else file(`<html><body><pre>${fs.readFileSync(path.join(raw, txt), "utf8")}</pre></body></html>`, "report.html", src);
    file(imageOnlyPdf(), "report.pdf", src);
    file(fs.readFileSync(path.join(raw, txt)), "other.txt", src);
    const out = path.join(tmp, `out${++seq}`);
    const r = run(["import", src, "-o", out, "--json-diagnostics"]);
    const results = r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    const written = results
      .filter((x) => x.output)
      .map((x) => path.relative(out, x.output))
      .sort();
    expect(written).toEqual(["other.json", "report.html.json", "report.txt.json"]);
    for (const w of written) expect(fs.existsSync(path.join(out, w))).toBe(true);
    // the scan is not imported, and the exit code says a file was not
    expect(results.find((x) => x.file?.endsWith("report.pdf"))).toMatchObject({ imported: false });
    expect(r.code).toBe(2);
    bounded(r, 30, 800);
  });

  it("aggregate of the same file twice → exit 2, names both; --allow-duplicates sums it anyway", () => {
    const input = file(example);
    const copy = file(example, "copy.json");
    const r = run(["aggregate", input, copy, "--agency", "某市", "--locale", "en"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${input} and ${copy} are the same file (same SHA-256)`);
    expect(r.stdout).toBe("");
    const twice = run(["aggregate", input, copy, "--agency", "某市", "--allow-duplicates"]);
    expect(JSON.parse(twice.stdout).applications.newReceived.naturalPerson).toBe(2 * report().applications.newReceived.naturalPerson);
    bounded(r, 10, 500);
  });

  it("aggregate re-run into its own output folder → exit 2: the earlier aggregate is not summed again", () => {
    const d = dir();
    const a = report();
    const b = report();
    b.agency.name = "另一个机关";
    file(JSON.stringify(a), "a.json", d);
    file(JSON.stringify(b), "b.json", d);
    const first = run(["aggregate", d, "--agency", "某市", "-o", path.join(d, "sum.json")]);
    expect(first.code).toBe(0);
    const again = run(["aggregate", d, "--agency", "某市", "-o", path.join(d, "sum.json"), "--locale", "en"]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain(`${path.join(d, "sum.json")} is itself an aggregate report (scope: aggregate)`);
    bounded(again, 10, 500);
  });

  it("flatten --format sqlite with one member that is not a report → exit 2, the existing database intact", () => {
    const d = dir();
    file(example, "a.json", d);
    const db = path.join(tmp, `db${++seq}.sqlite`);
    expect(run(["flatten", d, "--format", "sqlite", "-o", db]).code).toBe(0);
    file(JSON.stringify({ edition: "1999" }), "b.json", d);
    const r = run(["flatten", d, "--format", "sqlite", "-o", db, "--locale", "en"]);
    expect(r.code).toBe(2);
    const sql = new Database(db, { readonly: true });
    expect(sql.prepare("SELECT COUNT(*) AS n FROM reports").get()).toEqual({ n: 1 });
    sql.close();
    bounded(r, 10, 500);
  });

  it("a symlinked .json and a symlinked folder are validated; a link back up ends, told once", () => {
    const d = dir();
    const elsewhere = dir();
    file(example, "real.json", elsewhere);
    fs.symlinkSync(path.join(elsewhere, "real.json"), path.join(d, "linked.json"));
    fs.mkdirSync(path.join(d, "sub"));
    file(example, "inner.json", path.join(d, "sub"));
    fs.symlinkSync(elsewhere, path.join(d, "sub", "linked-dir"));
    fs.symlinkSync(d, path.join(d, "sub", "loop"));
    const r = run(["validate", d, "--json", "--locale", "en"]);
    const results = r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(results.filter((x) => x.type === "result").map((x) => path.relative(d, x.file))).toEqual([
      "linked.json",
      "sub/inner.json",
      "sub/linked-dir/real.json",
    ]);
    expect(r.stderr).toContain(`${path.join(d, "sub", "loop")}: a symbolic link back to a folder above it; skipped, to avoid a loop`);
    expect(r.code).toBe(0);
    bounded(r, 10, 500);
  });

  it("duplicate keys → exit 2, naming the key and its line", () => {
    const text = example.replace('"year": 2024,', '"year": 2024,\n  "year": 2023,');
    expect(text).not.toBe(example);
    const line = text.split("\n").findIndex((l) => l.includes('"year": 2023')) + 1;
    const r = run(["validate", file(text), "--locale", "en"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain(`the key "year" appears twice in one object (line ${line}, column 3)`);
    bounded(r, 10, 500);
  });
});

describe("3. exit codes and traces", () => {
  const unwritable = () => path.join(file("a file, not a folder"), "out.json");

  it.each([
    ["aggregate", (input: string, out: string) => ["aggregate", input, "--agency", "x", "-o", out]],
    ["flatten csv", (input: string, out: string) => ["flatten", input, "-o", out]],
    ["flatten sqlite", (input: string, out: string) => ["flatten", input, "--format", "sqlite", "-o", out]],
    ["render", (input: string, out: string) => ["render", input, "-o", out]],
  ])("%s into an unwritable -o → exit 2 with a message, not 70", (_name, args) => {
    const out = unwritable();
    const r = run([...args(file(example), out), "--locale", "en"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`cannot write ${out}`);
    bounded(r, 10, 400);
  });

  it("migrate into an unwritable -o → exit 2; migrate of a report with null sections → exit 2 naming the pointer", () => {
    const r2019 = reportFromTruth(readTruth("03-pingtan-2019"));
    const input = file(JSON.stringify(r2019), "2019.json");
    const out = unwritable();
    const r = run(["migrate", input, "--to", "2021", "-o", out, "--locale", "en"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`cannot write ${out}`);
    r2019.applications = null;
    const nulls = run(["migrate", file(JSON.stringify(r2019), "null.json"), "--to", "2021", "--locale", "en"]);
    expect(nulls.code).toBe(2);
    expect(nulls.stderr).toContain("/applications should be an object but is null");
    bounded(nulls, 10, 400);
  });

  it("a broken link in a directory is told per entry, the rest validated, one exit code at the end", () => {
    const d = dir();
    file(example, "a.json", d);
    fs.symlinkSync(path.join(d, "gone.json"), path.join(d, "b-broken.json"));
    file(example, "c.json", d);
    const r = run(["validate", d, "--locale", "en"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain("b-broken.json — unreadable: no such file");
    expect(r.stdout).toContain("3 files: 2 valid, 0 invalid, 1 unreadable");
    bounded(r, 10, 500);
  });

  it("diff of malformed text sections → exit 1 with the difference, not 70", () => {
    const a = report();
    const b = report();
    b.overview = { paragraphs: "一段话", subsections: 7 };
    const r = run(["diff", file(JSON.stringify(a), "a.json"), file(JSON.stringify(b), "b.json"), "--locale", "en"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("+一段话");
    bounded(r, 10, 500);
  });

  it("stdout closed early (| head -1) → ends quietly with the status so far", async () => {
    const d = dir();
    for (let i = 0; i < 300; i++) file(example, `r${String(i).padStart(3, "0")}.json`, d);
    const r = await runIntoClosedPipe(["validate", d, "--verbose"]);
    expect(r.firstChunk).toContain("✔");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    bounded(r, 10, 500);
  });

  it("diff into a closed pipe ends quietly with its status: 1, the reports differ", async () => {
    const b = report();
    b.overview = { paragraphs: Array.from({ length: 200_000 }, (_, i) => `第${i}行`) };
    const r = await runIntoClosedPipe(["diff", file(example, "a.json"), file(JSON.stringify(b), "b.json"), "--locale", "en"]);
    expect(r.firstChunk).toContain("text changed");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(1);
    bounded(r, 10, 600);
  });

  it("stdout that cannot be written (> /dev/full) → exit 2 with a message, in the chosen locale", () => {
    const fd = fs.openSync("/dev/full", "w");
    const r = run(["render", file(example), "--locale", "en"], { stdoutFd: fd });
    fs.closeSync(fd);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("✖ cannot write to standard output (ENOSPC)\n");
    bounded(r, 10, 500);
  });

  it("argument errors under --locale en are in English", () => {
    const r = run(["validate", "--bogus", "--locale", "en"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^bad arguments: /);
    expect(r.stderr).toContain("run zfxxgk validate --help for usage");
    const unknown = run(["frobnicate", "--locale=en"]);
    expect(unknown.stderr).toMatch(/^unknown command "frobnicate"/);
    bounded(r, 10, 500);
  });
});

describe("4. output that attacks its reader", () => {
  it("CSV: an agency name =HYPERLINK(…) is written as text ('=HYPERLINK…)", () => {
    const r0 = report();
    r0.agency.name = '=HYPERLINK("http://evil.test","点击")';
    const r = run(["flatten", file(JSON.stringify(r0))]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`"'=HYPERLINK(""http://evil.test"",""点击"")"`);
    expect(r.stdout).not.toMatch(/(^|,)=HYPERLINK/m);
    bounded(r, 10, 500);
  });

  it("diff prints terminal escapes from report fields as visible code points, never raw", () => {
    const a = report();
    const b = report();
    b.title = "\u001b]0;owned\u0007\u001b[2J标题";
    b.overview.paragraphs = ["\u001b[31m红字\u001b[0m"];
    const r = run(["diff", file(JSON.stringify(a), "a.json"), file(JSON.stringify(b), "b.json"), "--locale", "en"]);
    expect(r.code).toBe(1);
    expect(r.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(r.stdout).toContain("\\u001b]0;owned\\u0007\\u001b[2J标题");
    expect(r.stdout).toContain("\\u001b[31m红字\\u001b[0m");
    bounded(r, 10, 500);
  });

  it("validate messages quoting a key with terminal escapes show them, never obey them", () => {
    const r0 = report();
    r0["\u001b[2Jx"] = 1;
    const r = run(["validate", file(JSON.stringify(r0)), "--locale", "en"]);
    expect(r.code).toBe(1);
    expect(r.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(r.stdout).toContain("\\u001b[2Jx");
    bounded(r, 10, 500);
  });

  it("an encrypted PDF says encrypted", () => {
    const r = run(["import", file(passwordPdf(), "locked.pdf"), "--locale", "en"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("the PDF is encrypted (password-protected) and cannot be read");
    bounded(r, 10, 600);
  });

  it("an image-only PDF says scanned: no text layer", () => {
    const r = run(["import", file(imageOnlyPdf(), "scan.pdf"), "--locale", "en"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("scanned: no text layer");
    bounded(r, 10, 600);
  });

  it('"a<b" in a paragraph is not called HTML markup', () => {
    const r0 = report();
    r0.overview.paragraphs = ["满意率a<b"];
    const r = run(["validate", file(JSON.stringify(r0)), "--locale", "en"]);
    expect(r.code).toBe(1);
    expect(r.stdout).not.toContain("HTML markup");
    expect(r.stdout).toContain('a "<" directly followed by a letter, /, ! or ? starts a tag to an HTML reader');
    bounded(r, 10, 500);
  });
});
