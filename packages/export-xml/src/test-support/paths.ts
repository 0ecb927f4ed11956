// Where tests find the repo's files, the XSD, the golden file and the shared corpus.
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";

export const packageRoot = resolve(import.meta.dirname, "../..");
export const repoRoot = resolve(packageRoot, "../..");
export const shared = process.env.ZFXXGK_SHARED ?? resolve(repoRoot, "../shared");
if (!existsSync(join(shared, "corpus"))) {
  throw new Error(`the shared corpus is not at ${shared}: clone the repo beside shared/ or set ZFXXGK_SHARED`);
}
export const xsdFile = (edition = "2021"): string => join(packageRoot, `xsd/${edition}/report.xsd`);
export const goldenFile = join(packageRoot, "golden/tacheng-2024.xml");
export const seedFile = join(repoRoot, "examples/tacheng-2024/report.json");

export const readJson = (path: string): any => JSON.parse(readFileSync(path, "utf8"));
export const seedReport = (): any => readJson(seedFile);
