import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import Database from "better-sqlite3";
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { tableCells } from "@zfxxgk/validator";
import { FlattenError, toCsv, toSqlite, type FlatInput } from "./index.js";

const root = resolve(import.meta.dirname, "../../..");
const read = (p: string) => JSON.parse(readFileSync(join(root, p), "utf8"));
const inputs: FlatInput[] = [
  { report: read("examples/tacheng-2024/report.json"), file: "tacheng.json" },
  { report: read("packages/schema/rules/fixtures/2021/base.json"), file: "huaian.json", sha256: "f".repeat(64) },
];
const cells = tableCells("2021");
const at = (r: any, path: readonly string[]) => path.reduce((o, k) => o[k], r);

describe("toCsv", () => {
  const csv = toCsv(inputs);
  const rows: string[][] = parse(csv.slice(1));

  it("starts with a UTF-8 BOM, for Excel", () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
  });

  it("has a header of keys, a header of the format's labels, and a row per report", () => {
    expect(rows).toHaveLength(2 + inputs.length);
    expect(rows[0]!.length).toBe(8 + 200);
    const col = rows[0]!.indexOf("applications.results.denied.stateSecret.naturalPerson");
    expect(rows[1]![col]).toBe("表三 › 三、本年度办理结果 › （三）不予公开 › 1.属于国家秘密 › 自然人");
  });

  it("carries every cell of every report, a blank as an empty field", () => {
    inputs.forEach((input, i) => {
      const row = rows[2 + i]!;
      expect(row[0]).toBe(input.file);
      for (const c of cells) {
        const v = at(input.report, c.path);
        expect(row[rows[0]!.indexOf(c.path.join("."))], c.pointer).toBe(v === null ? "" : String(v));
      }
    });
    // the seed's four blank 总计 cells
    expect(rows[2]![rows[0]!.indexOf("applications.newReceived.total")]).toBe("");
    expect(rows[3]![rows[0]!.indexOf("proactiveDisclosure.article20Item8.administrativeFees.feeAmountThisYear")]).toBe("96171.6");
  });

  it("refuses reports of different editions", () => {
    expect(() => toCsv([inputs[0]!, { report: { edition: "2019" }, file: "x" }])).toThrow(FlattenError);
  });
});

describe("toSqlite", () => {
  const path = join(mkdtempSync(join(tmpdir(), "zfxxgk-")), "reports.sqlite");
  const counts = toSqlite(inputs, path);
  let db: Database.Database;
  beforeAll(async () => {
    await counts;
    db = new Database(path, { readonly: true });
  });

  it("writes a reports row per report and a cells row per report and cell", async () => {
    expect(await counts).toEqual({ reports: 2, cells: 400 });
    expect(db.prepare("SELECT file, agency, year FROM reports ORDER BY id").all()).toEqual([
      { file: "tacheng.json", agency: "塔城市人民政府", year: 2024 },
      { file: "huaian.json", agency: "淮安市人民政府", year: 2024 },
    ]);
  });

  it("sums in SQL match the source reports", () => {
    for (const c of cells) {
      const sql = db.prepare("SELECT SUM(value) AS s, COUNT(value) AS n FROM cells WHERE pointer = ?").get(c.pointer) as {
        s: number | null;
        n: number;
      };
      const values = inputs.map((i) => at(i.report, c.path)).filter((v) => v !== null);
      expect(sql.n, c.pointer).toBe(values.length);
      if (values.length)
        expect(sql.s, c.pointer).toBeCloseTo(
          values.reduce((a, b) => a + b, 0),
          6,
        );
    }
    // 一、本年新收 by 自然人 over both reports: 9 + 3001
    const row = db
      .prepare("SELECT SUM(value) AS s FROM cells WHERE tbl = '表三' AND row = '一、本年新收政府信息公开申请数量' AND col = '自然人'")
      .get() as { s: number };
    expect(row.s).toBe(3010);
  });

  it("keeps blanks as NULL", () => {
    const blank = db.prepare("SELECT COUNT(*) AS n FROM cells WHERE value IS NULL").get() as { n: number };
    expect(blank.n).toBe(4);
  });
});

describe("hostile members", () => {
  const seed = inputs[0]!.report as any;
  const hostile = (name: string) => ({ report: { ...seed, agency: { ...seed.agency, name } }, file: `${name}.json` });

  it.each(['=HYPERLINK("http://x.test","y")', "+1+2", "-1+2", "@SUM(A1)", "\tcmd", "\rcmd"])(
    "a text cell starting %j is kept as text, prefixed with '",
    (name) => {
      const rows: string[][] = parse(toCsv([hostile(name)]).slice(1));
      expect(rows[2]![rows[0]!.indexOf("agency")]).toBe(`'${name}`);
    },
  );

  it("an ordinary name, and a negative number cell, are left as they are", () => {
    const rows: string[][] = parse(toCsv([hostile("某市-人民政府")]).slice(1));
    expect(rows[2]![rows[0]!.indexOf("agency")]).toBe("某市-人民政府");
  });

  it("a name that is not a string is kept as its JSON text, in CSV and SQLite", async () => {
    const odd = { report: { ...seed, agency: { ...seed.agency, name: { zh: "某市" } } }, file: "odd.json" };
    const rows: string[][] = parse(toCsv([odd]).slice(1));
    expect(rows[2]![rows[0]!.indexOf("agency")]).toBe('{"zh":"某市"}');
    const path = join(mkdtempSync(join(tmpdir(), "zfxxgk-")), "odd.sqlite");
    await toSqlite([odd], path);
    const db = new Database(path, { readonly: true });
    expect(db.prepare("SELECT agency FROM reports").get()).toEqual({ agency: '{"zh":"某市"}' });
    db.close();
  });

  it("a member that fails half way leaves an existing database exactly as it was", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "zfxxgk-")), "kept.sqlite");
    await toSqlite(inputs, path);
    // a member without a file name breaks the reports table's NOT NULL after the first member went in
    const bad = { report: inputs[1]!.report, file: null as unknown as string };
    await expect(toSqlite([inputs[0]!, bad], path)).rejects.toThrow(FlattenError);
    const db = new Database(path, { readonly: true });
    expect(db.prepare("SELECT COUNT(*) AS n FROM reports").get()).toEqual({ n: 2 });
    expect(db.prepare("SELECT COUNT(*) AS n FROM cells").get()).toEqual({ n: 400 });
    db.close();
  });

  it("a path that is not a database is refused with a FlattenError, and the file is left alone", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "zfxxgk-")), "notes.txt");
    const { writeFileSync } = await import("node:fs");
    writeFileSync(path, "my notes, not a database\n".repeat(100));
    await expect(toSqlite(inputs, path)).rejects.toThrow(FlattenError);
    expect(readFileSync(path, "utf8")).toBe("my notes, not a database\n".repeat(100));
  });
});

describe("errors in the caller's language", () => {
  it.each([
    ["en", "x.json: not a report of a known edition"],
    ["zh-CN", "x.json：不是可识别的年度报告"],
  ] as const)("%s", (locale, message) => {
    expect(() => toCsv([{ report: { edition: "1999" }, file: "x.json" }], { locale })).toThrow(message);
  });

  it("the error carries its code and both languages, each in its own", async () => {
    const e = await toSqlite([], "unused.sqlite", { locale: "zh-CN" }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(FlattenError);
    const { code, message, messages } = e as FlattenError;
    expect([code, message, messages]).toEqual([
      "NO-REPORTS",
      "没有可处理的报告",
      { "zh-CN": "没有可处理的报告", en: "no reports to flatten" },
    ]);
  });

  it("a locale it does not speak falls back to zh-CN rather than failing", () => {
    expect(() => toCsv([], { locale: "fr" as never })).toThrow("没有可处理的报告");
  });
});
