// @zfxxgk/export-html: a 政府信息公开工作年度报告 as publishable HTML in the official table layout.
export { renderHtml, type RenderHtmlOptions } from "./render.js";
export { RenderError } from "./errors.js";
export { stylesheet } from "./templates.js";
// the table layouts of each edition, derived from the labels: @zfxxgk/export-docx lays its tables out from them too
export { layouts, editions, type EditionLayout, type RenderEdition } from "./layout.js";
// how values are written, shared with @zfxxgk/export-docx so that both documents write them alike
export { chineseDate, linesOf, plainNumber } from "./format.js";
