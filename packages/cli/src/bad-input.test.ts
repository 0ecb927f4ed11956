// Bad-input test pack for the zfxxgk CLI: every way a report can be wrong or unreadable, run
// through the real bin (packages/cli/bin/zfxxgk.js, which loads dist/: build the validator and
// the CLI with tsc before running this file).
//
// Contract under test:
// - exit codes: 0 all valid, 1 some report invalid, 2 unreadable input or bad usage;
// - never a stack trace, never a node "Error:" prefix, never an internal error;
// - every issue names its cell by JSON pointer and by the Chinese label path of the format
//   (packages/schema/labels/2021.json); messages are zh-CN by default and English with
//   --locale en, where label paths stay Chinese;
// - --json prints JSON Lines: one {"type":"result",...} per file, then {"type":"summary",...}.
//
// Inputs are made from a deep copy of examples/tacheng-2024/report.json, written to a temp dir.
// test-fixtures/bad-input/ holds only what cannot be made here (the example encoded as GBK).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const here = path.dirname(fileURLToPath(import.meta.url));
const binPath = path.resolve(here, "../bin/zfxxgk.js");
const distEntry = path.resolve(here, "../dist/index.js");
const fixtures = path.resolve(here, "../test-fixtures/bad-input");
const examplePath = path.resolve(here, "../../../examples/tacheng-2024/report.json");
const exampleBytes = fs.readFileSync(examplePath);
const exampleText = exampleBytes.toString("utf8");
const example = JSON.parse(exampleText);

// Label paths, as the format prints them (packages/schema/labels/2021.json).
const T3 = "表三";
const NEW = `${T3} › 一、本年新收政府信息公开申请数量`;
const RESULTS = `${T3} › 三、本年度办理结果`;
const FORWARD = `${T3} › 四、结转下年度继续办理`;
const APPLICANT_COLUMNS = [
  "naturalPerson",
  "commercialEnterprise",
  "researchInstitution",
  "publicWelfareOrganization",
  "legalServiceAgency",
  "otherOrganization",
] as const;
const CJK = /[\u4e00-\u9fff]/;

// ---------------------------------------------------------------------------------------------
// helpers

let tmp = "";
let seq = 0;

beforeAll(() => {
  if (!fs.existsSync(distEntry)) {
    throw new Error(
      "packages/cli/dist is missing: run `npx tsc -p packages/validator/tsconfig.build.json && " +
        "npx tsc -p packages/cli/tsconfig.build.json` first",
    );
  }
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "zfxxgk-bad-input-"));
});

afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

/** A fresh, empty directory in the temp dir. */
function freshDir(): string {
  const d = path.join(tmp, `d${++seq}`);
  fs.mkdirSync(d);
  return d;
}

/** Writes bytes or text to a new file in the temp dir and returns its path. */
function writeTemp(content: string | Uint8Array, name = "report.json", dir = freshDir()): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

/** A deep copy of the example, changed by `edit`. */
function variant(edit: (r: any) => void): any {
  const r = structuredClone(example);
  edit(r);
  return r;
}

function writeReport(report: unknown, name?: string, dir?: string): string {
  return writeTemp(JSON.stringify(report, null, 2), name, dir);
}

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the real bin. Every run, whatever its exit code, must end by itself and print no stack
 * trace, no node "Error:" line and no internal-error message.
 */
function cli(args: string[], opts: { input?: string | Uint8Array; env?: Record<string, string> } = {}): Run {
  const r = spawnSync(process.execPath, [binPath, ...args], {
    encoding: "utf8",
    input: opts.input ?? "",
    cwd: tmp,
    env: { ...process.env, ZFXXGK_LOCALE: undefined, ...opts.env },
    maxBuffer: 64 * 1024 * 1024,
    timeout: 25_000,
  });
  const run: Run = { status: r.status, stdout: r.stdout ?? "", stderr: r.stderr ?? "" };
  expect(r.signal, `killed by ${r.signal}`).toBeNull();
  for (const [name, out] of [
    ["stdout", run.stdout],
    ["stderr", run.stderr],
  ] as const) {
    expect(out, `${name} has a stack trace`).not.toMatch(/^ {4}at /m);
    expect(out, `${name} has a node error`).not.toMatch(/\b\w*Error: /);
    expect(out, `${name} mentions node internals`).not.toMatch(/node:internal/);
    expect(out, `${name} reports an internal error`).not.toMatch(/内部错误|internal error/i);
  }
  return run;
}

/** stdout of a --json run, as JSON Lines: the result lines and the summary line. */
function jsonLines(run: Run): { results: any[]; summary: any } {
  const lines = run.stdout.split("\n").filter((l) => l.trim() !== "");
  const objects = lines.map((l) => JSON.parse(l));
  expect(objects.length).toBeGreaterThanOrEqual(1);
  const summary = objects.at(-1);
  expect(summary.type).toBe("summary");
  const results = objects.slice(0, -1);
  for (const o of results) expect(o.type).toBe("result");
  return { results, summary };
}

/** validate --json on one file: the run and its single result line. */
function validateFile(file: string, ...extra: string[]): { run: Run; result: any } {
  const run = cli(["validate", file, "--json", ...extra]);
  const { results, summary } = jsonLines(run);
  expect(results).toHaveLength(1);
  expect(summary.files).toBe(1);
  return { run, result: results[0] };
}

/** validate --json on a report value (written to a temp file). */
function validateReport(report: unknown, ...extra: string[]) {
  return validateFile(writeReport(report), ...extra);
}

/** The one issue with this code at this pointer. */
function issue(result: any, code: string, pointer: string): any {
  const found = (result.issues as any[]).filter((i) => i.code === code && i.pointer === pointer);
  expect(
    found,
    `expected one ${code} at "${pointer}", got: ${JSON.stringify(result.issues.map((i: any) => `${i.severity} ${i.code} ${i.pointer}`))}`,
  ).toHaveLength(1);
  return found[0];
}

function errors(result: any): any[] {
  return (result.issues as any[]).filter((i) => i.severity === "error");
}

/** Line and column named by an unreadable-file message, zh-CN or en. */
function lineColumnOf(message: string): { line: number; column: number } {
  const m = /第\s*(\d+)\s*行第\s*(\d+)\s*列/.exec(message) ?? /line (\d+),? column (\d+)/i.exec(message);
  expect(m, `no line and column in: ${message}`).not.toBeNull();
  return { line: Number(m![1]), column: Number(m![2]) };
}

/** An unreadable file: exit 2, one result line with readable false; returns its message. */
function unreadable(file: string, ...extra: string[]): string {
  const run = cli(["validate", file, "--json", ...extra]);
  expect(run.status).toBe(2);
  const { results, summary } = jsonLines(run);
  expect(results).toHaveLength(1);
  expect(results[0].readable).toBe(false);
  expect(results[0].valid).toBe(false);
  expect(summary).toMatchObject({ files: 1, valid: 0, invalid: 0, unreadable: 1 });
  const message = results[0].error?.message;
  expect(typeof message).toBe("string");
  return message as string;
}

/** Checks an issue names its cell: exact pointer, label path, severity error, readable message. */
function expectNamed(i: any, pointer: string, label: string | RegExp) {
  expect(i.pointer).toBe(pointer);
  expect(i.severity).toBe("error");
  if (typeof label === "string") expect(i.labelPath).toContain(label);
  else expect(i.labelPath).toMatch(label);
  expect(i.message).toEqual(expect.any(String));
  expect(i.message.length).toBeGreaterThan(0);
}

// ---------------------------------------------------------------------------------------------

describe("the example itself (baseline for every case below)", () => {
  it("is valid: exit 0, no errors", () => {
    const { run, result } = validateFile(examplePath);
    expect(run.status).toBe(0);
    expect(result.valid).toBe(true);
    expect(errors(result)).toEqual([]);
  });
});

describe("1. wrong types → exit 1, SCHEMA-TYPE at the right pointer", () => {
  const cases: { name: string; pointer: string; label: string | RegExp; edit: (r: any) => void }[] = [
    {
      name: 'a count cell as the string "9"',
      pointer: "/applications/newReceived/naturalPerson",
      label: `${NEW} › 自然人`,
      edit: (r) => (r.applications.newReceived.naturalPerson = "9"),
    },
    {
      name: "a count cell as true",
      pointer: "/applications/results/denied/stateSecret/commercialEnterprise",
      label: `${RESULTS} › （三）不予公开 › 1.属于国家秘密 › 商业企业`,
      edit: (r) => (r.applications.results.denied.stateSecret.commercialEnterprise = true),
    },
    {
      name: "a count cell as an object",
      pointer: "/reviewAndLitigation/litigation/direct/upheld",
      label: "表四 › 行政诉讼 › 未经复议直接起诉 › 结果维持",
      edit: (r) => (r.reviewAndLitigation.litigation.direct.upheld = { value: 0 }),
    },
    {
      name: "a count cell as an array",
      pointer: "/proactiveDisclosure/article20Item5/administrativeLicensing/decisionsThisYear",
      label: "表二 › 第二十条第（五）项 › 行政许可 › 本年处理决定数量",
      edit: (r) => (r.proactiveDisclosure.article20Item5.administrativeLicensing.decisionsThisYear = [2815]),
    },
    {
      name: "a text paragraph as a number",
      pointer: "/overview/paragraphs/0",
      label: "一、总体情况",
      edit: (r) => (r.overview.paragraphs[0] = 42),
    },
    {
      name: 'year as the string "2024"',
      pointer: "/year",
      label: CJK,
      edit: (r) => (r.year = "2024"),
    },
    {
      name: "agency as a string",
      pointer: "/agency",
      label: CJK,
      edit: (r) => (r.agency = "塔城市人民政府"),
    },
  ];

  it.each(cases)("$name", ({ pointer, label, edit }) => {
    const { run, result } = validateReport(variant(edit));
    expect(run.status).toBe(1);
    expect(result.valid).toBe(false);
    const i = issue(result, "SCHEMA-TYPE", pointer);
    expectNamed(i, pointer, label);
    expect(i.message).toMatch(CJK);
  });

  it('en: the message is English, the label path stays Chinese ("9" in a count cell)', () => {
    const report = variant((r) => (r.applications.newReceived.naturalPerson = "9"));
    const zh = issue(validateReport(report).result, "SCHEMA-TYPE", "/applications/newReceived/naturalPerson");
    const { run, result } = validateReport(report, "--locale", "en");
    expect(run.status).toBe(1);
    const en = issue(result, "SCHEMA-TYPE", "/applications/newReceived/naturalPerson");
    expect(en.labelPath).toBe(zh.labelPath);
    expect(en.labelPath).toContain(`${NEW} › 自然人`);
    expect(en.message).toMatch(/whole number|integer/i);
    expect(en.message).not.toMatch(CJK);
  });

  it("human output names the cell by pointer and label path, on readable lines", () => {
    const file = writeReport(variant((r) => (r.applications.newReceived.naturalPerson = "9")));
    const run = cli(["validate", file]);
    expect(run.status).toBe(1);
    expect(run.stdout.trimStart().startsWith("{")).toBe(false);
    const lines = run.stdout.split("\n");
    const at = lines.findIndex((l) => l.includes("SCHEMA-TYPE") && l.includes("/applications/newReceived/naturalPerson"));
    expect(at, run.stdout).toBeGreaterThanOrEqual(0);
    // the label path and message follow on the next line
    expect(lines[at + 1]).toContain(`${NEW} › 自然人`);
    expect(lines[at + 1]).toContain("整数");
    expect(run.stdout).toContain(file);
  });
});

describe("2. numbers out of range", () => {
  const cell = "/applications/newReceived/naturalPerson";
  const label = `${NEW} › 自然人`;

  /** The example's JSON text with the first `"naturalPerson": 9,` (一、本年新收) replaced by a literal. */
  function withLiteral(literal: string): string {
    const needle = '"naturalPerson": 9,';
    const at = exampleText.indexOf(needle);
    expect(at).toBeGreaterThan(exampleText.indexOf('"newReceived"'));
    expect(at).toBeLessThan(exampleText.indexOf('"carriedOver"'));
    return exampleText.replace(needle, `"naturalPerson": ${literal},`);
  }

  const cases: { name: string; text: () => string; zh: RegExp; en: RegExp }[] = [
    {
      name: "a negative count (-1)",
      text: () => JSON.stringify(variant((r) => (r.applications.newReceived.naturalPerson = -1))),
      zh: /负数/,
      en: /negative/i,
    },
    {
      name: "a fractional count (1.5)",
      text: () => JSON.stringify(variant((r) => (r.applications.newReceived.naturalPerson = 1.5))),
      zh: /整数/,
      en: /whole number/i,
    },
    {
      name: "a count above 2^53 (literal 9007199254740993)",
      text: () => withLiteral("9007199254740993"),
      zh: /过大|太大/,
      en: /too large/i,
    },
    { name: "a count of 1e300", text: () => withLiteral("1e300"), zh: /过大|太大/, en: /too large/i },
    { name: "a count of 1e400 (beyond a double)", text: () => withLiteral("1e400"), zh: /过大|太大/, en: /too large/i },
  ];

  it.each(cases)("$name → exit 1, the message says why (zh-CN and en)", ({ text, zh, en }) => {
    const file = writeTemp(text());
    const a = validateFile(file);
    expect(a.run.status).toBe(1);
    const zi = errors(a.result).find((i) => i.pointer === cell);
    expect(zi, JSON.stringify(a.result.issues)).toBeDefined();
    expect(zi.code).toMatch(/^SCHEMA-/);
    expectNamed(zi, cell, label);
    expect(zi.message).toMatch(zh);

    const b = validateFile(file, "--locale", "en");
    expect(b.run.status).toBe(1);
    const ei = errors(b.result).find((i) => i.pointer === cell);
    expect(ei).toBeDefined();
    expect(ei.code).toBe(zi.code);
    expect(ei.labelPath).toBe(zi.labelPath);
    expect(ei.message).toMatch(en);
  });

  const fee = "/proactiveDisclosure/article20Item8/administrativeFees/feeAmountThisYear";
  const feeLabel = "表二 › 第二十条第（八）项 › 行政事业性收费 › 本年收费金额（单位：万元）";

  it("the fee cell (万元) accepts a decimal such as 12.5", () => {
    const { run, result } = validateReport(
      variant((r) => (r.proactiveDisclosure.article20Item8.administrativeFees.feeAmountThisYear = 12.5)),
    );
    expect(run.status).toBe(0);
    expect(result.valid).toBe(true);
    expect(result.issues.filter((i: any) => i.pointer === fee)).toEqual([]);
  });

  it("the fee cell rejects -0.5 as negative", () => {
    const { run, result } = validateReport(
      variant((r) => (r.proactiveDisclosure.article20Item8.administrativeFees.feeAmountThisYear = -0.5)),
    );
    expect(run.status).toBe(1);
    const i = errors(result).find((x) => x.pointer === fee);
    expect(i, JSON.stringify(result.issues)).toBeDefined();
    expectNamed(i, fee, feeLabel);
    expect(i.message).toMatch(/负数/);
  });
});

describe("3. unknown keys → SCHEMA-UNKNOWN-KEY naming the key", () => {
  it("at the root", () => {
    const { run, result } = validateReport(variant((r) => (r.remarks = "附注")));
    expect(run.status).toBe(1);
    const i = issue(result, "SCHEMA-UNKNOWN-KEY", "/remarks");
    expect(i.severity).toBe("error");
    expect(i.message).toContain("remarks");
  });

  it('inside a row: a typo "naturalPersn" is named, and the real cell is reported missing', () => {
    const report = variant((r) => {
      const row = r.applications.newReceived;
      r.applications.newReceived = { naturalPersn: row.naturalPerson, ...row };
      delete r.applications.newReceived.naturalPerson;
    });
    const { run, result } = validateReport(report);
    expect(run.status).toBe(1);
    const typo = issue(result, "SCHEMA-UNKNOWN-KEY", "/applications/newReceived/naturalPersn");
    expectNamed(typo, "/applications/newReceived/naturalPersn", NEW);
    expect(typo.message).toContain("naturalPersn");
    const missing = issue(result, "SCHEMA-REQUIRED", "/applications/newReceived/naturalPerson");
    expectNamed(missing, "/applications/newReceived/naturalPerson", `${NEW} › 自然人`);
  });

  it('the misspelt value is not used: fill does not compute 一\'s 总计 from "naturalPersn"', () => {
    const report = variant((r) => {
      r.applications.newReceived.naturalPersn = r.applications.newReceived.naturalPerson;
      delete r.applications.newReceived.naturalPerson;
    });
    const run = cli(["fill", writeReport(report)]);
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.applications.newReceived.total).toBeNull();
  });

  it("inside agency", () => {
    const { run, result } = validateReport(variant((r) => (r.agency.nmae = "塔城市")));
    expect(run.status).toBe(1);
    const i = issue(result, "SCHEMA-UNKNOWN-KEY", "/agency/nmae");
    expect(i.severity).toBe("error");
    expect(i.message).toContain("nmae");
    expect(i.labelPath).toMatch(CJK);
  });

  it('a key with "/" and "~" gets an escaped pointer (RFC 6901) and is named as written', () => {
    const { run, result } = validateReport(variant((r) => (r["a/b~c"] = 1)));
    expect(run.status).toBe(1);
    const i = issue(result, "SCHEMA-UNKNOWN-KEY", "/a~1b~0c");
    expect(i.message).toContain("a/b~c");
  });

  it.each(["constructor", "toString", "__proto__", "hasOwnProperty"])(
    'a key named like an Object.prototype member ("%s") in a row is named in pointer, label path and message',
    (key) => {
      const report = variant((r) => {
        Object.defineProperty(r.applications.newReceived, key, { value: 1, enumerable: true, writable: true, configurable: true });
      });
      const file = writeReport(report);
      expect(fs.readFileSync(file, "utf8")).toContain(`"${key}": 1`);
      const { run, result } = validateFile(file);
      expect(run.status).toBe(1);
      const i = issue(result, "SCHEMA-UNKNOWN-KEY", `/applications/newReceived/${key}`);
      expect(i.message).toContain(key);
      expect(i.labelPath).toBe(`${NEW} › ${key}`);
    },
  );
});

describe("4. missing sections, rows, cells → SCHEMA-REQUIRED with the pointer and label", () => {
  const cases: { name: string; pointer: string; label: string; edit: (r: any) => void }[] = [
    {
      name: "a whole block: applications.results.denied",
      pointer: "/applications/results/denied",
      label: `${RESULTS} › （三）不予公开`,
      edit: (r) => delete r.applications.results.denied,
    },
    {
      name: "a single cell: （一）予以公开 › 商业企业",
      pointer: "/applications/results/granted/commercialEnterprise",
      label: `${RESULTS} › （一）予以公开 › 商业企业`,
      edit: (r) => delete r.applications.results.granted.commercialEnterprise,
    },
    {
      name: "a single cell of table 四: 未经复议直接起诉 › 总计",
      pointer: "/reviewAndLitigation/litigation/direct/total",
      label: "表四 › 行政诉讼 › 未经复议直接起诉 › 总计",
      edit: (r) => delete r.reviewAndLitigation.litigation.direct.total,
    },
    {
      name: "a whole section: overview",
      pointer: "/overview",
      label: "一、总体情况",
      edit: (r) => delete r.overview,
    },
  ];

  it.each(cases)("$name", ({ pointer, label, edit }) => {
    const report = variant(edit);
    const { run, result } = validateReport(report);
    expect(run.status).toBe(1);
    const i = issue(result, "SCHEMA-REQUIRED", pointer);
    expectNamed(i, pointer, label);
    expect(i.message).toContain(label.split(" › ").at(-1));

    const en = issue(validateReport(report, "--locale", "en").result, "SCHEMA-REQUIRED", pointer);
    expect(en.labelPath).toBe(i.labelPath);
    expect(en.message).toMatch(/missing|required/i);
    expect(en.message).toContain(label.split(" › ").at(-1));
  });
});

describe("5. a sum that does not add up", () => {
  // 四、结转下年度继续办理 › 自然人: 0 → 5. Its row's 总计 stays 0, so R4 fails on that row, and
  // 三（七）+四 no longer equals 一+二 in the 自然人 column, so R1 fails there.
  const changed = 5;
  const report = variant((r) => (r.applications.carriedForward.naturalPerson = changed));
  const a = example.applications;

  it("exit 1; exactly R4 (row 四) and R1 (column 自然人) are errors", () => {
    const { run, result } = validateReport(report);
    expect(run.status).toBe(1);
    const got = errors(result)
      .map((i) => `${i.code} ${i.pointer}`)
      .sort();
    expect(got).toEqual(["R1 /applications/results/total/naturalPerson", "R4 /applications/carriedForward/total"].sort());
  });

  it("R4 gives expected/actual and lists every cell it read", () => {
    const { result } = validateReport(report);
    const i = issue(result, "R4", "/applications/carriedForward/total");
    expectNamed(i, "/applications/carriedForward/total", `${FORWARD} › 总计`);
    const sixColumns = APPLICANT_COLUMNS.reduce((s, c) => s + (c === "naturalPerson" ? changed : a.carriedForward[c]), 0);
    expect(sixColumns).toBe(5);
    expect(i.expected).toBe(sixColumns);
    expect(i.actual).toBe(a.carriedForward.total);
    expect(i.message).toContain(String(sixColumns));
    const cells = new Map((i.cells as any[]).map((c) => [c.pointer, c]));
    const wanted = [...APPLICANT_COLUMNS, "total"].map((c) => `/applications/carriedForward/${c}`);
    expect([...cells.keys()].sort()).toEqual([...wanted].sort());
    for (const c of [...APPLICANT_COLUMNS, "total"] as const) {
      const cell = cells.get(`/applications/carriedForward/${c}`);
      expect(cell.value).toBe(c === "naturalPerson" ? changed : a.carriedForward[c]);
      expect(cell.labelPath).toContain(FORWARD);
    }
  });

  it("R1 gives expected/actual and lists the four cells it read", () => {
    const { result } = validateReport(report);
    const i = issue(result, "R1", "/applications/results/total/naturalPerson");
    expectNamed(i, "/applications/results/total/naturalPerson", `${RESULTS} › （七）总计 › 自然人`);
    const expected = a.newReceived.naturalPerson + a.carriedOver.naturalPerson; // 一 + 二
    const actual = a.results.total.naturalPerson + changed; // 三（七） + 四
    expect([expected, actual]).toEqual([9, 14]);
    expect(i.expected).toBe(expected);
    expect(i.actual).toBe(actual);
    expect(i.message).toContain(String(expected));
    expect(i.message).toContain(String(actual));
    expect((i.cells as any[]).map((c) => `${c.pointer}=${c.value}`).sort()).toEqual(
      [
        `/applications/newReceived/naturalPerson=${a.newReceived.naturalPerson}`,
        `/applications/carriedOver/naturalPerson=${a.carriedOver.naturalPerson}`,
        `/applications/results/total/naturalPerson=${a.results.total.naturalPerson}`,
        `/applications/carriedForward/naturalPerson=${changed}`,
      ].sort(),
    );
  });

  it("en: English message with both numbers, Chinese label path", () => {
    const { run, result } = validateReport(report, "--locale", "en");
    expect(run.status).toBe(1);
    const i = issue(result, "R1", "/applications/results/total/naturalPerson");
    expect(i.labelPath).toContain(`${RESULTS} › （七）总计 › 自然人`);
    expect(i.message).toMatch(/[A-Za-z]{4,}/);
    expect(i.message).toContain("9");
    expect(i.message).toContain("14");
  });

  it("human output (--verbose) shows the rule, the cell and the cells read", () => {
    const run = cli(["validate", writeReport(report), "--verbose"]);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/R4\s+\/applications\/carriedForward\/total/);
    expect(run.stdout).toContain(`${FORWARD} › 总计`);
    expect(run.stdout).toContain(`${FORWARD} › 自然人 = ${changed}`);
  });
});

describe("6. a null cell is never 0", () => {
  // 1.本机关不掌握相关政府信息 › 自然人 is 3 in the example: as 0 it would break R4 and R3.
  const blank = "/applications/results/unableToProvide/notHeld/naturalPerson";
  const blankLabel = `${RESULTS} › （四）无法提供 › 1.本机关不掌握相关政府信息 › 自然人`;
  const report = variant((r) => (r.applications.results.unableToProvide.notHeld.naturalPerson = null));

  it("BLANK-CELL warning, dependent rules skipped as info, still valid (exit 0)", () => {
    expect(example.applications.results.unableToProvide.notHeld.naturalPerson).toBe(3);
    const { run, result } = validateReport(report);
    expect(run.status).toBe(0);
    expect(result.valid).toBe(true);
    expect(errors(result)).toEqual([]);

    const w = issue(result, "BLANK-CELL", blank);
    expect(w.severity).toBe("warning");
    expect(w.labelPath).toContain(blankLabel);

    for (const [code, at] of [
      ["R4", "/applications/results/unableToProvide/notHeld/total"],
      ["R3", "/applications/results/total/naturalPerson"],
    ] as const) {
      const s = issue(result, code, at);
      expect(s.severity).toBe("info");
      expect(s.skipped).toBe(true);
      expect(s.message).toContain(blankLabel);
      const read = (s.cells as any[]).find((c) => c.pointer === blank);
      expect(read, `${code} does not list the blank cell`).toBeDefined();
      expect(read.value).toBeNull();
    }
  });

  it("en: the warning and skipped notes are English, label paths Chinese", () => {
    const { run, result } = validateReport(report, "--locale", "en");
    expect(run.status).toBe(0);
    const w = issue(result, "BLANK-CELL", blank);
    expect(w.labelPath).toContain(blankLabel);
    expect(w.message).toMatch(/blank/i);
    const s = issue(result, "R4", "/applications/results/unableToProvide/notHeld/total");
    expect(s.severity).toBe("info");
    expect(s.message).toMatch(/not checked|skipped/i);
  });
});

describe("7. hostile strings in text fields", () => {
  const para = "/overview/paragraphs/0";

  it.each(["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "<br>", "<!-- x -->"])(
    "markup %j → SCHEMA-MARKUP naming the field",
    (hostile) => {
      const { run, result } = validateReport(variant((r) => (r.overview.paragraphs[0] = `公开情况${hostile}说明`)));
      expect(run.status).toBe(1);
      const i = issue(result, "SCHEMA-MARKUP", para);
      expectNamed(i, para, "一、总体情况");
    },
  );

  it("markup in several fields: each is named", () => {
    const report = variant((r) => {
      r.title = "<b>塔城市</b>年度报告";
      r.overview.subsections[1].heading = "<h2>（二）依申请公开情况。</h2>";
      r.problemsAndImprovements.paragraphs[1] = "改进<iframe src=//x>";
    });
    const { run, result } = validateReport(report);
    expect(run.status).toBe(1);
    issue(result, "SCHEMA-MARKUP", "/title");
    expectNamed(issue(result, "SCHEMA-MARKUP", "/overview/subsections/1/heading"), "/overview/subsections/1/heading", "一、总体情况");
    expectNamed(
      issue(result, "SCHEMA-MARKUP", "/problemsAndImprovements/paragraphs/1"),
      "/problemsAndImprovements/paragraphs/1",
      "五、存在的主要问题及改进情况",
    );
  });

  it("control character U+0007 → SCHEMA-CONTROL-CHAR", () => {
    const { run, result } = validateReport(variant((r) => (r.overview.paragraphs[0] = "公开\u0007情况")));
    expect(run.status).toBe(1);
    const i = issue(result, "SCHEMA-CONTROL-CHAR", para);
    expectNamed(i, para, "一、总体情况");
    expect(i.message).toContain("U+0007");
  });

  it("an unpaired surrogate (\\ud800 in the JSON) → SCHEMA-CONTROL-CHAR", () => {
    const text = JSON.stringify(variant((r) => (r.overview.paragraphs[0] = "公开\ud800情况")));
    expect(text).toContain("\\ud800");
    const { run, result } = validateFile(writeTemp(text));
    expect(run.status).toBe(1);
    const i = issue(result, "SCHEMA-CONTROL-CHAR", para);
    expectNamed(i, para, "一、总体情况");
    expect(i.message).toMatch(/U\+D800/i);
  });

  it.each([
    ["{{constructor}}", "模板{{constructor}}文字"],
    ["angle brackets around Chinese", "按照《国务院办公厅关于印发<政府信息公开信息处理费管理办法>的通知》执行"],
    ["U+2028", "第一行\u2028第二行"],
    ["an emoji (a paired surrogate)", "群众满意👍"],
  ])("accepted: %s", (_name, value) => {
    const { run, result } = validateReport(variant((r) => (r.overview.paragraphs[0] = value)));
    expect(run.status).toBe(0);
    expect(result.valid).toBe(true);
    expect(result.issues.filter((i: any) => i.pointer === para)).toEqual([]);
  });
});

describe("8. unreadable input → exit 2", () => {
  const isTruncated = /不完整|截断/;

  /** Cuts the example after `bytes` bytes; returns the file and the line the cut text ends on. */
  function cut(bytes: number): { file: string; lastLine: number } {
    const head = exampleBytes.subarray(0, bytes);
    const file = writeTemp(head);
    return { file, lastLine: head.toString("latin1").split("\n").length };
  }

  it("truncated: the example cut in half (by bytes) → incomplete, with line and column", () => {
    const { file, lastLine } = cut(Math.floor(exampleBytes.length / 2));
    const message = unreadable(file);
    expect(message).toMatch(isTruncated);
    expect(lineColumnOf(message).line).toBe(lastLine);
  });

  it("truncated right after a key's colon → incomplete, on that line", () => {
    const at = exampleBytes.indexOf('"year": ') + '"year": '.length;
    const { file, lastLine } = cut(at);
    expect(lastLine).toBe(4);
    const message = unreadable(file);
    expect(message).toMatch(isTruncated);
    expect(lineColumnOf(message).line).toBe(4);
    expect(unreadable(file, "--locale", "en")).toMatch(/incomplete|truncated/i);
  });

  it("truncated inside a string (the title) → incomplete, not a syntax error", () => {
    const at = exampleBytes.indexOf(Buffer.from("塔城市人民政府2024")) + Buffer.byteLength("塔城");
    const { file, lastLine } = cut(at);
    expect(lastLine).toBe(5);
    const message = unreadable(file);
    expect(message).toMatch(isTruncated);
    expect(lineColumnOf(message).line).toBe(5);
  });

  it("truncated inside a multi-byte character → incomplete, not “perhaps GBK”", () => {
    const at = exampleBytes.indexOf(Buffer.from("塔城市人民政府2024")) + 1; // 1 of the 3 bytes of 塔
    const { file } = cut(at);
    const message = unreadable(file);
    expect(message).toMatch(isTruncated);
    expect(lineColumnOf(message).line).toBe(5);
  });

  it("invalid JSON in the middle (a missing comma) → line and column of the fault", () => {
    const lines = exampleText.split("\n");
    expect(lines[3]).toBe('  "year": 2024,');
    lines[3] = '  "year": 2024';
    const file = writeTemp(lines.join("\n"));
    const message = unreadable(file);
    const { line, column } = lineColumnOf(message);
    // right after 2024 (line 4) or where "title" begins (line 5, column 3)
    expect([`${line}:${column}`]).toEqual([expect.stringMatching(/^4:1[45]$|^5:3$/)]);
    expect(message).not.toMatch(isTruncated);
    expect(message).toContain("逗号");
  });

  it.each([
    ["an empty file", ""],
    ["a whitespace-only file", "  \n\t\r\n  "],
  ])("%s → “empty”", (_name, content) => {
    const file = writeTemp(content);
    expect(unreadable(file)).toMatch(/空/);
    expect(unreadable(file, "--locale", "en")).toMatch(/empty/i);
  });

  it("GBK bytes inside a JSON string (你好 = c4 e3 ba c3) → mentions UTF-8 and GBK, with line and column", () => {
    const prefix = '{"edition": "2021", "title": "';
    const file = writeTemp(Buffer.concat([Buffer.from(prefix), Buffer.from([0xc4, 0xe3, 0xba, 0xc3]), Buffer.from('"}\n')]));
    const message = unreadable(file);
    expect(message).toContain("UTF-8");
    expect(message).toContain("GBK");
    expect(lineColumnOf(message)).toEqual({ line: 1, column: prefix.length + 1 });
    const en = unreadable(file, "--locale", "en");
    expect(en).toContain("UTF-8");
    expect(en).toContain("GBK");
  });

  it("the whole example saved as GBK (fixture) → mentions UTF-8 and GBK at the first Chinese character", () => {
    const file = path.join(fixtures, "tacheng-2024.gbk.json");
    const bytes = fs.readFileSync(file);
    // 塔 in GBK
    expect(bytes.subarray(bytes.indexOf('"title": "') + 10, bytes.indexOf('"title": "') + 12)).toEqual(Buffer.from([0xcb, 0xfe]));
    const message = unreadable(file);
    expect(message).toContain("UTF-8");
    expect(message).toContain("GBK");
    // line 5 is `  "title": "塔城市…`: 塔 is its 13th character
    expect(lineColumnOf(message)).toEqual({ line: 5, column: 13 });
  });

  it("UTF-16LE with a BOM → mentions UTF-8", () => {
    const file = writeTemp(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(exampleText, "utf16le")]));
    expect(unreadable(file)).toContain("UTF-8");
  });

  it("binary junk (a PNG header) → mentions UTF-8", () => {
    const file = writeTemp(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), "image.json");
    expect(unreadable(file)).toContain("UTF-8");
  });

  it("a UTF-8 BOM before valid JSON is accepted (exit 0)", () => {
    const file = writeTemp(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), exampleBytes]));
    const { run, result } = validateFile(file);
    expect(run.status).toBe(0);
    expect(result.readable).toBe(true);
    expect(result.valid).toBe(true);
  });

  it.each([
    ["arrays", () => "[".repeat(100_000) + "]".repeat(100_000)],
    ["objects", () => `${'{"a":'.repeat(100_000)}1${"}".repeat(100_000)}`],
    ["arrays inside a report", () => `{"edition": "2021", "title": ${"[".repeat(100_000)}${"]".repeat(100_000)}}`],
    ["arrays, never closed", () => "[".repeat(100_000)],
    ["objects, never closed", () => '{"a":'.repeat(100_000)],
  ])("nesting 100000 levels deep (%s) → exit 2 without crashing", (_name, make) => {
    const message = unreadable(writeTemp(make()));
    expect(message.length).toBeGreaterThan(0);
  });

  it("a missing file → exit 2, naming the file", () => {
    const file = path.join(freshDir(), "no-such-report.json");
    const run = cli(["validate", file]);
    expect(run.status).toBe(2);
    expect(run.stdout + run.stderr).toContain("no-such-report.json");
  });

  it("a directory with no .json file → exit 2, naming the directory", () => {
    const dir = freshDir();
    fs.writeFileSync(path.join(dir, "readme.txt"), "not a report");
    const run = cli(["validate", dir]);
    expect(run.status).toBe(2);
    expect(run.stdout + run.stderr).toContain(dir);
    expect(cli(["validate", dir, "--json"]).status).toBe(2);
  });

  it("--previous pointing at a missing file → exit 2", () => {
    const run = cli(["validate", examplePath, "--previous", path.join(freshDir(), "missing.json")]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("missing.json");
  });

  it.each(["[]", "42", '"x"', "null"])('JSON that is not an object (%s) → exit 1, SCHEMA-TYPE at pointer ""', (text) => {
    const { run, result } = validateFile(writeTemp(text));
    expect(run.status).toBe(1);
    expect(result.readable).toBe(true);
    expect(result.valid).toBe(false);
    const i = issue(result, "SCHEMA-TYPE", "");
    expect(i.severity).toBe("error");
    expect(i.labelPath).toMatch(CJK);
  });

  it('an object without "edition" → SCHEMA-EDITION', () => {
    const { run, result } = validateReport(variant((r) => delete r.edition));
    expect(run.status).toBe(1);
    const i = issue(result, "SCHEMA-EDITION", "/edition");
    expect(i.severity).toBe("error");
    expect(i.message).toMatch(/edition/);
  });

  it('"edition": "2019x" → SCHEMA-EDITION naming the value and the known edition', () => {
    const { run, result } = validateReport(variant((r) => (r.edition = "2019x")));
    expect(run.status).toBe(1);
    const i = issue(result, "SCHEMA-EDITION", "/edition");
    expect(i.severity).toBe("error");
    expect(i.message).toContain("2019x");
    expect(i.message).toContain("2021");
  });
});

describe("9. bad usage → exit 2 with a hint to --help", () => {
  const hintsHelp = (run: Run) => expect(run.stdout + run.stderr).toContain("--help");

  it("no arguments", () => {
    const run = cli([]);
    expect(run.status).toBe(2);
    hintsHelp(run);
  });

  it("an unknown command", () => {
    const run = cli(["frobnicate", examplePath]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("frobnicate");
    hintsHelp(run);
  });

  it("an unknown option", () => {
    const run = cli(["validate", examplePath, "--frobnicate"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("--frobnicate");
    hintsHelp(run);
  });

  it("--locale fr", () => {
    const run = cli(["validate", examplePath, "--locale", "fr"]);
    expect(run.status).toBe(2);
    // the choices are @zfxxgk/i18n's locales
    expect(run.stderr).toContain("--locale 只能是以下之一：zh-CN, en");
    hintsHelp(run);
  });

  it("validate without a file", () => {
    const run = cli(["validate", "--json"]);
    expect(run.status).toBe(2);
    hintsHelp(run);
  });

  it("fill a.json b.json", () => {
    const run = cli(["fill", "a.json", "b.json"]);
    expect(run.status).toBe(2);
    hintsHelp(run);
  });

  it("fill -o without a value", () => {
    const run = cli(["fill", examplePath, "-o"]);
    expect(run.status).toBe(2);
    hintsHelp(run);
  });

  it.each([
    ["validate", "zh-CN"],
    ["validate", "en"],
    ["fill", "zh-CN"],
    ["fill", "en"],
  ])("%s --help (%s) exits 0 and shows an example line", (command, locale) => {
    const run = cli([command, "--help", "--locale", locale]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^\\s*zfxxgk ${command} \\S+`, "m"));
  });
});

describe("10. stdin (-)", () => {
  it("validate - with the example piped in → exit 0", () => {
    const run = cli(["validate", "-", "--json"], { input: exampleBytes });
    expect(run.status).toBe(0);
    const { results, summary } = jsonLines(run);
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ file: "-", readable: true, valid: true });
    expect(summary).toMatchObject({ files: 1, valid: 1, invalid: 0, unreadable: 0 });
  });

  it("validate - with garbage piped in → exit 2", () => {
    const run = cli(["validate", "-"], { input: "this is not JSON at all }{" });
    expect(run.status).toBe(2);
  });

  it("validate - with nothing piped in → exit 2, empty", () => {
    const run = cli(["validate", "-", "--json"], { input: "" });
    expect(run.status).toBe(2);
    expect(jsonLines(run).results[0].error.message).toMatch(/空/);
  });

  it("fill - with the example piped in → the filled report on stdout", () => {
    const run = cli(["fill", "-"], { input: exampleBytes });
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).applications.newReceived.total).toBe(9);
  });
});

describe("11. a directory with one valid, one invalid and one unreadable report", () => {
  function mixedDir(): string {
    const dir = freshDir();
    fs.writeFileSync(path.join(dir, "a-valid.json"), exampleBytes);
    writeReport(
      variant((r) => (r.applications.newReceived.naturalPerson = -1)),
      "b-invalid.json",
      dir,
    );
    fs.writeFileSync(path.join(dir, "c-unreadable.json"), exampleBytes.subarray(0, exampleBytes.length >> 1));
    fs.writeFileSync(path.join(dir, "notes.txt"), "not a report");
    return dir;
  }

  it("--json: exit 2, 3 result lines and a summary with the right counts", () => {
    const run = cli(["validate", mixedDir(), "--json"]);
    expect(run.status).toBe(2);
    const { results, summary } = jsonLines(run);
    expect(results).toHaveLength(3);
    const byName = new Map(results.map((r) => [path.basename(r.file), r]));
    expect([...byName.keys()].sort()).toEqual(["a-valid.json", "b-invalid.json", "c-unreadable.json"]);
    expect(byName.get("a-valid.json")).toMatchObject({ readable: true, valid: true });
    expect(byName.get("b-invalid.json")).toMatchObject({ readable: true, valid: false });
    expect(errors(byName.get("b-invalid.json")).map((i: any) => i.pointer)).toContain("/applications/newReceived/naturalPerson");
    expect(byName.get("c-unreadable.json")).toMatchObject({ readable: false, valid: false });
    expect(summary).toMatchObject({ files: 3, valid: 1, invalid: 1, unreadable: 1 });
  });

  it.each(["zh-CN", "en"])("human output (%s): every file, then a summary line", (locale) => {
    const run = cli(["validate", mixedDir(), "--locale", locale]);
    expect(run.status).toBe(2);
    for (const name of ["a-valid.json", "b-invalid.json", "c-unreadable.json"]) expect(run.stdout).toContain(name);
    const last = run.stdout.trimEnd().split("\n").at(-1)!;
    expect(last).toMatch(/3\D+1\D+1\D+1/);
  });
});

describe("12. fill", () => {
  const blankTotals = [["newReceived"], ["carriedOver"], ["results", "granted"], ["results", "partiallyGranted"]] as const;
  const rowOf = (report: any, keys: readonly string[]) => keys.reduce((o, k) => o[k], report.applications);

  /** The example with its four blank 总计 cells set to the sums of their six applicant columns. */
  function expectedFilled(): any {
    const want = structuredClone(example);
    for (const keys of blankTotals) {
      const row = rowOf(want, keys);
      expect(row.total).toBeNull();
      row.total = APPLICANT_COLUMNS.reduce((s, c) => s + row[c], 0);
    }
    return want;
  }

  it("computes the four blank 总计 cells (9, 0, 6, 0), changes nothing else, and the output validates with 0 warnings", () => {
    const want = expectedFilled();
    expect(blankTotals.map((k) => rowOf(want, k).total)).toEqual([9, 0, 6, 0]);

    const out = path.join(freshDir(), "sub", "filled.json");
    const run = cli(["fill", examplePath, "-o", out]);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe("");
    const got = JSON.parse(fs.readFileSync(out, "utf8"));
    expect(blankTotals.map((k) => rowOf(got, k).total)).toEqual([9, 0, 6, 0]);
    expect(got).toEqual(want);

    const { run: v, result } = validateFile(out);
    expect(v.status).toBe(0);
    expect(result.valid).toBe(true);
    expect(result.counts.error).toBe(0);
    expect(result.counts.warning).toBe(0);
  });

  it("without -o writes the filled report to stdout", () => {
    const run = cli(["fill", examplePath]);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(expectedFilled());
  });

  it("a total whose part is not a number is not computed, and the bad part is kept", () => {
    const report = variant((r) => (r.applications.newReceived.commercialEnterprise = "9"));
    const run = cli(["fill", writeReport(report)]);
    expect(run.status).toBe(0);
    const got = JSON.parse(run.stdout);
    expect(got.applications.newReceived.total).toBeNull();
    expect(got.applications.newReceived.commercialEnterprise).toBe("9");
    expect(got.applications.results.granted.total).toBe(6);
  });

  it.each([
    ["an unreadable (truncated) file", () => writeTemp(exampleBytes.subarray(0, exampleBytes.length >> 1))],
    ["a file of GBK bytes", () => path.join(fixtures, "tacheng-2024.gbk.json")],
    ["[]", () => writeTemp("[]")],
    ['"edition": "2019x"', () => writeReport(variant((r) => (r.edition = "2019x")))],
    ["a directory", () => freshDir()],
    ["a missing file", () => path.join(freshDir(), "missing.json")],
    ["nesting 100000 levels deep, never closed", () => writeTemp("[".repeat(100_000))],
  ])("fill on %s → exit 2, nothing written", (_name, make) => {
    const input = make();
    const out = path.join(freshDir(), "out.json");
    const run = cli(["fill", input, "-o", out]);
    expect(run.status).toBe(2);
    expect(run.stderr.length).toBeGreaterThan(0);
    expect(fs.existsSync(out)).toBe(false);
  });

  it("fill -o into a path that cannot be written → exit 2", () => {
    const blocker = writeTemp("a file, not a directory", "blocker");
    const run = cli(["fill", examplePath, "-o", path.join(blocker, "out.json")]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("out.json");
  });
});
