// renderHtml: a report of the 2021 edition → a complete page or a fragment for a CMS.
import type { Report2021 } from "@zfxxgk/types";
import { RenderError } from "./errors.js";
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
 * Renders the report in the official layout. It does not validate: a blank (null) cell prints
 * as an empty cell, and whatever the report holds is escaped, so an invalid report renders too.
 */
export function renderHtml(report: Report2021, options: RenderHtmlOptions = {}): string {
  const { mode = "document", locale = "zh-CN" } = options;
  const edition = (report as { edition?: unknown } | null)?.edition;
  if (edition !== "2021") {
    throw new RenderError("EDITION", `cannot render edition ${JSON.stringify(edition)}: only the 2021 edition is supported`);
  }
  if (mode !== "document" && mode !== "fragment") throw new RenderError("OPTION", `mode must be "document" or "fragment", not ${JSON.stringify(mode)}`);
  if (locale !== "zh-CN" && locale !== "en") throw new RenderError("OPTION", `locale must be "zh-CN" or "en", not ${JSON.stringify(locale)}`);
  const view = reportView(report, locale);
  return (mode === "document" ? documentTemplate : fragmentTemplate)(view);
}
