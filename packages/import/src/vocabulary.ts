// The importer's data beside @zfxxgk/schema: label variants, blank-cell tokens (data/vocabulary.json)
// and the 2019 edition's table 二 (data/edition-2019.json).
// createRequire rather than JSON import attributes: Node 20 warns on JSON modules; the data folder
// sits beside src/ and dist/ alike, so one relative path serves both.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

export interface Vocabulary {
  labelAliases: Record<string, { aliases: string[]; editions?: string[] }>;
  blankTokens: string[];
}

export interface Table2Labels {
  labelColumnHeader: string;
  blocks: Record<string, { caption: string; columns: Record<string, string>; rows: Record<string, string> }>;
}

export interface Edition2019Data {
  edition: "2019";
  proactiveDisclosure: Table2Labels;
  columnKinds: Record<string, "signed" | "money">;
}

export const vocabulary = require("../data/vocabulary.json") as Vocabulary;

/** CJK Radicals Supplement → unified ideograph (Unicode's EquivalentUnifiedIdeograph.txt). */
export const radicals = (require("../data/cjk-radicals.json") as { map: Record<string, string> }).map;
export const edition2019 = require("../data/edition-2019.json") as Edition2019Data;
