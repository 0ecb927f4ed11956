// The built page in real Chromium: open the seed report, break a sum, fill, type a non-number,
// reload for the draft, export — each checked against the library run in Node on the same report.
import { readFileSync } from "node:fs";
import { renderDocx } from "@zfxxgk/export-docx";
import { renderHtml } from "@zfxxgk/export-html";
import { renderXml } from "@zfxxgk/export-xml";
import { fill, validate } from "@zfxxgk/validator";
import type { Report2021 } from "@zfxxgk/types";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { labels } from "./labels.js";
import { setAt } from "./pointer.js";
import { cellName, tableModel } from "./table-model.js";
import { chromiumPath, repoRoot, seedPath, start } from "./test-support/browser.js";

const seed = JSON.parse(readFileSync(seedPath, "utf8"));
const idOf = (pointer: string) => `#c${tableModel.cells.find((c) => c.pointer === pointer)!.index}`;
const NEW_PERSON = "/applications/newReceived/naturalPerson";
const NEW_TOTAL = "/applications/newReceived/total";

let env: Awaited<ReturnType<typeof start>>;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[];

beforeAll(async () => {
  if (!chromiumPath) return;
  env = await start();
  browser = env.browser;
});
afterAll(async () => env?.stop());

async function open(width = 1400): Promise<void> {
  context = await browser.newContext({ viewport: { width, height: 1000 }, acceptDownloads: true });
  page = await context.newPage();
  errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(env.url);
  await page.waitForSelector("input.cell");
}
afterEach(async () => {
  expect(errors).toEqual([]);
  await context?.close();
});

async function openSeed(): Promise<void> {
  await page.setInputFiles("#file", seedPath);
  await expect.poll(() => page.inputValue("#f-title")).toBe(seed.title);
}

async function downloadBytes(id: string): Promise<{ name: string; bytes: Buffer }> {
  const [d] = await Promise.all([page.waitForEvent("download"), page.click(id)]);
  return { name: d.suggestedFilename(), bytes: readFileSync((await d.path())!) };
}

async function download(id: string): Promise<string> {
  return (await downloadBytes(id)).bytes.toString("utf8");
}

describe.skipIf(!chromiumPath)("the editor page", () => {
  it("starts with an empty form: an input for every cell, labelled by row and column, usable at 360 px", async () => {
    await open(360);
    const cells = page.locator("input.cell");
    expect(await cells.count()).toBe(tableModel.cells.length);
    const names = await cells.evaluateAll((els) => els.map((e) => e.getAttribute("aria-label")));
    expect(names).toEqual(tableModel.cells.map(cellName));
    const values = await cells.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    expect(values.every((v) => v === "")).toBe(true);
    // headings as the format prints them
    const h2 = await page.locator("h2").allTextContents();
    for (const k of ["overview", "proactiveDisclosure", "applications", "reviewAndLitigation", "problemsAndImprovements", "otherMatters"])
      expect(h2).toContain(labels.sections[k]!.heading);
    // the page itself never scrolls sideways; the wide tables scroll in their own box
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.setViewportSize({ width: 1280, height: 900 });
    // the docs' screenshots are refreshed on request only, so a test run leaves the tree clean
    if (process.env.UPDATE_SCREENSHOTS) await page.screenshot({ path: `${repoRoot}docs/editor/empty.png` });
  });

  it("marks a broken sum in place, with the validator's message, and the list jumps to the cell", async () => {
    await open();
    await openSeed();
    await page.click("#fill");
    const filled = fill(seed) as Record<string, unknown>;
    const broken = structuredClone(filled);
    setAt(broken, NEW_PERSON, seed.applications.newReceived.naturalPerson + 1);
    // the row's 总计 no longer equals its parts (and the column sums break too)
    const expected = validate(broken, { locale: "zh-CN" }).issues.find((i) => i.severity === "error" && i.pointer === NEW_TOTAL)!;
    expect(expected).toBeDefined();

    await page.fill(idOf(NEW_PERSON), String(seed.applications.newReceived.naturalPerson + 1));
    const total = page.locator(idOf(NEW_TOTAL));
    await expect.poll(() => total.getAttribute("aria-invalid")).toBe("true");
    expect(await total.getAttribute("title")).toContain(expected.message);
    const describedBy = (await total.getAttribute("aria-describedby"))!;
    expect(await page.locator(`#${describedBy}`).textContent()).toContain(expected.message);
    const link = page.locator("#issues .issue.error a", { hasText: expected.message });
    expect(await link.count()).toBe(1);
    await link.click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(idOf(NEW_TOTAL).slice(1));
    if (process.env.UPDATE_SCREENSHOTS) await page.screenshot({ path: `${repoRoot}docs/editor/seed-error.png` });

    // mended, the mark goes
    await page.fill(idOf(NEW_PERSON), String(seed.applications.newReceived.naturalPerson));
    await expect.poll(() => total.getAttribute("aria-invalid")).toBe(null);
  });

  it("fill computes the blank totals and never changes a typed cell", async () => {
    await open();
    await openSeed();
    // a total typed wrong on purpose: fill must leave it (it only fills blank cells)
    await page.fill(idOf(NEW_TOTAL), "5");
    await page.click("#fill");
    const expected = fill({
      ...structuredClone(seed),
      applications: { ...seed.applications, newReceived: { ...seed.applications.newReceived, total: 5 } },
    }) as Record<string, unknown>;
    for (const c of tableModel.cells) {
      const want = c.pointer
        .split("/")
        .slice(1)
        .reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], expected);
      expect(await page.inputValue(`#c${c.index}`), c.pointer).toBe(want === null ? "" : String(want));
    }
    expect(await page.inputValue(idOf(NEW_TOTAL))).toBe("5");
    expect(await page.locator(idOf(NEW_TOTAL)).getAttribute("aria-invalid")).toBe("true");
  });

  it("names a value that is not a number on its cell", async () => {
    await open();
    await openSeed();
    const broken = structuredClone(seed);
    setAt(broken, NEW_PERSON, "九");
    const expected = validate(broken, { locale: "zh-CN" }).issues.find((i) => i.pointer === NEW_PERSON && i.severity === "error")!;
    await page.fill(idOf(NEW_PERSON), "九");
    await expect.poll(() => page.locator(idOf(NEW_PERSON)).getAttribute("aria-invalid")).toBe("true");
    expect(await page.locator(idOf(NEW_PERSON)).getAttribute("title")).toContain(expected.message);
    // en switch: the same issue in English
    await page.click("#lang");
    const en = validate(broken, { locale: "en" }).issues.find((i) => i.pointer === NEW_PERSON && i.severity === "error")!;
    await expect.poll(() => page.locator(idOf(NEW_PERSON)).getAttribute("title")).toContain(en.message);
    expect(await page.inputValue(idOf(NEW_PERSON))).toBe("九");
  });

  it("keeps the draft across a reload", async () => {
    await open();
    await openSeed();
    await page.fill(idOf("/reviewAndLitigation/litigation/direct/pending"), "3");
    await page.fill("#f-contact-email", "gk@example.org");
    await page.reload();
    await page.waitForSelector("input.cell");
    expect(await page.inputValue(idOf("/reviewAndLitigation/litigation/direct/pending"))).toBe("3");
    expect(await page.inputValue("#f-contact-email")).toBe("gk@example.org");
    expect(await page.inputValue("#f-title")).toBe(seed.title);
    expect(await page.textContent("#status")).toMatch(/草稿/);
  });

  it("exports JSON, HTML (page and fragment), XML and Word equal to the libraries' output for the same report", async () => {
    await open();
    await openSeed();
    expect(JSON.parse(await download("#export-json"))).toEqual(seed);
    expect(await download("#export-html")).toBe(renderHtml(seed as Report2021, { mode: "document" }));
    expect(await download("#export-fragment")).toBe(renderHtml(seed as Report2021, { mode: "fragment" }));
    expect(await download("#export-xml")).toBe(renderXml(seed as Report2021));
    // the .docx the browser bundle writes: the same bytes as renderDocx in Node
    const docx = await downloadBytes("#export-docx");
    expect(docx.name).toBe(`report-${seed.year}.docx`);
    expect(Buffer.compare(docx.bytes, Buffer.from(renderDocx(seed as Report2021)))).toBe(0);
  });

  it("moves with Enter in reading order and fills a row from a pasted spreadsheet row", async () => {
    await open();
    const first = tableModel.cells[0]!;
    await page.focus(`#c${first.index}`);
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(`c${tableModel.cells[1]!.index}`);
    await page.keyboard.press("Shift+Enter");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(`c${first.index}`);

    const row = ["1", "2", "3", "4", "5", "6", "21"];
    await page.focus(idOf(NEW_PERSON));
    await page.evaluate(
      ([sel, text]) => {
        const dt = new DataTransfer();
        dt.setData("text/plain", text!);
        document.querySelector(sel!)!.dispatchEvent(new ClipboardEvent("paste", { clipboardData: dt, bubbles: true, cancelable: true }));
      },
      [idOf(NEW_PERSON), `${row.join("\t")}\n`],
    );
    const keys = Object.keys(labels.applications.columns);
    for (const [i, k] of keys.entries()) expect(await page.inputValue(idOf(`/applications/newReceived/${k}`))).toBe(row[i]);
    // 1+…+6 = 21: the row's sum rule holds, so its total is not marked
    expect(await page.locator(idOf(NEW_TOTAL)).getAttribute("aria-invalid")).toBe(null);
  });

  it.each([
    ["text", "opened", "corpus/raw/01-huaian-city-2024.txt"],
    ["PDF", "dropped on the page", "corpus/pdf/01-huaian-city-2024.pdf"],
  ])(
    "imports last year's published %s report (淮安), %s, with the bundled importer, as the library reads it in Node",
    async (_kind, how, path) => {
      const file = `${repoRoot}${path}`;
      const { importReport } = await import("@zfxxgk/import");
      const expected = await importReport(new Uint8Array(readFileSync(file)));
      await open();
      if (how === "opened") await page.setInputFiles("#file", file);
      else {
        // a real drop event carrying the file, as a user's drag from the desktop delivers it
        const dataTransfer = await page.evaluateHandle(
          ({ b64, name }) => {
            const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
            const dt = new DataTransfer();
            dt.items.add(new File([bytes], name, { type: "application/pdf" }));
            return dt;
          },
          { b64: readFileSync(file).toString("base64"), name: path.split("/").pop()! },
        );
        await page.dispatchEvent("body", "drop", { dataTransfer });
      }
      await expect.poll(() => page.inputValue("#f-title"), { timeout: 15_000 }).toBe((expected.report as { title: string }).title);
      // the importer's verdict comes first, as on the command line
      expect(expected.status).toBe("complete");
      expect(await page.textContent("#status")).toMatch(/^完整导入：已从 01-huaian-city-2024\.(txt|pdf) 读取，200 格中按原文读取 200，/);
      for (const c of tableModel.cells) {
        const want = c.pointer
          .split("/")
          .slice(1)
          .reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], expected.report);
        expect(await page.inputValue(`#c${c.index}`), c.pointer).toBe(want === null ? "" : String(want));
      }
    },
  );
});
