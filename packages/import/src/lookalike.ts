// Characters that OCR and PDF text extraction take for one another (data/lookalikes.json: 未/末,
// 己/已/巳, 口/ロ, 0/O/〇 …), and label similarity that knows them: characters in common, in order,
// where a look-alike pair counts nearly as much as the same character. A label read with two OCR
// confusions is then still most like its own row, where plain similarity would lose it.
import { lookalikeGroups } from "./vocabulary.js";

/** What a look-alike pair counts for in the common characters: a substitution costing a quarter of another. */
export const LOOKALIKE_WEIGHT = 0.75;

// both orders of every pair of a group, as one number per pair: first code unit × 2¹⁶ + second
const pairs = new Set<number>();
for (const group of lookalikeGroups)
  for (const a of group) for (const b of group) if (a !== b) pairs.add(a.charCodeAt(0) * 0x10000 + b.charCodeAt(0));

export function isLookalike(a: string, b: string): boolean {
  return a.length === 1 && b.length === 1 && pairs.has(a.charCodeAt(0) * 0x10000 + b.charCodeAt(0));
}

/**
 * The longest common subsequence of two short strings, a look-alike pair counting LOOKALIKE_WEIGHT
 * and an equal pair 1: the same as the plain length for text without look-alikes.
 */
export function commonWithLookalikes(a: string, b: string): number {
  if (a.length === 0 || b.length === 0) return 0;
  if (a.length > 400 || b.length > 400) return 0; // labels are short; a long line is not one
  let prev = new Float64Array(b.length + 1);
  let cur = new Float64Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cb = b.charCodeAt(j - 1);
      const w = ca === cb ? 1 : pairs.has(ca * 0x10000 + cb) ? LOOKALIKE_WEIGHT : 0;
      const skip = Math.max(prev[j]!, cur[j - 1]!);
      cur[j] = w > 0 ? Math.max(skip, prev[j - 1]! + w) : skip;
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}
