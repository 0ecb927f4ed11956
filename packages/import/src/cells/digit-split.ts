// Figures that run together with no separator (21710000218): every way to cut the run into the
// row's cells. A space the source did print is a cut; a cell never starts with 0 unless it is 0.
// Which of the ways is right is for the consistency rules to say (resolve.ts), not for this module.
import type { CellKind } from "../labels.js";
import { readCell } from "./tokens.js";

export interface Split {
  values: (number | null)[];
  raws: string[];
}

export interface SplitResult {
  splits: Split[];
  /** every piece the source separated became exactly one cell: nothing was cut */
  plain: boolean;
  /** the enumeration hit its bound; the splits listed are not all of them */
  truncated: boolean;
  /** the printed spaces allowed no split and were ignored */
  spacesIgnored: boolean;
}

export const MAX_STEPS = 100_000;
export const MAX_SPLITS = 5_000;
const MAX_DIGITS = 15;

const PIECE: Record<CellKind, RegExp> = {
  count: /^(?:0|[1-9]\d*)$/,
  amount: /^(?:0|[1-9]\d*)(?:\.\d+)?$/,
  money: /^(?:0|[1-9]\d*)(?:\.\d+)?$/,
  signed: /^[+-]?(?:0|[1-9]\d*)$/,
};

function enumerate(groups: string[], kinds: CellKind[]): { splits: Split[]; truncated: boolean } {
  const n = kinds.length;
  // a run longer than the row's cells can hold cannot be split at all
  const longest = MAX_DIGITS + 8; // digits, a sign, a point and decimals
  if (groups.reduce((t, g) => t + g.length, 0) > n * longest) return { splits: [], truncated: false };
  const splits: Split[] = [];
  const values: (number | null)[] = [];
  const raws: string[] = [];
  let steps = 0;
  let truncated = false;
  const blank = groups.map((g) => readCell(g).kind === "blank");
  const go = (g: number, c: number, from: number): void => {
    if (truncated) return;
    if (++steps > MAX_STEPS || splits.length >= MAX_SPLITS) {
      truncated = true;
      return;
    }
    if (g === groups.length) {
      if (c === n) splits.push({ values: values.slice(), raws: raws.slice() });
      return;
    }
    if (c >= n) return;
    const s = groups[g]!;
    // a group needs at least one character per remaining cell of its own… and the other groups one cell each
    const cellsLeftForOthers = groups.length - g - 1;
    if (from === 0 && blank[g]) {
      values.push(null);
      raws.push(s);
      go(g + 1, c + 1, 0);
      values.pop();
      raws.pop();
      return;
    }
    for (let to = from + 1; to <= s.length && to - from <= MAX_DIGITS + 1; to++) {
      const piece = s.slice(from, to);
      if (!PIECE[kinds[c]!].test(piece)) {
        // a piece that cannot be a figure cannot grow into one, except a sign or a point awaiting digits
        if (!/^[+-]$|\.$/.test(piece)) break;
        continue;
      }
      values.push(Number(piece));
      raws.push(piece);
      if (to === s.length) {
        if (n - (c + 1) >= cellsLeftForOthers) go(g + 1, c + 1, 0);
      } else go(g, c + 1, to);
      values.pop();
      raws.pop();
      if (truncated) return;
    }
  };
  go(0, 0, 0);
  return { splits, truncated };
}

/** All the ways to read `run` as `kinds.length` cells of the given kinds. */
export function splitRun(run: string, kinds: CellKind[]): SplitResult {
  const groups = run.trim().split(/\s+/).filter(Boolean);
  if (groups.length === 0) return { splits: [], plain: false, truncated: false, spacesIgnored: false };
  const first = enumerate(groups, kinds);
  if (first.splits.length > 0 || first.truncated || groups.length === 1) {
    return { ...first, plain: first.splits.length === 1 && groups.length === kinds.length, spacesIgnored: false };
  }
  const joined = enumerate([groups.join("")], kinds);
  return { ...joined, plain: false, spacesIgnored: true };
}
