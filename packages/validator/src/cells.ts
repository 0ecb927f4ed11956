// The table cells of an edition (pointer, key path, label path, count or amount), for the
// tools that walk every cell: aggregate, diff, flatten.
import { modules as generated, type Cell } from "./edition-module.js";

export type { Cell };

/** The edition's table cells in print order (表二, 表三, 表四); [] for an unknown edition. */
export function tableCells(edition: string): readonly Cell[] {
  return Object.hasOwn(generated, edition) ? generated[edition]!.cells : [];
}

/** The label path of any pointer the edition knows (tables, rows, groups, cells), or undefined. */
export function nodeLabel(edition: string, pointer: string): string | undefined {
  const nodes = Object.hasOwn(generated, edition) ? generated[edition]!.nodes : {};
  return Object.hasOwn(nodes, pointer) ? nodes[pointer] : undefined;
}
