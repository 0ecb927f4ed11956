// The zfxxgk commands in-process (main with a fake Io) and once through the real bin.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { editionModel, editions } from "@zfxxgk/edition";
import { describe, expect, it } from "vitest";
import { main, type Io } from "./index.js";

const root = resolve(import.meta.dirname, "../../..");
const example = join(root, "examples/tacheng-2024/report.json");
const bin = resolve(import.meta.dirname, "../bin/zfxxgk.js");

async function run(args: string[], { stdin = "", tty = false, env = {} } = {}) {
  let out = "";
  let err = "";
  const io: Io = {
    stdout: (s) => void (out += s),
    stderr: (s) => void (err += s),
    stdin: async () => Buffer.from(stdin),
    stderrIsTTY: tty,
    env,
  };
  const code = await main(args, io);
  return { code, out, err };
}

describe("zfxxgk validate", () => {
  it("the example: valid, exit 0, the blank cells named by pointer and label", async () => {
    const r = await run(["validate", example]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("有效（格式 2021）");
    expect(r.out).toContain("/applications/newReceived/total");
    expect(r.out).toContain("表三 › 一、本年新收政府信息公开申请数量 › 总计");
    expect(r.out).toMatch(/另有 6 条提示未显示/);
  });

  it("--locale en and ZFXXGK_LOCALE=en speak English", async () => {
    const flag = await run(["validate", example, "--locale", "en"]);
    const env = await run(["validate", example], { env: { ZFXXGK_LOCALE: "en" } });
    expect(flag.out).toContain("valid (edition 2021): 0 errors, 4 warnings, 6 notes");
    expect(env.out).toBe(flag.out);
  });

  it("--json: one result line per file, then a summary line", async () => {
    const r = await run(["validate", example, example, "--json"]);
    const lines = r.out
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.type)).toEqual(["result", "result", "summary"]);
    expect(lines[0]).toMatchObject({
      file: example,
      readable: true,
      valid: true,
      edition: "2021",
      counts: { error: 0, warning: 4, info: 6 },
    });
    expect(lines[2]).toEqual({
      type: "summary",
      files: 2,
      valid: 2,
      invalid: 0,
      unreadable: 0,
      byRule: { "BLANK-CELL": { error: 0, warning: 8 } },
    });
  });

  it("--previous runs the cross-year rules", async () => {
    const dir = mkdtempSync(join(tmpdir(), "zfxxgk-"));
    const last = JSON.parse(readFileSync(example, "utf8"));
    last.year = 2023;
    last.proactiveDisclosure.article20Item1.normativeDocuments.currentlyValid = 1; // 1 + 1 issued < 3 repealed
    writeFileSync(join(dir, "last.json"), JSON.stringify(last));
    const r = await run(["validate", example, "--previous", join(dir, "last.json"), "--json"]);
    expect(r.code).toBe(1);
    const result = JSON.parse(r.out.split("\n")[0]!);
    expect(result.issues.find((i: any) => i.code === "R8")).toMatchObject({
      pointer: "/proactiveDisclosure/article20Item1/normativeDocuments/repealedThisYear",
      actual: 3,
      expected: 2,
    });
  });

  it("draws progress on a terminal only", async () => {
    const tty = await run(["validate", example, example], { tty: true });
    const pipe = await run(["validate", example, example]);
    expect(tty.err).toContain("2/2");
    expect(pipe.err).toBe("");
  });
});

describe("zfxxgk fill", () => {
  it("writes the filled report to stdout without -o, and reports what it computed on stderr", async () => {
    const r = await run(["fill", example]);
    expect(r.code).toBe(0);
    const filled = JSON.parse(r.out);
    expect(filled.applications.newReceived.total).toBe(9);
    expect(r.err).toContain("已计算 4 个合计单元格");
    expect(r.err).toContain("填充后的报告：有效（0 个错误，0 个警告，0 条提示）");
  });
});

describe("help", () => {
  it.each(["validate", "fill"])("%s --help shows usage and an example, exit 0", async (cmd) => {
    const zh = await run([cmd, "--help"]);
    const en = await run([cmd, "--help", "--locale", "en"]);
    expect(zh.code).toBe(0);
    expect(zh.out).toContain(`用法：zfxxgk ${cmd}`);
    expect(zh.out).toMatch(/示例：\n\s+zfxxgk /);
    expect(en.out).toMatch(/Examples?:\n\s+zfxxgk /);
  });
});

describe("the bin", () => {
  it("runs the real command with exit codes from a shell", () => {
    const ok = spawnSync(process.execPath, [bin, "validate", example, "--json"], { encoding: "utf8" });
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout.split("\n")[0]!).valid).toBe(true);
    const bad = spawnSync(process.execPath, [bin, "validate", "-"], { encoding: "utf8", input: "{" });
    expect(bad.status).toBe(2);
    expect(bad.stdout).toContain("JSON 不完整");
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  });
});

describe("zfxxgk aggregate", () => {
  const base = join(root, "packages/schema/rules/fixtures/2021/base.json");
  const sha = (p: string) => createHash("sha256").update(readFileSync(p)).digest("hex");

  it("sums two 2024 reports and records each member with its checksum", async () => {
    const dir = mkdtempSync(join(tmpdir(), "zfxxgk-"));
    const filled = join(dir, "tacheng.json");
    await run(["fill", example, "-o", filled]);
    const out = join(dir, "region.json");
    const r = await run(["aggregate", filled, base, "--agency", "测试汇总", "--level", "municipal", "-o", out]);
    expect(r.code).toBe(0);
    const report = JSON.parse(readFileSync(out, "utf8"));
    expect(report.members).toEqual([
      { agency: "塔城市人民政府", file: filled, sha256: sha(filled) },
      { agency: "淮安市人民政府", file: base, sha256: sha(base) },
    ]);
    expect(report.applications.newReceived.total).toBe(9 + 3119);
    expect(r.err).toContain("已汇总 2 份报告");
  });

  it("refuses reports of different years (exit 2) and needs --agency", async () => {
    const dir = mkdtempSync(join(tmpdir(), "zfxxgk-"));
    const other = join(dir, "2023.json");
    writeFileSync(other, JSON.stringify({ ...JSON.parse(readFileSync(base, "utf8")), year: 2023 }));
    const mixed = await run(["aggregate", base, other, "--agency", "x"]);
    expect(mixed.code).toBe(2);
    expect(mixed.err).toContain("报告年度不一致");
    const noAgency = await run(["aggregate", base]);
    expect(noAgency.code).toBe(2);
    expect(noAgency.err).toContain("--agency");
  });

  // the lists are the edition models' (the schema's enums), never the CLI's own
  const modelKinds = [...new Set(editions.flatMap((e) => editionModel(e).agency.kinds))];
  const modelLevels = [...new Set(editions.flatMap((e) => editionModel(e).agency.levels))];

  it("accepts every agency kind and level the edition model lists, and writes them into the report", async () => {
    const dir = mkdtempSync(join(tmpdir(), "zfxxgk-"));
    const pairs = [...modelKinds.map((k) => [k, "county"]), ...modelLevels.map((l) => ["government", l])];
    for (const [kind, level] of pairs) {
      const out = join(dir, `${kind}-${level}.json`);
      const r = await run(["aggregate", base, "--agency", "测试汇总", "--kind", kind!, "--level", level!, "-o", out]);
      expect([kind, level, r.code]).toEqual([kind, level, 0]);
      expect(JSON.parse(readFileSync(out, "utf8")).agency).toMatchObject({ kind, level });
    }
  });

  it("refuses a kind or level the model does not list (exit 2), naming the model's choices in either language", async () => {
    const kind = await run(["aggregate", base, "--agency", "x", "--kind", "ministry"]);
    expect(kind.code).toBe(2);
    expect(kind.err).toContain(`--kind 只能是以下之一：${modelKinds.join(", ")}`);
    const level = await run(["aggregate", base, "--agency", "x", "--level", "village", "--locale", "en"]);
    expect(level.code).toBe(2);
    expect(level.err).toContain(`--level must be one of: ${modelLevels.join(", ")}`);
    expect(level.err).toContain("zfxxgk aggregate --help");
  });

  it("--help lists the model's kinds and levels", async () => {
    const h = await run(["aggregate", "--help", "--locale", "en"]);
    expect(h.out).toContain(`--kind <kind>         ${modelKinds.join(" | ")} (default government)`);
    expect(h.out).toContain(`--level <level>       ${modelLevels.join(" | ")} (default county)`);
  });
});

describe("start-up", () => {
  // a resolve hook in the child reports every module it loads, so the test sees what --version pays for
  const hook = [
    'import { register } from "node:module";',
    "const { port1, port2 } = new MessageChannel();",
    "port1.on('message', (u) => process.stderr.write('loaded ' + u + '\\n')); port1.unref();",
    "register(`data:text/javascript,${encodeURIComponent(",
    "  'let port; export function initialize(d) { port = d.port; }' +",
    "  'export async function resolve(s, c, next) { const r = await next(s, c); port.postMessage(r.url); return r; }',",
    ")}`, { data: { port: port2 }, transferList: [port2] });",
  ].join("\n");

  it("--version loads no edition model; aggregate's usage check does", () => {
    const loaded = (args: string[]) => {
      const r = spawnSync(process.execPath, ["--import", `data:text/javascript,${encodeURIComponent(hook)}`, bin, ...args], {
        encoding: "utf8",
      });
      return { status: r.status, urls: [...r.stderr.matchAll(/^loaded (.*)$/gm)].map((m) => m[1]!) };
    };
    const version = loaded(["--version"]);
    expect(version.status).toBe(0);
    expect(version.urls.some((u) => u.endsWith("/cli/dist/index.js"))).toBe(true);
    expect(version.urls.filter((u) => /\/edition\//.test(u))).toEqual([]);
    const refused = loaded(["aggregate", "x.json", "--agency", "x", "--kind", "ministry"]);
    expect(refused.status).toBe(2);
    expect(refused.urls.some((u) => /\/edition\/(dist|generated)\//.test(u))).toBe(true);
  });
});

describe("zfxxgk diff", () => {
  it("exit 0 and says so when nothing differs; exit 1 with the changed cell otherwise", async () => {
    const same = await run(["diff", example, example]);
    expect(same.code).toBe(0);
    expect(same.out).toBe("两份报告没有差异\n");
    const dir = mkdtempSync(join(tmpdir(), "zfxxgk-"));
    const next = JSON.parse(readFileSync(example, "utf8"));
    next.applications.newReceived.naturalPerson = 12;
    writeFileSync(join(dir, "next.json"), JSON.stringify(next));
    const changed = await run(["diff", example, join(dir, "next.json")]);
    expect(changed.code).toBe(1);
    expect(changed.out).toContain(
      "表三 三、收到和处理政府信息公开申请情况（1 处变化）\n  一、本年新收政府信息公开申请数量 › 自然人：9 → 12（+3）\n",
    );
    const json = await run(["diff", example, join(dir, "next.json"), "--json", "--locale", "en"]);
    expect(JSON.parse(json.out).tables[0].changes[0]).toMatchObject({ before: 9, after: 12, change: 3 });
  });

  it("needs exactly two reports (exit 2)", async () => {
    expect((await run(["diff", example])).code).toBe(2);
  });
});

describe("zfxxgk flatten", () => {
  it("CSV to stdout with a BOM and two header rows; SQLite needs -o", async () => {
    const csv = await run(["flatten", example]);
    expect(csv.code).toBe(0);
    expect(csv.out.charCodeAt(0)).toBe(0xfeff);
    expect(csv.out.split("\r\n")).toHaveLength(4); // 2 header rows, 1 report, final newline
    expect((await run(["flatten", example, "--format", "sqlite"])).code).toBe(2);
    const dir = mkdtempSync(join(tmpdir(), "zfxxgk-"));
    const db = await run(["flatten", example, "--format", "sqlite", "-o", join(dir, "r.sqlite")]);
    expect(db.code).toBe(0);
    expect(db.err).toContain("1 份报告，200 个单元格");
  });
});

describe("zfxxgk validate on a directory (worker threads)", () => {
  // 30 reports: the example, every third one with a broken sum, and one that is not JSON; five
  // more in a folder between them, whose files come in their place in the sorted walk
  const dir = mkdtempSync(join(tmpdir(), "zfxxgk-batch-"));
  const report = JSON.parse(readFileSync(example, "utf8"));
  const names: string[] = [];
  mkdirSync(join(dir, "r15-more"));
  for (let i = 0; i < 35; i++) {
    const name = i < 30 ? `r${String(i).padStart(2, "0")}.json` : `r15-more/m${i}.json`;
    const r = structuredClone(report);
    if (i % 3 === 1) r.applications.results.granted.naturalPerson += 1;
    writeFileSync(join(dir, name), i === 29 ? "{ not json" : JSON.stringify(r));
    names.push(name);
  }
  // by code point, as the walk sorts: "r15-more" before "r15.json"
  const sorted = [...names.slice(0, 15), ...names.slice(30), ...names.slice(15, 30)];

  async function batch(workers: number, json: boolean, locale: "zh-CN" | "en") {
    const { validateCommand } = await import("./commands/validate.js");
    let out = "";
    const io: Io = { stdout: (s) => void (out += s), stderr: () => {}, stdin: async () => new Uint8Array(), stderrIsTTY: false, env: {} };
    const code = await validateCommand({ inputs: [dir], json, verbose: false, locale, workers }, io);
    return { code, out };
  }

  it("validates every file, in sorted order, with the same output in this thread and on 1 and 2 workers", async () => {
    for (const [json, locale] of [
      [true, "zh-CN"],
      [false, "en"],
    ] as const) {
      const runs = [await batch(0, json, locale), await batch(1, json, locale), await batch(2, json, locale)];
      for (const r of runs) expect(r.code).toBe(2); // one file is unreadable
      expect(runs[1]!.out).toBe(runs[0]!.out);
      expect(runs[2]!.out).toBe(runs[0]!.out);
      if (!json) {
        expect(runs[0]!.out).toContain(`✖ ${join(dir, "r29.json")}`);
        expect(runs[0]!.out).toMatch(/35 files: 22 valid, 12 invalid, 1 unreadable\n$/);
        continue;
      }
      const lines = runs[0]!.out
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l));
      expect(lines.slice(0, -1).map((l) => l.file)).toEqual(sorted.map((n) => join(dir, n)));
      expect(lines.at(-1)).toMatchObject({ type: "summary", files: 35, valid: 22, invalid: 12, unreadable: 1 });
      // one more case granted to a natural person: （七）总计 no longer adds up (R3); the row's 总计
      // is blank in the seed, so R4 is skipped there, and R1 does not read （一）
      expect(lines[1].issues.filter((i: any) => i.severity === "error").map((i: any) => i.code)).toEqual(["R3"]);
    }
  });

  it("on workers under V8 flags a worker may not be given (node --max-old-space-size=… zfxxgk): the same output", async () => {
    const inProcess = await batch(0, true, "en");
    const flags = process.execArgv;
    process.execArgv = [...flags, "--max-old-space-size=1024", "--stack-size=900"];
    try {
      const onWorkers = await batch(2, true, "en");
      expect(onWorkers.code).toBe(2);
      expect(onWorkers.out).toBe(inProcess.out);
    } finally {
      process.execArgv = flags;
    }
  });

  it("prints a summary table of the rules that failed", async () => {
    const r = await run(["validate", dir]);
    expect(r.out).toMatch(
      /\n {2}规则\s+错误\s+警告\n {2}R3\s+12\s+0\n {2}BLANK-CELL\s+0\s+136\n共 35 个文件：22 个有效，12 个无效，1 个无法读取\n$/,
    );
  });
});

describe("zfxxgk import --timeout", () => {
  it.each(["0", "-3", "abc", "100000"])("--timeout %s is a usage error (exit 2), told in the locale asked for", async (t) => {
    const zh = await run(["import", root, "-o", tmpdir(), `--timeout=${t}`]);
    expect(zh.code).toBe(2);
    expect(zh.err).toContain("--timeout 须为 1 到 86400 之间的秒数");
    const en = await run(["import", root, "-o", tmpdir(), `--timeout=${t}`, "--locale", "en"]);
    expect(en.err).toContain("--timeout must be a number of seconds from 1 to 86400");
  });
});

describe("zfxxgk migrate", () => {
  const base2019 = join(root, "packages/schema/rules/fixtures/2019/base.json");
  it("writes a 2021 report and lists the values that have no place in it", async () => {
    const r = await run(["migrate", base2019, "--to", "2021"]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    expect(report.edition).toBe("2021");
    expect(report.migratedFrom.losses).toHaveLength(26);
    expect(r.err).toContain("26 个数值在 2021 格式中没有对应项");
    expect(r.err).toContain("表二 › 第二十条第（九）项 › 政府集中采购 › 采购项目数量 = 135");
  });
  it("needs --to 2021 and refuses a 2021 report (exit 2)", async () => {
    expect((await run(["migrate", base2019])).code).toBe(2);
    expect((await run(["migrate", example, "--to", "2021"])).code).toBe(2);
  });
});
