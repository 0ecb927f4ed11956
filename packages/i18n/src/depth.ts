// Nesting no report reaches: a value deeper than this is refused before anything recursive
// (structuredClone, JSON tools, walkers) touches it.

/** Deeper than any report of any edition. */
export const MAX_DEPTH = 64;

/** Whether a value nests objects or arrays deeper than limit (walked without recursion). */
export function tooDeep(value: unknown, limit: number = MAX_DEPTH): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [v, d] = stack.pop()!;
    if (v === null || typeof v !== "object") continue;
    if (d >= limit) return true;
    for (const child of Object.values(v)) if (child !== null && typeof child === "object") stack.push([child, d + 1]);
  }
  return false;
}
