// @zfxxgk/export-pdf: a 政府信息公开工作年度报告 printed to PDF by Chromium, in the HTML export's A4 layout.
export { renderPdf, type RenderPdfOptions, type Locale } from "./render.js";
export { PdfExportError, type PdfExportErrorCode } from "./errors.js";
