// Why nothing could be imported, as a small typed error that importReport turns into a diagnostic
// (importReport itself never throws).
export type FailureCode = "unreadable" | "not-a-report" | "too-large" | "timeout" | "encrypted" | "scanned";

export class ImportFailure extends Error {
  constructor(
    readonly code: FailureCode,
    message: string,
  ) {
    super(message);
    this.name = "ImportFailure";
  }
}
