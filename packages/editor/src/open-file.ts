// Starting from a file: a report in JSON as it is; a published report (PDF, HTML page, text)
// through @zfxxgk/import, loaded only when such a file is opened (it is the biggest part). Either
// edition the page holds (2021, 2019) is taken; a report of any other is refused.
import { isEdition } from "./labels.js";
import type { Locale } from "./messages.js";

export type Opened =
  | { kind: "report"; report: Record<string, unknown> }
  | {
      kind: "imported";
      report: Record<string, unknown>;
      notes: string[];
      status: "complete" | "partial" | "failed";
      stats: { read: number; placed: number; blank: number; split: number; ambiguous: number; cells: number; missing: number };
    }
  | { kind: "error"; key: "notReport" | "notEdition" | "importFailed" | "importUnavailable"; detail: string };

const isJson = (name: string, text: string) => /\.json$/i.test(name) || /^\s*[{[]/.test(text);

export function openJson(text: string): Opened {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { kind: "error", key: "notReport", detail: e instanceof Error ? e.message : String(e) };
  }
  if (value === null || typeof value !== "object" || Array.isArray(value))
    return { kind: "error", key: "notReport", detail: "not an object" };
  if (!isEdition((value as { edition?: unknown }).edition))
    return { kind: "error", key: "notEdition", detail: String((value as { edition?: unknown }).edition) };
  return { kind: "report", report: value as Record<string, unknown> };
}

export async function openFile(file: File, locale: Locale): Promise<Opened> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const head = new TextDecoder().decode(bytes.subarray(0, 64));
  if (!head.startsWith("%PDF-")) {
    const text = new TextDecoder().decode(bytes);
    if (isJson(file.name, text)) return openJson(text);
  }
  let importReport: typeof import("@zfxxgk/import").importReport;
  try {
    ({ importReport } = await import("@zfxxgk/import"));
  } catch (e) {
    return { kind: "error", key: "importUnavailable", detail: e instanceof Error ? e.message : String(e) };
  }
  const result = await importReport(bytes, { locale });
  if (!result.report) return { kind: "error", key: "importFailed", detail: result.diagnostics.map((d) => d.message).join("；") };
  // a published 2019-format report imports as a 2019 report, laid out in the 2019 tables
  if (!isEdition(result.edition)) return { kind: "error", key: "notEdition", detail: String(result.edition) };
  return {
    kind: "imported",
    report: result.report as unknown as Record<string, unknown>,
    notes: result.diagnostics.filter((d) => d.severity !== "info").map((d) => `${d.pointer ? `${d.pointer}: ` : ""}${d.message}`),
    // the importer's own verdict, as the CLI prints it: the page never calls a report with a table missing complete
    status: result.status,
    stats: {
      read: result.completeness.readAsPrinted,
      placed: result.completeness.placedByRules,
      blank: result.completeness.blankAsPrinted,
      split: result.completeness.splitByRules,
      ambiguous: result.completeness.ambiguous,
      cells: result.completeness.cells,
      missing: result.completeness.notFound,
    },
  };
}
