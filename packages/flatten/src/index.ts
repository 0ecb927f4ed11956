// Reports flattened for spreadsheets and SQL (as FOIA.gov's CSV data set and OCDS flatten-tool
// do): CSV with one row per report and one column per table cell, and a SQLite database with a
// reports table and a long cells table. A blank cell stays blank (empty / NULL), never 0.
import { stringify } from "csv-stringify/sync";
import { getPath, localeOf, LocalisedError, type Catalogue, type Locale } from "@zfxxgk/i18n";
import { cellsOf, isEdition, LABEL_SEPARATOR, type Cell } from "@zfxxgk/edition";

export interface FlatInput {
  report: unknown;
  /** where the report was read from */
  file: string;
  sha256?: string;
}

export type FlattenErrorCode = "NO-REPORTS" | "NOT-A-REPORT" | "MIXED-EDITIONS" | "NO-SQLITE" | "SQLITE";

/** A refusal: `message` in the caller's locale, `messages` in both. */
export class FlattenError extends LocalisedError<FlattenErrorCode> {}

const META = ["file", "sha256", "edition", "year", "agency", "agencyKind", "agencyLevel", "scope"] as const;
const META_LABELS = ["文件", "SHA-256", "格式版本", "报告年度", "机关名称", "机关类型", "行政层级", "报告范围"];

const at = getPath;

/** A value as a column can hold it: what is not a string or a number is kept as its JSON text, never dropped. */
const scalar = (v: unknown): string | number | null =>
  v === undefined || v === null ? null : typeof v === "string" || (typeof v === "number" && Number.isFinite(v)) ? v : JSON.stringify(v);

function meta(input: FlatInput): (string | number | null)[] {
  const r = input.report as any;
  return [input.file, input.sha256 ?? null, r.edition, r.year, r.agency?.name, r.agency?.kind, r.agency?.level, r.scope ?? "agency"].map(
    scalar,
  );
}

/**
 * A text cell a spreadsheet would run as a formula (=HYPERLINK(…), +, -, @, or a leading tab or
 * carriage return), prefixed with an apostrophe as OWASP recommends, so that it is shown as
 * text. Numbers are numbers, and stay as they are.
 */
export function neutraliseFormula(v: string | number | null): string | number | null {
  return typeof v === "string" && /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
}

export type { Locale };
export interface FlattenOptions {
  /** language of the errors (default zh-CN) */
  locale?: Locale;
}

const words = {
  none: { "zh-CN": "没有可处理的报告", en: "no reports to flatten" },
  notReport: { "zh-CN": "{file}：不是可识别的年度报告", en: "{file}: not a report of a known edition" },
  mixed: {
    "zh-CN": "报告的格式版本不同（{editions}），列不同，请分别处理",
    en: "reports of editions {editions} have different columns; flatten each edition apart",
  },
  open: { "zh-CN": "{path}：无法打开数据库（{detail}）", en: "{path}: cannot open the database ({detail})" },
  kept: { "zh-CN": "{path}：{detail}；数据库未作任何改动", en: "{path}: {detail}; the database was left as it was" },
  noSqlite: {
    "zh-CN": "无法加载 better-sqlite3（{detail}）；npm 11 默认不构建其本地模块，请运行 `{fix}`",
    en: "better-sqlite3 cannot be loaded ({detail}); npm 11 skips its native build unless allowed: run `{fix}`",
  },
} satisfies Catalogue;

const refuse = (code: FlattenErrorCode, key: keyof typeof words, locale: Locale, vars: Record<string, string> = {}) =>
  new FlattenError(code, LocalisedError.text(words[key], vars), locale);

function editionOf(inputs: FlatInput[], locale: Locale): string {
  if (inputs.length === 0) throw refuse("NO-REPORTS", "none", locale);
  const editions = new Set<string>();
  for (const i of inputs) {
    const e = (i.report as { edition?: unknown } | null)?.edition;
    if (!isEdition(e)) {
      throw refuse("NOT-A-REPORT", "notReport", locale, { file: String(i.file) });
    }
    editions.add(e);
  }
  if (editions.size > 1) {
    throw refuse("MIXED-EDITIONS", "mixed", locale, { editions: [...editions].join(", ") });
  }
  return [...editions][0]!;
}

/** A cell's value as stored: the figure, or null for a blank (and for a value that is not a figure). */
function value(r: unknown, cell: Cell): number | null {
  const v = at(r, cell.path);
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}

/**
 * CSV, UTF-8 with a BOM so that Excel reads the Chinese: a header row of keys
 * (applications.newReceived.naturalPerson), a second of the format's labels, then a row per report.
 */
export function toCsv(inputs: FlatInput[], options: FlattenOptions = {}): string {
  const cells = cellsOf(editionOf(inputs, localeOf(options.locale)));
  const rows: (string | number | null)[][] = [
    [...META, ...cells.map((c) => c.path.join("."))],
    [...META_LABELS, ...cells.map((c) => c.labelPath.join(LABEL_SEPARATOR))],
    ...inputs.map((i) => [...meta(i).map(neutraliseFormula), ...cells.map((c) => value(i.report, c))]),
  ];
  return `\uFEFF${stringify(rows, { record_delimiter: "\r\n", cast: { number: (n) => String(n) } })}`;
}

/**
 * better-sqlite3 is a native module: loaded only when a database is asked for, so that CSV (and
 * every other command of a tool that depends on this package) works where it was not built.
 */
async function sqlite(locale: Locale): Promise<typeof import("better-sqlite3")> {
  try {
    return (await import("better-sqlite3")).default;
  } catch (e) {
    const fix = "npm install-scripts approve better-sqlite3 && npm rebuild better-sqlite3";
    throw refuse("NO-SQLITE", "noSqlite", locale, { detail: (e as Error).message.split("\n")[0]!, fix });
  }
}

/**
 * A SQLite database at `path` (its two tables replaced if it exists): `reports` (one row per
 * report) and `cells` (one row per report and cell: pointer, table, row and column labels,
 * value). Everything happens in one transaction: when anything fails, the database is left as
 * it was.
 */
export async function toSqlite(
  inputs: FlatInput[],
  path: string,
  options: FlattenOptions = {},
): Promise<{ reports: number; cells: number }> {
  const locale = localeOf(options.locale);
  const cells = cellsOf(editionOf(inputs, locale));
  const Database = await sqlite(locale);
  let db;
  try {
    db = new Database(path);
  } catch (e) {
    throw refuse("SQLITE", "open", locale, { path, detail: (e as Error).message });
  }
  try {
    return fill(db, inputs, cells);
  } catch (e) {
    if (e instanceof FlattenError) throw e;
    throw refuse("SQLITE", "kept", locale, { path, detail: (e as Error).message });
  } finally {
    db.close();
  }
}

function fill(db: import("better-sqlite3").Database, inputs: FlatInput[], cells: readonly Cell[]): { reports: number; cells: number } {
  let n = 0;
  db.transaction(() => {
    db.exec(`
      DROP TABLE IF EXISTS cells; DROP TABLE IF EXISTS reports;
      CREATE TABLE reports (
        id INTEGER PRIMARY KEY, file TEXT NOT NULL, sha256 TEXT, edition TEXT NOT NULL, year INTEGER,
        agency TEXT, agency_kind TEXT, agency_level TEXT, scope TEXT
      );
      CREATE TABLE cells (
        report_id INTEGER NOT NULL REFERENCES reports(id), pointer TEXT NOT NULL,
        tbl TEXT NOT NULL, row TEXT NOT NULL, col TEXT NOT NULL, value NUMERIC,
        PRIMARY KEY (report_id, pointer)
      );
      CREATE INDEX cells_pointer ON cells(pointer);
    `);
    const addReport = db.prepare(
      "INSERT INTO reports (id, file, sha256, edition, year, agency, agency_kind, agency_level, scope) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    );
    const addCell = db.prepare("INSERT INTO cells (report_id, pointer, tbl, row, col, value) VALUES (?, ?, ?, ?, ?, ?)");
    const split = cells.map((c) => ({
      table: c.labelPath[0]!,
      row: c.labelPath.slice(1, -1).join(LABEL_SEPARATOR),
      col: c.labelPath.at(-1)!,
    }));
    inputs.forEach((input, i) => {
      addReport.run(i + 1, ...meta(input));
      cells.forEach((c, k) => {
        addCell.run(i + 1, c.pointer, split[k]!.table, split[k]!.row, split[k]!.col, value(input.report, c));
        n++;
      });
    });
  })();
  return { reports: inputs.length, cells: n };
}
