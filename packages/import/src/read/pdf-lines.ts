// PDF → lines: text items with their positions (unpdf's pdf.js), grouped into lines by baseline
// and into cells by the gaps between them, so that a table row keeps each figure's column.
import { getDocumentProxy } from "unpdf";
import type { Doc, DocCell, DocLine } from "./document.js";
import { foldPdfText } from "../normalise.js";
import { PAGE_FOOTER } from "./text-lines.js";
import { isValueCell } from "../cells/tokens.js";
import { ImportFailure } from "../errors.js";

export const MAX_PAGES = 300;
export const PDF_TIMEOUT_MS = 20_000;

export interface Item {
  str: string;
  x: number;
  y: number;
  w: number;
  fs: number;
}

const ASCII_WORD = /[A-Za-z0-9]/;
const isAsciiWord = (ch: string | undefined) => ch !== undefined && ASCII_WORD.test(ch);

/**
 * A page's items as lines and cells. Linear in the items: a hostile page may put hundreds of
 * thousands of them on one baseline, so a cell's text is gathered in parts and joined once, and
 * no array is spread into a call's arguments.
 */
export function linesOfPage(items: Item[], page: number): DocLine[] {
  const ink = items.filter((i) => i.str.trim() !== "" && Number.isFinite(i.x) && Number.isFinite(i.y));
  ink.sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: Item[][] = [];
  for (const it of ink) {
    const g = groups[groups.length - 1];
    const ref = g?.[0];
    if (g && ref && Math.abs(it.y - ref.y) <= 0.45 * Math.max(it.fs, ref.fs, 1)) g.push(it);
    else groups.push([it]);
  }
  const lines: DocLine[] = [];
  const largestFont: number[] = [];
  groups.forEach((g, li) => {
    g.sort((a, b) => a.x - b.x);
    const source = { page, line: li + 1 };
    const cells: DocCell[] = [];
    const parts: string[][] = [];
    let end = -Infinity;
    let fs = 1;
    for (const it of g) {
      if (it.fs > fs) fs = it.fs;
      const last = cells[cells.length - 1];
      const lastParts = parts[parts.length - 1];
      const gap = it.x - end;
      if (last && lastParts && gap < 0.8 * it.fs) {
        const tail = lastParts[lastParts.length - 1]!;
        const asciiEdge = isAsciiWord(tail[tail.length - 1]) || isAsciiWord(it.str[0]);
        if (gap > 0.2 * it.fs && asciiEdge) lastParts.push(" ");
        lastParts.push(it.str);
        last.w = Math.max(last.w!, it.x + it.w - last.x!);
      } else {
        cells.push({ text: "", x: it.x, w: it.w, source });
        parts.push([it.str]);
      }
      end = Math.max(end, it.x + it.w);
    }
    cells.forEach((c, k) => (c.text = foldPdfText(parts[k]!.join("").replace(/\s+/g, " ").trim())));
    const text = cells.map((c) => c.text).join(" ");
    const row = cells.length > 1 || (cells.length === 1 && isValueCell(cells[0]!.text));
    lines.push({ kind: row ? "row" : "text", cells, text, source });
    largestFont.push(fs);
  });
  // paragraphs start indented: measure against the page's text block
  let margin: number | undefined;
  for (const l of lines)
    if (l.kind === "text" && l.text.length >= 12 && (margin === undefined || l.cells[0]!.x! < margin)) margin = l.cells[0]!.x!;
  lines.forEach((l, i) => {
    const first = l.cells[0];
    if (margin !== undefined && first?.x !== undefined && first.x - margin > 1.2 * largestFont[i]!) l.indent = true;
  });
  return lines;
}

async function withTimeout<T>(p: Promise<T>, ms: number, onTimeout: () => void): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      p,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          onTimeout();
          reject(new ImportFailure("timeout", `PDF reading took longer than ${ms} ms`));
        }, ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * pdf.js leaves some of its own promises rejected with nobody listening when a damaged file makes
 * it give up on an object (XRefEntryException…); Node would end the process for that. While a
 * PDF is being read, those — and only those — are dropped. Anything else is left to the host's
 * own listeners, or, when it has none, ends the process as Node would.
 */
const PDFJS_ERRORS = new Set([
  "XRefEntryException",
  "XRefParseException",
  "FormatError",
  "InvalidPDFException",
  "MissingPDFException",
  "MissingDataException",
  "ParserEOFException",
  "PasswordException",
  "UnknownErrorException",
  "UnexpectedResponseException",
  "ResponseException",
  "AbortException",
]);
let reading = 0;
function dropPdfjsRejection(reason: unknown): void {
  const name = reason !== null && typeof reason === "object" ? (reason as { name?: unknown }).name : undefined;
  if (typeof name === "string" && PDFJS_ERRORS.has(name)) return;
  if (process.listenerCount("unhandledRejection") > 1) return;
  throw reason;
}
function guard(): () => void {
  // a browser has no process and reports stray rejections without ending the page
  const proc = (globalThis as { process?: NodeJS.Process }).process;
  if (typeof proc?.on !== "function") return () => {};
  if (reading++ === 0) proc.on("unhandledRejection", dropPdfjsRejection);
  return () => {
    // pdf.js's stray rejections surface after the reading's own promises settle
    const timer = setTimeout(() => {
      if (--reading === 0) proc.removeListener("unhandledRejection", dropPdfjsRejection);
    }, 50);
    (timer as { unref?: () => void }).unref?.();
  };
}

/**
 * The PDF's lines. In Node the reading runs on a worker thread that is terminated at the time
 * limit: pdf.js and the line assembly are synchronous for long stretches, so a timer on the same
 * thread could not fire. In a browser (the editor) it runs here, under the same timer.
 */
export async function pdfDoc(bytes: Uint8Array, timeoutMs = PDF_TIMEOUT_MS): Promise<Doc> {
  const proc = (globalThis as { process?: NodeJS.Process }).process;
  if (proc?.versions?.node && !("document" in globalThis)) {
    // named through a variable: a browser bundle (the editor) must not take in the Node-only host
    const host = "./pdf-worker-host.js";
    const { pdfDocInWorker } = (await import(/* @vite-ignore */ host)) as typeof import("./pdf-worker-host.js");
    const doc = await pdfDocInWorker(bytes, timeoutMs);
    if (doc) return doc;
  }
  return pdfDocHere(bytes, timeoutMs);
}

/** The PDF's lines, read on this thread. */
export async function pdfDocHere(bytes: Uint8Array, timeoutMs = PDF_TIMEOUT_MS): Promise<Doc> {
  const release = guard();
  try {
    return await readPdf(bytes, timeoutMs);
  } finally {
    release();
  }
}

async function readPdf(bytes: Uint8Array, timeoutMs: number): Promise<Doc> {
  // pdf.js may take over (detach) the buffer it is given: hand it a copy
  const data = new Uint8Array(bytes);
  let destroy = () => {};
  const work = (async () => {
    let pdf;
    try {
      // text only: no font faces, no system fonts; pdf.js's own Unicode normalisation is left out
      // (it costs a third of the time) in favour of foldPdfText, which folds what matters here
      pdf = await getDocumentProxy(data, {
        verbosity: 0,
        disableFontFace: true,
        useSystemFonts: false,
        fontExtraProperties: false,
        isEvalSupported: false,
        stopAtErrors: false,
      } as never);
    } catch (e) {
      // pdf.js says "No password given": the user needs to hear that the file is encrypted
      if ((e as { name?: unknown })?.name === "PasswordException") throw new ImportFailure("encrypted", (e as Error).message);
      throw new ImportFailure("unreadable", (e as Error)?.message ?? String(e));
    }
    destroy = () => void pdf.destroy().catch(() => {});
    try {
      const lines: DocLine[] = [];
      const pages = Math.min(pdf.numPages, MAX_PAGES);
      let ink = 0;
      for (let p = 1; p <= pages; p++) {
        const page = await pdf.getPage(p);
        const content = await page.getTextContent({ disableNormalization: true });
        const items: Item[] = [];
        for (const raw of content.items as { str?: string; transform?: number[]; width?: number }[]) {
          if (typeof raw.str !== "string" || !raw.transform) continue;
          const [, , c, d, e, f] = raw.transform as [number, number, number, number, number, number];
          items.push({ str: raw.str, x: e, y: f, w: raw.width ?? 0, fs: Math.hypot(c, d) || 1 });
        }
        page.cleanup();
        for (const it of items) if (it.str.trim() !== "") ink++;
        const pageLines = linesOfPage(items, p);
        let pageBreak = true;
        for (const l of pageLines) {
          if (PAGE_FOOTER.test(l.text)) {
            pageBreak = true;
            continue;
          }
          if (pageBreak) l.afterPageBreak = true;
          pageBreak = false;
          lines.push(l);
        }
      }
      // pages and no text at all: images of pages, a scan
      if (ink === 0 && pages > 0) throw new ImportFailure("scanned", `${pages} pages, no text`);
      return { format: "pdf" as const, lines, meta: {} };
    } finally {
      await pdf.destroy().catch(() => {});
    }
  })();
  return withTimeout(work, timeoutMs, () => destroy());
}
