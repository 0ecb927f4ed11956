// importReport(): PDF, HTML or text in; a report of the edition it follows (2021, or the 2019 trial
// format) or of the edition whose model it is handed, with a diagnostic for every cell not read
// plainly. Never throws; bounded in input size and time.
import { editions, type EditionModel as GeneratedModel } from "@zfxxgk/edition";
import { decodeText, detectFormat, isPdf, looksBinary } from "./read/detect-format.js";
import type { Doc, DocLine } from "./read/document.js";
import { detectEdition } from "./locate/edition.js";
import { ImportFailure } from "./errors.js";
import { cellPerLine } from "./read/cell-per-line.js";
import { isMarkdown, markdownLines } from "./read/markdown.js";
import { htmlDoc } from "./read/html-lines.js";
import { checkGroupRows } from "./resolve/hybrid.js";
import { model, viewOf, type EditionModel, type TableKey } from "./labels.js";
import { localeOf } from "@zfxxgk/i18n";
import { say } from "./messages.js";
import { yearOf } from "./locate/metadata.js";
import { norm } from "./normalise.js";
import type { Observation } from "./cells/observation.js";
import { pdfDoc } from "./read/pdf-lines.js";
import { resolve, type CellResult } from "./resolve/resolve.js";
import { readRunTables } from "./cells/run-text.js";
import { findSectionsInLines, findSectionsInText, sectionSpan, type SectionHit } from "./locate/sections.js";
import { table3HeaderInLines } from "./locate/table3-columns.js";
import { readTable2 } from "./cells/table2.js";
import { readTable3, table3ColumnVariants } from "./cells/table3.js";
import { readTable4 } from "./cells/table4.js";
import { crawlerHeader, runsTogether, textDoc } from "./read/text-lines.js";
import { fullWidth, paragraphs, runParagraphs, type Para } from "./assemble/text-sections.js";
import { assembleReport, TEXT_SECTIONS, type ReportParts } from "./assemble/report.js";
import { ALL_TABLES, completenessOf, statusOf } from "./assemble/completeness.js";
import type {
  Completeness,
  Diagnostic,
  EditionReport,
  ImportOptions,
  ImportResult,
  ImportStats,
  ImportWithModelOptions,
  InputFormat,
  Locale,
} from "./types.js";
import { readWord, wordInput } from "./read/word/index.js";

export { FAILED_SHARE } from "./assemble/completeness.js";

/** Inputs larger than these are refused: no report is that big. */
export const MAX_PDF_BYTES = 64 * 1024 * 1024;
export const MAX_TEXT_BYTES = 8 * 1024 * 1024;

const TABLES: TableKey[] = ["proactiveDisclosure", "applications", "reviewAndLitigation"];

function emptyStats(cells: number): ImportStats {
  return { cells, read: 0, splitByRules: 0, inferred: 0, blank: 0, ambiguous: 0, missing: cells };
}

/** The edition read when none is detected, and whose headings find the sections: the newest. */
const NEWEST = editions[0]!;

/** What every stage is told: the user's language, and the edition model handed over, if any. */
interface Context {
  locale: Locale;
  given: EditionModel | null;
}

function failed(code: Diagnostic["reason"], message: string, format: InputFormat | null, ctx: Context): ImportResult<EditionReport> {
  const stats = emptyStats((ctx.given ?? model(NEWEST)).cells.length);
  return {
    status: "failed",
    completeness: completenessOf(stats, ALL_TABLES),
    report: null,
    diagnostics: [{ pointer: "", reason: code, severity: "error", message, source: {} }],
    edition: null,
    format,
    stats,
  };
}

/**
 * A published report → report JSON, with a diagnostic for every cell not read plainly. With
 * `model`, the source is read as that edition (type its report with R, the edition's generated
 * report type); without, as the registered edition it follows.
 */
export async function importReport<R extends EditionReport = EditionReport>(
  input: Buffer | Uint8Array | string,
  options: ImportWithModelOptions,
): Promise<ImportResult<R>>;
export async function importReport(input: Buffer | Uint8Array | string, options?: ImportOptions): Promise<ImportResult>;
export async function importReport(
  input: Buffer | Uint8Array | string,
  options: ImportOptions & { model?: GeneratedModel } = {},
): Promise<ImportResult<EditionReport>> {
  const locale = localeOf(options.locale);
  let format: InputFormat | null = null;
  const ctx: Context = { locale, given: null };
  try {
    if (options.model) {
      try {
        ctx.given = viewOf(options.model);
      } catch (e) {
        return failed("unreadable", say("badModel", locale, { detail: e instanceof Error ? e.message : String(e) }), null, ctx);
      }
    }
    let bytes: Uint8Array | null = null;
    let text: string | null = null;
    const diagnostics: Diagnostic[] = [];
    if (typeof input === "string") {
      text = input;
      // a PDF handed over as a binary string
      if (input.startsWith("%PDF-")) bytes = Buffer.from(input, "latin1");
    } else if (input instanceof Uint8Array) bytes = input;
    else return failed("unreadable", say("unreadable", locale, { detail: typeof input }), null, ctx);

    const size = bytes ? bytes.length : Buffer.byteLength(text!);
    const asked = options.format && options.format !== "auto" ? options.format : null;
    const pdf = asked === "pdf" || (!asked && bytes !== null && isPdf(bytes));
    const word = pdf ? null : wordInput(bytes, asked);
    const limit = pdf || word ? MAX_PDF_BYTES : MAX_TEXT_BYTES;
    if (size > limit) return failed("too-large", say("tooLarge", locale, { size, limit }), null, ctx);
    if (size === 0) return failed("not-a-report", say("empty", locale), null, ctx);

    let doc: Doc | null = null;
    if (word) {
      const w = readWord(bytes!, word, locale);
      if ("failure" in w) return failed(w.failure.code, w.failure.message, word, ctx);
      doc = htmlDoc(w.html);
    } else if (pdf) {
      format = "pdf";
      if (!bytes) bytes = Buffer.from(text!, "latin1");
      doc = await pdfDoc(bytes);
      // pages that are images (a scan, a photo) give no text at all: say so, never an empty report
      if (!doc.lines.some((l) => l.kind !== "blank")) return failed("scanned", say("scanned", locale), "pdf", ctx);
    } else {
      if (text === null) {
        const d = decodeText(bytes!);
        text = d.text;
        if (d.encoding !== "utf-8")
          diagnostics.push({
            pointer: "",
            reason: "text",
            severity: "info",
            message: say("notUtf8", locale, { encoding: "GB18030" }),
            source: {},
          });
      }
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      format = asked ?? detectFormat(null, text);
      if (format === "pdf") format = "text";
      if (looksBinary(text)) return failed("not-a-report", say("binary", locale), format, ctx);
      if (format === "html") doc = htmlDoc(text);
    }
    const result = doc ? fromLines(doc, ctx) : fromText(text!, ctx);
    if (word) result.format = word;
    result.diagnostics.unshift(...diagnostics);
    return result;
  } catch (e) {
    if (e instanceof ImportFailure) {
      if (e.code === "table-too-large") {
        // "rows:2001" or "cells:250": what overflowed, said in the user's language
        const [what, n] = e.message.split(":");
        const detail = say(what === "rows" ? "tableRows" : "tableCells", locale, { n: n ?? "" });
        return failed("too-large", say("tableTooLarge", locale, { line: e.line ?? 0, detail }), format, ctx);
      }
      const key =
        e.code === "timeout"
          ? "timeout"
          : e.code === "too-large"
            ? "tooLarge"
            : e.code === "not-a-report"
              ? "notAReport"
              : e.code === "encrypted" || e.code === "scanned"
                ? e.code
                : "unreadable";
      // an encrypted PDF is a kind of unreadable input, for the diagnostic's reason
      const reason = e.code === "encrypted" ? "unreadable" : e.code;
      return failed(reason, say(key, locale, { detail: e.message }), format, ctx);
    }
    return failed("unreadable", say("unreadable", locale, { detail: e instanceof Error ? e.message : String(e) }), format, ctx);
  }
}

// ── what both paths produce, before the report is put together ──

interface Reading {
  format: InputFormat;
  hits: Map<string, SectionHit>;
  title?: string;
  titleFromPage: boolean;
  preamble: Para[];
  sections: ReportParts["sections"];
  notes: Partial<Record<TableKey, Para[]>>;
  observations: Observation[];
  found: Record<TableKey, number>;
  diagnostics: Diagnostic[];
  publishedOn?: string;
  normText: string;
  allText: string;
}

/** The edition to read the source as (the one handed over, else detected), and the report's year. */
function detect(
  r: { title?: string; preamble: Para[]; normText: string },
  ctx: Context,
  diagnostics: Diagnostic[],
): { m: EditionModel; year?: number } {
  const { locale } = ctx;
  const year = yearOf(r.title, r.preamble.map((p) => p.text).join(""));
  const withYear = (m: EditionModel) => (year === undefined ? { m } : { m, year });
  if (ctx.given) return withYear(ctx.given);
  const e = detectEdition(r.normText, year);
  if (!e.edition) {
    diagnostics.push({
      pointer: "/edition",
      reason: "edition",
      severity: "warning",
      message: say("editionAssumed", locale, { edition: NEWEST }),
      source: {},
    });
    return withYear(model(NEWEST));
  }
  if (e.byYear)
    diagnostics.push({
      pointer: "/edition",
      reason: "edition",
      severity: "info",
      message: say("editionGuess", locale, { edition: e.edition, year: year ?? "" }),
      source: {},
    });
  return withYear(model(e.edition));
}

/** How many lines after its header table 三's rows are looked for (wrapped labels: ~3 lines a row). */
const TABLE3_LINES = 150;
const byColumns = new WeakMap<DocLine[], Map<EditionModel, number>>();

/**
 * Table 三 by its column header, when the rows after it are the table's: at least half of them
 * named by their labels (not placed by position). Once per document and edition.
 */
function table3ByColumns(lines: DocLine[], hits: Map<string, SectionHit>, m: EditionModel): number {
  let known = byColumns.get(lines);
  if (!known) byColumns.set(lines, (known = new Map()));
  const seen = known.get(m);
  if (seen !== undefined) return seen;
  const columns = m.table3.columns.map((c) => c.label);
  const text = (i: number) => (lines[i]!.kind === "blank" ? null : lines[i]!.text);
  const at = table3HeaderInLines(text, lines.length, columns, (from) => {
    let to = Math.min(lines.length, from + TABLE3_LINES);
    for (const h of hits.values()) if (h.at > from && h.at < to) to = h.at;
    const named = readTable3(lines.slice(from, to), m, "en").observations.filter((o) => !o.byPosition).length;
    return named * 2 >= m.table3.rows.length;
  });
  known.set(m, at);
  return at;
}

/**
 * The lines of a table's section. Without its heading, the table is looked for by what only it
 * prints — 表二 its first caption, 表三 its header note or else its seven applicant columns followed
 * by its rows, 表四 the 行政复议/行政诉讼 header row — up to the next heading or table; a table found
 * neither way is missing, not guessed at.
 */
function region(lines: DocLine[], hits: Map<string, SectionHit>, m: EditionModel, key: TableKey): { from: number; to: number } | null {
  const span = sectionSpan(hits, m, key, lines.length);
  if (span) return span;
  const anchor = (k: TableKey): number => {
    for (let i = 0; i < lines.length; i++) {
      const l = lines[i]!;
      if (l.kind === "blank") continue;
      const n = norm(l.text);
      if (k === "proactiveDisclosure" && n.startsWith(m.table2.blocks[0]!.caption.norm)) return i;
      if (k === "applications" && n.includes(m.table3.note.norm.slice(0, 12))) return i;
      if (
        k === "reviewAndLitigation" &&
        l.kind === "row" &&
        n.length < 120 &&
        n.includes(m.table4.groupLabels[0]!.norm) &&
        n.includes(m.table4.groupLabels[1]!.norm)
      )
        return i;
    }
    return k === "applications" ? table3ByColumns(lines, hits, m) : -1;
  };
  const from = anchor(key);
  if (from < 0) return null;
  let to = lines.length;
  for (const h of hits.values()) if (h.at > from && h.at < to) to = h.at;
  for (const other of TABLES) {
    if (other === key || hits.has(other)) continue;
    const a = anchor(other);
    if (a > from && a < to) to = a;
  }
  return { from, to };
}

function fromLines(doc: Doc, ctx: Context): ImportResult<EditionReport> {
  const { locale } = ctx;
  const lines = doc.lines;
  const base = ctx.given ?? model(NEWEST);
  const hits = findSectionsInLines(lines, base);
  const diagnostics: Diagnostic[] = [];
  const firstHeading = Math.min(...[...hits.values()].map((h) => h.at), lines.length);
  const firstRow = lines.findIndex((l) => l.kind === "row");
  const preEnd = hits.size ? firstHeading : firstRow >= 0 ? firstRow : lines.length;

  // the title: the opening short lines, up to the one that names the report
  let k = 0;
  // blank lines, and the body marker crawlers and converters write above the text (正文)
  while (k < preEnd && (lines[k]!.kind === "blank" || /^\s*[=\-#*]*\s*正文\s*[=\-#*]*\s*$/.test(lines[k]!.text))) k++;
  let title: string | undefined;
  let titleEnd = k;
  let acc = "";
  for (let i = k; i < Math.min(preEnd, k + 5); i++) {
    const l = lines[i]!;
    if (l.kind === "blank") continue;
    if (l.kind === "row" || /[。；;]/.test(l.text) || acc.length + l.text.length > 90) break;
    acc += l.text;
    if (/报告|年报/.test(l.text)) {
      // a long title wraps: a bracket left open goes on to the next line (…年度报告（汇总 / 稿）)
      let j = i + 1;
      const open = (t: string) => (t.match(/[（(]/g)?.length ?? 0) - (t.match(/[）)]/g)?.length ?? 0);
      while (open(acc) > 0 && j < preEnd && lines[j]!.kind === "text" && lines[j]!.text.length < 30) acc += lines[j++]!.text;
      title = acc.replace(/\s+/g, "");
      titleEnd = j;
      break;
    }
  }
  const titleFromPage = !title && !!doc.meta.title;
  if (!title && doc.meta.title) title = doc.meta.title.replace(/\s+/g, "");
  const width = fullWidth(lines);
  const paras = (from: number, to: number) => paragraphs(lines.slice(from, to), doc.format, width);
  const preamble = paras(titleEnd, preEnd);

  const allText = lines.map((l) => l.text).join("\n");
  // the edition shows in the tables' labels: normalise only the lines of tables 二 and 三
  const tableLines = (["proactiveDisclosure", "applications"] as const).flatMap((k) => {
    const span = region(lines, hits, base, k);
    return span ? lines.slice(span.from, span.to) : [];
  });
  const normText = norm(tableLines.map((l) => (l.kind === "row" ? l.cells.map((c) => c.text).join("") : l.text)).join(""));
  const { m, year } = detect({ ...(title ? { title } : {}), preamble, normText }, ctx, diagnostics);

  const sections: Reading["sections"] = {};
  for (const key of TEXT_SECTIONS) {
    const h = hits.get(key);
    if (!h) continue;
    const span = sectionSpan(hits, m, key, lines.length)!;
    const body = paras(span.from, span.to);
    if (h.rest) body.unshift({ text: h.rest });
    sections[key] = body;
  }

  const observations: Observation[] = [];
  const found: Record<TableKey, number> = { proactiveDisclosure: 0, applications: 0, reviewAndLitigation: 0 };
  const notes: Reading["notes"] = {};
  for (const key of TABLES) {
    const span = region(lines, hits, m, key);
    if (!span) continue;
    const part = lines.slice(span.from, span.to);
    if (key === "proactiveDisclosure") {
      const t = readTable2(part, m);
      observations.push(...t.observations);
      found[key] = t.found;
    } else if (key === "applications") {
      const t = readTable3(part, m, locale, doc.looseLabels === true);
      observations.push(...t.observations);
      diagnostics.push(...table3ColumnVariants(part, m, locale), ...t.diagnostics);
      found[key] = t.found;
    } else {
      const t = readTable4(part, m, locale);
      observations.push(...t.observations);
      diagnostics.push(...t.diagnostics);
      found[key] = t.found;
    }
    // an HTML page says which text is the table's; text around it in the section is a note
    if (doc.format === "html" && hits.has(key)) {
      const text = part.filter((l: DocLine) => l.table === undefined && l.kind === "text");
      const ps = paragraphs(text, "html", width);
      if (ps.length) notes[key] = ps;
    }
  }
  const reading: Reading = {
    format: doc.format,
    hits,
    ...(title ? { title } : {}),
    titleFromPage,
    preamble,
    sections,
    notes,
    observations,
    found,
    diagnostics,
    ...(doc.meta.publishedOn ? { publishedOn: doc.meta.publishedOn } : {}),
    normText,
    allText,
  };
  return finish(reading, m, year, ctx);
}

let registeredRows: string[] | null = null;

/** Table 三's row labels, normalised, of the edition handed over or of every registered one. */
function rowLabelsOf(ctx: Context): readonly string[] {
  if (ctx.given) return ctx.given.table3.rows.map((r) => r.label.norm);
  registeredRows ??= [...new Set(editions.flatMap((e) => model(e).table3.rows.map((r) => r.label.norm)))];
  return registeredRows;
}

/** Every line end a report's text comes with: CRLF, bare CR (old Mac, some crawlers), LF, NEL, U+2028/U+2029. */
export const LINE_END = /\r\n|\r|\n|\u0085|\u2028|\u2029/;

function fromText(text: string, ctx: Context): ImportResult<EditionReport> {
  const all = text.split(LINE_END);
  const header = crawlerHeader(all);
  const bodyLines = header.lines ? all.slice(header.lines) : all;
  if (isMarkdown(bodyLines)) return fromLines({ ...textDoc(markdownLines(all)), looseLabels: true }, ctx);
  if (!runsTogether(bodyLines, rowLabelsOf(ctx))) {
    const doc = textDoc(all);
    const grid = cellPerLine(bodyLines, header.lines + 1);
    if (grid) doc.lines = grid;
    return fromLines(doc, ctx);
  }
  const body = bodyLines.join("\n");
  const base = ctx.given ?? model(NEWEST);
  const hits = findSectionsInText(body, base);
  const diagnostics: Diagnostic[] = [];
  const firstLine = header.lines + 1;

  // before 一、总体情况: page chrome, the title, the preamble
  const h1 = hits.get("overview");
  let pre = body.slice(0, h1 ? h1.at : Math.min(...[...hits.values()].map((h) => h.at), body.length));
  const arrow = pre.lastIndexOf("-->");
  if (arrow >= 0) pre = pre.slice(arrow + 3);
  let title = header.title?.replace(/\s+/g, "");
  // a title repeated at the top of the page: short, no quotation of other documents, then a space
  const lead = /^\s*([^\s《》〈〉，,。；;：:]{2,50}?(?:年度报告|年报))(?=\s|$)\s*/.exec(pre);
  if (lead) {
    title ??= lead[1]!.replace(/\s+/g, "");
    pre = pre.slice(lead[0].length);
  }
  const preamble = pre.trim() ? [{ text: pre.trim() }] : [];
  const normText = norm(body);
  const { m, year } = detect({ ...(title ? { title } : {}), preamble, normText }, ctx, diagnostics);

  const sections: Reading["sections"] = {};
  for (const key of TEXT_SECTIONS) {
    const span = sectionSpan(hits, m, key, body.length);
    if (!span) continue;
    let t = body.slice(span.from, span.to);
    if (key === "otherMatters") t = t.replace(/\s*附件下载\s*$/, "");
    sections[key] = runParagraphs(t);
  }
  const tablesRead = readRunTables(body, firstLine, hits, m);
  const reading: Reading = {
    format: "text",
    hits,
    ...(title ? { title } : {}),
    titleFromPage: !!header.title && !lead,
    preamble,
    sections,
    notes: {},
    observations: tablesRead.observations,
    found: tablesRead.found,
    diagnostics,
    ...(header.publishedOn ? { publishedOn: header.publishedOn } : {}),
    normText,
    allText: body,
  };
  return finish(reading, m, year, ctx);
}

// ── putting the report together ──

function finish(r: Reading, m: EditionModel, year: number | undefined, ctx: Context): ImportResult<EditionReport> {
  const { locale } = ctx;
  const diagnostics = r.diagnostics;
  const foundAny = r.found.proactiveDisclosure + r.found.applications + r.found.reviewAndLitigation > 0;
  if (!foundAny && r.hits.size === 0) {
    return failed("not-a-report", say("notAReport", locale), r.format, ctx);
  }
  for (const h of r.hits.values()) {
    if (h.variant)
      diagnostics.push({
        pointer: `/${h.section.key}`,
        reason: "label-variant",
        severity: "info",
        message: say("headingVariant", locale, { variant: h.variant, heading: h.section.heading.text }),
        source: {},
      });
  }
  for (const s of m.sections) {
    if (!r.hits.has(s.key))
      diagnostics.push({
        pointer: `/${s.key}`,
        reason: "missing",
        severity: "warning",
        message: say("sectionMissing", locale, { heading: s.heading.text }),
        source: {},
      });
  }

  const missingTables = new Set(TABLES.filter((t) => r.found[t] === 0));
  const resolved = resolve(m, r.observations, missingTables, locale);
  diagnostics.push(...resolved.diagnostics);
  checkGroupRows(m, resolved.cells, diagnostics, locale);
  const report = assembleReport(
    {
      ...(year !== undefined ? { year } : {}),
      ...(r.title ? { title: r.title } : {}),
      preamble: r.preamble,
      sections: r.sections,
      notes: r.notes,
      ...(r.publishedOn ? { publishedOn: r.publishedOn } : {}),
      allText: r.allText,
    },
    m,
    resolved.cells,
    locale,
    diagnostics,
  );

  const stats = statsOf(m, resolved.cells);
  const completeness = doubtBlanks(
    completenessOf(
      stats,
      TABLES.filter((t) => missingTables.has(t)),
    ),
    m,
    resolved.cells,
    diagnostics,
  );
  const status = statusOf(completeness, true);
  // a detected 2019-format report: say what that means for its tables (who hands over a model knows)
  if (m.edition === "2019" && !ctx.given)
    diagnostics.unshift({ pointer: "/edition", reason: "edition", severity: "info", message: say("edition2019", locale), source: {} });
  return { status, completeness, report, diagnostics, edition: report.edition, format: r.format, stats };
}

/**
 * A table where figures were printed that could not be placed (an "extra" row: a converter moved a
 * figure out of its cell, say) cannot vouch for its blank cells: one of them may be where that
 * figure belongs. Its blanks count as ambiguous, so such an import is never called complete.
 */
function doubtBlanks(c: Completeness, m: EditionModel, cells: (CellResult | undefined)[], diagnostics: Diagnostic[]): Completeness {
  const doubtful = new Set(diagnostics.filter((d) => d.reason === "extra").map((d) => d.pointer.split("/")[1]));
  if (doubtful.size === 0) return c;
  let moved = 0;
  m.cells.forEach((cell, i) => {
    if (cells[i]?.status === "blank" && doubtful.has(cell.pointer.split("/")[1])) moved++;
  });
  return { ...c, blankAsPrinted: c.blankAsPrinted - moved, ambiguous: c.ambiguous + moved };
}

function statsOf(m: EditionModel, cells: (CellResult | undefined)[]): ImportStats {
  const s: ImportStats = { cells: m.cells.length, read: 0, splitByRules: 0, inferred: 0, blank: 0, ambiguous: 0, missing: 0 };
  for (let i = 0; i < m.cells.length; i++) {
    const r = cells[i];
    switch (r?.status) {
      case "read":
        s.read++;
        break;
      case "split-by-rules":
        s.splitByRules++;
        break;
      case "inferred":
        s.inferred++;
        break;
      case "blank":
        s.blank++;
        break;
      case "ambiguous":
        s.ambiguous++;
        break;
      default:
        s.missing++;
    }
  }
  return s;
}
