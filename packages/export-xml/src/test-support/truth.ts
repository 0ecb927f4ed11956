// The corpus truth files of the 2021 edition (every table figure, hand-checked against the
// published source) and the 2021 table keys the XML tests walk. The report made from a truth
// file is the validator's test helper, the one every package's tests share.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { labels } from "@zfxxgk/schema";
import { rowsOf } from "@zfxxgk/edition";
import { readTruth } from "../../../validator/src/test-support/report.js";
import { corpus } from "./paths.js";

export { readTruth, reportFromTruth, type Truth } from "../../../validator/src/test-support/report.js";

const t3 = labels["2021"].applications;
/** Table 三's leaf rows, as dotted paths in print order (group headers have no cells). */
export const table3Rows = rowsOf("2021", "applications").map((r) => r.key);
export const table3Columns = Object.keys(t3.columns);
export const table4Groups = rowsOf("2021", "reviewAndLitigation").map((r) => r.key);
export const table4Columns = Object.keys(labels["2021"].reviewAndLitigation.columns);

/** 2021-edition truth files (25 rows in table 三). */
export const truthNames: string[] = readdirSync(join(corpus, "truth"))
  .filter((f) => f.endsWith(".json"))
  .map((f) => f.slice(0, -5))
  .filter((name) => Object.keys(readTruth(name).table3Rows).length === table3Rows.length);
