// 表四 (行政复议、行政诉讼情况) from lines: one row of fifteen figures under a three-row header — 行政复议,
// 未经复议直接起诉, 复议后起诉, five columns each. Figures wrapped onto a second line are joined.
import type { DocLine } from "../read/document.js";
import type { CellKind, EditionModel } from "../labels.js";
import { lineCells } from "./line-cells.js";
import { say, tableName } from "../messages.js";
import type { Observation, Token } from "./observation.js";
import type { Diagnostic, Locale, SourcePosition } from "../types.js";

export function readTable4(
  lines: DocLine[],
  model: EditionModel,
  locale: Locale,
): { observations: Observation[]; diagnostics: Diagnostic[]; found: number } {
  const groups = model.table4.groups;
  const per = model.table4.columns.length;
  const total = groups.length * per;
  const kinds: CellKind[] = new Array(total).fill("count");
  const diagnostics: Diagnostic[] = [];
  let tokens: Token[] = [];
  let definite = false;
  let source: SourcePosition = {};
  let blankRow: { tokens: Token[]; source: SourcePosition } | null = null;
  let i = 0;
  for (; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.kind === "blank") continue;
    const c = lineCells(l, total, kinds);
    if (c.figures === 0) {
      // an HTML row of fifteen empty cells is the data row of a table left blank
      if (c.definite && !blankRow && tokens.length === 0) blankRow = { tokens: c.tokens, source: l.source };
      if (tokens.length > 0) break;
      continue;
    }
    if (tokens.length === 0) {
      source = l.source;
      tokens = c.tokens;
      definite = c.definite;
    } else if (!c.label && !c.definite) tokens = tokens.concat(c.tokens);
    else break;
    if (definite || tokens.length >= total) {
      i++;
      break;
    }
  }
  // after the row: another row of figures is reported; a row of empty cells is not
  for (let extras = 0; i < lines.length && extras < 30; i++) {
    const c = lines[i]!.kind === "blank" ? null : lineCells(lines[i]!, total, kinds);
    if (c && c.figures > 0) {
      extras++;
      const raw = c.tokens.map((t) => t.raw).join(" ");
      diagnostics.push({
        pointer: "/reviewAndLitigation",
        reason: "extra",
        severity: "warning",
        message: say("extraRow", locale, { table: tableName("reviewAndLitigation", locale), raw }),
        source: lines[i]!.source,
        raw,
      });
    }
  }
  if (tokens.length === 0 && blankRow) {
    tokens = blankRow.tokens;
    definite = true;
    source = blankRow.source;
  }
  if (tokens.length === 0) return { observations: [], diagnostics, found: 0 };
  return { observations: groupsOf(tokens, definite, groups, per, source), diagnostics, found: 1 };
}

/**
 * Fifteen figures, or figures whose places are known: a row per group (each group is the unit of
 * its rule R5). Fewer or more: the whole row as one, so that the rules can place the blanks across
 * the groups (resolve.ts).
 */
export function groupsOf(
  tokens: Token[],
  definite: boolean,
  groups: EditionModel["table4"]["groups"],
  per: number,
  source: SourcePosition,
): Observation[] {
  const total = groups.length * per;
  if (definite || tokens.length === total) {
    const at = (t: Token, k: number) => (definite ? t.col! : k);
    return groups.map((row, g) => ({
      row,
      tokens: tokens.flatMap((t, k) => (at(t, k) >= g * per && at(t, k) < (g + 1) * per ? [{ ...t, col: at(t, k) - g * per }] : [])),
      source,
    }));
  }
  return [{ row: wholeRow(groups, per), tokens: tokens.map((t) => ({ raw: t.raw, value: t.value, source: t.source })), source }];
}

/** The fifteen cells of table 四 as one row, for reading a row whose figures are not all printed. */
export function wholeRow(groups: EditionModel["table4"]["groups"], per: number): Observation["row"] {
  const columns = groups.flatMap((g) => g.columns.slice(0, per).map((c) => ({ ...c, key: `${g.path.split(".").join("/")}/${c.key}` })));
  return { table: "reviewAndLitigation", path: "", label: groups[0]!.label, pointer: "/reviewAndLitigation", columns };
}
