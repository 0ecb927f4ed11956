// renderPdf: the report's HTML page (renderHtml, document mode: its A4 print CSS, CJK fonts and
// 第 n 页 / 共 N 页 page numbers) printed to PDF by Chromium, the system's own, found as
// @zfxxgk/system-programs finds it. In its own package so that the other exporters stay free of
// browsers.
import { renderHtml } from "@zfxxgk/export-html";
import { isLocale, say as sayIn, type Catalogue, type Locale } from "@zfxxgk/i18n";
import { chromiumArgs, findProgram, missingProgramMessage } from "@zfxxgk/system-programs";
import type { Report } from "@zfxxgk/types";
import { chromium } from "playwright-core";
import { PdfExportError } from "./errors.js";

export type { Locale };

export interface RenderPdfOptions {
  /** Language of error messages and of the HTML's note in a blank cell. Default zh-CN. */
  locale?: Locale;
  /** The Chromium to run; by default the one findProgram("chromium") finds (CHROMIUM_PATH, PATH, the usual places). */
  executablePath?: string;
  /** How long Chromium may take to start and print, in milliseconds. Default 60 000. */
  timeoutMs?: number;
}

const messages = {
  printFailed: {
    "zh-CN": "Chromium 未能输出 PDF：{detail}",
    en: "Chromium could not print the PDF: {detail}",
  },
  option: {
    "zh-CN": "选项 {name} 不能是 {value}",
    en: "option {name} cannot be {value}",
  },
} satisfies Catalogue;

const say = (key: keyof typeof messages, locale: Locale, vars: Record<string, string>) => sayIn(messages, key, locale, vars);

/**
 * Prints the report as an A4 PDF. Throws RenderError (from @zfxxgk/export-html) for a report it
 * cannot render, and PdfExportError when no Chromium is found (the message names the package
 * to install) or Chromium fails.
 */
export async function renderPdf(report: Report, options: RenderPdfOptions = {}): Promise<Uint8Array> {
  const { locale = "zh-CN", timeoutMs = 60_000 } = options;
  if (!isLocale(locale)) throw new PdfExportError("OPTION", say("option", "zh-CN", { name: "locale", value: JSON.stringify(locale) }));
  if (!(Number.isFinite(timeoutMs) && timeoutMs > 0))
    throw new PdfExportError("OPTION", say("option", locale, { name: "timeoutMs", value: String(timeoutMs) }));
  // rendered first: a report the HTML export refuses never starts a browser
  const html = renderHtml(report, { mode: "document", locale });
  const executablePath = options.executablePath ?? findProgram("chromium");
  if (!executablePath) throw new PdfExportError("NO-CHROMIUM", missingProgramMessage("chromium", locale));

  let browser;
  try {
    browser = await chromium.launch({ executablePath, args: [...chromiumArgs], timeout: timeoutMs });
  } catch (e) {
    const detail = e instanceof Error ? e.message.split("\n")[0]! : String(e);
    // a given path where there is no program is a missing Chromium too
    if (/ENOENT|EACCES|executable doesn't exist/.test(detail))
      throw new PdfExportError("NO-CHROMIUM", `${missingProgramMessage("chromium", locale)} (${detail})`);
    throw new PdfExportError("PRINT-FAILED", say("printFailed", locale, { detail }));
  }
  try {
    // the page is ours and needs nothing else: no script, no network
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    const page = await context.newPage();
    page.setDefaultTimeout(timeoutMs);
    await page.setContent(html, { waitUntil: "load" });
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  } catch (e) {
    throw new PdfExportError(
      "PRINT-FAILED",
      say("printFailed", locale, { detail: e instanceof Error ? e.message.split("\n")[0]! : String(e) }),
    );
  } finally {
    await browser.close();
  }
}
