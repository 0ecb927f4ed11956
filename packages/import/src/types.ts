// The importer's public shapes: options, the result, and the diagnostics that say what was not read plainly.
import type { EditionModel } from "@zfxxgk/edition";
import type { Locale } from "@zfxxgk/i18n";
import type { Report2019, Report2021 } from "@zfxxgk/types";

export type { Locale };
export type InputFormat = "pdf" | "text" | "html" | "docx" | "doc";
/** The editions this release detects by itself; any other is read when its model is handed over (`model`). */
export type Edition = "2021" | "2019";

export interface ImportOptions {
  /** "auto" (default) detects PDF, Word (.docx, .doc), HTML or text from the content. */
  format?: "auto" | InputFormat;
  /** Language of diagnostic messages; labels stay Chinese. Default zh-CN. */
  locale?: Locale;
}

/**
 * Options that hand the importer an edition model: `editionModel(e)` of @zfxxgk/edition, or the
 * model generators/model's `buildModel` makes of an edition's schema, labels and rules. The source
 * is read as that edition — its sections, rows, columns, labels and rules — and no edition is
 * detected; the result's `edition` is the model's.
 */
export interface ImportWithModelOptions extends ImportOptions {
  model: EditionModel;
}

/**
 * Why a cell (or the report) was not read plainly:
 * - inferred: the value or the cell's column was deduced, not printed where it belongs (e.g. which
 *   column a row's missing cell is, taken from sibling rows whose figures decide it);
 * - split-by-rules: figures run together in the source and the consistency rules allow one split only;
 * - ambiguous: more than one reading satisfies every rule; the cell is null and `candidates` lists them;
 * - blank: the source leaves the cell empty or writes /, —, 无…; the cell is null, `raw` is the token;
 * - missing: the row or table was not found at all;
 * - label-variant: a label differs from the format's wording but was recognised (社会组织, 规范性文件…);
 * - extra: something table-like that matches no cell of the format (an extra row of figures);
 * - layout: the source prints a row the edition splits (a 2019-style （六）其他处理 in a 2021 report):
 *   its parts stay null; `raw` is the printed row's figures;
 * - source-inconsistent: the published figures break a rule whatever the reading; reported, not fixed;
 * - edition: about the format edition (a 2019-edition report; an edition told by the year only);
 * - text: text was changed to fit the schema (markup-like "<", control characters);
 * - not-a-report, scanned, unreadable, too-large, timeout: why nothing could be imported (scanned: a
 *   PDF whose pages are images, with no text layer to read).
 */
export type DiagnosticReason =
  | "inferred"
  | "split-by-rules"
  | "ambiguous"
  | "blank"
  | "missing"
  | "label-variant"
  | "extra"
  | "layout"
  | "source-inconsistent"
  | "edition"
  | "text"
  | "not-a-report"
  | "scanned"
  | "unreadable"
  | "too-large"
  | "timeout";

/** Where in the source a diagnostic points: PDF page and line, text line, or HTML table row and column (1-based). */
export interface SourcePosition {
  page?: number;
  line?: number;
  /** character in the line (1-based), for text whose table cells run together on one line */
  column?: number;
  /** which table of the HTML page (1-based, in document order) */
  htmlTable?: number;
  htmlRow?: number;
  htmlColumn?: number;
}

export interface Diagnostic {
  /** JSON pointer of the cell or field in the report ("" for the whole report). */
  pointer: string;
  reason: DiagnosticReason;
  severity: "error" | "warning" | "info";
  message: string;
  source: SourcePosition;
  /** the source's text of the cell, e.g. "/", "—", "" or the digits that ran together */
  raw?: string;
  /** for ambiguous cells: every reading that satisfies the rules, keyed by pointer (at most 20 listed) */
  candidates?: Record<string, number | null>[];
  /** how many readings there were in all, when more than the listed candidates */
  candidateCount?: number;
}

export interface ImportStats {
  /** table cells of the edition (2021: 200) */
  cells: number;
  /** read as printed */
  read: number;
  /** split from run-together figures by the rules */
  splitByRules: number;
  /** deduced (see DiagnosticReason) */
  inferred: number;
  /** blank in the source: null */
  blank: number;
  /** more than one reading: null */
  ambiguous: number;
  /** not found: null */
  missing: number;
}

/** The edition's three tables, by their key in the report. */
export type TableName = "proactiveDisclosure" | "applications" | "reviewAndLitigation";

/**
 * What became of every table cell of the edition: each cell is counted once. An integrator reads
 * this, not the diagnostics, to know whether a person must look at the source.
 */
export interface Completeness {
  /** table cells of the edition (2021: 200) */
  cells: number;
  /** a figure read where the source prints it, in its own cell */
  readAsPrinted: number;
  /**
   * a printed figure whose column the rules placed (a row that prints fewer figures than cells: the
   * blanks' places deduced by the consistency rules or from sibling rows; diagnostics `inferred`).
   * Read, so it does not make an import partial, but not where the source shows it: worth a look.
   */
  placedByRules: number;
  /** blank in the source (empty, /, —, 无): null, as printed */
  blankAsPrinted: number;
  /** figures that ran together, split by the consistency rules (one reading only) */
  splitByRules: number;
  /** several readings hold: null, with the candidates in the diagnostics */
  ambiguous: number;
  /** not found in the source (a row, a table, a row the source's layout does not print): null */
  notFound: number;
  /** tables of which not one row was found */
  tablesNotFound: TableName[];
}

/**
 * - complete: every cell read as printed, placed by the rules, blank as printed or split by the rules;
 * - partial: some cells ambiguous or not found, but every table found and most cells read;
 * - failed: nothing usable, a table not found at all, or more than FAILED_SHARE of the cells not read.
 */
export type ImportStatus = "complete" | "partial" | "failed";

interface ImportResultBase {
  status: ImportStatus;
  completeness: Completeness;
  diagnostics: Diagnostic[];
  /** the format the input was read as, or null if it could not be read at all */
  format: InputFormat | null;
  stats: ImportStats;
}

/** Fields of a report no import sets: they belong to aggregates and migrations. */
type NotImported = "scope" | "members" | "migratedFrom";
/** The fields a source may not print: absent then, each with an error diagnostic (`missing`). */
type MayBeMissing = "year" | "title" | "agency";

type Frame2021 = Omit<Report2021, TableName | "edition" | NotImported>;
type Frame2019 = Omit<Report2019, TableName | "edition" | NotImported>;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
/** The importer fills the same fields in either edition: this fails to compile when they part. */
export type FrameIsShared = Assert<Same<Frame2021, Frame2019>>;

/**
 * What the importer writes beside the tables, typed by the generated report types: the metadata and
 * the text sections, the same in every edition so far.
 */
export type ReportFrame = Omit<Frame2021, MayBeMissing> & Partial<Pick<Frame2021, MayBeMissing>>;

/**
 * A report of some edition: the shared fields, the edition's name, and three tables laid out as the
 * edition's model says. Report2021, Report2019 and the generated type of an edition of one's own
 * (see `ImportWithModelOptions`) are all EditionReports.
 */
export type EditionReport = Frame2021 & { edition: string } & Record<TableName, object>;

/** An edition's report as imported: year, title and agency are absent where the source does not print them. */
export type ImportedReport<R extends EditionReport> = Omit<R, MayBeMissing> & Partial<Pick<R, MayBeMissing>>;

/**
 * What an import gives: a report of the edition the source follows — narrow on `edition` — or,
 * when nothing usable was found, `report: null` and `edition: null`. R is the edition's report type:
 * Report2021 or Report2019 by default, the edition's own generated type when its model is handed over.
 */
export type ImportResult<R extends EditionReport = Report2021 | Report2019> =
  | (R extends EditionReport ? ImportResultBase & { edition: R["edition"]; report: ImportedReport<R> } : never)
  | (ImportResultBase & { edition: null; report: null });
