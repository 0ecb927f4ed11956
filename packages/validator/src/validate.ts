// validate(): any JSON value in, a ValidationResult out; never throws.
import { modules as generated, type EditionModule } from "./edition-module.js";
import { MAX_DEPTH, tooDeep } from "@zfxxgk/i18n";
import type { Issue, Severity, ValidationResult } from "./issue.js";
import { labelPathOf } from "./labels.js";
import { format, text, type Locale } from "./messages.js";
import { INVALID, runRules, type Cells } from "./rules.js";
import { schemaIssue, valueAt } from "./schema-errors.js";

import { version } from "../generated/version.js";

export const toolkitVersion: string = version;

/** Editions this validator knows, e.g. ["2021"]. */
export const editions: readonly string[] = Object.keys(generated);

// Deeper than any report: validate() needs no guard (the schema never descends into values it
// does not describe), but structuredClone in fill() and JSON tools downstream recurse.
export { MAX_DEPTH, tooDeep };

export interface ValidateOptions {
  /** Language of messages; labels stay Chinese as the format prints them. Default zh-CN. */
  locale?: Locale;
  /** Last year's report of the same agency: enables the cross-year rules. */
  previous?: unknown;
}

const indexes = new WeakMap<EditionModule, Map<string, number>>();
function cellIndex(mod: EditionModule): Map<string, number> {
  let m = indexes.get(mod);
  if (!m) indexes.set(mod, (m = new Map(mod.cells.map((c, i) => [c.pointer, i]))));
  return m;
}

/** A warning for each deprecated field the report uses (VERSIONING.md, deprecation). */
export function checkDeprecated(
  pointers: readonly string[],
  value: unknown,
  nodes: Record<string, string> | null,
  locale: Locale,
  issues: Issue[],
): void {
  for (const pointer of pointers) {
    if (valueAt(value, pointer) === undefined) continue;
    issues.push({
      code: "SCHEMA-DEPRECATED",
      severity: "warning",
      category: "schema",
      pointer,
      labelPath: labelPathOf(nodes, pointer, locale),
      message: text.deprecated[locale],
    });
  }
}

export function readCells(mod: EditionModule, report: unknown, into?: Cells): Cells {
  const cells = into ?? { v: new Float64Array(mod.cells.length), s: new Uint8Array(mod.cells.length) };
  if (into) {
    into.v.fill(0);
    into.s.fill(0);
  }
  mod.readCells(report, cells.v, cells.s);
  return cells;
}

// validate() is synchronous and keeps no reference to the cells once it returns: one buffer per
// edition serves every call (allocating typed arrays costs more than the rules that read them)
const scratchCells = new WeakMap<EditionModule, Cells>();
function scratchFor(mod: EditionModule): Cells {
  let c = scratchCells.get(mod);
  if (!c) scratchCells.set(mod, (c = { v: new Float64Array(mod.cells.length), s: new Uint8Array(mod.cells.length) }));
  return c;
}

export function editionOf(value: unknown): EditionModule | null {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return null;
  const edition = (value as { edition?: unknown }).edition;
  return typeof edition === "string" && Object.hasOwn(generated, edition) ? generated[edition]! : null;
}

/**
 * Last year's cells, when `previous` is last year's report of the same agency and edition;
 * otherwise a warning saying why the cross-year rules were not checked, and null.
 */
function previousCells(mod: EditionModule, value: unknown, previous: unknown, locale: Locale, issues: Issue[]): Cells | null {
  const warn = (code: string, pointer: string, template: Record<Locale, string>, actual: string | number, expected: string | number) => {
    issues.push({
      code,
      severity: "warning",
      category: "cross-year",
      pointer,
      labelPath: labelPathOf(mod.nodes, pointer, locale),
      message: format(template[locale], { actual, expected }),
      actual,
      expected,
    });
    return null;
  };
  const r = value as { year?: unknown; agency?: { name?: unknown } };
  if (editionOf(previous) !== mod)
    return warn("PREVIOUS-EDITION", "/edition", text.previousEdition, String((previous as any)?.edition), mod.edition);
  const p = previous as { year?: unknown; agency?: { name?: unknown } };
  if (typeof r.year === "number" && p.year !== r.year - 1)
    return warn("PREVIOUS-YEAR", "/year", text.previousYear, String(p.year), r.year - 1);
  const name = r.agency?.name;
  if (typeof name === "string" && p.agency?.name !== name)
    return warn("PREVIOUS-AGENCY", "/agency/name", text.previousAgency, String(p.agency?.name), name);
  return readCells(mod, previous);
}

export function validate(value: unknown, options: ValidateOptions = {}): ValidationResult {
  return validateWith(editionOf(value), value, options);
}

/**
 * validate() against a given edition module (generators/validator's output), the report's own or
 * a test edition's; null when the report names no edition this validator knows.
 */
export function validateWith(mod: EditionModule | null, value: unknown, options: ValidateOptions = {}): ValidationResult {
  const locale: Locale = options.locale === "en" ? "en" : "zh-CN";
  const issues: Issue[] = [];
  const result = (): ValidationResult => {
    const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
    for (const i of issues) counts[i.severity]++;
    return { valid: counts.error === 0, edition: mod?.edition ?? null, toolkitVersion, locale, counts, issues };
  };
  const fail = (code: string, pointer: string, message: string, actual?: string) => {
    issues.push({
      code,
      severity: "error",
      category: "schema",
      pointer,
      labelPath: labelPathOf(null, pointer, locale),
      message,
      ...(actual !== undefined ? { actual } : {}),
    });
    return result();
  };

  if (!mod) {
    if (value === null || typeof value !== "object" || Array.isArray(value)) {
      const actual = value === null ? "null" : Array.isArray(value) ? "array" : typeof value;
      return fail("SCHEMA-TYPE", "", format(text.type[locale], { expected: locale === "zh-CN" ? "对象" : "an object", actual }), actual);
    }
    const edition = (value as { edition?: unknown }).edition;
    if (edition === undefined) return fail("SCHEMA-EDITION", "/edition", text.editionMissing[locale]);
    return fail(
      "SCHEMA-EDITION",
      "/edition",
      format(text.edition[locale], { allowed: editions.join(", "), actual: JSON.stringify(edition) }),
      String(edition),
    );
  }

  if (!mod.validateSchema(value)) {
    for (const e of mod.validateSchema.errors ?? []) {
      // propertyNames reports each bad key twice (its pattern, then propertyNames): keep one;
      // an if/then failure is said by the error of its then branch
      if ((e.keyword === "pattern" && "propertyName" in e) || e.keyword === "if") continue;
      issues.push(schemaIssue(e, value, mod.nodes, locale, editions));
    }
  }

  checkDeprecated(mod.deprecated, value, mod.nodes, locale, issues);
  const current = readCells(mod, value, scratchFor(mod));
  // a cell the schema rejects must not feed the arithmetic either
  for (const issue of issues) {
    const i = cellIndex(mod).get(issue.pointer);
    if (i !== undefined) current.s[i] = INVALID;
  }
  const previous = options.previous === undefined ? null : previousCells(mod, value, options.previous, locale, issues);
  runRules(mod.rules, { report: value, current, previous, cells: mod.cells, nodes: mod.nodes, locale }, issues);
  return result();
}
