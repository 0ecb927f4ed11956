export { validate, editions, toolkitVersion, MAX_DEPTH, tooDeep, type ValidateOptions } from "./validate.js";
export { fill, fillWithDetails, type FillResult } from "./fill.js";
export type { Issue, ValidationResult, Severity, Category, CellValue } from "./issue.js";
export { locales, type Locale } from "./messages.js";
export { creditCodeCheckChar } from "./credit-code.js";
export { tableCells, nodeLabel, type Cell } from "./cells.js";
export { labelPathOf } from "./labels.js";
