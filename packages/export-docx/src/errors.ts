// What renderDocx refuses: a report of another edition, an option it does not know, and text that
// XML 1.0 — and so a Word document — cannot carry.
export type DocxExportErrorCode =
  /** the report's edition is not one renderDocx lays out */
  | "EDITION"
  /** an option renderDocx does not know, or a value it does not take */
  | "OPTION"
  /** a string holds a character XML 1.0 cannot carry (control character, lone surrogate, U+FFFE/U+FFFF) */
  | "FORBIDDEN-CHARACTER";

export class DocxExportError extends Error {
  constructor(
    readonly code: DocxExportErrorCode,
    message: string,
    /** JSON pointer of the value concerned, e.g. /applications/notes/0 ("" for the report itself) */
    readonly pointer: string,
  ) {
    super(message);
    this.name = "DocxExportError";
  }
}
