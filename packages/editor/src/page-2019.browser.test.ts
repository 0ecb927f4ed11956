// The built page in real Chromium holding a 2019 trial-format report: a real one (平潭 2019's
// figures) opened from a file, a published 2019 report imported, and an empty one started — each
// checked against the 2019 labels and the libraries run in Node on the same report.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { renderHtml } from "@zfxxgk/export-html";
import { renderXml } from "@zfxxgk/export-xml";
import { validate } from "@zfxxgk/validator";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { labelsOf } from "./labels.js";
import { getAt, setAt } from "./pointer.js";
import { cellName, tableModelOf } from "./table-model.js";
import { chromiumPath, repoRoot, start } from "./test-support/browser.js";

const model = tableModelOf("2019");
const l = labelsOf["2019"];
const basePath = `${repoRoot}packages/schema/rules/fixtures/2019/base.json`;
const SIGNED = "/proactiveDisclosure/article20Item6/administrativePenalty/changeThisYear";
const NEW_PERSON = "/applications/newReceived/naturalPerson";
const NEW_TOTAL = "/applications/newReceived/total";
const idOf = (pointer: string) => `#c${model.cells.find((c) => c.pointer === pointer)!.index}`;
const valueOf = (report: unknown, pointer: string) => {
  const v = getAt(report as Record<string, unknown>, pointer);
  return v === null || v === undefined ? "" : String(v);
};

// the real report with one decrease: 本年增/减 of 行政处罚 written as -7
const report = JSON.parse(readFileSync(basePath, "utf8"));
setAt(report, SIGNED, -7);
const dir = mkdtempSync(join(tmpdir(), "zfxxgk-editor-2019-"));
const reportPath = join(dir, "pingtan-2019.json");
writeFileSync(reportPath, JSON.stringify(report, null, 2));

let env: Awaited<ReturnType<typeof start>>;
let context: BrowserContext;
let page: Page;
let errors: string[];

beforeAll(async () => {
  if (!chromiumPath) return;
  env = await start();
});
afterAll(async () => {
  await env?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function open(): Promise<void> {
  context = await env.browser.newContext({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
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

async function download(id: string): Promise<string> {
  const [d] = await Promise.all([page.waitForEvent("download"), page.click(id)]);
  return readFileSync((await d.path())!, "utf8");
}

async function cellValues(): Promise<string[]> {
  return page.locator("input.cell").evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
}

describe.skipIf(!chromiumPath)("the editor page with a 2019-format report", () => {
  it("opens a 2019 report from a file into the 2019 tables, every cell showing its value, a decrease included", async () => {
    await open();
    await page.setInputFiles("#file", reportPath);
    await expect.poll(() => page.inputValue("#f-title")).toBe(report.title);
    expect(await page.getAttribute("#edition-note", "data-edition")).toBe("2019");
    const cells = page.locator("input.cell");
    expect(await cells.count()).toBe(model.cells.length);
    expect(await cells.evaluateAll((els) => els.map((e) => e.getAttribute("aria-label")))).toEqual(model.cells.map(cellName));
    expect(await cellValues()).toEqual(model.cells.map((c) => valueOf(report, c.pointer)));
    expect(await page.inputValue(idOf(SIGNED))).toBe("-7");
    // a decrease is a value of this cell, not an error
    expect(await page.locator(idOf(SIGNED)).getAttribute("aria-invalid")).not.toBe("true");
    // 表二 with its five block captions, 表三 with （六）其他处理 as one row
    const blockCaptions = await page.locator("table.t2 th.block").allTextContents();
    expect(blockCaptions).toEqual(Object.values(l.proactiveDisclosure.blocks).map((b) => b.caption));
    const other = page.locator("table.t3 th[scope=row]", { hasText: l.applications.rows["results.other"]! });
    expect(await other.getAttribute("colspan")).toBe("2");
    expect(await page.locator("#status").textContent()).toBe("");
  });

  it("exports HTML, fragment, XML and JSON equal to the libraries' output for the same 2019 report", async () => {
    await open();
    await page.setInputFiles("#file", reportPath);
    await expect.poll(() => page.inputValue("#f-title")).toBe(report.title);
    expect(await download("#export-html")).toBe(renderHtml(report, { mode: "document" }));
    expect(await download("#export-fragment")).toBe(renderHtml(report, { mode: "fragment" }));
    expect(await download("#export-xml")).toBe(renderXml(report));
    expect(JSON.parse(await download("#export-json"))).toEqual(report);
  });

  it("marks a broken sum with the 2019 validator's message, and takes a decrease typed into 本年增/减", async () => {
    await open();
    await page.setInputFiles("#file", reportPath);
    await expect.poll(() => page.inputValue("#f-title")).toBe(report.title);
    const broken = structuredClone(report);
    setAt(broken, NEW_PERSON, report.applications.newReceived.naturalPerson + 1);
    const expected = validate(broken, { locale: "zh-CN" }).issues.find((i) => i.severity === "error" && i.pointer === NEW_TOTAL)!;
    expect(expected).toBeDefined();
    await page.fill(idOf(NEW_PERSON), String(report.applications.newReceived.naturalPerson + 1));
    const total = page.locator(idOf(NEW_TOTAL));
    await expect.poll(() => total.getAttribute("aria-invalid")).toBe("true");
    expect(await total.getAttribute("title")).toContain(expected.message);
    expect(await page.locator(`#${(await total.getAttribute("aria-describedby"))!}`).textContent()).toContain(expected.message);
    expect(await page.locator("#issues .issue.error a", { hasText: expected.message }).count()).toBe(1);

    // a decrease typed with a full-width minus is stored as a negative number
    await page.fill(idOf(SIGNED), "－12");
    const saved = JSON.parse(await download("#export-json"));
    expect(getAt(saved, SIGNED)).toBe(-12);
    expect(await page.locator(idOf(SIGNED)).getAttribute("aria-invalid")).not.toBe("true");
  });

  it("starts an empty report of the chosen edition, and keeps it as the draft", async () => {
    await open();
    // the page starts from an empty 2021 report
    expect(await page.getAttribute("#edition-note", "data-edition")).toBe("2021");
    await page.selectOption("#edition", "2019");
    await page.click("#new");
    await expect.poll(() => page.getAttribute("#edition-note", "data-edition")).toBe("2019");
    expect(await page.locator("input.cell").count()).toBe(model.cells.length);
    expect((await cellValues()).every((v) => v === "")).toBe(true);
    const empty = JSON.parse(await download("#export-json"));
    expect(empty.edition).toBe("2019");
    for (const c of model.cells) expect(getAt(empty, c.pointer), c.pointer).toBeNull();
    await page.fill(idOf(SIGNED), "-3");
    await page.reload();
    await page.waitForSelector("input.cell");
    expect(await page.getAttribute("#edition-note", "data-edition")).toBe("2019");
    expect(await page.inputValue(idOf(SIGNED))).toBe("-3");
    // the choice is remembered, and 2021 is one choice away
    expect(await page.inputValue("#edition")).toBe("2019");
    await page.selectOption("#edition", "2021");
    page.once("dialog", (d) => void d.accept());
    await page.click("#new");
    await expect.poll(() => page.getAttribute("#edition-note", "data-edition")).toBe("2021");
    expect(await page.locator("input.cell").count()).toBe(tableModelOf("2021").cells.length);
  });

  it("imports a published 2019-format report (平潭 2019 text) into the 2019 tables, as the library reads it in Node", async () => {
    const file = `${repoRoot}corpus/raw/03-pingtan-2019.txt`;
    const { importReport } = await import("@zfxxgk/import");
    const expected = await importReport(new Uint8Array(readFileSync(file)));
    expect(expected.edition).toBe("2019");
    await open();
    await page.setInputFiles("#file", file);
    await expect.poll(() => page.inputValue("#f-title"), { timeout: 15_000 }).toBe((expected.report as { title: string }).title);
    expect(await page.getAttribute("#edition-note", "data-edition")).toBe("2019");
    expect(await cellValues()).toEqual(model.cells.map((c) => valueOf(expected.report, c.pointer)));
  });
});
