// What the input is — PDF, HTML or plain text — from its content, and its bytes decoded as text:
// UTF-8 when it is UTF-8, else GB18030 (which Chinese sites and Windows tools still write).
import type { InputFormat } from "../types.js";

export function isPdf(bytes: Uint8Array): boolean {
  // the header may follow some junk; the PDF spec allows it within the first 1024 bytes
  const head = bytes.subarray(0, 1024);
  for (let i = 0; i + 4 < head.length; i++) {
    if (head[i] === 0x25 && head[i + 1] === 0x50 && head[i + 2] === 0x44 && head[i + 3] === 0x46 && head[i + 4] === 0x2d) return true;
  }
  return false;
}

export function looksHtml(text: string): boolean {
  const head = text.slice(0, 65_536);
  return (
    /<(?:!doctype\s+html|html|head|body|table|div|p|meta|title)[\s>/]/i.test(head) &&
    /<\/(?:html|body|table|div|p|title)\s*>/i.test(text.slice(0, 2_000_000))
  );
}

/** Text that is mostly control characters or replacement characters is binary, not a report. */
export function looksBinary(text: string): boolean {
  const sample = text.slice(0, 8192);
  if (sample.length === 0) return false;
  let bad = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) bad++;
  }
  return bad / sample.length > 0.1;
}

export function decodeText(bytes: Uint8Array): { text: string; encoding: "utf-8" | "gb18030" } {
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    try {
      return { text: new TextDecoder("gb18030").decode(bytes), encoding: "gb18030" };
    } catch {
      return { text: new TextDecoder("utf-8").decode(bytes), encoding: "utf-8" };
    }
  }
}

export function detectFormat(bytes: Uint8Array | null, text: string | null): InputFormat {
  if (bytes && isPdf(bytes)) return "pdf";
  if (text !== null && looksHtml(text)) return "html";
  return "text";
}
