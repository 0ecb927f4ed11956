// Where tests find the repo's files, the XSD, the golden file and the real-report corpus (corpus/).
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";

export const packageRoot = resolve(import.meta.dirname, "../..");
export const repoRoot = resolve(packageRoot, "../..");
export const corpus = join(repoRoot, "corpus");
export const xsdFile = (edition = "2021"): string => join(packageRoot, `xsd/${edition}/report.xsd`);
export const goldenFile = join(packageRoot, "golden/tacheng-2024.xml");
export const seedFile = join(repoRoot, "examples/tacheng-2024/report.json");

export const readJson = (path: string): any => JSON.parse(readFileSync(path, "utf8"));
export const seedReport = (): any => readJson(seedFile);
