// Reports flattened for spreadsheets and SQL (as FOIA.gov's CSV data set and OCDS flatten-tool
// do): CSV with one row per report and one column per table cell, and a SQLite database with a
// reports table and a long cells table. A blank cell stays blank (empty / NULL), never 0.
import { stringify } from "csv-stringify/sync";
import { getPath } from "@zfxxgk/i18n";
import { cellsOf, isEdition, LABEL_SEPARATOR, type Cell } from "@zfxxgk/edition";

export interface FlatInput {
  report: unknown;
  /** where the report was read from */
  file: string;
  sha256?: string;
}

export class FlattenError extends Error {
  constructor(
    readonly code: "NO-REPORTS" | "NOT-A-REPORT" | "MIXED-EDITIONS" | "NO-SQLITE",
    message: string,
  ) {
    super(message);
    this.name = "FlattenError";
  }
}

const META = ["file", "sha256", "edition", "year", "agency", "agencyKind", "agencyLevel", "scope"] as const;
const META_LABELS = ["文件", "SHA-256", "格式版本", "报告年度", "机关名称", "机关类型", "行政层级", "报告范围"];

const at = getPath;

function meta(input: FlatInput): (string | number | null)[] {
  const r = input.report as any;
  return [input.file, input.sha256 ?? null, r.edition, r.year ?? null, r.agency?.name ?? null, r.agency?.kind ?? null, r.agency?.level ?? null, r.scope ?? "agency"];
}

function editionOf(inputs: FlatInput[]): string {
  if (inputs.length === 0) throw new FlattenError("NO-REPORTS", "no reports to flatten / 没有可处理的报告");
  const editions = new Set<string>();
  for (const i of inputs) {
    const e = (i.report as { edition?: unknown } | null)?.edition;
    if (!isEdition(e)) {
      throw new FlattenError("NOT-A-REPORT", `${i.file}: not a report of a known edition / 不是可识别的年度报告`);
    }
    editions.add(e);
  }
  if (editions.size > 1) {
    throw new FlattenError("MIXED-EDITIONS", `reports of editions ${[...editions].join(", ")} have different columns; flatten each edition apart / 不同格式版本的报告列不同，请分别处理`);
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
export function toCsv(inputs: FlatInput[]): string {
  const cells = cellsOf(editionOf(inputs));
  const rows: (string | number | null)[][] = [
    [...META, ...cells.map((c) => c.path.join("."))],
    [...META_LABELS, ...cells.map((c) => c.labelPath.join(LABEL_SEPARATOR))],
    ...inputs.map((i) => [...meta(i), ...cells.map((c) => value(i.report, c))]),
  ];
  return `\uFEFF${stringify(rows, { record_delimiter: "\r\n", cast: { number: (n) => String(n) } })}`;
}

/**
 * better-sqlite3 is a native module: loaded only when a database is asked for, so that CSV (and
 * every other command of a tool that depends on this package) works where it was not built.
 */
async function sqlite(): Promise<typeof import("better-sqlite3")> {
  try {
    return (await import("better-sqlite3")).default;
  } catch (e) {
    throw new FlattenError(
      "NO-SQLITE",
      `better-sqlite3 cannot be loaded (${(e as Error).message.split("\n")[0]}); npm 11 skips its native build unless allowed: run \`npm install-scripts approve better-sqlite3 && npm rebuild better-sqlite3\` / 无法加载 better-sqlite3，请允许并重新构建它`,
    );
  }
}

/**
 * A SQLite database at `path` (replaced if it exists): `reports` (one row per report) and
 * `cells` (one row per report and cell: pointer, table, row and column labels, value).
 */
export async function toSqlite(inputs: FlatInput[], path: string): Promise<{ reports: number; cells: number }> {
  const cells = cellsOf(editionOf(inputs));
  const Database = await sqlite();
  const db = new Database(path);
  try {
    db.pragma("journal_mode = OFF");
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
    const addReport = db.prepare("INSERT INTO reports (id, file, sha256, edition, year, agency, agency_kind, agency_level, scope) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    const addCell = db.prepare("INSERT INTO cells (report_id, pointer, tbl, row, col, value) VALUES (?, ?, ?, ?, ?, ?)");
    const split = cells.map((c) => ({ table: c.labelPath[0]!, row: c.labelPath.slice(1, -1).join(LABEL_SEPARATOR), col: c.labelPath.at(-1)! }));
    let n = 0;
    db.transaction(() => {
      inputs.forEach((input, i) => {
        addReport.run(i + 1, ...meta(input));
        cells.forEach((c, k) => {
          addCell.run(i + 1, c.pointer, split[k]!.table, split[k]!.row, split[k]!.col, value(input.report, c));
          n++;
        });
      });
    })();
    return { reports: inputs.length, cells: n };
  } finally {
    db.close();
  }
}
