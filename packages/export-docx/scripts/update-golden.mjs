#!/usr/bin/env node
// Rewrites the golden files (packages/export-docx/golden/) with the current templates, and the page
// image of the seed report as LibreOffice prints it (docs/export-docx/tacheng-2024.png: its first
// page of tables). The only way they change: tests compare against them and never write them.
// Run from anywhere; open the .docx and review the image before committing.
//   node packages/export-docx/scripts/update-golden.mjs [--no-image]
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { goldenCases } from "./golden-cases.mjs";

const pkg = join(import.meta.dirname, "..");
const root = join(pkg, "../..");
const goldenDir = join(pkg, "golden");

// render with what the sources say now, not with a stale dist/
const tsc = spawnSync(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", join(pkg, "tsconfig.build.json")], {
  stdio: "inherit",
});
if (tsc.status !== 0) process.exit(tsc.status ?? 1);
const { renderDocx } = await import(join(pkg, "dist/index.js"));

mkdirSync(goldenDir, { recursive: true });
for (const c of goldenCases) {
  const out = join(goldenDir, c.file);
  const before = (() => {
    try {
      return readFileSync(out);
    } catch {
      return Buffer.alloc(0);
    }
  })();
  const bytes = renderDocx(JSON.parse(readFileSync(join(root, c.report), "utf8")));
  writeFileSync(out, bytes);
  console.log(`${relative(root, out)}: ${Buffer.compare(before, Buffer.from(bytes)) === 0 ? "unchanged" : "updated"}`);
}

if (!process.argv.includes("--no-image")) {
  const { findProgram, missingProgramMessage } = await import("@zfxxgk/system-programs");
  const { convertWithLibreOffice } = await import("@zfxxgk/system-programs/testing");
  const soffice = findProgram("soffice");
  const pdftoppm = findProgram("pdftoppm");
  for (const [name, path] of [
    ["soffice", soffice],
    ["pdftoppm", pdftoppm],
  ]) {
    if (!path) {
      console.error(missingProgramMessage(name, "en"));
      process.exit(2);
    }
  }
  const dir = mkdtempSync(join(tmpdir(), "zfxxgk-docx-image-"));
  try {
    const docx = join(dir, "tacheng-2024.docx");
    copyFileSync(join(goldenDir, "tacheng-2024.docx"), docx);
    const pdf = convertWithLibreOffice(soffice, docx, "pdf", dir);
    // the page where 表三 begins: the merged label area and the repeated header are what a reader checks
    const text = spawnSync(findProgram("pdftotext") ?? "pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }).stdout;
    const page = text.split("\f").findIndex((p) => p.includes("三、收到和处理政府信息公开申请情况")) + 1;
    const png = join(root, "docs/export-docx/tacheng-2024.png");
    mkdirSync(join(root, "docs/export-docx"), { recursive: true });
    const r = spawnSync(
      pdftoppm,
      ["-png", "-r", "80", "-f", String(page), "-l", String(page), "-singlefile", pdf, png.replace(/\.png$/, "")],
      { stdio: "inherit" },
    );
    if (r.status !== 0) process.exit(r.status ?? 1);
    console.log(`wrote ${relative(root, png)} (page ${page} of LibreOffice's PDF)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
