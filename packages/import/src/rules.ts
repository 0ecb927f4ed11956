// The consistency rules (勾稽关系: R1 一+二=三+四, R3 （七）总计, R4 row totals, R5 table 四 totals)
// as the importer uses them: compiled from the edition's rules in @zfxxgk/schema into sums over
// JSON pointers, and checked against cells some of which are not known yet.
import { rules as schemaRules, type Rule, type RuleSet, type Term } from "@zfxxgk/schema";
import type { Edition } from "./types.js";

export interface SumInstance {
  id: string;
  op: "=" | "<=";
  actual: string[];
  expected: string[];
}

function expand(template: string, vars: Record<string, string>): string {
  return template.replace(/\{([A-Za-z]+)\}/g, (w, n: string) => vars[n] ?? w);
}

/** Every assignment of the forEach variables, each to a member of its set. */
function assignments(forEach: Record<string, string> | undefined, sets: Record<string, string[]>): Record<string, string>[] {
  let out: Record<string, string>[] = [{}];
  for (const [name, set] of Object.entries(forEach ?? {})) {
    const members = sets[set];
    if (!members) return []; // "@cells" and other computed sets: not a sum over known cells
    out = out.flatMap((a) => members.map((m) => ({ ...a, [name]: m })));
  }
  return out;
}

function terms(list: Term[], vars: Record<string, string>, sets: Record<string, string[]>): string[] | null {
  const out: string[] = [];
  for (const t of list) {
    if (typeof t === "string") out.push(expand(t, vars));
    else if ("ref" in t) {
      if (t.year === "previous") return null;
      out.push(expand(t.ref, vars));
    } else {
      if (t.year === "previous") return null;
      for (const a of assignments(t.forEach, sets)) out.push(expand(t.sum, { ...vars, ...a }));
    }
  }
  return out;
}

function compile(edition: Edition): SumInstance[] {
  const set: RuleSet = schemaRules[edition];
  const sets = set.sets;
  const out: SumInstance[] = [];
  for (const rule of set.rules as Rule[]) {
    // only the identities a table is built on (errors when broken) may choose between readings;
    // a warning (2019 R10-PUBLISHED: 新公开 ≤ 总数量) says what is likely, and likely is a guess
    if (rule.check.kind !== "sum" || rule.severity !== "error") continue;
    for (const vars of assignments(rule.forEach, sets)) {
      const actual = terms(rule.check.actual, vars, sets);
      const expected = terms(rule.check.expected, vars, sets);
      // cross-year rules need last year's report, which an import does not have
      if (!actual || !expected) continue;
      out.push({ id: rule.id, op: rule.check.op, actual, expected });
    }
  }
  return out;
}

const compiled = new Map<Edition, SumInstance[]>();

export function sumRules(edition: Edition): SumInstance[] {
  let r = compiled.get(edition);
  if (!r) compiled.set(edition, (r = compile(edition)));
  return r;
}

/** A cell's value for rule checking: a number, or UNKNOWN (blank, ambiguous or missing — some number ≥ 0). */
export const UNKNOWN = -1;

/**
 * Can the rule hold, given what is known? With every cell known it is the plain check. Unknown
 * cells are some count ≥ 0, so the side holding them is at least its known part: a rule fails
 * only when that bound already breaks it.
 */
export function canHold(op: "=" | "<=", actual: number, actualOpen: boolean, expected: number, expectedOpen: boolean): boolean {
  if (op === "=") {
    if (!actualOpen && !expectedOpen) return Math.abs(actual - expected) < 1e-9;
    if (actualOpen && !expectedOpen) return actual <= expected + 1e-9;
    if (expectedOpen && !actualOpen) return expected <= actual + 1e-9;
    return true;
  }
  if (actualOpen) return expectedOpen || actual <= expected + 1e-9;
  return expectedOpen || actual <= expected + 1e-9;
}
