// Where tests find the repo's example and the shared corpus (a sibling of the checkout).
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";

export const repoRoot = resolve(import.meta.dirname, "../../../..");
export const shared = process.env.ZFXXGK_SHARED ?? resolve(repoRoot, "../shared");
if (!existsSync(join(shared, "corpus"))) {
  throw new Error(`the shared corpus is not at ${shared}: clone the repo beside shared/ or set ZFXXGK_SHARED`);
}
export const corpus = join(shared, "corpus");
export const example = join(repoRoot, "examples/tacheng-2024/report.json");
