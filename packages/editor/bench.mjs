// Keystroke → updated marks on the seed report, in Chromium: the time from an input event on a
// cell to the marks, list and draft being updated and laid out (the handler is synchronous, then a
// forced layout). Baseline in the same run: the same event and layout on an input with no handler.
// Also prints the bundle's size, gzipped. Needs dist/ (npm run build).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import { chromiumArgs, findProgram } from "@zfxxgk/system-programs";
import { chromium } from "playwright-core";
import { serveDir } from "./serve.mjs";

const dist = fileURLToPath(new URL("./dist/", import.meta.url));
const seed = fileURLToPath(new URL("../../examples/tacheng-2024/report.json", import.meta.url));
const N = 200;

function files(dir) {
  return readdirSync(dir).flatMap((f) => (statSync(dir + f).isDirectory() ? files(`${dir}${f}/`) : [dir + f]));
}
const sizes = files(dist).map((f) => ({ f: f.slice(dist.length), raw: statSync(f).size, gz: gzipSync(readFileSync(f)).length }));
const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
console.log("bundle (gzip):");
for (const s of sizes) console.log(`  ${s.f.padEnd(36)} ${kb(s.raw).padStart(11)}  gzip ${kb(s.gz)}`);
const lazy = sizes.filter((s) => /pdfjs|dist-/.test(s.f));
const total = sizes.reduce((a, s) => a + s.gz, 0);
console.log(
  `  total gzip ${kb(total)}; loaded at start (without the importer's lazy chunks) ${kb(total - lazy.reduce((a, s) => a + s.gz, 0))}`,
);

const server = await serveDir(dist);
const browser = await chromium.launch({ executablePath: findProgram("chromium") ?? "chromium", args: [...chromiumArgs] });
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await page.goto(server.url);
  await page.waitForSelector("input.cell");
  await page.setInputFiles("#file", seed);
  await page.waitForFunction(() => document.querySelector("#f-title")?.value);
  const times = await page.evaluate(async (n) => {
    const cell = document.querySelector('input[data-pointer="/applications/newReceived/naturalPerson"]');
    const plain = document.createElement("input");
    document.body.append(plain);
    const median = (xs) => xs.sort((a, b) => a - b)[xs.length >> 1];
    const run = (el, value) => {
      const t0 = performance.now();
      el.value = value;
      el.dispatchEvent(new InputEvent("input", { bubbles: true }));
      document.body.getBoundingClientRect(); // style and layout of the new marks
      return performance.now() - t0;
    };
    const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
    const editor = [];
    const base = [];
    for (let i = 0; i < n; i++) {
      // alternate a breaking and a mending value, so marks appear and go each time
      editor.push(run(cell, String(i % 2 ? 9 : 10)));
      base.push(run(plain, String(i)));
      if (i % 20 === 0) await frame();
    }
    const marked =
      cell.closest("tr").querySelector('[aria-invalid="true"]') !== null || document.querySelector('[aria-invalid="true"]') !== null;
    return { editor: median(editor), p95: editor.sort((a, b) => a - b)[Math.floor(n * 0.95)], base: median(base), marked };
  }, N);
  console.log(
    `keystroke → marks (seed report, ${N} edits, Chromium): ` +
      `median ${times.editor.toFixed(2)} ms, p95 ${times.p95.toFixed(2)} ms (target < 16 ms)`,
  );
  console.log(
    `baseline (same input event + layout on an input with no handler): ` +
      `median ${times.base.toFixed(3)} ms; ratio ${(times.editor / Math.max(times.base, 0.001)).toFixed(1)}x`,
  );
} finally {
  await browser.close();
  await server.close();
}
