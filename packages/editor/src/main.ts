// The page: holds the report, rebuilds the form when a report is opened or the language changes,
// and on every edit writes the value into the report, validates it, updates the marks and saves
// the draft.
import { fillWithDetails, validate, type ValidationResult } from "@zfxxgk/validator";
import { h } from "./dom.js";
import { download, exportFile, type ExportKind } from "./downloads.js";
import { loadDraft, saveDraft } from "./draft.js";
import { buildForm, NUMERIC_FIELDS, readTextSection, subsectionFields, type FormRefs } from "./form.js";
import { cellText, cellValue, emptyReport, textParagraphs, type Report } from "./form-state.js";
import { issueList, Marks } from "./marks.js";
import { t, type Locale } from "./messages.js";
import { openFile, type Opened } from "./open-file.js";
import { parseClipboard, pasteTargets } from "./paste.js";
import { getAt, setAt } from "./pointer.js";
import { editionOf, editions, isEdition, type Edition } from "./labels.js";
import { tableModelOf, type TableModel } from "./table-model.js";
import "./style.css";

const app = document.getElementById("app")!;
let locale: Locale = (localStorage.getItem("zfxxgk-editor:locale") as Locale | null) === "en" ? "en" : "zh-CN";
let report: Report;
let refs: FormRefs;
let marks: Marks;
let result: ValidationResult;
// the edition "start from an empty report" uses; the open report keeps its own
let newEdition: Edition = isEdition(localStorage.getItem("zfxxgk-editor:edition"))
  ? (localStorage.getItem("zfxxgk-editor:edition") as Edition)
  : "2021";

/** The tables of the open report's edition. */
const model = (): TableModel => tableModelOf(editionOf(report));

const status = h("p", { id: "status", role: "status", class: "status" });
const saved = h("span", { id: "saved", class: "saved" });
const issuesBox = h("section", { id: "issues", class: "issues-box", "aria-live": "polite" });
const formBox = h("div", { id: "form" });
const notesBox = h("div", { id: "notes" });

function say(text: string, notes: string[] = []): void {
  status.textContent = text;
  notesBox.replaceChildren(...(notes.length ? [h("ul", { class: "import-notes" }, ...notes.map((n) => h("li", {}, n)))] : []));
}

/** Validate, mark, list, save: what follows every change. Exposed for the benchmark. */
function check(): void {
  result = validate(report, { locale });
  marks.apply(result);
  issuesBox.replaceChildren(h("h2", {}, t(locale, "issues")), issueList(result, locale, refs));
  const ok = saveDraft(localStorage, report);
  saved.textContent = ok ? t(locale, "draftSaved", { time: new Date().toLocaleTimeString(locale) }) : t(locale, "draftFailed");
}

function showForm(): void {
  const built = buildForm(report, locale);
  refs = built.refs;
  marks = new Marks(refs);
  formBox.replaceChildren(built.root);
  check();
}

function setReport(next: Report): void {
  report = next;
  showForm();
}

function confirmReplace(): boolean {
  // an untouched empty report is nothing to lose
  return (
    JSON.stringify(report) === JSON.stringify(emptyReport(report.year as number, editionOf(report))) ||
    window.confirm(t(locale, "confirmReplace"))
  );
}

// ── edits ──
function onCellInput(input: HTMLInputElement): void {
  const spec = model().cells[Number(input.dataset.index)]!;
  setAt(report, spec.pointer, cellValue(input.value, spec.kind));
  check();
}

function onFieldInput(el: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement): void {
  const pointer = el.dataset.field!;
  const v = el.value;
  if (pointer === "/preamble") setAt(report, pointer, v.trim() ? textParagraphs(v) : undefined);
  else if (NUMERIC_FIELDS.has(pointer)) setAt(report, pointer, v.trim() === "" ? undefined : cellValue(v, "count"));
  // an empty optional field is left out, not written as ""; a required one then shows as missing
  else setAt(report, pointer, v.trim() === "" ? (pointer === "/title" || pointer === "/agency/name" ? "" : undefined) : v);
  // an emptied object (contact, signature) is dropped with its last field
  for (const parent of ["/contact", "/signature"]) {
    const o = getAt(report, parent);
    if (o && typeof o === "object" && Object.keys(o).length === 0) setAt(report, parent, undefined);
  }
  check();
}

function onTextSection(section: HTMLElement): void {
  setAt(report, `/${section.dataset.section}`, readTextSection(section, textParagraphs));
  check();
}

formBox.addEventListener("input", (e) => {
  const el = e.target as HTMLElement;
  if (el instanceof HTMLInputElement && el.classList.contains("cell")) return onCellInput(el);
  if ((el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement) && el.dataset.field)
    return onFieldInput(el);
  const section = el.closest<HTMLElement>(".text-section");
  if (section) onTextSection(section);
});
formBox.addEventListener("change", (e) => {
  const el = e.target as HTMLElement;
  if (el instanceof HTMLSelectElement && el.dataset.field) onFieldInput(el);
});
formBox.addEventListener("click", (e) => {
  const el = e.target as HTMLElement;
  const section = el.closest<HTMLElement>(".text-section");
  if (!section) return;
  if (el.classList.contains("add-sub")) {
    const list = section.querySelector(".subsections")!;
    const fs = subsectionFields(section.dataset.section!, list.children.length, { heading: "", paragraphs: [] }, locale);
    list.append(fs);
    onTextSection(section);
    fs.querySelector<HTMLInputElement>(".sub-heading")!.focus();
  } else if (el.classList.contains("remove-sub")) {
    el.closest("fieldset")!.remove();
    onTextSection(section);
  }
});

// ── keyboard: Enter moves on in reading order (Shift+Enter back); Tab follows the DOM, which is that order ──
formBox.addEventListener("keydown", (e) => {
  const el = e.target as HTMLElement;
  if (e.key !== "Enter" || !(el instanceof HTMLInputElement) || !el.classList.contains("cell") || e.isComposing) return;
  e.preventDefault();
  const next = model().cells[Number(el.dataset.index) + (e.shiftKey ? -1 : 1)];
  const target = next && refs.cells.get(next.pointer);
  if (target) {
    target.focus();
    target.select();
  }
});

// ── paste: a tab-separated row (or block) from a spreadsheet fills the cells from here ──
formBox.addEventListener("paste", (e) => {
  const el = e.target as HTMLElement;
  if (!(el instanceof HTMLInputElement) || !el.classList.contains("cell")) return;
  const matrix = parseClipboard(e.clipboardData?.getData("text/plain") ?? "");
  if (!matrix) return;
  e.preventDefault();
  const start = model().cells[Number(el.dataset.index)]!;
  const { writes, dropped } = pasteTargets(start, matrix, model().cells);
  for (const [spec, text] of writes) {
    setAt(report, spec.pointer, cellValue(text, spec.kind));
    refs.cells.get(spec.pointer)!.value = text;
  }
  if (dropped) say(t(locale, "pastedDropped", { n: dropped }));
  check();
});

// ── start: empty, a JSON file, or a published report through the importer ──
async function open(file: File): Promise<void> {
  if (!confirmReplace()) return;
  say(t(locale, "importing", { name: file.name }));
  const opened: Opened = await openFile(file, locale);
  if (opened.kind === "error") return say(t(locale, opened.key, { name: file.name, detail: opened.detail }));
  setReport(opened.report);
  if (opened.kind === "imported")
    say(t(locale, "imported", { name: file.name, status: t(locale, `status_${opened.status}`), ...opened.stats }), opened.notes);
  else say("");
}

const fileInput = h("input", {
  type: "file",
  id: "file",
  accept:
    ".json,.pdf,.docx,.doc,.wps,.html,.htm,.txt," +
    "application/json,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document," +
    "application/msword,text/html,text/plain",
});
fileInput.addEventListener("change", () => {
  const f = fileInput.files?.[0];
  if (f) void open(f).finally(() => (fileInput.value = ""));
});
document.addEventListener("dragover", (e) => {
  e.preventDefault();
  document.body.classList.add("dropping");
});
document.addEventListener("dragleave", () => document.body.classList.remove("dropping"));
document.addEventListener("drop", (e) => {
  e.preventDefault();
  document.body.classList.remove("dropping");
  const f = e.dataTransfer?.files[0];
  if (f) void open(f);
});

// ── the page ──
function exportButton(kind: ExportKind, label: Parameters<typeof t>[1]): HTMLButtonElement {
  const b = h("button", { type: "button", id: `export-${kind}` }, t(locale, label));
  b.addEventListener("click", () => {
    try {
      download(exportFile(report, kind));
    } catch (e) {
      say(t(locale, "exportFailed", { detail: e instanceof Error ? e.message : String(e) }));
    }
  });
  return b;
}

function page(): void {
  document.documentElement.lang = locale;
  document.title = t(locale, "title");
  const lang = h("button", { type: "button", id: "lang", lang: locale === "en" ? "zh-CN" : "en" }, t(locale, "language"));
  lang.addEventListener("click", () => {
    locale = locale === "en" ? "zh-CN" : "en";
    localStorage.setItem("zfxxgk-editor:locale", locale);
    page();
  });
  const edition = h(
    "select",
    { id: "edition" },
    ...editions.map((e) => h("option", { value: e, selected: e === newEdition }, t(locale, e === "2019" ? "edition2019" : "edition2021"))),
  );
  edition.addEventListener("change", () => {
    newEdition = isEdition(edition.value) ? edition.value : "2021";
    localStorage.setItem("zfxxgk-editor:edition", newEdition);
  });
  const empty = h("button", { type: "button", id: "new" }, t(locale, "newEmpty"));
  empty.addEventListener("click", () => {
    if (confirmReplace()) setReport(emptyReport(new Date().getFullYear() - 1, newEdition));
  });
  const fill = h("button", { type: "button", id: "fill", "aria-describedby": "fill-note" }, t(locale, "fill"));
  fill.addEventListener("click", () => {
    // fill computes only null cells, so nothing the author typed can change
    const { report: filled, filled: pointers } = fillWithDetails(report);
    report = filled as Report;
    for (const p of pointers) {
      const input = refs.cells.get(p);
      if (input) input.value = cellText(getAt(report, p));
    }
    say(pointers.length ? t(locale, "filled", { n: pointers.length }) : t(locale, "filledNone"));
    check();
  });
  app.replaceChildren(
    h(
      "header",
      { class: "top" },
      h("h1", {}, t(locale, "title")),
      lang,
      h("p", { class: "intro" }, t(locale, "intro")),
      h(
        "div",
        { class: "toolbar", role: "group", "aria-label": t(locale, "start") },
        h("label", { for: "edition" }, t(locale, "edition")),
        edition,
        empty,
        h("label", { for: "file", class: "file" }, t(locale, "openFile")),
        fileInput,
        h("span", { class: "hint" }, t(locale, "dropHint")),
      ),
      status,
      notesBox,
    ),
    formBox,
    h(
      "aside",
      { class: "side" },
      h("div", { class: "toolbar" }, fill, h("span", { id: "fill-note", class: "hint" }, t(locale, "fillNote"))),
      h(
        "div",
        { class: "toolbar", role: "group", "aria-label": t(locale, "export") },
        h("strong", {}, `${t(locale, "export")}:`),
        exportButton("json", "exportJson"),
        exportButton("html", "exportHtml"),
        exportButton("fragment", "exportFragment"),
        exportButton("xml", "exportXml"),
        exportButton("docx", "exportDocx"),
        saved,
      ),
      issuesBox,
    ),
  );
  showForm();
}

issuesBox.addEventListener("click", (e) => {
  const a = (e.target as HTMLElement).closest<HTMLAnchorElement>("a.goto");
  if (!a) return;
  e.preventDefault();
  const el = document.getElementById(a.dataset.target!);
  el?.scrollIntoView({ block: "center" });
  el?.focus();
});

const draft = loadDraft(localStorage);
report = draft ? (draft.report as Report) : emptyReport(new Date().getFullYear() - 1);
page();
if (draft) say(t(locale, "draftRestored", { time: new Date(draft.savedAt).toLocaleString(locale) }));

// for bench.mjs: the report and the check, without reaching into modules
(window as unknown as { zfxxgkEditor: unknown }).zfxxgkEditor = {
  get report() {
    return report;
  },
  get result() {
    return result;
  },
};
