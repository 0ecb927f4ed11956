// How one file's validation reads: a JSON line, or text for a terminal.
import type { Localised } from "@zfxxgk/i18n";
import type { Issue } from "@zfxxgk/validator";
import { say, type Locale } from "./i18n.js";
import { plain } from "./io.js";
import type { Outcome } from "./validate-file.js";

export interface FormatOptions {
  json: boolean;
  verbose: boolean;
  locale: Locale;
}

export function formatOutcome(o: Outcome, { json, verbose, locale }: FormatOptions): string {
  return json ? jsonLine(o) : human(o, verbose, locale);
}

function jsonLine(o: Outcome): string {
  if ("error" in o) return `${JSON.stringify({ type: "result", file: o.file, readable: false, valid: false, error: o.error })}\n`;
  return `${JSON.stringify({ type: "result", file: o.file, readable: true, ...o.result })}\n`;
}

function human(o: Outcome, verbose: boolean, locale: Locale): string {
  const [open, close, colon] = locale === "zh-CN" ? ["（", "）", "："] : [" (", ")", ": "];
  // file names and messages quote what a report holds: shown, never obeyed by the terminal
  if ("error" in o) return `✖ ${plain(o.file)} — ${say("unreadable", locale)}${colon}${plain(o.error.message)}\n`;
  const r = o.result;
  const head =
    `${r.valid ? "✔" : "✖"} ${plain(o.file)} — ${say(r.valid ? "valid" : "invalid", locale)}` +
    `${open}${r.edition ? say("edition", locale, { edition: r.edition }) : say("noEdition", locale)}${close}` +
    `${colon}${say("counts", locale, r.counts)}\n`;
  const shown = r.issues.filter((i) => verbose || i.severity !== "info");
  const lines = shown.map((i) => issueText(i, verbose, locale));
  const hidden = r.issues.length - shown.length;
  if (hidden > 0) lines.push(`  ${say("infoHidden", locale, { n: hidden })}\n`);
  return head + lines.join("");
}

const SEVERITY: Record<Issue["severity"], Localised> = {
  error: { "zh-CN": "错误", en: "error" },
  warning: { "zh-CN": "警告", en: "warning" },
  info: { "zh-CN": "提示", en: "note" },
};

function issueText(i: Issue, verbose: boolean, locale: Locale): string {
  const colon = locale === "zh-CN" ? "：" : ": ";
  let s =
    `  ${SEVERITY[i.severity][locale]} ${i.code}  ${plain(i.pointer || "/")}\n` +
    `    ${i.labelPath ? `${plain(i.labelPath)}${colon}` : ""}${plain(i.message)}\n`;
  if (verbose && i.cells) {
    s += `    ${say("cellsRead", locale)}\n`;
    for (const c of i.cells) s += `      ${plain(c.labelPath)} = ${plain(String(c.value ?? say("blank", locale)))}\n`;
  }
  return s;
}
