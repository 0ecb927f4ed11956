// What a table cell holds — a count, an amount in 万元, or a signed change (2019's 本年增/减) —
// read from the report schema of its edition, so that the form never guesses it from a column key.
import schema2021 from "@zfxxgk/schema/schemas/2021/report.schema.json" with { type: "json" };
import schema2019 from "@zfxxgk/schema/schemas/2019/report.schema.json" with { type: "json" };
import type { Edition } from "./labels.js";

export type CellKind = "count" | "amount" | "signed";

interface SchemaNode {
  $ref?: string;
  properties?: Record<string, SchemaNode>;
  $defs?: Record<string, SchemaNode>;
}

const schemas: Record<Edition, SchemaNode> = { "2021": schema2021 as unknown as SchemaNode, "2019": schema2019 as unknown as SchemaNode };

// the schemas' value cells are references to these definitions
const KINDS: Record<string, CellKind> = { count: "count", amount: "amount", signedCount: "signed" };

export class UnknownCellError extends Error {
  constructor(readonly edition: Edition, readonly pointer: string) {
    super(`${pointer} is not a table cell of the ${edition} report schema`);
    this.name = "UnknownCellError";
  }
}

/** The kind of the cell at `pointer` in a report of `edition`. */
export function cellKind(edition: Edition, pointer: string): CellKind {
  const root = schemas[edition];
  const deref = (n: SchemaNode): SchemaNode => (n.$ref?.startsWith("#/$defs/") ? deref(root.$defs![n.$ref.slice(8)]!) : n);
  let node: SchemaNode | undefined = root;
  for (const key of pointer.split("/").slice(1)) {
    node = node && deref(node).properties?.[key];
    if (!node) throw new UnknownCellError(edition, pointer);
  }
  const kind = node!.$ref && KINDS[node!.$ref.slice(node!.$ref.lastIndexOf("/") + 1)];
  if (!kind) throw new UnknownCellError(edition, pointer);
  return kind;
}
