// The two ways this package fails: a report it cannot write as XML without losing or changing
// something, and a document it cannot read back as a report.

export type XmlExportErrorCode =
  /** the report's edition has no XML vocabulary here */
  | "EDITION"
  /** a string holds a character XML 1.0 cannot carry (control character, lone surrogate, U+FFFE/U+FFFF) */
  | "FORBIDDEN-CHARACTER"
  /**
   * a value of another JSON type than the schema's, a non-finite number, a missing required member, or a member the format
   * does not have
   */
  | "SHAPE";

export class XmlExportError extends Error {
  constructor(
    readonly code: XmlExportErrorCode,
    message: string,
    /** JSON pointer of the value, e.g. /applications/notes/0 ("" for the report itself). */
    readonly pointer: string,
  ) {
    super(message);
    this.name = "XmlExportError";
  }
}

export type XmlParseErrorCode =
  /** not XML 1.0, or XML that breaks well-formedness (incl. forbidden characters and bad references) */
  | "NOT-WELL-FORMED"
  /** a DOCTYPE declaration: refused, as report XML needs none */
  | "DOCTYPE"
  /** the root is not <report> in the namespace of an edition */
  | "NOT-A-REPORT"
  /** an element, attribute or text where the vocabulary has none, or a required one missing */
  | "STRUCTURE"
  /** a value that is not of its element's type, e.g. "12a" for a count */
  | "VALUE";

export class XmlParseError extends Error {
  constructor(
    readonly code: XmlParseErrorCode,
    message: string,
    readonly line?: number,
    readonly column?: number,
    /** The element concerned, as a path of local names, e.g. /report/applications/newReceived. */
    readonly path?: string,
  ) {
    super(message);
    this.name = "XmlParseError";
  }
}
