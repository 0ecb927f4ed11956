// What became of every cell, and the import's status: what an integrator importing thousands of
// reports sorts by, so that only the files that need a person are looked at.
import type { Completeness, ImportStats, ImportStatus, TableName } from "../types.js";

/**
 * More than this share of the cells not read (ambiguous or not found) makes an import failed even
 * with every table found: such a reading says more about the reader than about the report.
 */
export const FAILED_SHARE = 0.5;

export const ALL_TABLES: TableName[] = ["proactiveDisclosure", "applications", "reviewAndLitigation"];

export function completenessOf(stats: ImportStats, tablesNotFound: TableName[]): Completeness {
  return {
    cells: stats.cells,
    readAsPrinted: stats.read,
    placedByRules: stats.inferred,
    blankAsPrinted: stats.blank,
    splitByRules: stats.splitByRules,
    ambiguous: stats.ambiguous,
    notFound: stats.missing,
    tablesNotFound,
  };
}

export function statusOf(c: Completeness, imported: boolean): ImportStatus {
  const notRead = c.ambiguous + c.notFound;
  if (!imported || c.tablesNotFound.length > 0 || notRead > FAILED_SHARE * c.cells) return "failed";
  return notRead === 0 ? "complete" : "partial";
}
