// The seed report (examples/tacheng-2024) and report variants the tests build from it.
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Report2021 } from "@zfxxgk/types";

export const repoRoot = resolve(import.meta.dirname, "../../../..");

export function seed(): Report2021 {
  return JSON.parse(readFileSync(join(repoRoot, "examples/tacheng-2024/report.json"), "utf8")) as Report2021;
}

/** Every cell of tables 二, 三 and 四 set by f(pointer, value). */
export function mapCells(report: Report2021, f: (pointer: string, value: number | null) => unknown): Report2021 {
  const copy = structuredClone(report) as unknown as Record<string, unknown>;
  const walk = (o: Record<string, unknown>, pointer: string) => {
    for (const [k, v] of Object.entries(o)) {
      if (k === "notes") continue;
      if (v === null || typeof v === "number") o[k] = f(`${pointer}/${k}`, v);
      else if (v && typeof v === "object" && !Array.isArray(v)) walk(v as Record<string, unknown>, `${pointer}/${k}`);
    }
  };
  for (const table of ["proactiveDisclosure", "applications", "reviewAndLitigation"]) walk(copy[table] as Record<string, unknown>, `/${table}`);
  return copy as unknown as Report2021;
}
