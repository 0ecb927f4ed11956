// @zfxxgk/import: published 政府信息公开工作年度报告 (PDF, text, HTML pages) → report JSON, saying
// what could not be read instead of guessing.
export { importReport, FAILED_SHARE, MAX_PDF_BYTES, MAX_TEXT_BYTES } from "./import-report.js";
export type {
  Completeness,
  Diagnostic,
  ImportStatus,
  TableName,
  DiagnosticReason,
  Edition,
  EditionReport,
  ImportedReport,
  ImportOptions,
  ImportResult,
  ImportWithModelOptions,
  ReportFrame,
  ImportStats,
  InputFormat,
  Locale,
  SourcePosition,
} from "./types.js";
