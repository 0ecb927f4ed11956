// The offline build (dist/offline/index.html, every script inlined) opened straight from a file,
// as an office without a web server would: the page, its checks and the PDF importer all work.
import { existsSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { chromiumArgs } from "@zfxxgk/system-programs";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tableModel } from "./table-model.js";
import { chromiumPath, repoRoot } from "./test-support/browser.js";

const offline = `${repoRoot}packages/editor/dist/offline/index.html`;
let browser: Browser;

beforeAll(async () => {
  if (!chromiumPath) return;
  if (!existsSync(offline)) throw new Error("packages/editor/dist/offline is missing: run `npm run build` in packages/editor first");
  browser = await chromium.launch({
    executablePath: chromiumPath!,
    args: [...chromiumArgs],
  });
});
afterAll(async () => browser?.close());

describe.skipIf(!chromiumPath)("the page opened from a file:// URL", () => {
  it("shows every cell, checks on typing, and imports the 淮安 PDF", async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(pathToFileURL(offline).href);
    await page.waitForSelector("input.cell");
    expect(await page.locator("input.cell").count()).toBe(tableModel.cells.length);
    await page.setInputFiles("#file", `${repoRoot}corpus/pdf/01-huaian-city-2024.pdf`);
    await expect.poll(() => page.inputValue("#f-title"), { timeout: 20_000 }).toBe("淮安市人民政府2024年政府信息公开工作年度报告");
    // a negative count is marked on its cell
    const first = page.locator("input.cell").first();
    await first.fill("-1");
    await expect.poll(() => first.getAttribute("aria-invalid")).toBe("true");
    expect(errors).toEqual([]);
    await page.close();
  });
});
