// An index of the standard's files; the package holds data, not logic. The editions are the
// "editions" of package.json, newest first: adding one is adding its three data files and its name.
// createRequire rather than JSON import attributes: Node 20 warns on JSON modules.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

export const editions = require("./package.json").editions;

const each = (path) => Object.fromEntries(editions.map((e) => [e, require(path(e))]));
export const reportSchemas = each((e) => `./schemas/${e}/report.schema.json`);
export const labels = each((e) => `./labels/${e}.json`);
export const rules = each((e) => `./rules/${e}.json`);
export const rulesSchema = require("./rules/rules.schema.json");
