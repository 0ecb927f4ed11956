#!/usr/bin/env node
// Rewrites the golden files (packages/export-html/golden/) from the current templates, and the
// screenshot of the seed report in docs/export-html/. The only way they change: tests compare
// against them and never write them. Run from anywhere; review the diff before committing.
//   node packages/export-html/scripts/update-golden.mjs [--no-screenshot]
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { chromiumArgs, findProgram } from "@zfxxgk/system-programs";
import { goldenCases } from "./golden-cases.mjs";

const pkg = join(import.meta.dirname, "..");
const root = join(pkg, "../..");
const goldenDir = join(pkg, "golden");

// render with what the sources say now, not with a stale dist/
const tsc = spawnSync(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", join(pkg, "tsconfig.build.json")], {
  stdio: "inherit",
});
if (tsc.status !== 0) process.exit(tsc.status ?? 1);
const { renderHtml } = await import(join(pkg, "dist/index.js"));

mkdirSync(goldenDir, { recursive: true });
const wanted = new Set(goldenCases.map((c) => c.file));
for (const f of readdirSync(goldenDir)) if (!wanted.has(f)) rmSync(join(goldenDir, f));
for (const c of goldenCases) {
  const report = JSON.parse(readFileSync(join(root, c.report), "utf8"));
  writeFileSync(join(goldenDir, c.file), renderHtml(report, c.options));
  console.log(`wrote ${relative(root, join(goldenDir, c.file))}`);
}

if (!process.argv.includes("--no-screenshot")) {
  // what a reader of the docs sees: the seed report's page, top to bottom, on a desktop screen
  const { chromium } = await import("playwright-core");
  const png = join(root, "docs/export-html/tacheng-2024.png");
  const browser = await chromium.launch({
    executablePath: findProgram("chromium") ?? "chromium",
    args: [...chromiumArgs],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 960, height: 900 }, deviceScaleFactor: 1 });
    await page.setContent(readFileSync(join(goldenDir, "tacheng-2024.html"), "utf8"), { waitUntil: "load" });
    mkdirSync(dirname(png), { recursive: true });
    await page.screenshot({ path: png, fullPage: true });
    console.log(`wrote ${relative(root, png)}`);
  } finally {
    await browser.close();
  }
}
