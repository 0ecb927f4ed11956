// Word input for the importer: .docx (a ZIP holding word/document.xml) and legacy .doc (an OLE
// compound file), both told by their magic bytes and turned into HTML for the HTML reader.
import type { Locale } from "../../types.js";
import { docToHtml, isCfb } from "./doc.js";
import { docxToHtml, isZip } from "./docx.js";
import { WordFailure } from "./failure.js";
import { sayWord } from "./messages.js";

export type WordFormat = "docx" | "doc";

/** "docx" for any ZIP, "doc" for any compound file: neither is ever a text or HTML report. */
export function wordFormat(bytes: Uint8Array): WordFormat | null {
  if (isZip(bytes)) return "docx";
  if (isCfb(bytes)) return "doc";
  return null;
}

export type WordReading = { html: string } | { failure: { code: "unreadable" | "too-large"; message: string } };

/** The Word format to read the input as: by its magic bytes, else as the caller asked; null when not Word. */
export function wordInput(bytes: Uint8Array | null, asked: string | null): WordFormat | null {
  if (!bytes || (asked !== null && asked !== "docx" && asked !== "doc")) return null;
  return wordFormat(bytes) ?? (asked as WordFormat | null);
}

/** The document as HTML, or why it cannot be read (in the locale's words); never throws. */
export function readWord(bytes: Uint8Array, asked: WordFormat, locale: Locale): WordReading {
  // what the bytes are decides the reader: an encrypted .docx is a compound file
  const format = wordFormat(bytes) ?? asked;
  try {
    return { html: format === "docx" ? docxToHtml(bytes) : docToHtml(bytes) };
  } catch (e) {
    if (e instanceof WordFailure) return { failure: { code: e.code, message: e.messages[locale] } };
    // a RangeError or a read past an array's end on a damaged file: still that file's fault
    const detail = e instanceof Error ? e.message : String(e);
    return { failure: { code: "unreadable", message: sayWord(format === "docx" ? "zipBroken" : "docBroken", locale, { detail }) } };
  }
}
