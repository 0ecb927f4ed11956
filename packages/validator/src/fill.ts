// fill(): computes each derived total (rules marked "fill") where the total is blank and all of
// its parts are known. A cell that holds a value is never changed, so fill is idempotent.
import type { Report } from "@zfxxgk/types";
import { editionOf, readCells, tooDeep, MAX_DEPTH } from "./validate.js";
import { BLANK, FIGURE } from "./rules.js";

export interface FillResult<T> {
  report: T;
  /** Pointers of the cells that were computed, in the order they were filled. */
  filled: string[];
}

export function fillWithDetails<T = Report>(report: T): FillResult<T> {
  const mod = editionOf(report);
  // not a report of a known edition (or hostile nesting): nothing to compute, nothing to copy
  if (!mod || tooDeep(report, MAX_DEPTH)) return { report, filled: [] };
  const out = structuredClone(report);
  const v = readCells(mod, out);
  const filled: string[] = [];
  // totals feed other totals (a row's 总计 is a part of （七）总计): repeat until nothing changes
  for (let changed = true; changed; ) {
    changed = false;
    for (const rule of mod.rules) {
      if (!rule.fill) continue;
      for (const inst of rule.instances) {
        const target = inst.actual![0]!;
        if (v.s[target] !== BLANK) continue;
        let sum = 0;
        let known = true;
        for (const t of inst.expected!) {
          if (v.s[t] !== FIGURE) {
            known = false;
            break;
          }
          sum += v.v[t]!;
        }
        if (!known) continue;
        const cell = mod.cells[target]!;
        const parent = cell.path.slice(0, -1).reduce<any>((o, k) => o?.[k], out);
        if (parent === null || typeof parent !== "object") continue;
        parent[cell.path[cell.path.length - 1]!] = sum;
        v.v[target] = sum;
        v.s[target] = FIGURE;
        filled.push(cell.pointer);
        changed = true;
      }
    }
  }
  return { report: out, filled };
}

/** A new report with every derived total computed where its parts are known. */
export function fill<T = Report>(report: T): T {
  return fillWithDetails(report).report;
}
