// renderXml: a report as an XML document in its edition's namespace (element names from the
// schema keys, nulls as xsi:nil), readable back by parseXml into the same report.
import type { Report } from "@zfxxgk/types";
import { editionOf, rootElement, xmlEditions } from "./editions.js";
import { XmlExportError } from "./errors.js";
import { localeOf, say, type Locale } from "./messages.js";
import { reportTemplate } from "./templates.js";
import { viewOf } from "./view.js";

export interface RenderXmlOptions {
  /** Language of error messages. Default zh-CN. */
  locale?: Locale;
}

/**
 * Writes the report as XML. Does not validate: a report that breaks the schema's patterns,
 * ranges or rules is written as it is (the XSD and the validator catch that). Throws
 * XmlExportError where XML would lose or change something: a character XML 1.0 cannot carry, a
 * value of another type than the schema's, a missing required member, an unknown member.
 */
export function renderXml(report: Report, options: RenderXmlOptions = {}): string {
  const locale = localeOf(options.locale);
  const edition = editionOf((report as { edition?: unknown } | null)?.edition);
  if (!edition) {
    const found = (report as { edition?: unknown } | null)?.edition;
    throw new XmlExportError(
      "EDITION",
      say("edition", locale, { edition: JSON.stringify(found) ?? "—", editions: xmlEditions.join(", ") }),
      "/edition",
    );
  }
  const children = viewOf(edition.shape, report, locale);
  return reportTemplate({ name: rootElement, namespace: edition.namespace, children });
}
