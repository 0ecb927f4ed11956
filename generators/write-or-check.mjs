// Shared by the generators: write the generated files, or with --check report the ones that
// differ from what the generator produces now (CI fails on stale generated files).
import { mkdirSync, readFileSync, writeFileSync, readdirSync, existsSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

/**
 * @param {string} outDir
 * @param {Record<string, string>} files name → content
 * @param {boolean} check
 * @param {string} who the generator, for messages
 * @param {{ ownsDir?: boolean }} [options] ownsDir: every file in outDir is generated, so an
 *   extra one is stale too
 */
export function writeOrCheck(outDir, files, check, who, { ownsDir = false } = {}) {
  if (!check) {
    mkdirSync(outDir, { recursive: true });
    for (const [name, text] of Object.entries(files)) writeFileSync(join(outDir, name), text);
    console.log(`${who}: wrote ${Object.keys(files).length} files to ${relative(root, outDir)}`);
    return 0;
  }
  const stale = [];
  for (const [name, text] of Object.entries(files)) {
    const path = join(outDir, name);
    if (!existsSync(path) || readFileSync(path, "utf8") !== text) stale.push(relative(root, path));
  }
  if (ownsDir && existsSync(outDir)) {
    for (const n of readdirSync(outDir)) if (!(n in files)) stale.push(`${relative(root, join(outDir, n))} (no longer generated)`);
  }
  if (stale.length) {
    console.error(`${who}: generated files are stale; run \`npm run generate\` and commit:\n  ${stale.join("\n  ")}`);
    return 1;
  }
  console.log(`${who}: ${Object.keys(files).length} generated files are up to date`);
  return 0;
}
