// Why nothing could be imported, as a small typed error that importReport turns into a diagnostic
// (importReport itself never throws).
export type FailureCode = "unreadable" | "not-a-report" | "too-large" | "timeout" | "table-too-large";

export class ImportFailure extends Error {
  constructor(
    readonly code: FailureCode,
    message: string,
    /** where in the source: the 1-based line */
    readonly line?: number,
  ) {
    super(message);
    this.name = "ImportFailure";
  }
}
