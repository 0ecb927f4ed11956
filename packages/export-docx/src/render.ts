// renderDocx: a report of the 2021 edition or of the 2019 trial edition → a Word document (.docx),
// in the layout of the report's own edition. Pure: no DOM, no file system, so it runs in Node and
// in a browser (packages/editor) and gives the same bytes in both.
import { editions, type RenderEdition } from "@zfxxgk/export-html";
import type { Report } from "@zfxxgk/types";
import { checkCharacters } from "./check.js";
import { DocxExportError } from "./errors.js";
import { locales, say, type Locale } from "./messages.js";
import { compiled, partTemplates } from "./templates.js";
import { documentView } from "./view.js";
import { deflatedEntry, ZipWriter, type Entry } from "./zip.js";

export interface RenderDocxOptions {
  /** Language of error messages; the document itself is the report as written, in Chinese. Default zh-CN. */
  locale?: Locale;
}

const encoder = new TextEncoder();
const fixed = (name: string, template: string): Entry => deflatedEntry(name, encoder.encode(partTemplates[template]!({})));

// the parts that are the same for every report, deflated once; [Content_Types].xml first, as
// every Office writer puts it
const before = [fixed("[Content_Types].xml", "content-types"), fixed("_rels/.rels", "package-rels")];
const after: Entry[] = [
  fixed("word/_rels/document.xml.rels", "document-rels"),
  fixed("word/styles.xml", "styles"),
  fixed("word/settings.xml", "settings"),
  fixed("word/fontTable.xml", "font-table"),
  fixed("word/footer1.xml", "footer"),
];
// the names of the two parts written per report, encoded once
const CORE = encoder.encode("docProps/core.xml");
const DOCUMENT = encoder.encode("word/document.xml");
const fixedRoom = [...before, ...after].reduce((n, e) => n + 30 + 46 + 2 * e.name.length + e.data.length, 0);

const isEdition = (e: unknown): e is RenderEdition => (editions as readonly unknown[]).includes(e);

/**
 * Writes the report as a .docx in the official layout of its edition (`report.edition`). It does
 * not validate: a blank (null) cell is an empty cell, and whatever text the report holds is
 * written as text. Throws DocxExportError for an edition it does not lay out, an unknown option
 * value, or a string holding a character XML 1.0 cannot carry (with its JSON pointer).
 */
export function renderDocx(report: Report, options: RenderDocxOptions = {}): Uint8Array {
  const { locale = "zh-CN" } = options;
  if (!locales.includes(locale)) {
    throw new DocxExportError(
      "OPTION",
      say("option", "zh-CN", { name: "locale", value: JSON.stringify(locale) ?? String(locale), allowed: locales.join(" / ") }),
      "",
    );
  }
  const edition = (report as { edition?: unknown } | null)?.edition;
  if (!isEdition(edition)) {
    throw new DocxExportError(
      "EDITION",
      say("edition", locale, { edition: JSON.stringify(edition) ?? "—", editions: editions.join(", ") }),
      "/edition",
    );
  }
  checkCharacters(report, locale);
  const view = documentView(report, edition);
  // core.xml is a byte string too (bytes.ts)
  const core = partTemplates.core!(view.properties);
  const document = compiled.document!(view);
  const out = new ZipWriter(fixedRoom + ZipWriter.roomFor(CORE, core) + ZipWriter.roomFor(DOCUMENT, document));
  for (const e of before) out.add(e);
  out.addBytes(CORE, core);
  out.addBytes(DOCUMENT, document);
  for (const e of after) out.add(e);
  return out.finish();
}
