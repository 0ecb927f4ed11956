// The result of validation: one issue per finding, each naming its cell.
import type { Locale } from "./messages.js";

export type Severity = "error" | "warning" | "info";
export type Category = "schema" | "arithmetic" | "completeness" | "timeliness" | "identity" | "cross-year";

export interface CellValue {
  pointer: string;
  labelPath: string;
  value: number | null | undefined;
  /** true when the cell is last year's (a cross-year rule) */
  previousYear?: boolean;
}

export interface Issue {
  /** Rule id (R1, BLANK-CELL, …) or SCHEMA-<keyword> for schema errors. */
  code: string;
  severity: Severity;
  category: Category;
  /** JSON pointer of the offending value ("" is the whole report). */
  pointer: string;
  /** The Chinese labels of the cell as the format prints them, e.g. 表三 › … › 自然人. */
  labelPath: string;
  message: string;
  expected?: number | string;
  actual?: number | string | null;
  /** Every cell a rule read, with its value. */
  cells?: CellValue[];
  /** The rule could not be checked (a cell it reads is blank or invalid). */
  skipped?: true;
}

export interface ValidationResult {
  /** true when no issue has severity "error". */
  valid: boolean;
  /** The edition the report was checked against, or null if it names none we know. */
  edition: string | null;
  /** Version of @zfxxgk/validator that produced the result. */
  toolkitVersion: string;
  locale: Locale;
  counts: Record<Severity, number>;
  issues: Issue[];
}
