// An index of the standard's files; the package holds data, not logic.
// createRequire rather than JSON import attributes: Node 20 warns on JSON modules.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

export const editions = ["2021", "2019"];

export const reportSchemas = {
  2021: require("./schemas/2021/report.schema.json"),
  2019: require("./schemas/2019/report.schema.json"),
};
export const labels = {
  2021: require("./labels/2021.json"),
  2019: require("./labels/2019.json"),
};
export const rules = {
  2021: require("./rules/2021.json"),
  2019: require("./rules/2019.json"),
};
export const rulesSchema = require("./rules/rules.schema.json");
