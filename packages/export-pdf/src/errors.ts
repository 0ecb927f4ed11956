// What renderPdf cannot do: print without a Chromium, or print a report renderHtml refuses.
export type PdfExportErrorCode =
  /** no Chromium found (nor at the path given): the message names the package to install */
  | "NO-CHROMIUM"
  /** Chromium is there but did not start or did not print (crashed, timed out) */
  | "PRINT-FAILED"
  /** an option renderPdf does not know, or a value it does not take */
  | "OPTION";

export class PdfExportError extends Error {
  constructor(
    readonly code: PdfExportErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "PdfExportError";
  }
}
