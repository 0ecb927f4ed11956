// JSON pointers (RFC 6901) into a report: the form's inputs and the validator's issues both name
// their place in the report this way.
export function segments(pointer: string): string[] {
  if (pointer === "") return [];
  return pointer.slice(1).split("/").map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}

export function getAt(root: unknown, pointer: string): unknown {
  let node = root;
  for (const s of segments(pointer)) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[s];
  }
  return node;
}

/** Sets a value, creating the objects on the way; undefined deletes the key. */
export function setAt(root: Record<string, unknown>, pointer: string, value: unknown): void {
  const path = segments(pointer);
  const last = path.pop();
  if (last === undefined) throw new Error("cannot set the whole report through a pointer");
  let node: Record<string, unknown> = root;
  for (const s of path) {
    const next = node[s];
    if (next === null || typeof next !== "object" || Array.isArray(next)) node[s] = {};
    node = node[s] as Record<string, unknown>;
  }
  if (value === undefined) delete node[last];
  else node[last] = value;
}
