// No source line wider than biome.json's formatter.lineWidth. Biome breaks what it can, but not a
// long string, comment or test name; this check names every such line as file:line. Width is
// measured as Biome measures it: an East Asian wide or fullwidth character (汉字, （, 〔) takes two
// columns, a combining mark none. Every tracked .ts/.mjs/.js file counts, except generated output,
// golden files, the corpus and the .d.ts declarations. Exits 1 when a line is too wide.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";

const root = join(import.meta.dirname, "..");
const formatter = JSON.parse(readFileSync(join(root, "biome.json"), "utf8")).formatter ?? {};
const limit = formatter.lineWidth ?? 80;
const tab = formatter.indentWidth ?? 2;

const WIDE = [
  [0x1100, 0x115f],
  [0x2329, 0x232a],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xa960, 0xa97f],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe10, 0xfe19],
  [0xfe30, 0xfe6f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x1f300, 0x1f64f],
  [0x1f900, 0x1f9ff],
  [0x20000, 0x2fffd],
  [0x30000, 0x3fffd],
];
const ZERO = /[\p{Mn}\p{Me}\u200b-\u200f\u2060\ufeff]/u;
const EMOJI = /\p{Emoji_Presentation}/u;

/** The columns a line takes, as Biome counts them. */
export function width(line) {
  let n = 0;
  for (const ch of line) {
    const c = ch.codePointAt(0);
    if (ch === "\t") n += tab;
    else if (c < 0x20 || (c >= 0x7f && c < 0xa0) || ZERO.test(ch)) n += 0;
    else if (EMOJI.test(ch) || WIDE.some(([a, b]) => c >= a && c <= b)) n += 2;
    else n += 1;
  }
  return n;
}

const excluded = (f) =>
  /(^|\/)generated\/|\.generated\.ts$|(^|\/)golden\/|^corpus\/|^packages\/types\/|^packages\/schema\/index\.js$|\.d\.ts$/.test(f);
const files = execFileSync("git", ["ls-files", "-z", "*.ts", "*.mjs", "*.js"], { cwd: root, encoding: "utf8" })
  .split("\0")
  .filter((f) => f && !excluded(f));

const wide = [];
for (const f of files) {
  const lines = readFileSync(join(root, f), "utf8").split(/\r?\n/);
  lines.forEach((line, i) => {
    const w = width(line);
    if (w > limit) wide.push(`${f}:${i + 1}: ${w} columns`);
  });
}
if (wide.length) {
  console.error(`${wide.length} line(s) wider than biome.json's formatter.lineWidth (${limit}):\n${wide.join("\n")}`);
  process.exitCode = 1;
}
