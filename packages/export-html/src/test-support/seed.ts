// The seed report (examples/tacheng-2024), the 2019-edition report (平潭 2019), and report
// variants the tests build from them.
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Report, Report2019, Report2021 } from "@zfxxgk/types";

export const repoRoot = resolve(import.meta.dirname, "../../../..");

export function seed(): Report2021 {
  return JSON.parse(readFileSync(join(repoRoot, "examples/tacheng-2024/report.json"), "utf8")) as Report2021;
}

/** A report of the 2019 trial edition: 平潭综合实验区's 2019 figures, the schema's rule-test base. */
export const pingtan2019Path = "packages/schema/rules/fixtures/2019/base.json";

export function pingtan2019(): Report2019 {
  return JSON.parse(readFileSync(join(repoRoot, pingtan2019Path), "utf8")) as Report2019;
}

/** Every cell of tables 二, 三 and 四 set by f(pointer, value). */
export function mapCells<R extends Report>(report: R, f: (pointer: string, value: number | null) => unknown): R {
  const copy = structuredClone(report) as unknown as Record<string, unknown>;
  const walk = (o: Record<string, unknown>, pointer: string) => {
    for (const [k, v] of Object.entries(o)) {
      if (k === "notes") continue;
      if (v === null || typeof v === "number") o[k] = f(`${pointer}/${k}`, v);
      else if (v && typeof v === "object" && !Array.isArray(v)) walk(v as Record<string, unknown>, `${pointer}/${k}`);
    }
  };
  for (const table of ["proactiveDisclosure", "applications", "reviewAndLitigation"])
    walk(copy[table] as Record<string, unknown>, `/${table}`);
  return copy as unknown as R;
}
