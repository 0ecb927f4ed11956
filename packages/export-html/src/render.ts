// renderHtml: a report of the 2021 edition or of the 2019 trial edition → a complete page or a
// fragment for a CMS, in the layout of the report's own edition.
import type { Report } from "@zfxxgk/types";
import { RenderError } from "./errors.js";
import { editionModel, editions, isEdition, type EditionModel } from "@zfxxgk/edition";
import { compiled } from "./templates.js";
import { reportView, type Locale } from "./view.js";

export interface RenderHtmlOptions {
  /** document (default): a complete <!doctype html> page with its CSS; fragment: the <article> only */
  mode?: "document" | "fragment";
  /**
   * Language of what the page adds for assistive technology (the note in a blank cell). The
   * report itself is printed as written, in Chinese, whatever the locale.
   */
  locale?: Locale;
}

const documentTemplate = compiled.document!;
const fragmentTemplate = compiled.report!;

/**
 * Renders the report in the official layout of its edition (`report.edition`: "2021" or "2019").
 * It does not validate: a blank (null) cell prints as an empty cell, and whatever the report
 * holds is escaped, so an invalid report renders too.
 */
export function renderHtml(report: Report, options: RenderHtmlOptions = {}): string {
  const edition = (report as { edition?: unknown } | null)?.edition;
  if (!isEdition(edition)) {
    throw new RenderError(
      "EDITION",
      `cannot render edition ${JSON.stringify(edition)}: the editions supported are ${editions.join(" and ")}`,
    );
  }
  return renderWithModel(report, editionModel(edition), options);
}

/** renderHtml in the layout of a given edition model (a test edition's, say) rather than the report's. */
export function renderWithModel(report: Report, model: EditionModel, options: RenderHtmlOptions = {}): string {
  const { mode = "document", locale = "zh-CN" } = options;
  if (mode !== "document" && mode !== "fragment")
    throw new RenderError("OPTION", `mode must be "document" or "fragment", not ${JSON.stringify(mode)}`);
  if (locale !== "zh-CN" && locale !== "en")
    throw new RenderError("OPTION", `locale must be "zh-CN" or "en", not ${JSON.stringify(locale)}`);
  const view = reportView(report, model, locale);
  return (mode === "document" ? documentTemplate : fragmentTemplate)(view);
}
