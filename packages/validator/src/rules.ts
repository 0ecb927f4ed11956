// Runs an edition's compiled rules (generated from rules/<edition>.json) over a report's cells.
// A rule that reads a blank (null) cell is skipped with an info issue: a blank is never 0.
import type { CompiledRule, RuleInstance } from "@zfxxgk/edition";
import type { Cell } from "./edition-module.js";
import type { CellValue, Issue } from "./issue.js";
import { creditCodeCheckChar } from "./credit-code.js";
import { labelPathOf } from "./labels.js";
import { format, text, type Locale } from "./messages.js";
import { valueAt } from "./schema-errors.js";

/** A cell as the rules see it: a number, null (blank), or undefined (missing or not a number). */
export type CellReading = number | null | undefined;

/**
 * A report's cells as the rules read them: figures in a Float64Array, so that the sums run over
 * one unboxed type, and beside them a state per cell (a figure may be negative: 本年增/减).
 */
export const FIGURE = 0;
export const BLANK = 1;
export const INVALID = 2;

export interface Cells {
  v: Float64Array;
  s: Uint8Array;
}

export function decodeCell(c: Cells, i: number): CellReading {
  return c.s[i] === BLANK ? null : c.s[i] === INVALID ? undefined : c.v[i];
}

export interface RuleContext {
  report: unknown;
  current: Cells;
  previous: Cells | null;
  cells: Cell[];
  nodes: Record<string, string>;
  locale: Locale;
}

/**
 * The cell indexes of a rule's instances in typed arrays, built once per rule: the loops over
 * them then read one monomorphic shape, which is most of the rules' cost on a valid report.
 */
interface Indexes {
  cell: Int32Array;
  actual: Int32Array[];
  expected: Int32Array[];
}
const indexes = new WeakMap<CompiledRule, Indexes>();
function indexesOf(rule: CompiledRule): Indexes {
  let x = indexes.get(rule);
  if (!x) {
    x = {
      cell: Int32Array.from(rule.instances, (i) => i.cell ?? -1),
      actual: rule.instances.map((i) => Int32Array.from(i.actual ?? [])),
      expected: rule.instances.map((i) => Int32Array.from(i.expected ?? [])),
    };
    indexes.set(rule, x);
  }
  return x;
}

export function runRules(rules: CompiledRule[], ctx: RuleContext, out: Issue[]): void {
  for (const rule of rules) {
    if (rule.needsPrevious && !ctx.previous) continue;
    const ix = indexesOf(rule);
    if (rule.kind === "present") {
      const s = ctx.current.s;
      const cell = ix.cell;
      for (let k = 0; k < cell.length; k++) if (s[cell[k]!] === BLANK) out.push(ruleIssue(rule, rule.instances[k]!, ctx, {}));
      continue;
    }
    if (rule.kind === "sum") {
      for (let k = 0; k < rule.instances.length; k++) checkSum(rule, rule.instances[k]!, ix.actual[k]!, ix.expected[k]!, ctx, out);
      continue;
    }
    for (const inst of rule.instances) {
      switch (rule.kind) {
        case "deadline":
          checkDeadline(rule, inst, ctx, out);
          break;
        case "creditCode":
          checkCreditCode(rule, inst, ctx, out);
          break;
        case "text":
          checkText(rule, inst, ctx, out);
          break;
      }
    }
  }
}

function read(term: number, ctx: RuleContext): CellReading {
  return term >= 0 ? decodeCell(ctx.current, term) : decodeCell(ctx.previous!, -term - 1);
}

/** Σ of the terms into out[0], and the worst state among them (INVALID > BLANK > FIGURE). */
function sum(terms: Int32Array, ctx: RuleContext, out: Float64Array): number {
  const { v, s } = ctx.current;
  let total = 0;
  let worst = FIGURE;
  for (let k = 0; k < terms.length; k++) {
    const t = terms[k]!;
    let state: number;
    let x: number;
    if (t >= 0) {
      state = s[t]!;
      x = v[t]!;
    } else {
      state = ctx.previous!.s[-t - 1]!;
      x = ctx.previous!.v[-t - 1]!;
    }
    if (state === FIGURE) total += x;
    else if (state > worst) worst = state;
  }
  out[0] = total;
  return worst;
}

const scratch = new Float64Array(1);

function checkSum(
  rule: CompiledRule,
  inst: RuleInstance,
  actualTerms: Int32Array,
  expectedTerms: Int32Array,
  ctx: RuleContext,
  out: Issue[],
): void {
  const actualState = sum(actualTerms, ctx, scratch);
  const actual = scratch[0]!;
  const expectedState = sum(expectedTerms, ctx, scratch);
  const expected = scratch[0]!;
  const invalid = actualState === INVALID || expectedState === INVALID;
  const blank = actualState === BLANK || expectedState === BLANK;
  if (invalid) {
    // the schema errors already name the bad cells; a sum over them would mean nothing
    out.push(skipped(rule, inst, ctx, "invalid", (v) => v === undefined));
    return;
  }
  if (blank) {
    out.push(skipped(rule, inst, ctx, "blank", (v) => v === null));
    return;
  }
  const ok = rule.op === "=" ? actual === expected : actual <= expected;
  if (!ok) out.push(ruleIssue(rule, inst, ctx, { actual, expected }, cellsRead(inst, ctx)));
}

function cellsRead(inst: RuleInstance, ctx: RuleContext): CellValue[] {
  return [...inst.actual!, ...inst.expected!].map((t) => {
    const cell = ctx.cells[t >= 0 ? t : -t - 1]!;
    return {
      pointer: cell.pointer,
      labelPath: cell.labelPath,
      value: read(t, ctx),
      ...(t < 0 ? { previousYear: true } : {}),
    };
  });
}

function skipped(
  rule: CompiledRule,
  inst: RuleInstance,
  ctx: RuleContext,
  why: "blank" | "invalid",
  pick: (v: CellReading) => boolean,
): Issue {
  const cells = cellsRead(inst, ctx);
  const named = cells
    .filter((c) => pick(c.value))
    .map((c) => (c.previousYear ? `${c.labelPath} (${ctx.locale === "zh-CN" ? "上年" : "last year"})` : c.labelPath));
  const template = why === "blank" ? text.skippedBlank : text.skippedInvalid;
  return {
    code: rule.id,
    severity: "info",
    category: rule.category,
    pointer: inst.at,
    labelPath: labelPathOf(ctx.nodes, inst.at, ctx.locale),
    message: format(template[ctx.locale], { id: rule.id, cells: named.join(ctx.locale === "zh-CN" ? "、" : ", ") }),
    cells,
    skipped: true,
  };
}

function ruleIssue(
  rule: CompiledRule,
  inst: RuleInstance,
  ctx: RuleContext,
  values: { actual?: number | string; expected?: number | string },
  cells?: CellValue[],
): Issue {
  const issue: Issue = {
    code: rule.id,
    severity: rule.severity,
    category: rule.category,
    pointer: inst.at,
    labelPath: labelPathOf(ctx.nodes, inst.at, ctx.locale),
    message: format(rule.message[ctx.locale], { ...inst.vars, ...values }),
  };
  if (values.expected !== undefined) issue.expected = values.expected;
  if (values.actual !== undefined) issue.actual = values.actual;
  if (cells) issue.cells = cells;
  return issue;
}

function checkDeadline(rule: CompiledRule, inst: RuleInstance, ctx: RuleContext, out: Issue[]): void {
  const date = valueAt(ctx.report, inst.date!);
  const year = valueAt(ctx.report, inst.year!);
  // absent or malformed: not applicable here (the schema reports a malformed date)
  if (typeof date !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(date) || typeof year !== "number") return;
  const match = inst.deadlines!.find((d) =>
    Object.entries(d.when ?? {}).every(([ptr, allowed]) => allowed.includes(valueAt(ctx.report, ptr) as string)),
  );
  if (!match) return;
  const deadline = `${year + 1}-${match.monthDay}`;
  if (date > deadline) out.push(ruleIssue(rule, inst, ctx, { actual: date, expected: deadline }));
}

function checkCreditCode(rule: CompiledRule, inst: RuleInstance, ctx: RuleContext, out: Issue[]): void {
  const code = valueAt(ctx.report, inst.ref!);
  if (typeof code !== "string") return;
  const want = creditCodeCheckChar(code);
  // a malformed code is the schema's to report
  if (want !== null && code[17] !== want) {
    out.push(ruleIssue(rule, inst, ctx, { actual: code, expected: want }));
  }
}

function hasText(paragraphs: unknown): boolean {
  return Array.isArray(paragraphs) && paragraphs.some((p) => typeof p === "string" && p.trim() !== "");
}

function checkText(rule: CompiledRule, inst: RuleInstance, ctx: RuleContext, out: Issue[]): void {
  const section = valueAt(ctx.report, inst.ref!) as { paragraphs?: unknown; subsections?: unknown } | undefined;
  if (section === null || typeof section !== "object") return; // absent or malformed: the schema says so
  const subsections = Array.isArray(section.subsections) ? section.subsections : [];
  if (hasText(section.paragraphs) || subsections.some((s) => hasText((s as { paragraphs?: unknown })?.paragraphs))) return;
  out.push(ruleIssue(rule, inst, ctx, {}));
}
