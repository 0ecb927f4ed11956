// @zfxxgk/export-xml: a report as XML (renderXml), the XML back as a report (parseXml).
export { renderXml, type RenderXmlOptions } from "./render.js";
export { parseXml, type ParseXmlOptions } from "./parse.js";
export { XmlExportError, XmlParseError, type XmlExportErrorCode, type XmlParseErrorCode } from "./errors.js";
export { xmlEditions } from "./editions.js";
export { namespaceOf } from "../vocabulary/index.js";
export { locales, type Locale } from "./messages.js";
// the XML 1.0 character check, for the other exporters that write XML (@zfxxgk/export-docx)
export { firstForbidden } from "./chars.js";
