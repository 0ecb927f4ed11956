// What a table cell holds — a count, an amount in 万元, or a signed change (2019's 本年增/减) — as
// the edition's model (@zfxxgk/edition, from the schema) says, so the form never guesses it.
import { cellAt, type CellKind } from "@zfxxgk/edition";
import type { Edition } from "./labels.js";

export type { CellKind };

export class UnknownCellError extends Error {
  constructor(
    readonly edition: Edition,
    readonly pointer: string,
  ) {
    super(`${pointer} is not a table cell of the ${edition} report schema`);
    this.name = "UnknownCellError";
  }
}

/** The kind of the cell at `pointer` in a report of `edition`. */
export function cellKind(edition: Edition, pointer: string): CellKind {
  const cell = cellAt(edition, pointer);
  if (!cell) throw new UnknownCellError(edition, pointer);
  return cell.kind;
}
