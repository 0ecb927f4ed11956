// The importer's data beside @zfxxgk/schema: label variants and blank-cell tokens (data/vocabulary.json).
// createRequire rather than JSON import attributes: Node 20 warns on JSON modules; the data folder
// sits beside src/ and dist/ alike, so one relative path serves both.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

export interface Vocabulary {
  labelAliases: Record<string, { aliases: string[]; editions?: string[] }>;
  blankTokens: string[];
}

export const vocabulary = require("../data/vocabulary.json") as Vocabulary;

/** CJK Radicals Supplement → unified ideograph (Unicode's EquivalentUnifiedIdeograph.txt). */
export const radicals = (require("../data/cjk-radicals.json") as { map: Record<string, string> }).map;

/** Groups of characters OCR and PDF extraction take for one another (data/lookalikes.json). */
export const lookalikeGroups = (require("../data/lookalikes.json") as { groups: string[][] }).groups;
