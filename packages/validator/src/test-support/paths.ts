// Where tests find the repo's example and the real-report corpus (corpus/).
import { join, resolve } from "node:path";

export const repoRoot = resolve(import.meta.dirname, "../../../..");
export const corpus = join(repoRoot, "corpus");
export const schemaDir = join(repoRoot, "packages/schema");
