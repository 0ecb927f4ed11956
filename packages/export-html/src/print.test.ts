// The page in a real browser (Debian's Chromium, driven by playwright-core): printed to an A4
// PDF whose text (pdftotext) holds every label and every number of the report (a report of
// either edition) in reading order,
// rows never split between pages, numbered pages; and on a phone, no sideways scrolling.
// (the DOM types are for the functions that run in the page)
/// <reference lib="dom" />
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromiumArgs } from "@zfxxgk/system-programs";
import { programForTests } from "@zfxxgk/system-programs/testing";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderHtml } from "./index.js";
import { readingOrder } from "./test-support/reading-order.js";
import { pingtan2019, seed } from "./test-support/seed.js";

const report = seed();
const html = renderHtml(report);
const printed = [
  ["2021 (塔城 2024)", report],
  ["2019 (平潭 2019)", pingtan2019()],
] as const;
const chromiumPath = programForTests("chromium");
const pdftotext = programForTests("pdftotext");
const canPrint = Boolean(chromiumPath && pdftotext);
let browser: Browser;
const dir = mkdtempSync(join(tmpdir(), "zfxxgk-print-"));

beforeAll(async () => {
  if (!chromiumPath) return;
  browser = await chromium.launch({ executablePath: chromiumPath, args: [...chromiumArgs] });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

const norm = (s: string) => s.normalize("NFKC").replace(/\s+/g, "");

/** The PDF's text in content-stream order (pdftotext -raw), page by page. */
async function printedPages(page: string): Promise<string[]> {
  const tab = await browser.newPage();
  try {
    await tab.setContent(page, { waitUntil: "load" });
    const pdf = await tab.pdf({ preferCSSPageSize: true, printBackground: true });
    const file = join(dir, "report.pdf");
    writeFileSync(file, pdf);
    const r = spawnSync(pdftotext!, ["-raw", "-enc", "UTF-8", file, "-"], { encoding: "utf8" });
    if (r.status !== 0) throw new Error(`pdftotext failed: ${r.stderr}`);
    return r.stdout.split("\f").filter((p, i, all) => i < all.length - 1 || p.trim() !== "");
  } finally {
    await tab.close();
  }
}

describe.skipIf(!canPrint).each(printed)("a %s report printed to PDF (A4)", (_, report) => {
  const html = renderHtml(report);
  let pages: string[];
  let chunks: { text: string; page: number; start: number }[];
  let joined: string;
  /** the page of the word that holds this offset of the joined text */
  const pageAt = (offset: number): number => {
    let page = -1;
    for (const c of chunks) if (c.start <= offset) page = c.page;
    return page;
  };

  beforeAll(async () => {
    pages = await printedPages(html);
    chunks = [];
    joined = "";
    pages.forEach((p, page) => {
      for (const line of p.split("\n")) {
        // the page number in the margin is not part of the report
        if (/^第\s*\d+\s*页\s*\/\s*共\s*\d+\s*页$/.test(line.normalize("NFKC").trim())) continue;
        for (const word of line.normalize("NFKC").split(/\s+/).filter(Boolean)) {
          chunks.push({ text: word, page, start: joined.length });
          joined += word;
        }
      }
    });
  }, 60_000);

  it("numbers every page: 第 n 页 / 共 N 页", () => {
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((p, i) => {
      const footers = p
        .split("\n")
        .map((l) => norm(l))
        .filter((l) => /^第\d+页\/共\d+页$/.test(l));
      expect(footers).toEqual([`第${i + 1}页/共${pages.length}页`]);
    });
  });

  it("holds every label and every number of the report in reading order; each row's values right after its labels", () => {
    let pos = 0;
    const chunkAt = (offset: number) => chunks.findIndex((c) => c.start === offset);
    for (const token of readingOrder(report)) {
      if (token.kind === "text") {
        const found = joined.indexOf(norm(token.text), pos);
        expect(found, `not found after offset ${pos}: ${token.text.slice(0, 40)}`).toBeGreaterThanOrEqual(0);
        pos = found + norm(token.text).length;
        continue;
      }
      for (const label of token.labels) {
        const found = joined.indexOf(norm(label), pos);
        expect(found, `${token.name}: label ${label} not found`).toBeGreaterThanOrEqual(0);
        pos = found + norm(label).length;
      }
      // the next words are exactly the row's values (a blank cell adds none), then no number
      let k = token.values.length ? chunkAt(pos) : -1;
      if (token.values.length) expect(k, `${token.name}: a value should start right after the labels`).toBeGreaterThanOrEqual(0);
      if (!token.labels.length && token.values.length) {
        k = chunks.findIndex((c) => c.start >= pos && c.text === token.values[0]);
      }
      const words = chunks.slice(k, k + token.values.length).map((c) => c.text);
      expect(words, token.name).toEqual(token.values);
      expect(chunks[k + token.values.length]?.text ?? "", `${token.name}: no extra number after the values`).not.toMatch(/^\d+(\.\d+)?$/);
      pos = k >= 0 && token.values.length ? chunks[k + token.values.length - 1]!.start + token.values.at(-1)!.length : pos;
    }
  });

  it("never splits a table row between pages, and repeats 表三's header on each page it continues to", () => {
    let pos = 0;
    for (const token of readingOrder(report)) {
      const words = token.kind === "text" ? [token.text] : [...token.labels, ...token.values];
      const spanned: number[] = [];
      for (const w of words) {
        const found = joined.indexOf(norm(w), pos);
        expect(found, `${w} not found`).toBeGreaterThanOrEqual(0);
        spanned.push(pageAt(found));
        pos = found + norm(w).length;
      }
      if (token.kind === "row") expect(new Set(spanned).size, `${token.name} runs over two pages`).toBe(1);
    }
    const note = norm("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）");
    const table3Pages = new Set(
      readingOrder(report)
        .filter((t) => t.kind === "row" && t.name.startsWith("表三"))
        .map((t) => {
          const label = norm((t as { labels: string[] }).labels.at(-1)!);
          return pageAt(joined.indexOf(label));
        }),
    );
    for (const p of table3Pages) expect(norm(pages[p]!)).toContain(note);
  });
});

describe.skipIf(!chromiumPath)("on screen", () => {
  it("on a phone (375 px) the page never scrolls sideways: wide tables scroll in their own focusable box", async () => {
    const tab = await browser.newPage({ viewport: { width: 375, height: 740 }, deviceScaleFactor: 2, isMobile: true });
    try {
      await tab.setContent(html, { waitUntil: "load" });
      const m = await tab.evaluate(() => ({
        page: document.documentElement.scrollWidth,
        viewport: window.innerWidth,
        boxes: [...document.querySelectorAll<HTMLElement>(".zfxxgk-scroll")].map((b) => ({
          scrolls: b.scrollWidth > b.clientWidth,
          fits: b.getBoundingClientRect().right <= window.innerWidth + 0.5,
          tabIndex: b.tabIndex,
          name: b.getAttribute("aria-label"),
        })),
        fontSize: parseFloat(getComputedStyle(document.querySelector("p")!).fontSize),
      }));
      expect(m.viewport).toBe(375);
      expect(m.page).toBeLessThanOrEqual(375);
      expect(m.boxes).toHaveLength(3);
      for (const b of m.boxes) {
        expect(b.fits).toBe(true);
        expect(b.tabIndex).toBe(0);
        expect(b.name).toMatch(/^表[二三四] /);
      }
      expect(m.boxes.filter((b) => b.scrolls).length).toBeGreaterThanOrEqual(2);
      expect(m.fontSize).toBeGreaterThanOrEqual(16);
    } finally {
      await tab.close();
    }
  });

  it("numbers are right-aligned, the visually hidden notes take no space, print keeps rows whole", async () => {
    const tab = await browser.newPage({ viewport: { width: 1024, height: 800 } });
    try {
      await tab.setContent(html, { waitUntil: "load" });
      const screen = await tab.evaluate(() => ({
        align: [...new Set([...document.querySelectorAll("td.zfxxgk-num")].map((td) => getComputedStyle(td).textAlign))],
        notes: [...document.querySelectorAll<HTMLElement>(".zfxxgk-sr")].map((s) => [
          s.getBoundingClientRect().width,
          s.getBoundingClientRect().height,
        ]),
      }));
      expect(screen.align).toEqual(["right"]);
      expect(screen.notes.length).toBe(4 + 3);
      for (const [w, h] of screen.notes) expect(w! * h!).toBeLessThanOrEqual(1);
      await tab.emulateMedia({ media: "print" });
      const print = await tab.evaluate(() => ({
        rows: [...new Set([...document.querySelectorAll(".zfxxgk-table tr")].map((tr) => getComputedStyle(tr).breakInside))],
        heads: [...new Set([...document.querySelectorAll(".zfxxgk-table thead")].map((t) => getComputedStyle(t).display))],
      }));
      expect(print.rows).toEqual(["avoid"]);
      expect(print.heads).toEqual(["table-header-group"]);
    } finally {
      await tab.close();
    }
  });
});
