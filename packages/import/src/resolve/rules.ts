// The consistency rules (勾稽关系: R1 一+二=三+四, R3 （七）总计, R4 row totals, R5 table 四 totals)
// as the importer uses them: the edition model's compiled sums (@zfxxgk/edition), as JSON pointers,
// checked against cells some of which are not known yet.
import type { EditionModel } from "../labels.js";

export interface SumInstance {
  id: string;
  op: "=" | "<=";
  actual: string[];
  expected: string[];
}

function compile(view: EditionModel): SumInstance[] {
  const m = view.generated;
  const pointer = (i: number) => m.cells[i]!.pointer;
  const out: SumInstance[] = [];
  for (const rule of m.rules) {
    // only the identities a table is built on (errors when broken) may choose between readings;
    // a warning (2019 R10-PUBLISHED: 新公开 ≤ 总数量) says what is likely, and likely is a guess.
    // Cross-year rules need last year's report, which an import does not have.
    if (rule.kind !== "sum" || rule.severity !== "error" || rule.needsPrevious || !rule.op) continue;
    for (const inst of rule.instances) {
      if (!inst.actual || !inst.expected || inst.actual.some((i) => i < 0) || inst.expected.some((i) => i < 0)) continue;
      out.push({ id: rule.id, op: rule.op, actual: inst.actual.map(pointer), expected: inst.expected.map(pointer) });
    }
  }
  return out;
}

const compiled = new WeakMap<EditionModel, SumInstance[]>();

/** The sums that may choose between readings, of the edition the view is of. */
export function sumRules(view: EditionModel): SumInstance[] {
  let r = compiled.get(view);
  if (!r) compiled.set(view, (r = compile(view)));
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
