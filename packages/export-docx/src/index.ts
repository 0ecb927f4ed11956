// @zfxxgk/export-docx: a 政府信息公开工作年度报告 as a Word document in the official layout.
export { renderDocx, type RenderDocxOptions } from "./render.js";
export { DocxExportError, type DocxExportErrorCode } from "./errors.js";
export { locales, type Locale } from "./messages.js";
