// JSON pointers (RFC 6901) into a report: every issue, cell and form field names its place in the
// report this way, and every package reads and writes through these.

export const escapeSegment = (key: string): string => key.replace(/~/g, "~0").replace(/\//g, "~1");
export const unescapeSegment = (segment: string): string => segment.replace(/~1/g, "/").replace(/~0/g, "~");

/** The keys of a pointer ("" is the whole document). */
export function segments(pointer: string): string[] {
  if (pointer === "") return [];
  return pointer.slice(1).split("/").map(unescapeSegment);
}

export const pointerOf = (path: readonly string[]): string => path.map((k) => `/${escapeSegment(k)}`).join("");

/** The value at a path of keys, or undefined where the path leaves the document. */
export function getPath(root: unknown, path: readonly string[]): unknown {
  let node = root;
  for (const k of path) {
    if (node === null || typeof node !== "object" || !Object.hasOwn(node, k)) return undefined;
    node = (node as Record<string, unknown>)[k];
  }
  return node;
}

export const getAt = (root: unknown, pointer: string): unknown => getPath(root, segments(pointer));

/** Sets a value, creating the objects on the way; undefined deletes the key. */
export function setPath(root: Record<string, unknown>, path: readonly string[], value: unknown): void {
  const last = path.at(-1);
  if (last === undefined) throw new Error("cannot set the whole document through a pointer");
  // a key that reaches the prototype would change every object, not the document
  if (path.includes("__proto__")) throw new Error("a pointer through __proto__ cannot be set");
  let node: Record<string, unknown> = root;
  for (const k of path.slice(0, -1)) {
    const next = Object.hasOwn(node, k) ? node[k] : undefined;
    if (next === null || typeof next !== "object" || Array.isArray(next)) node[k] = {};
    node = node[k] as Record<string, unknown>;
  }
  if (value === undefined) delete node[last];
  else node[last] = value;
}

export const setAt = (root: Record<string, unknown>, pointer: string, value: unknown): void => setPath(root, segments(pointer), value);
