// The report put together: the metadata and text sections, typed by the generated report types
// (ReportFrame), and the three tables as the edition's model lays them out. Whatever the source
// lacks is left out and said in an error diagnostic, never filled in.
import type { EditionModel, TableKey } from "../labels.js";
import { agencyFromTitle, agencyKindLevel, contactOf, isoDate, looksLikeAgency, type Contact } from "../locate/metadata.js";
import { say } from "../messages.js";
import type { CellResult } from "../resolve/resolve.js";
import type { Diagnostic, EditionReport, ImportedReport, Locale, ReportFrame } from "../types.js";
import { cleanSection, cleanText, tables } from "./assemble.js";
import { textSection, type Para, type TextSection } from "./text-sections.js";

const CONTACT_KEYS = ["organisation", "address", "postcode", "phone", "fax", "email"] as const satisfies readonly (keyof Contact)[];

export const TEXT_SECTIONS = ["overview", "problemsAndImprovements", "otherMatters"] as const;
export type TextSectionKey = (typeof TEXT_SECTIONS)[number];

/** What the earlier stages found, as the report needs it. */
export interface ReportParts {
  year?: number;
  title?: string;
  preamble: Para[];
  sections: Partial<Record<TextSectionKey, Para[]>>;
  /** text around a table in its section (HTML only) */
  notes: Partial<Record<TableKey, Para[]>>;
  publishedOn?: string;
  /** the whole text, where the agency's level is looked for */
  allText: string;
}

/** The report of the model's edition; diagnostics for what is missing or changed go to `diagnostics`. */
export function assembleReport(
  parts: ReportParts,
  m: EditionModel,
  cells: (CellResult | undefined)[],
  locale: Locale,
  diagnostics: Diagnostic[],
): ImportedReport<EditionReport> {
  const changed = { value: false };
  const { data, sourceTokens } = tables(m, cells);
  const table = (key: TableKey): object => {
    const t = data[key] ?? {};
    const notes = parts.notes[key];
    return notes?.length ? { ...t, notes: notes.map((p) => cleanText(p.text, changed)) } : t;
  };
  const section = (paras: Para[] | undefined): TextSection => cleanSection(textSection(paras ?? []), changed);
  const missing = (pointer: string, what: "fieldYear" | "fieldTitle" | "fieldAgency") =>
    diagnostics.push({
      pointer,
      reason: "missing",
      severity: "error",
      message: say("fieldMissing", locale, { what: say(what, locale) }),
      source: {},
    });

  if (parts.year === undefined) missing("/year", "fieldYear");
  if (!parts.title) missing("/title", "fieldTitle");
  const other = signatureOff(parts.sections.otherMatters ?? []);
  const name = agencyFromTitle(parts.title) ?? other.signature?.agency;
  let agency: ReportFrame["agency"];
  if (name) {
    const { kind, level } = agencyKindLevel(name, parts.allText);
    agency = { name: cleanText(name, changed), kind, level };
    for (const [key, what, value] of [
      ["kind", "agencyKind", kind],
      ["level", "agencyLevel", level],
    ] as const)
      diagnostics.push({
        pointer: `/agency/${key}`,
        reason: "inferred",
        severity: "info",
        message: say("agencyInferred", locale, { what: say(what, locale), value }),
        source: {},
      });
  } else missing("/agency", "fieldAgency");

  const found = contactOf(parts.preamble.map((p) => p.text).join(""));
  const contact: Contact = {};
  for (const k of CONTACT_KEYS) if (found[k] !== undefined) contact[k] = cleanText(found[k], changed);
  let signature: ReportFrame["signature"];
  const signedBy = other.signature?.agency ?? name;
  if (other.signature && signedBy) {
    signature = { agency: cleanText(signedBy, changed), ...(other.signature.date ? { date: other.signature.date } : {}) };
    if (!other.signature.agency)
      diagnostics.push({
        pointer: "/signature/agency",
        reason: "inferred",
        severity: "info",
        message: say("signatureInferred", locale, { value: signedBy }),
        source: {},
      });
  }

  // in the schema's order, which is the order a reader of the JSON expects
  const report: ImportedReport<EditionReport> = {
    edition: m.edition,
    ...(parts.year !== undefined ? { year: parts.year } : {}),
    ...(parts.title ? { title: cleanText(parts.title, changed) } : {}),
    ...(agency ? { agency } : {}),
    ...(parts.publishedOn ? { publishedOn: parts.publishedOn } : {}),
    ...(Object.keys(contact).length ? { contact } : {}),
    ...(parts.preamble.length ? { preamble: parts.preamble.map((p) => cleanText(p.text, changed)) } : {}),
    overview: section(parts.sections.overview),
    proactiveDisclosure: table("proactiveDisclosure"),
    applications: table("applications"),
    reviewAndLitigation: table("reviewAndLitigation"),
    problemsAndImprovements: section(parts.sections.problemsAndImprovements),
    otherMatters: section(other.paras),
    ...(signature ? { signature } : {}),
    ...(Object.keys(sourceTokens).length ? { sourceTokens } : {}),
  };
  if (changed.value) diagnostics.push({ pointer: "", reason: "text", severity: "info", message: say("textSanitised", locale), source: {} });
  return report;
}

/** The closing block (落款) at the end of 六: an agency's name and a date, each on a line of its own. */
function signatureOff(paras: Para[]): { paras: Para[]; signature?: { agency?: string; date?: string } } {
  const ps = paras.slice();
  let date: string | undefined;
  let agency: string | undefined;
  const last = ps[ps.length - 1];
  if (last) {
    date = isoDate(last.text);
    // one line holding both: 塔城市人民政府 2025年1月17日
    const both = date ? null : /^(\S.{1,38}?)\s+(\S+\s*年\s*\S+\s*月\s*\S+\s*日)$/.exec(last.text.trim());
    if (both && looksLikeAgency(both[1]!) && isoDate(both[2]!)) {
      ps.pop();
      return { paras: ps, signature: { agency: both[1]!.trim(), date: isoDate(both[2]!)! } };
    }
    if (date) ps.pop();
  }
  const prev = ps[ps.length - 1];
  if (date && prev && looksLikeAgency(prev.text)) {
    agency = prev.text.trim();
    ps.pop();
  }
  if (!date && !agency) return { paras: ps };
  return { paras: ps, signature: { ...(agency ? { agency } : {}), ...(date ? { date } : {}) } };
}
