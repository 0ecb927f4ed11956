// What renderHtml refuses: a report of another edition, an option it does not know.
export class RenderError extends Error {
  constructor(
    readonly code: "EDITION" | "OPTION",
    message: string,
  ) {
    super(message);
    this.name = "RenderError";
  }
}
