// A row the edition splits but the source prints whole (a 2019-style （六）其他处理 in a 2021
// report): its parts stay unknown, but its printed figures still check the rest of the table — the
// rule that sums the parts (（七）总计 = the outcome rows) must hold with the printed row in their place.
import type { EditionModel } from "../labels.js";
import { say } from "../messages.js";
import type { CellResult } from "./resolve.js";
import { sumRules } from "./rules.js";
import type { Diagnostic, Locale } from "../types.js";

export function checkGroupRows(m: EditionModel, cells: (CellResult | undefined)[], diagnostics: Diagnostic[], locale: Locale): void {
  const value = (p: string) => {
    const i = m.index.get(p);
    return i === undefined ? null : (cells[i]?.value ?? null);
  };
  const found: Diagnostic[] = [];
  for (const d of diagnostics) {
    if (d.reason !== "layout" || !d.raw) continue;
    const printed = d.raw.split(/\s+/).map((t) => (/^\d+$/.test(t) ? Number(t) : null));
    if (printed.length !== m.table3.columns.length) continue;
    const under = `${d.pointer}/`;
    for (const rule of sumRules(m)) {
      if (rule.op !== "=") continue;
      // the side of the rule that holds the row's parts, and the other side
      const [side, other] = rule.actual.some((p) => p.startsWith(under)) ? [rule.actual, rule.expected] : [rule.expected, rule.actual];
      const parts = side.filter((p) => p.startsWith(under));
      if (parts.length === 0) continue;
      const column = parts[0]!.slice(parts[0]!.lastIndexOf("/") + 1);
      const k = m.table3.columns.findIndex((c) => c.key === column);
      const own = printed[k];
      const rest = side.filter((p) => !p.startsWith(under));
      // every other cell of the rule known: the printed row must be what is left
      if (own === null || own === undefined || k < 0 || [...rest, ...other].some((p) => value(p) === null)) continue;
      const left = other.reduce((s, p) => s + value(p)!, 0) - rest.reduce((s, p) => s + value(p)!, 0);
      if (Math.abs(left - own) < 1e-9) continue;
      found.push({
        pointer: d.pointer,
        reason: "source-inconsistent",
        severity: "warning",
        message: say("groupRowInconsistent", locale, { rule: rule.id, column: m.table3.columns[k]!.label.text, printed: own, left }),
        source: d.source,
      });
    }
  }
  diagnostics.push(...found);
}
